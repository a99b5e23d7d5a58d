/* test_actors.c: the built-in dictionaries, the supplement reader (src/code/dict_supp.c)
 * and the actor stage (src/code/actors.c): composition, metonyms, roles, dates. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "../../src/code/actors.h"
#include "../harness.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The default set, loaded once per test that needs it. Caller frees with sr_dict_free. */
static sr_dict *default_dict(void)
{
    sr_dict *d = sr_dict_new(0);
    sr_status st = d ? sr_dict_load_default(d) : SR_NOMEM;
    CHECK_MSG(st == SR_OK, "default set: %s", d ? sr_dict_error(d) : "no memory");
    return d;
}

/* A document of text published on day (year 0: undated), tokens and sentences made
 * and its actors found with d. Caller frees with sr_doc_free. */
static sr_doc *actors_of(const sr_dict *d, const char *text, sr_ymd day)
{
    sr_doc *doc = sr_doc_new("t", text, strlen(text), day.year ? &day : NULL);
    if (!doc || sr_tokenize(doc) != SR_OK || sr_split_sentences(doc) != SR_OK) {
        sr_doc_free(doc);
        return NULL;
    }
    sr_mentions m = {NULL, 0, 0, doc->arena};
    CHECK(sr_actors_find(d, doc, &m) == SR_OK);
    doc->mentions = m.v;
    doc->nmentions = m.n;
    return doc;
}

static const sr_mention *find_span(const sr_doc *doc, const char *span)
{
    for (size_t i = 0; i < doc->nmentions; i++) {
        const sr_mention *m = &doc->mentions[i];
        if (strlen(span) == m->end - m->start &&
            !memcmp(doc->text + m->start, span, m->end - m->start))
            return m;
    }
    return NULL;
}

static void list(const sr_doc *doc)
{
    for (size_t i = 0; i < doc->nmentions; i++) {
        const sr_mention *m = &doc->mentions[i];
        fprintf(stderr, "    found \"%.*s\" %s flags %d\n", (int)(m->end - m->start),
                doc->text + m->start, m->u.actor.code, m->u.actor.flags);
    }
}

/* In text (published on day), span is an actor with code and exactly these flags. */
static void expect_on(const sr_dict *d, sr_ymd day, const char *text, const char *span,
                      const char *code, int flags, int line)
{
    sr_doc *doc = actors_of(d, text, day);
    const sr_mention *m = doc ? find_span(doc, span) : NULL;
    if (!m) {
        sr_test_fail(__FILE__, line, "%s: no actor \"%s\"", text, span);
        if (doc)
            list(doc);
    } else {
        if (strcmp(m->u.actor.code, code) != 0)
            sr_test_fail(__FILE__, line, "\"%s\": code %s, expected %s", span, m->u.actor.code,
                         code);
        if (m->u.actor.flags != flags)
            sr_test_fail(__FILE__, line, "\"%s\": flags %d, expected %d", span, m->u.actor.flags,
                         flags);
        if (m->kind != SR_MENTION_ACTOR || !m->u.actor.name)
            sr_test_fail(__FILE__, line, "\"%s\": not a named actor mention", span);
    }
    sr_doc_free(doc);
}

static const sr_ymd d2024 = {2024, 11, 5};
#define EXPECT(text, span, code, flags) expect_on(d, d2024, text, span, code, flags, __LINE__)

/* The number of actor mentions in text. */
static size_t count_on(const sr_dict *d, sr_ymd day, const char *text)
{
    sr_doc *doc = actors_of(d, text, day);
    size_t n = doc ? doc->nmentions : 0;
    sr_doc_free(doc);
    return n;
}

enum {
    PERSON = SR_ACTOR_PERSON,
    ROLE = SR_ACTOR_ROLE,
    METONYM = SR_ACTOR_METONYM,
    COMPOUND = SR_ACTOR_COMPOUND
};

/* ---- the default set -------------------------------------------------------------- */

