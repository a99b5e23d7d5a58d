/* quantities.c: assembles numbers into mentions: hedges, currencies, percentages,
 * units of measure, ranges, counted noun phrases and rates; the entry point
 * sr_recognise_numbers().
 *
 * The mention span is the hedge, the currency and the number with its scale and unit:
 * "more than 10,000" in "More than 10,000 North Korean soldiers", "about $2,000",
 * "between 2,000 and 3,000", "12 per cent", "50 kilometres", "thousands". The counted
 * noun phrase ("North Korean soldiers") and its head ("soldiers") are separate fields
 * (counted_*, head_*), and sr_quantity.unit holds the head for counts.
 * A mention is a QUANTITY when it has a unit, currency or percent, a counted noun, a
 * hedge or range, or is vague; otherwise a plain NUMBER. Ordinals ("12th", "first")
 * are not mentioned at all.
 *
 * One left-to-right pass per sentence; every lookahead is bounded (a noun phrase of at
 * most 8 words, a rate within 12 tokens), and the scan resumes after each mention. */
#include <math.h>

#include "numbers_int.h"

#define NP_MAX_WORDS 8   /* longest counted noun phrase: "North Korean-made M-1989 ..." */
#define RATE_WINDOW 12   /* tokens after a quantity searched for "every day", "a year" */

/* What follows a number: its unit, currency or percent sign. */
typedef struct {
    sr_unit_kind kind;
    char cur[4];
    size_t first, end; /* unit tokens; first == end when none */
} unit_t;

typedef struct {
    size_t start, end; /* mention tokens */
    sr_numval a, b;
    bool range;
    sr_hedge hedge;
    unit_t u;
    size_t cfirst, cend, hfirst, hend; /* counted phrase and head; cfirst == cend: none */
    sr_period per;
} expr_t;

static const sr_token *tok(const sr_nctx *c, size_t i)
{
    return &c->d->tokens[i];
}

static bool is_word(const sr_nctx *c, size_t i)
{
    return sr_n_in(c, i) && tok(c, i)->kind == SR_TOK_WORD;
}

static bool used(const sr_nctx *c, size_t i)
{
    return sr_n_in(c, i) && (tok(c, i)->flags & SR_TF_USED);
}

static bool ends_with(const sr_nctx *c, size_t i, const char *suf)
{
    size_t n = strlen(suf), len = tok(c, i)->end - tok(c, i)->start;
    const char *s = c->d->clean + tok(c, i)->end - n;
    if (len < n + 2)
        return false;
    for (size_t k = 0; k < n; k++)
        if ((s[k] | 0x20) != suf[k])
            return false;
    return true;
}

/* ---- units ---------------------------------------------------------------------- */

/* Extends a unit of measure over what completes it: a compound unit ("km/h",
 * "kilometres per hour") and an age ("years old", "-year-old", "years of age"). */
static void measure_tail(const sr_nctx *c, unit_t *u)
{
    size_t j = u->end;
    if (sr_n_punct(c, j, "/") && sr_n_glued(c, j) && sr_n_glued(c, j + 1) &&
        tok(c, j + 1)->kind == SR_TOK_WORD && !used(c, j + 1))
        u->end = j + 2;
    else if (sr_n_word(c, j, "per") && sr_lex_unit(c, j + 1) && !used(c, j + 1))
        u->end = j + 1 + sr_lex_unit(c, j + 1);
    else if (sr_n_dash(c, j) && sr_n_glued(c, j) && sr_n_word(c, j + 1, "old") &&
             sr_n_glued(c, j + 1))
        u->end = j + 2;
    else if (sr_n_word(c, j, "old"))
        u->end = j + 1;
    else if (sr_n_word(c, j, "of") && sr_n_word(c, j + 1, "age"))
        u->end = j + 2;
}

