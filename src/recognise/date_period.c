/* date_period.c: rolling windows around the publication day ("the past two weeks",
 * "the next 3 days") and pieces picked out of a month or year ("the first Monday of
 * March", "the last week of July", "the last day of October").
 *
 * A window counts whole units back from the day before publication or on from the day
 * after it: "the past two weeks" in a 2024-11-05 report is 2024-10-22..2024-11-04, "the
 * next 3 days" 2024-11-06..2024-11-08 (the Recognizers-Text reading, and what a report
 * means by "in the last three months"; Duckling counts calendar units instead). Its
 * grain is day and its value the two days ("2024-10-22/2024-11-04"); "few" counts 3 and
 * sets approx, "a couple of" 2. Without a count, "the past week" is last week, the
 * calendar unit, as both suites read it. A week of a month or year is a Monday-Sunday week whose
 * Thursday falls in it, as ISO weeks belong to years. */
#include "date_int.h"

static bool unit_word(const dctx *c, size_t i, int *g, bool *plural)
{
    const sr_token *t = dm_tok(c, i);
    bool weekend;
    int u = t ? dl_unit(c->d, t, plural, &weekend) : -1;
    if (u < 0 || weekend)
        return false;
    *g = u;
    return true;
}

long dm_count(const dctx *c, size_t i)
{
    const sr_token *t = dm_tok(c, i);
    int nd;
    if (!t)
        return -1;
    long v = dl_num(c->d, t, &nd);
    if (v < 0)
        v = dl_number_word(c->d, t); /* "a week ago": "a" counts 1 */
    return v >= 1 && v <= 100000 ? v : -1;
}

/* "the past two weeks", "the last 3 months", "the next few days", "the past week". */
bool dm_window(const dctx *c, size_t i, dmatch *m)
{
    size_t j = i + dm_word(c, i, "the");
    bool past = dm_word(c, j, "past") || dm_word(c, j, "last") || dm_word(c, j, "previous");
    bool next = dm_word(c, j, "next") || dm_word(c, j, "coming") || dm_word(c, j, "following");
    if (!past && !next)
        return false;
    bool bare_past = dm_word(c, j, "past");
    j++;
    long n = -1;
    bool approx = false;
    size_t k = j + dm_word(c, j, "a");
    if (dm_word(c, k, "few") || dm_word(c, k, "couple")) {
        n = dm_word(c, k, "few") ? 3 : 2;
        approx = dm_word(c, k, "few");
        k += 1 + dm_word(c, k + 1, "of");
    } else if (!dm_word(c, j, "a") && !dm_word(c, j, "an") && (n = dm_count(c, j)) > 0) {
        k = j + 1;
    } else {
        k = j;
    }
    int g;
    bool plural;
    if (!unit_word(c, k, &g, &plural) || dm_word(c, k + 1, "of"))
        return false; /* "the last three months of 2021" is a piece */
    memset(&m->s, 0, sizeof m->s);
    m->s.weekday = -1;
    m->a = i;
    m->b = k + 1;
    if (n < 0) {
        /* "the past week" is last week, as both suites read it (date_rel.c does "last") */
        if (!bare_past || plural || g == SR_GRAIN_DAY)
            return false;
        m->s.kind = DK_UNIT;
        m->s.grain = (uint8_t)g;
        m->s.offset = -1;
        return true;
    } else if (!plural && n != 1) {
        return false;
    }
    if (g == SR_GRAIN_DECADE)
        g = SR_GRAIN_YEAR, n *= 10;
    m->s.kind = DK_WINDOW;
    m->s.grain = SR_GRAIN_DAY;
    m->s.unit = (uint8_t)g;
    m->s.offset = (int32_t)(past ? -n : n);
    m->s.approx = approx;
    return true;
}

/* "first".."fifth", "1st".."5th", "last", "second last": the piece's index, or 0. */
static int nth_at(const dctx *c, size_t i, size_t *end)
{
    int nd, n = 0;
    const sr_token *t = dm_tok(c, i);
    if (!t)
        return 0;
    long v = dl_num(c->d, t, &nd);
    size_t k = i + 1;
    if (v >= 1 && v <= 5 && dm_tok(c, i + 1) && dl_ord_suffix(c->d, dm_tok(c, i + 1)))
        n = (int)v, k = i + 2;
    else if (dm_word(c, i, "last") || dm_word(c, i, "final"))
        n = -1;
    else if ((n = dl_ordinal_word(c->d, t)) > 5)
        n = 0;
    if (n > 0 && dm_word(c, k, "last"))
        n = -n, k++; /* "the second last week" */
    *end = k;
    return n;
}

