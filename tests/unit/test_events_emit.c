/* test_events_emit.c: the CAMEO-to-PLOVER table (src/code/plover.c) and the event
 * writers (src/emit/emit_event.c): JSONL event records, TSV rows and GDELT 2.0
 * event-export rows of a document whose events are made by hand. The PLOVER
 * expectations are read off data/eventcoding/CAMEO2PLOVER-2021.txt. */
#include <jansson.h>
#include <stdlib.h>

#include "../../src/code/plover.h"
#include "../harness.h"

/* ---- the table ------------------------------------------------------------------- */

static void check_plover(const char *code, const char *type, const char *mode, const char *ctx)
{
    sr_plover p;
    bool found = sr_plover_lookup(code, &p);
    CHECK_MSG(found == (*type != 0), "%s: found %d", code, found);
    CHECK_MSG(!strcmp(p.type, type), "%s: type \"%s\", expected \"%s\"", code, p.type, type);
    CHECK_MSG(!strcmp(p.mode, mode), "%s: mode \"%s\", expected \"%s\"", code, p.mode, mode);
    CHECK_MSG(!strcmp(p.context, ctx), "%s: context \"%s\", expected \"%s\"", code, p.context, ctx);
    CHECK_EQ_STR(sr_plover_type(code), type);
}

TEST(plover_listed_codes)
{
    check_plover("042", "CONSULT", "visit", "");
    check_plover("043", "CONSULT", "visit", "");
    check_plover("040", "CONSULT", "", "");
    check_plover("030", "AGREE", "", "diplomatic");
    check_plover("0311", "AGREE", "", "economic");
    check_plover("057", "SUPPORT", "", "diplomatic");
    check_plover("064", "COOPERATE", "", "intelligence");
    check_plover("075", "AID", "", "asylum");
    check_plover("083", "CONCEDE", "", "political_institutions");
    check_plover("084", "RETREAT", "", "");
    check_plover("0871", "RETREAT", "ceasefire", "military");
    check_plover("0861", "RETREAT", "access", "peacekeeping"); /* "access ," in the file */
    check_plover("0813", "RETREAT", "", "legal"); /* listed under RETREAT, comment cut */
    check_plover("091", "ACCUSE", "investigate", "crime;corruption");
    check_plover("1124", "ACCUSE", "allege", "military;legal");
    check_plover("1056", "REQUEST", "yield", "military");
    check_plover("1243", "REJECT", "yield", "legal");
    check_plover("1322", "THREATEN", "ban", "pro_autocracy");
    check_plover("1385", "THREATEN", "violence", "cbrn");
    check_plover("145", "PROTEST", "riot", "");
    check_plover("154", "MOBILIZE", "troops", "military");
    check_plover("163", "COERCE", "restrict", "diplomatic"); /* under the SANCTION heading */
    check_plover("1662", "SANCTION", "expel", "diplomatic");
    check_plover("1712", "ASSAULT", "seize", "human_security");
    check_plover("1724", "COERCE", "martial-law", "pro_autocracy");
    check_plover("175", "ASSAULT", "pro_autocracy", "military"); /* listed twice, alike */
    check_plover("1823", "ASSAULT", "", "");
    check_plover("186", "ASSAULT", "assassinate", "");
    check_plover("191", "COERCE", "restrict", "military");
    check_plover("196", "ASSAULT", "", "legal;military");
    check_plover("201", "ASSAULT", "cleansing", "religion_ethnicity");
    check_plover("2042", "ASSAULT", "unconventional", "cbrn");
}

