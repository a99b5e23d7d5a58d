/* date_resolve.c: anchors a matched date (a dspec) to the publication day.
 *
 * Every expression names a calendar unit (a day, an ISO week, a month, a season, a
 * quarter, a year, a decade); resolution finds which one, as an inclusive interval of
 * days, then narrows it for a part ("early", "mid-", "the end of": thirds of the unit in
 * days; halves for "the first/second half of") and writes the unit's value.
 *
 * Underspecified dates choose among neighbouring occurrences (years for "October 18",
 * months for "the 4th") by direction: an explicit "last"/"next"/"this", else the tense
 * cue dates.c found in the clause, else the news reading: the occurrence containing the
 * publication day, otherwise the nearest, where a future one wins only when it is more
 * than three times closer than the past one ("Oct. 18" in a November report is the
 * October just gone; "Jan. 5" in a late-December report is the coming January). */
#include <stdio.h>

#include "date_int.h"

#define YEAR_MIN 1
#define YEAR_MAX 9999

static int32_t days_of(int y, int m, int d)
{
    sr_ymd v = {(int16_t)y, (int8_t)m, (int8_t)d};
    return sr_ymd_to_days(v);
}

static int32_t month_end(int y, int m)
{
    return days_of(y, m, sr_days_in_month(y, m));
}

/* The unit named by calendar fields with the year known; false if invalid. */
static bool cal_span(const dspec *s, int year, int month, dspan *o)
{
    if (year < YEAR_MIN || year > YEAR_MAX - 10)
        return false;
    switch (s->grain) {
    case SR_GRAIN_DAY:
        if (month < 1 || month > 12 || s->day < 1 || s->day > sr_days_in_month(year, month))
            return false;
        o->b = o->e = days_of(year, month, s->day);
        return true;
    case SR_GRAIN_MONTH:
        o->b = days_of(year, month, 1);
        o->e = month_end(year, month);
        return true;
    case SR_GRAIN_SEASON: { /* meteorological, northern hemisphere; winter Y is Dec Y..Feb Y+1 */
        int first = 3 * s->season;
        o->b = days_of(year, first, 1);
        o->e = first == 12 ? month_end(year + 1, 2) : month_end(year, first + 2);
        return true;
    }
    case SR_GRAIN_QUARTER:
        o->b = days_of(year, 3 * s->quarter - 2, 1);
        o->e = month_end(year, 3 * s->quarter);
        return true;
    case SR_GRAIN_YEAR:
        o->b = days_of(year, 1, 1);
        o->e = days_of(year, 12, 31);
        return true;
    case SR_GRAIN_DECADE:
        o->b = days_of(year, 1, 1);
        o->e = days_of(year + 9, 12, 31);
        return true;
    default:
        return false;
    }
}

static int32_t monday_of(int32_t day)
{
    return day - sr_ymd_weekday(sr_days_to_ymd(day));
}

/* Picks among candidate occurrences c[0..n) (ascending) per direction; -1 if none. */
static int choose(const dspan *c, const int *ok, int n, int dir, int32_t p, int this_idx)
{
    int past, fut, contain = -1, after_start = -1, ends_before = -1, first_end = -1,
        first_start = -1;
    for (int i = 0; i < n; i++) {
        if (!ok[i])
            continue;
        if (c[i].b <= p && c[i].e >= p)
            contain = i;
        if (c[i].b <= p)
            after_start = i;
        if (c[i].e < p)
            ends_before = i;
        if (c[i].e >= p && first_end < 0)
            first_end = i;
        if (c[i].b > p && first_start < 0)
            first_start = i;
    }
    past = ends_before;
    fut = first_start;
    /* A tense cue leans hard but not absolutely: "said ... on Nov. 8" in a Nov. 5
     * report is the coming Nov. 8, not one a year back. */
    int lean = dir == DD_PAST ? 10 : dir == DD_FUTURE ? -10 : 3;
    switch (dir) {
    case DD_BARE_PAST:
    case DD_PAST_HARD:
        return after_start >= 0 ? after_start : first_end;
    case DD_FUTURE_HARD:
        return first_end >= 0 ? first_end : after_start;
    case DD_LAST:
        return ends_before;
    case DD_NEXT:
        return first_start;
    case DD_THIS:
        return contain >= 0 ? contain : (this_idx >= 0 && ok[this_idx]) ? this_idx : -1;
    default:
        if (contain >= 0)
            return contain;
        if (past < 0 || fut < 0)
            return past >= 0 ? past : fut;
        if (lean > 0)
            return (int64_t)(c[fut].b - p) * lean < (int64_t)(p - c[past].e) ? fut : past;
        return (int64_t)(p - c[past].e) * -lean < (int64_t)(c[fut].b - p) ? past : fut;
    }
}