/* Percent, currency or unit of measure at token j, after a number. */
static unit_t unit_after(const sr_nctx *c, size_t j)
{
    unit_t u = {SR_UNIT_COUNT, "", j, j};
    if (!sr_n_in(c, j) || used(c, j))
        return u;
    u.kind = SR_UNIT_PERCENT;
    if (sr_n_punct(c, j, "%")) {
        u.end = j + 1;
        return u;
    }
    if (sr_n_word(c, j, "per") && sr_n_word(c, j + 1, "cent")) {
        u.end = j + 2;
        return u;
    }
    if (sr_n_word(c, j, "percent") || sr_n_word(c, j, "percents") ||
        sr_n_word(c, j, "percentage") || sr_n_word(c, j, "pct")) {
        u.end = j + 1;
        if (sr_n_word(c, j + 1, "points") || sr_n_word(c, j + 1, "point"))
            u.end++;
        return u;
    }
    size_t n = sr_lex_currency_after(c, j, u.cur);
    if (n && !((sr_n_word(c, j, "pound") || sr_n_word(c, j, "pounds")) &&
               sr_n_word(c, j + 1, "of"))) {
        u.kind = SR_UNIT_MONEY;
        u.end = j + n;
        return u;
    }
    u.cur[0] = 0;
    u.kind = SR_UNIT_MEASURE;
    size_t k = j;
    /* "3-inch", "six-mile", "20-year": an adjective from a number and a unit */
    if (sr_n_dash(c, k) && sr_n_glued(c, k) && sr_n_glued(c, k + 1))
        k++;
    n = sr_lex_unit(c, k);
    if (n && !(k > j && !sr_n_glued(c, k))) {
        u.first = k;
        u.end = k + n;
        measure_tail(c, &u);
        return u;
    }
    if (sr_n_word(c, j, "pounds") || sr_n_word(c, j, "pound")) { /* "two pounds of meat" */
        u.end = j + 1;
        return u;
    }
    u.kind = SR_UNIT_COUNT;
    return u;
}

/* ---- counted noun phrases ------------------------------------------------------- */

/* The word (or hyphenated compound "self-propelled", "North Korean-made") at j:
 * returns its end, or j when no content word starts there. */
static size_t content_word(const sr_nctx *c, size_t j)
{
    if (!is_word(c, j) || used(c, j) || sr_lex_closed(c, j) || sr_lex_cardinal(c, j) >= 0 ||
        sr_lex_scale(c, j) > 0 || sr_lex_vague_scale(c, j) > 0 || ends_with(c, j, "ly"))
        return j;
    size_t e = j + 1;
    while (sr_n_dash(c, e) && sr_n_glued(c, e) && sr_n_glued(c, e + 1) && !used(c, e + 1) &&
           (tok(c, e + 1)->kind == SR_TOK_WORD || tok(c, e + 1)->kind == SR_TOK_NUM))
        e += 2;
    return e;
}

/* A scanned noun phrase: word k spans tokens [w[k], w[k + 1]), k < n. */
typedef struct {
    size_t w[NP_MAX_WORDS + 1];
    size_t n;
} np_t;

static bool upper(const sr_nctx *c, size_t i)
{
    return (tok(c, i)->flags & SR_TF_UPPER) != 0;
}

/* Whether a capitalised word at j, after the lower-case word ending at j - 1, starts a
 * name outside the phrase: after a plural noun ("runners Roger Black"), or when the
 * capitalised words end the phrase ("on one point Mr Kok was clear"), unless the word
 * before is a participle, which modifies them ("shrinking GDP"). Names inside a phrase
 * modify a lower-case noun after them ("central European states"). */
static bool name_after(const sr_nctx *c, size_t j)
{
    if (ends_with(c, j - 1, "s") && !ends_with(c, j - 1, "ss"))
        return true;
    if (ends_with(c, j - 1, "ing") || ends_with(c, j - 1, "ed"))
        return false;
    for (size_t k = 0; k < NP_MAX_WORDS; k++) {
        size_t e = content_word(c, j);
        if (e == j)
            return true;
        if (!upper(c, j))
            return false;
        j = e;
    }
    return false;
}