TEST(plover_fallback_and_unmapped)
{
    /* not listed: the parent with the last digit dropped */
    check_plover("0315", "AGREE", "", "diplomatic"); /* 031 */
    check_plover("0815", "CONCEDE", "", "legal");    /* 081 */
    check_plover("1455", "PROTEST", "riot", "");     /* 145 */
    check_plover("199", "ASSAULT", "", "");          /* root 19 */
    check_plover("088", "CONCEDE", "", "");          /* root 08: its first line */
    /* roots: their own lines, no mode or context */
    check_plover("04", "CONSULT", "", "");
    check_plover("08", "CONCEDE", "", "");
    check_plover("20", "ASSAULT", "", "");
    check_plover("09", "ACCUSE", "", "");
    /* PLOVER drops 01 and 02 */
    check_plover("01", "", "", "");
    check_plover("010", "", "", "");
    check_plover("0234", "", "", "");
    check_plover("028", "", "", "");
    /* not CAMEO codes */
    check_plover("21", "", "", "");
    check_plover("00", "", "", "");
    check_plover("0", "", "", "");
    check_plover("", "", "", "");
    check_plover("04a", "", "", "");
    check_plover("04567", "", "", "");
    check_plover("---", "", "", "");
    CHECK_EQ_STR(sr_plover_type(NULL), "");
}

TEST(cameo_quad_class)
{
    CHECK_EQ_INT(sr_cameo_quad_class("010"), 1);
    CHECK_EQ_INT(sr_cameo_quad_class("057"), 1);
    CHECK_EQ_INT(sr_cameo_quad_class("06"), 2);
    CHECK_EQ_INT(sr_cameo_quad_class("0871"), 2);
    CHECK_EQ_INT(sr_cameo_quad_class("090"), 3);
    CHECK_EQ_INT(sr_cameo_quad_class("1385"), 3);
    CHECK_EQ_INT(sr_cameo_quad_class("140"), 4);
    CHECK_EQ_INT(sr_cameo_quad_class("2042"), 4);
    CHECK_EQ_INT(sr_cameo_quad_class("21"), 0);
    CHECK_EQ_INT(sr_cameo_quad_class("00"), 0);
    CHECK_EQ_INT(sr_cameo_quad_class("x1"), 0);
    CHECK_EQ_INT(sr_cameo_quad_class(""), 0);
}

/* ---- a document with events made by hand ------------------------------------------ */

static const char text[] = "Argentina's government hosted Nigeria's envoy in Lagos on 5 March. "
                           "Protesters rioted against\tpolice in Buenos Aires.";

/* Byte offset of the first occurrence of s in the text. */
static uint32_t at(const char *s)
{
    const char *p = strstr(text, s);
    return p ? (uint32_t)(p - text) : 0;
}

static void place(sr_mention *m, const char *name, const char *id, const char *cc, uint8_t kind,
                  double lat, double lon)
{
    m->kind = SR_MENTION_PLACE;
    m->start = at(name);
    m->end = m->start + (uint32_t)strlen(name);
    m->u.place.id = id;
    m->u.place.name = name;
    memcpy(m->u.place.country, cc, 4);
    m->u.place.kind = kind;
    m->u.place.lat = lat;
    m->u.place.lon = lon;
}

static void span(const char *s, uint32_t *start, uint32_t *end)
{
    *start = at(s);
    *end = *start + (uint32_t)strlen(s);
}

/* Two sentences; mentions: Argentina, Lagos, 5 March (sentence 0), Buenos Aires
 * (sentence 1); events: ARGGOV hosts NGAGOV (043), OPP riots against ARGCOP (145), and a
 * passive, paired 1712 with a default source. Caller frees with sr_doc_free. */