/* A calendar date whose year (or month, for "the 4th") the text left out. */
static bool cal_missing(const dspec *s, sr_ymd pub, dspan *o)
{
    dspan c[13];
    int ok[13], n = 0, this_idx = -1;
    int32_t p = sr_ymd_to_days(pub);
    if (s->grain == SR_GRAIN_DAY && !s->month) {
        /* "the 4th": nearby months; "Friday the 13th": those where it is a Friday */
        int reach = s->weekday >= 0 ? 6 : 2;
        for (int k = -reach; k <= reach; k++, n++) {
            int m0 = pub.year * 12 + pub.month - 1 + k;
            ok[n] = cal_span(s, m0 / 12, m0 % 12 + 1, &c[n]);
            if (!k)
                this_idx = n;
            if (ok[n] && s->weekday >= 0 && sr_ymd_weekday(sr_days_to_ymd(c[n].b)) != s->weekday)
                ok[n] = 0;
        }
    } else {
        for (int k = -2; k <= 2; k++, n++) {
            ok[n] = cal_span(s, pub.year + k, s->month, &c[n]);
            if (!k)
                this_idx = n;
            /* "Tuesday, Oct. 18": only years where Oct. 18 is a Tuesday */
            if (ok[n] && s->weekday >= 0 && s->grain == SR_GRAIN_DAY &&
                sr_ymd_weekday(sr_days_to_ymd(c[n].b)) != s->weekday)
                ok[n] = 0;
        }
    }
    int i = choose(c, ok, n, s->dir, p, this_idx);
    if (i < 0 && s->weekday >= 0) { /* the weekday fits no nearby year: ignore it */
        dspec t = *s;
        t.weekday = -1;
        return cal_missing(&t, pub, o); /* depth 1: weekday is now absent */
    }
    if (i < 0)
        return false;
    *o = c[i];
    return true;
}

/* A holiday: the year given, publication's year moved by an offset, or the occurrence
 * among nearby years that the direction picks. */
static bool holiday_span(const dspec *s, sr_ymd pub, dspan *o)
{
    if (s->year)
        return dh_span(s->holiday, s->year, o);
    if (!pub.year)
        return false;
    if (s->dir == DD_YEAR_OFF)
        return dh_span(s->holiday, pub.year + s->offset, o);
    dspan c[5];
    int ok[5], n = 0;
    for (int k = -2; k <= 2; k++, n++)
        ok[n] = dh_span(s->holiday, pub.year + k, &c[n]);
    int i = choose(c, ok, n, s->dir, sr_ymd_to_days(pub), 2);
    if (i < 0)
        return false;
    *o = c[i];
    return true;
}

static bool weekday_span(const dspec *s, int32_t p, dspan *o)
{
    int w = sr_ymd_weekday(sr_days_to_ymd(p)), t = s->weekday;
    int32_t d;
    switch (s->dir) {
    case DD_FUTURE:
    case DD_FUTURE_HARD:
        d = p + (t - w + 7) % 7;
        break;
    case DD_LAST:
        d = s->offset ? monday_of(p) - 7 + t : p - ((w - t + 6) % 7 + 1);
        break;
    case DD_NEXT:
        d = s->offset ? monday_of(p) + 7 + t : p + ((t - w + 6) % 7 + 1);
        break;
    case DD_THIS:
        d = monday_of(p) + t;
        break;
    default:
        d = p - (w - t + 7) % 7;
        break;
    }
    o->b = o->e = d;
    return true;
}