/* "the first Monday of March", "the last week of July 2024", "the last day of the
 * month", "the third Tuesday in October". */
bool dm_nth(const dctx *c, size_t i, dmatch *m)
{
    size_t j = i + dm_word(c, i, "the"), k;
    int n = nth_at(c, j, &k), g, sub, wd = -1;
    bool plural, ab;
    if (!n)
        return false;
    const sr_token *t = dm_tok(c, k);
    if (t && (wd = dl_weekday(c->d, t, &ab)) >= 0 && !ab)
        sub = DS_WEEKDAY;
    else if (unit_word(c, k, &g, &plural) && !plural && g == SR_GRAIN_WEEK)
        sub = DS_WEEK;
    else if (unit_word(c, k, &g, &plural) && !plural && g == SR_GRAIN_DAY)
        sub = DS_DAY;
    else
        return false;
    if (!dm_word(c, k + 1, "of") && !dm_word(c, k + 1, "in"))
        return false;
    size_t w = k + 2;
    dmatch in = {0};
    if (dm_word(c, w, "the") && unit_word(c, w + 1, &g, &plural) && !plural &&
        (g == SR_GRAIN_MONTH || g == SR_GRAIN_YEAR)) {
        memset(&in.s, 0, sizeof in.s); /* "of the month": this month */
        in.s.kind = DK_UNIT;
        in.s.grain = (uint8_t)g;
        in.s.weekday = -1;
        in.b = w + 2;
    } else if (!dm_whole(c, w, &in)) {
        return false;
    }
    if (sub == DS_WEEKDAY && in.s.grain != SR_GRAIN_MONTH)
        return false;
    m->s = in.s;
    m->s.unit = in.s.grain;
    m->s.grain = sub == DS_WEEK ? SR_GRAIN_WEEK : SR_GRAIN_DAY;
    m->s.sub = (uint8_t)sub;
    m->s.nth = (int8_t)n;
    m->s.sub_wd = (int8_t)wd;
    m->a = i;
    m->b = in.b;
    return true;
}

int32_t dr_shift(int32_t p, int n, int g)
{
    int months;
    switch (g) {
    case SR_GRAIN_DAY:
        return p + n;
    case SR_GRAIN_WEEK:
        return p + 7 * n;
    case SR_GRAIN_MONTH:
        months = n;
        break;
    case SR_GRAIN_QUARTER:
        months = 3 * n;
        break;
    case SR_GRAIN_DECADE:
        months = 120 * n;
        break;
    default:
        months = 12 * n;
        break;
    }
    sr_ymd d = sr_days_to_ymd(p);
    int m0 = d.year * 12 + d.month - 1 + months;
    if (m0 < 12 || m0 > 12 * 9000)
        return p;
    sr_ymd r = {(int16_t)(m0 / 12), (int8_t)(m0 % 12 + 1), d.day};
    int dim = sr_days_in_month(r.year, r.month);
    if (r.day > dim)
        r.day = (int8_t)dim;
    return sr_ymd_to_days(r);
}

static int wd_of(int32_t d)
{
    return sr_ymd_weekday(sr_days_to_ymd(d));
}

bool dr_pick(const dspec *s, dspan *u)
{
    int n = s->nth, k = n > 0 ? n - 1 : -n - 1;
    int32_t d;
    switch (s->sub) {
    case DS_WEEKDAY:
        d = n > 0 ? u->b + (s->sub_wd - wd_of(u->b) + 7) % 7 + 7 * k
                  : u->e - (wd_of(u->e) - s->sub_wd + 7) % 7 - 7 * k;
        if (d < u->b || d > u->e)
            return false;
        u->b = u->e = d;
        return true;
    case DS_DAY:
        d = n > 0 ? u->b + k : u->e - k;
        if (d < u->b || d > u->e)
            return false;
        u->b = u->e = d;
        return true;
    case DS_WEEK: /* d: the Thursday of the week */
        d = n > 0 ? u->b + (3 - wd_of(u->b) + 7) % 7 + 7 * k
                  : u->e - (wd_of(u->e) - 3 + 7) % 7 - 7 * k;
        if (d < u->b || d > u->e)
            return false;
        u->b = d - 3;
        u->e = d + 3;
        return true;
    default:
        return true;
    }
}
