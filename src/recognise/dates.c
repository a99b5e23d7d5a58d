/* dates.c: the date recogniser: finds date expressions in the token stream, resolves
 * them against the publication day and records them as SR_MENTION_DATE mentions.
 *
 * Conventions (what a caller can rely on):
 *  - Span: the date expression itself, without a leading preposition ("on Tuesday" ->
 *    "Tuesday", "in 2022" -> "2022", "by the end of December" -> "the end of
 *    December"), but with the words that change its meaning: determiners and parts
 *    ("last week", "the summer", "mid-November 2024", "the end of December"), counts
 *    ("two days ago"), and for a range the whole range with its "from"/"between"
 *    ("from the 8th to the 13th", "between 8 and 13 November", "Nov. 8-13").
 *    A possessive stays out ("Tuesday's attack" -> "Tuesday").
 *  - Value by grain: day 2024-10-18; week 2024-W44 (ISO week), a weekend 2024-W44-WE;
 *    month 2024-10; season 2024-SP, -SU, -FA (autumn, fall), -WI (TimeML codes;
 *    meteorological seasons of the northern hemisphere, winter 2024 = Dec 2024 to Feb
 *    2025); quarter 2024-Q3; year 2024; decade 199X. A range is "start/end" of the two
 *    values ("2024-11-08/2024-11-13") with begin/end spanning both.
 *  - begin/end: the inclusive days the expression names. Parts narrow them and set
 *    approx: "early"/"the beginning of" = the first third of the unit, "mid-"/"the
 *    middle of" = the middle third, "late"/"the end of" = the last third, cut along
 *    natural sub-units (a month: days 1-10, 11-20, 21-end; a quarter or season: its
 *    months; a year: four months each; a decade: years 0-3, 4-6, 7-9); "the first/second
 *    half of" = halves; "early Tuesday" stays the whole day; "earlier this month" = start of month to the day before publication,
 *    "later this year" = the day after publication to the year's end. The value stays
 *    the whole unit's ("mid-November 2024" = 2024-11, 2024-11-11..2024-11-20).
 *  - relative = 1 when the text is relative to publication ("yesterday", "Tuesday",
 *    "last week", "next June"). A date without a year ("Oct. 18") is not relative but
 *    takes its year from publication. Undated documents leave both unresolved: resolved
 *    = 0, value "", begin/end zero; nothing is guessed from the clock.
 *  - Which occurrence: explicit "last/next/this" first; else the tense of the clause
 *    (the nearest cue word within 12 tokens: "will", "is expected to", "next" point
 *    forward, "said", "-ed" verbs point back; "by" just before the date points forward
 *    unless a past tense says otherwise); else the news reading in date_resolve.c.
 *    A yearless day or month shortly after a full dated day ("on 1 November 2024 ...
 *    on 4 November": up to four sentences on, within half a year after it) takes that
 *    day's year. A bare weekday with no forward cue is the latest such day on or before
 *    publication (a Tuesday report's "on Tuesday" is that day); with one, the first on
 *    or after it.
 *  - Numeric dates: ISO always; x/y/z is m/d/y unless the document writes an unambiguous
 *    d/m/y somewhere (13/10/2024), then d/m/y; "10/18" without a year only with a day
 *    above 12 or after "on"/"since"/"until"/"by" (fractions look alike).
 *  - "in two weeks" counts forward only in a clause that looks ahead (else it is a
 *    duration: "the highest in two weeks"); "N days/weeks/months/years ago" and "in N
 *    ..." are the day that many units from publication (as both suites read them),
 *    approx for months and years ("three months ago" in a 2024-11-20 report = 2024-08-20).
 *  - Weekdays: "next Friday" is the Friday of next week, "previous Friday" of last week;
 *    "this coming Friday" and "last Friday" are the nearest after / before publication.
 *  - Holidays (date_holiday.c): day grain, Lent and Great Lent a span of days
 *    (value "2024-02-14/2024-03-30"); without a year they resolve like "Oct. 18" (tense
 *    cue, else the news reading); "this/next/last Easter", "Easter 2019", "Easter of
 *    next year". US readings for Thanksgiving, Memorial/Labor/MLK/Presidents' Day,
 *    Mother's/Father's Day; Easter by the Gregorian computus. Lunar, Hebrew and Hijri
 *    holidays are not known. Not dates: "Christmas tree", "Easter Island", greetings
 *    ("Merry Christmas"), lower-case "lent", another country's "Independence Day".
 *  - Windows (date_period.c): "the past two weeks", "the last 3 months", "the next few
 *    days" are the whole units before publication (ending the day before) or after it
 *    (from the day after): grain day, value "start/end" days; "the past week" without a
 *    count is last week. Pieces: "the first Monday of March", "the last day of October"
 *    (days), "the first week of July", "the last week of 2016" (the Monday-Sunday week
 *    whose Thursday is in the month or year, as ISO weeks); halves of a year are
 *    January-June and July-December.
 *  - Not dates: clock times, lower-case "may"/"march", names ("Theresa May"), counts
 *    ("about 2000 people"), bare "week 31" (sports weeks), dotted "13.5.2015" (decimals
 *    and versions look alike).
 * Every token of a recorded expression is marked SR_TF_USED, so its numbers are not
 * counted again by the number recogniser. Work is a bounded window per token: linear. */
