/* meta_date.c: publication days in the strings a page carries: machine dates in
 * attributes ("2024-11-05T10:00:00Z", "20241105"), human datelines ("5. November 2024",
 * "November 5, 2024", "05.11.2024", "5 de noviembre de 2024") and URL paths.
 *
 * Human dates are read from a short token list: digit runs (value and width), words
 * (with the month they name, if any, in about fifteen languages) and single punctuation
 * marks, each flagged when whitespace precedes it. A handful of token patterns cover the
 * day-month-year, month-day-year and numeric forms; the first match wins. */
#include <string.h>
#include <utf8proc.h>

#include "meta_int.h"

bool sr_meta_date_plausible(sr_ymd d)
{
    return d.year >= SR_META_MIN_YEAR && d.year <= SR_META_MAX_YEAR && sr_ymd_valid(d);
}

static bool make_day(int y, int m, int d, sr_ymd *out)
{
    if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31)
        return false;
    sr_ymd r = {(int16_t)y, (int8_t)m, (int8_t)d};
    if (!sr_meta_date_plausible(r))
        return false;
    *out = r;
    return true;
}

/* Value of n digits at s, or -1 if any is not a digit. */
static int digits(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

bool sr_meta_date_iso(const char *s, size_t n, sr_ymd *out)
{
    while (n && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
        s++, n--;
    if (n >= 10 && (s[4] == '-' || s[4] == '/' || s[4] == '.') && s[7] == s[4] &&
        (n == 10 || !(s[10] >= '0' && s[10] <= '9')))
        return make_day(digits(s, 4), digits(s + 5, 2), digits(s + 8, 2), out);
    if (n >= 8 && (n == 8 || !(s[8] >= '0' && s[8] <= '9')))
        return make_day(digits(s, 4), digits(s + 4, 2), digits(s + 6, 2), out);
    return false;
}

/* ---- month names ---- */

/* Lower-case month names and abbreviations (genitive forms where a language inflects
 * them in dates). English, German, French, Spanish, Italian, Portuguese, Dutch, the
 * Scandinavian languages, Polish, Czech, Slovak, Finnish, Turkish, Romanian, Hungarian,
 * Indonesian, Greek, Russian, Ukrainian and Arabic (the Egyptian and the Levantine names;
 * not the Levantine ones of two words, which name two months each). A name never stands for two
 * months. */
static const char *const month_names[12] = {
    "jan|january|januar|jänner|jän|janvier|janv|enero|ene|gennaio|gen|janeiro|januari|"
    "stycznia|styczeń|styczen|ledna|leden|tammikuuta|ocak|января|январь|січня|jänn|"
    "ianuarie|január|januára|ιανουαρίου|ιανουάριος|янв|січ|يناير",
    "feb|february|februar|feber|février|fevrier|févr|fevr|fév|febrero|febbraio|fevereiro|"
    "fev|februari|lutego|luty|února|unora|únor|helmikuuta|şubat|subat|февраля|февраль|лютого|"
    "februarie|február|febr|februára|φεβρουαρίου|φεβρουάριος|фев|лют|فبراير|شباط",
    "mar|march|märz|mär|maerz|mars|marzo|março|marco|maart|mrt|marca|marzec|března|brezna|"
    "maaliskuuta|mart|марта|март|березня|"
    "martie|március|márc|maret|μαρτίου|μάρτιος|مارس|آذار",
    "apr|april|avril|avr|abril|abr|aprile|kwietnia|kwiecień|dubna|duben|huhtikuuta|nisan|"
    "апреля|апрель|квітня|"
    "aprilie|április|ápr|apríla|απριλίου|απρίλιος|апр|квіт|أبريل|إبريل|ابريل|نيسان",
    "may|mai|mayo|maggio|mag|maio|mei|maj|maja|května|kvetna|toukokuuta|mayıs|mayis|мая|май|"
    "травня|"
    "május|máj|mája|μαΐου|μαίου|μάιος|مايو|أيار",
    "jun|june|juni|juin|junio|giugno|giu|junho|czerwca|czerwiec|června|cervna|kesäkuuta|"
    "haziran|июня|июнь|червня|"
    "iunie|június|jún|júna|ιουνίου|ιούνιος|июн|черв|يونيو|حزيران",
    "jul|july|juli|juillet|juil|julio|luglio|lug|julho|lipca|lipiec|července|cervence|"
    "heinäkuuta|temmuz|июля|июль|липня|"
    "iulie|július|júl|júla|ιουλίου|ιούλιος|июл|лип|يوليو|تموز",
    "aug|august|août|aout|agosto|ago|augustus|augusti|sierpnia|sierpień|srpna|elokuuta|"
    "ağustos|agustos|августа|август|серпня|"
    "augusztus|agustus|augusta|αυγούστου|αύγουστος|авг|серп|أغسطس|اغسطس|آب",
    "sep|sept|september|septembre|septiembre|setiembre|settembre|set|setembro|września|"
    "wrzesnia|září|zari|syyskuuta|eylül|eylul|сентября|сентябрь|вересня|"
    "septembrie|szeptember|szept|septembra|σεπτεμβρίου|σεπτέμβριος|сен|сент|вер|سبتمبر|أيلول",
    "oct|october|oktober|okt|octobre|octubre|ottobre|ott|outubro|out|października|"
    "pazdziernika|října|rijna|lokakuuta|ekim|октября|октябрь|жовтня|"
    "octombrie|október|októbra|οκτωβρίου|οκτώβριος|окт|жовт|أكتوبر|اكتوبر",
    "nov|november|novembre|noviembre|novembro|listopada|listopad|listopadu|marraskuuta|"
    "kasım|kasim|ноября|ноябрь|листопада|"
    "noiembrie|novembra|νοεμβρίου|νοέμβριος|ноя|нояб|лист|نوفمبر",
    "dec|december|dezember|dez|décembre|decembre|déc|dic|diciembre|dicembre|dezembro|"
    "grudnia|grudzień|prosince|joulukuuta|aralık|aralik|декабря|декабрь|грудня|"
    "decembrie|desember|desemberi|decembra|δεκεμβρίου|δεκέμβριος|дек|груд|ديسمبر",
};

/* The month (1-12) a lower-case word of n bytes names, 0 for none. */
static int month_of(const char *w, size_t n)
{
    if (n < 3 || n > 24)
        return 0;
    for (int m = 0; m < 12; m++)
        for (const char *p = month_names[m]; p; p = strchr(p, '|'), p = p ? p + 1 : NULL)
            if (!strncmp(p, w, n) && (p[n] == '|' || !p[n]))
                return m + 1;
    return 0;
}

/* ---- tokens ---- */

enum { T_NUM, T_WORD, T_PUNCT };
enum { W_OTHER, W_ORDINAL, W_OF, W_YEAR, W_MONTH };

typedef struct {
    unsigned char kind, space; /* space: whitespace precedes the token */
    unsigned char ndig, word;  /* digits of a number; W_* of a word */
    int val;                   /* a number's value; a word's month; a mark's byte */
    size_t start, end;         /* the token's bytes */
    char low[28];              /* a word, lower-cased (empty when longer) */
} tok;

enum { MAX_TOKS = 64 };

/* Classifies a lower-cased word: an ordinal suffix, a "de"-like joiner, the year and
 * month signs of Chinese, Japanese and Korean dates, or another word (possibly a month
 * name, looked up only when a pattern needs it: most words are next to no number). */
static void word_kind(tok *t, const char *w, size_t n)
{
    static const char *const ord[] = {"st", "nd", "rd", "th", "er", "e", "º", "ª", NULL};
    static const char *const of[] = {"de", "del", "of", "den", "im", NULL};
    t->word = W_OTHER;
    t->val = -2; /* not looked up */
    if (n < sizeof t->low) {
        memcpy(t->low, w, n);
        t->low[n] = 0;
    }
    for (int i = 0; ord[i]; i++)
        if (strlen(ord[i]) == n && !memcmp(w, ord[i], n))
            t->word = W_ORDINAL;
    for (int i = 0; of[i]; i++)
        if (strlen(of[i]) == n && !memcmp(w, of[i], n))
            t->word = W_OF;
    if ((n == 3 && (!memcmp(w, "年", 3) || !memcmp(w, "년", 3))))
        t->word = W_YEAR;
    else if (n == 3 && (!memcmp(w, "月", 3) || !memcmp(w, "월", 3)))
        t->word = W_MONTH, t->val = -1;
}

/* The month (1-12) a word token names, 0 for none. */
static int tok_month(tok *t)
{
    if (t->kind != T_WORD)
        return 0;
    if (t->val == -2)
        t->val = month_of(t->low, strlen(t->low));
    return t->val > 0 ? t->val : 0;
}

/* Reads the word starting at s[i] into t (lower-cased into a scratch buffer); returns the
 * index after it. CJK signs are words of one character, so "2024年11月5日" splits. */
static size_t read_word(const char *s, size_t n, size_t i, tok *t)
{
    char low[96];
    size_t ln = 0;
    while (i < n) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k =
            utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0)
            break;
        utf8proc_category_t cat = utf8proc_category(cp);
        bool letter = cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
        if (!letter || (ln && cp >= 0x3000 && cp < 0xD800))
            break;
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t e = utf8proc_encode_char(utf8proc_tolower(cp), enc);
        if (ln + (size_t)e < sizeof low)
            memcpy(low + ln, enc, (size_t)e);
        ln += (size_t)e;
        i += (size_t)k;
        if (cp >= 0x3000 && cp < 0xD800) /* one CJK character is one word */
            break;
    }
    word_kind(t, low, ln < sizeof low ? ln : sizeof low);
    return i;
}

