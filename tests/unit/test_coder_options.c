/* test_coder_options.c: TABARI's .options commands (src/code/coder_options.c) and the
 * validation suite's record reader and checker (src/code/validate.c), on small inline
 * cases and on the suite's own Validate.text and Validate.options. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "../../src/code/validate.h"
#include "../harness.h"

static sr_status line(sr_coder_options *o, const char *s)
{
    char err[160];
    return sr_coder_option_line(o, s, strlen(s), err, sizeof err);
}

/* Applies a line that must be read, failing the test with the message if it is not. */
#define APPLY(o, s)                                                                                \
    do {                                                                                           \
        char err_[160];                                                                            \
        sr_status st_ = sr_coder_option_line((o), (s), strlen(s), err_, sizeof err_);              \
        CHECK_MSG(st_ == SR_OK, "'%s': %s", (s), err_);                                            \
    } while (0)

/* A line that must be refused with a one-line message, leaving the options unchanged. */
#define REFUSE(o, s)                                                                               \
    do {                                                                                           \
        char err_[160] = "";                                                                       \
        sr_coder_options before_ = *(o);                                                           \
        sr_status st_ = sr_coder_option_line((o), (s), strlen(s), err_, sizeof err_);              \
        CHECK_MSG(st_ == SR_USAGE, "'%s' was accepted", (s));                                      \
        CHECK_MSG(err_[0] && !strchr(err_, '\n'), "'%s': message '%s'", (s), err_);                \
        CHECK_MSG(!memcmp(&before_, (o), sizeof before_), "'%s' changed the options", (s));        \
    } while (0)

static void suite_path(char *out, size_t cap, const char *file)
{
    snprintf(out, cap, "%s/data/eventcoding/tabari-validation/%s", sr_test_shared(), file);
}

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    sr_buf b = {0};
    char chunk[8192];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
        sr_buf_add(&b, chunk, k);
    fclose(f);
    sr_buf_add(&b, "", 1);
    *n = b.n - 1;
    return b.p;
}

/* ---- the options --------------------------------------------------------------------- */

TEST(coder_options_default)
{
    sr_coder_options o;
    sr_coder_options_default(&o, true);
    CHECK_EQ_INT(o.code_by, SR_CODE_BY_CLAUSE);
    CHECK_EQ_INT(o.comma_min, 2);
    CHECK_EQ_INT(o.comma_max, 10);
    CHECK_EQ_INT(o.comma_bmin, 128);
    CHECK_EQ_INT(o.comma_bmax, 0);
    CHECK_EQ_INT(o.comma_emin, 2);
    CHECK_EQ_INT(o.comma_emax, 10);
    CHECK_EQ_INT(o.min_words, 0);
    CHECK(o.time_shift);
    CHECK(!o.comma_off && !o.cx_noactprior && !o.cx_verbs && !o.default_source[0]);
    sr_coder_options_default(&o, false);
    CHECK(!o.time_shift);
}

TEST(coder_options_complex)
{
    sr_coder_options o;
    sr_coder_options_default(&o, false);
    APPLY(&o, "COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN");
    CHECK_EQ_INT(o.cx_verbs, 5);
    CHECK_EQ_INT(o.cx_conj, 4);
    CHECK(o.cx_noactprior);
    /* a COMPLEX line replaces the conditions before it */
    APPLY(&o, "  complex:  verbs [ 6 ]  actors[8] LATEVERB[8] NOVERB pronouns[2] comma[3]");
    CHECK_EQ_INT(o.cx_verbs, 6);
    CHECK_EQ_INT(o.cx_conj, 0);
    CHECK(!o.cx_noactprior);
    CHECK_EQ_INT(o.cx_actors, 8);
    CHECK_EQ_INT(o.cx_lateverb, 8);
    CHECK_EQ_INT(o.cx_pronouns, 2);
    CHECK_EQ_INT(o.cx_comma, 3);
    CHECK(o.cx_noverb);
    APPLY(&o, "COMP: NOACTAFTER NOSOURCE NOTARGET NOEVENT NOSAVE");
    CHECK(o.cx_noactafter && o.cx_nosource && o.cx_notarget && o.cx_noevent);
    CHECK_EQ_INT(o.cx_verbs, 0);
    APPLY(&o, "COMPLEX: OFF");
    CHECK(!o.cx_noactafter && !o.cx_noevent);
    REFUSE(&o, "COMPLEX: VERBS 5");
    REFUSE(&o, "COMPLEX: VERBS[five]");
    REFUSE(&o, "COMPLEX: VERBS[5");
    REFUSE(&o, "COMPLEX: NOACTBEFORE");
}