static sr_doc *make_doc(void)
{
    sr_ymd pub = {2024, 3, 6};
    sr_doc *d = sr_doc_new("t1", text, strlen(text), &pub);
    if (!d || sr_tokenize(d) || sr_split_sentences(d))
        return d;
    d->url.p = "https://example.org/a?b=1";
    d->url.n = strlen(d->url.p);
    sr_mention *m = sr_arena_alloc(d->arena, 4 * sizeof *m);
    sr_doc_event *ev = sr_arena_alloc(d->arena, 3 * sizeof *ev);
    if (!m || !ev)
        return d;
    memset(m, 0, 4 * sizeof *m);
    memset(ev, 0, 3 * sizeof *ev);
    place(&m[0], "Argentina", "iso3166:ARG", "ARG", SR_PLACE_COUNTRY, -34.61, -58.38);
    place(&m[1], "Lagos", "geonames:2332459", "NGA", SR_PLACE_CITY, 6.45, 3.39);
    m[2].kind = SR_MENTION_DATE;
    span("5 March", &m[2].start, &m[2].end);
    strcpy(m[2].u.date.value, "2024-03-05");
    m[2].u.date.resolved = 1;
    place(&m[3], "Buenos Aires", "geonames:3435910", "ARG", SR_PLACE_CITY, -34.61, -58.38);
    m[3].sentence = 1;
    d->mentions = m;
    d->nmentions = 4;

    sr_ymd day = {2024, 3, 5};
    ev[0] = (sr_doc_event){.sentence = 0,
                           .source = "ARGGOV",
                           .target = "NGAGOV",
                           .code = "043",
                           .plover = "CONSULT",
                           .pattern = "HOST",
                           .day = day};
    span("Argentina's government", &ev[0].source_start, &ev[0].source_end);
    span("Nigeria's envoy", &ev[0].target_start, &ev[0].target_end);
    span("hosted", &ev[0].verb_start, &ev[0].verb_end);
    ev[1] = (sr_doc_event){.sentence = 1,
                           .source = "OPP",
                           .target = "ARGCOP",
                           .code = "145",
                           .plover = "PROTEST",
                           .pattern = "RIOT AGAINST",
                           .day = day};
    span("Protesters", &ev[1].source_start, &ev[1].source_end);
    span("against\tpolice", &ev[1].target_start, &ev[1].target_end); /* a tab to escape */
    span("rioted", &ev[1].verb_start, &ev[1].verb_end);
    ev[2] = (sr_doc_event){.sentence = 1,
                           .clause = 1,
                           .source = "",
                           .target = "IGOUNO",
                           .code = "1712",
                           .plover = "",
                           .day = {2024, 12, 31},
                           .flags = SR_EVENT_PASSIVE | SR_EVENT_PAIRED | SR_EVENT_DEFAULT};
    span("Buenos Aires", &ev[2].target_start, &ev[2].target_end);
    span("rioted", &ev[2].verb_start, &ev[2].verb_end);
    d->events = ev;
    d->nevents = 3;
    return d;
}

/* Splits buf into lines (in place); returns how many, at most max. */
static size_t lines_of(char *buf, char **line, size_t max)
{
    size_t n = 0;
    for (char *p = buf; *p && n < max;) {
        char *nl = strchr(p, '\n');
        line[n++] = p;
        if (!nl)
            break;
        *nl = 0;
        p = nl + 1;
    }
    return n;
}

/* Splits a line at tabs (in place); returns the cell count (cells past max are counted). */
static size_t cells_of(char *row, char **cell, size_t max)
{
    size_t n = 0;
    for (char *p = row;; n++) {
        char *tab = strchr(p, '\t');
        if (n < max)
            cell[n] = p;
        if (!tab)
            return n + 1;
        *tab = 0;
        p = tab + 1;
    }
}

static const char *jstr(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : json_is_null(v) ? "(null)" : "(absent)";
}

static void check_span(json_t *o, const char *key, uint32_t s, uint32_t e)
{
    json_t *v = json_object_get(o, key);
    CHECK_MSG(json_is_array(v) && json_array_size(v) == 2 &&
                  json_integer_value(json_array_get(v, 0)) == s &&
                  json_integer_value(json_array_get(v, 1)) == e,
              "%s: expected [%u,%u]", key, s, e);
}