static bool unit_span(const dspec *s, sr_ymd pub, int32_t p, dspan *o)
{
    int32_t off = s->offset;
    if (off < -100000 || off > 100000)
        return false;
    switch (s->grain) {
    case SR_GRAIN_DAY: /* "two days ago"; "three months ago": that day */
        o->b = o->e = dr_shift(p, (int)off, s->unit);
        return true;
    case SR_GRAIN_WEEK:
        /* "the weekend" with no cue: the one just gone, or the one under way */
        if (s->weekend && s->dir == DD_BARE_PAST && sr_ymd_weekday(sr_days_to_ymd(p)) < 5)
            off--;
        o->b = monday_of(p) + 7 * off;
        o->e = o->b + 6;
        if (s->weekend)
            o->b += 5;
        return true;
    case SR_GRAIN_MONTH: {
        int32_t m0 = pub.year * 12 + pub.month - 1 + off;
        if (m0 < 12 * YEAR_MIN || m0 > 12 * (YEAR_MAX - 10))
            return false;
        o->b = days_of(m0 / 12, m0 % 12 + 1, 1);
        o->e = month_end(m0 / 12, m0 % 12 + 1);
        return true;
    }
    case SR_GRAIN_QUARTER: {
        int32_t q0 = pub.year * 4 + (pub.month - 1) / 3 + off;
        if (q0 < 4 * YEAR_MIN || q0 > 4 * (YEAR_MAX - 10))
            return false;
        o->b = days_of(q0 / 4, 3 * (q0 % 4) + 1, 1);
        o->e = month_end(q0 / 4, 3 * (q0 % 4) + 3);
        return true;
    }
    case SR_GRAIN_YEAR:
    case SR_GRAIN_DECADE: {
        int32_t y = pub.year + off * (s->grain == SR_GRAIN_DECADE ? 10 : 1);
        if (s->grain == SR_GRAIN_DECADE)
            y -= ((y % 10) + 10) % 10;
        if (y < YEAR_MIN || y > YEAR_MAX - 10)
            return false;
        dspec t = *s;
        return cal_span(&t, (int)y, 1, o);
    }
    default:
        return false;
    }
}

bool dr_relative(const dspec *s)
{
    if (s->kind == DK_HOLIDAY)
        return s->dir == DD_LAST || s->dir == DD_NEXT || s->dir == DD_THIS ||
               s->dir == DD_YEAR_OFF;
    return s->kind != DK_CAL || s->dir == DD_LAST || s->dir == DD_NEXT || s->dir == DD_THIS;
}

/* "the past two weeks": back from the day before publication, or on from the day after. */
static bool window_span(const dspec *s, int32_t p, dspan *o)
{
    if (s->offset < -1000 || s->offset > 1000)
        return false;
    if (s->offset < 0) {
        o->e = p - 1;
        o->b = dr_shift(p, (int)s->offset, s->unit);
    } else {
        o->b = p + 1;
        o->e = dr_shift(p, (int)s->offset, s->unit);
    }
    return o->b <= o->e;
}

/* The unit named by s, before any part narrows it. */
static bool unit_of(const dspec *s, sr_ymd pub, dspan *o)
{
    bool dated = pub.year > 0;
    int32_t p = dated ? sr_ymd_to_days(pub) : 0;
    if (s->sub) { /* "the first Monday of March": March, then its first Monday */
        dspec in = *s;
        in.sub = DS_NONE;
        in.grain = s->unit;
        return unit_of(&in, pub, o) && dr_pick(s, o); /* depth 1: sub is now none */
    }
    switch (s->kind) {
    case DK_WINDOW:
        return dated && window_span(s, p, o);
    case DK_CAL:
        if (s->year && (s->month || s->grain > SR_GRAIN_MONTH))
            return cal_span(s, s->year, s->month, o);
        if (!dated)
            return false;
        if (s->year && s->grain == SR_GRAIN_DAY) { /* "the 4th" with a year only: odd */
            return false;
        }
        return cal_missing(s, pub, o);
    case DK_DAYS:
    case DK_UNIT:
        return dated && unit_span(s, pub, p, o);
    case DK_WEEKDAY:
        return dated && weekday_span(s, p, o);
    case DK_HOLIDAY:
        return holiday_span(s, pub, o);
    default:
        return false;
    }
}

