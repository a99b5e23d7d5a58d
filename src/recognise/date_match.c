/* date_match.c: matchers for single date expressions over the token stream.
 *
 * Each matcher looks at a bounded window after token i and either fills a dmatch (the
 * tokens [a, b) and a dspec) or fails; dm_base runs them all and keeps the longest, so
 * "Tuesday, Oct. 18, 2024" beats "Tuesday" and "October 18" beats "October". Matchers
 * never call dm_base themselves except m_part, which calls the part-less set once: the
 * nesting depth is fixed, never chosen by the input.
 *
 * Words that are also ordinary English ("May", "March", "fall", "spring", "Sun") count
 * only in a date-like context: next to a day or year number, or after a word that
 * introduces a time ("in", "since", "early", "last"...). */
#include "date_int.h"

enum { MF_ABBREV = 1, MF_RISKY = 2, MF_UPPER = 4 };

static bool glued(const dctx *c, size_t i)
{
    const sr_token *t = dm_tok(c, i);
    return t && !(t->flags & SR_TF_SPACE);
}

static bool upper(const dctx *c, size_t i)
{
    const sr_token *t = dm_tok(c, i);
    return t && t->kind == SR_TOK_WORD && (t->flags & SR_TF_UPPER);
}

static bool dash(const dctx *c, size_t i)
{
    const sr_token *t = dm_tok(c, i);
    return t && dl_dash(c->d, t);
}

static bool lower_word(const dctx *c, size_t i)
{
    const sr_token *t = dm_tok(c, i);
    return t && t->kind == SR_TOK_WORD && !(t->flags & SR_TF_UPPER);
}

static void spec_init(dspec *s, int kind, int grain)
{
    memset(s, 0, sizeof *s);
    s->kind = (uint8_t)kind;
    s->grain = (uint8_t)grain;
    s->weekday = -1;
}

static long num_at(const dctx *c, size_t i, int *nd)
{
    const sr_token *t = dm_tok(c, i);
    *nd = 0;
    return t ? dl_num(c->d, t, nd) : -1;
}

/* "18", "18th", "eighteenth", "twenty-first": a day of the month. Returns the token
 * after it, or 0. */
static size_t day_at(const dctx *c, size_t i, int *day, bool *ord)
{
    int nd;
    long v = num_at(c, i, &nd);
    *ord = false;
    if (v >= 1 && v <= 31 && nd <= 2) {
        /* a clock time "18:30" or a decimal is not a day */
        if (glued(c, i + 1) && (dm_punct(c, i + 1, ':') || dm_punct(c, i + 1, '.')) &&
            dm_tok(c, i + 2) && dm_tok(c, i + 2)->kind == SR_TOK_NUM && glued(c, i + 2))
            return 0;
        *day = (int)v;
        if (glued(c, i + 1) && dl_ord_suffix(c->d, dm_tok(c, i + 1))) {
            *ord = true;
            return i + 2;
        }
        return i + 1;
    }
    const sr_token *t = dm_tok(c, i);
    int w = t ? dl_ordinal_word(c->d, t) : 0;
    if (w) {
        *day = w;
        *ord = true;
        return i + 1;
    }
    int base = dm_word(c, i, "twenty") ? 20 : dm_word(c, i, "thirty") ? 30 : 0;
    if (!base)
        return 0;
    size_t j = i + 1 + (dash(c, i + 1) && glued(c, i + 1));
    int u = dm_tok(c, j) ? dl_ordinal_word(c->d, dm_tok(c, j)) : 0;
    if (u < 1 || u > 9 || base + u > 31)
        return 0;
    *day = base + u;
    *ord = true;
    return j + 1;
}

