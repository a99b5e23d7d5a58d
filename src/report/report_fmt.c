/* report_fmt.c: numbers, ranges and dates as an analyst reads them ("about 12,000",
 * "1.3 million", "18–20 Oct 2024"), for both the Markdown and the HTML report. Every
 * function writes into a caller's fixed buffer and allocates nothing. */
#include <stdarg.h>
#include <stdio.h>
#include <strings.h>

#include "report_int.h"

static const char *const months[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* snprintf that never leaves half a UTF-8 character at the end when it truncates. */
static void put(char *o, size_t cap, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void put(char *o, size_t cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(o, cap, fmt, ap);
    va_end(ap);
    if (n < 0) {
        o[0] = 0;
        return;
    }
    if ((size_t)n >= cap) { /* cut back to the start of a character */
        size_t k = cap - 1;
        while (k > 0 && ((unsigned char)o[k] & 0xC0) == 0x80)
            k--;
        o[k] = 0;
    }
}

/* Appends the digits of u with thousands separators. */
static void put_commas(char *o, size_t cap, unsigned long long u)
{
    char d[32], t[48];
    int n = snprintf(d, sizeof d, "%llu", u), k = 0;
    for (int i = 0; i < n; i++) {
        if (i && (n - i) % 3 == 0)
            t[k++] = ',';
        t[k++] = d[i];
    }
    t[k] = 0;
    put(o, cap, "%s", t);
}

/* Drops trailing zeros (and a trailing point) of a decimal number in s. */
static void trim_zeros(char *s)
{
    char *dot = strchr(s, '.');
    if (!dot)
        return;
    char *e = s + strlen(s);
    while (e > dot + 1 && e[-1] == '0')
        *--e = 0;
    if (e == dot + 1)
        *dot = 0;
}

/* a >= 1e6: "1.3 million", "1.275 million": at most four significant digits. */
static int put_big(char *o, size_t cap, const char *sign, double a)
{
    static const struct {
        double scale;
        const char *word;
    } big[] = {{1e12, "trillion"}, {1e9, "billion"}, {1e6, "million"}};
    for (size_t i = 0; i < sizeof big / sizeof big[0]; i++) {
        if (a < big[i].scale * (i < 2 ? 0.9995 : 1.0))
            continue;
        double m = a / big[i].scale;
        char t[48];
        snprintf(t, sizeof t, "%.*f", m < 10 ? 3 : m < 100 ? 2 : m < 1000 ? 1 : 0, m);
        trim_zeros(t);
        put(o, cap, "%s%s %s", sign, t, big[i].word);
        return 1;
    }
    return 0;
}

void rp_fmt_num(char *o, size_t cap, double v)
{
    if (!isfinite(v)) {
        put(o, cap, "?");
        return;
    }
    const char *sign = v < 0 ? "-" : "";
    double a = fabs(v);
    if (put_big(o, cap, sign, a))
        return;
    if (a > 0 && a < 0.01) {
        put(o, cap, "%s%.2g", sign, a);
        return;
    }
    unsigned long long r = (unsigned long long)llround(a * 100);
    char ip[48];
    put_commas(ip, sizeof ip, r / 100);
    if (r % 100 == 0)
        put(o, cap, "%s%s", r ? sign : "", ip);
    else if (r % 10 == 0)
        put(o, cap, "%s%s.%llu", sign, ip, r % 100 / 10);
    else
        put(o, cap, "%s%s.%02llu", sign, ip, r % 100);
}

rp_unit rp_figure_unit(const sr_figure *f)
{
    rp_unit u = {SR_UNIT_COUNT, ""};
    const char *s = f->unit ? f->unit : "";
    if (f->n && f->entries[0].claim) {
        u.kind = f->entries[0].claim->unit_kind;
        if (u.kind == SR_UNIT_MONEY && f->entries[0].claim->currency[0])
            s = f->entries[0].claim->currency;
    } else if (!strcmp(s, "percent"))
        u.kind = SR_UNIT_PERCENT;
    else if (strlen(s) == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' &&
             s[2] >= 'A' && s[2] <= 'Z')
        u.kind = SR_UNIT_MONEY;
    else if (*s && strcmp(s, "count"))
        u.kind = SR_UNIT_MEASURE;
    if (u.kind == SR_UNIT_MONEY || u.kind == SR_UNIT_MEASURE)
        u.code = s;
    return u;
}

static const char *currency_symbol(const char *code)
{
    static const char *const sym[][2] = {{"USD", "$"}, {"EUR", "€"}, {"GBP", "£"},
                                         {"JPY", "¥"}, {"INR", "₹"}, {"KRW", "₩"}};
    for (size_t i = 0; i < sizeof sym / sizeof sym[0]; i++)
        if (!strcmp(code, sym[i][0]))
            return sym[i][1];
    return NULL;
}

/* Puts the unit around a formatted number (num is not escaped: callers escape all). */
static void wrap_unit(char *o, size_t cap, const char *num, const rp_unit *u)
{
    const char *sym;
    switch (u->kind) {
    case SR_UNIT_PERCENT: put(o, cap, "%s%%", num); break;
    case SR_UNIT_MONEY:
        if ((sym = currency_symbol(u->code)) != NULL)
            put(o, cap, "%s%s", sym, num);
        else
            put(o, cap, "%.16s %s", u->code, num);
        break;
    case SR_UNIT_MEASURE: put(o, cap, "%s %.40s", num, u->code); break;
    default: put(o, cap, "%s", num); break;
    }
}

void rp_fmt_value(char *o, size_t cap, double v, const rp_unit *u)
{
    char n[64];
    rp_fmt_num(n, sizeof n, v);
    wrap_unit(o, cap, n, u);
}

void rp_fmt_compact(char *o, size_t cap, double v, double ref, const rp_unit *u)
{
    static const struct {
        double from, scale;
        const char *suffix;
    } sc[] = {{1e12, 1e12, "T"}, {1e9, 1e9, "B"}, {1e6, 1e6, "M"}, {1e4, 1e3, "k"}};
    char n[64];
    double a = fabs(v);
    rp_fmt_num(n, sizeof n, v);
    for (size_t i = 0; isfinite(v) && v != 0 && i < sizeof sc / sizeof sc[0]; i++) {
        if (fabs(ref) < sc[i].from)
            continue;
        char t[48];
        snprintf(t, sizeof t, "%.2f", a / sc[i].scale);
        trim_zeros(t);
        snprintf(n, sizeof n, "%s%s%s", v < 0 ? "-" : "", t, sc[i].suffix);
        break;
    }
    wrap_unit(o, cap, n, u);
}

void rp_fmt_range(char *o, size_t cap, double lo, double hi, const rp_unit *u)
{
    char a[64], b[64], n[140];
    rp_fmt_num(a, sizeof a, lo);
    rp_fmt_num(b, sizeof b, hi);
    /* "1.2–1.5 million", not "1.2 million–1.5 million" */
    const char *sa = strchr(a, ' '), *sb = strchr(b, ' ');
    if (sa && sb && !strcmp(sa, sb))
        a[sa - a] = 0;
    snprintf(n, sizeof n, "%s–%s", a, b);
    wrap_unit(o, cap, n, u);
}

void rp_entry_bounds(const sr_figure_entry *e, double *lo, double *hi)
{
    *lo = isnan(e->lo) ? e->claim->low : e->lo;
    *hi = isnan(e->hi) ? e->claim->high : e->hi;
}

void rp_fmt_entry(char *o, size_t cap, const sr_figure_entry *e, const rp_unit *u)
{
    double lo, hi;
    char t[160];
    rp_entry_bounds(e, &lo, &hi);
    if (isfinite(lo) && !isfinite(hi)) {
        rp_fmt_value(t, sizeof t, lo, u);
        put(o, cap, "≥ %s", t);
    } else if (isfinite(hi) && (!isfinite(lo) || lo <= 0) && hi > 0) {
        rp_fmt_value(t, sizeof t, hi, u);
        put(o, cap, "≤ %s", t);
    } else if (isfinite(lo) && isfinite(hi) && lo < hi) {
        rp_fmt_range(o, cap, lo, hi, u);
    } else {
        rp_fmt_value(o, cap, isfinite(lo) ? lo : e->claim->value, u);
    }
}

/* v rounded to three significant digits, down (dir < 0) or up: an intersection of
 * ranges is no more precise, and rounding outwards keeps every value it allows. */
static double round_sig(double v, int dir)
{
    if (!isfinite(v) || v == 0)
        return v;
    double p = pow(10, floor(log10(fabs(v))) - 2), x = v / p;
    if (fabs(x - round(x)) < 1e-6) /* 10800.000000000002 is 10800 */
        return round(x) * p;
    return (dir < 0 ? floor(x) : ceil(x)) * p;
}

/* Equal but for the last bits: the best range and a claim's bounds come from the same
 * arithmetic, yet need not be bit for bit the same. */
static int same_value(double a, double b)
{
    return a == b || fabs(a - b) <= 1e-9 * fmax(fabs(a), fabs(b));
}

/* The latest reported claim whose own bounds are the best range, or NULL: when one
 * claim sets it, the report says it as that claim did ("about 12,000"). */
static const sr_stored_claim *best_claim(const sr_figure *f)
{
    for (size_t i = f->n; i-- > 0;) {
        const sr_stored_claim *c = f->entries[i].claim;
        double lo, hi;
        if (c->modality != SR_MODALITY_REPORTED)
            continue;
        sr_claim_bounds(c, &lo, &hi);
        if (same_value(lo, f->best_lo) && same_value(hi, f->best_hi))
            return c;
    }
    return NULL;
}

static void best_words(char *o, size_t cap, const sr_stored_claim *c, const rp_unit *u)
{
    static const char *const words[] = {"",       "about ",     "at least ", "more than ",
                                        "up to ", "less than ", ""};
    char t[160];
    if (c->hedge == SR_HEDGE_RANGE && !c->vague) {
        rp_fmt_range(o, cap, c->low, c->high, u);
        return;
    }
    rp_fmt_value(t, sizeof t, c->value, u);
    put(o, cap, "%s%s", c->vague ? "at least " : c->hedge < 7 ? words[c->hedge] : "", t);
}

void rp_fmt_best(char *o, size_t cap, const sr_figure *f, const rp_unit *u)
{
    double lo = round_sig(f->best_lo, -1), hi = round_sig(f->best_hi, 1);
    const sr_stored_claim *c;
    char t[160];
    if (!f->has_best || isnan(lo) || isnan(hi) || (!isfinite(lo) && !isfinite(hi))) {
        put(o, cap, "no current estimate");
    } else if ((c = best_claim(f)) != NULL) {
        best_words(o, cap, c, u);
    } else if (!isfinite(hi)) {
        rp_fmt_value(t, sizeof t, lo, u);
        put(o, cap, "at least %s", t);
    } else if (!isfinite(lo) || lo <= 0) {
        rp_fmt_value(t, sizeof t, hi, u);
        put(o, cap, "up to %s", t);
    } else if (lo == hi) {
        rp_fmt_value(o, cap, lo, u);
    } else {
        rp_fmt_range(o, cap, lo, hi, u);
    }
}

void rp_fmt_day(char *o, size_t cap, sr_ymd d)
{
    if (d.year <= 0 || d.month < 1 || d.month > 12)
        put(o, cap, "undated");
    else if (d.day < 1)
        put(o, cap, "%s %d", months[d.month - 1], d.year);
    else
        put(o, cap, "%d %s %d", d.day, months[d.month - 1], d.year);
}

static int same_day(sr_ymd a, sr_ymd b)
{
    return a.year == b.year && a.month == b.month && a.day == b.day;
}

/* b..e are whole months: "Oct 2024", "Oct – Dec 2024", "Nov 2024 – Jan 2025". */
static int put_months(char *o, size_t cap, sr_ymd b, sr_ymd e)
{
    if (b.day != 1 || e.day != sr_days_in_month(e.year, e.month))
        return 0;
    if (b.month == 1 && e.month == 12 && b.year == e.year)
        put(o, cap, "%d", b.year);
    else if (b.month == e.month && b.year == e.year)
        put(o, cap, "%s %d", months[b.month - 1], b.year);
    else if (b.year == e.year)
        put(o, cap, "%s – %s %d", months[b.month - 1], months[e.month - 1], b.year);
    else
        put(o, cap, "%s %d – %s %d", months[b.month - 1], b.year, months[e.month - 1], e.year);
    return 1;
}

void rp_fmt_period(char *o, size_t cap, sr_ymd b, sr_ymd e)
{
    if (!sr_ymd_valid(b)) {
        rp_fmt_day(o, cap, b);
        return;
    }
    if (!sr_ymd_valid(e) || same_day(b, e) || sr_ymd_to_days(e) < sr_ymd_to_days(b)) {
        rp_fmt_day(o, cap, b);
        return;
    }
    if (put_months(o, cap, b, e))
        return;
    const char *mb = months[b.month - 1], *me = months[e.month - 1];
    if (b.year == e.year && b.month == e.month)
        put(o, cap, "%d–%d %s %d", b.day, e.day, mb, b.year);
    else if (b.year == e.year)
        put(o, cap, "%d %s – %d %s %d", b.day, mb, e.day, me, b.year);
    else
        put(o, cap, "%d %s %d – %d %s %d", b.day, mb, b.year, e.day, me, e.year);
}

int rp_entry_days(const sr_figure_entry *e, int32_t *b, int32_t *end)
{
    const sr_stored_claim *c = e->claim;
    sr_ymd d0 = c->as_of_begin, d1 = c->as_of_end;
    if (!sr_ymd_valid(d0)) {
        const char *p = c->published ? c->published : "";
        if (sr_ymd_parse(p, strlen(p), &d0) != SR_OK || !sr_ymd_valid(d0))
            return 0;
        d1 = d0;
    }
    *b = sr_ymd_to_days(d0);
    *end = sr_ymd_valid(d1) ? sr_ymd_to_days(d1) : *b;
    if (*end < *b)
        *end = *b;
    return 1;
}

void rp_fmt_count(char *o, size_t cap, size_t n, const char *one, const char *many)
{
    char t[48];
    put_commas(t, sizeof t, n);
    put(o, cap, "%s %s", t, n == 1 ? one : many);
}

void rp_fmt_flags(char *o, size_t cap, const sr_figure *f)
{
    char c[64] = "";
    if (f->conflicts)
        rp_fmt_count(c, sizeof c, f->conflicts, "conflict", "conflicts");
    const char *p = f->labels & SR_FIG_PROJECTION ? "projections" : "";
    const char *h = f->labels & SR_FIG_HYPOTHETICAL ? "hypothetical figures" : "";
    put(o, cap, "%s%s%s%s%s", c, *c && *p ? ", " : "", p, (*c || *p) && *h ? ", " : "", h);
}

uint32_t rp_ref_label(uint32_t labels)
{
    static const uint32_t order[] = {SR_FIG_CONFLICT, SR_FIG_UPDATE, SR_FIG_AGREEMENT, SR_FIG_COPY};
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
        if (labels & order[i])
            return order[i];
    return 0;
}

const char *rp_ref_word(uint32_t bit)
{
    return bit == SR_FIG_UPDATE || bit == SR_FIG_COPY ? "of" : "with";
}

const char *rp_place(const sr_stored_claim *c)
{
    if (c->place_name && *c->place_name)
        return c->place_name;
    return c->place ? c->place : "";
}

void rp_fmt_best_day(char *o, size_t cap, const sr_figure *f)
{
    o[0] = 0;
    if (!f->has_best || !sr_ymd_valid(f->best_as_of))
        return;
    /* a figure none of whose claims is dated has no day, whatever best_as_of holds */
    for (size_t i = 0; i < f->n; i++) {
        int32_t b, e;
        if (rp_entry_days(&f->entries[i], &b, &e)) {
            rp_fmt_day(o, cap, f->best_as_of);
            return;
        }
    }
}