#include "date_int.h"

#define CUE_WINDOW 12

static bool connector(const dctx *c, size_t i, bool between)
{
    const sr_token *t = dm_tok(c, i);
    if (!t)
        return false;
    if (dl_dash(c->d, t))
        return true;
    if (between)
        return dm_word(c, i, "and");
    return dm_word(c, i, "to") || dm_word(c, i, "until") || dm_word(c, i, "till") ||
           dm_word(c, i, "through") || dm_word(c, i, "thru");
}

static bool one_end(const dctx *c, size_t i, dmatch *m)
{
    return dm_base(c, i, m) || dm_bare_day(c, i, m);
}

/* Whether two matched ends can make one range. */
static bool compatible(const dmatch *x, const dmatch *y)
{
    if (x->range || y->range)
        return false;
    /* "2014 through May 2018" joins grains; relative ends must agree */
    if (x->s.grain != y->s.grain &&
        (x->bare || y->bare || x->s.kind != DK_CAL || y->s.kind != DK_CAL || !y->s.year))
        return false;
    if (x->bare && y->bare)
        return x->ordinal && y->ordinal;
    return true;
}

static void make_range(dmatch *m, size_t a, const dmatch *x, const dmatch *y)
{
    m->a = a;
    m->b = y->b;
    m->s = x->s;
    m->e = y->s;
    m->range = true;
    m->bare = false;
}

/* "from X to Y", "between X and Y", where X may be a lone day ("between 8 and 13
 * November"). */
static bool match_from(const dctx *c, size_t i, dmatch *m)
{
    bool between = dm_word(c, i, "between");
    dmatch x, y;
    if ((!between && !dm_word(c, i, "from")) || !one_end(c, i + 1, &x))
        return false;
    memset(m, 0, sizeof *m);
    if (x.range && !x.bare) { /* "from 8 to 13 November" came whole */
        *m = x;
        m->a = i;
        return true;
    }
    if (!connector(c, x.b, between) || !one_end(c, x.b + 1, &y) || !compatible(&x, &y))
        return false;
    make_range(m, i, &x, &y);
    return true;
}

/* A date at token i, with a range when "to"/"-" and a second date follow. */
static bool match_at(const dctx *c, size_t i, dmatch *m)
{
    if (match_from(c, i, m))
        return true;
    memset(m, 0, sizeof *m);
    if (!dm_base(c, i, m))
        return false;
    dmatch y;
    if (!m->range && connector(c, m->b, false) && dm_base(c, m->b + 1, &y) &&
        compatible(m, &y) && m->s.kind == y.s.kind) {
        dmatch x = *m;
        make_range(m, x.a, &x, &y);
    }
    return true;
}

/* The tense cue of word k, or 0; a past participle after "be" is no cue ("will be
 * finished"). */
