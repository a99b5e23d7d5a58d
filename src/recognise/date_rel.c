/* date_rel.c: dates relative to the publication day: "yesterday", "on Tuesday",
 * "next Tuesday", "last week", "this weekend", "two days ago", "earlier this month".
 * Each fills a dspec of kind DK_DAYS, DK_WEEKDAY or DK_UNIT; date_resolve.c anchors it,
 * or leaves it unresolved in an undated document. */
#include "date_int.h"

static void rel_init(dmatch *m, int kind, int grain, size_t a, size_t b)
{
    memset(&m->s, 0, sizeof m->s);
    m->s.kind = (uint8_t)kind;
    m->s.grain = (uint8_t)grain;
    m->s.weekday = -1;
    m->a = a;
    m->b = b;
}

/* "morning", "night"... after a day word: part of the expression's span. */
static size_t daytime_after(const dctx *c, size_t k)
{
    if (dm_word(c, k, "morning") || dm_word(c, k, "afternoon") || dm_word(c, k, "evening") ||
        dm_word(c, k, "night"))
        return k + 1;
    return k;
}

/* "yesterday", "today", "tomorrow", "tonight", "last night", "this morning",
 * "the day before yesterday". */
static bool r_dayword(const dctx *c, size_t i, dmatch *m)
{
    int off;
    size_t k;
    if (dm_word(c, i, "yesterday") || dm_word(c, i, "today") || dm_word(c, i, "tomorrow")) {
        off = dm_word(c, i, "yesterday") ? -1 : dm_word(c, i, "today") ? 0 : 1;
        k = daytime_after(c, i + 1);
    } else if (dm_word(c, i, "tonight")) {
        off = 0, k = i + 1;
    } else if (dm_word(c, i, "the") && dm_word(c, i + 1, "day") &&
               ((dm_word(c, i + 2, "before") && dm_word(c, i + 3, "yesterday")) ||
                (dm_word(c, i + 2, "after") && dm_word(c, i + 3, "tomorrow")))) {
        off = dm_word(c, i + 3, "yesterday") ? -2 : 2, k = i + 4;
    } else if (dm_word(c, i, "last") && dm_word(c, i + 1, "night")) {
        off = -1, k = i + 2;
    } else if (dm_word(c, i, "this") && daytime_after(c, i + 1) == i + 2 &&
               !dm_word(c, i + 1, "night")) {
        off = 0, k = i + 2;
    } else {
        return false;
    }
    rel_init(m, DK_DAYS, SR_GRAIN_DAY, i, k);
    m->s.offset = off;
    return true;
}

/* "Tuesday", "next Tuesday", "this coming Friday", "last Monday night". */
static bool r_weekday(const dctx *c, size_t i, dmatch *m)
{
    int dir = DD_BARE_PAST;
    size_t j = i + dm_det(c, i, &dir);
    if (j == i && dm_word(c, i, "past"))
        dir = DD_LAST, j++;
    const sr_token *t = dm_tok(c, j);
    bool ab;
    int wd = t ? dl_weekday(c->d, t, &ab) : -1;
    /* "Sat", "Sun", "Wed", "Mon" are words too; "Tues", "Thurs", "Fri" are not */
    if (wd < 0 || (ab && (wd == 0 || wd == 2 || wd >= 5)))
        return false;
    rel_init(m, DK_WEEKDAY, SR_GRAIN_DAY, i, daytime_after(c, j + 1));
    m->s.weekday = (int8_t)wd;
    m->s.dir = (int8_t)dir;
    /* "next Friday" is the Friday of next week, "previous Friday" of last week; "this
     * coming Friday" and "last Friday" are the nearest ones */
    if (j == i + 1 && dm_word(c, i, "next"))
        m->s.offset = 1;
    else if (j == i + 1 && dm_word(c, i, "previous"))
        m->s.offset = -1;
    return true;
}

/* "last week", "this month", "next year", "this weekend", "over the weekend". */
static bool r_unit(const dctx *c, size_t i, dmatch *m)
{
    int off, dir;
    size_t j;
    bool plural, weekend;
    if (dm_word(c, i, "the") && dm_word(c, i + 1, "current"))
        off = 0, j = i + 2;
    else if (dm_word(c, i, "the") && dm_word(c, i + 1, "weekend") && i &&
             (dm_word(c, i - 1, "over") || dm_word(c, i - 1, "at") || dm_word(c, i - 1, "during") ||
              dm_word(c, i - 1, "on") || dm_word(c, i - 1, "by")))
        off = 0, j = i + 1;
    else if ((j = i + dm_det(c, i, &dir)) > i)
        off = dir == DD_LAST ? -1 : dir == DD_NEXT ? 1 : 0;
    else
        return false;
    const sr_token *t = dm_tok(c, j);
    int g = t ? dl_unit(c->d, t, &plural, &weekend) : -1;
    if (g <= SR_GRAIN_DAY || plural)
        return false;
    rel_init(m, DK_UNIT, g, i, j + 1);
    m->s.offset = off;
    m->s.weekend = weekend;
    if (dm_word(c, i, "the") && weekend && j == i + 1)
        m->s.dir = DD_BARE_PAST;
    return true;
}

