/* date_holiday.c: named holidays: "Christmas", "Thanksgiving 2013", "last Easter",
 * "New Year's Eve", "Martin Luther King Jr. Day", "Lent 2018".
 *
 * A holiday is a rule that gives its day (or days) in any year: a fixed date, the n-th
 * (or last) weekday of a month, or an offset from Easter (Gregorian computus) or from
 * Orthodox Easter (Julian computus, moved to the Gregorian calendar). Names are phrases
 * matched token by token; a phrase word "year's" also matches "years", "year" and
 * "year" + "'s"/"'", and "st." matches "St" with or without its period. Holidays of
 * calendars that need tables (lunar, Hebrew, Hijri) are not known.
 *
 * Single-word names that also modify nouns ("Christmas tree", "Easter Island",
 * "Thanksgiving dinner") count only when what follows cannot be such a noun; names that
 * are ordinary words in lower case ("lent", "good friday") need a capital or a year.
 * "Independence Day" is July 4th (the US reading) unless a country precedes it. */
#include <strings.h>

#include "date_int.h"

typedef enum {
    HR_FIXED,       /* a: month, b: day */
    HR_NTH,         /* a: month, b: n-th (1..4, -1 last), c: weekday 0 Monday */
    HR_EASTER,      /* a: days from Easter Sunday */
    HR_ORTHO,       /* a: days from Orthodox Easter Sunday */
    HR_EASTER_SPAN, /* a..b: days from Easter (Lent) */
    HR_ORTHO_SPAN,  /* a..b: days from Orthodox Easter (Great Lent) */
    HR_WEEKDAY_NEAR,/* a/b moved to the nearest weekday when it falls on a weekend */
    HR_SUN_BACK,    /* a/b, or the day before when it falls on a Sunday */
} hrule;

enum {
    HF_CAP = 1,    /* an ordinary word in lower case: needs a capital or a year */
    HF_NOUN = 2,   /* also modifies nouns: "Christmas tree" is no date */
    HF_NATION = 4, /* "India's Independence Day" is another country's */
};