/* Splits s[from..n) into at most MAX_TOKS tokens; returns their count. */
static int tokenize(const char *s, size_t n, size_t from, tok *t)
{
    int nt = 0;
    bool space = true;
    size_t i = from;
    while (i < n && nt < MAX_TOKS) {
        unsigned char c = (unsigned char)s[i];
        tok *k = &t[nt];
        memset(k, 0, sizeof *k);
        k->space = space;
        k->start = i;
        if (c >= '0' && c <= '9') {
            k->kind = T_NUM;
            while (i < n && s[i] >= '0' && s[i] <= '9') {
                if (k->ndig < 9)
                    k->val = k->val * 10 + (s[i] - '0');
                k->ndig++;
                i++;
            }
        } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            space = true, i++;
            continue;
        } else if (c < 0x80 && !((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) {
            k->kind = T_PUNCT, k->val = c, i++;
        } else {
            utf8proc_int32_t cp = 0;
            utf8proc_ssize_t len =
                utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
            utf8proc_category_t cat = len > 0 ? utf8proc_category(cp) : UTF8PROC_CATEGORY_CN;
            if (len <= 0) {
                i++;
                continue;
            }
            if (cat == UTF8PROC_CATEGORY_ZS) { /* no-break and other spaces */
                space = true, i += (size_t)len;
                continue;
            }
            if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) {
                k->kind = T_WORD;
                i = read_word(s, n, i, k);
            } else {
                k->kind = T_PUNCT, k->val = 0x80, i += (size_t)len;
            }
        }
        k->end = i;
        space = false;
        nt++;
    }
    return nt;
}