static int cue_of(const dctx *c, size_t k)
{
    int q = dl_tense(c->d, &c->t[k]);
    if (q < 0 && k && !dm_word(c, k, "said") &&
        (dm_word(c, k - 1, "be") || dm_word(c, k - 1, "been") || dm_word(c, k - 1, "being") ||
         dm_word(c, k - 1, "is") || dm_word(c, k - 1, "are")))
        return 0;
    return q;
}

/* Whether the clause around tokens [a, b) (within [lo, hi)) looks forward (1), back
 * (-1), or gives no cue (0): the nearest cue word wins; commas add distance and a cue
 * to the left wins ties, since a date usually modifies the verb before it. */
static int clause_cue(const dctx *c, size_t a, size_t b, size_t lo, size_t hi, int *dist_out)
{
    int best = 0, bestd = 1000, pen = 0;
    /* "by" right before the date reads as a deadline ("finished by the end of June")
     * unless the verb after the date is past: "By mid-January the estimate rose". */
    bool by = a > lo && dm_word(c, a - 1, "by"), right = false;
    for (size_t k = a, d = 1; k > lo && d <= CUE_WINDOW; d++) {
        k--;
        pen += dm_punct(c, k, ',') * 3;
        int q = cue_of(c, k), dist = (int)d + pen;
        if (q && dist < bestd)
            best = q, bestd = dist;
    }
    pen = 1;
    for (size_t k = b, d = 1; k < hi && d <= CUE_WINDOW; k++, d++) {
        pen += dm_punct(c, k, ',') * 3;
        int q = cue_of(c, k), dist = (int)d + pen;
        if (q && dist < bestd)
            best = q, bestd = dist, right = true;
    }
    if (by && !(best < 0 && right)) {
        best = 1;
        bestd = 1;
    }
    *dist_out = bestd;
    return best;
}

static bool needs_cue(const dspec *s)
{
    if (s->dir != DD_NEWS && s->dir != DD_BARE_PAST)
        return false;
    return s->kind == DK_WEEKDAY || ((s->kind == DK_CAL || s->kind == DK_HOLIDAY) && !s->year) ||
           s->weekend;
}

/* A cue right next to the date ("published Oct. 18") binds hard; a farther one leans. */
static void apply_cue(dspec *s, int cue, int dist)
{
    if (cue > 0 && (s->dir == DD_NEWS || s->dir == DD_BARE_PAST))
        s->dir = dist <= 2 ? DD_FUTURE_HARD : DD_FUTURE;
    else if (cue < 0 && s->dir == DD_NEWS)
        s->dir = dist <= 2 ? DD_PAST_HARD : DD_PAST;
}

/* d/m/y or m/d/y: an unambiguous x/y/z date anywhere in the document decides. */
static int numeric_order(const dctx *c)
{
    long dm = 0, md = 0;
    for (size_t i = 0; i + 4 < c->n; i++) {
        int n1, n2, n3;
        if (c->t[i].kind != SR_TOK_NUM || !dm_punct(c, i + 1, '/') || !dm_punct(c, i + 3, '/'))
            continue;
        long a = dl_num(c->d, &c->t[i], &n1), b = dl_num(c->d, &c->t[i + 2], &n2);
        long y = dl_num(c->d, &c->t[i + 4], &n3);
        if (a < 1 || b < 1 || y < 0 || n1 > 2 || n2 > 2 || (n3 != 2 && n3 != 4))
            continue;
        dm += a > 12 && a <= 31 && b <= 12;
        md += b > 12 && b <= 31 && a <= 12;
    }
    return dm > md;
}

/* The last full date with a year ("on 1 November 2024"): the year that a yearless day
 * up to four sentences on continues ("... on 4 November"), as chronological
 * writing does. Only a day-grain anchor counts, and only for a day or month within half
 * a year after it, so a background year ("In March 2022, ...") does not pull a later
 * "Oct. 18" into the past. */
typedef struct {
    size_t sentence;
    sr_ymd day; /* year 0: none yet */
} anchor;

