/* date_lex.c: the words the date recogniser knows: months, weekdays, seasons, ordinal
 * and cardinal number words, calendar units and the tense cues that say whether a
 * clause looks back or forward. Every list is an sr_wordlist: a lookup is one hashed probe
 * per token, case-insensitive. */
#include "date_int.h"

/* Index of token t in a word list, or -1 (any token that is not a word: -1). */
static int lookup(const sr_doc *d, const sr_token *t, sr_wordlist *wl)
{
    return sr_wordlist_find(wl, d, t);
}

int dl_month(const sr_doc *d, const sr_token *t, bool *abbrev, bool *risky)
{
    static const char *const full[] = {"january", "february", "march", "april",
                                       "may", "june", "july", "august", "september",
                                       "october", "november", "december", NULL};
    static sr_wordlist full_w = SR_WORDLIST(full);
    static const char *const shortn[] = {"jan", "feb", "mar", "apr", "jun", "jul", "aug",
                                         "sep", "sept", "oct", "nov", "dec", NULL};
    static sr_wordlist shortn_w = SR_WORDLIST(shortn);
    static const int8_t shortm[] = {1, 2, 3, 4, 6, 7, 8, 9, 9, 10, 11, 12};
    int i = lookup(d, t, &full_w);
    if (i >= 0) {
        *abbrev = false;
        *risky = i == 2 || i == 4; /* "march", "may" are verbs in lower case */
        return i + 1;
    }
    i = lookup(d, t, &shortn_w);
    if (i < 0)
        return 0;
    *abbrev = true;
    *risky = shortm[i] == 3; /* "mar" is a verb */
    return shortm[i];
}

bool dl_month_name(int m)
{
    return m == 4 || m == 5 || m == 6 || m == 8;
}

int dl_weekday(const sr_doc *d, const sr_token *t, bool *abbrev)
{
    static const char *const full[] = {"monday", "tuesday", "wednesday", "thursday",
                                       "friday", "saturday", "sunday", NULL};
    static sr_wordlist full_w = SR_WORDLIST(full);
    static const char *const shortn[] = {"mon", "tue", "tues", "wed", "thu", "thur",
                                         "thurs", "fri", "sat", "sun", NULL};
    static sr_wordlist shortn_w = SR_WORDLIST(shortn);
    static const int8_t shortw[] = {0, 1, 1, 2, 3, 3, 3, 4, 5, 6};
    int i = lookup(d, t, &full_w);
    if (i >= 0) {
        *abbrev = false;
        return i;
    }
    i = lookup(d, t, &shortn_w);
    if (i < 0)
        return -1;
    *abbrev = true;
    return shortw[i];
}

int dl_season(const sr_doc *d, const sr_token *t)
{
    static const char *const w[] = {"spring", "summer", "autumn", "fall", "winter", NULL};
    static sr_wordlist w_list = SR_WORDLIST(w);
    static const int8_t s[] = {1, 2, 3, 3, 4};
    int i = lookup(d, t, &w_list);
    return i < 0 ? 0 : s[i];
}

int dl_ordinal_word(const sr_doc *d, const sr_token *t)
{
    static const char *const w[] = {
        "first",       "second",      "third",      "fourth",       "fifth",
        "sixth",       "seventh",     "eighth",     "ninth",        "tenth",
        "eleventh",    "twelfth",     "thirteenth", "fourteenth",   "fifteenth",
        "sixteenth",   "seventeenth", "eighteenth", "nineteenth",   "twentieth",
        "thirtieth",   NULL};
    static sr_wordlist w_list = SR_WORDLIST(w);
    int i = lookup(d, t, &w_list);
    return i < 0 ? 0 : i == 20 ? 30 : i + 1;
}

int dl_number_word(const sr_doc *d, const sr_token *t)
{
    static const char *const w[] = {
        "zero",    "one",     "two",       "three",    "four",    "five",    "six",
        "seven",   "eight",   "nine",      "ten",      "eleven",  "twelve",  "thirteen",
        "fourteen","fifteen", "sixteen",   "seventeen","eighteen","nineteen","twenty",
        NULL};
    static sr_wordlist w_list = SR_WORDLIST(w);
    static const char *const tens[] = {"thirty", "forty", "fifty", "sixty", "seventy",
                                       "eighty", "ninety", NULL};
    static sr_wordlist tens_w = SR_WORDLIST(tens);
    int i = lookup(d, t, &w_list);
    if (i >= 0)
        return i;
    i = lookup(d, t, &tens_w);
    if (i >= 0)
        return 30 + 10 * i;
    if (sr_tok_is(d, t, "a") || sr_tok_is(d, t, "an"))
        return 1;
    return -1;
}