/* ---- patterns ---- */

static bool is_num(const tok *t, int lo_dig, int hi_dig)
{
    return t->kind == T_NUM && t->ndig >= lo_dig && t->ndig <= hi_dig;
}

static bool is_mark(const tok *t, int c)
{
    return t->kind == T_PUNCT && t->val == c;
}

/* "2024-11-05", "2024/11/05", "2024.11.05", "2024年11月5日". */
static int pat_ymd(const tok *t, int nt, int i, sr_ymd *out)
{
    if (i + 4 >= nt || !is_num(&t[i], 4, 4) || !is_num(&t[i + 2], 1, 2) || !is_num(&t[i + 4], 1, 2))
        return 0;
    const tok *a = &t[i + 1], *b = &t[i + 3];
    bool marks = a->kind == T_PUNCT && b->kind == T_PUNCT && a->val == b->val &&
                 (a->val == '-' || a->val == '/' || a->val == '.') && !a->space && !b->space &&
                 !t[i + 2].space && !t[i + 4].space;
    bool cjk = a->kind == T_WORD && a->word == W_YEAR && b->kind == T_WORD && b->word == W_MONTH;
    if (!marks && !cjk)
        return 0;
    if (i + 5 < nt && is_num(&t[i + 5], 1, 9) && !t[i + 5].space && !cjk)
        return 0; /* a longer numeric run: a version, a phone number */
    return make_day(t[i].val, t[i + 2].val, t[i + 4].val, out) ? 5 : 0;
}

/* "05.11.2024", "5/11/2024", "11/05/2024" (mdy), "05-11-2024", "05.11.24", and with
 * spaces after the dots as Czech and German write it, "5. 11. 2024". */