static void continue_year(dspec *s, const anchor *an, size_t si)
{
    if (!an->day.year || s->kind != DK_CAL || s->year || !s->month || si > an->sentence + 4)
        return;
    sr_ymd d = {an->day.year, s->month, (int8_t)(s->day ? s->day : 1)};
    if (!sr_ymd_valid(d))
        return;
    int32_t gap = sr_ymd_to_days(d) - sr_ymd_to_days(an->day);
    if (gap >= 0 && gap <= 183)
        s->year = an->day.year;
}

static void set_anchor(anchor *an, const dspec *s, size_t si)
{
    if (s->kind == DK_CAL && s->year && s->month && s->day) {
        an->day = (sr_ymd){s->year, s->month, s->day};
        an->sentence = si;
    }
}

static sr_status record(sr_doc *doc, sr_mentions *out, const dmatch *m)
{
    sr_mention *mm = sr_mention_push(out);
    if (!mm)
        return SR_NOMEM;
    mm->kind = SR_MENTION_DATE;
    mm->start = doc->tokens[m->a].start;
    mm->end = doc->tokens[m->b - 1].end;
    dr_fill(&m->s, m->range ? &m->e : NULL, doc->published, &mm->u.date);
    for (size_t k = m->a; k < m->b; k++)
        doc->tokens[k].flags |= SR_TF_USED;
    return SR_OK;
}

/* Whether a date may begin at token i: a word that begins one by itself, or "the", a
 * count or "in" before a word that can follow it ("the 8th", "a week ago", "in two
 * weeks"). Most tokens are turned away here with two byte tests. */
static bool may_start(const dctx *c, size_t i)
{
    uint32_t u = c->cls[i], next = dm_cls(c, i + 1);
    if (u & ~(DC_THE | DC_COUNT | DC_IN | DC_UNIT | DC_AFTER_THE))
        return true;
    if ((u & DC_THE) && (next & (DC_NUM | DC_APOS | DC_ORD | DC_TENS | DC_SEASON | DC_QUARTER |
                                 DC_DET | DC_WINDOW | DC_PART | DC_AFTER_THE)))
        return true;
    if ((u & DC_COUNT) && (next & DC_UNIT))
        return true;
    return (u & DC_IN) && (next & (DC_NUM | DC_COUNT));
}

sr_status sr_recognise_dates(sr_doc *doc, sr_mentions *out)
{
    dctx c = {doc, doc->tokens, doc->ntokens, 0, NULL};
    uint32_t *cls = sr_arena_alloc(doc->arena, (c.n ? c.n : 1) * sizeof *cls);
    if (!cls)
        return SR_NOMEM;
    for (size_t i = 0; i < c.n; i++)
        cls[i] = dl_class(doc, &c.t[i]);
    c.cls = cls;
    c.day_first = numeric_order(&c);
    size_t si = 0;
    anchor an = {0, {0, 0, 0}};
    for (size_t i = 0; i < c.n;) {
        dmatch m;
        const sr_token *t = &c.t[i];
        if ((t->kind != SR_TOK_WORD && t->kind != SR_TOK_NUM && t->kind != SR_TOK_PUNCT) ||
            (t->flags & SR_TF_USED)) {
            i++;
            continue;
        }
        if (!may_start(&c, i) || !match_at(&c, i, &m) || m.b <= i) {
            i++;
            continue;
        }
        while (si + 1 < doc->nsentences && doc->sentences[si + 1].first_token <= m.a)
            si++;
        size_t lo = 0, hi = c.n;
        if (si < doc->nsentences && doc->sentences[si].first_token <= m.a) {
            lo = doc->sentences[si].first_token;
            hi = lo + doc->sentences[si].ntokens;
        }
        continue_year(&m.s, &an, si);
        if (m.range)
            continue_year(&m.e, &an, si);
        if (needs_cue(&m.s) || (m.range && needs_cue(&m.e)) || m.forward) {
            int dist, cue = clause_cue(&c, m.a, m.b, lo, hi, &dist);
            if (m.forward && cue <= 0) {
                i++;
                continue;
            }
            apply_cue(&m.s, cue, dist);
            apply_cue(&m.e, cue, dist);
        }
        sr_status st = record(doc, out, &m);
        if (st)
            return st;
        set_anchor(&an, m.range ? &m.e : &m.s, si);
        i = m.b;
    }
    return SR_OK;
}