long dl_num(const sr_doc *d, const sr_token *t, int *ndigits)
{
    if (t->kind != SR_TOK_NUM)
        return -1;
    size_t n = t->end - t->start;
    if (n > 9)
        return -1;
    long v = 0;
    for (size_t i = 0; i < n; i++) {
        char c = d->clean[t->start + i];
        if (c < '0' || c > '9')
            return -1;
        v = v * 10 + (c - '0');
    }
    *ndigits = (int)n;
    return v;
}

bool dl_ord_suffix(const sr_doc *d, const sr_token *t)
{
    return t->kind == SR_TOK_WORD && !(t->flags & SR_TF_SPACE) &&
           (sr_tok_is(d, t, "st") || sr_tok_is(d, t, "nd") || sr_tok_is(d, t, "rd") ||
            sr_tok_is(d, t, "th"));
}

int dl_unit(const sr_doc *d, const sr_token *t, bool *plural, bool *weekend)
{
    static const char *const w[] = {"day",      "days",     "week",     "weeks",
                                    "month",    "months",   "year",     "years",
                                    "quarter",  "quarters", "decade",   "decades",
                                    "weekend",  "weekends", "fortnight","fortnights",
                                    NULL};
    static sr_wordlist w_list = SR_WORDLIST(w);
    static const int8_t g[] = {SR_GRAIN_DAY,     SR_GRAIN_DAY,     SR_GRAIN_WEEK,
                               SR_GRAIN_WEEK,    SR_GRAIN_MONTH,   SR_GRAIN_MONTH,
                               SR_GRAIN_YEAR,    SR_GRAIN_YEAR,    SR_GRAIN_QUARTER,
                               SR_GRAIN_QUARTER, SR_GRAIN_DECADE,  SR_GRAIN_DECADE,
                               SR_GRAIN_WEEK,    SR_GRAIN_WEEK,    -1, -1};
    int i = lookup(d, t, &w_list);
    if (i < 0)
        return -1;
    *plural = i & 1;
    *weekend = i == 12 || i == 13;
    return g[i];
}

/* Irregular past-tense verbs common in news; regular ones end in -ed. */
static const char *const past_words[] = {
    "said",  "was",   "were",  "had",   "did",    "told",  "began",  "met",   "came",
    "went",  "took",  "made",  "held",  "left",   "saw",   "fell",   "struck","fought",
    "won",   "lost",  "gave",  "found", "became", "sent",  "led",    "spoke", "wrote",
    "broke", "flew",  "ran",   "shot",  "stood",  "ago",   "earlier","got",   "knew",
    "paid",  "sold",  "brought","thought","felt",  "kept",  "hit",    "put",   "quit",
    "rose",  "drove", "drew",  "threw", "chose",  "woke",  "wore",   "swore", "tore",
    "sought","caught","taught","bought","fled",   "bled",  "fed",    "sped",  "slid",
    NULL};
static sr_wordlist past_words_w = SR_WORDLIST(past_words);
/* Words that point to the future, or regular -ed forms that do ("expected to"). */
static const char *const future_words[] = {
    "will",     "shall",    "won't",     "would",   "upcoming", "scheduled", "expected",
    "planned",  "plans",    "plan",      "due",     "slated",   "forthcoming","next",
    "coming",   "tomorrow", "intends",   "aims",    "hopes",    "until",     "till",
    "later",    NULL};
static sr_wordlist future_words_w = SR_WORDLIST(future_words);

int dl_tense(const sr_doc *d, const sr_token *t)
{
    if (t->kind != SR_TOK_WORD)
        return 0;
    if (lookup(d, t, &future_words_w) >= 0)
        return 1;
    size_t n = t->end - t->start;
    const char *s = d->clean + t->start;
    /* "they'll", "we’ll" */
    if (n > 3 && ((s[n - 3] == '\'' && (s[n - 2] | 0x20) == 'l' && (s[n - 1] | 0x20) == 'l') ||
                  (n > 5 && (unsigned char)s[n - 5] == 0xE2 && (s[n - 2] | 0x20) == 'l' &&
                   (s[n - 1] | 0x20) == 'l')))
        return 1;
    if (lookup(d, t, &past_words_w) >= 0)
        return -1;
    if (n >= 5 && s[n - 2] == 'e' && s[n - 1] == 'd' && !(t->flags & SR_TF_UPPER))
        return -1;
    return 0;
}

