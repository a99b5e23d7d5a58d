/* test_verbs.c: the verb dictionary readers (src/code/verbs_read.c for TABARI,
 * src/code/verbs_petrarch.c for PETRARCH) on small inline files and on CAMEO.2.0.txt.
 *
 * Stored elements are compared as text, one element per blank-separated item:
 *   WORD:s  WORD:r  WORD:x   a word matched as a stem, with regular endings, exactly
 *   _item                    the item must follow the one before it at once (adjacent)
 *   * $ + % ^ @              the verb and the actor tokens
 *   &NAME                    a named synset; {A:r | B:r} an inline set of alternatives */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "../../src/code/verbs_int.h"
#include "../harness.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Loads text in format f under the name "t.verbs". Never NULL after a passed CHECK; the
 * caller frees with sr_verbs_free. *st receives the load's status. */
static sr_verbs *load(sr_verbs_format f, const char *text, sr_status *st)
{
    sr_verbs *v = sr_verbs_new();
    CHECK(v != NULL);
    if (!v)
        abort();
    *st = sr_verbs_load_mem(v, f, "t.verbs", text, strlen(text));
    return v;
}

/* Loads text that must load cleanly. */
static sr_verbs *load_ok(sr_verbs_format f, const char *text)
{
    sr_status st;
    sr_verbs *v = load(f, text, &st);
    CHECK_MSG(st == SR_OK, "load: %s", sr_verbs_error(v));
    CHECK_EQ_INT(v->errors, 0);
    return v;
}

/* ---- rendering stored elements as text ------------------------------------------------ */

typedef struct {
    char s[2048];
    size_t n;
} out;

static void put(out *o, const char *s)
{
    size_t k = strlen(s);
    if (o->n + k < sizeof o->s) {
        memcpy(o->s + o->n, s, k + 1);
        o->n += k;
    }
}

static void render_range(const sr_verbs *v, uint32_t first, uint32_t n, out *o, int depth);

static void render_set(const sr_verbs *v, uint32_t set, out *o, int depth)
{
    const vset *st = &v->sets[set];
    if (st->name && depth > 0) {
        put(o, st->name);
        return;
    }
    put(o, "{");
    for (uint32_t k = 0; k < st->n; k++) {
        if (k)
            put(o, " | ");
        const vseq *q = &v->seqs[st->first + k];
        render_range(v, q->first, q->n, o, depth + 1);
    }
    put(o, "}");
}

static void render_range(const sr_verbs *v, uint32_t first, uint32_t n, out *o, int depth)
{
    static const char *const match[] = {":s", ":r", ":x"};
    static const char *const tokens[] = {"", "", "*", "$", "+", "%", "^", "@"};
    for (uint32_t k = 0; k < n; k++) {
        const vel *e = &v->els[first + k];
        if (k)
            put(o, " ");
        if (e->adjacent)
            put(o, "_");
        if (e->kind == PE_WORD) {
            put(o, e->s);
            put(o, e->match < 3 ? match[e->match] : ":?");
        } else if (e->kind == PE_SET)
            render_set(v, e->set, o, depth + 1);
        else
            put(o, e->kind < 8 ? tokens[e->kind] : "?");
    }
}

/* Pattern p (index into v->pats, file order before sr_verbs_finish) as text. */
static const char *pat_text(const sr_verbs *v, size_t p, out *o)
{
    o->n = 0;
    o->s[0] = 0;
    if (p < v->npats)
        render_range(v, v->pats[p].first, v->pats[p].n, o, 0);
    return o->s;
}

/* The members of synset set, as "{A:x | B:x _C:x}". */
static const char *set_text(const sr_verbs *v, uint32_t set, out *o)
{
    o->n = 0;
    o->s[0] = 0;
    render_set(v, set, o, 0);
    return o->s;
}

/* Every form of group g, in file order, separated by ", ". */
static const char *forms_text(const sr_verbs *v, uint32_t g, out *o)
{
    o->n = 0;
    o->s[0] = 0;
    for (size_t f = 0; f < v->nforms; f++) {
        if (v->forms[f].group != g)
            continue;
        if (o->n)
            put(o, ", ");
        render_range(v, v->forms[f].first, v->forms[f].n, o, 0);
    }
    return o->s;
}

/* The group named name (as stored, upper case); UINT32_MAX after a failed CHECK. */
static uint32_t group_named(const sr_verbs *v, const char *name)
{
    for (size_t g = 0; g < v->ngroups; g++)
        if (v->groups[g].name && !strcmp(v->groups[g].name, name))
            return (uint32_t)g;
    sr_test_fail(__FILE__, __LINE__, "no group %s", name);
    return UINT32_MAX;
}

static uint32_t set_named(const sr_verbs *v, const char *name)
{
    uint32_t s = sr_verbs_find_set(v, name, strlen(name));
    CHECK_MSG(s != UINT32_MAX, "no synset %s", name);
    return s;
}

static const char *str_or(const char *s)
{
    return s ? s : "(null)";
}

/* ---- PETRARCH ------------------------------------------------------------------------- */