TEST(actors_default_set_loads_fast)
{
    double t0 = now();
    sr_dict *d = default_dict();
    double dt = now() - t0;
    sr_dict_stats s;
    sr_dict_get_stats(d, &s);
    printf("  default set: %zu actor + %zu agent phrases, %zu records, %zu taken over by the "
           "supplement, %.1f MiB, loaded in %.3f s\n",
           s.phrases[0], s.phrases[1], s.records, s.replaced, (double)s.bytes / (1 << 20), dt);
    CHECK_EQ_INT(s.errors, 0);
    CHECK(s.phrases[SR_DICT_ACTOR] > 30000 && s.phrases[SR_DICT_AGENT] > 5000);
    CHECK(s.replaced > 50);
    CHECK(dt < 2.0); /* about 0.05 s optimised; generous for sanitizer builds */
    sr_dict_free(d);
}

/* ---- composition ------------------------------------------------------------------ */

TEST(actors_compounds_and_possessives)
{
    sr_dict *d = default_dict();
    EXPECT("More than 10,000 North Korean soldiers have arrived.", "North Korean soldiers",
           "PRKMIL", COMPOUND);
    EXPECT("Ukrainian intelligence said so.", "Ukrainian intelligence", "UKRSPY", COMPOUND);
    EXPECT("British military intelligence said so.", "British military intelligence", "GBRMILSPY",
           COMPOUND);
    EXPECT("South Korea's spy agency said.", "South Korea's spy agency", "KORSPY", COMPOUND);
    EXPECT("South Korea\xE2\x80\x99s spy agency said.", "South Korea\xE2\x80\x99s spy agency",
           "KORSPY", COMPOUND);
    EXPECT("Seoul's Defense Ministry said.", "Seoul's Defense Ministry", "KORGOVMIL",
           METONYM | COMPOUND);
    EXPECT("Russia's Defence Ministry said.", "Russia's Defence Ministry", "RUSGOVMIL", COMPOUND);
    EXPECT("Pyongyang's first troops arrived.", "Pyongyang's first troops", "PRKMIL",
           METONYM | COMPOUND);
    EXPECT("a statement by the defence ministry of South Korea", "defence ministry of South Korea",
           "KORGOVMIL", COMPOUND);
    EXPECT("He met the president of Ukraine.", "president of Ukraine", "UKRGOV", COMPOUND);
    EXPECT("the commander of North Korea's special forces",
           "commander of North Korea's special forces", "PRKMIL", COMPOUND);
    /* a generic GOV adds nothing to a body: the spokesman speaks for it */
    EXPECT("A Pentagon spokesman said.", "Pentagon spokesman", "USAMIL", METONYM | COMPOUND);
    /* a demonym in a list shares the agents of the last member */
    EXPECT("Russian and North Korean soldiers fought.", "Russian", "RUSMIL", COMPOUND);
    sr_dict_free(d);
}

TEST(actors_organisations_and_metonyms)
{
    sr_dict *d = default_dict();
    EXPECT("according to the National Intelligence Service", "National Intelligence Service",
           "KORSPY", 0);
    EXPECT("South Korea's National Intelligence Service said",
           "South Korea's National Intelligence Service", "KORSPY", 0);
    EXPECT("the US Pentagon said", "the US Pentagon", "USAMIL", METONYM);
    EXPECT("the Kremlin denied it", "Kremlin", "RUSGOV", METONYM);
    static const char *const seats[][2] = {{"Seoul", "KOR"},     {"Moscow", "RUS"},
                                           {"Kyiv", "UKR"},      {"Kiev", "UKR"},
                                           {"Pyongyang", "PRK"}, {"Washington", "USA"}};
    for (size_t k = 0; k < sizeof seats / sizeof *seats; k++) {
        char text[128];
        snprintf(text, sizeof text, "%s said the talks had failed.", seats[k][0]);
        EXPECT(text, seats[k][0], seats[k][1], METONYM);
    }
    EXPECT("the HUR said", "HUR", "UKRMILSPY", 0);
    EXPECT("the SBU said", "SBU", "UKRSPY", 0);
    sr_dict_free(d);
}