/* Scans a noun phrase of at most max content words from p. A participle ("-ed",
 * "-ing") is taken only as a modifier before another content word, and never right after
 * a plural noun, where it is the verb ("soldiers arrived"). A name after a lower-case
 * word ends the phrase (name_after). Returns the number of words. */
static size_t np_scan(const sr_nctx *c, size_t p, size_t max, np_t *np)
{
    size_t j = p;
    np->n = 0;
    np->w[0] = p;
    while (np->n < max) {
        size_t e = content_word(c, j);
        if (e == j)
            break;
        if (np->n > 0 && upper(c, j) && !upper(c, np->w[np->n - 1]) && name_after(c, j))
            break;
        if (e == j + 1 && (ends_with(c, j, "ed") || ends_with(c, j, "ing"))) {
            bool after_plural = np->n > 0 && ends_with(c, j - 1, "s");
            if (after_plural || content_word(c, e) == e)
                break;
        }
        np->w[np->n++] = j;
        np->w[np->n] = j = e;
    }
    return np->n;
}

/* Whether word k of np (its last token, for a compound "Mini-workers") is plural. */
static bool np_plural(const sr_nctx *c, const np_t *np, size_t k)
{
    return sr_lex_plural(c, np->w[k + 1] - 1);
}

/* "15 deep and surface mines", "77 short and medium-range flights": one modifier
 * coordinated with the modifiers of a plural noun. Extends np over the second part. */
static void np_coordinate(const sr_nctx *c, np_t *np)
{
    size_t j = np->w[np->n];
    if (np->n != 1 || np_plural(c, np, 0) || upper(c, np->w[0]) ||
        !(sr_n_word(c, j, "and") || sr_n_word(c, j, "or")))
        return;
    np_t b;
    if (np_scan(c, j + 1, NP_MAX_WORDS - 2, &b) < 2 || !np_plural(c, &b, b.n - 1))
        return;
    np->w[1] = j; /* the conjunction is word 1 */
    for (size_t k = 0; k <= b.n; k++)
        np->w[k + 2] = b.w[k];
    np->n = b.n + 2;
}

/* Trims what cannot head the counted phrase: a trailing comparative, superlative or
 * post-modifier ("eight times higher", "contracts worth"), and for a plural count a
 * trailing word after the last plural noun ("members gather", "cities worldwide").
 * Returns false when no noun is left: an amount of more than one that has no plural
 * noun ("the 777 plane", "the 169,000 figure", "24 Ore"), or "one" before a name alone
 * ("one Europe"). */
static bool np_trim(const sr_nctx *c, np_t *np, const expr_t *e)
{
    while (np->n > 0 && np->w[np->n] == np->w[np->n - 1] + 1 &&
           sr_lex_not_head(c, np->w[np->n - 1]))
        np->n--;
    if (np->n == 0)
        return false;
    bool one = e->a.value == 1 && !e->range;
    if (one) {
        for (size_t k = 0; k < np->n; k++)
            if (!upper(c, np->w[k]))
                return true;
        return np_plural(c, np, np->n - 1);
    }
    if (e->u.kind != SR_UNIT_COUNT)
        return true; /* "tonnes of grain": a mass noun */
    size_t k = np->n;
    while (k > 0 && !np_plural(c, np, k - 1))
        k--;
    if (k == 0)
        return false;
    np->n = k;
    return true;
}

/* A possessive after a partitive "of": "two of Japan's biggest banks", "of the world's
 * largest". Returns the token after "'s", or p when there is none. */
static size_t possessive(const sr_nctx *c, size_t p)
{
    size_t j = p;
    for (int k = 0; k < 3; k++) {
        size_t e = content_word(c, j);
        if (e == j)
            break;
        j = e;
        if (sr_n_punct(c, j, "'s") || sr_n_word(c, j, "'s") ||
            (sr_n_punct(c, j, "'") && sr_n_glued(c, j) && ends_with(c, j - 1, "s")))
            return j + 1;
    }
    return p;
}