TEST(verbs_petrarch_block)
{
    sr_verbs *v = load_ok(SR_VERBS_PETRARCH, "# a comment\n"
                                             "---  ACCELERATE   [042]  ---\n"
                                             "HASTEN \n"
                                             "HURRY  # shan 9/27/93\n"
                                             "SPEED {SPEEDS SPED SPEEDING }\n"
                                             "- * AID                [070]         # RUSH\n");
    sr_verbs_stats s;
    sr_verbs_get_stats(v, &s);
    CHECK_EQ_INT(s.roots, 1);
    CHECK_EQ_INT(s.forms, 12);
    CHECK_EQ_INT(s.patterns, 1);
    out o;
    uint32_t g = group_named(v, "ACCELERATE");
    if (g != UINT32_MAX) {
        CHECK_EQ_STR(v->groups[g].code.code, "042");
        CHECK_EQ_INT(v->groups[g].section, VS_VERB);
        CHECK_EQ_INT(v->groups[g].npat, 1);
        CHECK_EQ_INT(v->groups[g].line, 3);
        CHECK_EQ_STR(forms_text(v, g, &o), "HASTEN:x, HASTENS:x, HASTENED:x, HASTENING:x, "
                                           "HURRY:x, HURRIES:x, HURRIED:x, HURRYING:x, "
                                           "SPEED:x, SPEEDS:x, SPED:x, SPEEDING:x");
    }
    CHECK_EQ_STR(pat_text(v, 0, &o), "* AID:r");
    CHECK_EQ_STR(v->pats[0].code.code, "070");
    CHECK_EQ_INT(v->pats[0].verb, 0);
    CHECK_EQ_INT(v->pats[0].line, 6);
    CHECK(sr_verbs_finish(v) == SR_OK);
    sr_verbs_free(v);
}

TEST(verbs_petrarch_regular_forms)
{
    sr_verbs *v = load_ok(SR_VERBS_PETRARCH, "--- X [010] ---\n"
                                             "MAKE\nPUSH\nDELAY\nAGREE\nTIE\nFIX\n"
                                             "BRING {BRINGS BRING BROUGHT}\n"
                                             "ANGERED_BY_+WORDS {}\n");
    out o;
    CHECK_EQ_STR(forms_text(v, 0, &o),
                 "MAKE:x, MAKES:x, MAKED:x, MAKING:x, PUSH:x, PUSHES:x, PUSHED:x, PUSHING:x, "
                 "DELAY:x, DELAYS:x, DELAYED:x, DELAYING:x, AGREE:x, AGREES:x, AGREED:x, "
                 "AGREEING:x, TIE:x, TIES:x, TIED:x, TYING:x, FIX:x, FIXES:x, FIXED:x, "
                 "FIXING:x, BRING:x, BRINGS:x, BROUGHT:x, ANGERED:x _BY:x _WORDS:x");
    sr_verbs_free(v);
}

TEST(verbs_petrarch_multiword)
{
    sr_verbs *v = load_ok(SR_VERBS_PETRARCH, "--- BUILD [---] ---\n"
                                             "+BEEF_UP  [174]\n"
                                             "WIRE_+TAP {WIRE_+TAPS WIRE_+TAPPED , WIRE_+TAPPING}\n"
                                             "RE-ACTIVATE\n"
                                             "- * ARMS [173]\n");
    out o;
    uint32_t beef = group_named(v, "+BEEF_UP"), block = group_named(v, "BUILD");
    if (beef == UINT32_MAX || block == UINT32_MAX) {
        sr_verbs_free(v);
        return;
    }
    CHECK_EQ_STR(v->groups[beef].code.code, "174");
    CHECK(v->groups[block].code.code == NULL && v->groups[block].code.flags == VC_NULL);
    CHECK_EQ_STR(forms_text(v, beef, &o),
                 "BEEF:x _UP:x, BEEFS:x _UP:x, BEEFED:x _UP:x, BEEFING:x _UP:x");
    CHECK_EQ_STR(forms_text(v, block, &o),
                 "WIRE:x _TAP:x, WIRE:x _TAPS:x, WIRE:x _TAPPED:x, WIRE:x _TAPPING:x, "
                 "RE:x _ACTIVATE:x, RE:x _ACTIVATES:x, RE:x _ACTIVATED:x, RE:x _ACTIVATING:x");
    for (size_t f = 0; f < v->nforms; f++)
        CHECK_EQ_INT(v->forms[f].head, v->forms[f].group == beef ? 0 : 1);
    /* both groups of the block share its one pattern */
    CHECK_EQ_INT(v->npats, 1);
    CHECK_EQ_INT(v->groups[beef].first_pat, v->groups[block].first_pat);
    CHECK_EQ_INT(v->groups[beef].npat, 1);
    CHECK_EQ_INT(v->groups[block].npat, 1);
    CHECK(sr_verbs_finish(v) == SR_OK);
    sr_verbs_free(v);
}

TEST(verbs_petrarch_own_code)
{
    sr_verbs *v = load_ok(SR_VERBS_PETRARCH, "---  ASK   [---]  ---\n"
                                             "ASK     [020]\n"
                                             "ENQUIRE\n"
                                             "QUERY [---]\n"
                                             "- * AID [070]\n"
                                             "- * HELP [071]\n"
                                             "--- NEXT [010] ---\n"
                                             "SAY\n"
                                             "- * X [011]\n");
    out o;
    uint32_t ask = group_named(v, "ASK"), block = UINT32_MAX;
    for (size_t g = 0; g < v->ngroups; g++)
        if (g != ask && !strcmp(v->groups[g].name, "ASK"))
            block = (uint32_t)g;
    CHECK_EQ_INT(v->ngroups, 3);
    if (block == UINT32_MAX || ask == UINT32_MAX) {
        sr_test_fail(__FILE__, __LINE__, "expected two groups named ASK");
        sr_verbs_free(v);
        return;
    }
    /* the verb with its own code has a group of its own; [---] is the block's code */
    CHECK_EQ_STR(v->groups[ask].code.code, "020");
    CHECK_EQ_STR(forms_text(v, ask, &o), "ASK:x, ASKS:x, ASKED:x, ASKING:x");
    CHECK_EQ_STR(forms_text(v, block, &o), "ENQUIRE:x, ENQUIRES:x, ENQUIRED:x, ENQUIRING:x, "
                                           "QUERY:x, QUERIES:x, QUERIED:x, QUERYING:x");
    CHECK(v->groups[block].code.flags == VC_NULL);
    CHECK_EQ_INT(v->groups[ask].first_pat, 0);
    CHECK_EQ_INT(v->groups[ask].npat, 2);
    CHECK_EQ_INT(v->groups[block].first_pat, 0);
    CHECK_EQ_INT(v->groups[block].npat, 2);
    uint32_t say = group_named(v, "NEXT");
    if (say != UINT32_MAX) {
        CHECK_EQ_INT(v->groups[say].first_pat, 2);
        CHECK_EQ_INT(v->groups[say].npat, 1);
    }
    CHECK(sr_verbs_finish(v) == SR_OK);
    sr_verbs_free(v);
}

