/* numbers_int.h: declarations shared by the number and quantity recogniser's files
 * (numbers_lex.c: word lists; numbers.c: numeric values; quantities.c: hedges, ranges,
 * units, counted noun phrases, rates and the emitted mentions).
 *
 * Everything works on a window of tokens [lo, hi) (one sentence) through an sr_nctx.
 * Every scan looks a bounded number of tokens ahead, so the recogniser is linear in the
 * number of tokens. */
#ifndef SR_NUMBERS_INT_H
#define SR_NUMBERS_INT_H

#include "../core/internal.h"

/* The sentence being scanned and a cache of the current run of glued tokens (tokens
 * with no white space between them), used to recognise URLs and phone numbers once
 * per run rather than once per token. */
typedef struct {
    const sr_doc *d;
    size_t lo, hi;            /* token window: one sentence */
    size_t run_lo, run_hi;    /* cached glued run [run_lo, run_hi) */
    bool run_code;            /* that run is a URL, e-mail, phone number or code */
    size_t start_at;          /* the token sr_lex_next_start last returned */
    uint32_t start_bits;      /* its sr_lex_start_bits */
} sr_nctx;

/* A parsed number: tokens [first, end), before any unit, currency or hedge. */
typedef struct {
    size_t first, end;
    double value;
    double scale;  /* multiplier of a trailing scale word ("million": 1e6), else 1 */
    bool vague;    /* "thousands", "several million": value is the order of magnitude */
    bool fraction; /* "two thirds", "3/4": a share, never a count */
} sr_numval;

/* ---- token helpers ---- */
/* Inline: the recogniser asks them several times per candidate token, nearly always of
 * a string literal, whose length the compiler then knows, so most calls are a length
 * compare and a byte or two. */

/* True when token i lies in the window. */
static inline bool sr_n_in(const sr_nctx *c, size_t i)
{
    return i >= c->lo && i < c->hi;
}
/* Token i is a word (of any case) equal to the lower-case ASCII w. */
static inline bool sr_n_word(const sr_nctx *c, size_t i, const char *w)
{
    if (!sr_n_in(c, i))
        return false;
    const sr_token *t = &c->d->tokens[i];
    if (t->kind != SR_TOK_WORD)
        return false;
    /* a literal's length is known here; for a word from a table, strlen would cost more
     * than the comparison it saves */
    if (__builtin_constant_p(strlen(w)) && t->end - t->start != strlen(w))
        return false;
    return sr_tok_is(c->d, t, w);
}
/* Token i is a punctuation or symbol token with exactly the bytes s. */
static inline bool sr_n_punct(const sr_nctx *c, size_t i, const char *s)
{
    if (!sr_n_in(c, i))
        return false;
    const sr_token *t = &c->d->tokens[i];
    size_t n = strlen(s);
    return t->kind != SR_TOK_WORD && t->kind != SR_TOK_NUM && t->end - t->start == n &&
           !memcmp(c->d->clean + t->start, s, n);
}
/* Token i has no white space before it (and is in the window). */
static inline bool sr_n_glued(const sr_nctx *c, size_t i)
{
    return sr_n_in(c, i) && !(c->d->tokens[i].flags & SR_TF_SPACE);
}
/* Token i is a dash joining numbers: "-", en dash, em dash, hyphen (U+2010). */
static inline bool sr_n_dash(const sr_nctx *c, size_t i)
{
    if (!sr_n_in(c, i))
        return false;
    const sr_token *t = &c->d->tokens[i];
    const unsigned char *s = (const unsigned char *)c->d->clean + t->start;
    if (t->kind == SR_TOK_WORD || t->kind == SR_TOK_NUM)
        return false;
    if (t->end - t->start == 1)
        return s[0] == '-';
    return t->end - t->start == 3 && s[0] == 0xE2 && s[1] == 0x80 &&
           (s[2] == 0x93 || s[2] == 0x94 || s[2] == 0x90);
}
/* Token i is in the window, a word, and listed in the NULL-terminated list; returns
 * the index in the list or -1. */
int sr_n_find(const sr_nctx *c, size_t i, sr_wordlist *list);

/* ---- lexicon (numbers_lex.c) ---- */
typedef struct {
    const char *w;
    double v;
} sr_lexnum;

/* Value of a cardinal word "zero".."ninety", or -1. */
double sr_lex_cardinal(const sr_nctx *c, size_t i);
/* Multiplier of a scale word written apart ("hundred", "million", "bn"), or 0. */
double sr_lex_scale(const sr_nctx *c, size_t i);
/* Multiplier of a scale suffix glued to digits ("600m", "1.3bn", "10k"), or 0. */
double sr_lex_glued_scale(const sr_nctx *c, size_t i);
/* Value of a plural scale word used vaguely ("thousands", "dozens", "tens"), or 0. */
double sr_lex_vague_scale(const sr_nctx *c, size_t i);
/* Denominator of a spelled fraction ("thirds": 3, "half": 2), or 0. */
double sr_lex_denominator(const sr_nctx *c, size_t i);
/* Hedge words starting at token i: returns how many tokens they take (0: none) and
 * stores the hedge. "between" and "from" are not hedges (see quantities.c). */