/* A four-digit year 1000..2199 that is not part of "1990s" or "2024%". */
static size_t year_at(const dctx *c, size_t i, int *year)
{
    int nd;
    long v = num_at(c, i, &nd);
    if (nd != 4 || v < 1000 || v > 2199)
        return 0;
    const sr_token *n = dm_tok(c, i + 1);
    if (n && glued(c, i + 1) && n->kind != SR_TOK_PUNCT) {
        char ch = c->d->clean[n->start];
        if (!(n->kind == SR_TOK_WORD && (ch == '\'' || (unsigned char)ch == 0xE2)))
            return 0;
    }
    /* "by 1200 GMT", "at 0930 local time": a clock time in military notation */
    static const char *const zones[] = {"gmt", "utc", "bst", "cet", "cest", "est", "edt",
                                        "pst", "pdt", "hours", "hrs", "local", "zulu"};
    for (size_t k = 0; n && k < sizeof zones / sizeof zones[0]; k++)
        if (dm_word(c, i + 1, zones[k]))
            return 0;
    *year = (int)v;
    return i + 1;
}

size_t dm_year(const dctx *c, size_t i, int *year)
{
    return year_at(c, i, year);
}

static size_t month_at(const dctx *c, size_t i, int *month, int *fl)
{
    const sr_token *t = dm_tok(c, i);
    bool ab = false, risky = false;
    int m = t ? dl_month(c->d, t, &ab, &risky) : 0;
    if (!m)
        return 0;
    *month = m;
    *fl = (ab ? MF_ABBREV : 0) | (risky ? MF_RISKY : 0) | (upper(c, i) ? MF_UPPER : 0);
    if (ab && dm_punct(c, i + 1, '.') && glued(c, i + 1))
        return i + 2;
    return i + 1;
}

static size_t weekday_at(const dctx *c, size_t i, int *wd, bool *ab)
{
    const sr_token *t = dm_tok(c, i);
    *wd = t ? dl_weekday(c->d, t, ab) : -1;
    if (*wd < 0)
        return 0;
    if (*ab && dm_punct(c, i + 1, '.') && glued(c, i + 1))
        return i + 2;
    return i + 1;
}

/* Optional "Tuesday," before a calendar date; returns where the date itself starts. */
static size_t weekday_prefix(const dctx *c, size_t i, int *wd)
{
    bool ab;
    size_t j = weekday_at(c, i, wd, &ab);
    if (!j) {
        *wd = -1;
        return i;
    }
    return j + dm_punct(c, j, ',');
}

/* Whether token i is preceded by a word that introduces a time ("in", "early", the
 * "-" of "mid-"), or by "and"/"or"/"to" right after another date ("May and June"). */
static bool introduced(const dctx *c, size_t i)
{
    if (!i)
        return false;
    const sr_token *p = &c->t[i - 1];
    if (dash(c, i - 1))
        return i >= 2 && dm_word(c, i - 2, "mid");
    if (!dl_intro(c->d, p))
        return false;
    if (dm_word(c, i - 1, "and") || dm_word(c, i - 1, "or") || dm_word(c, i - 1, "to"))
        return i >= 2 && (c->t[i - 2].flags & SR_TF_USED);
    return true;
}

/* A month on its own ("in October", "late May"): context decides for risky words. */
static bool bare_month_ok(const dctx *c, size_t i, int fl, int mon)
{
    bool intro = introduced(c, i);
    if (fl & MF_RISKY)
        return (fl & MF_UPPER) && !(fl & MF_ABBREV) && intro;
    if ((fl & MF_UPPER) && dl_month_name(mon)) /* "April said" is a person */
        return intro;
    if (fl & MF_ABBREV)
        return intro;
    return (fl & MF_UPPER) || intro;
}

/* A day of a month (year 0: none), and with day2 a range of days in that month. */
static void set_day(dmatch *m, int mon, int day, int year, int wd, int day2)
{
    spec_init(&m->s, DK_CAL, SR_GRAIN_DAY);
    m->s.month = (int8_t)mon;
    m->s.day = (int8_t)day;
    m->s.year = (int16_t)year;
    m->s.weekday = (int8_t)wd;
    if (day2) {
        m->e = m->s;
        m->e.day = (int8_t)day2;
        m->e.weekday = -1;
        m->range = true;
    }
}

