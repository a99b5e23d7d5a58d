/* test_dict.c: the actor/agent dictionary reader and matcher (src/code/dict_*.c), on the
 * field's shipped dictionaries and on small inline ones. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "../../src/code/dict.h"
#include "../harness.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *p = malloc((size_t)len + 1);
    if (p && fread(p, 1, (size_t)len, f) != (size_t)len) {
        free(p);
        p = NULL;
    }
    fclose(f);
    if (p)
        p[len] = 0;
    *n = (size_t)len;
    return p;
}

static void ec_path(char *out, size_t cap, const char *rel)
{
    snprintf(out, cap, "%s/data/eventcoding/%s", sr_test_shared(), rel);
}

/* Tokenizes text into a document for matching. Caller frees with sr_doc_free. */
static sr_doc *tokens_of(const char *text)
{
    sr_doc *d = sr_doc_new("t", text, strlen(text), NULL);
    if (!d)
        return NULL;
    if (sr_tokenize(d) != SR_OK) {
        sr_doc_free(d);
        return NULL;
    }
    return d;
}

/* The text of tokens [m->first, m->end) of doc, into buf. */
static const char *span(const sr_doc *d, const sr_dict_match *m, char *buf, size_t cap)
{
    uint32_t a = d->tokens[m->first].start, b = d->tokens[m->end - 1].end;
    snprintf(buf, cap, "%.*s", (int)(b - a), d->text + a);
    return buf;
}

static sr_dict *dict_of(unsigned flags, sr_dict_kind kind, const char *text)
{
    sr_dict *d = sr_dict_new(flags);
    if (d && sr_dict_load_mem(d, kind, "t.dict", text, strlen(text)) != SR_OK)
        sr_test_fail(__FILE__, __LINE__, "load: %s", sr_dict_error(d));
    return d;
}

/* ---- counting the shipped files independently ---------------------------------------- */

typedef struct {
    size_t phrase_lines; /* primary and "+" lines: one stored phrase each (or a repeat) */
    size_t primaries;
    size_t coded_agents; /* agent lines with a "[" */
} file_count;

/* Counts by line shape: a line, cut at "#" or ";", trimmed, is a phrase line unless it is
 * empty, a code line "[..", markup "<..", or inside a <NOUN>-style section; "~FINISH"
 * ends the file. Multi-line "<!--" comments in the shipped files have "#" on inner lines. */
static file_count count_lines(const char *text, size_t n)
{
    file_count c = {0, 0, 0};
    int section = 0;
    for (size_t i = 0; i < n;) {
        const char *nl = memchr(text + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - text) : n, a = i, b = e;
        i = e + 1;
        for (size_t k = a; k < b; k++)
            if ((text[k] == '#' || text[k] == ';') && !memchr(text + a, '[', k - a))
                b = k;
        while (a < b && strchr(" \t\r\xEF\xBB\xBF", text[a]))
            a++;
        while (b > a && strchr(" \t\r", text[b - 1]))
            b--;
        if (a == b || text[a] == '[' || text[a] == '/')
            continue;
        if (text[a] == '~')
            break;
        if (text[a] == '<') {
            if (text[a + 1] != '!')
                section = text[a + 1] != '/';
            continue;
        }
        if (section)
            continue;
        c.phrase_lines++;
        c.primaries += text[a] != '+';
        c.coded_agents += memchr(text + a, '[', b - a) != NULL;
    }
    return c;
}

static const char *const actor_files[] = {
    "petrarch/dictionaries/Phoenix.Countries.actors.txt",
    "petrarch/dictionaries/Phoenix.International.actors.txt",
    "petrarch/dictionaries/Phoenix.MilNonState.actors.txt",
    "petrarch/dictionaries/PETR.Validate.actors.txt",
    "tabari-validation/TABARI.Demo.actors",
};
static const char *const agent_files[] = {
    "petrarch/dictionaries/Phoenix.agents.txt",
    "petrarch/dictionaries/PETR.Validate.agents.txt",
    "tabari-validation/Validate.agents",
};

/* Loads one shipped file (path relative to the event-coding data) as kind: its line
 * counts in *c, the dictionary's figures in *s. Returns the dictionary (caller frees
 * with sr_dict_free) or NULL, after a failed CHECK, when the file cannot be read. */
