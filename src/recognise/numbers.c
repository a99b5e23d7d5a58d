/* numbers.c: numeric values from tokens: digit groups, spelled-out numbers, scale
 * words, vague amounts, and the tokens that look numeric but are not amounts.
 *
 * Spelled-out numbers are composed left to right with a small state machine (the
 * class of the previous element decides what may follow: "twenty" takes "-five",
 * "hundred" takes "and twenty", "thousand" takes a smaller group), so "one hundred and
 * twenty thousand" is one number and "three-nought-four" is three. Each call reads a
 * bounded or consumed stretch of tokens; the caller resumes after it, so the whole
 * recogniser stays linear. */
#include <math.h>
#include <stdlib.h>

#include "numbers_int.h"

/* ---- token helpers -------------------------------------------------------------- */

int sr_n_find(const sr_nctx *c, size_t i, sr_wordlist *list)
{
    if (!sr_n_in(c, i))
        return -1;
    return sr_wordlist_find(list, c->d, &c->d->tokens[i]);
}

static bool is_num(const sr_nctx *c, size_t i)
{
    return sr_n_in(c, i) && c->d->tokens[i].kind == SR_TOK_NUM;
}

static bool used(const sr_nctx *c, size_t i)
{
    return sr_n_in(c, i) && (c->d->tokens[i].flags & SR_TF_USED);
}

static size_t tok_len(const sr_nctx *c, size_t i)
{
    return c->d->tokens[i].end - c->d->tokens[i].start;
}

/* Value of a digit token ("1,271", "1.3"); false when too long to be an amount. */
static bool digits_value(const sr_nctx *c, size_t i, double *v)
{
    const sr_token *t = &c->d->tokens[i];
    /* most tokens are plain integers that a double holds exactly: summed here, they give
     * what strtod gives without its cost */
    uint64_t whole = 0;
    size_t digits = 0;
    uint32_t k = t->start;
    for (; k < t->end && digits <= 15; k++) {
        unsigned char ch = (unsigned char)c->d->clean[k];
        if (ch == ',')
            continue;
        if (ch < '0' || ch > '9')
            break;
        whole = whole * 10 + (ch - '0');
        digits++;
    }
    if (k == t->end && digits <= 15) {
        *v = (double)whole;
        return true;
    }
    char buf[64];
    size_t n = 0;
    for (k = t->start; k < t->end; k++) {
        char ch = c->d->clean[k];
        if (ch == ',')
            continue;
        if (n + 1 >= sizeof buf)
            return false;
        buf[n++] = ch;
    }
    buf[n] = 0;
    *v = strtod(buf, NULL);
    return isfinite(*v);
}

/* A plain integer token of exactly four digits (no separator): a possible year. */
static bool four_digits(const sr_nctx *c, size_t i, int *year)
{
    if (!is_num(c, i) || tok_len(c, i) != 4)
        return false;
    const char *s = c->d->clean + c->d->tokens[i].start;
    for (int k = 0; k < 4; k++)
        if (s[k] < '0' || s[k] > '9')
            return false;
    *year = atoi(s) % 10000;
    return true;
}

static bool year_like(const sr_nctx *c, size_t i)
{
    int y = 0;
    return four_digits(c, i, &y) && y >= 1900 && y <= 2099;
}

bool sr_num_bare_year(const sr_nctx *c, size_t i)
{
    size_t j = i + 1;
    if (!year_like(c, i) || !sr_n_in(c, j) || c->d->tokens[j].kind != SR_TOK_WORD ||
        (c->d->tokens[j].flags & SR_TF_UPPER) || sr_lex_closed(c, j) ||
        sr_lex_scale(c, j) > 0 || sr_lex_unit(c, j) > 0 || sr_lex_vague_scale(c, j) > 0)
        return false;
    char code[4];
    return !sr_lex_currency_after(c, j, code) && !sr_n_word(c, j, "percent") &&
           !sr_n_word(c, j, "more") && !sr_n_word(c, j, "other");
}

/* ---- what is not an amount ------------------------------------------------------ */

/* Computes the glued run containing token i and whether it is a URL, address, phone
 * number or code: cached, so each run is examined once. */