/* "October 18, 2024", "Oct. 18", "Tuesday, Oct. 18", "Nov. 8-13", "June 2025", "June". */
static bool m_month_first(const dctx *c, size_t i, dmatch *m)
{
    int wd, mon, fl = 0, day, day2 = 0, year = 0;
    bool ord, ord2;
    size_t j = weekday_prefix(c, i, &wd);
    size_t k = month_at(c, j, &mon, &fl), l, r;
    if (!k)
        return false;
    size_t kd = k;
    if (dm_word(c, k, "the"))
        kd = k + 1; /* "April the ninth" */
    else if ((dash(c, k) || dm_punct(c, k, '/')) && glued(c, k) && glued(c, k + 1))
        kd = k + 1; /* "Jan-1", "Oct/2" */
    if (!(l = day_at(c, kd, &day, &ord)) || (kd == k + 1 && dm_word(c, k, "the") && !ord)) {
        if (j != i)
            return false;
        size_t y = k + dm_word(c, k, "of");
        spec_init(&m->s, DK_CAL, SR_GRAIN_MONTH);
        m->s.month = (int8_t)mon;
        m->a = i;
        if ((m->b = year_at(c, y, &year))) {
            m->s.year = (int16_t)year;
            return true;
        }
        m->b = i + 1; /* a bare "Dec." leaves its period to the sentence */
        return bare_month_ok(c, i, fl, mon);
    }
    r = l;
    if (dash(c, r) || dm_word(c, r, "to") || dm_word(c, r, "through") ||
        dm_word(c, r, "until") || dm_word(c, r, "till")) {
        size_t r2 = day_at(c, r + 1, &day2, &ord2);
        int mon2, fl2;
        if (r2 && day2 > day && !month_at(c, r2, &mon2, &fl2))
            r = r2;
        else
            day2 = 0;
    }
    size_t y = r + (dm_punct(c, r, ',') || dm_word(c, r, "of")), y2 = year_at(c, y, &year);
    if (y2)
        r = y2;
    else
        year = 0;
    if ((fl & MF_RISKY) && !(fl & MF_UPPER) && !ord && !year)
        return false;
    set_day(m, mon, day, year, wd, day2);
    m->a = i;
    m->b = r;
    return true;
}

/* "18 October 2024", "the 18th of October", "Tuesday 18 October", "8-13 November". */
static bool m_day_first(const dctx *c, size_t i, dmatch *m)
{
    int wd, day, day2 = 0, mon, fl = 0, year = 0;
    bool ord, ord2;
    size_t j = weekday_prefix(c, i, &wd);
    bool the = dm_word(c, j, "the");
    size_t r = day_at(c, j + the, &day, &ord);
    if (!r || (the && !ord))
        return false;
    if (dash(c, r) || dm_word(c, r, "to") || dm_word(c, r, "through") ||
        dm_word(c, r, "until") || dm_word(c, r, "till")) {
        size_t q = r + 1 + dm_word(c, r + 1, "the");
        size_t r2 = day_at(c, q, &day2, &ord2);
        if (r2 && day2 > day)
            r = r2;
        else
            day2 = 0;
    }
    if (dm_word(c, r, "of") || ((dash(c, r) || dm_punct(c, r, '/')) && glued(c, r) && glued(c, r + 1)))
        r++;
    size_t k = month_at(c, r, &mon, &fl);
    if (!k && wd >= 0 && ord && !day2 && j > i) {
        /* "Friday the 13th", "Mon 13th": the weekday picks the month */
        spec_init(&m->s, DK_CAL, SR_GRAIN_DAY);
        m->s.day = (int8_t)day;
        m->s.weekday = (int8_t)wd;
        m->a = i;
        m->b = r - dm_word(c, r - 1, "of");
        return true;
    }
    if (!k || ((fl & MF_RISKY) && !(fl & MF_UPPER) && !ord))
        return false;
    size_t y2 = year_at(c, k + dm_word(c, k, "of"), &year);
    set_day(m, mon, day, y2 ? year : 0, wd, day2);
    m->a = i;
    m->b = y2 ? y2 : k;
    /* "second of Aug." at a sentence end: the period is the sentence's */
    if (!y2 && dm_punct(c, k - 1, '.') && (!dm_tok(c, k) || upper(c, k)))
        m->b = k - 1;
    return true;
}