bool dl_dash(const sr_doc *d, const sr_token *t)
{
    if (t->kind != SR_TOK_PUNCT)
        return false;
    size_t n = t->end - t->start;
    const unsigned char *s = (const unsigned char *)d->clean + t->start;
    if (n == 1)
        return s[0] == '-';
    return n == 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0x93 || s[2] == 0x94);
}

bool dl_intro(const sr_doc *d, const sr_token *t)
{
    static const char *const w[] = {
        "in",     "since",  "until",  "till",   "by",      "from",   "to",      "through",
        "during", "of",     "before", "after",  "between", "early",  "mid",     "late",
        "last",   "next",   "this",   "that",   "every",   "each",   "on",      "throughout",
        "around", "about",  "circa",  "as",     "for",     "and",    "or",      "into",
        "within", "past",   "coming", "previous","following","over", "at",      "thru",
        NULL};
    static sr_wordlist w_list = SR_WORDLIST(w);
    return lookup(d, t, &w_list) >= 0;
}

/* The words that can begin a date expression, or follow "the" in one, by DC_* bit
 * (date_int.h). Every word a matcher in date_match.c, date_rel.c, date_period.c tests at
 * its first token, or right after a first "the", must be in the list of the bit that
 * matcher's entry in date_match.c asks for; a word in several lists gets all their bits.
 * Holiday names' first words come from date_holiday.c's table, with and without a final
 * "s" ("Valentines" may begin "valentine's day"). */
static const char *const c_weekday[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon",
    "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", NULL};
static const char *const c_month[] = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", NULL};
static const char *const c_the[] = {"the", NULL};
static const char *const c_det[] = {"this", "last", "previous", "next", "coming", NULL};
static const char *const c_ord[] = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth", "thirtieth", NULL};
static const char *const c_tens[] = {"twenty", "thirty", NULL};
static const char *const c_season[] = {"spring", "summer", "autumn", "fall", "winter", NULL};
static const char *const c_quarter[] = {"q1", "q2", "q3", "q4", "final", NULL};
static const char *const c_dayword[] = {"yesterday", "today", "tomorrow", "tonight", NULL};
static const char *const c_count[] = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
    "eighty", "ninety", "a", "an", NULL};
static const char *const c_in[] = {"in", NULL};
static const char *const c_earlier[] = {"earlier", "later", NULL};
static const char *const c_window[] = {"past", "following", NULL};
static const char *const c_part[] = {"first", "second", "early", "mid", "late", "end",
                                     "beginning", "start", "middle", "close", "latter", NULL};
static const char *const c_from[] = {"from", "between", NULL};
static const char *const c_unit[] = {
    "day", "days", "week", "weeks", "month", "months", "year", "years", "quarter",
    "quarters", "decade", "decades", "weekend", "weekends", "fortnight", "fortnights", NULL};
static const char *const c_after_the[] = {
    "day", "year", "weekend", "current", "twenties", "thirties", "forties", "fifties",
    "sixties", "seventies", "eighties", "nineties", NULL};
static const sr_wordpart class_parts[] = {
    SR_WORDPART(c_weekday, DC_WEEKDAY),
    SR_WORDPART(c_month, DC_MONTH),
    SR_WORDPART(c_the, DC_THE),
    SR_WORDPART(c_det, DC_DET),
    SR_WORDPART(c_ord, DC_ORD),
    SR_WORDPART(c_tens, DC_TENS),
    SR_WORDPART(c_season, DC_SEASON),
    SR_WORDPART(c_quarter, DC_QUARTER),
    SR_WORDPART(c_dayword, DC_DAYWORD),
    SR_WORDPART(c_count, DC_COUNT),
    SR_WORDPART(c_in, DC_IN),
    SR_WORDPART(c_earlier, DC_EARLIER),
    SR_WORDPART(c_window, DC_WINDOW),
    SR_WORDPART(c_part, DC_PART),
    SR_WORDPART(c_from, DC_FROM),
    SR_WORDPART(c_unit, DC_UNIT),
    SR_WORDPART(c_after_the, DC_AFTER_THE),
    SR_WORDPART(dh_table, DC_HOLIDAY),
    SR_WORDPART(dh_table, DC_HOLIDAY | SR_WORDPART_S),
    {NULL, 0, 0},
};
static sr_wordclass classes = {class_parts, NULL};

/* One probe per word: the class index holds every list above. */
uint32_t dl_class(const sr_doc *d, const sr_token *t)
{
    if (t->kind == SR_TOK_NUM)
        return DC_NUM;
    if (t->kind == SR_TOK_PUNCT) {
        unsigned char ch = (unsigned char)d->clean[t->start];
        return ch == '\'' || ch == 0xE2 ? DC_APOS : 0;
    }
    return sr_wordclass_find(&classes, d, t);
}