/* Determiners skipped after a partitive "of": "500 of the soldiers". */
static const char *const partitive_det[] = {"the", "these", "those", "its", "their", "his",
                                            "her", "our", "your", "my", NULL};
static sr_wordlist partitive_det_w = SR_WORDLIST(partitive_det);

/* Finds the counted noun phrase after the mention. */
static void counted(const sr_nctx *c, expr_t *e)
{
    size_t p = e->end, end;
    if (e->u.kind == SR_UNIT_MONEY || e->u.kind == SR_UNIT_PERCENT || e->a.fraction)
        return;
    if (sr_n_word(c, p, "of")) {
        p++;
        if (sr_n_find(c, p, &partitive_det_w) >= 0) {
            if (e->u.kind == SR_UNIT_MEASURE)
                return;
            p++;
        }
        if (e->u.kind == SR_UNIT_COUNT)
            p = possessive(c, p);
    } else if (e->u.kind == SR_UNIT_MEASURE) {
        return;
    } else if ((sr_n_word(c, p, "more") || sr_n_word(c, p, "fewer") ||
                sr_n_word(c, p, "other")) && content_word(c, p + 1) > p + 1) {
        p++; /* "10 more soldiers": counted "soldiers" */
    }
    np_t np;
    if (!np_scan(c, p, NP_MAX_WORDS, &np))
        return;
    np_coordinate(c, &np);
    end = np.w[np.n];
    /* "rounds of ammunition", "500 head of cattle": a bare "of" complement */
    bool complement = false;
    if (sr_n_word(c, end, "of") && content_word(c, end + 1) > end + 1) {
        np_t of;
        if (np_scan(c, end + 1, 4, &of)) {
            end = of.w[of.n];
            complement = true;
        }
    }
    if (!complement) {
        if (!np_trim(c, &np, e))
            return;
        end = np.w[np.n];
    }
    e->cfirst = p;
    e->cend = end;
    e->hfirst = np.w[np.n - 1];
    e->hend = np.w[np.n];
}

/* ---- rates ---------------------------------------------------------------------- */

/* Words after "a day" that make it a point in time, not a rate ("a day later"). */
static const char *const not_rate_after[] = {"after", "later", "before", "earlier", "of",
                                             "ago", "when", "that", "or", "and", NULL};
static sr_wordlist not_rate_after_w = SR_WORDLIST(not_rate_after);
/* Words before "a day" that make it a span ("in a day", "for a year"). */
static const char *const not_rate_before[] = {"in", "within", "for", "than", "one", "half",
                                              "over", "nearly", "almost", "about", NULL};
static sr_wordlist not_rate_before_w = SR_WORDLIST(not_rate_before);

/* "per day", "a year", "every month", "each week", "/day" at j; SR_PER_NONE if none. */
static sr_period rate_at(const sr_nctx *c, size_t j)
{
    sr_period p = sr_lex_period(c, j + 1, SR_PERIOD_NOUN);
    if (p == SR_PER_NONE)
        return sr_lex_period(c, j, SR_PERIOD_ADVERB);
    if (sr_n_word(c, j, "per") || sr_n_word(c, j, "every") || sr_n_word(c, j, "each") ||
        (sr_n_punct(c, j, "/") && sr_n_glued(c, j + 1)))
        return p;
    if ((sr_n_word(c, j, "a") || sr_n_word(c, j, "an")) && sr_n_find(c, j + 2, &not_rate_after_w) < 0 &&
        sr_n_find(c, j - 1, &not_rate_before_w) < 0)
        return p;
    return SR_PER_NONE;
}