static sr_dict *load_shipped(const char *rel, int kind, char *path, size_t pathsz, file_count *c,
                             sr_dict_stats *s)
{
    ec_path(path, pathsz, rel);
    size_t n;
    char *text = slurp(path, &n);
    CHECK_MSG(text != NULL, "cannot read %s", path);
    if (!text)
        return NULL;
    *c = count_lines(text, n);
    sr_dict *d = sr_dict_new(0);
    sr_status st = sr_dict_load_mem(d, kind, path, text, n);
    sr_dict_get_stats(d, s);
    CHECK_MSG(st == SR_OK && s->errors == 0, "%s: %s", path, sr_dict_error(d));
    free(text);
    return d;
}

TEST(dict_shipped_actor_files)
{
    char path[1024];
    for (size_t f = 0; f < sizeof actor_files / sizeof *actor_files; f++) {
        file_count c;
        sr_dict_stats s;
        sr_dict *d = load_shipped(actor_files[f], SR_DICT_ACTOR, path, sizeof path, &c, &s);
        if (!d)
            continue;
        CHECK_MSG(s.phrases[SR_DICT_ACTOR] + s.duplicates == c.phrase_lines,
                  "%s: %zu phrases + %zu repeats, %zu phrase lines", path,
                  s.phrases[SR_DICT_ACTOR], s.duplicates, c.phrase_lines);
        CHECK_MSG(s.records == c.primaries, "%s: %zu records, %zu primary lines", path,
                  s.records, c.primaries);
        CHECK(s.duplicates * 5 < c.phrase_lines); /* repeats are a minority */
        printf("  %s: %zu phrases, %zu records, %zu code sets, %zu repeats, %zu warnings\n",
               actor_files[f], s.phrases[0], s.records, s.codesets, s.duplicates, s.warnings);
        sr_dict_free(d);
    }
}

TEST(dict_shipped_agent_files)
{
    char path[1024];
    for (size_t f = 0; f < sizeof agent_files / sizeof *agent_files; f++) {
        file_count c;
        sr_dict_stats s;
        sr_dict *d = load_shipped(agent_files[f], SR_DICT_AGENT, path, sizeof path, &c, &s);
        if (!d)
            continue;
        /* every coded line gives its phrase (or a repeat), most a plural too */
        CHECK_MSG(s.phrases[SR_DICT_AGENT] + s.duplicates >= c.coded_agents &&
                      s.phrases[SR_DICT_AGENT] <= 6 * c.coded_agents,
                  "%s: %zu agent phrases for %zu coded lines", path, s.phrases[1],
                  c.coded_agents);
        CHECK_EQ_INT(s.records, c.coded_agents);
        printf("  %s: %zu phrases from %zu coded lines, %zu repeats, %zu warnings%s%s\n",
               agent_files[f], s.phrases[1], c.coded_agents, s.duplicates, s.warnings,
               s.warnings ? ": " : "", sr_dict_warning(d));
        sr_dict_free(d);
    }
}

TEST(dict_phoenix_load_time)
{
    static const char *const files[] = {
        "petrarch/dictionaries/Phoenix.Countries.actors.txt",
        "petrarch/dictionaries/Phoenix.International.actors.txt",
        "petrarch/dictionaries/Phoenix.MilNonState.actors.txt",
        "petrarch/dictionaries/Phoenix.agents.txt",
    };
    char path[1024];
    double t0 = now();
    sr_dict *d = sr_dict_new(0);
    for (int f = 0; f < 4; f++) {
        ec_path(path, sizeof path, files[f]);
        sr_status st = sr_dict_load_file(d, f == 3 ? SR_DICT_AGENT : SR_DICT_ACTOR, path);
        CHECK_MSG(st == SR_OK, "%s", sr_dict_error(d));
    }
    double dt = now() - t0;
    sr_dict_stats s;
    sr_dict_get_stats(d, &s);
    printf("  Phoenix actors+agents: %zu actor + %zu agent phrases, %zu nodes, %.1f MiB, "
           "loaded in %.3f s\n",
           s.phrases[0], s.phrases[1], s.nodes, (double)s.bytes / (1 << 20), dt);
    CHECK(dt < 5.0);
    sr_doc *doc = tokens_of("UN Secretary-General Ban Ki-moon met Afghan soldiers in Kabul.");
    sr_ymd day = {2010, 5, 1};
    sr_dict_match m;
    CHECK(sr_dict_find(d, doc, 0, doc->ntokens, day, 1, &m));
    CHECK_EQ_INT(m.end, 8); /* the whole name, hyphens read as blanks */
    CHECK(m.ncodes == 1 && strcmp(m.codes[0]->text, "IGOUNO") == 0);
    sr_doc_free(doc);
    sr_dict_free(d);
}