static bool in_code_run(sr_nctx *c, size_t i)
{
    if (i >= c->run_lo && i < c->run_hi)
        return c->run_code;
    size_t a = i, b = i + 1;
    while (a > c->lo && !(c->d->tokens[a].flags & SR_TF_SPACE))
        a--;
    while (b < c->hi && !(c->d->tokens[b].flags & SR_TF_SPACE))
        b++;
    size_t nums = 0, slashes = 0, seps = 0;
    bool code = false;
    for (size_t k = a; k < b && !code; k++) {
        if (is_num(c, k))
            nums++;
        else if (sr_n_punct(c, k, "/"))
            slashes++;
        else if (sr_n_punct(c, k, "@") || sr_n_punct(c, k, "_") || sr_n_word(c, k, "http") ||
                 sr_n_word(c, k, "https") || sr_n_word(c, k, "www"))
            code = true;
        else if (sr_n_punct(c, k, ".") || sr_n_punct(c, k, ":") || sr_n_dash(c, k))
            seps++;
    }
    /* "+1-222-2222", "192.168.1.2", "10/18/2024", "p/4mUgi": too many parts for an
     * amount, a range ("2,000-3,000") or a fraction ("3/4") */
    if (nums >= 3 && seps + slashes >= 2)
        code = true;
    if (slashes >= 2 || (slashes && nums == 0))
        code = true;
    if (sr_n_punct(c, a, "+") && is_num(c, a + 1) && nums >= 2)
        code = true;
    c->run_lo = a;
    c->run_hi = b;
    c->run_code = code;
    return code;
}

/* A digit token followed by a glued word that is not a scale or unit: "3D", "5G",
 * "12th", "1990s", "5pm", "4mUgi". */
static bool glued_code(const sr_nctx *c, size_t i)
{
    size_t j = i + 1;
    if (!sr_n_glued(c, j) || c->d->tokens[j].kind != SR_TOK_WORD)
        return false;
    if (sr_lex_glued_scale(c, j) > 0 || sr_lex_unit(c, j) > 0)
        return false;
    char code[4];
    if (sr_lex_currency_after(c, j, code))
        return false;
    return true;
}

/* Four-digit year by its neighbours: "in 2022", "September 2024", "October 25, 2024",
 * "the 2024 election", "2023-24", "from 2022 to 2024". */
static bool is_year(const sr_nctx *c, size_t i)
{
    if (!year_like(c, i))
        return false;
    if (sr_n_in(c, i - 1) && (sr_lex_year_before(c, i - 1) || sr_lex_month(c, i - 1)))
        return true;
    if (sr_n_punct(c, i - 1, ".") && sr_lex_month(c, i - 2))
        return true;
    if (sr_n_punct(c, i - 1, ",") && is_num(c, i - 2) &&
        (sr_lex_month(c, i - 3) || (sr_n_punct(c, i - 3, ".") && sr_lex_month(c, i - 4))))
        return true;
    if (i >= c->lo + 2 && (sr_n_word(c, i - 1, "to") || sr_n_word(c, i - 1, "and") ||
                           sr_n_dash(c, i - 1)) && year_like(c, i - 2))
        return true;
    if (sr_n_dash(c, i + 1) && sr_n_glued(c, i + 1) && is_num(c, i + 2) && tok_len(c, i + 2) == 2)
        return true;
    if (sr_n_dash(c, i + 1) && (year_like(c, i + 2) || sr_n_word(c, i + 2, "present") ||
                                sr_n_word(c, i + 2, "now") || sr_n_word(c, i + 2, "today")))
        return true; /* "2022–present", "2014-2022" */
    if (sr_n_punct(c, i - 1, "(") && (sr_n_punct(c, i + 1, ")") || sr_n_dash(c, i + 1)))
        return true; /* "(2022)" */
    if (sr_n_in(c, i - 1) && (sr_n_word(c, i - 1, "the") || sr_n_word(c, i - 1, "a") ||
                              sr_n_word(c, i - 1, "its") || sr_n_word(c, i - 1, "this") ||
                              sr_n_word(c, i - 1, "'s")) &&
        sr_n_in(c, i + 1) && c->d->tokens[i + 1].kind == SR_TOK_WORD &&
        !(c->d->tokens[i + 1].flags & SR_TF_UPPER) && sr_lex_scale(c, i + 1) == 0 &&
        sr_lex_unit(c, i + 1) == 0)
        return true;
    return sr_n_punct(c, i + 1, "'s") || sr_n_word(c, i + 1, "'s");
}