TEST(verbs_petrarch_patterns)
{
    sr_verbs *v =
        load_ok(SR_VERBS_PETRARCH, "&WEAPON\n+GUN\n"
                                   "&FIGHT_OF_WORDS\n+ARGUMENT\n"
                                   "&AUX_\n+WAS\n"
                                   "--- STAGE [---] ---\n"
                                   "STAGE\n"
                                   "- {ARMS SHIPMENT} * (TO {BANNED PARTIES}) +    [072]   # PUT\n"
                                   "- * (IN &WEAPON) [183]\n"
                                   "- * {&WEAPON ATTACK} [190]\n"
                                   "- FIGHTER_&WEAPON * [195]\n"
                                   "- * (IN &FIGHT_OF_WORDS) [111]\n"
                                   "- * SIT-IN [141]\n"
                                   "- * (BY/WITH PROTESTS) [141]\n"
                                   "- * (BEFORE COURT) [:173]\n"
                                   "- $ * OFF (FROM ^) [042:043]\n"
                                   "- &AUX_ *_LAWS [---]\n"
                                   "- &AUX SPY_*_DEAL [###]\n"
                                   "- % &WEAPON_ATTACK * [020!]\n");
    out o;
    CHECK_EQ_INT(v->npats, 12);
    CHECK_EQ_STR(pat_text(v, 0, &o), "ARMS:r _SHIPMENT:r * TO:r BANNED:r _PARTIES:r +");
    CHECK_EQ_INT(v->pats[0].verb, 2);
    CHECK_EQ_STR(v->pats[0].code.code, "072");
    CHECK_EQ_STR(pat_text(v, 1, &o), "* IN:r &WEAPON");
    CHECK_EQ_STR(pat_text(v, 2, &o), "* &WEAPON _ATTACK:r");
    CHECK_EQ_STR(pat_text(v, 3, &o), "FIGHTER:r _&WEAPON *");
    CHECK_EQ_STR(pat_text(v, 4, &o), "* IN:r &FIGHT_OF_WORDS");
    CHECK_EQ_STR(pat_text(v, 5, &o), "* SIT:r _IN:r");
    CHECK_EQ_STR(pat_text(v, 6, &o), "* {BY:r | WITH:r} PROTESTS:r");
    /* TABARI's length: letters of the words, the longest member of a set */
    CHECK_EQ_INT(v->pats[6].len, 12);
    CHECK_EQ_INT(v->pats[2].len, 10); /* GUNS, ATTACK */
    CHECK_EQ_STR(pat_text(v, 7, &o), "* BEFORE:r COURT:r");
    CHECK(v->pats[7].code.code == NULL && v->pats[7].code.flags == VC_NULL);
    CHECK_EQ_STR(str_or(v->pats[7].code.pair), "173");
    CHECK_EQ_STR(pat_text(v, 8, &o), "$ * OFF:r FROM:r ^");
    CHECK_EQ_STR(v->pats[8].code.code, "042");
    CHECK_EQ_STR(str_or(v->pats[8].code.pair), "043");
    CHECK_EQ_STR(pat_text(v, 9, &o), "&AUX_ * _LAWS:r");
    CHECK(v->pats[9].code.flags == VC_NULL);
    CHECK_EQ_STR(pat_text(v, 10, &o), "&AUX_ SPY:r _* _DEAL:r");
    CHECK(v->pats[10].code.flags == VC_DISCARD);
    /* no synset &WEAPON_ATTACK: the set &WEAPON, then ATTACK at once */
    CHECK_EQ_STR(pat_text(v, 11, &o), "% &WEAPON _ATTACK:r *");
    CHECK(v->pats[11].code.flags == VC_DOMINANT);
    CHECK(sr_verbs_finish(v) == SR_OK);
    sr_verbs_free(v);
}