TEST(events_jsonl)
{
    sr_doc *d = make_doc();
    CHECK(d && d->nsentences == 2 && d->nevents == 3);
    if (!d || d->nevents != 3) {
        sr_doc_free(d);
        return;
    }
    sr_buf out = {0};
    CHECK(sr_emit_doc(&out, d, SR_FORMAT_JSONL, SR_ONLY_DOCS | SR_ONLY_EVENTS) == SR_OK);
    CHECK(sr_buf_addc(&out, 0) == SR_OK);
    char *line[8];
    size_t n = out.p ? lines_of(out.p, line, 8) : 0;
    CHECK_EQ_INT(n, 4); /* the doc, then three events */
    json_t *j[3] = {NULL, NULL, NULL};
    for (size_t i = 1; i < n && i < 4; i++) {
        j[i - 1] = json_loads(line[i], 0, NULL);
        CHECK_MSG(j[i - 1] != NULL, "not JSON: %s", line[i]);
    }
    if (n == 4 && j[0] && j[1] && j[2]) {
        CHECK(strstr(line[0], "\"kind\":\"doc\"") == line[0] + 1);
        json_t *e = j[0];
        CHECK_EQ_STR(jstr(e, "kind"), "event");
        CHECK_EQ_STR(jstr(e, "doc"), "t1");
        CHECK_EQ_INT(json_integer_value(json_object_get(e, "sentence")), 0);
        CHECK_EQ_INT(json_integer_value(json_object_get(e, "clause")), 0);
        CHECK_EQ_STR(jstr(e, "source"), "ARGGOV");
        CHECK_EQ_STR(jstr(e, "target"), "NGAGOV");
        CHECK_EQ_STR(jstr(e, "code"), "043");
        CHECK_EQ_STR(jstr(e, "base_code"), "043");
        CHECK_EQ_STR(jstr(e, "root_code"), "04");
        CHECK_EQ_INT(json_integer_value(json_object_get(e, "quad_class")), 1);
        CHECK_EQ_STR(jstr(e, "plover"), "CONSULT");
        CHECK_EQ_STR(jstr(e, "plover_mode"), "visit");
        CHECK_EQ_STR(jstr(e, "plover_context"), "(null)");
        CHECK_EQ_STR(jstr(e, "day"), "2024-03-05");
        check_span(e, "source_span", 0, 22);
        check_span(e, "verb_span", at("hosted"), at("hosted") + 6);
        CHECK_EQ_STR(jstr(e, "source_text"), "Argentina's government");
        CHECK_EQ_STR(jstr(e, "target_text"), "Nigeria's envoy");
        CHECK_EQ_STR(jstr(e, "verb_text"), "hosted");
        CHECK_EQ_STR(jstr(e, "pattern"), "HOST");
        CHECK(json_is_false(json_object_get(e, "passive")));
        CHECK(json_is_false(json_object_get(e, "paired")));
        CHECK(json_object_get(e, "goldstein") == NULL);
        json_t *pl = json_object_get(e, "places");
        CHECK(json_is_array(pl) && json_array_size(pl) == 2);
        json_t *p0 = json_array_get(pl, 0), *p1 = json_array_get(pl, 1);
        CHECK_EQ_STR(jstr(p0, "id"), "iso3166:ARG");
        CHECK_EQ_STR(jstr(p0, "name"), "Argentina");
        CHECK_EQ_STR(jstr(p0, "country"), "ARG");
        CHECK(json_real_value(json_object_get(p0, "lat")) == -34.61);
        CHECK(json_real_value(json_object_get(p0, "lon")) == -58.38);
        CHECK_EQ_STR(jstr(p1, "id"), "geonames:2332459");
        CHECK_EQ_STR(jstr(p1, "country"), "NGA");
        json_t *dt = json_object_get(e, "dates");
        CHECK(json_is_array(dt) && json_array_size(dt) == 1);
        CHECK_EQ_STR(json_string_value(json_array_get(dt, 0)), "2024-03-05");

        e = j[1];
        CHECK_EQ_INT(json_integer_value(json_object_get(e, "sentence")), 1);
        CHECK_EQ_STR(jstr(e, "root_code"), "14");
        CHECK_EQ_INT(json_integer_value(json_object_get(e, "quad_class")), 4);
        CHECK_EQ_STR(jstr(e, "plover_mode"), "riot");
        CHECK_EQ_STR(jstr(e, "target_text"), "against\tpolice");
        pl = json_object_get(e, "places");
        CHECK(json_array_size(pl) == 1 &&
              !strcmp(jstr(json_array_get(pl, 0), "name"), "Buenos Aires"));
        CHECK(json_array_size(json_object_get(e, "dates")) == 0);

        e = j[2]; /* default source, passive, paired; plover left to the table */
        CHECK_EQ_STR(jstr(e, "source"), "(null)");
        CHECK(json_is_null(json_object_get(e, "source_span")));
        CHECK_EQ_STR(jstr(e, "source_text"), "(null)");
        CHECK_EQ_STR(jstr(e, "pattern"), "(null)");
        CHECK_EQ_INT(json_integer_value(json_object_get(e, "clause")), 1);
        CHECK_EQ_STR(jstr(e, "code"), "1712");
        CHECK_EQ_STR(jstr(e, "base_code"), "171");
        CHECK_EQ_STR(jstr(e, "root_code"), "17");
        CHECK_EQ_STR(jstr(e, "plover"), "ASSAULT");
        CHECK_EQ_STR(jstr(e, "day"), "2024-12-31");
        CHECK(json_is_true(json_object_get(e, "passive")));
        CHECK(json_is_true(json_object_get(e, "paired")));
        CHECK(json_is_true(json_object_get(e, "default")));
    }
    for (int i = 0; i < 3; i++)
        json_decref(j[i]);
    sr_buf_free(&out);
    sr_doc_free(d);
}