/* Numeric dates: ISO "2024-10-18", "10/18/2024", "18/10/24", and "10/18" after "on". */
static bool m_numeric(const dctx *c, size_t i0, dmatch *m)
{
    int d1, d2, d3 = 0, wd;
    size_t i = weekday_prefix(c, i0, &wd);
    long a = num_at(c, i, &d1), b, y = -1;
    if (a < 0 || (i && glued(c, i) && c->t[i - 1].kind != SR_TOK_WORD &&
                  !dm_punct(c, i - 1, '(')))
        return false;
    char sep = dm_punct(c, i + 1, '/') ? '/' : dash(c, i + 1) ? '-' : 0;
    if (!sep || !glued(c, i + 1) || !glued(c, i + 2) || (b = num_at(c, i + 2, &d2)) < 0)
        return false;
    size_t end = i + 3;
    if (glued(c, end) && ((sep == '/' && dm_punct(c, end, '/')) || (sep == '-' && dash(c, end))) &&
        glued(c, end + 1) && (y = num_at(c, end + 1, &d3)) >= 0)
        end += 2;
    const sr_token *nx = dm_tok(c, end);
    if (nx && glued(c, end) && nx->kind != SR_TOK_WORD && !dm_punct(c, end, ',') &&
        !dm_punct(c, end, '.') && !dm_punct(c, end, ')'))
        return false;
    long yr = 0, mo, dy;
    if (d1 == 4 && y >= 0 && d2 <= 2 && d3 <= 2) {
        yr = a, mo = b, dy = y;
    } else if (y >= 0 && d1 <= 2 && d2 <= 2 && (d3 == 4 || d3 == 2)) {
        yr = d3 == 4 ? y : y < 50 ? 2000 + y : 1900 + y;
        bool dm = a > 12 || (b <= 12 && c->day_first);
        mo = dm ? b : a;
        dy = dm ? a : b;
    } else if (y < 0 && (sep == '/' || (i && dm_word(c, i - 1, "on"))) && d1 <= 2 && d2 <= 2) {
        bool dm = a > 12 || (b <= 12 && c->day_first);
        mo = dm ? b : a;
        dy = dm ? a : b;
        /* fractions ("1/2", "3/4") and "24/7" look alike: need a cue word, or a day past
         * 12 in the document's own order */
        bool cue = wd >= 0 || (i && (dm_word(c, i - 1, "on") || dm_word(c, i - 1, "since") ||
                                     dm_word(c, i - 1, "until") || dm_word(c, i - 1, "by")));
        if (!cue && (dy <= 12 || dm != (bool)c->day_first))
            return false;
    } else {
        return false;
    }
    if (mo < 1 || mo > 12 || dy < 1 || dy > 31 || (yr && (yr < 1000 || yr > 2199)))
        return false;
    spec_init(&m->s, DK_CAL, SR_GRAIN_DAY);
    m->s.year = (int16_t)yr;
    m->s.month = (int8_t)mo;
    m->s.day = (int8_t)dy;
    m->s.weekday = (int8_t)wd;
    m->a = i0;
    m->b = end;
    return true;
}

/* Words after which a four-digit number is a year rather than a count. */
static bool year_intro(const dctx *c, size_t i)
{
    static const char *const w[] = {"in", "since", "until", "till", "by", "during", "of",
                                    "before", "after", "between", "early", "mid", "late",
                                    "from", "through", "year", "circa", "throughout",
                                    "fiscal", "spring", "summer", "autumn", "winter", NULL};
    if (!i)
        return false;
    if (dash(c, i - 1))
        return i >= 2 && dm_word(c, i - 2, "mid");
    for (int k = 0; w[k]; k++)
        if (dm_word(c, i - 1, w[k]))
            return true;
    return false;
}