TEST(coder_options_default_codes)
{
    sr_coder_options o;
    sr_coder_options_default(&o, false);
    APPLY(&o, "DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER");
    CHECK_EQ_STR(o.default_source, "DEFSRC");
    CHECK_EQ_STR(o.default_target, "DEFTAR");
    CHECK(o.default_prior && o.default_after);
    /* later DEFAULT lines add; only OFF clears (why the suite sends OFF first) */
    APPLY(&o, "DEFAULT: SOURCE [OTHER]");
    CHECK_EQ_STR(o.default_source, "OTHER");
    CHECK(o.default_prior && o.default_after);
    APPLY(&o, "DEFAULT: OFF");
    CHECK(!o.default_source[0] && !o.default_target[0] && !o.default_prior && !o.default_after);
    APPLY(&o, "defa: source: [usa] prior target: [world]");
    CHECK_EQ_STR(o.default_source, "USA");
    CHECK_EQ_STR(o.default_target, "WORLD");
    CHECK(o.default_prior && !o.default_after);
    REFUSE(&o, "DEFAULT: SOURCE DEFSRC");
    REFUSE(&o, "DEFAULT: SOURCE []");
    REFUSE(&o, "DEFAULT: SOURCE [ABCDEFGHIJKLMNOPQRSTUVWXYZ]");
    REFUSE(&o, "DEFAULT: BEFORE");
}

TEST(coder_options_forward)
{
    sr_coder_options o;
    sr_coder_options_default(&o, false);
    CHECK(!o.forward[0]);
    APPLY(&o, "FORWARD: ^^*****NNN*SSS");
    CHECK_EQ_STR(o.forward, "^^*****NNN*SSS");
    APPLY(&o, "FORW: ^^***nnn*sss DOC");
    CHECK_EQ_STR(o.forward, "^^***NNN*SSS");
    APPLY(&o, "FORWARD: ^^*****NNN*SSS OFF");
    CHECK(!o.forward[0]);
    REFUSE(&o, "FORWARD:");
    REFUSE(&o, "FORWARD: ^^***NNN");          /* no sentence number */
    REFUSE(&o, "FORWARD: ^^***NNN*SXS");       /* not a format character */
    REFUSE(&o, "FORWARD: ^^***NNN*SSS ON");    /* DOC or OFF only */
    REFUSE(&o, "FORWARD: ^^*****************************NNN*SSS"); /* over 31 */
}

TEST(coder_options_comma)
{
    sr_coder_options o;
    sr_coder_options_default(&o, false);
    APPLY(&o, "COMMA: MIN = 4 MAX = 6 EMIN = 3 EMAX = 6 BMIN = 3 BMAX = 8");
    CHECK_EQ_INT(o.comma_min, 4);
    CHECK_EQ_INT(o.comma_max, 6);
    CHECK_EQ_INT(o.comma_emin, 3);
    CHECK_EQ_INT(o.comma_emax, 6);
    CHECK_EQ_INT(o.comma_bmin, 3);
    CHECK_EQ_INT(o.comma_bmax, 8);
    APPLY(&o, "COMMA: OFF");
    CHECK(o.comma_off);
    CHECK_EQ_INT(o.comma_min, 4);
    APPLY(&o, "COMMA: MIN=1 MAX=8");
    CHECK(!o.comma_off);
    CHECK_EQ_INT(o.comma_min, 1);
    CHECK_EQ_INT(o.comma_max, 8);
    CHECK_EQ_INT(o.comma_emax, 6);
    REFUSE(&o, "COMMA: MIN= BMAX=0");
    REFUSE(&o, "COMMA: MIN 2");
    REFUSE(&o, "COMMA: MIDDLE=2");
}