const dh_holiday dh_table[] = {
    {"new", "new year's day", HR_FIXED, 1, 1, 0, 0, 0},
    {"new", "new year's eve", HR_FIXED, 12, 31, 0, 0, 0},
    {"epiphany", "epiphany", HR_FIXED, 1, 6, 0, HF_CAP | HF_NOUN, 0},
    {"groundhog", "groundhog day", HR_FIXED, 2, 2, 0, 0, 0},
    {"valentine", "valentine's ?day", HR_FIXED, 2, 14, 0, 0, 0},
    {"st", "st. patrick's day", HR_FIXED, 3, 17, 0, 0, 0},
    {"st", "st. paddy's day", HR_FIXED, 3, 17, 0, 0, 0},
    {"saint", "saint patrick's day", HR_FIXED, 3, 17, 0, 0, 0},
    {"saint", "saint paddy's day", HR_FIXED, 3, 17, 0, 0, 0},
    {"international", "international women's day", HR_FIXED, 3, 8, 0, 0, 0},
    {"april", "april fool's day", HR_FIXED, 4, 1, 0, 0, 0},
    {"earth", "earth day", HR_FIXED, 4, 22, 0, 0, 0},
    {"anzac", "anzac day", HR_FIXED, 4, 25, 0, 0, 0},
    {"king", "king's day", HR_SUN_BACK, 4, 27, 0, HF_CAP, 0},
    {"koningsdag", "koningsdag", HR_SUN_BACK, 4, 27, 0, 0, 0},
    {"may", "may day", HR_FIXED, 5, 1, 0, HF_CAP, 0},
    {"cinco", "cinco de mayo", HR_FIXED, 5, 5, 0, 0, 0},
    {"juneteenth", "juneteenth", HR_FIXED, 6, 19, 0, 0, 0},
    {"canada", "canada day", HR_FIXED, 7, 1, 0, 0, 0},
    {"independence", "independence day", HR_FIXED, 7, 4, 0, HF_NATION, 0},
    {"bastille", "bastille day", HR_FIXED, 7, 14, 0, 0, 0},
    {"halloween", "halloween", HR_FIXED, 10, 31, 0, HF_NOUN, 0},
    {"boss", "boss's day", HR_WEEKDAY_NEAR, 10, 16, 0, 0, 0},
    {"all", "all saint's day", HR_FIXED, 11, 1, 0, 0, 0},
    {"all", "all soul's day", HR_FIXED, 11, 2, 0, 0, 0},
    {"world", "world vegan day", HR_FIXED, 11, 1, 0, 0, 0},
    {"guy", "guy fawkes ?night", HR_FIXED, 11, 5, 0, 0, 0},
    {"bonfire", "bonfire night", HR_FIXED, 11, 5, 0, HF_CAP, 0},
    {"veteran", "veteran's day", HR_FIXED, 11, 11, 0, 0, 0},
    {"armistice", "armistice day", HR_FIXED, 11, 11, 0, 0, 0},
    {"remembrance", "remembrance day", HR_FIXED, 11, 11, 0, 0, 0},
    {"remembrance", "remembrance sunday", HR_NTH, 11, 2, 6, 0, 0},
    {"christmas", "christmas eve", HR_FIXED, 12, 24, 0, 0, 0},
    {"christmas", "christmas ?day", HR_FIXED, 12, 25, 0, HF_NOUN, 0},
    {"xmas", "xmas ?day", HR_FIXED, 12, 25, 0, HF_NOUN, 0},
    {"boxing", "boxing day", HR_FIXED, 12, 26, 0, 0, 0},
    {"martin", "martin luther king's ?jr. day", HR_NTH, 1, 3, 0, 0, 0},
    {"mlk", "mlk ?jr. day", HR_NTH, 1, 3, 0, 0, 0},
    {"civil", "civil rights day", HR_NTH, 1, 3, 0, 0, 0},
    {"president", "president's day", HR_NTH, 2, 3, 0, HF_CAP, 0},
    {"washington", "washington's birthday", HR_NTH, 2, 3, 0, 0, 0},
    {"mother", "mother's day", HR_NTH, 5, 2, 6, HF_CAP, 0},
    {"memorial", "memorial day", HR_NTH, 5, -1, 0, 0, 0},
    {"father", "father's day", HR_NTH, 6, 3, 6, HF_CAP, 0},
    {"labor", "labor day", HR_NTH, 9, 1, 0, 0, 0},
    {"columbus", "columbus day", HR_NTH, 10, 2, 0, 0, 0},
    {"indigenous", "indigenous people's day", HR_NTH, 10, 2, 0, 0, 0},
    {"thanksgiving", "thanksgiving ?day", HR_NTH, 11, 4, 3, HF_NOUN, 0},
    {"black", "black friday", HR_NTH, 11, 4, 3, 0, 1}, /* after Thanksgiving */
    {"cyber", "cyber monday", HR_NTH, 11, 4, 3, 0, 4},
    {"shrove", "shrove tuesday", HR_EASTER, -47, 0, 0, 0, 0},
    {"pancake", "pancake day", HR_EASTER, -47, 0, 0, 0, 0},
    {"mardi", "mardi gras", HR_EASTER, -47, 0, 0, 0, 0},
    {"ash", "ash wednesday", HR_EASTER, -46, 0, 0, 0, 0},
    {"lent", "lent", HR_EASTER_SPAN, -46, -1, 0, HF_CAP | HF_NOUN, 0},
    {"mothering", "mothering sunday", HR_EASTER, -21, 0, 0, 0, 0},
    {"palm", "palm sunday", HR_EASTER, -7, 0, 0, 0, 0},
    {"maundy", "maundy thursday", HR_EASTER, -3, 0, 0, 0, 0},
    {"holy", "holy thursday", HR_EASTER, -3, 0, 0, 0, 0},
    {"holy", "holy saturday", HR_EASTER, -1, 0, 0, 0, 0},
    {"good", "good friday", HR_EASTER, -2, 0, 0, HF_CAP, 0},
    {"easter", "easter ?sunday", HR_EASTER, 0, 0, 0, HF_NOUN, 0},
    {"easter", "easter day", HR_EASTER, 0, 0, 0, 0, 0},
    {"easter", "easter monday", HR_EASTER, 1, 0, 0, 0, 0},
    {"easter", "easter mon", HR_EASTER, 1, 0, 0, 0, 0},
    {"ascension", "ascension day", HR_EASTER, 39, 0, 0, 0, 0},
    {"pentecost", "pentecost", HR_EASTER, 49, 0, 0, HF_NOUN, 0},
    {"whit", "whit sunday", HR_EASTER, 49, 0, 0, 0, 0},
    {"whit", "whit monday", HR_EASTER, 50, 0, 0, 0, 0},
    {"whitsunday", "whitsunday", HR_EASTER, 49, 0, 0, 0, 0},
    {"trinity", "trinity sunday", HR_EASTER, 56, 0, 0, 0, 0},
    {"corpus", "corpus christi", HR_EASTER, 60, 0, 0, HF_CAP, 0},
    {"orthodox", "orthodox easter ?sunday", HR_ORTHO, 0, 0, 0, 0, 0},
    {"orthodox", "orthodox good friday", HR_ORTHO, -2, 0, 0, 0, 0},
    {"orthodox", "orthodox great friday", HR_ORTHO, -2, 0, 0, 0, 0},
    {"orthodox", "orthodox shrove monday", HR_ORTHO, -48, 0, 0, 0, 0},
    {"clean", "clean monday", HR_ORTHO, -48, 0, 0, 0, 0},
    {"lazarus", "lazarus saturday", HR_ORTHO, -8, 0, 0, 0, 0},
    {"great", "great lent", HR_ORTHO_SPAN, -48, -9, 0, 0, 0},
    {"great", "great fast", HR_ORTHO_SPAN, -48, -9, 0, 0, 0},
    {NULL, NULL, 0, 0, 0, 0, 0, 0}, /* ends the word list */
};