bool dr_span(const dspec *s, sr_ymd pub, dspan *out)
{
    return unit_of(s, pub, out);
}

/* Writes the value of the unit u of grain g into v (size n) with snprintf: the general
 * form, for years value_of does not format by hand. */
static void value_slow(const dspec *s, dspan u, char *v, size_t n)
{
    sr_ymd b = sr_days_to_ymd(u.b);
    static const char *const season[] = {"WI", "WI", "SP", "SP", "SP", "SU",
                                         "SU", "SU", "FA", "FA", "FA", "WI"};
    switch (s->grain) {
    case SR_GRAIN_DAY:
        if (u.e != u.b) { /* "Lent", "the past two weeks": several days */
            sr_ymd e = sr_days_to_ymd(u.e);
            char t[64];
            snprintf(t, sizeof t, "%04d-%02d-%02d/%04d-%02d-%02d", b.year, b.month, b.day,
                     e.year, e.month, e.day);
            snprintf(v, n, "%.21s", t);
        } else {
            snprintf(v, n, "%04d-%02d-%02d", b.year, b.month, b.day);
        }
        break;
    case SR_GRAIN_WEEK: { /* ISO week: the year of its Thursday */
        sr_ymd th = sr_days_to_ymd(monday_of(u.b) + 3);
        int32_t jan1 = days_of(th.year, 1, 1);
        int week = (int)((monday_of(u.b) + 3 - jan1) / 7 + 1);
        snprintf(v, n, "%04d-W%02d%s", th.year, week, s->weekend ? "-WE" : "");
        break;
    }
    case SR_GRAIN_MONTH:
        snprintf(v, n, "%04d-%02d", b.year, b.month);
        break;
    case SR_GRAIN_SEASON:
        snprintf(v, n, "%04d-%s", b.year, season[b.month - 1]);
        break;
    case SR_GRAIN_QUARTER:
        snprintf(v, n, "%04d-Q%d", b.year, (b.month - 1) / 3 + 1);
        break;
    case SR_GRAIN_YEAR:
        snprintf(v, n, "%04d", b.year);
        break;
    default:
        snprintf(v, n, "%03dX", b.year / 10);
        break;
    }
}

/* Writes v (0..9999) in decimal, zero-padded to width (at most 4) digits, at p; returns
 * the end. */
static char *put_dec(char *p, int v, int width)
{
    char t[4];
    int k = 0;
    do
        t[k++] = (char)('0' + v % 10), v /= 10;
    while (v);
    while (k < width)
        t[k++] = '0';
    while (k)
        *p++ = t[--k];
    return p;
}

static char *put_ymd(char *p, sr_ymd d)
{
    p = put_dec(p, d.year, 4);
    *p++ = '-';
    p = put_dec(p, d.month, 2);
    *p++ = '-';
    return put_dec(p, d.day, 2);
}

static bool year_plain(int y)
{
    return y >= 0 && y <= 9999;
}

/* As value_slow (v of at least 24 bytes), digits by hand: this runs once per date. The
 * results are value_slow's, which takes years outside 0..9999. */