TEST(verbs_petrarch_synsets)
{
    sr_verbs *v = load_ok(SR_VERBS_PETRARCH,
                          "&CURRENCY\n"
                          "# irregular plurals are written as members\n"
                          "+DOLLAR\n+ARMY\n+CASH_\n+SWISS FRANC\n+PEACE-KEEPER\n+BOSS\n+NEWS\n"
                          "&AUXVERB_\n+WAS\n+IS_TO\n"
                          "&BOTH\n+&AUXVERB_\n+SAID &CURRENCY\n"
                          "--- GIVE [070] ---\n"
                          "GIVE {GAVE GIVEN GIVING GIVES}\n"
                          "- * &CURRENCY [071]\n"
                          "- &AUXVERB * [071]\n");
    sr_verbs_stats s;
    sr_verbs_get_stats(v, &s);
    CHECK_EQ_INT(s.synsets, 3);
    out o;
    uint32_t cur = set_named(v, "&CURRENCY"), aux = set_named(v, "&AUXVERB_"),
             both = set_named(v, "&BOTH");
    if (cur != UINT32_MAX)
        CHECK_EQ_STR(set_text(v, cur, &o),
                     "{DOLLAR:x | DOLLARS:x | ARMY:x | ARMIES:x | CASH:x | SWISS:x _FRANC:x | "
                     "SWISS:x _FRANCS:x | PEACE:x _KEEPER:x | PEACE:x _KEEPERS:x | BOSS:x | "
                     "BOSSES:x | NEWS:x}");
    if (aux != UINT32_MAX)
        CHECK_EQ_STR(set_text(v, aux, &o), "{WAS:x | IS:x _TO:x}");
    if (both != UINT32_MAX)
        CHECK_EQ_STR(set_text(v, both, &o), "{&AUXVERB_ | SAID:x _&CURRENCY}");
    CHECK_EQ_STR(pat_text(v, 0, &o), "* &CURRENCY");
    /* a label "&X_" may be written without its "_" */
    CHECK_EQ_STR(pat_text(v, 1, &o), "&AUXVERB_ *");
    sr_verbs_free(v);
}

TEST(verbs_petrarch_skipped_lines)
{
    sr_status st;
    sr_verbs *v = load(SR_VERBS_PETRARCH,
                       "<!-- PETRARCH VALIDATION SUITE VERBS DICTIONARY -->\n"
                       "<!-- a comment\n"
                       "   - * over [1 lines\n"
                       "-->\n"
                       "--- SAY [010] ---\n"
                       "SAY {SAID SAYING SAYS}\n"
                       "- * &NOSUCH [012]\n"
                       "- * DIPLXMATIC  [###]  # discard\n"
                       "~ a (a b ATTACK) SAY = a b 015\n"
                       "~ a (b . ATTACK) SAY = a b 112\n",
                       &st);
    CHECK_MSG(st == SR_OK, "%s", sr_verbs_error(v));
    sr_verbs_stats s;
    sr_verbs_get_stats(v, &s);
    CHECK_EQ_INT(s.patterns, 1); /* the pattern with an undeclared synset is ignored */
    CHECK_EQ_INT(s.errors, 0);
    CHECK_EQ_INT(s.warnings, 2); /* it, and the two transformations */
    CHECK_EQ_STR(sr_verbs_warning(v), "t.verbs:7: synset &NOSUCH is not declared: pattern skipped");
    CHECK(v->pats[0].code.flags == VC_DISCARD);
    sr_verbs_free(v);
}

/* One malformed line: its message, and the lines after it still read. */
static void check_error(const char *text, const char *message)
{
    sr_status st;
    char buf[4096];
    snprintf(buf, sizeof buf, "%s--- LAST [010] ---\nLAST\n- * WORD [011]\n", text);
    sr_verbs *v = load(SR_VERBS_PETRARCH, buf, &st);
    CHECK_MSG(st == SR_DICT, "%s: status %d", text, (int)st);
    CHECK_EQ_STR(sr_verbs_error(v), message);
    CHECK_MSG(v->errors == 1, "%s: %zu errors", text, v->errors);
    uint32_t g = UINT32_MAX;
    for (size_t k = 0; k < v->ngroups; k++)
        if (!strcmp(v->groups[k].name, "LAST"))
            g = (uint32_t)k;
    CHECK_MSG(g != UINT32_MAX && v->groups[g].npat == 1, "%s: the next block is lost", text);
    sr_verbs_free(v);
}

TEST(verbs_petrarch_errors)
{
    check_error("- * AID [070]\n",
                "t.verbs:1: expected a --- DESCRIPTION [code] --- line before the pattern");
    check_error("HASTEN\n",
                "t.verbs:1: expected a --- DESCRIPTION [code] --- line before the verb");
    check_error("--- A [042] ---\nHASTEN\n- * AID\n",
                "t.verbs:3: expected [code] after the pattern");
    check_error("--- A [042] ---\nHASTEN\n- * AID [070\n",
                "t.verbs:3: expected ']' closing the pattern's code");
    check_error("--- A [042] ---\nHASTEN\n- * VENTURE (WITH VISIT)   VISIT)[042:043]\n",
                "t.verbs:3: expected '(' before ')'");
    check_error("--- A [042] ---\nHASTEN\n- * (ON ALERT [042]\n",
                "t.verbs:3: expected ')' closing '('");
    check_error("--- A [042] ---\nHASTEN\n- * (TO {A) B} [042]\n",
                "t.verbs:3: expected '}' before ')'");
    check_error("--- A [042] ---\nHASTEN\n- ARMS [070]\n",
                "t.verbs:3: expected the verb marker '*' in the pattern");
    check_error("--- A [042] ---\nHASTEN\n- * ARMS * [070]\n",
                "t.verbs:3: expected one verb marker '*' in the pattern, not 2");
    check_error("--- A [042] ---\nHASTEN\n- * TO/ [070]\n",
                "t.verbs:3: expected a word on both sides of '/' in TO/");
    check_error("--- A [042] ---\nHASTEN\n- * AID [070] x\n",
                "t.verbs:3: expected only a comment after the pattern's [code]");
    check_error("--- A [042] ---\nBEEF_UP\n",
                "t.verbs:2: expected '+' marking the verb word of BEEF_UP");
    check_error("--- A [042] ---\n+BEEF_+UP\n", "t.verbs:2: expected one '+' in +BEEF_+UP");
    check_error("--- A [042] ---\nBE+EF\n",
                "t.verbs:2: expected '+' only at the start of a word in BE+EF");
    check_error("--- A [042] ---\nLASH OUT\n",
                "t.verbs:2: expected {forms}, [code] or a comment after the verb LASH");
    check_error("--- A [042] ---\nSPEED {SPEEDS\n",
                "t.verbs:2: expected '}' closing the verb's forms");
    check_error("--- A [042] ---\nSPEED [01\n", "t.verbs:2: expected ']' closing the verb's code");
    check_error("--- A [042] ---\nSPEED [01] [02]\n",
                "t.verbs:2: expected at most one {forms} and one [code] after the verb");
    check_error("--- A [042] ---\n[020]\n", "t.verbs:2: expected a verb before {forms} or [code]");
    /* a form of only hyphens once made a wordless form the lookup read past the end */
    check_error("--- A [042] ---\nHURRY {HURR ---}\n",
                "t.verbs:2: expected a verb word, not only '-', '_' or '+'");
    /* a broken header: its block is skipped, not added to the block before it */
    check_error("--- A [12.5] ---\nHASTEN\n- * AID [070]\n",
                "t.verbs:1: expected an event code of letters and digits, optionally "
                "CODE:CODE, in [12.5]");
    check_error("--- [042] ---\nHASTEN\n",
                "t.verbs:1: expected a description in --- DESCRIPTION [code] ---");
    check_error("--- DELAY [120]  [031:031]  ---\nDELAY\n",
                "t.verbs:1: expected only '---' after the block's [code]");
    check_error("&A B\n+X\n", "t.verbs:1: expected &NAME alone on a synset line");
    check_error("&A\n+_\n", "t.verbs:2: expected a word or phrase after '+'");
    check_error("--- A [042] ---\nX\n- * (AGAINST X) [:]\n",
                "t.verbs:3: expected a code inside [...]");
    check_error("--- A [042] ---\nX\n- * (AGAINST X) [:---]\n",
                "t.verbs:3: expected one event code after ':' in [:CODE]");
}