TEST(coder_options_set)
{
    sr_coder_options o;
    sr_coder_options_default(&o, true);
    APPLY(&o, "SET: CODE BY SENTENCE");
    CHECK_EQ_INT(o.code_by, SR_CODE_BY_SENTENCE);
    APPLY(&o, "SET: CODE ALL");
    CHECK_EQ_INT(o.code_by, SR_CODE_ALL);
    APPLY(&o, "set: code by clause");
    CHECK_EQ_INT(o.code_by, SR_CODE_BY_CLAUSE);
    APPLY(&o, "SET: MINIMUM WORDS = 4");
    CHECK_EQ_INT(o.min_words, 4);
    APPLY(&o, "SET: CONVERT AGENT = TRUE"); /* the suite's spelling */
    CHECK(o.convert_agents);
    APPLY(&o, "SET: CONVERT AGENTS = F");
    CHECK(!o.convert_agents);
    APPLY(&o, "SET: TIME SHIFT = FALSE");
    CHECK(!o.time_shift);
    APPLY(&o, "SET: TIME SHIFTING = TRUE");
    CHECK(o.time_shift);
    APPLY(&o, "SET: FBIS = T");
    CHECK(o.fbis);
    sr_coder_options before = o;
    APPLY(&o, "SET: LABEL = TRUE");
    APPLY(&o, "SET: SKIP RECORDS = FALSE");
    APPLY(&o, "SET: VERB USAGE = OFF");
    APPLY(&o, "SET: ACTOR USAGE = FALSE");
    APPLY(&o, "SET: DUP WARNING = FALSE");
    APPLY(&o, "SET: ALLCAPS = TRUE");
    APPLY(&o, "SET: CHECK DOMINANT=FALSE");
    APPLY(&o, "SET: YYYY = TRUE");
    APPLY(&o, "SET: CODE NONRESTRICTIVE = TRUE");
    CHECK(!memcmp(&before, &o, sizeof o));
    REFUSE(&o, "SET: CODE BY PARAGRAPH");
    REFUSE(&o, "SET: MINIMUM WORDS = many");
    REFUSE(&o, "SET: MINIMUM WORDS 4");
    REFUSE(&o, "SET: FBIS = MAYBE");
    REFUSE(&o, "SET: TIME SHIFT = TRUE please");
    REFUSE(&o, "SET: COLOUR = BLUE");
    REFUSE(&o, "SET: LABEL =");
    REFUSE(&o, "SET:");
}

TEST(coder_options_nonevents_and_ignored)
{
    sr_coder_options o;
    sr_coder_options_default(&o, false);
    APPLY(&o, "NONEVENTS: TRUE");
    CHECK(o.nonevents);
    APPLY(&o, "NONEVENTS: FALSE");
    CHECK(!o.nonevents);
    APPLY(&o, "NONEVENTS: ONLY");
    CHECK(o.nonevents);
    REFUSE(&o, "NONEVENTS: SOMETIMES");
    sr_coder_options before = o;
    APPLY(&o, "LABEL: 010=YIELD");
    APPLY(&o, "OUTPUT: ACTOR MATCH ID");
    APPLY(&o, "FORWARD: ^^*****NNN*SSS DOC OFF");
    APPLY(&o, "");
    APPLY(&o, "   \t");
    APPLY(&o, "// COMPLEX: VERBS[1]");
    APPLY(&o, "# SET: FBIS = FALSE");
    APPLY(&o, "LABEL: 23=DISCARD // a comment");
    CHECK(!memcmp(&before, &o, sizeof o));
    APPLY(&o, "COMPLEX: VERBS[5] # KEDS settings");
    CHECK_EQ_INT(o.cx_verbs, 5);
    REFUSE(&o, "~~~~~");
    REFUSE(&o, "FROBNICATE: ON");
    REFUSE(&o, "COMPLEX VERBS[5]");
    REFUSE(&o, ": VERBS[5]");
    CHECK_EQ_INT(line(&o, "SET: CODE BY CLAUSE"), SR_OK);
}

/* Every line of the suite's .options file reads. */
TEST(coder_options_suite_file)
{
    char path[1024];
    suite_path(path, sizeof path, "Validate.options");
    size_t n;
    char *text = slurp(path, &n);
    CHECK_MSG(text != NULL, "cannot read %s", path);
    if (!text)
        return;
    sr_coder_options o;
    sr_coder_options_default(&o, true);
    size_t lines = 0;
    for (char *p = text, *nl; p < text + n && *p != '~'; p = nl + 1, lines++) {
        nl = strchr(p, '\n');
        if (!nl)
            nl = text + n;
        char err[160];
        sr_status st = sr_coder_option_line(&o, p, (size_t)(nl - p), err, sizeof err);
        CHECK_MSG(st == SR_OK, "Validate.options:%zu: %s", lines + 1, err);
    }
    CHECK(lines > 100);
    CHECK_EQ_INT(o.cx_verbs, 5);
    CHECK_EQ_INT(o.cx_conj, 4);
    CHECK(o.cx_noactprior);
    free(text);
}

