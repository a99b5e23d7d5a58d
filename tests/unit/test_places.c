/* test_places.c: the gazetteer reader (src/place/gazetteer.c) and the place stage
 * (src/place/places*.c), on small inline gazetteers and on the built-in one. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "../../src/place/gazetteer.h"
#include "../harness.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The built-in gazetteer, loaded once for the whole run (reachable: no leak). */
static const sr_gazetteer *builtin(void)
{
    static sr_gazetteer *g;
    if (!g) {
        g = sr_gazetteer_new();
        if (!g || sr_gazetteer_load_default(g) != SR_OK)
            sr_test_fail(__FILE__, __LINE__, "built-in gazetteer: %s",
                         g ? sr_gazetteer_error(g) : "out of memory");
    }
    return g;
}

/* Analyses text as the pipeline does up to the place stage (dates first, so that they
 * consume "March"). Caller frees with sr_doc_free. */
static sr_doc *places_of(const sr_gazetteer *g, const char *text)
{
    sr_doc *d = sr_doc_new("t", text, strlen(text), NULL);
    sr_mentions m = {NULL, 0, 0, d ? d->arena : NULL};
    if (!d || sr_tokenize(d) || sr_split_sentences(d) || sr_recognise_dates(d, &m) ||
        sr_places_find(g, d, &m)) {
        sr_test_fail(__FILE__, __LINE__, "analysis failed");
        return d;
    }
    d->mentions = m.v;
    d->nmentions = m.n;
    return d;
}

/* The place mention whose text is exactly s, or NULL. */
static const sr_place *place(const sr_doc *d, const char *s)
{
    for (size_t i = 0; i < d->nmentions; i++) {
        const sr_mention *m = &d->mentions[i];
        if (m->kind == SR_MENTION_PLACE && m->end - m->start == strlen(s) &&
            !memcmp(d->text + m->start, s, strlen(s)))
            return &m->u.place;
    }
    return NULL;
}

static size_t nplaces(const sr_doc *d)
{
    size_t n = 0;
    for (size_t i = 0; i < d->nmentions; i++)
        n += d->mentions[i].kind == SR_MENTION_PLACE;
    return n;
}

/* Checks that text has a place mention s of the given country and kind (id too when
 * not NULL). */
#define EXPECT_PLACE(g, text, s, cc, k, id_)                                                       \
    do {                                                                                           \
        sr_doc *d_ = places_of(g, text);                                                           \
        const sr_place *p_ = d_ ? place(d_, s) : NULL;                                             \
        CHECK_MSG(p_ != NULL, "no place \"%s\" in \"%s\"", s, text);                               \
        if (p_) {                                                                                  \
            CHECK_EQ_STR(p_->country, cc);                                                         \
            CHECK_EQ_STR(sr_place_kind_name(p_->kind), k);                                         \
            if (id_)                                                                               \
                CHECK_EQ_STR(p_->id, (const char *)id_);                                           \
        }                                                                                          \
        sr_doc_free(d_);                                                                           \
    } while (0)

#define EXPECT_NO_PLACE(g, text, s)                                                                \
    do {                                                                                           \
        sr_doc *d_ = places_of(g, text);                                                           \
        const sr_place *p_ = d_ ? place(d_, s) : NULL;                                             \
        CHECK_MSG(p_ == NULL, "unexpected place \"%s\" (%s) in \"%s\"", s, p_ ? p_->id : "",       \
                  text);                                                                           \
        sr_doc_free(d_);                                                                           \
    } while (0)

/* ---- the reader ------------------------------------------------------------------------ */

static const char small[] =
    "# a small gazetteer\n"
    "iso3166:RUS\tC\tRU\tRUS\t\t55.75222\t37.61556\tRussia\tRussian Federation\n"
    "iso3166:USA\tC\tUS\tUSA\t\t38.89511\t-77.03637\tUnited States\tUS\n"
    "iso3166-2:RU-KRS\tR\tRU\t41\t\t51.73733\t36.18735\tKurskaja oblast'\n"
    "geonames:538560\tA\tRU\t41\t448733\t51.73733\t36.18735\tKursk\n"
    "geonames:1\tP\tUS\tXX\t2000\t40.1\t-80\tKursk\n"
    "geonames:486816\tP\tRU\t41\t6940\t51.1976\t35.2726\tSudzha\n";