static int pat_dmy_num(const tok *t, int nt, int i, bool mdy, sr_ymd *out)
{
    if (i + 4 >= nt || !is_num(&t[i], 1, 2) || !is_num(&t[i + 2], 1, 2))
        return 0;
    const tok *a = &t[i + 1], *b = &t[i + 3];
    if (a->kind != T_PUNCT || b->kind != T_PUNCT || a->val != b->val || a->space || b->space)
        return 0;
    int c = a->val, y;
    bool spaced = c == '.' && t[i + 2].space && t[i + 4].space;
    if ((t[i + 2].space || t[i + 4].space) && !(spaced && is_num(&t[i + 4], 4, 4)))
        return 0;
    if (c != '.' && c != '/' && c != '-')
        return 0;
    if (is_num(&t[i + 4], 4, 4))
        y = t[i + 4].val;
    else if (c == '.' && is_num(&t[i + 4], 2, 2))
        y = t[i + 4].val + (t[i + 4].val >= 95 ? 1900 : 2000);
    else
        return 0;
    if (i + 5 < nt && !t[i + 5].space &&
        (is_num(&t[i + 5], 1, 9) ||
         (is_mark(&t[i + 5], c) && i + 6 < nt && !t[i + 6].space && t[i + 6].kind == T_NUM)))
        return 0; /* "1.2.2024.5" is a version; a sentence may end after the year */
    int d = t[i].val, m = t[i + 2].val;
    if (c == '/' && (mdy ? d <= 12 : m > 12)) /* the US order when allowed or forced */
        d = t[i + 2].val, m = t[i].val;
    return make_day(y, m, d, out) ? 5 : 0;
}

/* Skips an optional token at *j satisfying ok. */
#define SKIP_IF(cond)                                                                              \
    do {                                                                                           \
        if (*j < nt && (cond))                                                                     \
            (*j)++;                                                                                \
    } while (0)

/* After a day number at t[*j-1]: an ordinal suffix or a mark ("5.", "5th", "1er"). */
static void skip_day_suffix(const tok *t, int nt, int *j)
{
    SKIP_IF(t[*j].kind == T_WORD && t[*j].word == W_ORDINAL && !t[*j].space);
    SKIP_IF(is_mark(&t[*j], '.') || is_mark(&t[*j], '-') || is_mark(&t[*j], '/'));
}

/* "5 November 2024", "5. November 2024", "5th Nov. 2024", "5 de noviembre de 2024",
 * "05-Nov-2024". */
static int pat_d_month_y(tok *t, int nt, int i, sr_ymd *out)
{
    if (!is_num(&t[i], 1, 2))
        return 0;
    int j0 = i + 1, *j = &j0;
    skip_day_suffix(t, nt, j);
    SKIP_IF(t[*j].kind == T_WORD && t[*j].word == W_OF);
    int m = *j < nt ? tok_month(&t[*j]) : 0;
    if (!m)
        return 0;
    (*j)++;
    SKIP_IF(is_mark(&t[*j], '.') || is_mark(&t[*j], '-') || is_mark(&t[*j], '/'));
    SKIP_IF(tok_month(&t[*j]) == m); /* "24 نيسان / أبريل 2020": two calendars' names */
    SKIP_IF(t[*j].kind == T_WORD && t[*j].word == W_OF);
    SKIP_IF(is_mark(&t[*j], ','));
    if (*j >= nt || !is_num(&t[*j], 4, 4))
        return 0;
    return make_day(t[*j].val, m, t[i].val, out) ? *j + 1 - i : 0;
}

/* "November 5, 2024", "Nov. 5th 2024", "Nov 05 2024". */
static int pat_month_d_y(tok *t, int nt, int i, sr_ymd *out)
{
    if (t[i].kind != T_WORD)
        return 0;
    int j0 = i + 1, *j = &j0;
    SKIP_IF(is_mark(&t[*j], '.'));
    if (*j >= nt || !is_num(&t[*j], 1, 2) || !tok_month(&t[i]))
        return 0;
    int d = t[(*j)++].val;
    SKIP_IF(t[*j].kind == T_WORD && t[*j].word == W_ORDINAL && !t[*j].space);
    SKIP_IF(is_mark(&t[*j], ','));
    if (*j >= nt || !is_num(&t[*j], 4, 4))
        return 0;
    return make_day(t[*j].val, tok_month(&t[i]), d, out) ? *j + 1 - i : 0;
}