TEST(verbs_petrarch_errors_keep_reading)
{
    sr_status st;
    sr_verbs *v = load(SR_VERBS_PETRARCH,
                       "--- A [042] ---\n"
                       "HASTEN\n"
                       "BEEF_UP\n"
                       "- * AID\n"
                       "- * AID [070]\n"
                       "- * TO/ [070]\n"
                       "RUSH {RUSHES\n"
                       "SPEED\n",
                       &st);
    CHECK(st == SR_DICT);
    sr_verbs_stats s;
    sr_verbs_get_stats(v, &s);
    CHECK_EQ_INT(s.errors, 4);
    CHECK_EQ_INT(s.roots, 1);
    CHECK_EQ_INT(s.forms, 8);
    CHECK_EQ_INT(s.patterns, 1);
    sr_verbs_free(v);
}

/* Many lines and long ones cost linear time: 40,000 verbs and patterns in one block, a
 * 60 KB pattern of synset references, a 50 KB verb (both too long, so errors). */
TEST(verbs_petrarch_pathological)
{
    sr_buf b = {0};
    sr_buf_adds(&b, "&X\n+GUN\n--- BIG [010] ---\n");
    for (int k = 0; k < 40000; k++)
        sr_buf_printf(&b, "VERB%d\n- * NOUN%d (TO {A%d B}) &X [011]\n", k, k, k);
    sr_buf_adds(&b, "- *");
    for (int k = 0; k < 10000; k++)
        sr_buf_adds(&b, " &X_&X");
    sr_buf_adds(&b, " [011]\n+");
    for (int k = 0; k < 10000; k++)
        sr_buf_adds(&b, "WORD_");
    sr_buf_adds(&b, "W\n");
    double t0 = now();
    sr_verbs *v = sr_verbs_new();
    sr_status st = sr_verbs_load_mem(v, SR_VERBS_PETRARCH, "big", b.p, b.n);
    double dt = now() - t0;
    CHECK(st == SR_DICT); /* the long pattern and the long verb are too long */
    CHECK_EQ_INT(v->errors, 2);
    CHECK_EQ_INT(v->npats, 40000);
    CHECK_EQ_INT(v->nforms, 160000);
    CHECK(sr_verbs_finish(v) == SR_OK);
    CHECK_MSG(dt < 3.0, "load took %.2f s", dt);
    sr_verbs_free(v);
    sr_buf_free(&b);
}

/* CAMEO.2.0.txt, PETRARCH's shipped verb dictionary. Two lines are malformed (a stray
 * "VISIT)" and "^)" before the code); two patterns name synsets the file never declares
 * (&WEATHER, &DEMONSTRATION) and are ignored, as PETRARCH ignores them. */
TEST(verbs_petrarch_cameo)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/data/eventcoding/petrarch/dictionaries/CAMEO.2.0.txt",
             sr_test_shared());
    sr_verbs *v = sr_verbs_new();
    double t0 = now();
    sr_status st = sr_verbs_load_file(v, SR_VERBS_PETRARCH, path);
    CHECK(sr_verbs_finish(v) == SR_OK);
    double dt = now() - t0;
    sr_verbs_stats s;
    sr_verbs_get_stats(v, &s);
    printf("  CAMEO.2.0.txt: %zu groups, %zu forms, %zu patterns, %zu synsets, %zu errors, "
           "loaded in %.1f ms\n",
           s.roots, s.forms, s.patterns, s.synsets, s.errors, dt * 1e3);
    CHECK(st == SR_DICT);
    CHECK_EQ_INT(s.errors, 2);
    char msg[1200];
    snprintf(msg, sizeof msg, "%s:2374: expected '(' before ')'", path);
    CHECK_EQ_STR(sr_verbs_error(v), msg);
    /* 397 blocks, 1817 verb lines (106 of them with a code of their own) */
    CHECK_EQ_INT(s.roots, 503);
    /* with {...} the forms written, else the verb and its three regular forms */
    CHECK_EQ_INT(s.forms, 7275);
    CHECK_EQ_INT(s.patterns, 4668 - 2 - 2);
    CHECK_EQ_INT(s.synsets, 40);
    CHECK_EQ_INT(s.duplicates, 0);
    CHECK_EQ_INT(s.warnings, 3); /* two undeclared synsets, the transformations */
    CHECK_MSG(dt < 2.0, "load took %.2f s", dt);
    sr_verbs_free(v);
}