/* "in 2022", "the 2024 election", "2020-22", "2019/20". */
static bool m_year(const dctx *c, size_t i, dmatch *m)
{
    int y, nd;
    size_t k = year_at(c, i, &y), i0 = i;
    if (!k && dm_word(c, i, "the") && dm_word(c, i + 1, "year") && (k = year_at(c, i + 2, &y)))
        i += 2; /* "the year 2008" */
    if (!k)
        return false;
    spec_init(&m->s, DK_CAL, SR_GRAIN_YEAR);
    m->s.year = (int16_t)y;
    m->a = i0;
    m->b = k;
    if ((dash(c, k) || dm_punct(c, k, '/')) && glued(c, k) && glued(c, k + 1)) {
        long y2 = num_at(c, k + 1, &nd);
        if (nd == 2)
            y2 += y / 100 * 100;
        const sr_token *after = dm_tok(c, k + 2);
        if ((nd == 2 || nd == 4) && y2 > y && y2 - y < 100 &&
            !(after && glued(c, k + 2) && after->kind != SR_TOK_PUNCT)) {
            m->e = m->s;
            m->e.year = (int16_t)y2;
            m->range = true;
            m->b = k + 2;
            return true;
        }
        return false;
    }
    const sr_token *p = i ? &c->t[i - 1] : NULL, *nx = dm_tok(c, k);
    if (p && (p->kind == SR_TOK_SYMBOL || p->kind == SR_TOK_NUM))
        return false;
    if (year_intro(c, i))
        return true;
    if (y < 1900 || y > 2100)
        return false;
    if (dm_word(c, i - 1, "the") || dm_word(c, i - 1, "its") || dm_word(c, i - 1, "their") ||
        (p && p->kind == SR_TOK_WORD && (c->d->clean[p->start] == '\'' ||
                                         (unsigned char)c->d->clean[p->start] == 0xE2)))
        return true;
    if (p && dl_intro(c->d, p)) /* "about 2000 people" is a count */
        return !nx || nx->kind == SR_TOK_PUNCT || upper(c, k);
    if (!nx || (nx->kind == SR_TOK_PUNCT && !dm_punct(c, k, '%')))
        return true;
    return nx->kind == SR_TOK_WORD && (dl_tense(c->d, nx) != 0 || dm_word(c, k, "is") ||
                                       dm_word(c, k, "has"));
}

/* "the 1990s", "1990s", "the '90s", "the nineties". */
static bool m_decade(const dctx *c, size_t i, dmatch *m)
{
    static const char *const words[] = {"twenties", "thirties", "forties", "fifties",
                                        "sixties", "seventies", "eighties", "nineties",
                                        NULL};
    bool the = dm_word(c, i, "the");
    size_t j = i + the;
    int nd, y = -1;
    long v;
    const sr_token *t = dm_tok(c, j);
    bool apos = t && t->kind == SR_TOK_PUNCT &&
                (c->d->clean[t->start] == '\'' || (unsigned char)c->d->clean[t->start] == 0xE2);
    j += apos;
    if ((v = num_at(c, j, &nd)) >= 0 && v % 10 == 0 && dm_word(c, j + 1, "s") &&
        glued(c, j + 1) && (!apos || glued(c, j))) {
        if (nd == 4 && v >= 1000 && v <= 2190 && !apos)
            y = (int)v;
        else if (nd == 2 && (apos || the))
            y = (int)(v >= 30 ? 1900 + v : 2000 + v);
        j += 2;
    } else if (the && !apos) {
        for (int k = 0; words[k]; k++)
            if (dm_word(c, j, words[k]))
                y = 1920 + 10 * k, j++;
    }
    if (y < 0)
        return false;
    spec_init(&m->s, DK_CAL, SR_GRAIN_DECADE);
    m->s.year = (int16_t)y;
    m->a = i;
    m->b = j;
    return true;
}

size_t dm_det(const dctx *c, size_t i, int *dir)
{
    if (dm_word(c, i, "this") && (dm_word(c, i + 1, "past") || dm_word(c, i + 1, "coming"))) {
        *dir = dm_word(c, i + 1, "past") ? DD_LAST : DD_NEXT;
        return 2;
    }
    if (dm_word(c, i, "last") || dm_word(c, i, "previous"))
        return *dir = DD_LAST, 1;
    if (dm_word(c, i, "next") || dm_word(c, i, "coming"))
        return *dir = DD_NEXT, 1;
    if (dm_word(c, i, "this"))
        return *dir = DD_THIS, 1;
    return 0;
}