/* MOHAMMAD_NAJIBULLAH_ in Phoenix.Countries.actors.txt:
 *     [AFGGOV 870930-871130]  [AFGGOV 871130-920416]  [AFGELI] */
TEST(dict_date_boundaries_phoenix)
{
    char path[1024];
    ec_path(path, sizeof path, "petrarch/dictionaries/Phoenix.Countries.actors.txt");
    size_t n;
    char *text = slurp(path, &n);
    CHECK(text && strstr(text, "MOHAMMAD_NAJIBULLAH_  # CountryInfo.txt\n\t[AFGGOV 870930-"
                               "871130]\n\t[AFGGOV 871130-920416]\n\t[AFGELI]\n"));
    sr_dict *d = sr_dict_new(0);
    CHECK(text && sr_dict_load_mem(d, SR_DICT_ACTOR, path, text, n) == SR_OK);
    sr_doc *doc = tokens_of("Mohammad Najibullah said");
    static const struct {
        sr_ymd day;
        const char *code;
    } cases[] = {
        {{1987, 9, 29}, "AFGELI"}, {{1987, 9, 30}, "AFGGOV"}, {{1992, 4, 16}, "AFGGOV"},
        {{1992, 4, 17}, "AFGELI"}, {{0, 0, 0}, "AFGELI"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        sr_dict_match m;
        CHECK(sr_dict_find(d, doc, 0, doc->ntokens, cases[k].day, 1, &m));
        CHECK_EQ_INT(m.end, 2);
        CHECK_MSG(m.ncodes == 1 && strcmp(m.codes[0]->text, cases[k].code) == 0,
                  "case %zu: %s", k, m.ncodes ? m.codes[0]->text : "(none)");
    }
    sr_doc_free(doc);
    sr_dict_free(d);
    free(text);
}

/* ---- matching ------------------------------------------------------------------------ */

static const char demo_actors[] =
    "\xEF\xBB\xBF# a small dictionary in both styles\r\n"
    "UNITED_STATES_ [USA]\r\n"
    "+U.S._\n"
    "UNITED_NATIONS_ [IGOUNO]\n"
    "UNITED_NATIONS_SECURITY_COUNCIL_ [IGOUNOSEC]  # longer wins\n"
    "UNITED [---]\n"
    "SYRI [SYR]\n"
    "AFGHAN_ [AFG]\n"
    "MOUSE= [MUS]\n"
    "AL-QAEDA [IMGMOSALQ]\n"
    "GOLLUM\n"
    "+SMEAGOL\n"
    "\t[HOB < 950601]\n"
    "\t[HOBGOV 19950601 - 19990815]\n"
    "\t[HOBREB > 990816]\n"
    "G7_ [USA/GMW/FRN]\n"
    "ENT [### <890101] [ENT]\n";

static void expect(const sr_dict *d, const char *text, const char *want_span,
                   const char *want_code, int how)
{
    sr_doc *doc = tokens_of(text);
    size_t i = 0;
    sr_dict_match m;
    char buf[256];
    sr_ymd day = {2000, 1, 1};
    bool found = doc && sr_dict_next(d, doc, &i, doc->ntokens, day, 3, &m);
    CHECK_MSG(found == (want_span != NULL), "%s: found %d", text, (int)found);
    if (found && want_span) {
        CHECK_EQ_STR(span(doc, &m, buf, sizeof buf), want_span);
        CHECK_MSG(m.ncodes >= 1 && strcmp(m.codes[0]->text, want_code) == 0, "%s: code %s",
                  text, m.ncodes ? m.codes[0]->text : "(none)");
        CHECK_EQ_INT(m.how, how);
    }
    sr_doc_free(doc);
}

TEST(dict_match_rules)
{
    sr_dict *d = dict_of(0, SR_DICT_ACTOR, demo_actors);
    expect(d, "Officials of the United Nations Security Council met.",
           "United Nations Security Council", "IGOUNOSEC", SR_MATCH_EXACT);
    expect(d, "The United Nations said", "United Nations", "IGOUNO", SR_MATCH_EXACT);
    expect(d, "the U.S. envoy", "U.S.", "USA", SR_MATCH_EXACT);
    expect(d, "Syria's army", "Syria", "SYR", SR_MATCH_STEM);
    expect(d, "Syrians fled", "Syrians", "SYR", SR_MATCH_STEM);
    expect(d, "Afghans fled", "Afghans", "AFG", SR_MATCH_PLURAL);
    expect(d, "Afghanistan", NULL, NULL, 0); /* whole word: no stem */
    expect(d, "mice and mouses", NULL, NULL, 0); /* "=": no S ending */
    expect(d, "a mouse", "mouse", "MUS", SR_MATCH_EXACT);
    expect(d, "al-Qaeda and al Qaeda", "al-Qaeda", "IMGMOSALQ", SR_MATCH_STEM);
    expect(d, "united front", "united", "---", SR_MATCH_STEM);
    expect(d, "Smeagol", "Smeagol", "HOBREB", SR_MATCH_STEM); /* on 2000-01-01 */
    sr_dict_free(d);
}

TEST(dict_codes_and_dates)
{
    sr_dict *d = dict_of(0, SR_DICT_ACTOR, demo_actors);
    sr_doc *doc = tokens_of("G7 Gollum Ent");
    sr_dict_match m;
    sr_ymd before = {1995, 6, 1}, inside = {1995, 6, 2}, after = {1999, 8, 16};
    CHECK(sr_dict_find(d, doc, 0, doc->ntokens, before, 1, &m) && m.ncodes == 3);
    CHECK(m.ncodes == 3 && strcmp(m.codes[2]->text, "FRN") == 0);
    CHECK(sr_dict_find(d, doc, 1, doc->ntokens, before, 1, &m) && m.ncodes == 1);
    CHECK_EQ_STR(m.codes[0]->text, "HOB");
    CHECK_EQ_STR(m.primary, "GOLLUM");
    CHECK(sr_dict_find(d, doc, 1, doc->ntokens, inside, 1, &m));
    CHECK_EQ_STR(m.codes[0]->text, "HOBGOV");
    CHECK(sr_dict_find(d, doc, 1, doc->ntokens, after, 1, &m));
    CHECK_EQ_STR(m.codes[0]->text, "HOBREB");
    sr_ymd none = {0, 0, 0}, y1988 = {1988, 12, 31}, y1989 = {1989, 1, 2};
    CHECK(sr_dict_find(d, doc, 1, doc->ntokens, none, 1, &m) && m.ncodes == 0);
    CHECK(sr_dict_find(d, doc, 2, doc->ntokens, y1988, 1, &m) && m.ncodes == 1);
    CHECK(m.codes[0]->flags & SR_CODE_DISCARD);
    CHECK(sr_dict_find(d, doc, 2, doc->ntokens, y1989, 1, &m));
    CHECK_EQ_STR(m.codes[0]->text, "ENT");
    sr_doc_free(doc);
    sr_dict_free(d);
}

TEST(dict_agents)
{
    sr_dict *d = dict_of(0, SR_DICT_AGENT,
                         "!PERSON! = MAN, MEN, WOMAN\n"
                         "<!-- a comment\n  over lines -->\n"
                         "CONGRESS!PERSON! [~LEG]\n"
                         "AUTHORITY_ [~GOV]\n"
                         "POLICE_ {} [ ~COP]\n"
                         "ATTORNEY_GENERAL_ {ATTORNEYS_GENERAL_} [~GOVATG]\n"
                         "HUMAN_RIGHTS_BODY_  [NGO~] # trailing\n"
                         "ISLAMIC_EXTREMIST\n");
    sr_dict_stats s;
    sr_dict_get_stats(d, &s);
    CHECK_EQ_INT(s.warnings, 1); /* the agent without a code */
    /* 3 substitutions + AUTHORITY/AUTHORITIES + POLICE + 2 attorneys + body/bodies */
    CHECK_EQ_INT(s.phrases[SR_DICT_AGENT], 10);
    sr_doc *doc = tokens_of("congresswoman authorities police polices attorneys general "
                            "human rights bodies");
    sr_dict_match m;
    sr_ymd day = {2014, 1, 1};
    size_t i = 0;
    CHECK(sr_dict_next(d, doc, &i, doc->ntokens, day, 2, &m));
    CHECK(m.ncodes == 1 && strcmp(m.codes[0]->text, "LEG") == 0);
    CHECK(m.codes[0]->flags & SR_CODE_AGENT_AFTER);
    CHECK(sr_dict_next(d, doc, &i, doc->ntokens, day, 2, &m));
    CHECK_EQ_STR(m.codes[0]->text, "GOV");
    CHECK(sr_dict_next(d, doc, &i, doc->ntokens, day, 2, &m));
    CHECK_EQ_STR(m.codes[0]->text, "COP");
    CHECK(sr_dict_next(d, doc, &i, doc->ntokens, day, 2, &m)); /* "polices" skipped */
    CHECK_EQ_STR(m.codes[0]->text, "GOVATG");
    CHECK_EQ_INT(m.first, 4);
    CHECK(sr_dict_next(d, doc, &i, doc->ntokens, day, 2, &m));
    CHECK(m.codes[0]->flags & SR_CODE_AGENT_BEFORE);
    CHECK(!sr_dict_next(d, doc, &i, doc->ntokens, day, 2, &m));
    CHECK(!sr_dict_find(d, doc, 0, doc->ntokens, day, 1, &m)); /* not an actor */
    sr_doc_free(doc);
    sr_dict_free(d);
}

TEST(dict_duplicates)
{
    static const char text[] = "HAMAS_ [PSEREB]\nHAMAS_ [PSEHMS]\n";
    sr_dict *first = dict_of(0, SR_DICT_ACTOR, text);
    sr_dict *merged = dict_of(SR_DICT_MERGE_DUPS, SR_DICT_ACTOR, text);
    sr_doc *doc = tokens_of("Hamas");
    sr_dict_match m;
    sr_ymd day = {2014, 1, 1};
    sr_dict_stats s;
    sr_dict_get_stats(first, &s);
    CHECK_EQ_INT(s.duplicates, 1);
    CHECK(strstr(sr_dict_warning(first), "t.dict:2: duplicate") != NULL);
    CHECK(sr_dict_find(first, doc, 0, 1, day, 1, &m) && m.ncodes == 1);
    CHECK_EQ_STR(m.codes[0]->text, "PSEREB"); /* TABARI: the first entry is kept */
    /* merged: both code sets, the first default still applies first */
    CHECK(sr_dict_find(merged, doc, 0, 1, day, 1, &m) && m.ncodes == 1);
    CHECK_EQ_STR(m.codes[0]->text, "PSEREB");
    sr_dict_get_stats(merged, &s);
    CHECK_EQ_INT(s.codesets, 4); /* two originals, two in the merged record */
    sr_doc_free(doc);
    sr_dict_free(first);
    sr_dict_free(merged);
}

TEST(dict_malformed_lines)
{
    static const struct {
        int kind;
        const char *text, *msg;
        sr_status st;
    } cases[] = {
        {0, "OK [A]\nBAD [ABC\n", "t.dict:2: expected ']'", SR_DICT_SYNTAX},
        {0, "\n\n+ORPHAN\n", "t.dict:3: expected a primary phrase", SR_DICT_SYNTAX},
        {0, "X [AAA 991301-000101]\n", "t.dict:1: expected a valid calendar date", SR_DATE},
        {0, "X [AAA 99-000101]\n", "t.dict:1: expected a date", SR_DATE},
        {0, "X [950601-990815]\n", "t.dict:1: expected a code with a letter", SR_DICT_SYNTAX},
        {0, "X [AAA950601-990815]\n", "t.dict:1: expected a code of letters", SR_DICT_SYNTAX},
        {0, "X [AAA] [B\n", "t.dict:1: expected ']'", SR_DICT_SYNTAX},
        {0, "\t[AAA]\n", "t.dict:1: expected a phrase before", SR_DICT_SYNTAX},
        {0, "<!-- open\nX [A]\n", "t.dict:1: expected '-->'", SR_DICT_SYNTAX},
        {0, "<NOUN>\nX\n", "t.dict:1: expected a closing tag", SR_DICT_SYNTAX},
        {0, "X [A <]\n", "t.dict:1: expected a date", SR_DATE},
        {0, "X [A/]\n", "t.dict:1: expected a code between", SR_DICT_SYNTAX},
        {1, "SOLDIER [MIL]\n", "t.dict:1: expected an agent code with '~'", SR_DICT_SYNTAX},
        {1, "!X!_MAN [~A]\n", "t.dict:1: expected a substitution set defined", SR_DICT_SYNTAX},
        {1, "!X! = \n!Y [~A]\n", "t.dict:2: expected '!' to close", SR_DICT_SYNTAX},
        {1, "MAN {MEN [~A]\n", "t.dict:1: expected '}'", SR_DICT_SYNTAX},
        {0, "___ [A]\n", "t.dict:1: expected a phrase with at least one word", SR_DICT_SYNTAX},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        sr_dict *d = sr_dict_new(0);
        sr_status st = sr_dict_load_mem(d, (sr_dict_kind)cases[k].kind, "t.dict",
                                        cases[k].text, strlen(cases[k].text));
        CHECK_MSG(st == cases[k].st, "case %zu: status %d", k, (int)st);
        CHECK_MSG(strncmp(sr_dict_error(d), cases[k].msg, strlen(cases[k].msg)) == 0,
                  "case %zu: \"%s\"", k, sr_dict_error(d));
        sr_dict_free(d);
    }
    /* the bad line is skipped, the rest is read */
    sr_dict *d = sr_dict_new(0);
    static const char text[] = "A [X\nB_ [Y]\n";
    CHECK(sr_dict_load_mem(d, SR_DICT_ACTOR, "t", text, strlen(text)) == SR_DICT_SYNTAX);
    sr_dict_stats s;
    sr_dict_get_stats(d, &s);
    CHECK_EQ_INT(s.phrases[0], 2);
    CHECK_EQ_INT(s.errors, 1);
    sr_dict_free(d);
    CHECK(sr_dict_load_file(d = sr_dict_new(0), SR_DICT_ACTOR, "/nonexistent/x") ==
          SR_NOTFOUND);
    sr_dict_free(d);
}

/* 100,000 dictionary lines and a 100,000-token sentence in bounded time. */
TEST(dict_pathological)
{
    sr_buf b = {0};
    for (int k = 0; k < 100000; k++)
        if (k % 3 == 1)
            sr_buf_printf(&b, "+SYN_W%d_X%d%s\n", k % 977, k, k % 2 ? "_" : "");
        else
            sr_buf_printf(&b, "NAME_W%d_X%d%s [C%d]\n", k % 977, k, k % 2 ? "_" : "", k % 50);
    double t0 = now();
    sr_dict *d = sr_dict_new(0);
    CHECK_MSG(sr_dict_load_mem(d, SR_DICT_ACTOR, "synthetic", b.p, b.n) == SR_OK, "%s",
              sr_dict_error(d));
    double t_load = now() - t0;
    b.n = 0;
    for (int k = 0; k < 25000; k++) /* 4 tokens each: name, w, x and a hyphen */
        sr_buf_printf(&b, "name w%d -x%d ", k % 977, k);
    sr_buf_addc(&b, 0);
    sr_doc *doc = tokens_of(b.p);
    CHECK(doc && doc->ntokens == 100000);
    t0 = now();
    size_t i = 0, hits = 0;
    sr_dict_match m;
    sr_ymd day = {2020, 1, 1};
    while (doc && sr_dict_next(d, doc, &i, doc->ntokens, day, 1, &m))
        hits++;
    double t_scan = now() - t0;
    CHECK(hits > 1000);
    printf("  100k-line dictionary loaded in %.3f s; 100k tokens scanned in %.3f s, %zu hits\n",
           t_load, t_scan, hits);
    CHECK(t_load < 5.0 && t_scan < 5.0);
    /* one huge line of words and a long run of hyphens */
    sr_doc_free(doc);
    b.n = 0;
    sr_buf_adds(&b, "name w1");
    for (int k = 0; k < 100000; k++)
        sr_buf_adds(&b, " -");
    sr_buf_addc(&b, 0);
    doc = tokens_of(b.p);
    t0 = now();
    i = 0;
    while (doc && sr_dict_next(d, doc, &i, doc->ntokens, day, 1, &m))
        ;
    CHECK(now() - t0 < 5.0);
    sr_doc_free(doc);
    sr_dict_free(d);
    sr_buf_free(&b);
}