/* A day of the month beside a month name: "October 28", "28 April". */
static bool is_day(const sr_nctx *c, size_t i)
{
    double v;
    if (tok_len(c, i) > 2 || !digits_value(c, i, &v) || v < 1 || v > 31)
        return false;
    return (sr_n_in(c, i - 1) && sr_lex_month(c, i - 1)) ||
           (sr_n_punct(c, i - 1, ".") && sr_lex_month(c, i - 2)) ||
           (sr_n_in(c, i + 1) && sr_lex_month(c, i + 1) &&
            (c->d->tokens[i + 1].flags & SR_TF_UPPER));
}

/* "10:30", "02:35": returns the tokens the clock time takes, 0 if none. */
static size_t clock_time(const sr_nctx *c, size_t i)
{
    if (!(sr_n_punct(c, i + 1, ":") || sr_n_punct(c, i + 1, ".")) || !sr_n_glued(c, i + 1) ||
        !is_num(c, i + 2) || !sr_n_glued(c, i + 2) || tok_len(c, i + 2) != 2)
        return sr_n_word(c, i + 1, "a.m.") || sr_n_word(c, i + 1, "p.m.") ||
                       sr_n_word(c, i + 1, "am") || sr_n_word(c, i + 1, "pm") ||
                       sr_n_word(c, i + 1, "gmt") || sr_n_word(c, i + 1, "utc") ||
                       sr_n_word(c, i + 1, "o'clock")
                   ? 2
                   : 0;
    if (sr_n_punct(c, i + 1, ".") && !sr_n_word(c, i + 3, "am") && !sr_n_word(c, i + 3, "pm") &&
        !sr_n_word(c, i + 3, "a.m.") && !sr_n_word(c, i + 3, "p.m."))
        return 0;
    size_t n = 3;
    if (sr_n_punct(c, i + 3, ":") && sr_n_glued(c, i + 3) && is_num(c, i + 4))
        n = 5;
    return n;
}

/* Denominators a written fraction uses ("3/4", "1/2", "5/8"); others are codes
 * ("9/11", "24/7"). */
static bool fraction_denominator(double d)
{
    return d == 2 || d == 3 || d == 4 || d == 5 || d == 8 || d == 10 || d == 16 || d == 100;
}

/* Two small integers glued by a dash or slash that are neither a range nor a fraction:
 * a score ("3-1", "1-0") or a code ("9/11", "24/7"). Returns the tokens, or 0. */
static size_t glued_pair(const sr_nctx *c, size_t i)
{
    double a, b;
    bool dash = sr_n_dash(c, i + 1), slash = sr_n_punct(c, i + 1, "/");
    if (!(dash || slash) || !sr_n_glued(c, i + 1) || !is_num(c, i + 2) ||
        !sr_n_glued(c, i + 2) || !digits_value(c, i, &a) || !digits_value(c, i + 2, &b))
        return 0;
    if (sr_n_glued(c, i + 3) && c->d->tokens[i + 3].kind == SR_TOK_WORD)
        return 0; /* "5k-20k", "10-15km" */
    if (slash && !(a < b && (a == 1 || fraction_denominator(b))))
        return 3;
    if (dash && a < 100 && b < 100 && a == floor(a) && b == floor(b) && b <= a)
        return 3;
    return 0;
}

