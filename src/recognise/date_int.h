/* date_int.h: internals shared by the date recogniser's files: date_lex.c knows the
 * words, date_match.c, date_rel.c, date_period.c and date_holiday.c match token patterns
 * into a dspec, dates.c drives them, date_resolve.c anchors a dspec to the publication
 * day and fills an sr_date.
 *
 * A dspec is what the text says before anchoring: calendar fields that may be missing
 * ("Oct. 18" has no year), or an offset from the publication day ("two days ago", "next
 * month"), or a weekday near it ("Tuesday"). Resolution turns it into an interval of days,
 * a grain and an ISO-like value (see dates.c for the codes). */
#ifndef SR_DATE_INT_H
#define SR_DATE_INT_H

#include "../core/internal.h"

typedef enum {
    DK_CAL,     /* calendar fields, some missing: "Oct. 18", "June 2025", "the summer" */
    DK_DAYS,    /* days from publication: "yesterday" (-1), "two days ago" (-2) */
    DK_WEEKDAY, /* a named weekday near publication: "Tuesday", "next Tuesday" */
    DK_UNIT,    /* the publication's week/month/.. moved by offset: "last week" (-1) */
    DK_HOLIDAY, /* a named holiday (date_holiday.c), its year maybe missing: "Easter" */
    DK_WINDOW,  /* offset units (of grain unit) up to or from publication: "the past two
                   weeks" (-2), "the next 3 days" (3); grain day */
} dkind;

/* A piece picked out of a month or year (dspec.sub): "the first Monday of March", "the
 * last week of July", "the last day of October". */
typedef enum {
    DS_NONE,
    DS_WEEKDAY, /* the nth sub_wd of the unit */
    DS_WEEK,    /* the nth Monday-Sunday week whose Thursday is in the unit (ISO rule) */
    DS_DAY,     /* the nth day of the unit */
} dsub;

/* The part of an interval the text names; each narrows the interval and sets approx. */
typedef enum {
    DP_NONE,
    DP_EARLY,  /* "early", "the beginning of", "the start of": the first third */
    DP_MID,    /* "mid-", "the middle of": the middle third */
    DP_LATE,   /* "late", "the end of": the last third */
    DP_FIRST_HALF,
    DP_SECOND_HALF,
    DP_TO_PUB,   /* "earlier this month": from its start to the day before publication */
    DP_FROM_PUB, /* "later this year": from the day after publication to its end */
} dpart;

/* Which occurrence of an underspecified date ("October", "Tuesday", "the 4th") is meant. */
typedef enum {
    DD_NEWS = 0,     /* no cue: the nearest, leaning to the past (see date_resolve.c) */
    DD_PAST = -1,    /* the latest that starts on or before publication */
    DD_FUTURE = 1,   /* the earliest that ends on or after publication */
    DD_LAST = -2,    /* "last": the latest that ends before publication */
    DD_NEXT = 2,     /* "next": the earliest that starts after publication */
    DD_THIS = 3,     /* "this": the one in publication's year (weekday: its ISO week) */
    DD_BARE_PAST = 4, /* weekday with no cue: on or before publication */
    DD_PAST_HARD = 5, /* a past cue next to the date ("published Oct. 18"): no lean */
    DD_FUTURE_HARD = 6, /* a future cue next to it ("by the end of December") */
    DD_YEAR_OFF = 7   /* the one in publication's year + offset ("Easter of next year") */
} ddir;

typedef struct {
    uint8_t kind;   /* dkind */
    uint8_t grain;  /* sr_grain */
    uint8_t part;   /* dpart */
    uint8_t weekend;/* grain week, Saturday and Sunday only */
    int8_t dir;     /* ddir */
    int8_t month;   /* 1..12, 0 absent */
    int8_t day;     /* 1..31, 0 absent */
    int8_t season;  /* 1 spring .. 4 winter, 0 absent */
    int8_t quarter; /* 1..4, 0 absent */
    int8_t weekday; /* 0 Monday .. 6 Sunday, -1 absent */
    uint8_t holiday;/* DK_HOLIDAY: 1-based index into date_holiday.c's table */
    uint8_t unit;   /* DK_WINDOW, DK_DAYS, sub: the grain counted or picked from */
    uint8_t sub;    /* dsub: grain is the piece's, unit the whole's */
    int8_t nth;     /* sub: 1.. from the start, -1 the last, -2 the second last */
    int8_t sub_wd;  /* DS_WEEKDAY: 0 Monday .. 6 Sunday */
    uint8_t approx; /* "three months ago": about that day */
    int16_t year;   /* 0 absent; for a decade its first year */
    int32_t offset; /* DK_DAYS: days; DK_UNIT: units of grain; DK_WEEKDAY: 1 "next"
                       (next week's), -1 "previous" (last week's); DD_YEAR_OFF: years */
} dspec;