#define count_at dm_count

/* "two days ago", "three weeks ago", "a year ago", "a fortnight ago". */
static bool r_ago(const dctx *c, size_t i, dmatch *m)
{
    long n = count_at(c, i);
    bool plural, weekend;
    if (n < 0 || !dm_word(c, i + 2, "ago"))
        return false;
    const sr_token *t = dm_tok(c, i + 1);
    int g = t ? dl_unit(c->d, t, &plural, &weekend) : -1;
    if (dm_word(c, i + 1, "fortnight") || dm_word(c, i + 1, "fortnights"))
        g = SR_GRAIN_DAY, n *= 14;
    else if (g < 0 || weekend)
        return false;
    if (g == SR_GRAIN_DECADE)
        g = SR_GRAIN_YEAR, n *= 10;
    rel_init(m, DK_DAYS, SR_GRAIN_DAY, i, i + 3);
    m->s.unit = (uint8_t)g;
    m->s.offset = (int32_t)-n;
    m->s.approx = g >= SR_GRAIN_MONTH;
    return true;
}

/* "in two weeks", "in 3 days' time", "two weeks from now": a count forward. "in two
 * weeks" is also a duration ("the highest in two weeks"), so it is marked forward and
 * kept only in a clause that looks ahead; "from now" needs no cue. */
static bool r_in(const dctx *c, size_t i, dmatch *m)
{
    bool in = dm_word(c, i, "in");
    size_t j = i + in;
    long n = count_at(c, j);
    bool plural, weekend;
    const sr_token *t = dm_tok(c, j + 1);
    int g = t ? dl_unit(c->d, t, &plural, &weekend) : -1;
    if (n < 0 || g < 0 || weekend || g == SR_GRAIN_DECADE)
        return false;
    size_t k = j + 2;
    bool now = !in && dm_word(c, k, "from") && (dm_word(c, k + 1, "now") || dm_word(c, k + 1, "today"));
    if (!in && !now)
        return false;
    if (now)
        k += 2;
    else if (dm_word(c, k, "time") || (dm_tok(c, k) && dm_tok(c, k)->kind == SR_TOK_WORD &&
                                       c->d->clean[dm_tok(c, k)->start] == '\'' &&
                                       dm_word(c, k + 1, "time")))
        k += dm_word(c, k, "time") ? 1 : 2;
    rel_init(m, DK_DAYS, SR_GRAIN_DAY, i, k);
    m->s.unit = (uint8_t)g;
    m->s.offset = (int32_t)n;
    m->s.approx = g >= SR_GRAIN_MONTH;
    m->forward = !now;
    return true;
}

/* "earlier this month", "later this year", "earlier in the week", "earlier today". */
static bool r_earlier(const dctx *c, size_t i, dmatch *m)
{
    bool earlier = dm_word(c, i, "earlier");
    if (!earlier && !dm_word(c, i, "later"))
        return false;
    if (dm_word(c, i + 1, "today")) {
        rel_init(m, DK_DAYS, SR_GRAIN_DAY, i, i + 2);
        return true;
    }
    size_t j = i + 1;
    if (dm_word(c, j, "this"))
        j++;
    else if (dm_word(c, j, "in") && dm_word(c, j + 1, "the"))
        j += 2;
    else
        return false;
    bool plural, weekend;
    const sr_token *t = dm_tok(c, j);
    int g = t ? dl_unit(c->d, t, &plural, &weekend) : -1;
    if (g <= SR_GRAIN_DAY || plural || weekend || g == SR_GRAIN_DECADE)
        return false;
    rel_init(m, DK_UNIT, g, i, j + 1);
    m->s.part = earlier ? DP_TO_PUB : DP_FROM_PUB;
    return true;
}

/* Each form is tried only when token i has a class (dl_class) that can begin it. */
bool dm_relative(const dctx *c, size_t i, dmatch *m)
{
    uint32_t u = dm_cls(c, i);
    return ((u & (DC_DAYWORD | DC_THE | DC_DET)) && r_dayword(c, i, m)) ||
           ((u & (DC_NUM | DC_COUNT)) && r_ago(c, i, m)) ||
           ((u & (DC_IN | DC_NUM | DC_COUNT)) && r_in(c, i, m)) ||
           ((u & DC_EARLIER) && r_earlier(c, i, m)) ||
           ((u & (DC_THE | DC_DET)) && r_unit(c, i, m)) ||
           ((u & (DC_DET | DC_WINDOW | DC_WEEKDAY)) && r_weekday(c, i, m));
}