/* Loads text into a fresh gazetteer; *st gets the status. Caller frees. */
static sr_gazetteer *load(const char *text, sr_status *st)
{
    sr_gazetteer *g = sr_gazetteer_new();
    *st = g ? sr_gazetteer_load_mem(g, "t.tsv", text, strlen(text)) : SR_NOMEM;
    return g;
}

TEST(gazetteer_reads_a_small_file)
{
    sr_status st;
    sr_gazetteer *g = load(small, &st);
    CHECK_EQ_INT(st, SR_OK);
    CHECK_EQ_STR(sr_gazetteer_error(g), "");
    EXPECT_PLACE(g, "Troops entered Russia's Kursk region.", "Kursk region", "RUS", "region",
                 "iso3166-2:RU-KRS");
    EXPECT_PLACE(g, "Russia said fighting went on in Kursk.", "Kursk", "RUS", "city",
                 "geonames:538560");
    sr_doc *d = places_of(g, "Russia said fighting went on in Kursk.");
    const sr_place *p = d ? place(d, "Kursk") : NULL;
    CHECK(p && p->population == 448733 && p->lat == 51.73733 && p->lon == 36.18735);
    CHECK(p && !strcmp(p->name, "Kursk"));
    sr_doc_free(d);
    sr_gazetteer_free(g);
}

/* Each malformed line is reported with file and line, and the good lines still load. */
TEST(gazetteer_errors_name_file_and_line)
{
    static const struct {
        const char *line, *message;
        sr_status st;
    } bad[] = {
        {"geonames:9\tP\tRU\t41\t10\t51.5\n", "t.tsv:8: expected id, kind", SR_DICT},
        {"geonames:9\tP\tRU\t41\t10\t91.5\t36\tNowhere\n", "t.tsv:8: bad latitude", SR_DICT},
        {"geonames:9\tP\tRU\t41\t10\t51.5\t36,1\tNowhere\n", "t.tsv:8: bad longitude", SR_DICT},
        {"geonames:9\tP\tRU\t41\tmany\t51.5\t36\tNowhere\n", "t.tsv:8: bad population", SR_DICT},
        {"geonames:9\tQ\tRU\t41\t10\t51.5\t36\tNowhere\n", "t.tsv:8: expected kind", SR_DICT},
        {"geonames:9\tP\tZZ\t41\t10\t51.5\t36\tNowhere\n", "t.tsv:8: unknown country code ZZ",
         SR_DICT},
        {"geonames:9\tP\tRU\t41\t10\t51.5\t36\t\n", "t.tsv:8: empty name", SR_DICT},
        {"geonames:9\tP\tRU\t41\t10\t51.5\t36\tBad\xff\n", "t.tsv:8: name in field 8 is not",
         SR_DICT},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char text[2048];
        snprintf(text, sizeof text, "%s%s", small, bad[i].line);
        strcat(text, "geonames:10\tP\tRU\t41\t20000\t51\t36\tLater\n");
        sr_status st;
        sr_gazetteer *g = load(text, &st);
        CHECK_EQ_INT(st, bad[i].st);
        CHECK_MSG(!strncmp(sr_gazetteer_error(g), bad[i].message, strlen(bad[i].message)),
                  "error \"%s\", expected \"%s...\"", sr_gazetteer_error(g), bad[i].message);
        EXPECT_PLACE(g, "Russia: shelling near Later.", "Later", "RUS", "city", "geonames:10");
        sr_gazetteer_free(g);
    }
}

TEST(gazetteer_limits_are_errors)
{
    char text[8192], name[512];
    memset(name, 'a', sizeof name - 1);
    name[sizeof name - 1] = 0;
    snprintf(text, sizeof text, "%sgeonames:9\tP\tRU\t41\t10\t51\t36\tA%s\n", small, name);
    sr_status st;
    sr_gazetteer *g = load(text, &st);
    CHECK_EQ_INT(st, SR_LIMIT);
    CHECK_MSG(strstr(sr_gazetteer_error(g), "t.tsv:8: name longer than"), "%s",
              sr_gazetteer_error(g));
    sr_gazetteer_free(g);

    size_t n = (size_t)snprintf(text, sizeof text, "%sgeonames:9\tP\tRU\t41\t10\t51\t36", small);
    for (int i = 0; i < 60; i++)
        n += (size_t)snprintf(text + n, sizeof text - n, "\tName%d", i);
    snprintf(text + n, sizeof text - n, "\n");
    g = load(text, &st);
    CHECK_EQ_INT(st, SR_LIMIT);
    CHECK_MSG(strstr(sr_gazetteer_error(g), "t.tsv:8: too many fields"), "%s",
              sr_gazetteer_error(g));
    sr_gazetteer_free(g);

    snprintf(text, sizeof text, "%sgeonames:9\tP\tRU\t41\t10\t51\t36\tA b c d e f g h i j\n",
             small);
    g = load(text, &st);
    CHECK_EQ_INT(st, SR_LIMIT);
    CHECK_MSG(strstr(sr_gazetteer_error(g), "t.tsv:8: name has more than"), "%s",
              sr_gazetteer_error(g));
    sr_gazetteer_free(g);
}