static sr_period find_rate(const sr_nctx *c, const expr_t *e)
{
    size_t from = e->cend > e->end ? e->cend : e->end;
    sr_period p = sr_lex_period(c, from, SR_PERIOD_ADJECTIVE); /* "$2,000 monthly salary" */
    if (p != SR_PER_NONE)
        return p;
    for (size_t j = from; j < from + RATE_WINDOW && sr_n_in(c, j); j++) {
        const sr_token *t = tok(c, j);
        if (t->kind == SR_TOK_NUM || (t->kind == SR_TOK_PUNCT && !sr_n_punct(c, j, "/") &&
                                      !sr_n_dash(c, j)) ||
            t->kind == SR_TOK_SYMBOL || sr_lex_cardinal(c, j) >= 0)
            break;
        p = rate_at(c, j);
        if (p != SR_PER_NONE)
            return p;
    }
    /* "a monthly salary of around $2,000": an adjective before "NOUN of" */
    if (!sr_n_word(c, e->start - 1, "of"))
        return SR_PER_NONE;
    for (size_t k = 2; k <= 4 && sr_n_in(c, e->start - k) && is_word(c, e->start - k); k++) {
        p = sr_lex_period(c, e->start - k, SR_PERIOD_ADJECTIVE);
        if (p != SR_PER_NONE)
            return p;
    }
    return SR_PER_NONE;
}

/* ---- ranges --------------------------------------------------------------------- */

/* A connector between the bounds of a range at j: tokens taken, or 0. intro is 'b' for
 * "between", 'f' for "from", 0 for none. */
static size_t connector(const sr_nctx *c, size_t j, int intro)
{
    if (intro == 'b')
        return sr_n_word(c, j, "and") || sr_n_dash(c, j) ? 1 : 0;
    return sr_n_word(c, j, "to") || sr_n_dash(c, j) ? 1 : 0;
}

/* Tries "N1 to N2", "between N1 and N2", "N1-N2" after e->a and its unit. */
static void try_range(sr_nctx *c, expr_t *e, int intro, bool change)
{
    size_t j = e->u.end > e->a.end ? e->u.end : e->a.end;
    size_t n = connector(c, j, intro);
    if (!n || (change && intro != 'b') || used(c, j))
        return;
    char cur[4] = "";
    size_t k = j + n, cn = sr_lex_currency_before(c, k, cur);
    sr_numval b;
    if (!sr_num_parse(c, k + cn, cn > 0 || e->u.kind == SR_UNIT_MONEY, &b) ||
        (tok(c, k + cn)->kind == SR_TOK_NUM && sr_num_skip(c, k + cn)))
        return;
    unit_t ub = unit_after(c, b.end);
    if (cn) {
        if (e->u.kind != SR_UNIT_COUNT && e->u.kind != SR_UNIT_MONEY)
            return;
        ub.kind = SR_UNIT_MONEY;
        memcpy(ub.cur, cur, 4);
    }
    if (ub.kind != SR_UNIT_COUNT && e->u.kind != SR_UNIT_COUNT && ub.kind != e->u.kind)
        return;
    double low = e->a.value;
    if (e->a.scale == 1 && !e->a.vague && b.scale > 1 && low * b.scale <= b.value)
        low *= b.scale; /* "2 to 3 million" */
    if (!(b.value > low) || b.vague != e->a.vague)
        return;
    e->a.value = low;
    e->b = b;
    e->range = true;
    e->hedge = SR_HEDGE_RANGE;
    e->end = ub.end > b.end ? ub.end : b.end;
    if (e->u.kind == SR_UNIT_COUNT && ub.kind != SR_UNIT_COUNT)
        e->u = ub;
}

/* ---- one expression ------------------------------------------------------------- */

/* "one" as a pronoun: "the one", "no one", "one another". */
static bool pronoun_one(const sr_nctx *c, const sr_numval *v)
{
    static const char *const before[] = {"the", "this", "that", "which", "no", "any", "every",
                                         "each", "someone", "anyone", "little", "first",
                                         "last", "next", "only", "other", "same", "new",
                                         "old", "big", "latest", "right", "wrong", NULL};
    static sr_wordlist before_w = SR_WORDLIST(before);
    return v->end == v->first + 1 && sr_n_word(c, v->first, "one") &&
           sr_lex_unit(c, v->end) == 0 &&
           (sr_n_find(c, v->first - 1, &before_w) >= 0 || sr_n_word(c, v->first + 1, "another"));
}