/* "autumn 2024", "the summer", "last winter", "summer of 2024". */
static bool m_season(const dctx *c, size_t i, dmatch *m)
{
    int dir = DD_NEWS, year = 0;
    bool the = dm_word(c, i, "the");
    size_t j = i + the + (the ? 0 : dm_det(c, i, &dir));
    const sr_token *t = dm_tok(c, j);
    int s = t ? dl_season(c->d, t) : 0;
    if (!s)
        return false;
    size_t k = j + 1, y2 = year_at(c, k + dm_word(c, k, "of"), &year);
    bool det = j > i, plain = dm_word(c, j, "fall") || dm_word(c, j, "spring");
    if (y2) {
        k = y2;
    } else {
        if (dm_word(c, k, "of") || (!det && !introduced(c, i)))
            return false;
        if (upper(c, j) && upper(c, k)) /* "Summer Olympics" */
            return false;
        if (plain && lower_word(c, k) && !dm_word(c, k, "and") && !dm_word(c, k, "or") &&
            !dm_word(c, k, "when") && dl_tense(c->d, dm_tok(c, k)) == 0)
            return false;
    }
    if (upper(c, j) && !det && i && upper(c, i - 1) && !introduced(c, i)) /* "Arab Spring" */
        return false;
    spec_init(&m->s, DK_CAL, SR_GRAIN_SEASON);
    m->s.season = (int8_t)s;
    m->s.year = (int16_t)(y2 ? year : 0);
    m->s.dir = (int8_t)(y2 ? DD_NEWS : dir);
    m->a = i;
    m->b = k;
    return true;
}

/* "the third quarter", "Q3 2024", "the first quarter of 2024", "third-quarter". */
static bool m_quarter(const dctx *c, size_t i, dmatch *m)
{
    bool the = dm_word(c, i, "the");
    size_t j = i + the, k;
    int q = 0, year = 0, nd;
    const sr_token *t = dm_tok(c, j);
    if (t && t->kind == SR_TOK_WORD && t->end - t->start == 2 &&
        (c->d->clean[t->start] | 0x20) == 'q' && c->d->clean[t->start + 1] >= '1' &&
        c->d->clean[t->start + 1] <= '4') {
        q = c->d->clean[t->start + 1] - '0';
        k = j + 1;
    } else {
        long v = num_at(c, j, &nd);
        size_t w = j + 1;
        if (v >= 1 && v <= 4 && nd == 1 && glued(c, j + 1) && dl_ord_suffix(c->d, dm_tok(c, j + 1)))
            q = (int)v, w = j + 2;
        else if (t && (q = dl_ordinal_word(c->d, t)) > 4)
            q = 0;
        if (!q && dm_word(c, j, "final"))
            q = 4;
        w += dash(c, w) && glued(c, w);
        if (!q || !dm_word(c, w, "quarter"))
            return false;
        k = w + 1;
    }
    size_t y2 = year_at(c, k + dm_word(c, k, "of"), &year);
    spec_init(&m->s, DK_CAL, SR_GRAIN_QUARTER);
    m->s.quarter = (int8_t)q;
    if (y2) {
        m->s.year = (int16_t)year;
        k = y2;
    } else if (dm_word(c, k, "of") && (dm_word(c, k + 1, "this") || dm_word(c, k + 1, "the")) &&
               dm_word(c, k + 2, "year")) {
        m->s.dir = DD_THIS;
        k += 3;
    } else if (dm_word(c, k, "of")) {
        return false; /* "the third quarter of the game" */
    }
    m->a = i;
    m->b = k;
    return true;
}

/* "last October", "next June", "this September": a month picked relative to now. */
static bool m_det_month(const dctx *c, size_t i, dmatch *m)
{
    int dir, mon, fl;
    size_t j = i + dm_det(c, i, &dir);
    if (j == i || !month_at(c, j, &mon, &fl) || ((fl & MF_RISKY) && !(fl & MF_UPPER)))
        return false;
    spec_init(&m->s, DK_CAL, SR_GRAIN_MONTH);
    m->s.month = (int8_t)mon;
    m->s.dir = (int8_t)dir;
    m->a = i;
    m->b = j + 1;
    return true;
}