static void value_of(const dspec *s, dspan u, char *v, size_t n)
{
    static const char season[][3] = {"WI", "WI", "SP", "SP", "SP", "SU",
                                     "SU", "SU", "FA", "FA", "FA", "WI"};
    sr_ymd b = sr_days_to_ymd(u.b);
    char *p = v;
    if (!year_plain(b.year) || n < 24) {
        value_slow(s, u, v, n);
        return;
    }
    switch (s->grain) {
    case SR_GRAIN_DAY:
        p = put_ymd(p, b);
        if (u.e != u.b) { /* "Lent", "the past two weeks": several days */
            sr_ymd e = sr_days_to_ymd(u.e);
            if (!year_plain(e.year)) {
                value_slow(s, u, v, n);
                return;
            }
            *p++ = '/';
            p = put_ymd(p, e);
        }
        break;
    case SR_GRAIN_WEEK: { /* ISO week: the year of its Thursday */
        sr_ymd th = sr_days_to_ymd(monday_of(u.b) + 3);
        if (!year_plain(th.year)) {
            value_slow(s, u, v, n);
            return;
        }
        int32_t jan1 = days_of(th.year, 1, 1);
        int week = (int)((monday_of(u.b) + 3 - jan1) / 7 + 1);
        p = put_dec(p, th.year, 4);
        *p++ = '-', *p++ = 'W';
        p = put_dec(p, week, 2);
        if (s->weekend)
            *p++ = '-', *p++ = 'W', *p++ = 'E';
        break;
    }
    case SR_GRAIN_MONTH:
        p = put_dec(p, b.year, 4);
        *p++ = '-';
        p = put_dec(p, b.month, 2);
        break;
    case SR_GRAIN_SEASON:
        p = put_dec(p, b.year, 4);
        *p++ = '-', *p++ = season[b.month - 1][0], *p++ = season[b.month - 1][1];
        break;
    case SR_GRAIN_QUARTER:
        p = put_dec(p, b.year, 4);
        *p++ = '-', *p++ = 'Q', *p++ = (char)('1' + (b.month - 1) / 3);
        break;
    case SR_GRAIN_YEAR:
        p = put_dec(p, b.year, 4);
        break;
    default:
        p = put_dec(p, b.year / 10, 3);
        *p++ = 'X';
        break;
    }
    *p = 0;
}

/* The first day of the n-th month after the one holding day d. */
static int32_t months_on(int32_t d, int n)
{
    sr_ymd y = sr_days_to_ymd(d);
    int m0 = y.year * 12 + y.month - 1 + n;
    return days_of(m0 / 12, m0 % 12 + 1, 1);
}

/* Splits unit u into thirds along its natural sub-units: a month by days 1-10, 11-20,
 * 21-end; a quarter or season by month; a year by four months; a decade by years 0-3,
 * 4-6, 7-9; anything else by days. Sets *m1, *m2: the first days of the 2nd, 3rd third. */
static void thirds(const dspec *s, dspan u, int32_t *m1, int32_t *m2)
{
    sr_ymd b = sr_days_to_ymd(u.b);
    switch (s->grain) {
    case SR_GRAIN_MONTH:
        *m1 = u.b + 10, *m2 = u.b + 20;
        break;
    case SR_GRAIN_QUARTER:
    case SR_GRAIN_SEASON:
        *m1 = months_on(u.b, 1), *m2 = months_on(u.b, 2);
        break;
    case SR_GRAIN_YEAR:
        *m1 = months_on(u.b, 4), *m2 = months_on(u.b, 8);
        break;
    case SR_GRAIN_DECADE:
        *m1 = days_of(b.year + 4, 1, 1), *m2 = days_of(b.year + 7, 1, 1);
        break;
    default:
        *m1 = u.b + (u.e - u.b + 1) / 3, *m2 = u.b + 2 * ((u.e - u.b + 1) / 3);
        break;
    }
}