/* A spelled number that names rather than counts: "number one", a capital inside a
 * sentence ("Formula One", "the Three Gorges Dam"), or a lone "one of" ("one of the
 * biggest investors": a pronoun, not a count of investors). */
static bool spelled_name(const sr_nctx *c, const sr_numval *v, bool bare)
{
    size_t i = v->first;
    if (tok(c, i)->kind != SR_TOK_WORD || sr_lex_cardinal(c, i) < 0)
        return false;
    if (sr_n_in(c, i - 1) && sr_lex_label_before(c, i - 1))
        return true;
    if (upper(c, i) && sr_n_in(c, i - 1) &&
        (tok(c, i - 1)->kind == SR_TOK_WORD || tok(c, i - 1)->kind == SR_TOK_NUM))
        return true;
    return bare && v->end == i + 1 && sr_n_word(c, i, "one") && sr_n_word(c, v->end, "of");
}

/* Digits naming a model, index or title after a name: "the Nikkei 225 index", "Boeing
 * 737 planes", "the BMW 1 Series", "Euro 2004". The name must itself follow a
 * determiner or another capitalised word, so "gave Ukraine 31 tanks" still counts. */
static bool model_number(const sr_nctx *c, const expr_t *e)
{
    size_t i = e->a.first;
    if (tok(c, i)->kind != SR_TOK_NUM || e->u.kind != SR_UNIT_COUNT || e->a.scale != 1 ||
        !sr_n_in(c, i - 2) || tok(c, i - 1)->kind != SR_TOK_WORD || !upper(c, i - 1) ||
        sr_lex_closed(c, i - 1) || sr_lex_month(c, i - 1) || memchr(c->d->clean + tok(c, i)->start, ',', tok(c, i)->end - tok(c, i)->start))
        return false;
    size_t b = i - 2;
    return (tok(c, b)->kind == SR_TOK_WORD && upper(c, b) && !sr_lex_closed(c, b)) ||
           sr_n_word(c, b, "the") || sr_n_word(c, b, "a") || sr_n_word(c, b, "its") ||
           sr_n_word(c, b, "their") || sr_n_word(c, b, "'s") || sr_n_punct(c, b, "'s");
}

/* A spelled number glued to a word that is no unit: "one-off", "two-way". */
static bool spelled_compound(const sr_nctx *c, const sr_numval *v)
{
    size_t j = v->end;
    return tok(c, v->end - 1)->kind == SR_TOK_WORD && sr_n_dash(c, j) && sr_n_glued(c, j) &&
           sr_n_glued(c, j + 1) && is_word(c, j + 1) && sr_lex_unit(c, j + 1) == 0;
}

/* Hedges after the amount: "or more", "or so", "or fewer", "-plus", "and above". */
static const struct {
    const char *w1, *w2;
    sr_hedge h;
} post_hedges[] = {
    {"or", "more", SR_HEDGE_AT_LEAST},   {"or", "greater", SR_HEDGE_AT_LEAST},
    {"or", "higher", SR_HEDGE_AT_LEAST}, {"or", "above", SR_HEDGE_AT_LEAST},
    {"or", "over", SR_HEDGE_AT_LEAST},   {"and", "above", SR_HEDGE_AT_LEAST},
    {"and", "over", SR_HEDGE_AT_LEAST},  {"and", "more", SR_HEDGE_AT_LEAST},
    {"or", "so", SR_HEDGE_ABOUT},        {"or", "fewer", SR_HEDGE_AT_MOST},
    {"or", "less", SR_HEDGE_AT_MOST},    {"or", "below", SR_HEDGE_AT_MOST},
    {"or", "lower", SR_HEDGE_AT_MOST},   {"or", "under", SR_HEDGE_AT_MOST},
};