/* "2024. november 5." (Hungarian), "2024. nov. 5.": the year with its dot first. */
static int pat_y_month_d(tok *t, int nt, int i, sr_ymd *out)
{
    if (i + 3 >= nt || !is_num(&t[i], 4, 4) || !is_mark(&t[i + 1], '.') || t[i + 1].space)
        return 0;
    int j0 = i + 2, *j = &j0;
    int m = tok_month(&t[*j]);
    if (!m)
        return 0;
    (*j)++;
    SKIP_IF(is_mark(&t[*j], '.'));
    if (*j >= nt || !is_num(&t[*j], 1, 2))
        return 0;
    if (*j + 1 < nt && !t[*j + 1].space && (t[*j + 1].kind == T_NUM || is_mark(&t[*j + 1], ':')))
        return 0; /* "2024. nov. 5:30" is a time */
    return make_day(t[i].val, m, t[*j].val, out) ? *j + 1 - i : 0;
}

bool sr_meta_date_find(const char *s, size_t n, bool mdy, sr_ymd *out, size_t *start, size_t *end)
{
    tok t[MAX_TOKS];
    size_t from = 0;
    while (from < n) {
        int nt = tokenize(s, n, from, t);
        if (!nt)
            return false;
        /* a window ending mid-text may cut a date: stop early and re-read its tail */
        int last = t[nt - 1].end < n && nt > 8 ? nt - 8 : nt;
        for (int i = 0; i < last; i++) {
            int k = pat_ymd(t, nt, i, out);
            if (!k)
                k = pat_dmy_num(t, nt, i, mdy, out);
            if (!k)
                k = pat_d_month_y(t, nt, i, out);
            if (!k)
                k = pat_month_d_y(t, nt, i, out);
            if (!k)
                k = pat_y_month_d(t, nt, i, out);
            if (k) {
                if (start)
                    *start = t[i].start;
                if (end)
                    *end = t[i + k - 1].end;
                return true;
            }
        }
        if (last == nt)
            return false;
        from = t[last - 1].end;
    }
    return false;
}

bool sr_meta_date_value(const char *s, size_t n, bool mdy, sr_ymd *out)
{
    return sr_meta_date_iso(s, n, out) || sr_meta_date_find(s, n, mdy, out, NULL, NULL);
}

/* ---- URLs ---- */

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* A date at p (within the path [lo, hi)): YYYY<sep>MM<sep>DD with one of / - _ . as
 * separator, or YYYYMMDD, bounded by non-digits. */
static bool url_date_at(const char *p, const char *lo, const char *hi, sr_ymd *out)
{
    if (p > lo && is_digit(p[-1]))
        return false;
    size_t left = (size_t)(hi - p);
    if (left >= 8 && (left == 8 || !is_digit(p[8])) && digits(p, 8) >= 0)
        return make_day(digits(p, 4), digits(p + 4, 2), digits(p + 6, 2), out);
    char sep = left > 4 ? p[4] : 0;
    if (!sep || !strchr("/-_.", sep))
        return false;
    /* YYYY<sep>M[M]<sep>D[D], then a non-digit or the end */
    size_t i = 5, m0 = i;
    while (i < left && i < m0 + 2 && is_digit(p[i]))
        i++;
    size_t mlen = i - m0;
    if (!mlen || i >= left || p[i] != sep)
        return false;
    size_t d0 = ++i;
    while (i < left && i < d0 + 2 && is_digit(p[i]))
        i++;
    size_t dlen = i - d0;
    if (!dlen || (i < left && is_digit(p[i])))
        return false;
    /* "/2023/10/3-questions" is a month's folder and a title: a short form must end a
     * path segment */
    if ((mlen < 2 || dlen < 2) && i < left && !strchr("/?#", p[i]))
        return false;
    return make_day(digits(p, 4), digits(p + m0, mlen), digits(p + d0, dlen), out);
}

bool sr_meta_date_url(const char *url, sr_ymd *out)
{
    if (!url)
        return false;
    const char *p = strstr(url, "://");
    p = p ? p + 3 : url;
    p += strcspn(p, "/?#"); /* the host never holds the date */
    const char *hi = p + strcspn(p, "#");
    for (const char *q = p; q + 8 <= hi; q++)
        if ((q[0] == '1' && q[1] == '9') || (q[0] == '2' && q[1] == '0'))
            if (url_date_at(q, p, hi, out))
                return true;
    return false;
}