/* ---- records ------------------------------------------------------------------------- */

static const char two_records[] = "\n"
                                  "#####\n"
                                  "# banner\n"
                                  "\n"
                                  "950101  DEMO-01\n"
                                  "Arnor is about to restore ties with Gondor,\n"
                                  "a senior official said./*\\n----\n"
                                  "\\n[Simple coding]\n"
                                  "\\n{ ARN / GON / 064 } 950101 */    \n"
                                  "\n"
                                  "9501201  ODD-02\n"
                                  "Text only.\n";

TEST(tabari_record_reader)
{
    size_t pos = 0, ln = 0, n = sizeof two_records - 1;
    sr_tabari_record r;
    CHECK(sr_tabari_next(two_records, n, &pos, &ln, &r));
    CHECK_EQ_INT(r.line, 5);
    CHECK(r.header.n == 15 && !memcmp(r.header.p, "950101  DEMO-01", 15));
    CHECK(r.body.n > 0 && r.body.p[r.body.n - 1] == ' ');
    sr_buf s = {0};
    CHECK_EQ_INT(sr_tabari_sentence(&r, &s), SR_OK);
    sr_buf_addc(&s, 0);
    CHECK_EQ_STR(s.p, "Arnor is about to restore ties with Gondor, a senior official said.");
    sr_ymd day;
    char id[64];
    CHECK(sr_tabari_header(r.header, false, &day, id, sizeof id));
    CHECK_EQ_STR(id, "DEMO-01");
    CHECK(day.year == 1995 && day.month == 1 && day.day == 1);

    CHECK(sr_tabari_next(two_records, n, &pos, &ln, &r));
    CHECK_EQ_INT(r.line, 11);
    CHECK(sr_tabari_header(r.header, false, &day, id, sizeof id));
    CHECK_EQ_STR(id, "1  ODD-02"); /* TABARI reads six digits, the rest is the ID */
    CHECK(day.day == 20);
    s.n = 0;
    sr_tabari_sentence(&r, &s);
    CHECK(s.n == 10 && !memcmp(s.p, "Text only.", 10));
    CHECK(!sr_tabari_next(two_records, n, &pos, &ln, &r));
    sr_buf_free(&s);
}

TEST(tabari_header_dates)
{
    sr_ymd d;
    char id[16];
    CHECK(sr_tabari_header((sr_str){"000101 A", 8}, false, &d, id, sizeof id) && d.year == 2000);
    CHECK(sr_tabari_header((sr_str){"301231 A", 8}, false, &d, id, sizeof id) && d.year == 2030);
    CHECK(sr_tabari_header((sr_str){"310101 A", 8}, false, &d, id, sizeof id) && d.year == 1931);
    CHECK(sr_tabari_header((sr_str){"18601002  9 Y", 13}, true, &d, id, sizeof id));
    CHECK(d.year == 1860 && d.month == 10 && d.day == 2);
    CHECK_EQ_STR(id, "9 Y");
    CHECK(!sr_tabari_header((sr_str){"951301 BAD", 10}, false, &d, id, sizeof id));
    CHECK_EQ_STR(id, "BAD");
    CHECK(!sr_tabari_header((sr_str){"950230 FEB", 10}, false, &d, id, sizeof id));
    CHECK(!sr_tabari_header((sr_str){"95010 SHORT", 11}, false, &d, id, sizeof id));
    CHECK(!sr_tabari_header((sr_str){"950101 Y", 8}, true, &d, id, sizeof id));
    /* a long ID is cut, not overrun */
    CHECK(sr_tabari_header((sr_str){"950101 ABCDEFGHIJKLMNOPQRSTUVWXYZ", 33}, false, &d, id, 8));
    CHECK_EQ_STR(id, "ABCDEFG");
}