size_t sr_num_skip(sr_nctx *c, size_t i)
{
    const sr_token *t = &c->d->tokens[i];
    if (t->kind != SR_TOK_NUM)
        return 0;
    if (in_code_run(c, i))
        return c->run_hi - i;
    size_t n = clock_time(c, i);
    if (n)
        return n;
    /* list numbering at a line start: "1. Skip to content", "2) ..." */
    if ((t->flags & SR_TF_NEWLINE) && (sr_n_punct(c, i + 1, ".") || sr_n_punct(c, i + 1, ")")) &&
        sr_n_glued(c, i + 1))
        return 2;
    /* model designations glued to a word by a hyphen: "F-16", "Il-76", "COVID-19" */
    if (!(t->flags & SR_TF_SPACE) && sr_n_dash(c, i - 1) && sr_n_glued(c, i - 1) &&
        sr_n_in(c, i - 2) && c->d->tokens[i - 2].kind == SR_TOK_WORD &&
        !(is_num(c, i - 3) && sr_n_glued(c, i - 2)))
        return 1;
    if (glued_code(c, i))
        return 2;
    n = glued_pair(c, i);
    if (n)
        return n;
    /* a number glued to a word by a period: "measure.1", "section.3" */
    if (!(t->flags & SR_TF_SPACE) && sr_n_punct(c, i - 1, ".") && sr_n_glued(c, i - 1) &&
        sr_n_in(c, i - 2) && c->d->tokens[i - 2].kind == SR_TOK_WORD)
        return 1;
    if (sr_n_in(c, i - 1) && (sr_lex_label_before(c, i - 1) ||
                              (sr_n_punct(c, i - 1, ".") && sr_lex_label_before(c, i - 2)) ||
                              sr_n_punct(c, i - 1, "#")))
        return 1;
    if (year_like(c, i) && sr_n_dash(c, i + 1) && sr_n_glued(c, i + 1) && is_num(c, i + 2) &&
        sr_n_glued(c, i + 2) && tok_len(c, i + 2) <= 2)
        return 3; /* "2023-24", "1995-01", "2005-6" */
    if (is_year(c, i) || is_day(c, i))
        return 1;
    return 0;
}

/* ---- composing a number --------------------------------------------------------- */

typedef enum { C_START, C_DIGITS, C_UNIT, C_TEEN, C_TENS, C_HUNDRED, C_SCALE, C_AND, C_FRAC } cls;

typedef struct {
    double total, current, last_scale;
    cls last;
    size_t end;
    double scale; /* product of scale words after digits */
} compose;

/* Value of a small number word or token usable inside a compound (below 1000). */
static double small_at(const sr_nctx *c, size_t i)
{
    if (used(c, i))
        return -1;
    double v = sr_lex_cardinal(c, i);
    if (v >= 0)
        return v;
    if (is_num(c, i) && !sr_n_glued(c, i + 1) && digits_value(c, i, &v) && v < 1000 &&
        v == floor(v))
        return v;
    return -1;
}

/* Whether "and" at i continues the number: a small number follows that is not itself
 * followed by a scale at least as large as the last one ("two thousand and three
 * thousand" is two numbers). */
static bool and_continues(const sr_nctx *c, size_t i, const compose *k)
{
    if (k->last != C_HUNDRED && k->last != C_SCALE)
        return false;
    double v = small_at(c, i + 1);
    if (v < 0 || v >= 100)
        return false;
    size_t j = i + 2;
    if (v >= 20 && sr_n_dash(c, j) && sr_lex_cardinal(c, j + 1) > 0)
        j += 2;
    else if (v >= 20 && sr_lex_cardinal(c, j) > 0 && sr_lex_cardinal(c, j) < 10)
        j++;
    double s = sr_lex_scale(c, j);
    if (s == 100 && k->last == C_HUNDRED)
        return false; /* "3 hundred and 2 hundred": two numbers */
    return !(s >= 1000 && k->last_scale && s >= k->last_scale);
}