/* Narrows unit u to the part s names; pub anchors "earlier/later this ...". */
static dspan narrow(const dspec *s, dspan u, sr_ymd pub)
{
    int32_t len = u.e - u.b + 1, m1, m2;
    int32_t p = pub.year ? sr_ymd_to_days(pub) : u.b;
    dspan r = u;
    thirds(s, u, &m1, &m2);
    switch (s->part) {
    case DP_EARLY:
        r.e = m1 - 1;
        break;
    case DP_MID:
        r.b = m1;
        r.e = m2 - 1;
        break;
    case DP_LATE:
        r.b = m2;
        break;
    case DP_FIRST_HALF: /* a year splits into Jan-Jun and Jul-Dec, not by days */
        r.e = (s->grain == SR_GRAIN_YEAR ? months_on(u.b, 6) : u.b + len / 2) - 1;
        break;
    case DP_SECOND_HALF:
        r.b = s->grain == SR_GRAIN_YEAR ? months_on(u.b, 6) : u.b + len / 2;
        break;
    case DP_TO_PUB:
        if (p - 1 >= u.b && p - 1 <= u.e)
            r.e = p - 1;
        break;
    case DP_FROM_PUB:
        if (p + 1 >= u.b && p + 1 <= u.e)
            r.b = p + 1;
        break;
    default:
        break;
    }
    if (r.e < r.b)
        r = u;
    return r;
}

/* Lets the ends of a range fill each other's gaps: "8-13 November", "October to
 * December 2024", "from the 8th to the 13th of June". */
static void share_fields(dspec *a, dspec *b)
{
    if (a->kind != DK_CAL || b->kind != DK_CAL)
        return;
    if (!a->year && b->year)
        a->year = b->year;
    if (a->grain == SR_GRAIN_DAY && b->grain == SR_GRAIN_DAY) {
        if (!a->month && b->month)
            a->month = b->month;
        if (!b->month && a->month)
            b->month = a->month;
    }
}

void dr_fill(const dspec *s0, const dspec *e0, sr_ymd pub, sr_date *out)
{
    dspec s = *s0, e;
    memset(out, 0, sizeof *out);
    out->grain = s.grain;
    out->relative = dr_relative(&s) || (e0 && dr_relative(e0));
    out->approx = s.part != DP_NONE || s.approx || (e0 && (e0->part != DP_NONE || e0->approx));
    dspan u, ue;
    if (e0) {
        e = *e0;
        share_fields(&s, &e);
    }
    if (!unit_of(&s, pub, &u))
        return;
    char v[24], w[24];
    value_of(&s, u, v, sizeof v);
    dspan r = narrow(&s, u, pub);
    if (e0) {
        if (e.kind == DK_CAL && !e.year && s.kind == DK_CAL) {
            /* the end takes the start's year, and the next one if it would come first */
            sr_ymd sb = sr_days_to_ymd(u.b);
            if (!e.month && e.grain == SR_GRAIN_DAY)
                e.month = sb.month;
            e.year = sb.year;
            if (!unit_of(&e, pub, &ue))
                return;
            if (ue.e < u.b) {
                if (s.grain == SR_GRAIN_DAY && !e0->month)
                    e.month = (int8_t)(e.month % 12 + 1), e.year += e.month == 1;
                else
                    e.year++;
            }
        }
        if (e.kind == DK_HOLIDAY && !e.year && e.dir == DD_NEWS) {
            /* "from Christmas to New Year's Day": the first one after the start */
            e.year = sr_days_to_ymd(u.b).year;
            if (unit_of(&e, pub, &ue) && ue.e < u.b)
                e.year++;
        }
        if (!unit_of(&e, pub, &ue) || ue.e < u.b)
            return;
        value_of(&e, ue, w, sizeof w);
        dspan re = narrow(&e, ue, pub);
        r.e = re.e;
        size_t lv = strlen(v), lw = strlen(w);
        memcpy(out->value, v, lv + 1);
        if (strcmp(v, w) && lv + 1 + lw < sizeof out->value) {
            out->value[lv] = '/';
            memcpy(out->value + lv + 1, w, lw + 1);
        }
    } else {
        memcpy(out->value, v, strlen(v) + 1); /* v is shorter than out->value */
    }
    out->begin = sr_days_to_ymd(r.b);
    out->end = sr_days_to_ymd(r.e);
    out->resolved = 1;
}