/* Reads the expectation of a record whose body is given. */
static void expect_of(const char *body, sr_tabari_expect *e)
{
    sr_tabari_record r = {{"950101 T", 8}, {body, strlen(body)}, 1};
    sr_tabari_expect_read(&r, e);
}

TEST(tabari_expected_blocks)
{
    sr_tabari_expect *e = malloc(sizeof *e);
    expect_of("Text. /*\\n{ DAG / GON / 032 } 950103  \n\\n{GON/DAG/033} */", e);
    CHECK_EQ_INT(e->kind, SR_EXPECT_EVENTS);
    CHECK_EQ_INT(e->nblocks, 2);
    CHECK_EQ_STR(e->blocks[0].source, "DAG");
    CHECK_EQ_STR(e->blocks[0].target, "GON");
    CHECK_EQ_STR(e->blocks[0].code, "032");
    CHECK_EQ_STR(e->blocks[0].date, "950103");
    CHECK_EQ_STR(e->blocks[1].code, "033");
    CHECK_EQ_STR(e->blocks[1].date, "");
    CHECK(!e->first_dash && !e->problem[0]);

    expect_of("T /* \\n{---} */", e);
    CHECK_EQ_INT(e->kind, SR_EXPECT_NONE);
    expect_of("T /* \\n{ ### } */", e);
    CHECK_EQ_INT(e->kind, SR_EXPECT_DISCARD);
    /* {+++} decides, wherever it is; "{}" in prose is no block */
    expect_of("T /* [codes in {}] \\n{ ERI / OSG / 223 }\\n{+++} */", e);
    CHECK_EQ_INT(e->kind, SR_EXPECT_COMPLEX);
    CHECK(sr_tabari_unscored(e, false) != NULL);
    expect_of("T /* \\n-{ARN / GON / 064  } */", e);
    CHECK(e->first_dash && e->blocks[0].dash);
    CHECK(sr_tabari_unscored(e, true) != NULL);
    expect_of("T /* \\n-{ DAG / ARN / 031 } 950111 */", e);
    CHECK(sr_tabari_unscored(e, false) != NULL);
    CHECK(sr_tabari_unscored(e, true) == NULL); /* scored on its date */
    expect_of("T /* no blocks here */", e);
    CHECK_EQ_INT(e->kind, SR_EXPECT_NOTHING);
    CHECK(sr_tabari_unscored(e, false) != NULL);

    /* a stray closer (PATTERN-26): blocks after it still count, text after it is not text */
    const char *stray = "Sentence. /*\\n{ FOR / GON / 044 } \n\\n{ GON / FOR / 045 }  */ \n"
                        "\\n{ GON / FOR / 044 } \n\\n{ FOR / GON / 045 }  */ ";
    expect_of(stray, e);
    CHECK_EQ_INT(e->nblocks, 4);
    sr_tabari_record r = {{"950101 T", 8}, {stray, strlen(stray)}, 1};
    sr_buf s = {0};
    sr_tabari_sentence(&r, &s);
    CHECK(s.n == 9 && !memcmp(s.p, "Sentence.", 9));
    sr_buf_free(&s);

    /* OPTION blocks, one without its "}" (MINWRD-ACTIVATE) */
    expect_of("T /*\\n{ OPTION:  DEFAULT: OFF } \n\\n{ OPTION: SET: MINIMUM WORDS = 4  */", e);
    CHECK_EQ_INT(e->noptions, 2);
    CHECK(e->options[0].n == 12 && !memcmp(e->options[0].p, "DEFAULT: OFF", 12));
    CHECK(e->options[1].n == 22 && !memcmp(e->options[1].p, "SET: MINIMUM WORDS = 4", 22));
    CHECK_EQ_INT(e->kind, SR_EXPECT_NOTHING);
    CHECK_EQ_STR(sr_tabari_unscored(e, false), "options");

    expect_of("T /* \\n{ ARN / GON } */", e);
    CHECK(e->problem[0] != 0);
    CHECK_EQ_INT(e->kind, SR_EXPECT_EVENTS);
    CHECK(sr_tabari_unscored(e, false) == NULL); /* scored, and fails */
    free(e);
}

/* ---- judging ------------------------------------------------------------------------- */

static sr_coded coded(sr_coded_status st, const sr_event *ev, size_t n)
{
    sr_coded c;
    memset(&c, 0, sizeof c);
    c.status = st;
    c.events = ev;
    c.nevents = n;
    c.explain = "";
    return c;
}