TEST(events_tsv)
{
    sr_doc *d = make_doc();
    sr_buf out = {0};
    CHECK(d && sr_emit_tsv_header(&out, SR_ONLY_EVENTS) == SR_OK);
    CHECK(d && sr_emit_doc(&out, d, SR_FORMAT_TSV, SR_ONLY_EVENTS) == SR_OK);
    CHECK(sr_buf_addc(&out, 0) == SR_OK);
    char *line[8], *cell[40];
    size_t n = d && out.p ? lines_of(out.p, line, 8) : 0;
    CHECK_EQ_INT(n, 4);
    size_t cols = n ? cells_of(line[0], cell, 40) : 0;
    CHECK_EQ_INT(cols, 26);
    CHECK(cols && !strcmp(cell[0], "doc") && !strcmp(cell[5], "code"));
    for (size_t i = 1; i < n; i++) {
        size_t c = cells_of(line[i], cell, 40);
        CHECK_MSG(c == cols, "row %zu has %zu cells, the header %zu", i, c, cols);
        if (i == 1 && c == 26) {
            CHECK_EQ_STR(cell[5], "043");
            CHECK_EQ_STR(cell[6], "04");
            CHECK_EQ_STR(cell[7], "1");
            CHECK_EQ_STR(cell[8], "CONSULT");
            CHECK_EQ_STR(cell[9], "2024-03-05");
            CHECK_EQ_STR(cell[12], "Argentina's government");
            CHECK_EQ_STR(cell[23], "iso3166:ARG");
            CHECK_EQ_STR(cell[25], "2024-03-05");
        }
        if (i == 2 && c == 26)
            CHECK_EQ_STR(cell[15], "against\\tpolice");
        if (i == 3 && c == 26) {
            CHECK_EQ_STR(cell[10], ""); /* default source: no span */
            CHECK_EQ_STR(cell[12], "");
            CHECK_EQ_STR(cell[20], "true");
            CHECK_EQ_STR(cell[23], "geonames:3435910");
        }
    }
    sr_buf_free(&out);
    sr_doc_free(d);
}

/* GDELT 2.0 column positions (0-based), counted from the codebook's order. */
/* clang-format off */
enum {
    G_ID = 0, G_DAY = 1, G_MONTHYEAR = 2, G_YEAR = 3, G_FRACTION = 4,
    G_A1CODE = 5, G_A1NAME = 6, G_A1COUNTRY = 7, G_A1TYPE1 = 12, G_A1TYPE2 = 13,
    G_A2CODE = 15, G_A2NAME = 16, G_A2COUNTRY = 17, G_A2TYPE1 = 22, G_A2TYPE2 = 23,
    G_ROOT = 25, G_CODE = 26, G_BASE = 27, G_ROOTCODE = 28, G_QUAD = 29, G_GOLDSTEIN = 30,
    G_MENTIONS = 31, G_SOURCES = 32, G_ARTICLES = 33, G_TONE = 34,
    G_A1GEO_TYPE = 35, G_GEO_TYPE = 51, G_GEO_NAME = 52, G_GEO_COUNTRY = 53, G_GEO_ADM1 = 54,
    G_GEO_LAT = 56, G_GEO_LON = 57, G_GEO_FEATURE = 58, G_ADDED = 59, G_URL = 60,
};
/* clang-format on */