TEST(verbs_petrarch_validate_file)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/data/eventcoding/petrarch/dictionaries/PETR.Validate.verbs.txt",
             sr_test_shared());
    sr_verbs *v = sr_verbs_new();
    sr_status st = sr_verbs_load_file(v, SR_VERBS_PETRARCH, path);
    sr_verbs_stats s;
    sr_verbs_get_stats(v, &s);
    /* three legacy lines: a header with two codes, and "LASH OUT" and "RULE OUT" with
     * blanks where PETRARCH wants "+LASH_OUT" */
    CHECK(st == SR_DICT);
    CHECK_EQ_INT(s.errors, 3);
    CHECK_EQ_INT(s.synsets, 17);
    out o;
    uint32_t acc = set_named(v, "&ACCORDSYN");
    if (acc != UINT32_MAX)
        CHECK_EQ_STR(set_text(v, acc, &o),
                     "{&TIETYPES | CLOSER:x | CLOSERS:x | NEARER:x | NEARERS:x | &CURRENCY}");
    uint32_t g = group_named(v, "KLM_NOP_+RST");
    if (g != UINT32_MAX) {
        CHECK_EQ_STR(forms_text(v, g, &o),
                     "KLM:x _NOP:x _RST:x, KLM:x _NOP:x _RSTS:x, KLM:x _NOP:x _RSTED:x, "
                     "KLM:x _NOP:x _RSTING:x");
        CHECK_EQ_STR(v->groups[g].code.code, "002");
    }
    sr_verbs_free(v);
}

/* ---- TABARI --------------------------------------------------------------------------- */

TEST(verbs_tabari_roots_forms)
{
    sr_verbs *v = load_ok(SR_VERBS_TABARI, "ACCEPT [081] ;pas 15 Jul 2003\n"
                                           "- * PROPOSAL [082]\n"
                                           "BREAK_ [1717]\n"
                                           "{BROKE_ BROKEN_ BROKEN_DOWN_}\n"
                                           "- * TREATY [161]\n"
                                           "BAN= [191]\n"
                                           "APPRECIATE POSITION [042]\n"
                                           "TALK\n"
                                           "~~FINISH\n"
                                           "NOT_READ [999]\n");
    sr_verbs_stats s;
    sr_verbs_get_stats(v, &s);
    CHECK_EQ_INT(s.roots, 5);
    CHECK_EQ_INT(s.forms, 8);
    CHECK_EQ_INT(s.patterns, 2);
    out o;
    uint32_t g = group_named(v, "ACCEPT");
    if (g != UINT32_MAX) {
        CHECK_EQ_STR(forms_text(v, g, &o), "ACCEPT:s");
        CHECK_EQ_STR(v->groups[g].code.code, "081");
        CHECK_EQ_INT(v->groups[g].npat, 1);
        CHECK_EQ_STR(pat_text(v, v->groups[g].first_pat, &o), "* PROPOSAL:s");
    }
    if ((g = group_named(v, "BREAK_")) != UINT32_MAX) {
        /* regular endings apply to the last word of a phrase only (manual §5.2.3) */
        CHECK_EQ_STR(forms_text(v, g, &o), "BREAK:r, BROKE:r, BROKEN:r, BROKEN:r _DOWN:r");
        CHECK_EQ_STR(pat_text(v, v->groups[g].first_pat, &o), "* TREATY:s");
        CHECK_EQ_STR(v->pats[v->groups[g].first_pat].code.code, "161");
    }
    if ((g = group_named(v, "BAN=")) != UINT32_MAX)
        CHECK_EQ_STR(forms_text(v, g, &o), "BAN:x");
    if ((g = group_named(v, "APPRECIATE POSITION")) != UINT32_MAX)
        CHECK_EQ_STR(forms_text(v, g, &o), "APPRECIATE:s _POSITION:s");
    if ((g = group_named(v, "TALK")) != UINT32_MAX)
        CHECK(v->groups[g].code.flags == VC_NONE);
    sr_verbs_free(v);
}