TEST(tabari_judge)
{
    sr_tabari_expect *e = malloc(sizeof *e);
    sr_event ev[3];
    memset(ev, 0, sizeof ev);
    ev[0].source = "DAG", ev[0].target = "GON", ev[0].code = "032";
    ev[1].source = "GON", ev[1].target = "DAG", ev[1].code = "033";
    ev[2].source = "GON", ev[2].target = "ARN", ev[2].code = "033";
    sr_ymd day = {1995, 1, 3};

    expect_of("T /*\\n{ DAG / GON / 032 } 950103\\n{ GON / DAG / 033 } */", e);
    sr_coded c = coded(SR_CODED_EVENTS, ev, 2);
    CHECK(sr_tabari_matches(e, &c, day, false, false));
    CHECK(sr_tabari_matches(e, &c, day, true, false));
    c.nevents = 3; /* one more than expected */
    CHECK(!sr_tabari_matches(e, &c, day, false, false));
    c.nevents = 1; /* one fewer */
    CHECK(!sr_tabari_matches(e, &c, day, false, false));
    sr_coded swapped = coded(SR_CODED_EVENTS, ev + 1, 2);
    CHECK(!sr_tabari_matches(e, &swapped, day, false, false));
    c = coded(SR_CODED_COMPLEX, NULL, 0);
    CHECK(!sr_tabari_matches(e, &c, day, false, false));

    /* time shifting: the first block's date is the shifted day */
    c = coded(SR_CODED_EVENTS, ev, 2);
    c.shifted = true;
    c.shift = -1;
    CHECK(!sr_tabari_matches(e, &c, day, true, false));
    CHECK(sr_tabari_matches(e, &c, day, false, false));
    sr_ymd next = {1995, 1, 4};
    CHECK(sr_tabari_matches(e, &c, next, true, false));
    expect_of("T /*\\n{ DAG / GON / 032 }\\n{ GON / DAG / 033 } */", e);
    CHECK(!sr_tabari_matches(e, &c, next, true, false)); /* no date given */
    expect_of("T /*\\n{ DAG / GON / 032 } 19950103\\n{ GON / DAG / 033 } */", e);
    CHECK(sr_tabari_matches(e, &c, next, true, true));
    expect_of("T /*\\n-{ DAG / ARN / 031 } 950311 */", e);
    sr_ymd mar = {1995, 3, 3};
    c.shift = 8;
    CHECK(sr_tabari_matches(e, &c, mar, true, false)); /* -{ : only the date is checked */
    c.nevents = 0;
    CHECK(!sr_tabari_matches(e, &c, mar, true, false));

    /* -{ stops checking where it is reached */
    expect_of("T /*\\n{ DAG / GON / 032 }\\n-{ --- / --- / 000 } */", e);
    c = coded(SR_CODED_EVENTS, ev, 3);
    CHECK(sr_tabari_matches(e, &c, day, false, false));
    c.nevents = 1;
    CHECK(sr_tabari_matches(e, &c, day, false, false));
    c.nevents = 0;
    CHECK(!sr_tabari_matches(e, &c, day, false, false));

    expect_of("T /* \\n{---} */", e);
    c = coded(SR_CODED_EVENTS, NULL, 0);
    CHECK(sr_tabari_matches(e, &c, day, false, false));
    c = coded(SR_CODED_SHORT, NULL, 0);
    CHECK(sr_tabari_matches(e, &c, day, false, false));
    c = coded(SR_CODED_EVENTS, ev, 1);
    CHECK(!sr_tabari_matches(e, &c, day, false, false));
    c = coded(SR_CODED_DISCARD, NULL, 0);
    CHECK(!sr_tabari_matches(e, &c, day, false, false));

    expect_of("T /* \\n{###} */", e);
    CHECK(sr_tabari_matches(e, &c, day, false, false));
    c = coded(SR_CODED_EVENTS, NULL, 0);
    CHECK(!sr_tabari_matches(e, &c, day, false, false));
    free(e);
}

/* ---- the suite's own text ------------------------------------------------------------ */

/* Every record before FINAL-01 reads: a valid date (in the date format its OPTION lines
 * set), expected blocks without problems, OPTION lines the options reader takes. */