/* FNV-1a 64 of "<doc>\t<sentence>\t<index>", low 53 bits: the documented GlobalEventID. */
static unsigned long long expected_id(const char *doc, unsigned sentence, unsigned index)
{
    char key[96];
    snprintf(key, sizeof key, "%s\t%u\t%u", doc, sentence, index);
    unsigned long long h = 14695981039346656037ull;
    for (const char *p = key; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ull;
    return h & ((1ull << 53) - 1);
}

TEST(events_gdelt)
{
    sr_doc *d = make_doc();
    sr_buf out = {0}, again = {0};
    CHECK(d && sr_emit_doc(&out, d, SR_FORMAT_GDELT, SR_ONLY_EVENTS) == SR_OK);
    CHECK(d && sr_emit_doc(&out, d, SR_FORMAT_GDELT, SR_ONLY_DOCS | SR_ONLY_CLAIMS) == SR_OK);
    /* the same document gives the same rows */
    CHECK(d && sr_emit_doc(&again, d, SR_FORMAT_GDELT, SR_ONLY_EVENTS) == SR_OK);
    CHECK(again.n == out.n && again.n && !memcmp(again.p, out.p, out.n));
    sr_buf_free(&again);
    CHECK(sr_buf_addc(&out, 0) == SR_OK);
    char *line[8], *c[3][64];
    size_t n = d && out.p ? lines_of(out.p, line, 8) : 0;
    CHECK_EQ_INT(n, 3); /* one row per event, no header; other kinds write nothing */
    bool ok = n == 3;
    for (size_t i = 0; i < n && i < 3; i++) {
        size_t cols = cells_of(line[i], c[i], 64);
        CHECK_MSG(cols == 61, "row %zu has %zu columns", i, cols);
        ok = ok && cols == 61;
    }
    if (ok) {
        char id[32];
        snprintf(id, sizeof id, "%llu", expected_id("t1", 0, 0));
        CHECK_EQ_STR(c[0][G_ID], id);
        snprintf(id, sizeof id, "%llu", expected_id("t1", 1, 2));
        CHECK_EQ_STR(c[2][G_ID], id);
        CHECK(strcmp(c[0][G_ID], c[1][G_ID]) && strcmp(c[1][G_ID], c[2][G_ID]));
        CHECK_EQ_STR(c[0][G_DAY], "20240305");
        CHECK_EQ_STR(c[0][G_MONTHYEAR], "202403");
        CHECK_EQ_STR(c[0][G_YEAR], "2024");
        CHECK_EQ_STR(c[0][G_FRACTION], "2024.1781"); /* day 65 of 2024: 65 / 365 */
        CHECK_EQ_STR(c[0][G_ADDED], "20240305000000");
        CHECK_EQ_STR(c[0][G_A1CODE], "ARGGOV");
        CHECK_EQ_STR(c[0][G_A1NAME], "Argentina's government");
        CHECK_EQ_STR(c[0][G_A1COUNTRY], "ARG");
        CHECK_EQ_STR(c[0][G_A1TYPE1], "GOV");
        CHECK_EQ_STR(c[0][G_A1TYPE2], "");
        CHECK_EQ_STR(c[0][G_A2CODE], "NGAGOV");
        CHECK_EQ_STR(c[0][G_A2NAME], "Nigeria's envoy");
        CHECK_EQ_STR(c[0][G_A2COUNTRY], "NGA");
        CHECK_EQ_STR(c[0][G_A2TYPE1], "GOV");
        CHECK_EQ_STR(c[0][G_ROOT], "1");
        CHECK_EQ_STR(c[0][G_CODE], "043");
        CHECK_EQ_STR(c[0][G_BASE], "043");
        CHECK_EQ_STR(c[0][G_ROOTCODE], "04");
        CHECK_EQ_STR(c[0][G_QUAD], "1");
        CHECK_EQ_STR(c[0][G_GOLDSTEIN], "");
        CHECK_EQ_STR(c[0][G_MENTIONS], "1");
        CHECK_EQ_STR(c[0][G_SOURCES], "1");
        CHECK_EQ_STR(c[0][G_ARTICLES], "1");
        CHECK_EQ_STR(c[0][G_TONE], "");
        CHECK_EQ_STR(c[0][G_A1GEO_TYPE], "");
        CHECK_EQ_STR(c[0][G_GEO_TYPE], "1"); /* Argentina, the sentence's first place */
        CHECK_EQ_STR(c[0][G_GEO_NAME], "Argentina");
        CHECK_EQ_STR(c[0][G_GEO_COUNTRY], "ARG");
        CHECK_EQ_STR(c[0][G_GEO_ADM1], "");
        CHECK_EQ_STR(c[0][G_GEO_LAT], "-34.61");
        CHECK_EQ_STR(c[0][G_GEO_LON], "-58.38");
        CHECK_EQ_STR(c[0][G_GEO_FEATURE], "iso3166:ARG");
        CHECK_EQ_STR(c[0][G_URL], "https://example.org/a?b=1");

        CHECK_EQ_STR(c[1][G_ROOT], "0");
        CHECK_EQ_STR(c[1][G_A1CODE], "OPP"); /* a lone role: no country */
        CHECK_EQ_STR(c[1][G_A1COUNTRY], "");
        CHECK_EQ_STR(c[1][G_A1TYPE1], "OPP");
        CHECK_EQ_STR(c[1][G_A2NAME], "against\\tpolice");
        CHECK_EQ_STR(c[1][G_A2COUNTRY], "ARG");
        CHECK_EQ_STR(c[1][G_A2TYPE1], "COP");
        CHECK_EQ_STR(c[1][G_BASE], "145");
        CHECK_EQ_STR(c[1][G_ROOTCODE], "14");
        CHECK_EQ_STR(c[1][G_QUAD], "4");
        CHECK_EQ_STR(c[1][G_GEO_TYPE], "4"); /* a city outside the US */
        CHECK_EQ_STR(c[1][G_GEO_NAME], "Buenos Aires");

        CHECK_EQ_STR(c[2][G_A1CODE], ""); /* default source */
        CHECK_EQ_STR(c[2][G_A1NAME], "");
        CHECK_EQ_STR(c[2][G_A2COUNTRY], ""); /* IGO is not a country */
        CHECK_EQ_STR(c[2][G_A2TYPE1], "IGO");
        CHECK_EQ_STR(c[2][G_A2TYPE2], "UNO");
        CHECK_EQ_STR(c[2][G_CODE], "1712");
        CHECK_EQ_STR(c[2][G_BASE], "171");
        CHECK_EQ_STR(c[2][G_ROOTCODE], "17");
        CHECK_EQ_STR(c[2][G_QUAD], "4");
        CHECK_EQ_STR(c[2][G_DAY], "20241231");
        CHECK_EQ_STR(c[2][G_FRACTION], "2025.0027"); /* day 366 / 365, as GDELT's own */
    }
    sr_buf_free(&out);
    sr_doc_free(d);
}

TEST(events_gdelt_undated_unplaced)
{
    sr_doc *d = make_doc();
    if (!d || d->nevents != 3) {
        CHECK(0);
        sr_doc_free(d);
        return;
    }
    d->nmentions = 0;
    d->url.n = 0;
    d->events[0].day = (sr_ymd){0, 0, 0};
    d->events[0].code = "---";
    sr_buf out = {0};
    CHECK(sr_emit_doc(&out, d, SR_FORMAT_GDELT, SR_ONLY_EVENTS) == SR_OK);
    CHECK(sr_buf_addc(&out, 0) == SR_OK);
    char *line[4], *c[64];
    size_t n = out.p ? lines_of(out.p, line, 4) : 0;
    CHECK_EQ_INT(n, 3);
    if (n && cells_of(line[0], c, 64) == 61) {
        CHECK_EQ_STR(c[G_DAY], "");
        CHECK_EQ_STR(c[G_FRACTION], "");
        CHECK_EQ_STR(c[G_ADDED], "");
        CHECK_EQ_STR(c[G_CODE], "---");
        CHECK_EQ_STR(c[G_BASE], "");
        CHECK_EQ_STR(c[G_QUAD], "");
        CHECK_EQ_STR(c[G_GEO_TYPE], "");
        CHECK_EQ_STR(c[G_URL], "");
    } else
        CHECK(0);
    sr_buf_free(&out);
    sr_doc_free(d);
}