/* Adds one element at token i to k; returns tokens consumed (0: the number ends). */
static size_t step(const sr_nctx *c, size_t i, compose *k)
{
    if (!sr_n_in(c, i) || used(c, i))
        return 0;
    double v = sr_lex_cardinal(c, i);
    if (v >= 0 && (k->last != C_DIGITS)) {
        cls nc = v < 10 ? C_UNIT : v < 20 ? C_TEEN : C_TENS;
        bool ok = k->last == C_START || k->last == C_HUNDRED || k->last == C_SCALE ||
                  k->last == C_AND || (nc == C_UNIT && k->last == C_TENS && v > 0);
        if (!ok)
            return 0;
        k->current += v;
        k->last = nc;
        return 1;
    }
    if (sr_n_dash(c, i) && k->last == C_TENS) {
        double u = sr_lex_cardinal(c, i + 1);
        if (u > 0 && u < 10 && !used(c, i + 1)) {
            k->current += u;
            k->last = C_UNIT;
            return 2;
        }
        return 0;
    }
    if (sr_n_word(c, i, "hundred") && k->current > 0 && k->last != C_HUNDRED &&
        k->last != C_SCALE && k->last != C_AND && fmod(k->current, 100) != 0) {
        k->current *= 100;
        k->scale *= 100;
        k->last = C_HUNDRED;
        return 1;
    }
    double s = sr_lex_scale(c, i);
    if (s >= 1000 && k->current > 0 && k->last != C_AND &&
        !(k->last_scale && s >= k->last_scale)) {
        k->total += k->current * s;
        k->scale *= s;
        k->current = 0;
        k->last_scale = s;
        k->last = C_SCALE;
        return 1;
    }
    if ((sr_n_word(c, i, "dozen") || sr_n_word(c, i, "dozens")) && k->current > 0 &&
        k->last != C_SCALE && k->last != C_AND) {
        k->current *= 12;
        k->last = C_SCALE;
        k->last_scale = 12;
        return 1;
    }
    if (sr_n_word(c, i, "and") && and_continues(c, i, k)) {
        k->last = C_AND;
        return 1;
    }
    /* "one and a half", "two and a half million" */
    if (sr_n_word(c, i, "and") && sr_n_word(c, i + 1, "a") && sr_n_word(c, i + 2, "half") &&
        k->last != C_AND && k->last != C_FRAC && k->current > 0 && k->current < 1000) {
        k->current += 0.5;
        k->last = C_FRAC;
        return 3;
    }
    /* a small digit group after a scale word: "4 thousand 3 hundred and 21" */
    if (is_num(c, i) && ((k->last == C_SCALE && k->current == 0) || k->last == C_AND)) {
        double d = small_at(c, i);
        if (d > 0 && (k->last == C_SCALE || d < 100)) {
            k->current += d;
            k->last = C_TEEN;
            return 1;
        }
    }
    return 0;
}

/* "two point five": decimal digits spelled out after "point". */
static size_t point_digits(const sr_nctx *c, size_t i, compose *k)
{
    if (!sr_n_word(c, i, "point") || k->total != 0 || k->last == C_START)
        return 0;
    double place = 0.1, frac = 0;
    size_t j = i + 1;
    while (j < i + 12) {
        double d = sr_lex_cardinal(c, j);
        if (d < 0 || d > 9 || used(c, j))
            break;
        frac += d * place;
        place /= 10;
        j++;
    }
    if (j == i + 1)
        return 0;
    k->current += frac;
    return j - i;
}

static bool finish(compose *k, size_t first, sr_numval *out)
{
    double v = k->total + k->current;
    if (!isfinite(v))
        return false;
    out->first = first;
    out->end = k->end;
    out->value = v;
    out->scale = k->scale;
    return true;
}

/* Runs the composer from token j until it stops. */
static void compose_run(const sr_nctx *c, size_t j, compose *k)
{
    for (;;) {
        size_t n = step(c, j, k);
        if (!n)
            n = point_digits(c, j, k);
        if (!n)
            break;
        j += n;
    }
    k->end = j;
}

/* "thousands", "hundreds of thousands", "tens of millions", "several million",
 * "a few hundred". */