#define NHOL (sizeof dh_table / sizeof dh_table[0] - 1)

/* The table by key; names sharing a first word are adjacent, so a lookup finds the first
 * of them and the rest follow. */
static sr_wordlist keys = SR_WORDLIST(dh_table);

/* Easter Sunday of a Gregorian year (anonymous Gregorian algorithm), as days. */
static int32_t easter(int y)
{
    int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25;
    int g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
    int n = h + l - 7 * m + 114;
    sr_ymd v = {(int16_t)y, (int8_t)(n / 31), (int8_t)(n % 31 + 1)};
    return sr_ymd_to_days(v);
}

/* Orthodox Easter (Meeus' Julian algorithm), moved to the Gregorian calendar. */
static int32_t ortho_easter(int y)
{
    int a = y % 4, b = y % 7, c = y % 19, d = (19 * c + 15) % 30;
    int e = (2 * a + 4 * b - d + 34) % 7, n = d + e + 114;
    sr_ymd v = {(int16_t)y, (int8_t)(n / 31), (int8_t)(n % 31 + 1)};
    return sr_ymd_to_days(v) + y / 100 - y / 400 - 2;
}

static int32_t day_of(int y, int m, int d)
{
    sr_ymd v = {(int16_t)y, (int8_t)m, (int8_t)d};
    return sr_ymd_to_days(v);
}

/* The n-th weekday wd of month m (n = -1: the last). */
static int32_t nth_weekday(int y, int m, int n, int wd)
{
    if (n < 0) {
        int32_t last = day_of(y, m, sr_days_in_month(y, m));
        return last - (sr_ymd_weekday(sr_days_to_ymd(last)) - wd + 7) % 7;
    }
    int32_t first = day_of(y, m, 1);
    return first + (wd - sr_ymd_weekday(sr_days_to_ymd(first)) + 7) % 7 + 7 * (n - 1);
}

bool dh_span(int h, int year, dspan *o)
{
    if (h < 1 || (size_t)h > NHOL || year < 1583 || year > 9000)
        return false;
    const dh_holiday *x = &dh_table[h - 1];
    int32_t d;
    switch (x->rule) {
    case HR_FIXED:
        o->b = o->e = day_of(year, x->a, x->b);
        return true;
    case HR_NTH:
        o->b = o->e = nth_weekday(year, x->a, x->b, x->c) + x->off;
        return true;
    case HR_EASTER:
        o->b = o->e = easter(year) + x->a;
        return true;
    case HR_ORTHO:
        o->b = o->e = ortho_easter(year) + x->a;
        return true;
    case HR_EASTER_SPAN:
        o->b = easter(year) + x->a;
        o->e = easter(year) + x->b;
        return true;
    case HR_ORTHO_SPAN:
        o->b = ortho_easter(year) + x->a;
        o->e = ortho_easter(year) + x->b;
        return true;
    case HR_WEEKDAY_NEAR:
        d = day_of(year, x->a, x->b);
        switch (sr_ymd_weekday(sr_days_to_ymd(d))) {
        case 5:
            d--;
            break;
        case 6:
            d++;
            break;
        default:
            break;
        }
        o->b = o->e = d;
        return true;
    case HR_SUN_BACK:
        d = day_of(year, x->a, x->b);
        o->b = o->e = d - (sr_ymd_weekday(sr_days_to_ymd(d)) == 6);
        return true;
    default:
        return false;
    }
}