size_t sr_lex_hedge(const sr_nctx *c, size_t i, sr_hedge *h);
/* A currency written before an amount ("$", "US$", "£", "EUR", "Rs."): tokens taken
 * (0: none) and the ISO 4217 code in code[4] ("" when the code is unknown). */
size_t sr_lex_currency_before(const sr_nctx *c, size_t i, char code[4]);
/* A currency written after an amount ("dollars", "US dollars", "euros", "GBP"):
 * tokens taken (0: none) and the code. */
size_t sr_lex_currency_after(const sr_nctx *c, size_t i, char code[4]);
/* A unit of measure at token i ("km", "tonnes", "square metres", "years"): tokens
 * taken (0: none). */
size_t sr_lex_unit(const sr_nctx *c, size_t i);
/* A period word ("day", "annum") after "per"/"a"/"every", or an adverb ("daily",
 * "annually") when adverb is true, or an adjective ("monthly", "annual") when adjective
 * is true. Returns SR_PER_NONE when none. */
sr_period sr_lex_period(const sr_nctx *c, size_t i, int form);
enum { SR_PERIOD_NOUN, SR_PERIOD_ADVERB, SR_PERIOD_ADJECTIVE };
/* Closed-class word (determiner, preposition, conjunction, pronoun, auxiliary,
 * common verb, adverb, day or month name) that cannot be part of a counted noun phrase. */
bool sr_lex_closed(const sr_nctx *c, size_t i);
/* A word that may modify a counted noun but not head it ("largest", "worth", "big"). */
bool sr_lex_not_head(const sr_nctx *c, size_t i);
/* A plural noun: a word in "-s" (not "-ss", "-us", "-is"), a demonym in "-ese", or an
 * irregular plural ("people", "staff", "aircraft"). */
bool sr_lex_plural(const sr_nctx *c, size_t i);
/* Month name ("October", "Oct", "Sept"); "May" and "March" only capitalised. */
bool sr_lex_month(const sr_nctx *c, size_t i);
/* Word after which a four-digit number is a year ("in", "since", "early"). */
bool sr_lex_year_before(const sr_nctx *c, size_t i);
/* Word after which a number is a label, not an amount ("No.", "Article", "page"). */
bool sr_lex_label_before(const sr_nctx *c, size_t i);
/* Verb of change before "from X to Y", which makes it a change, not a range. */
bool sr_lex_change_verb(const sr_nctx *c, size_t i);
/* The lists of a word that may begin a number expression (sr_lex_start_bits). */
enum {
    SR_START_HEDGE = 1,    /* first word of a hedge ("more", "about") */
    SR_START_CURRENCY = 2, /* a currency before an amount ("US", "EUR", "Rs") */
    SR_START_NUMBER = 4,   /* a word sr_num_parse begins with ("two", "minus") */
    SR_START_INTRO = 8,    /* "between", "from" */
    SR_START_ARTICLE = 16, /* "a", "an": a number before a scale ("a million") */
};
/* The SR_START_* bits of token i (in the window); 0 for a word in none of the lists and
 * for any token that is not a word. */
uint32_t sr_lex_start_bits(const sr_nctx *c, size_t i);
/* The first token from i (in the window) that is not SR_TF_USED and may start a number
 * expression (with its hedge or currency), or c->hi when none does: false for nearly
 * every word, which one lookup of the word (and one of the word after a hedge or
 * article) turns away. Stores the token and its sr_lex_start_bits in c->start_at and
 * c->start_bits. */
size_t sr_lex_next_start(sr_nctx *c, size_t i);

/* Whether a number (sr_num_parse) may begin at token i: a digit token, a point or
 * dash, a number word, a sign word, "a"/"an" before a scale, "dozen", "few" or a
 * denominator. A necessary condition only, one lookup: false for nearly every token. */
bool sr_lex_number_start(const sr_nctx *c, size_t i);

/* ---- numbers (numbers.c) ---- */
/* How many tokens at i are certainly not an amount (a clock time, a year, a model
 * designation "F-16", list numbering, an ordinal "12th", a URL or phone number, a
 * section label "No. 5"); 0 when token i may start a number. */
size_t sr_num_skip(sr_nctx *c, size_t i);
/* A bare year before a noun, not an amount: "2005 sales", "the 2004 results" (news
 * groups the thousands of an amount: "2,005 people"). */
bool sr_num_bare_year(const sr_nctx *c, size_t i);
/* Parses a number starting at token i (digits, spelled-out, scale words, vague
 * amounts, negatives, simple fractions). money is true when a currency precedes, which
 * makes a glued "m" mean million. Returns false when no number starts at i. */
bool sr_num_parse(const sr_nctx *c, size_t i, bool money, sr_numval *out);

#endif