/* A matcher and the dl_class bits of which its first token needs one: a token with none
 * of them cannot begin what it matches, so it is not tried there. */
typedef struct {
    bool (*fn)(const dctx *, size_t, dmatch *);
    uint32_t first;
} matcher;

#define M_NUMERIC {m_numeric, DC_WEEKDAY | DC_NUM}
#define M_MONTH_FIRST {m_month_first, DC_WEEKDAY | DC_MONTH}
#define M_DAY_FIRST {m_day_first, DC_WEEKDAY | DC_THE | DC_NUM | DC_ORD | DC_TENS}
#define M_YEAR {m_year, DC_NUM | DC_THE}
#define M_DECADE {m_decade, DC_THE | DC_APOS | DC_NUM}
#define M_SEASON {m_season, DC_THE | DC_DET | DC_SEASON}
#define M_QUARTER {m_quarter, DC_THE | DC_QUARTER | DC_NUM | DC_ORD}
#define M_DET_MONTH {m_det_month, DC_DET}
#define M_RELATIVE                                                                          \
    {dm_relative, DC_DAYWORD | DC_THE | DC_DET | DC_COUNT | DC_NUM | DC_IN | DC_EARLIER |   \
                      DC_WINDOW | DC_WEEKDAY}
#define M_ORDINAL_DAY {dm_ordinal_day, DC_THE}
#define M_HOLIDAY {dm_holiday, DC_DET | DC_HOLIDAY}
#define M_WINDOW {dm_window, DC_THE | DC_DET | DC_WINDOW}
#define M_NTH {dm_nth, DC_THE | DC_NUM | DC_DET | DC_QUARTER | DC_ORD}
#define M_PART {m_part, DC_THE | DC_PART | DC_ORD}

/* The longest match at token i of the matchers in list into *m; false if none matches
 * (*m is then scratch: callers drop it). */
static bool longest(const dctx *c, size_t i, dmatch *m, const matcher *list)
{
    uint32_t cls = dm_cls(c, i);
    if (!cls)
        return false;
    /* each matcher fills a zeroed try in *m or in spare; a longer match becomes the best
     * by swapping the two, so no match is copied */
    dmatch spare, *best = NULL, *t = m;
    size_t best_b = 0;
    for (size_t k = 0; list[k].fn; k++) {
        if (!(cls & list[k].first))
            continue;
        memset(t, 0, sizeof *t);
        if (list[k].fn(c, i, t) && t->b > best_b) {
            best = t, best_b = t->b;
            t = t == m ? &spare : m;
        }
    }
    if (!best)
        return false;
    if (best != m)
        *m = *best;
    return true;
}

static const matcher plain_matchers[] = {M_NUMERIC,  M_MONTH_FIRST, M_DAY_FIRST,   M_YEAR,
                                         M_DECADE,   M_SEASON,      M_QUARTER,     M_DET_MONTH,
                                         M_RELATIVE, M_ORDINAL_DAY, M_HOLIDAY,     M_WINDOW,
                                         M_NTH,      {NULL, 0}};

static const matcher whole_matchers[] = {M_MONTH_FIRST, M_YEAR, M_DET_MONTH, M_RELATIVE,
                                         {NULL, 0}};

bool dm_whole(const dctx *c, size_t i, dmatch *m)
{
    if (!longest(c, i, m, whole_matchers) || m->range || m->forward)
        return false;
    if (m->s.kind == DK_CAL)
        return m->s.grain == SR_GRAIN_MONTH || m->s.grain == SR_GRAIN_YEAR;
    return m->s.kind == DK_UNIT && !m->s.weekend && !m->s.part &&
           (m->s.grain == SR_GRAIN_MONTH || m->s.grain == SR_GRAIN_YEAR);
}