/* Whether token k is a word equal (ignoring case) to the n bytes at w. */
static bool tok_eq(const dctx *c, size_t k, const char *w, size_t n)
{
    const sr_token *t = dm_tok(c, k);
    return t && t->kind == SR_TOK_WORD && t->end - t->start == n &&
           !strncasecmp(c->d->clean + t->start, w, n);
}

static bool apostrophe(const dctx *c, size_t k)
{
    const sr_token *t = dm_tok(c, k);
    if (!t || (t->flags & SR_TF_SPACE))
        return false;
    const char *s = c->d->clean + t->start;
    size_t n = t->end - t->start;
    return (n == 1 && s[0] == '\'') || (n == 3 && !memcmp(s, "\xE2\x80\x99", 3));
}

/* A glued "'s" (or "’s") token. */
static bool possessive(const dctx *c, size_t k)
{
    const sr_token *t = dm_tok(c, k);
    if (!t || (t->flags & SR_TF_SPACE) || t->kind != SR_TOK_WORD)
        return false;
    const char *s = c->d->clean + t->start;
    size_t n = t->end - t->start;
    return (n == 2 && s[0] == '\'' && (s[1] | 0x20) == 's') ||
           (n == 4 && !memcmp(s, "\xE2\x80\x99", 3) && (s[3] | 0x20) == 's');
}

/* Matches one phrase word w (n bytes) at token k; returns the token after, or 0. */
static size_t word_at(const dctx *c, size_t k, const char *w, size_t n)
{
    if (n > 2 && w[n - 2] == '\'' && w[n - 1] == 's') {
        n -= 2; /* "year's": year, years, year's, years' */
        if (tok_eq(c, k, w, n))
            return k + 1 + possessive(c, k + 1); /* not "King' day" */
        const sr_token *t = dm_tok(c, k);
        if (t && t->kind == SR_TOK_WORD && t->end - t->start == n + 1 &&
            (c->d->clean[t->end - 1] | 0x20) == 's' && !strncasecmp(c->d->clean + t->start, w, n))
            return k + 1 + apostrophe(c, k + 1);
        return 0;
    }
    if (n > 1 && w[n - 1] == '.') {
        if (!tok_eq(c, k, w, n - 1))
            return 0;
        return k + 1 + dm_punct(c, k + 1, '.');
    }
    return tok_eq(c, k, w, n) ? k + 1 : 0;
}

/* Matches phrase p at token i; returns the token after it, or 0. */
static size_t phrase_at(const dctx *c, size_t i, const char *p)
{
    size_t k = i;
    while (*p) {
        bool opt = *p == '?';
        p += opt;
        size_t n = strcspn(p, " ");
        size_t r = word_at(c, k, p, n);
        if (r)
            k = r;
        else if (!opt)
            return 0;
        p += n;
        p += *p == ' ';
    }
    return k;
}

/* Whether what follows a noun-like holiday name (token k) leaves it a date: the end,
 * punctuation, a function word or a verb; not a noun it modifies ("Christmas tree",
 * "Easter Island"). */
static bool date_follows(const dctx *c, size_t k)
{
    static const char *const w[] = {"is", "was", "and", "or", "but", "when", "with", "we",
                                    "he", "she", "they", "it", "a", "the", "as", "while",
                                    "because", "so", "i", "you", "his", "her", "their",
                                    "its", "our", "my", NULL};
    const sr_token *t = dm_tok(c, k);
    if (!t || t->kind != SR_TOK_WORD)
        return true;
    if (sr_tok_is(c->d, t, "i"))
        return true;
    if (t->flags & SR_TF_UPPER)
        return false;
    if (dl_intro(c->d, t) || dl_tense(c->d, t))
        return true;
    for (int j = 0; w[j]; j++)
        if (sr_tok_is(c->d, t, w[j]))
            return true;
    return false;
}