/* A resolved interval, inclusive days since 1970-01-01. */
typedef struct {
    int32_t b, e;
} dspan;

/* What a token may begin (dl_class), computed once per token: each matcher needs one of
 * a few of these at its first token (date_match.c), so most tokens try none. */
enum {
    DC_NUM = 1 << 0,       /* a number token */
    DC_APOS = 1 << 1,      /* punctuation ' or one starting 0xE2 (’): "the '90s" */
    DC_WEEKDAY = 1 << 2,   /* "Tuesday", "Tue" */
    DC_MONTH = 1 << 3,     /* "October", "Oct" */
    DC_THE = 1 << 4,       /* "the" */
    DC_DET = 1 << 5,       /* "this", "last", "previous", "next", "coming" */
    DC_ORD = 1 << 6,       /* "first" .. "twentieth", "thirtieth" */
    DC_TENS = 1 << 7,      /* "twenty", "thirty": "twenty-first" */
    DC_SEASON = 1 << 8,    /* "spring" .. "winter", "fall" */
    DC_QUARTER = 1 << 9,   /* "Q1".."Q4", "final" */
    DC_DAYWORD = 1 << 10,  /* "yesterday", "today", "tomorrow", "tonight" */
    DC_COUNT = 1 << 11,    /* a number word, "a", "an": "two days ago" */
    DC_IN = 1 << 12,       /* "in": "in two weeks" */
    DC_EARLIER = 1 << 13,  /* "earlier", "later" */
    DC_WINDOW = 1 << 14,   /* "past", "following" */
    DC_HOLIDAY = 1 << 15,  /* the first word of a holiday name, or it plus "s" */
    DC_PART = 1 << 16,     /* "early", "mid", "late", "end", "beginning", "start", "middle",
                              "close", "first", "second", "latter" */
    DC_FROM = 1 << 17,     /* "from", "between": a range */
    DC_UNIT = 1 << 18,     /* a calendar unit word (dl_unit), "fortnight" */
    DC_AFTER_THE = 1 << 19,/* "year", "day", "current", "weekend", "nineties": "the year 2008" */
};

/* The token stream a matcher reads. */
typedef struct {
    const sr_doc *d;
    const sr_token *t;
    size_t n;
    int day_first; /* numeric dates like 3/4/2024: 1 when the document writes d/m/y */
    const uint32_t *cls; /* dl_class of each token */
} dctx;

/* The class bits of token i, 0 past the end. */
static inline uint32_t dm_cls(const dctx *c, size_t i)
{
    return i < c->n ? c->cls[i] : 0;
}

/* One matched expression: tokens [a, b), and for a range its end in e. */
typedef struct {
    size_t a, b;
    dspec s, e;
    bool range;
    bool bare;    /* a lone day number ("the 8th", "8"): a date only inside a range */
    bool ordinal; /* the lone day was written as an ordinal ("8th", "eighth") */
    bool forward; /* "in two weeks": a date only when the clause looks forward */
} dmatch;

/* ---- date_match.c: single expressions ------------------------------------------ */
/* Matches the longest single date expression starting at token i; on failure *m is
 * scratch. */
bool dm_base(const dctx *c, size_t i, dmatch *m);
/* Matches a lone day: "8", "8th", "the 8th", "the eighth" (m->bare set). */
bool dm_bare_day(const dctx *c, size_t i, dmatch *m);
/* "on the 4th": a lone ordinal day after a preposition. */
bool dm_ordinal_day(const dctx *c, size_t i, dmatch *m);
/* "last", "next", "this", "this past", "coming": tokens used (0: none), *dir set. */
size_t dm_det(const dctx *c, size_t i, int *dir);
/* A four-digit year at token i: the token after it (0: none), *year set. */
size_t dm_year(const dctx *c, size_t i, int *year);
/* Token helpers shared with dates.c: token i or NULL; whether it is the word w (lower
 * case); whether it is the punctuation ch. Inline: matchers call them at every step. */
static inline const sr_token *dm_tok(const dctx *c, size_t i)
{
    return i < c->n ? &c->t[i] : NULL;
}
static inline bool dm_word(const dctx *c, size_t i, const char *w)
{
    const sr_token *t = dm_tok(c, i);
    return t && t->kind == SR_TOK_WORD && sr_tok_is(c->d, t, w);
}
static inline bool dm_punct(const dctx *c, size_t i, char ch)
{
    const sr_token *t = dm_tok(c, i);
    return t && t->kind == SR_TOK_PUNCT && t->end - t->start == 1 && c->d->clean[t->start] == ch;
}

/* ---- date_rel.c: relative to publication --------------------------------------- */
/* "yesterday", "on Tuesday", "last week", "two days ago", "earlier this month". */
bool dm_relative(const dctx *c, size_t i, dmatch *m);