/* "early 2025", "mid-November", "the end of December", "the first half of 2024". */
static bool m_part(const dctx *c, size_t i, dmatch *m)
{
    size_t j = i + dm_word(c, i, "the");
    int part = 0;
    bool of = dm_word(c, j + 1, "of");
    if (dm_word(c, j, "early"))
        part = DP_EARLY, j++;
    else if (dm_word(c, j, "mid"))
        part = DP_MID, j += 1 + (dash(c, j + 1) && glued(c, j + 1));
    else if (dm_word(c, j, "late"))
        part = DP_LATE, j++;
    else if (dm_word(c, j, "end") && dash(c, j + 1) && glued(c, j + 1) && glued(c, j + 2))
        part = DP_LATE, j += 2;
    else if (of && (dm_word(c, j, "beginning") || dm_word(c, j, "start")))
        part = DP_EARLY, j += 2;
    else if (of && dm_word(c, j, "middle"))
        part = DP_MID, j += 2;
    else if (of && (dm_word(c, j, "end") || dm_word(c, j, "close")))
        part = DP_LATE, j += 2;
    else if (dm_word(c, j + 1, "half") && dm_word(c, j + 2, "of") &&
             (dm_word(c, j, "first") || dm_word(c, j, "second") || dm_word(c, j, "latter")))
        part = dm_word(c, j, "first") ? DP_FIRST_HALF : DP_SECOND_HALF, j += 3;
    if (!part)
        return false;
    dmatch in = {0};
    bool plural, weekend;
    int g;
    if (dm_word(c, j, "the") && dm_tok(c, j + 1) &&
        (g = dl_unit(c->d, dm_tok(c, j + 1), &plural, &weekend)) > SR_GRAIN_DAY && !plural &&
        !dm_word(c, j + 2, "of")) {
        spec_init(&in.s, DK_UNIT, g); /* "the end of the year": this year */
        in.s.weekend = weekend;
        in.b = j + 2;
    } else if (!longest(c, j, &in, plain_matchers) || in.range) {
        return false;
    }
    m->s = in.s;
    if (m->s.grain != SR_GRAIN_DAY)
        m->s.part = (uint8_t)part;
    m->a = i;
    m->b = in.b;
    return true;
}

static const matcher all_matchers[] = {M_NUMERIC,  M_MONTH_FIRST, M_DAY_FIRST, M_YEAR,
                                       M_DECADE,   M_SEASON,      M_QUARTER,   M_DET_MONTH,
                                       M_RELATIVE, M_ORDINAL_DAY, M_HOLIDAY,   M_WINDOW,
                                       M_NTH,      M_PART,        {NULL, 0}};

bool dm_base(const dctx *c, size_t i, dmatch *m)
{
    return longest(c, i, m, all_matchers);
}

bool dm_bare_day(const dctx *c, size_t i, dmatch *m)
{
    size_t j = i + dm_word(c, i, "the");
    int day;
    bool ord;
    size_t k = day_at(c, j, &day, &ord);
    if (!k || (j != i && !ord))
        return false;
    memset(m, 0, sizeof *m);
    spec_init(&m->s, DK_CAL, SR_GRAIN_DAY);
    m->s.day = (int8_t)day;
    m->bare = true;
    m->ordinal = ord;
    m->a = i;
    m->b = k;
    return true;
}

/* "on the 4th", "since the 12th": a day of an unnamed month, after a preposition. */
bool dm_ordinal_day(const dctx *c, size_t i, dmatch *m)
{
    if (!i || !dm_word(c, i, "the") ||
        !(dm_word(c, i - 1, "on") || dm_word(c, i - 1, "since") || dm_word(c, i - 1, "until") ||
          dm_word(c, i - 1, "by") || dm_word(c, i - 1, "till") || dm_word(c, i - 1, "before") ||
          dm_word(c, i - 1, "after")))
        return false;
    if (!dm_bare_day(c, i, m) || !m->ordinal)
        return false;
    /* "on the 4th floor", "on the first day" */
    if (lower_word(c, m->b) && !dm_word(c, m->b, "and") && !dm_word(c, m->b, "or") &&
        dl_tense(c->d, dm_tok(c, m->b)) == 0)
        return false;
    if (dm_word(c, m->b, "of"))
        return false;
    m->bare = false;
    return true;
}