/* Whether a country or people names the holiday before token i ("India's"). */
static bool national(const dctx *c, size_t i)
{
    if (!i)
        return false;
    if (possessive(c, i - 1))
        return true;
    const sr_token *p = &c->t[i - 1];
    if (p->kind != SR_TOK_WORD || !(p->flags & SR_TF_UPPER))
        return false;
    return !(sr_tok_is(c->d, p, "us") || sr_tok_is(c->d, p, "american") ||
             sr_tok_is(c->d, p, "on") || sr_tok_is(c->d, p, "since") ||
             sr_tok_is(c->d, p, "by") || sr_tok_is(c->d, p, "until") ||
             sr_tok_is(c->d, p, "before") || sr_tok_is(c->d, p, "after") ||
             sr_tok_is(c->d, p, "this") || sr_tok_is(c->d, p, "last") ||
             sr_tok_is(c->d, p, "next") || sr_tok_is(c->d, p, "the"));
}

/* The names whose key is token t's text (the first of them, or -1). A word that ends in
 * "s" is also looked up without it: "Valentines" may begin "valentine's day". */
static int key_of(const sr_doc *d, const sr_token *t, bool strip_s)
{
    if (!strip_s)
        return sr_wordlist_find(&keys, d, t);
    size_t n = t->end - t->start;
    if (n < 2 || (d->clean[t->end - 1] | 0x20) != 's')
        return -1;
    sr_token u = *t;
    u.end--;
    u.hash = sr_word_hash(d->clean + u.start, n - 1);
    return sr_wordlist_find(&keys, d, &u);
}

/* The longest holiday name at token i: its 1-based index, *end the token after. Only the
 * names indexed under the token's word are tried; among names of equal length the first
 * in the table wins (two keys never both fit one token: no key is another plus "s"). */
static int name_at(const dctx *c, size_t i, size_t *end)
{
    int best = 0;
    *end = 0;
    const sr_token *t = dm_tok(c, i);
    if (!t || t->kind != SR_TOK_WORD)
        return 0;
    for (int pass = 0; pass < 2; pass++) {
        int k = key_of(c->d, t, pass == 1);
        for (size_t h = (size_t)k; k >= 0 && h < NHOL && !strcmp(dh_table[h].key, dh_table[k].key);
             h++) {
            size_t e = phrase_at(c, i, dh_table[h].phrase);
            if (e > *end)
                *end = e, best = (int)h + 1;
        }
    }
    return best;
}

bool dm_holiday(const dctx *c, size_t i, dmatch *m)
{
    int dir = DD_NEWS, year = 0;
    size_t j = i + dm_det(c, i, &dir), k;
    int h = name_at(c, i == j ? i : j, &k);
    if (!h)
        return false;
    const dh_holiday *x = &dh_table[h - 1];
    memset(&m->s, 0, sizeof m->s);
    m->s.kind = DK_HOLIDAY;
    m->s.grain = SR_GRAIN_DAY;
    m->s.weekday = -1;
    m->s.holiday = (uint8_t)h;
    if (i && (dm_word(c, i - 1, "happy") || dm_word(c, i - 1, "merry")))
        return false; /* a greeting */
    size_t y = dm_year(c, k + dm_word(c, k, "of"), &year);
    if (y) {
        m->s.year = (int16_t)year;
        k = y;
    } else if (dm_word(c, k, "of") && dm_tok(c, k + 2) && dm_word(c, k + 2, "year") &&
               (dm_word(c, k + 1, "this") || dm_word(c, k + 1, "next") ||
                dm_word(c, k + 1, "last"))) {
        dir = DD_YEAR_OFF; /* "Black Friday of this year", "MLK day of last year" */
        m->s.offset = dm_word(c, k + 1, "next") ? 1 : dm_word(c, k + 1, "last") ? -1 : 0;
        k += 3;
    } else {
        if ((x->flags & HF_CAP) && !(c->t[j].flags & SR_TF_UPPER))
            return false;
        if ((x->flags & HF_NOUN) && k == j + 1 && !date_follows(c, k))
            return false;
        if ((x->flags & HF_NATION) && j == i && national(c, i))
            return false;
    }
    m->s.dir = (int8_t)dir;
    m->a = i;
    m->b = k;
    return true;
}