TEST(actors_titles_and_names)
{
    sr_dict *d = default_dict();
    const char *text = "Ukrainian President Volodymyr Zelensky warned.";
    EXPECT(text, "Ukrainian President Volodymyr Zelensky", "UKRGOV", PERSON);
    CHECK_EQ_INT(count_on(d, d2024, text), 1); /* one mention, not also its parts */
    EXPECT("President Zelensky said.", "President Zelensky", "UKRGOV", PERSON);
    EXPECT("President Zelenskyy said.", "President Zelenskyy", "UKRGOV", PERSON);
    EXPECT("Zelenskyj said.", "Zelenskyj", "UKRGOV", PERSON);
    EXPECT("NATO Secretary General Mark Rutte said.", "NATO Secretary General Mark Rutte",
           "IGOWSTNAT", PERSON);
    EXPECT("Kremlin spokesperson Dmitry Peskov said.", "Kremlin spokesperson Dmitry Peskov",
           "RUSGOV", PERSON);
    EXPECT("South Korean President Yoon Suk Yeol said.", "South Korean President Yoon Suk Yeol",
           "KORGOV", PERSON);
    sr_dict_free(d);
}

TEST(actors_lone_agents_are_roles)
{
    sr_dict *d = default_dict();
    EXPECT("the president said", "president", "GOV", ROLE);
    EXPECT("officials said", "officials", "GOV", ROLE);
    EXPECT("a spokesman said", "spokesman", "GOV", ROLE);
    EXPECT("a spokeswoman said", "spokeswoman", "GOV", ROLE);
    EXPECT("soldiers were killed", "soldiers", "MIL", ROLE);
    EXPECT("the spy agency said", "spy agency", "SPY", ROLE);
    EXPECT("The military said so.", "military", "MIL", ROLE);
    EXPECT("Local police arrested him.", "police", "COP", ROLE);
    /* a singular agent before a noun modifies it: not an actor */
    CHECK_EQ_INT(count_on(d, d2024, "They discussed military aid and artillery ammunition."), 0);
    CHECK_EQ_INT(count_on(d, d2024, "to deepen military cooperation"), 0);
    sr_dict_free(d);
}

/* ---- what is not an actor ------------------------------------------------------------ */

TEST(actors_none_in_plain_text)
{
    sr_dict *d = default_dict();
    CHECK_EQ_INT(count_on(d, d2024, "The weather was mild and the harvest was good this year."), 0);
    CHECK_EQ_INT(count_on(d, d2024, "Mentioning it, she documented many things."),
                 0); /* no stems */
    CHECK_EQ_INT(count_on(d, d2024, "artificial intelligence"), 0);
    CHECK_EQ_INT(count_on(d, d2024, "give it to us"), 0); /* "US" is a name: capitalised */
    CHECK_EQ_INT(count_on(d, d2024, ""), 0);
    sr_dict_free(d);
}