static bool vague_at(const sr_nctx *c, size_t i, sr_numval *out)
{
    size_t j = i;
    double v = sr_lex_vague_scale(c, j);
    if (v > 0) {
        j++;
        for (int r = 0; r < 2; r++) {
            double w = sr_lex_vague_scale(c, j + 1);
            if (!sr_n_word(c, j, "of") || w <= v || used(c, j + 1))
                break;
            v *= w;
            j += 2;
        }
    } else {
        if (sr_n_word(c, j, "several") || sr_n_word(c, j, "many"))
            j++;
        else if (sr_n_word(c, j, "a") && sr_n_word(c, j + 1, "few"))
            j += 2;
        else
            return false;
        double s = sr_lex_scale(c, j);
        if (s <= 0 && !sr_n_word(c, j, "dozen"))
            return false;
        v = s > 0 ? s : 12;
        j++;
        double s2 = sr_lex_scale(c, j);
        if (s2 > v) {
            v *= s2;
            j++;
        }
    }
    if (v == 10 && !sr_n_word(c, j, "of"))
        return false; /* "tens" alone is not an amount */
    if (used(c, i) || used(c, j - 1))
        return false;
    out->first = i;
    out->end = j;
    out->value = v;
    out->scale = v;
    out->vague = true;
    return true;
}

/* A glued "m" after digits is million in money, before a noun ("3m people") or in
 * capitals ("10M"), and a metre otherwise ("1.8m tall", "50m from the road"). */
static bool m_is_million(const sr_nctx *c, size_t j, bool money)
{
    if (money || !sr_n_word(c, j, "m") || (c->d->tokens[j].flags & SR_TF_UPPER))
        return true;
    size_t k = j + 1;
    if (!sr_n_in(c, k) || c->d->tokens[k].kind != SR_TOK_WORD || sr_lex_closed(c, k))
        return false;
    /* adjectives of length, and the nouns of races and pools ("the 400m hurdles") */
    static const char *const metre_adjectives[] = {
        "tall", "long", "high", "wide", "deep", "away", "thick", "across", "short",
        "runner", "runners", "race", "races", "sprint", "sprinter", "sprinters", "hurdles",
        "relay", "freestyle", "backstroke", "breaststroke", "butterfly", "medley", "final",
        "finals", "heat", "heats", "dash", "pool", "steeplechase", "individual", "title",
        "champion", "gold", "silver", "bronze", "event", "world", "olympic", NULL};
    static sr_wordlist metre_adjectives_w = SR_WORDLIST(metre_adjectives);
    char code[4];
    return sr_n_find(c, k, &metre_adjectives_w) < 0 || sr_lex_currency_after(c, k, code);
}

/* Whether token i holds only ASCII digits, with at most one decimal point when point
 * is true. */
static bool plain_digits(const sr_nctx *c, size_t i, bool point)
{
    const sr_token *t = &c->d->tokens[i];
    int points = 0;
    for (uint32_t k = t->start; k < t->end; k++) {
        char ch = c->d->clean[k];
        if (ch == '.' && point && k > t->start + 2 && !points++)
            continue;
        if (ch < '0' || ch > '9')
            return false;
    }
    return true;
}

/* Whether tokens i and i + 1 are apart by one space (or a no-break or thin space). */
static bool one_space(const sr_nctx *c, size_t i)
{
    const char *s = c->d->clean + c->d->tokens[i].end;
    uint32_t gap = c->d->tokens[i + 1].start - c->d->tokens[i].end;
    return (gap == 1 && s[0] == ' ') || (gap == 2 && !memcmp(s, "\xC2\xA0", 2)) ||
           (gap == 3 && (!memcmp(s, "\xE2\x80\xAF", 3) || !memcmp(s, "\xE2\x80\x89", 3)));
}

/* Thousands grouped by spaces: "40 000", "1 414 021 100", "1 234 567.89". The first
 * group has one to three digits and each later one three (a decimal part only on the
 * last), at most five of them; returns the token after the number and its value in *v,
 * or i + 1 if none. Reads at most six tokens, so the recogniser stays linear. */