TEST(verbs_tabari_pattern_tokens)
{
    sr_verbs *v = load_ok(SR_VERBS_TABARI, "ACCUSE [112]\n"
                                           "- $ * + OF % [111]\n"
                                           "- + WAS * BY $ [066]\n"
                                           "- ^ * [110]\n"
                                           "- * AT ^ WITH + [043:044]\n"
                                           "- @ SAID * [023?]\n");
    out o;
    CHECK_EQ_STR(pat_text(v, 0, &o), "$ * + OF:s %");
    CHECK_EQ_INT(v->pats[0].verb, 1);
    CHECK_EQ_STR(pat_text(v, 1, &o), "+ WAS:s * BY:s $");
    CHECK_EQ_INT(v->pats[1].verb, 2);
    CHECK_EQ_INT(v->pats[1].len, 5);
    CHECK_EQ_STR(pat_text(v, 2, &o), "^ *");
    CHECK_EQ_STR(pat_text(v, 3, &o), "* AT:s ^ WITH:s +");
    CHECK_EQ_STR(v->pats[3].code.code, "043");
    CHECK_EQ_STR(str_or(v->pats[3].code.pair), "044");
    CHECK_EQ_STR(pat_text(v, 4, &o), "@ SAID:s *");
    CHECK(v->pats[4].code.flags == VC_SUBORD);
    /* longest first after sr_verbs_finish: "* AT ^ WITH +" (6 letters) leads */
    CHECK(sr_verbs_finish(v) == SR_OK);
    CHECK_EQ_STR(pat_text(v, 0, &o), "* AT:s ^ WITH:s +");
    CHECK_EQ_STR(pat_text(v, 1, &o), "+ WAS:s * BY:s $");
    sr_verbs_free(v);
}

TEST(verbs_tabari_connectors)
{
    sr_verbs *v = load_ok(SR_VERBS_TABARI, "AGREE [081]\n"
                                           "- * TO_LET_ESCAPE [066]\n"
                                           "- IN_* [075]\n"
                                           "- IN_ * [075]\n"
                                           "- NOTED WOULD_* [174]\n"
                                           "- * REAL~_PLEASANT [024]\n"
                                           "- RECENT~_* [025]\n");
    out o;
    CHECK_EQ_STR(pat_text(v, 0, &o), "* TO:x _LET:x _ESCAPE:s");
    CHECK_EQ_STR(pat_text(v, 1, &o), "IN:x _*");
    CHECK_EQ_STR(pat_text(v, 2, &o), "IN:x *");
    CHECK_EQ_STR(pat_text(v, 3, &o), "NOTED:s WOULD:x _*");
    /* "~": any ending, the next word follows at once; the "~" is not part of the word */
    CHECK_EQ_STR(pat_text(v, 4, &o), "* REAL:s _PLEASANT:s");
    CHECK_EQ_INT(v->pats[4].len, 12);
    CHECK_EQ_STR(pat_text(v, 5, &o), "RECENT:s _*");
    sr_verbs_free(v);
}

/* TABARI replaces hyphens by underscores when it reads a dictionary (manual §5.2.5), and
 * the tokenizer splits words at hyphens: "RE-ADMIT" is two adjacent words. */
TEST(verbs_tabari_hyphens)
{
    sr_verbs *v = load_ok(SR_VERBS_TABARI, "RE-ADMIT [081]\n- * CEASE-FIRE [080]\n");
    out o;
    CHECK_EQ_STR(forms_text(v, 0, &o), "RE:r _ADMIT:s");
    CHECK_EQ_STR(pat_text(v, 0, &o), "* CEASE:x _FIRE:s");
    sr_verbs_free(v);
}

TEST(verbs_tabari_synsets)
{
    sr_verbs *v = load_ok(SR_VERBS_TABARI, "<SYNSETS>\n"
                                           "&TIETYPES\n+MILITARY\n+ECONOMIC\n"
                                           "&TIEPHRASE\n+&TIETYPES_MEMOS\n+MEMOS_ON_&TIETYPES\n"
                                           "&CURRENCY \n+DOLLAR\n+SWISS FRANC\n+PESO_\n"
                                           "</SYNSETS>\n"
                                           "CONTRIBUT [070]\n"
                                           "- * MILLIONS_OF_&CURRENCY [905]\n"
                                           "- * &TIEPHRASE [903]\n");
    sr_verbs_stats s;
    sr_verbs_get_stats(v, &s);
    CHECK_EQ_INT(s.synsets, 3);
    out o;
    uint32_t t = set_named(v, "&TIETYPES"), p = set_named(v, "&TIEPHRASE"),
             c = set_named(v, "&CURRENCY");
    if (t != UINT32_MAX)
        CHECK_EQ_STR(set_text(v, t, &o), "{MILITARY:s | ECONOMIC:s}");
    if (p != UINT32_MAX)
        CHECK_EQ_STR(set_text(v, p, &o), "{&TIETYPES _MEMOS:s | MEMOS:x _ON:x _&TIETYPES}");
    if (c != UINT32_MAX)
        /* members follow the connector rules of patterns: blanks skip, stems */
        CHECK_EQ_STR(set_text(v, c, &o), "{DOLLAR:s | SWISS:s FRANC:s | PESO:x}");
    CHECK_EQ_STR(pat_text(v, 0, &o), "* MILLIONS:x _OF:x _&CURRENCY");
    CHECK_EQ_INT(v->pats[0].len, 8 + 2); /* MILLIONS OF; a synset adds nothing */
    CHECK_EQ_STR(pat_text(v, 1, &o), "* &TIEPHRASE");
    sr_verbs_free(v);
}

TEST(verbs_tabari_alternatives)
{
    sr_verbs *v = load_ok(SR_VERBS_TABARI,
                          "<SYNSETS>\n&NEG\n+NEVER\n</SYNSETS>\n"
                          "DEMAND [100]\n"
                          "- * FOR { SANCTIONS | BOYCOTT | ECONOMIC_SANCTIONS } [172]\n"
                          "- SUGGESTED_+ * DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS [111]\n"
                          "- HAS { NOT | REFUSED_TO | &NEG } * [121]\n"
                          "- * { A | { B | C } D } [122]\n");
    out o;
    CHECK_EQ_STR(pat_text(v, 0, &o), "* FOR:s {SANCTIONS:s | BOYCOTT:s | ECONOMIC:x _SANCTIONS:s}");
    CHECK_EQ_INT(v->pats[0].len, 3 + 17);
    CHECK_EQ_STR(pat_text(v, 1, &o),
                 "SUGGESTED:x _+ * DEMAND:x _{GENEVA:x | INTERNATIONAL:s} _CONVENTIONS:s");
    CHECK_EQ_INT(v->pats[1].verb, 2);
    CHECK_EQ_STR(pat_text(v, 2, &o), "HAS:s {NOT:s | REFUSED:x _TO:s | &NEG} *");
    CHECK_EQ_INT(v->pats[2].verb, 2);
    CHECK_EQ_STR(pat_text(v, 3, &o), "* {A:s | {B:s | C:s} D:s}");
    sr_verbs_free(v);
}