/* A postposed hedge is more precise than "about" before: "about 500 or more". */
static void post_hedge(const sr_nctx *c, expr_t *e)
{
    size_t j = e->end;
    if (e->hedge != SR_HEDGE_EXACT && e->hedge != SR_HEDGE_ABOUT)
        return;
    if (sr_n_dash(c, j) && sr_n_glued(c, j) && sr_n_word(c, j + 1, "plus") && sr_n_glued(c, j + 1)) {
        e->hedge = SR_HEDGE_AT_LEAST;
        e->end = j + 2;
        return;
    }
    if (!sr_n_word(c, j, "or") && !sr_n_word(c, j, "and"))
        return; /* every postposed hedge begins with one of them */
    for (size_t k = 0; k < sizeof post_hedges / sizeof post_hedges[0]; k++)
        if (sr_n_word(c, j, post_hedges[k].w1) && sr_n_word(c, j + 1, post_hedges[k].w2) &&
            !used(c, j + 1)) {
            /* "or more than 20" compares another number: not a postposed hedge */
            if (sr_n_word(c, j + 2, "than") || content_word(c, j + 2) > j + 2)
                return;
            e->hedge = post_hedges[k].h;
            e->end = j + 2;
            return;
        }
}

/* "millions of euros", "hundreds of millions of dollars": a vague amount of money. */
static void vague_money(const sr_nctx *c, expr_t *e)
{
    char cur[4];
    size_t j = e->a.end, n;
    if (!e->a.vague || e->u.kind != SR_UNIT_COUNT || !sr_n_word(c, j, "of") || used(c, j + 1))
        return;
    n = sr_lex_currency_after(c, j + 1, cur);
    if (!n || (sr_n_word(c, j + 1, "pounds") && sr_n_word(c, j + 1 + n, "of")))
        return;
    e->u.kind = SR_UNIT_MONEY;
    memcpy(e->u.cur, cur, 4);
    e->u.first = j + 1;
    e->u.end = j + 1 + n;
}

/* Is the token before "from"/the number a verb of change ("rose from", "fell by")? */
static bool after_change(const sr_nctx *c, size_t i)
{
    if (sr_lex_change_verb(c, i - 1))
        return true;
    return (sr_n_word(c, i - 1, "from") || sr_n_word(c, i - 1, "by")) &&
           sr_lex_change_verb(c, i - 2);
}

/* Recognises the expression starting at token i into e; false when none starts there. */
static bool try_expr(sr_nctx *c, size_t i, expr_t *e)
{
    size_t j = i;
    int intro = 0;
    sr_hedge h = SR_HEDGE_EXACT;
    uint32_t bits = i == c->start_at ? c->start_bits : sr_lex_start_bits(c, i);
    size_t hn = tok(c, i)->kind != SR_TOK_WORD || (bits & SR_START_HEDGE) ? sr_lex_hedge(c, j, &h)
                                                                          : 0;
    if (hn)
        j += hn;
    else if (sr_n_word(c, j, "between"))
        intro = 'b', j++;
    else if (sr_n_word(c, j, "from"))
        intro = 'f', j++;
    for (size_t k = i; k < j; k++)
        if (used(c, k))
            return false;
    /* a word in no start list at j is neither a currency nor a number: most tries end
     * here, before the lookups below */
    if (is_word(c, j) &&
        !((j == i ? bits : sr_lex_start_bits(c, j)) & (SR_START_CURRENCY | SR_START_NUMBER | SR_START_ARTICLE)))
        return false;
    char cur[4] = "";
    size_t cn = sr_lex_currency_before(c, j, cur), ns = j + cn;
    sr_numval a;
    if (!sr_n_in(c, ns) || !sr_num_parse(c, ns, cn > 0, &a))
        return false;
    memset(e, 0, sizeof *e); /* only now: most tries fail before here */
    e->a = a;
    if (ns != i && tok(c, ns)->kind == SR_TOK_NUM && sr_num_skip(c, ns))
        return false;
    if (pronoun_one(c, &e->a) || spelled_compound(c, &e->a) ||
        spelled_name(c, &e->a, ns == i) || (ns == i && sr_num_bare_year(c, ns)))
        return false;
    bool change = after_change(c, intro ? i + 1 : i);
    e->start = i;
    e->hedge = h;
    e->end = e->a.end;
    e->u = unit_after(c, e->a.end);
    if (cn) {
        e->u.kind = SR_UNIT_MONEY;
        memcpy(e->u.cur, cur, 4);
        e->u.first = j;
        e->u.end = j + cn;
    }
    if (ns == i && model_number(c, e))
        return false;
    vague_money(c, e);
    if (e->u.end > e->end)
        e->end = e->u.end;
    try_range(c, e, intro, change);
    if (intro && !e->range)
        e->start = j; /* "between"/"from" belong to the mention only with a range */
    post_hedge(c, e);
    counted(c, e);
    e->per = find_rate(c, e);
    return true;
}