/* Bytes of every value in random lines never crash the reader or the stage. */
TEST(gazetteer_survives_garbage)
{
    unsigned seed = 12345;
    char text[4096];
    for (int round = 0; round < 300; round++) {
        size_t n = (size_t)(round * 13 % 4000);
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            unsigned r = seed >> 16;
            /* mostly tabs, newlines, digits and letters, some anything */
            text[i] = r % 7 == 0    ? '\t'
                      : r % 11 == 0 ? '\n'
                      : r % 5 == 0  ? (char)('0' + r % 10)
                      : r % 13 == 0 ? (char)r
                                    : (char)('A' + r % 26);
        }
        sr_gazetteer *g = sr_gazetteer_new();
        CHECK(g != NULL);
        if (!g)
            return;
        sr_gazetteer_load_mem(g, "junk", small, strlen(small));
        sr_status st = sr_gazetteer_load_mem(g, "junk", text, n);
        CHECK(st == SR_OK || sr_gazetteer_error(g)[0]);
        sr_doc *d = places_of(g, "ABC DEF in Kursk, Russia. Q W E R T Y near Sudzha.");
        sr_doc_free(d);
        sr_gazetteer_free(g);
    }
}

/* A user's file adds to the built-in gazetteer; its places resolve like the others. */
TEST(gazetteer_user_file_adds_places)
{
    sr_gazetteer *g = sr_gazetteer_new();
    CHECK(g && sr_gazetteer_load_default(g) == SR_OK);
    static const char extra[] = "sitrep:test-1\tP\tUA\t\t120000\t48.1\t37.2\tNewtownovsk\n";
    CHECK_EQ_INT(sr_gazetteer_load_mem(g, "user.tsv", extra, strlen(extra)), SR_OK);
    EXPECT_PLACE(g, "Ukraine said fighting went on near Newtownovsk.", "Newtownovsk", "UKR", "city",
                 "sitrep:test-1");
    sr_gazetteer_free(g);
}

/* The built-in gazetteer loads quickly; the time is printed for the record. */
TEST(gazetteer_default_load_time)
{
    double t0 = now();
    sr_gazetteer *g = sr_gazetteer_new();
    sr_status st = g ? sr_gazetteer_load_default(g) : SR_NOMEM;
    double t = now() - t0;
    CHECK_EQ_INT(st, SR_OK);
    printf("  gazetteer: built-in loaded in %.0f ms\n", t * 1e3);
    CHECK_MSG(t < 2.0, "built-in gazetteer took %.2f s to load", t); /* generous: ASan */
    sr_gazetteer_free(g);
}

/* ---- the stage, on the built-in gazetteer ------------------------------------------------ */

TEST(places_kursk_in_a_russian_story)
{
    const sr_gazetteer *g = builtin();
    EXPECT_PLACE(g, "Russia says its troops have retaken villages around Kursk.", "Kursk", "RUS",
                 "city", "geonames:538560");
    EXPECT_PLACE(g, "North Korean troops were sent to the Kursk region.", "Kursk region", "RUS",
                 "region", NULL);
    EXPECT_PLACE(g, "Fighting continues in Kursk Oblast, officials said.", "Kursk Oblast", "RUS",
                 "region", NULL);
    EXPECT_PLACE(g, "Shelling hit the Zaporizhzhia region overnight.", "Zaporizhzhia region", "UKR",
                 "region", NULL);
    EXPECT_PLACE(g, "Soldiers trained near Vladivostok before the deployment.", "Vladivostok",
                 "RUS", "city", NULL);
    EXPECT_PLACE(g, "Ukraine's forces pushed into the Kursk and Belgorod regions.", "Kursk", "RUS",
                 "region", NULL);
}