TEST(verbs_tabari_time)
{
    sr_verbs *v = load_ok(SR_VERBS_TABARI, "<TIME>\n"
                                           "LAST_WEEK [-7]\n"
                                           "TOMORROW [+1]\n"
                                           "- * AND A WEEK [+8]\n"
                                           "WHEN_PEACE_COMES [+++]\n"
                                           "</TIME>\n"
                                           "ABANDON [345]\n");
    sr_verbs_stats s;
    sr_verbs_get_stats(v, &s);
    CHECK(s.time_section);
    out o;
    uint32_t g = group_named(v, "LAST_WEEK");
    if (g != UINT32_MAX) {
        CHECK_EQ_INT(v->groups[g].section, VS_TIME);
        CHECK_EQ_INT(v->groups[g].code.shift, -7);
        CHECK_EQ_STR(forms_text(v, g, &o), "LAST:r _WEEK:s");
    }
    if ((g = group_named(v, "TOMORROW")) != UINT32_MAX) {
        CHECK_EQ_INT(v->groups[g].code.shift, 1);
        CHECK_EQ_INT(v->groups[g].npat, 1);
        CHECK_EQ_INT(v->pats[v->groups[g].first_pat].code.shift, 8);
    }
    if ((g = group_named(v, "WHEN_PEACE_COMES")) != UINT32_MAX)
        CHECK(v->groups[g].code.flags == VC_COMPLEX);
    if ((g = group_named(v, "ABANDON")) != UINT32_MAX) {
        CHECK_EQ_INT(v->groups[g].section, VS_VERB);
        CHECK_EQ_STR(v->groups[g].code.code, "345");
    }
    sr_verbs_free(v);
}

static void check_tabari_error(const char *text, const char *message, size_t roots, size_t patterns)
{
    sr_status st;
    sr_verbs *v = load(SR_VERBS_TABARI, text, &st);
    CHECK_MSG(st == SR_DICT, "%s: status %d", text, (int)st);
    CHECK_EQ_STR(sr_verbs_error(v), message);
    sr_verbs_stats s;
    sr_verbs_get_stats(v, &s);
    CHECK_MSG(s.errors == 1, "%s: %zu errors", text, s.errors);
    CHECK_MSG(s.roots == roots && s.patterns == patterns, "%s: %zu roots, %zu patterns", text,
              s.roots, s.patterns);
    sr_verbs_free(v);
}

TEST(verbs_tabari_errors)
{
    check_tabari_error("ACCEPT [081]\n- PROPOSAL [082]\n- * LOAN [071]\n",
                       "t.verbs:2: expected the verb marker '*' in the pattern", 1, 1);
    check_tabari_error("ACCEPT [081]\n- * PROPOSAL * [082]\n",
                       "t.verbs:2: expected one verb marker '*' in the pattern, not 2", 1, 0);
    check_tabari_error("- * PROPOSAL [082]\nACCEPT [081]\n- * LOAN [071]\n",
                       "t.verbs:1: expected a verb root before a pattern", 1, 1);
    check_tabari_error("{BROKE_}\nBREAK [1717]\n", "t.verbs:1: expected a verb root before {...}",
                       1, 0);
    check_tabari_error("ACCEPT [081]\n- * PROPOSAL\n",
                       "t.verbs:2: expected [code] after the pattern", 1, 0);
    check_tabari_error("ACCEPT [081]\n- * &NOPE [082]\n",
                       "t.verbs:2: expected a synset declared before use, not &NOPE", 1, 0);
    check_tabari_error("ACCEPT [081]\n- * { A | B [082]\n", "t.verbs:2: expected '}' closing '{'",
                       1, 0);
    check_tabari_error("<FOO>\nACCEPT [081]\n",
                       "t.verbs:1: expected <SYNSETS>, <TIME>, <ATTRIB> or their end tags", 1, 0);
    check_tabari_error("<SYNSETS>\n&X\n+A\n", "t.verbs:3: expected </SYNSETS> before the end", 0,
                       0);
    check_tabari_error("<SYNSETS>\n&X\nA\n</SYNSETS>\n",
                       "t.verbs:3: expected &NAME or +member in <SYNSETS>", 0, 0);
    check_tabari_error("ACCEPT [081\n", "t.verbs:1: expected ']' closing the code", 0, 0);
}

TEST(verbs_tabari_demo_file)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/data/eventcoding/tabari-validation/TABARI.Demo.verbs",
             sr_test_shared());
    sr_verbs *v = sr_verbs_new();
    sr_status st = sr_verbs_load_file(v, SR_VERBS_TABARI, path);
    CHECK_MSG(st == SR_OK, "%s", sr_verbs_error(v));
    sr_verbs_stats s;
    sr_verbs_get_stats(v, &s);
    CHECK(s.time_section);
    CHECK_EQ_INT(s.synsets, 5);
    CHECK(sr_verbs_finish(v) == SR_OK);
    sr_verbs_free(v);
}