static size_t space_groups(const sr_nctx *c, size_t i, double *v)
{
    size_t j = i + 1;
    if (tok_len(c, i) > 3 || !plain_digits(c, i, false))
        return j;
    double w = *v, g;
    while (is_num(c, j) && !used(c, j) && one_space(c, j - 1) && tok_len(c, j) >= 3 &&
           plain_digits(c, j, true) &&
           (tok_len(c, j) == 3 || c->d->clean[c->d->tokens[j].start + 3] == '.') &&
           digits_value(c, j, &g)) {
        if (j > i + 5)
            return i + 1; /* a run of digit groups longer than any amount: a list */
        w = w * 1000 + g;
        j++;
        if (tok_len(c, j - 1) > 3)
            break;
    }
    /* "10 737-800 planes", "10 737s": a number and a model, not one number */
    if (j > i + 1 && sr_n_glued(c, j) &&
        (c->d->tokens[j].kind == SR_TOK_WORD || sr_n_dash(c, j) || sr_n_punct(c, j, "/")))
        return i + 1;
    *v = w;
    return j;
}

/* Digits, then a glued scale or fraction, then spelled scale words. */
static bool digits_at(const sr_nctx *c, size_t i, bool money, sr_numval *out)
{
    double v;
    if (!digits_value(c, i, &v))
        return false;
    size_t j = space_groups(c, i, &v);
    compose k = {0, v, 0, C_DIGITS, j, 1};
    double g = sr_lex_glued_scale(c, j);
    if (sr_n_glued(c, j) && g > 0 && !used(c, j) && m_is_million(c, j, money)) {
        k.current = v * g;
        k.scale = g;
        k.last = C_SCALE;
        k.last_scale = g;
        j++;
    } else if (sr_n_punct(c, j, "/") && sr_n_glued(c, j) && is_num(c, j + 1) &&
               sr_n_glued(c, j + 1) && !used(c, j + 1)) {
        double d;
        if (!digits_value(c, j + 1, &d) || d == 0)
            return false;
        k.current = v / d; /* "3/4" */
        k.end = j + 2;
        out->fraction = true;
        return finish(&k, i, out);
    } else if (v == floor(v) && is_num(c, j) && !sr_n_glued(c, j) && sr_n_punct(c, j + 1, "/") &&
               sr_n_glued(c, j + 1) && is_num(c, j + 2) && sr_n_glued(c, j + 2) &&
               !sr_n_glued(c, j + 3)) {
        double a, b; /* "10 1/2" */
        if (digits_value(c, j, &a) && digits_value(c, j + 2, &b) && b > a && a > 0) {
            k.current = v + a / b;
            k.end = j + 3;
            return finish(&k, i, out);
        }
    }
    if (k.last == C_DIGITS && !used(c, j) &&
        (sr_lex_scale(c, j) > 0 || sr_n_word(c, j, "dozen") || sr_n_word(c, j, "dozens"))) {
        /* the digits are the first group: "1.3 million", "4 thousand 3 hundred" */
        compose k2 = {0, v, 0, C_UNIT, j, 1};
        compose_run(c, j, &k2);
        if (k2.end > j)
            return finish(&k2, i, out);
    }
    k.end = j;
    return finish(&k, i, out);
}

/* A denominator after a small spelled number: "two thirds", "three-quarters", "one
 * fifth"; "a third" and "a half" only before "of" or at a clause end ("a third attack"
 * is an ordinal). Returns tokens taken, 0 if none. */
static size_t fraction_after(const sr_nctx *c, size_t j, double num, bool article, double *den)
{
    size_t k = j;
    if (sr_n_dash(c, k) && sr_n_glued(c, k) && sr_n_glued(c, k + 1))
        k++;
    *den = sr_lex_denominator(c, k);
    if (*den == 0 || used(c, k))
        return 0;
    const sr_token *t = &c->d->tokens[k];
    bool plural = c->d->clean[t->end - 1] == 's' && !sr_n_word(c, k, "halves") ? true
                  : sr_n_word(c, k, "halves");
    if (plural != (num > 1))
        return 0;
    if (article && !(sr_n_word(c, k + 1, "of") || !sr_n_in(c, k + 1) ||
                     c->d->tokens[k + 1].kind == SR_TOK_PUNCT))
        return 0;
    return k + 1 - j;
}