/* ---- output --------------------------------------------------------------------- */

static int8_t magnitude(double v)
{
    if (v == 0 || !isfinite(v))
        return 0;
    double m = floor(log10(fabs(v)));
    return (int8_t)(m > 127 ? 127 : m < -127 ? -127 : m);
}

static sr_status emit(const sr_nctx *c, const expr_t *e, sr_mentions *out)
{
    bool quantity = e->u.kind != SR_UNIT_COUNT || e->cend > e->cfirst || e->hedge != SR_HEDGE_EXACT ||
                    e->a.vague || e->per != SR_PER_NONE;
    sr_mention *m = sr_mention_push(out);
    if (!m)
        return SR_NOMEM;
    m->start = tok(c, e->start)->start;
    m->end = tok(c, e->end - 1)->end;
    if (!quantity) {
        m->kind = SR_MENTION_NUMBER;
        m->u.number = e->a.value;
        return SR_OK;
    }
    m->kind = SR_MENTION_QUANTITY;
    sr_quantity *q = &m->u.quantity;
    q->value = q->low = q->high = e->a.value;
    if (e->range)
        q->high = e->b.value;
    q->hedge = (uint8_t)e->hedge;
    q->unit_kind = (uint8_t)e->u.kind;
    q->per = (uint8_t)e->per;
    q->vague = e->a.vague;
    q->magnitude = magnitude(e->a.value);
    memcpy(q->currency, e->u.cur, 4);
    q->counted_start = q->counted_end = q->head_start = q->head_end = m->end;
    if (e->cend > e->cfirst) {
        q->counted_start = tok(c, e->cfirst)->start;
        q->counted_end = tok(c, e->cend - 1)->end;
        q->head_start = tok(c, e->hfirst)->start;
        q->head_end = tok(c, e->hend - 1)->end;
    }
    uint32_t us = q->head_start, ue = q->head_end;
    if (e->u.end > e->u.first) {
        us = tok(c, e->u.first)->start;
        ue = tok(c, e->u.end - 1)->end;
    }
    q->unit.p = c->d->clean + us;
    q->unit.n = ue - us;
    return SR_OK;
}

/* Scans tokens [lo, hi) of one sentence. */
static sr_status scan(const sr_doc *doc, size_t lo, size_t hi, sr_mentions *out)
{
    sr_nctx c = {doc, lo, hi, 0, 0, false, hi, 0};
    size_t i = lo;
    while ((i = sr_lex_next_start(&c, i)) < hi) {
        size_t skip = sr_num_skip(&c, i);
        if (skip) {
            i += skip;
            continue;
        }
        expr_t e;
        if (try_expr(&c, i, &e)) {
            sr_status st = emit(&c, &e, out);
            if (st)
                return st;
            i = e.end;
        } else {
            i++;
        }
    }
    return SR_OK;
}

sr_status sr_recognise_numbers(sr_doc *doc, sr_mentions *out)
{
    if (doc->nsentences == 0)
        return scan(doc, 0, doc->ntokens, out);
    for (size_t s = 0; s < doc->nsentences; s++) {
        const sr_sentence *st = &doc->sentences[s];
        size_t lo = st->first_token, hi = lo + st->ntokens;
        if (hi > doc->ntokens)
            hi = doc->ntokens;
        sr_status r = scan(doc, lo, hi, out);
        if (r)
            return r;
    }
    return SR_OK;
}