/* ---- date_period.c: windows and pieces ------------------------------------------ */
/* "the past two weeks", "the next 3 days", "the past week". */
bool dm_window(const dctx *c, size_t i, dmatch *m);
/* "the first Monday of March", "the last week of July 2024", "the last day of the month". */
bool dm_nth(const dctx *c, size_t i, dmatch *m);
/* Month, year or this/next/last month or year at token i (no pieces, no parts); on
 * failure *m is scratch. */
bool dm_whole(const dctx *c, size_t i, dmatch *m);
/* Day p moved by n units of grain g (months clamp to the month's last day). */
int32_t dr_shift(int32_t p, int n, int g);
/* Narrows u, the whole unit, to the piece s names; false if there is no such piece. */
bool dr_pick(const dspec *s, dspan *u);
/* A small count at token i: digits or a number word; -1 if none. */
long dm_count(const dctx *c, size_t i);

/* ---- date_holiday.c: named holidays ------------------------------------------- */
/* One holiday name and its rule (the rules, flags and matching are date_holiday.c's). */
typedef struct {
    const char *key;    /* the first word as a token, the index: "st" for "st.", "valentine"
                           for "valentine's" (which also matches "valentines") */
    const char *phrase; /* lower-case words; "?w" optional (never the first); "w's"
                           possessive; "w." */
    uint8_t rule;       /* hrule */
    int8_t a, b, c;
    uint8_t flags;
    int8_t off;         /* days after the day the rule gives ("Black Friday") */
} dh_holiday;
/* The holidays, ended by a NULL key: also a word-list table of their first words, which
 * dl_class folds into its one lookup. */
extern const dh_holiday dh_table[];
/* "Christmas", "last Easter", "Thanksgiving 2013", "MLK Day of last year". */
bool dm_holiday(const dctx *c, size_t i, dmatch *m);
/* The days of holiday h (1-based) in a year; false if out of range. */
bool dh_span(int h, int year, dspan *o);

/* ---- date_lex.c: words --------------------------------------------------------- */
/* Month named by token t (full or abbreviated, any case), 1..12, or 0. *abbrev is set
 * for "Oct", *risky for words that are common verbs in lower case ("may", "march",
 * "mar"); names (April, May, June, August) are told by dl_month_name. */
int dl_month(const sr_doc *d, const sr_token *t, bool *abbrev, bool *risky);
/* Whether month m is also a given name when capitalised (April, May, June, August). */
bool dl_month_name(int m);
/* Weekday named by token t, 0 Monday .. 6 Sunday, or -1; *abbrev for "Tue", "Thurs". */
int dl_weekday(const sr_doc *d, const sr_token *t, bool *abbrev);
/* Season word: 1 spring, 2 summer, 3 autumn/fall, 4 winter, or 0. */
int dl_season(const sr_doc *d, const sr_token *t);
/* "first".."twentieth" and "thirtieth" (1..20, 30), or 0; dates.c joins "twenty-first". */
int dl_ordinal_word(const sr_doc *d, const sr_token *t);
/* Cardinal word "one".."twenty", "thirty".."ninety" by tens, "a"/"an" as 1; or -1. */
int dl_number_word(const sr_doc *d, const sr_token *t);
/* Digits-only NUM token's value (at most 9 digits), or -1; *ndigits its length. */
long dl_num(const sr_doc *d, const sr_token *t, int *ndigits);
/* "st", "nd", "rd", "th" (an ordinal suffix cut from its number). */
bool dl_ord_suffix(const sr_doc *d, const sr_token *t);
/* Calendar unit word (singular or plural): its grain, SR_GRAIN_DAY for "day(s)", or -1.
 * *plural tells whether it ended in s. "weekend" gives SR_GRAIN_WEEK with *weekend. */
int dl_unit(const sr_doc *d, const sr_token *t, bool *plural, bool *weekend);
/* Tense cue of a word: 1 points forward ("will"), -1 back ("said"), 0 none. */
int dl_tense(const sr_doc *d, const sr_token *t);
/* True when token t is a punctuation dash usable in ranges: - – — */
bool dl_dash(const sr_doc *d, const sr_token *t);
/* True for a word that may introduce a bare month or year: "in", "since", "of".. */
bool dl_intro(const sr_doc *d, const sr_token *t);
/* The DC_* bits of token t: what date expressions it may begin or follow "the" in. */
uint32_t dl_class(const sr_doc *d, const sr_token *t);

/* ---- date_resolve.c: anchoring --------------------------------------------------- */
/* Resolves s against publication day pub (year 0: undated) into span *out.
 * Returns false when it cannot (undated and relative, or out of range). */
bool dr_span(const dspec *s, sr_ymd pub, dspan *out);
/* Fills out (grain, value, begin/end, resolved, relative, approx) for a single
 * expression s, or for a range from s to e when e is not NULL. */
void dr_fill(const dspec *s, const dspec *e, sr_ymd pub, sr_date *out);
/* Whether s needs the publication day to be resolved. */
bool dr_relative(const dspec *s);

#endif