/* Leading-point decimals: ".08", ".77". */
static bool point_decimal(const sr_nctx *c, size_t j, sr_numval *out)
{
    double v;
    if (!sr_n_punct(c, j, ".") || sr_n_glued(c, j) || !is_num(c, j + 1) || !sr_n_glued(c, j + 1))
        return false;
    const sr_token *t = &c->d->tokens[j + 1];
    for (uint32_t k = t->start; k < t->end; k++)
        if (c->d->clean[k] < '0' || c->d->clean[k] > '9')
            return false;
    if (!digits_value(c, j + 1, &v) || tok_len(c, j + 1) > 15)
        return false;
    out->value = v / pow(10, (double)tok_len(c, j + 1));
    out->first = j;
    out->end = j + 2;
    out->scale = 1;
    return true;
}

bool sr_num_parse(const sr_nctx *c, size_t i, bool money, sr_numval *out)
{
    memset(out, 0, sizeof *out);
    if (!sr_n_in(c, i) || used(c, i) || !sr_lex_number_start(c, i))
        return false;
    double sign = 1;
    size_t j = i;
    if (sr_n_word(c, j, "minus") || sr_n_word(c, j, "negative") ||
        (sr_n_dash(c, j) && !sr_n_glued(c, j) && is_num(c, j + 1) && sr_n_glued(c, j + 1) &&
         !is_num(c, j - 1) && sr_lex_scale(c, j - 1) == 0)) {
        sign = -1;
        j++;
    }
    bool ok;
    double den;
    if (is_num(c, j)) {
        ok = digits_at(c, j, money, out);
    } else if (point_decimal(c, j, out)) {
        ok = true;
    } else if (vague_at(c, j, out)) {
        ok = true;
    } else {
        compose k = {0, 0, 0, C_START, j, 1};
        if ((sr_n_word(c, j, "a") || sr_n_word(c, j, "an")) &&
            (sr_lex_scale(c, j + 1) > 0 || sr_n_word(c, j + 1, "dozen")) &&
            !sr_n_word(c, j + 1, "thousands") && !sr_n_word(c, j + 1, "millions")) {
            k.current = 1; /* "a hundred", "a million", "a dozen" */
            k.last = C_UNIT;
            compose_run(c, j + 1, &k);
        } else if ((sr_n_word(c, j, "a") || sr_n_word(c, j, "an")) &&
                   fraction_after(c, j + 1, 1, true, &den)) {
            k.current = 1 / den; /* "a third of" */
            k.end = j + 1 + fraction_after(c, j + 1, 1, true, &den);
            out->fraction = true;
        } else if ((sr_n_word(c, j, "half") || sr_n_word(c, j, "quarter")) &&
                   (sr_n_word(c, j + 1, "a") || sr_lex_scale(c, j + 1) > 0) &&
                   (sr_lex_scale(c, j + 1) > 0 || sr_lex_scale(c, j + 2) > 0 ||
                    sr_n_word(c, j + 2, "dozen"))) {
            k.current = sr_n_word(c, j, "half") ? 0.5 : 0.25; /* "half a million" */
            k.last = C_UNIT;
            compose_run(c, sr_n_word(c, j + 1, "a") ? j + 2 : j + 1, &k);
        } else {
            compose_run(c, j, &k);
            size_t f = 0;
            if (k.total == 0 && k.current >= 1 && k.current < 100 &&
                (k.last == C_UNIT || k.last == C_TEEN || k.last == C_TENS))
                f = fraction_after(c, k.end, k.current, false, &den);
            if (f) {
                k.current /= den; /* "two thirds" */
                k.end += f;
                out->fraction = true;
            }
        }
        ok = k.end > j && finish(&k, j, out);
        if (ok && k.end == j + 1 && sr_lex_cardinal(c, j) < 0)
            ok = false; /* "a" alone */
    }
    if (!ok || (sign < 0 && out->vague))
        return false;
    if (out->fraction && sr_lex_scale(c, out->end) == 0 && sr_n_word(c, out->end, "of") &&
        sr_n_word(c, out->end + 1, "a") && sr_lex_scale(c, out->end + 2) > 0) {
        out->value *= sr_lex_scale(c, out->end + 2); /* "two thirds of a million" */
        out->end += 3;
        out->fraction = false;
    }
    out->first = i;
    out->value *= sign;
    return true;
}