TEST(actors_places_are_not_actors)
{
    sr_dict *d = default_dict();
    static const char *const cases[][2] = {
        {"Troops arrived in Russia.", "Russia"},
        {"They met in Seoul.", "Seoul"},
        {"They fought in the Kursk region.", "Kursk"},
        {"in the border region of Kursk", "Kursk"},
        {"They wore Russian uniforms.", "Russian"},
        {"Ukrainian, South Korean and US sources said.", "Ukrainian"},
        {"based in Vladivostok, Ussuriysk, Khabarovsk and Blagoveshchensk", "Khabarovsk"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        sr_doc *doc = actors_of(d, cases[k][0], d2024);
        CHECK_MSG(doc && !find_span(doc, cases[k][1]), "%s: \"%s\" taken for an actor", cases[k][0],
                  cases[k][1]);
        sr_doc_free(doc);
    }
    EXPECT("Ukrainian, South Korean and US sources said.", "US", "USA", 0);
    EXPECT("They are sending troops to Russia.", "Russia", "RUS", 0);
    sr_dict_free(d);
}

TEST(actors_skip_tokens_recognisers_used)
{
    sr_dict *d = default_dict();
    const char *text = "North Korean soldiers";
    sr_doc *doc = sr_doc_new("t", text, strlen(text), NULL);
    CHECK(doc && sr_tokenize(doc) == SR_OK && sr_split_sentences(doc) == SR_OK);
    doc->tokens[1].flags |= SR_TF_USED; /* "Korean" */
    sr_mentions m = {NULL, 0, 0, doc->arena};
    CHECK(sr_actors_find(d, doc, &m) == SR_OK);
    for (size_t i = 0; i < m.n; i++)
        CHECK(m.v[i].start > doc->tokens[1].end || m.v[i].end <= doc->tokens[1].start);
    sr_doc_free(doc);
    sr_dict_free(d);
}

/* ---- dates ------------------------------------------------------------------------- */

TEST(actors_codes_follow_the_report_date)
{
    sr_dict *d = default_dict();
    static const struct {
        sr_ymd day;
        const char *text, *span, *code;
    } cases[] = {
        {{2015, 6, 1}, "Zelensky said", "Zelensky", "UKRELI"},
        {{2019, 5, 20}, "Zelensky said", "Zelensky", "UKRGOV"},
        {{2016, 1, 1}, "Poroshenko said", "Poroshenko", "UKRGOV"},
        {{2019, 5, 21}, "Poroshenko said", "Poroshenko", "UKRELI"},
        {{2023, 3, 1}, "Yoon Suk Yeol said", "Yoon Suk Yeol", "KORGOV"},
        {{2025, 6, 10}, "Yoon Suk Yeol said", "Yoon Suk Yeol", "KORELI"},
        {{2024, 9, 1}, "Jens Stoltenberg said", "Jens Stoltenberg", "IGOWSTNAT"},
        {{2024, 11, 1}, "Mark Rutte said", "Mark Rutte", "IGOWSTNAT"},
        {{2020, 1, 1}, "Mark Rutte said", "Mark Rutte", "NLDGOV"},
        {{2022, 1, 1}, "Joe Biden said", "Joe Biden", "USAGOV"},
        {{2025, 3, 1}, "Joe Biden said", "Joe Biden", "USAELI"},
        {{2025, 3, 1}, "Donald Trump said", "Donald Trump", "USAGOV"},
        {{2022, 1, 1}, "Donald Trump said", "Donald Trump", "USAELI"},
        /* a Phoenix variant of a person the supplement corrects: Phoenix had ">090120" */
        {{2012, 1, 1}, "President Barack Obama said", "President Barack Obama", "USAGOV"},
        {{2020, 1, 1}, "President Barack Obama said", "President Barack Obama", "USAELI"},
        {{0, 0, 0}, "Zelensky said", "Zelensky", "UKRELI"}, /* undated: the default */
        /* Phoenix's Najibullah: restricted codes and a default AFGELI */
        {{1990, 1, 1}, "Mohammad Najibullah said", "Mohammad Najibullah", "AFGGOV"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++)
        expect_on(d, cases[k].day, cases[k].text, cases[k].span, cases[k].code, PERSON, __LINE__);
    sr_dict_free(d);
}

/* ---- the supplement format ------------------------------------------------------------- */

static const char demo_supplement[] =
    "# a test supplement\r\n"
    "person Ann Example | A. Example | Example = XYZGOV 2019-05-20..2024-05-19, XYZELI\n"
    "person Bob Open = XYZMIL 2020-01-01.. , XYZELI   # open-ended\n"
    "group Example Service = XYZSPY\n"
    "seat Examplegrad = XYZ\n"
    "agent watchman | spy agency = SPY\n"
    "agent ombudsbody = NGO~\n"
    "group Not An Actor = ---\n";

TEST(actors_supplement_reader)
{
    sr_dict *d = sr_dict_new(0);
    CHECK_MSG(sr_dict_load_supplement(d, "t.supp", demo_supplement, strlen(demo_supplement)) ==
                  SR_OK,
              "%s", sr_dict_error(d));
    sr_dict_stats s;
    sr_dict_get_stats(d, &s);
    CHECK_EQ_INT(s.records, 7);
    CHECK_EQ_INT(s.phrases[SR_DICT_ACTOR], 7);
    CHECK_EQ_INT(s.phrases[SR_DICT_AGENT], 6); /* and the plurals: watchmen, agencies, bodies */
    static const struct {
        sr_ymd day;
        const char *text, *span, *code;
        int flags;
    } cases[] = {
        {{2019, 5, 19}, "Ann Example said", "Ann Example", "XYZELI", PERSON},
        {{2019, 5, 20}, "Ann Example said", "Ann Example", "XYZGOV", PERSON},
        {{2024, 5, 19}, "A. Example said", "A. Example", "XYZGOV", PERSON},
        {{2024, 5, 20}, "Example said", "Example", "XYZELI", PERSON},
        {{2030, 1, 1}, "Bob Open said", "Bob Open", "XYZMIL", PERSON},
        {{2024, 1, 1}, "the Example Service", "Example Service", "XYZSPY", 0},
        {{2024, 1, 1}, "Examplegrad said", "Examplegrad", "XYZ", METONYM},
        {{2024, 1, 1},
         "Examplegrad's watchmen said",
         "Examplegrad's watchmen",
         "XYZSPY",
         METONYM | COMPOUND},
        {{2024, 1, 1},
         "the Examplegrad ombudsbody",
         "Examplegrad ombudsbody",
         "NGOXYZ",
         METONYM | COMPOUND},
        {{2024, 1, 1}, "spy agencies said", "spy agencies", "SPY", ROLE},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++)
        expect_on(d, cases[k].day, cases[k].text, cases[k].span, cases[k].code, cases[k].flags,
                  __LINE__);
    CHECK_EQ_INT(count_on(d, d2024, "Not An Actor said"), 0);
    sr_dict_free(d);
}

TEST(actors_supplement_takes_over_older_entries)
{
    static const char tabari[] = "JOHN_EXAMPLE_\n+PRESIDENT_EXAMPLE\n\t[XYZGOV >100101]\n"
                                 "EXAMPLELAND_ [XYZ]\n+EXAMPLEGRAD_\n";
    static const char supp[] = "person John Example = XYZGOV 2010-01-01..2014-12-31, XYZELI\n"
                               "seat Examplegrad = XYZ\n";
    sr_dict *d = sr_dict_new(0);
    CHECK(sr_dict_load_mem(d, SR_DICT_ACTOR, "t.actors", tabari, strlen(tabari)) == SR_OK);
    CHECK(sr_dict_load_supplement(d, "t.supp", supp, strlen(supp)) == SR_OK);
    sr_dict_stats s;
    sr_dict_get_stats(d, &s);
    CHECK_EQ_INT(s.replaced, 2);
    sr_ymd y2020 = {2020, 1, 1}, y2012 = {2012, 1, 1};
    /* the person's primary phrase was taken over: every variant has the new dates */
    expect_on(d, y2020, "President Example said", "President Example", "XYZELI", PERSON, __LINE__);
    expect_on(d, y2012, "President Example said", "President Example", "XYZGOV", PERSON, __LINE__);
    /* a synonym taken over alone: the country keeps its other names */
    expect_on(d, y2020, "Examplegrad said", "Examplegrad", "XYZ", METONYM, __LINE__);
    expect_on(d, y2020, "Exampleland said", "Exampleland", "XYZ", 0, __LINE__);
    /* and a repeat inside one supplement is a duplicate, not a take-over */
    static const char twice[] = "group Twice = AAA\ngroup Twice = BBB\n";
    CHECK(sr_dict_load_supplement(d, "t2.supp", twice, strlen(twice)) == SR_OK);
    expect_on(d, y2020, "Twice said", "Twice", "AAA", 0, __LINE__);
    CHECK(strstr(sr_dict_warning(d), "duplicate") != NULL);
    sr_dict_free(d);
}

TEST(actors_supplement_errors_name_file_and_line)
{
    static const struct {
        const char *text, *msg;
        sr_status st;
    } cases[] = {
        {"actor X = AAA\n", "t.supp:1: expected a kind", SR_DICT_SYNTAX},
        {"# c\n\nperson X AAA\n", "t.supp:3: expected '='", SR_DICT_SYNTAX},
        {"person X = aaa\n", "t.supp:1: expected a code of capital letters", SR_DICT_SYNTAX},
        {"person X = \n", "t.supp:1: expected a code after", SR_DICT_SYNTAX},
        {"person X = AAA,\n", "t.supp:1: expected a code after", SR_DICT_SYNTAX},
        {"person X = AAA/\n", "t.supp:1: expected a code of capital", SR_DICT_SYNTAX},
        {"person = AAA\n", "t.supp:1: expected a name", SR_DICT_SYNTAX},
        {"person X || Y = AAA\n", "t.supp:1: expected a name", SR_DICT_SYNTAX},
        {"person X = AAA 2019-13-01..\n", "t.supp:1: expected a date YYYY-MM-DD", SR_DATE},
        {"person X = AAA 2019-05-20\n", "t.supp:1: expected a date range", SR_DATE},
        {"person X = AAA 20190520..\n", "t.supp:1: expected a date YYYY-MM-DD", SR_DATE},
        {"person X = AAA 2020-01-01..2019-01-01\n", "t.supp:1: expected a date range that ends",
         SR_DATE},
        {"agent x = ~\n", "t.supp:1: expected a code of capital", SR_DICT_SYNTAX},
        {"group ___ = AAA\n", "t.supp:1: expected a phrase with at least one word", SR_DICT_SYNTAX},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        sr_dict *d = sr_dict_new(0);
        sr_status st = sr_dict_load_supplement(d, "t.supp", cases[k].text, strlen(cases[k].text));
        CHECK_MSG(st == cases[k].st, "case %zu: status %d", k, (int)st);
        CHECK_MSG(strncmp(sr_dict_error(d), cases[k].msg, strlen(cases[k].msg)) == 0,
                  "case %zu: \"%s\"", k, sr_dict_error(d));
        sr_dict_free(d);
    }
    /* the bad line is skipped, the rest is read */
    static const char text[] = "group A = AAA\ngroup B = bad\ngroup C = CCC\n";
    sr_dict *d = sr_dict_new(0);
    CHECK(sr_dict_load_supplement(d, "t.supp", text, strlen(text)) == SR_DICT_SYNTAX);
    CHECK(strncmp(sr_dict_error(d), "t.supp:2:", 9) == 0);
    expect_on(d, d2024, "C said", "C", "CCC", 0, __LINE__);
    CHECK_EQ_INT(count_on(d, d2024, "B said"), 0);
    sr_dict_free(d);
    CHECK(sr_dict_load_supplement_file(d = sr_dict_new(0), "/nonexistent/x") == SR_NOTFOUND);
    CHECK(strstr(sr_dict_error(d), "/nonexistent/x") != NULL);
    sr_dict_free(d);
}

/* ---- cost ---------------------------------------------------------------------------- */

/* 60,000 tokens of composable phrases, possessives and lists in one sentence. */
TEST(actors_pathological)
{
    sr_dict *d = default_dict();
    sr_buf b = {0};
    for (int k = 0; k < 2000; k++)
        sr_buf_adds(&b, "Russia's Russian and North Korean , Seoul's the president of the "
                        "Ukrainian military intelligence chief ");
    sr_buf_addc(&b, 0);
    double t0 = now();
    sr_doc *doc = actors_of(d, b.p, d2024);
    double dt = now() - t0;
    CHECK(doc && doc->nmentions > 2000);
    CHECK_MSG(dt < 5.0, "%.2f s", dt);
    sr_doc_free(doc);
    sr_buf_free(&b);
    sr_dict_free(d);
}