TEST(tabari_suite_records)
{
    char path[1024];
    suite_path(path, sizeof path, "Validate.text");
    size_t n, pos = 0, ln = 0;
    char *text = slurp(path, &n);
    CHECK_MSG(text != NULL, "cannot read %s", path);
    if (!text)
        return;
    sr_tabari_expect *e = malloc(sizeof *e);
    sr_coder_options o;
    sr_coder_options_default(&o, true);
    size_t records = 0, options = 0, kinds[5] = {0}, blocks = 0;
    bool yyyy = false, final = false;
    sr_tabari_record r;
    while (!final && sr_tabari_next(text, n, &pos, &ln, &r)) {
        sr_ymd day;
        char id[64];
        bool dated = sr_tabari_header(r.header, yyyy, &day, id, sizeof id);
        if (!strcmp(id, "FINAL-01")) {
            final = true;
            break;
        }
        records++;
        CHECK_MSG(dated, "line %zu: %s has no valid date", r.line, id);
        sr_tabari_expect_read(&r, e);
        CHECK_MSG(!e->problem[0], "line %zu: %s: %s", r.line, id, e->problem);
        kinds[e->kind]++;
        blocks += e->nblocks;
        for (size_t i = 0; i < e->noptions; i++, options++) {
            char err[160];
            sr_str l = e->options[i];
            CHECK_MSG(sr_coder_option_line(&o, l.p, l.n, err, sizeof err) == SR_OK,
                      "line %zu: %s: %s", r.line, id, err);
            if (l.n >= 9 && !strncmp(l.p, "SET: YYYY", 9))
                yyyy = memmem(l.p, l.n, "TRUE", 4) != NULL;
        }
    }
    CHECK(final);
    /* the data README counts 466: the headers of exactly six digits and a blank */
    CHECK_EQ_INT(records, 472);
    CHECK_EQ_INT(options, 31);
    CHECK_EQ_INT(kinds[SR_EXPECT_COMPLEX], 21);
    CHECK_EQ_INT(kinds[SR_EXPECT_DISCARD], 7);
    CHECK_EQ_INT(kinds[SR_EXPECT_NONE], 16);
    CHECK_EQ_INT(kinds[SR_EXPECT_NOTHING], 23); /* OPTION records */
    CHECK_EQ_INT(kinds[SR_EXPECT_EVENTS], 405);
    CHECK_EQ_INT(blocks, 527);
    free(e);
    free(text);
}

/* A suite whose files are missing or malformed stops with one line naming the file. */
TEST(tabari_validate_errors)
{
    char dir[] = "/tmp/sitrep-validate-XXXXXX", path[1200], err[512];
    CHECK(mkdtemp(dir) != NULL);
    sr_validate_result res;
    snprintf(path, sizeof path, "%s/nothing", dir);
    CHECK_EQ_INT(sr_validate_tabari(path, 0, NULL, &res, err, sizeof err), SR_NOTFOUND);
    CHECK_MSG(strstr(err, "nothing") && !strchr(err, '\n'), "message: %s", err);

    snprintf(path, sizeof path, "%s/Validate.project", dir);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f)
        return;
    fputs("<actorsfile> a.actors\n<verbsfile> v.verbs\n", f);
    fclose(f);
    CHECK_EQ_INT(sr_validate_tabari(dir, 0, NULL, &res, err, sizeof err), SR_USAGE);
    CHECK_MSG(strstr(err, "<textfile>") != NULL, "message: %s", err);

    f = fopen(path, "w");
    fputs("<actorsfile> a.actors\n<verbsfile> v.verbs\n<textfile> t.text\n", f);
    fclose(f);
    CHECK_EQ_INT(sr_validate_tabari(dir, 0, NULL, &res, err, sizeof err), SR_NOTFOUND);
    CHECK_MSG(strstr(err, "a.actors") != NULL, "message: %s", err);

    char apath[1200];
    snprintf(apath, sizeof apath, "%s/a.actors", dir);
    f = fopen(apath, "w");
    fputs("ARNOR [ARN\n", f);
    fclose(f);
    CHECK_EQ_INT(sr_validate_tabari(dir, 0, NULL, &res, err, sizeof err), SR_DICT);
    CHECK_MSG(strstr(err, "a.actors:1") != NULL, "message: %s", err);

    unlink(apath);
    unlink(path);
    rmdir(dir);
}