TEST(places_countries)
{
    const sr_gazetteer *g = builtin();
    EXPECT_PLACE(g, "More than 10,000 soldiers have arrived in Russia.", "Russia", "RUS", "country",
                 "iso3166:RUS");
    EXPECT_PLACE(g, "South Korea's spy agency said so.", "South Korea", "KOR", "country", NULL);
    EXPECT_PLACE(g, "Officials in the US and the UK disagreed.", "US", "USA", "country", NULL);
    EXPECT_PLACE(g, "Officials in the US and the UK disagreed.", "UK", "GBR", "country", NULL);
    EXPECT_PLACE(g, "He met envoys from the U.S. on Tuesday.", "U.S.", "USA", "country", NULL);
    EXPECT_PLACE(g, "Talks with the Democratic Republic of the Congo resumed.",
                 "Democratic Republic of the Congo", "COD", "country", NULL);
    /* a demonym is no place */
    sr_doc *d = places_of(g, "North Korean soldiers were seen.");
    CHECK_EQ_INT(d ? nplaces(d) : 1, 0);
    sr_doc_free(d);
}

TEST(places_common_words_are_not_places)
{
    const sr_gazetteer *g = builtin();
    EXPECT_NO_PLACE(g, "Reading is fun.", "Reading");
    EXPECT_NO_PLACE(g, "The talks began in March.", "March");
    EXPECT_NO_PLACE(g, "Police said the talks would resume.", "Police");
    EXPECT_NO_PLACE(g, "Nice work, he said.", "Nice");
    EXPECT_NO_PLACE(g, "Born in a small village, he rose fast.", "Born");
    EXPECT_NO_PLACE(g, "Growth in Asia slowed.", "Asia");
    EXPECT_NO_PLACE(g, "Trade with Latin America rose.", "America");
    /* after a locative preposition, a large place with a common name is one */
    EXPECT_PLACE(g, "The ferry from Split to Ancona was late.", "Split", "HRV", "city", NULL);
}

TEST(places_people_are_not_places)
{
    const sr_gazetteer *g = builtin();
    EXPECT_NO_PLACE(g, "Jordan Bardella leads the party.", "Jordan");
    EXPECT_NO_PLACE(g, "The striker said Michael Jordan was his hero.", "Jordan");
    EXPECT_NO_PLACE(g, "Mr Chad arrived late.", "Chad");
    EXPECT_NO_PLACE(g, "A spokesman said Barack Obama would speak.", "Obama");
    EXPECT_PLACE(g, "Refugees fled to Jordan last year.", "Jordan", "JOR", "country", NULL);
}

TEST(places_ambiguity_by_population_and_context)
{
    const sr_gazetteer *g = builtin();
    EXPECT_PLACE(g, "The summit was held in Paris.", "Paris", "FRA", "city", NULL);
    EXPECT_PLACE(g, "She grew up in Paris, Texas.", "Paris", "USA", "city", NULL);
    EXPECT_PLACE(g, "She grew up in Paris, Texas.", "Texas", "USA", "region", NULL);
    EXPECT_PLACE(g,
                 "The storm crossed Texas from Dallas to Houston. In the United States, "
                 "officials in Texas said Paris lost power.",
                 "Paris", "USA", "city", NULL);
    EXPECT_PLACE(g, "Tbilisi says Georgia will not yield.", "Georgia", "GEO", "country", NULL);
    EXPECT_PLACE(g,
                 "The United States votes today. In Atlanta and across Georgia, lines "
                 "were long, officials in the US said.",
                 "Georgia", "USA", "region", NULL);
}

TEST(places_small_places_need_context)
{
    const sr_gazetteer *g = builtin();
    /* Sudzha has 6,940 people: found only where its region is in play */
    EXPECT_PLACE(g, "Troops in the Kursk region retook Sudzha.", "Sudzha", "RUS", "city", NULL);
    EXPECT_NO_PLACE(g, "A gas station in Sudzha was quiet.", "Sudzha");
    /* the name check: capitals where the name has them, acronyms exact */
    EXPECT_NO_PLACE(g, "The BoE raised rates.", "BoE");
    EXPECT_NO_PLACE(g, "Talks went on in New york.", "New york");
}

TEST(places_mention_spans_and_strings)
{
    const sr_gazetteer *g = builtin();
    const char *text = "Officials in Kyiv and Moscow traded blame.";
    sr_doc *d = places_of(g, text);
    CHECK_EQ_INT(d ? nplaces(d) : 0, 2);
    for (size_t i = 0; d && i < d->nmentions; i++) {
        const sr_mention *m = &d->mentions[i];
        CHECK(m->start < m->end && m->end <= d->len);
        CHECK(m->u.place.id && m->u.place.name && strlen(m->u.place.country) == 3);
    }
    sr_doc_free(d);
}
