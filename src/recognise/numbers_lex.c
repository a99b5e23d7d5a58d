/* numbers_lex.c: the closed word lists of the number and quantity recogniser.
 *
 * Each table is small, static and commented; lookups compare a token's text with the
 * lower-case ASCII entries ignoring case (sr_tok_is). Nouns are never listed: a
 * counted noun phrase is found by what it is not (see sr_lex_closed). */
#include <stdlib.h>

#include "numbers_int.h"

/* Cardinal words; compounds ("twenty-five") are built from these by numbers.c. */
static const sr_lexnum cardinals[] = {
    {"zero", 0},     {"nought", 0},    {"naught", 0},    {"one", 1},       {"two", 2},
    {"three", 3},    {"four", 4},      {"five", 5},      {"six", 6},       {"seven", 7},
    {"eight", 8},    {"nine", 9},      {"ten", 10},      {"eleven", 11},   {"twelve", 12},
    {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16},  {"seventeen", 17},
    {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},  {"thirty", 30},   {"forty", 40},
    {"fifty", 50},   {"sixty", 60},    {"seventy", 70},  {"eighty", 80},   {"ninety", 90},
    {NULL, 0},
};
static sr_wordlist cardinals_w = SR_WORDLIST(cardinals);

/* Scale words written apart from the number: "1.3 million", "two hundred", "$5 bn".
 * Singular and the plural some writers use after a number ("3 billions"). */
static const sr_lexnum scales[] = {
    {"hundred", 1e2},  {"thousand", 1e3}, {"million", 1e6},  {"billion", 1e9},
    {"trillion", 1e12}, {"lakh", 1e5},    {"lakhs", 1e5},    {"crore", 1e7},
    {"crores", 1e7},   {"bn", 1e9},       {"mn", 1e6},       {"mln", 1e6},
    {"bln", 1e9},      {"tn", 1e12},      {"trn", 1e12},     {"millions", 1e6},
    {"billions", 1e9}, {"thousands", 1e3}, {NULL, 0},
};
static sr_wordlist scales_w = SR_WORDLIST(scales);

/* Scale suffixes glued to digits, as in headlines and money: "£600m", "$1.13bn",
 * "10k". "m" is also the metre; numbers.c decides from context. */
static const sr_lexnum glued_scales[] = {
    {"k", 1e3},  {"m", 1e6},   {"bn", 1e9},  {"b", 1e9},   {"mn", 1e6},
    {"mln", 1e6}, {"bln", 1e9}, {"tn", 1e12}, {"trn", 1e12}, {"mil", 1e6},
    {NULL, 0},
};
static sr_wordlist glued_scales_w = SR_WORDLIST(glued_scales);

/* Plural scale words used as vague amounts: "thousands of", "dozens of", "tens of
 * thousands". The value is the order of magnitude the word names. */
static const sr_lexnum vague_scales[] = {
    {"tens", 10},       {"dozens", 12},    {"scores", 20},      {"hundreds", 1e2},
    {"thousands", 1e3}, {"millions", 1e6}, {"billions", 1e9},   {"trillions", 1e12},
    {NULL, 0},
};
static sr_wordlist vague_scales_w = SR_WORDLIST(vague_scales);

/* Denominators of spelled fractions: "two thirds", "a quarter", "three-fifths". */
static const sr_lexnum denominators[] = {
    {"half", 2},       {"halves", 2},      {"third", 3},      {"thirds", 3},
    {"quarter", 4},    {"quarters", 4},    {"fourth", 4},     {"fourths", 4},
    {"fifth", 5},      {"fifths", 5},      {"sixth", 6},      {"sixths", 6},
    {"seventh", 7},    {"sevenths", 7},    {"eighth", 8},     {"eighths", 8},
    {"ninth", 9},      {"ninths", 9},      {"tenth", 10},     {"tenths", 10},
    {"hundredth", 100}, {"hundredths", 100}, {NULL, 0},
};
static sr_wordlist denominators_w = SR_WORDLIST(denominators);

static double lookup(const sr_nctx *c, size_t i, sr_wordlist *wl)
{
    if (!sr_n_in(c, i))
        return -1;
    int k = sr_wordlist_find(wl, c->d, &c->d->tokens[i]);
    return k < 0 ? -1 : ((const sr_lexnum *)wl->table)[k].v;
}

double sr_lex_cardinal(const sr_nctx *c, size_t i)
{
    return lookup(c, i, &cardinals_w);
}

double sr_lex_scale(const sr_nctx *c, size_t i)
{
    double v = lookup(c, i, &scales_w);
    return v < 0 ? 0 : v;
}

double sr_lex_glued_scale(const sr_nctx *c, size_t i)
{
    double v = lookup(c, i, &glued_scales_w);
    return v < 0 ? 0 : v;
}

double sr_lex_denominator(const sr_nctx *c, size_t i)
{
    double v = lookup(c, i, &denominators_w);
    return v < 0 ? 0 : v;
}

double sr_lex_vague_scale(const sr_nctx *c, size_t i)
{
    double v = lookup(c, i, &vague_scales_w);
    return v < 0 ? 0 : v;
}

/* Matches the words of a NULL-terminated phrase at token i, whose first word the caller
 * has matched; returns its length or 0. */
static size_t phrase_at(const sr_nctx *c, size_t i, const char *const *words)
{
    size_t k = 1;
    for (; words[k]; k++)
        if (!sr_n_word(c, i + k, words[k]))
            return 0;
    return k;
}

/* Hedges before an amount. Phrases with the same first word are adjacent, longest first
 * ("less than or equal" before "less than"), so the first that matches is the longest. */
static const struct {
    const char *w[5]; /* NULL-terminated */
    sr_hedge h;
} hedges[] = {
    {{"less", "than", "or", "equal"}, SR_HEDGE_AT_MOST},
    {{"less", "than"}, SR_HEDGE_LESS_THAN},
    {{"fewer", "than", "or", "equal"}, SR_HEDGE_AT_MOST},
    {{"fewer", "than"}, SR_HEDGE_LESS_THAN},
    {{"more", "than", "or", "equal"}, SR_HEDGE_AT_LEAST},
    {{"more", "than"}, SR_HEDGE_MORE_THAN},
    {{"greater", "than", "or", "equal"}, SR_HEDGE_AT_LEAST},
    {{"greater", "than"}, SR_HEDGE_MORE_THAN},
    {{"equal", "to", "or", "less"}, SR_HEDGE_AT_MOST},
    {{"equal", "to", "or", "fewer"}, SR_HEDGE_AT_MOST},
    {{"equal", "to", "or", "more"}, SR_HEDGE_AT_LEAST},
    {{"equal", "to", "or", "greater"}, SR_HEDGE_AT_LEAST},
    {{"in", "excess", "of"}, SR_HEDGE_MORE_THAN},
    {{"no", "fewer", "than"}, SR_HEDGE_AT_LEAST},
    {{"no", "less", "than"}, SR_HEDGE_AT_LEAST},
    {{"no", "more", "than"}, SR_HEDGE_AT_MOST},
    {{"not", "less", "than"}, SR_HEDGE_AT_LEAST},
    {{"not", "more", "than"}, SR_HEDGE_AT_MOST},
    {{"a", "minimum", "of"}, SR_HEDGE_AT_LEAST},
    {{"a", "maximum", "of"}, SR_HEDGE_AT_MOST},
    {{"as", "many", "as"}, SR_HEDGE_AT_MOST},
    {{"as", "much", "as"}, SR_HEDGE_AT_MOST},
    {{"as", "few", "as"}, SR_HEDGE_AT_MOST},
    {{"upwards", "of"}, SR_HEDGE_MORE_THAN},
    {{"well", "over"}, SR_HEDGE_MORE_THAN},
    {{"just", "over"}, SR_HEDGE_MORE_THAN},
    {{"just", "under"}, SR_HEDGE_LESS_THAN},
    {{"higher", "than"}, SR_HEDGE_MORE_THAN},
    {{"lower", "than"}, SR_HEDGE_LESS_THAN},
    {{"at", "least"}, SR_HEDGE_AT_LEAST},
    {{"at", "most"}, SR_HEDGE_AT_MOST},
    {{"up", "to"}, SR_HEDGE_AT_MOST},
    {{"close", "to"}, SR_HEDGE_ABOUT},
    {{"an", "estimated"}, SR_HEDGE_ABOUT},
    {{"exactly"}, SR_HEDGE_EXACT},
    {{"precisely"}, SR_HEDGE_EXACT},
    {{"some"}, SR_HEDGE_ABOUT},
    {{"about"}, SR_HEDGE_ABOUT},
    {{"around"}, SR_HEDGE_ABOUT},
    {{"roughly"}, SR_HEDGE_ABOUT},
    {{"approximately"}, SR_HEDGE_ABOUT},
    {{"approx"}, SR_HEDGE_ABOUT},
    {{"circa"}, SR_HEDGE_ABOUT},
    {{"estimated"}, SR_HEDGE_ABOUT},
    {{"almost"}, SR_HEDGE_ABOUT},
    {{"nearly"}, SR_HEDGE_ABOUT},
    {{"over"}, SR_HEDGE_MORE_THAN},
    {{"above"}, SR_HEDGE_MORE_THAN},
    {{"exceeding"}, SR_HEDGE_MORE_THAN},
    {{"under"}, SR_HEDGE_LESS_THAN},
    {{"below"}, SR_HEDGE_LESS_THAN},
    {{NULL}, SR_HEDGE_EXACT},
};

/* The table indexed by each phrase's first word: a token that starts no hedge (nearly
 * all of them) is turned away with one lookup, and one that does tries only the phrases
 * beginning with it. */
static sr_wordlist hedge_first = SR_WORDLIST(hedges);

/* Comparison signs: "> 30", ">= 30", "≤ 30". */
static const struct {
    const char *sym;
    sr_hedge h, h_eq; /* alone, and followed by "=" */
} signs[] = {
    {"~", SR_HEDGE_ABOUT, SR_HEDGE_ABOUT},
    {">", SR_HEDGE_MORE_THAN, SR_HEDGE_AT_LEAST},
    {"<", SR_HEDGE_LESS_THAN, SR_HEDGE_AT_MOST},
    {"\xE2\x89\xA5", SR_HEDGE_AT_LEAST, SR_HEDGE_AT_LEAST},
    {"\xE2\x89\xA4", SR_HEDGE_AT_MOST, SR_HEDGE_AT_MOST},
};

/* Whether hedge phrases a and b begin with the same word. */
static bool same_first(size_t a, size_t b)
{
    const char *x = hedges[a].w[0], *y = hedges[b].w[0];
    return x == y || (x[0] == y[0] && !strcmp(x, y));
}

/* A comparison sign at i (a punctuation or symbol token): tokens taken, or 0. */
static size_t sign_at(const sr_nctx *c, size_t i, sr_hedge *h)
{
    for (size_t k = 0; k < sizeof signs / sizeof signs[0]; k++)
        if (sr_n_punct(c, i, signs[k].sym)) {
            bool eq = sr_n_punct(c, i + 1, "=");
            *h = eq ? signs[k].h_eq : signs[k].h;
            return eq ? 2 : 1;
        }
    return 0;
}

size_t sr_lex_hedge(const sr_nctx *c, size_t i, sr_hedge *h)
{
    if (!sr_n_in(c, i))
        return 0;
    if (c->d->tokens[i].kind == SR_TOK_NUM)
        return 0;
    if (c->d->tokens[i].kind != SR_TOK_WORD)
        return sign_at(c, i, h);
    int k0 = sr_wordlist_find(&hedge_first, c->d, &c->d->tokens[i]);
    for (size_t k = (size_t)k0; k0 >= 0 && hedges[k].w[0] && same_first(k, (size_t)k0); k++) {
        size_t n = phrase_at(c, i, hedges[k].w);
        if (n) {
            *h = hedges[k].h;
            /* "less than or equal to": the "to" belongs to the hedge */
            if (sr_n_word(c, i + n - 1, "equal") && sr_n_word(c, i + n, "to"))
                n++;
            else if (sr_n_word(c, i + n - 1, "less") || sr_n_word(c, i + n - 1, "more") ||
                     sr_n_word(c, i + n - 1, "greater") || sr_n_word(c, i + n - 1, "fewer"))
                n += sr_n_word(c, i + n, "than") ? 1 : 0;
            return n;
        }
    }
    return 0;
}

/* Currency symbols (UTF-8) and their ISO 4217 codes. "$" alone is read as the US
 * dollar, the usual meaning in English-language news. */
static const struct {
    const char *sym, *code;
} symbols[] = {
    {"$", "USD"},           {"\xC2\xA3", "GBP"},     {"\xE2\x82\xAC", "EUR"},
    {"\xC2\xA5", "JPY"},    {"\xE2\x82\xA9", "KRW"}, {"\xE2\x82\xBD", "RUB"},
    {"\xE2\x82\xB4", "UAH"}, {"\xE2\x82\xB9", "INR"}, {"\xE2\x82\xAA", "ILS"},
    {"\xE2\x82\xBA", "TRY"}, {"\xE2\x82\xA6", "NGN"},
};

/* Letters before "$" that name the dollar: "US$", "C$", "HK$". One-letter prefixes
 * and "us" (a pronoun: "give us $5") count only glued or in capitals. */
static const struct {
    const char *w, *code;
} dollar_prefix[] = {
    {"us", "USD"}, {"c", "CAD"},  {"ca", "CAD"}, {"a", "AUD"},  {"au", "AUD"},
    {"hk", "HKD"}, {"nz", "NZD"}, {"s", "SGD"},  {"mex", "MXN"}, {"r", "BRL"},
    {NULL, NULL},
};

/* ISO 4217 codes common in news, written before or after an amount ("USD 5m"). */
static const char *const iso_codes[] = {
    "usd", "eur", "gbp", "jpy", "cny", "rmb", "krw", "kpw", "rub", "uah", "inr", "chf",
    "cad", "aud", "hkd", "nzd", "sgd", "sek", "nok", "dkk", "pln", "try", "ils", "irr",
    "sar", "aed", "qar", "kwd", "egp", "zar", "ngn", "brl", "mxn", "byn", "lbp", "bgn",
    "myr", "mnt", "twd", "thb", "vnd", "idr", "php", "pkr", "bdt", "kzt", "gel", "huf",
    "czk", "ron", "jod", "omr", "bhd", "syp", "iqd", "afn", "etb", "kes", NULL,
};

/* Currency nouns after an amount, with the code they name. "pound" is sterling unless
 * "of" follows (a weight; quantities.c checks). Codes left "" are ambiguous. */
static const struct {
    const char *w, *code;
} currency_words[] = {
    {"dollar", "USD"},  {"dollars", "USD"},  {"bucks", "USD"},    {"euro", "EUR"},
    {"euros", "EUR"},   {"pound", "GBP"},    {"pounds", "GBP"},   {"sterling", "GBP"},
    {"yen", "JPY"},     {"yuan", "CNY"},     {"renminbi", "CNY"}, {"won", "KRW"},
    {"rouble", "RUB"},  {"roubles", "RUB"},  {"ruble", "RUB"},    {"rubles", "RUB"},
    {"hryvnia", "UAH"}, {"hryvnias", "UAH"}, {"hryvnas", "UAH"},  {"rupee", "INR"},
    {"rupees", "INR"},  {"shekel", "ILS"},   {"shekels", "ILS"},  {"lira", "TRY"},
    {"rand", "ZAR"},    {"naira", "NGN"},    {"ringgit", "MYR"},  {"rial", "IRR"},
    {"rials", "IRR"},   {"riyal", "SAR"},    {"riyals", "SAR"},   {"francs", "CHF"},
    {"franc", "CHF"},   {"pesos", ""},       {"peso", ""},        {"dinars", ""},
    {"dinar", ""},      {"cents", ""},       {"cent", ""},        {"pence", "GBP"},
    {"penny", "GBP"},   {"pennies", ""},     {"rupiah", "IDR"},   {"rupiahs", "IDR"},
    {"baht", "THB"},    {"dong", "VND"},     {"zloty", "PLN"},    {"zlotys", "PLN"},
    {"zlotych", "PLN"}, {"forints", "HUF"},  {"forint", "HUF"},   {"lei", "RON"},
    {"dirhams", "AED"}, {"dirham", "AED"},   {"taka", "BDT"},     {"tenge", "KZT"},
    {"lari", "GEL"},    {"kroner", ""},      {"krone", ""},       {"kronor", "SEK"},
    {"krona", "SEK"},   {"reais", "BRL"},    {"shillings", ""},   {"cedis", "GHS"},
    {"birr", "ETB"},    {"afghanis", "AFN"}, {"tugriks", "MNT"},  {"tugrik", "MNT"},
    {"pesetas", "ESP"}, {"peseta", "ESP"},   {"guilders", "NLG"}, {"markka", "FIM"},
    {"drachmas", "GRD"}, {"lire", "ITL"},    {"escudos", "PTE"},  {NULL, NULL},
};
static sr_wordlist currency_words_w = SR_WORDLIST(currency_words);

/* Nationality words that pick the currency of a following "dollars", "pounds", ... */
static const struct {
    const char *w, *code;
} currency_nation[] = {
    {"us", "USD"},        {"u.s.", "USD"},      {"american", "USD"},  {"canadian", "CAD"},
    {"australian", "AUD"}, {"singapore", "SGD"}, {"taiwan", "TWD"},    {"swiss", "CHF"},
    {"british", "GBP"},   {"egyptian", "EGP"},  {"lebanese", "LBP"},  {"mexican", "MXN"},
    {"chinese", "CNY"},   {"japanese", "JPY"},  {"russian", "RUB"},   {"ukrainian", "UAH"},
    {"indian", "INR"},    {"saudi", "SAR"},     {"iranian", "IRR"},   {"israeli", "ILS"},
    {"south", ""},        {"north", ""},        {"hong", "HKD"},      {"new", "NZD"},
    {"kuwaiti", "KWD"},   {"qatari", "QAR"},    {"jordanian", "JOD"}, {"malaysian", "MYR"},
    {"syrian", "SYP"},    {"iraqi", "IQD"},     {"turkish", "TRY"},   {"hongkong", "HKD"},
    {"danish", "DKK"},    {"norwegian", "NOK"}, {"swedish", "SEK"},   {"dutch", ""},
    {"finnish", ""},      {"spanish", ""},      {"cfa", "-"},         {"kenyan", "KES"},
    {"ugandan", "UGX"},   {"tanzanian", "TZS"}, {"nigerian", "NGN"},  {"pakistani", "PKR"},
    {"argentine", "ARS"}, {"chilean", "CLP"},   {"colombian", "COP"}, {"philippine", "PHP"},
    {"brazilian", "BRL"}, {"indonesian", "IDR"}, {"zimbabwean", "ZWL"}, {"libyan", "LYD"},
    {"tunisian", "TND"},  {"algerian", "DZD"},  {"moroccan", "MAD"},  {"sudanese", "SDG"},
    {NULL, NULL},
};
static sr_wordlist currency_nation_w = SR_WORDLIST(currency_nation);

static void set_code(char code[4], const char *s)
{
    size_t k = 0;
    for (; s[k] && k < 3; k++)
        code[k] = (char)(s[k] >= 'a' && s[k] <= 'z' ? s[k] - 32 : s[k]);
    code[k] = 0;
}

static sr_wordlist iso_codes_w = SR_WORDLIST(iso_codes);

static bool iso_code_at(const sr_nctx *c, size_t i, char code[4])
{
    if (!sr_n_in(c, i))
        return false;
    const sr_token *t = &c->d->tokens[i];
    if (t->kind != SR_TOK_WORD || !(t->flags & SR_TF_UPPER))
        return false;
    int k = sr_wordlist_find(&iso_codes_w, c->d, t);
    if (k < 0)
        return false;
    set_code(code, !strcmp(iso_codes[k], "rmb") ? "cny" : iso_codes[k]);
    return true;
}

static bool symbol_at(const sr_nctx *c, size_t i, char code[4])
{
    if (!sr_n_in(c, i) || c->d->tokens[i].kind != SR_TOK_SYMBOL)
        return false;
    for (size_t k = 0; k < sizeof symbols / sizeof symbols[0]; k++)
        if (sr_n_punct(c, i, symbols[k].sym)) {
            set_code(code, symbols[k].code);
            return true;
        }
    return false;
}

size_t sr_lex_currency_before(const sr_nctx *c, size_t i, char code[4])
{
    code[0] = 0;
    if (sr_n_in(c, i) && c->d->tokens[i].kind == SR_TOK_NUM)
        return 0; /* every currency before an amount is a symbol or a word */
    if (symbol_at(c, i, code))
        return 1;
    if (sr_n_in(c, i + 1) && sr_n_punct(c, i + 1, "$")) {
        for (size_t k = 0; dollar_prefix[k].w; k++)
            if (sr_n_word(c, i, dollar_prefix[k].w) &&
                (sr_n_glued(c, i + 1) || (c->d->tokens[i].flags & SR_TF_UPPER) || k == 1 ||
                 (strlen(dollar_prefix[k].w) > 1 && k != 0) ||
                 (k == 0 && !sr_n_glued(c, i + 2)))) {
            /* lower-case "us $ 150" in a lower-cased wire: the pronoun before an amount
             * ("give us $5") is written with the sign glued to the digits */
                set_code(code, dollar_prefix[k].code);
                return 2;
            }
    }
    if (iso_code_at(c, i, code))
        return 1;
    /* "Rs 20", "Rs. 20": Indian rupees */
    if (sr_n_word(c, i, "rs")) {
        set_code(code, "INR");
        return sr_n_punct(c, i + 1, ".") ? 2 : 1;
    }
    return 0;
}

size_t sr_lex_currency_after(const sr_nctx *c, size_t i, char code[4])
{
    code[0] = 0;
    if (iso_code_at(c, i, code))
        return 1;
    /* "20€", "10 $": a symbol after the amount, unless it begins the next amount */
    if (symbol_at(c, i, code) && !(sr_n_in(c, i + 1) && c->d->tokens[i + 1].kind == SR_TOK_NUM))
        return 1;
    size_t n = 0;
    const char *nation = NULL;
    int k = sr_n_find(c, i, &currency_nation_w);
    if (k >= 0) {
        nation = currency_nation[k].code;
        n = 1;
        /* two-word nations: "Hong Kong", "New Zealand", "South African" */
        if (sr_n_in(c, i + 2) && c->d->tokens[i + 1].kind == SR_TOK_WORD &&
            (sr_n_word(c, i, "hong") || sr_n_word(c, i, "new") || sr_n_word(c, i, "south") ||
             sr_n_word(c, i, "north")))
            n = 2;
    }
    k = sr_n_find(c, i + n, &currency_words_w);
    if (k < 0)
        return 0;
    /* a nation that names no single code ("CFA francs": XOF or XAF) leaves it unknown */
    set_code(code, nation && *nation ? (*nation == '-' ? "" : nation) : currency_words[k].code);
    if (n == 2 && sr_n_word(c, i, "south") && sr_n_word(c, i + n, "won"))
        set_code(code, "KRW");
    else if (n == 2 && sr_n_word(c, i, "north") && sr_n_word(c, i + n, "won"))
        set_code(code, "KPW");
    else if (n == 2 && sr_n_word(c, i, "south"))
        set_code(code, "ZAR");
    return n + 1;
}

/* Units of measure after a number, singular and plural, and abbreviations. Time spans
 * are measures too ("three years", "48 hours"). */
static const char *const units[] = {
    "km", "kms", "kilometre", "kilometres", "kilometer", "kilometers", "mile", "miles",
    "metre", "metres", "meter", "meters", "m", "cm", "mm", "centimetre", "centimetres",
    "centimeters", "millimetre", "millimetres", "feet", "foot", "ft", "inch", "inches",
    "yard", "yards", "kg", "kgs", "kilo", "kilos", "kilogram", "kilograms", "kilogramme",
    "gram", "grams", "g", "mg", "tonne", "tonnes", "ton", "tons", "lb", "lbs", "ounce",
    "ounces", "oz", "litre", "litres", "liter", "liters", "gallon", "gallons", "barrel",
    "barrels", "hectare", "hectares", "ha", "acre", "acres", "km2", "sq", "mw", "gw",
    "kw", "kwh", "mwh", "gwh", "ml", "millilitre", "millilitres", "milliliters", "gb", "mb",
    "kb", "tb", "bit", "bits", "nm", "nanometres", "nanometers", "ev", "tev", "gev", "megawatt", "megawatts", "gigawatt", "gigawatts",
    "degree", "degrees", "mph", "knots", "kph", "kmh", "cup", "cups", "tablespoon",
    "tablespoons", "teaspoon", "teaspoons", "microgram", "micrograms", "milligram",
    "milligrams", "calorie", "calories", "volt", "volts", "watt", "watts", "second", "seconds", "minute", "minutes",
    "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years",
    "decade", "decades", "century", "centuries", NULL,
};
static sr_wordlist units_w = SR_WORDLIST(units);

/* Words that combine with a following unit: "square kilometres", "cubic metres". */
static const char *const unit_modifiers[] = {"square", "cubic", "metric", "nautical", NULL};
static sr_wordlist unit_modifiers_w = SR_WORDLIST(unit_modifiers);

size_t sr_lex_unit(const sr_nctx *c, size_t i)
{
    size_t n = 0;
    if (sr_n_find(c, i, &unit_modifiers_w) >= 0)
        n = 1;
    if (sr_n_find(c, i + n, &units_w) >= 0) {
        /* a glued capital letter is a code ("5G"), not grams or metres */
        const sr_token *t = &c->d->tokens[i + n];
        if (t->end - t->start == 1 && (t->flags & SR_TF_UPPER))
            return 0;
        /* "sq km" */
        if (sr_n_word(c, i + n, "sq") && sr_n_find(c, i + n + 1, &units_w) >= 0)
            n++;
        else if (sr_n_word(c, i + n, "sq"))
            return 0;
        return n + 1;
    }
    return 0;
}

/* Period nouns of a rate ("per day", "a year", "every month"). */
static const struct {
    const char *w;
    sr_period p;
} period_nouns[] = {
    {"hour", SR_PER_HOUR}, {"day", SR_PER_DAY},    {"week", SR_PER_WEEK},
    {"month", SR_PER_MONTH}, {"year", SR_PER_YEAR}, {"annum", SR_PER_YEAR},
    {"night", SR_PER_DAY}, {NULL, SR_PER_NONE},
};
static sr_wordlist period_nouns_w = SR_WORDLIST(period_nouns);

/* Rate adverbs ("annually") and adjectives ("a monthly salary"). */
static const struct {
    const char *w;
    sr_period p;
    int form;
} period_words[] = {
    {"hourly", SR_PER_HOUR, 3},  {"daily", SR_PER_DAY, 3},     {"weekly", SR_PER_WEEK, 3},
    {"monthly", SR_PER_MONTH, 3}, {"yearly", SR_PER_YEAR, 3},   {"annually", SR_PER_YEAR, 1},
    {"annual", SR_PER_YEAR, 2},  {"nightly", SR_PER_DAY, 3},   {NULL, SR_PER_NONE, 0},
};
static sr_wordlist period_words_w = SR_WORDLIST(period_words);

sr_period sr_lex_period(const sr_nctx *c, size_t i, int form)
{
    if (form == SR_PERIOD_NOUN) {
        int k = sr_n_find(c, i, &period_nouns_w);
        return k < 0 ? SR_PER_NONE : period_nouns[k].p;
    }
    int bit = form == SR_PERIOD_ADVERB ? 1 : 2, k = sr_n_find(c, i, &period_words_w);
    return k >= 0 && (period_words[k].form & bit) ? period_words[k].p : SR_PER_NONE;
}

/* Words that end (or cannot be part of) a counted noun phrase: determiners,
 * prepositions, conjunctions, pronouns, auxiliaries and modals, frequent verbs that
 * carry no suffix a heuristic could see, adverbs, and day and month names. */
static const char *const closed[] = {
    /* determiners and quantifiers */
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their",
    "our", "my", "your", "some", "any", "each", "every", "no", "all", "both", "either",
    "neither", "another", "such", "what", "which", "whose", "more", "most", "less",
    "fewer", "much", "many", "few", "several", "other", "same",
    /* prepositions */
    "of", "in", "on", "at", "to", "from", "by", "with", "without", "for", "into", "onto",
    "over", "under", "above", "below", "between", "among", "amongst", "against",
    "during", "before", "after", "since", "until", "till", "through", "throughout",
    "across", "along", "around", "about", "near", "toward", "towards", "upon", "within",
    "beyond", "behind", "beside", "besides", "despite", "per", "via", "amid", "inside",
    "outside", "off", "out", "up", "down", "than", "like", "unlike", "including",
    "except", "versus", "vs", "plus", "minus", "ago", "apiece", "each",
    /* conjunctions */
    "and", "or", "but", "nor", "so", "yet", "while", "whereas", "because", "although",
    "though", "if", "unless", "whether", "as", "when", "where", "whom", "who", "why",
    "how", "then", "than",
    /* pronouns */
    "he", "she", "it", "they", "we", "you", "i", "him", "them", "us", "me", "there",
    "here", "themselves", "itself", "himself", "herself", "one", "ones",
    /* auxiliaries and modals */
    "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do",
    "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might",
    "must", "'s", "s", "not", "n't",
    /* frequent verbs without a telltale suffix */
    "said", "say", "says", "told", "tell", "fled", "fought", "died", "die", "left",
    "made", "make", "took", "take", "came", "come", "went", "go", "saw", "see", "sent",
    "send", "held", "hold", "lost", "lose", "won", "got", "get", "gave", "give", "met",
    "ran", "began", "became", "become", "remain", "remains", "arrive", "face", "need",
    "include", "includes", "according", "killed", "kill", "fell", "rose", "rise", "hit",
    "set", "put", "cut", "led", "lead", "paid", "pay", "spent", "spend", "bought",
    "sold", "built", "brought", "thought", "found", "find", "known", "seen", "given",
    "taken", "shot", "struck", "fired", "stand", "stood", "live", "work", "want",
    "expected", "estimated", "reported", "believed", "thought", "feared", "seem",
    "run", "stay", "remain", "continue", "wait", "cross", "return", "join", "serve",
    "fight", "flee", "arrive", "leave", "help", "use", "show", "appear",
    /* adverbs and other function words */
    "also", "still", "already", "just", "only", "even", "now", "then", "very", "too",
    "later", "earlier", "respectively", "alone", "altogether", "again", "ever", "never",
    "almost", "nearly", "roughly", "approximately", "about", "around", "instead",
    "today", "yesterday", "tomorrow", "tonight", "last", "next", "ago", "overall",
    "overnight", "together", "apart", "away", "back", "home", "abroad", "each",
    "each", "percent", "cent", "or", "else",
    /* days and months */
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december", NULL,
};
static sr_wordlist closed_w = SR_WORDLIST(closed);

bool sr_lex_closed(const sr_nctx *c, size_t i)
{
    return sr_n_find(c, i, &closed_w) >= 0;
}

/* Words that may modify a counted noun but never head it: comparatives and
 * superlatives ("eight times higher", "one of the lowest"), adjectives used without
 * their noun ("one big, sharp shock"), and post-modifiers ("contracts worth $3bn",
 * "plants due to close", "people worldwide"). */
static const char *const not_heads[] = {
    "big", "small", "large", "bigger", "smaller", "larger", "biggest", "smallest",
    "largest", "high", "low", "higher", "lower", "highest", "lowest", "greater", "greatest",
    "better", "best", "worse", "worst", "cheaper", "dearer", "faster", "slower", "longer",
    "shorter", "older", "younger", "newer", "richer", "poorer", "stronger", "weaker",
    "strongest", "weakest", "richest", "poorest", "longest", "fastest", "oldest",
    "youngest", "newest", "top", "new", "good", "bad", "major", "minor", "main", "key",
    "possible", "previous", "different", "further", "additional", "extra", "separate",
    "successive", "consecutive", "likely", "whole", "entire", "own", "leading", "latest",
    "worth", "due", "worldwide", "nationwide", "apiece", "ahead", "alike", "aged",
    "short", "deep", "wide", "tall", "long", "old", NULL,
};
static sr_wordlist not_heads_w = SR_WORDLIST(not_heads);

bool sr_lex_not_head(const sr_nctx *c, size_t i)
{
    return sr_n_find(c, i, &not_heads_w) >= 0;
}

/* Plural nouns without a plural "-s": "200 staff", "12 police", "six aircraft". */
static const char *const plurals[] = {
    "people", "men", "women", "children", "staff", "police", "personnel", "aircraft",
    "spacecraft", "crew", "cattle", "sheep", "fish", "deer", "livestock", "feet", "teeth",
    "geese", "mice", "data", "media", "criteria", "phenomena", "bacteria", "offspring",
    "infantry", "clergy", "militia", "youth", "poultry", "swine", "dozen", "head",
    "folk", "alumni", "taliban", NULL,
};
static sr_wordlist plurals_w = SR_WORDLIST(plurals);

bool sr_lex_plural(const sr_nctx *c, size_t i)
{
    if (!sr_n_in(c, i) || c->d->tokens[i].kind != SR_TOK_WORD)
        return false;
    const sr_token *t = &c->d->tokens[i];
    const char *s = c->d->clean + t->start;
    size_t n = t->end - t->start;
    char z = n ? (char)(s[n - 1] | 0x20) : 0, y = n >= 2 ? (char)(s[n - 2] | 0x20) : 0;
    /* "-is" is plural in a capitalised demonym ("Israelis", "Iraqis"), singular in
     * "crisis", "basis" */
    if (n >= 2 && z == 's' && y != 's' && y != 'u' &&
        (y != 'i' || (t->flags & SR_TF_UPPER)))
        return true;
    /* demonyms in "-ese": "3,000 Chinese", "the 20 Japanese" */
    if (n >= 5 && z == 'e' && y == 's' && (s[n - 3] | 0x20) == 'e')
        return true;
    return sr_n_find(c, i, &plurals_w) >= 0;
}

/* Month names and their abbreviations; "may" and "mar" need a capital (see below). */
static const char *const months[] = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", NULL,
};
static sr_wordlist months_w = SR_WORDLIST(months);

bool sr_lex_month(const sr_nctx *c, size_t i)
{
    int k = sr_n_find(c, i, &months_w);
    if (k < 0)
        return false;
    if (!strcmp(months[k], "may") || !strcmp(months[k], "mar") || !strcmp(months[k], "march"))
        return (c->d->tokens[i].flags & SR_TF_UPPER) != 0;
    return true;
}

/* Words after which a number from 1900 to 2099 is a year: "in 2022", "since 2014",
 * "early 2023", "summer 2024", "fiscal 2025". */
static const char *const year_before[] = {
    "in", "since", "by", "until", "till", "of", "from", "during", "before", "after",
    "early", "late", "mid", "spring", "summer", "autumn", "fall", "winter", "year",
    "fiscal", "through", "circa", "throughout", "between", "christmas", "season", NULL,
};
static sr_wordlist year_before_w = SR_WORDLIST(year_before);

bool sr_lex_year_before(const sr_nctx *c, size_t i)
{
    return sr_n_find(c, i, &year_before_w) >= 0;
}

/* Words after which a number is a label: "No. 5", "Article 5", "Resolution 2231",
 * "page 3", "Flight 17", "version 2.0". */
static const char *const label_before[] = {
    "no", "nos", "nr", "number", "article", "articles", "section", "chapter", "page",
    "pages", "paragraph", "clause", "resolution", "route", "highway", "flight", "platform",
    "gate", "room", "exit", "version", "vol", "volume", "episode", "season", "part",
    "appendix", "table", "figure", "fig", "item", "rule", "amendment", "level", "phase",
    "stage", "category", "grade", "channel", "line", "track", "unit", "building", "block",
    "apartment", "floor", "box", "class", "type", "model", "series", "p", "pp", "no.",
    "term", "ward", "district", "precinct", "zone", "sector", NULL,
};
static sr_wordlist label_before_w = SR_WORDLIST(label_before);

bool sr_lex_label_before(const sr_nctx *c, size_t i)
{
    return sr_n_find(c, i, &label_before_w) >= 0;
}

/* Verbs of change: "rose from 5% to 7%" names two values, not a range. */
static const char *const change_verbs[] = {
    "rose", "risen", "rise", "rises", "rising", "fell", "fallen", "fall", "falls",
    "falling", "increased", "increase", "increases", "increasing", "decreased",
    "decrease", "decreasing", "dropped", "drop", "drops", "dropping", "climbed", "climb",
    "grew", "grown", "grow", "growing", "jumped", "jump", "surged", "soared", "slipped",
    "declined", "decline", "plunged", "slumped", "cut", "raised", "raise", "reduced",
    "reduce", "lowered", "doubled", "tripled", "up", "down", "changed", "moved",
    "shrank", "expanded", "widened", "narrowed", "went", "revised", NULL,
};
static sr_wordlist change_verbs_w = SR_WORDLIST(change_verbs);

bool sr_lex_change_verb(const sr_nctx *c, size_t i)
{
    return sr_n_find(c, i, &change_verbs_w) >= 0;
}

/* Words that can begin a number expression: a hedge, "between"/"from", a currency before
 * the amount, a sign, or the number itself (sr_num_parse). */
static const char *const intro_starts[] = {"between", "from", NULL};
static const char *const currency_starts[] = {"rs", NULL};
/* with cardinals and vague_scales, the words sr_num_parse may begin with (number_parts
 * below: NW_BEGIN), and the articles (NW_ARTICLE) */
static const char *const number_starts[] = {"minus", "negative", "several", "many", "half",
                                            "quarter", NULL};
static const char *const article_starts[] = {"a", "an", NULL};
static const sr_wordpart start_parts[] = {
    SR_WORDPART(hedges, SR_START_HEDGE),
    SR_WORDPART(dollar_prefix, SR_START_CURRENCY),
    SR_WORDPART(iso_codes, SR_START_CURRENCY),
    SR_WORDPART(currency_starts, SR_START_CURRENCY),
    SR_WORDPART(cardinals, SR_START_NUMBER),
    SR_WORDPART(vague_scales, SR_START_NUMBER),
    SR_WORDPART(number_starts, SR_START_NUMBER),
    SR_WORDPART(article_starts, SR_START_ARTICLE),
    SR_WORDPART(intro_starts, SR_START_INTRO),
    {NULL, 0, 0},
};
static sr_wordclass starts = {start_parts, NULL};

/* Words a number may begin with (sr_num_parse), and the words after "a"/"an" that make
 * the article a number ("a hundred", "a dozen", "a third", "a few hundred"). */
enum { NW_BEGIN = 1, NW_ARTICLE = 2, NW_AFTER_ARTICLE = 4 };
static const char *const begin_words[] = {"minus", "negative", "several", "many", "half",
                                          "quarter", NULL};
static const char *const articles[] = {"a", "an", NULL};
static const char *const after_article[] = {"dozen", "few", NULL};
static const sr_wordpart number_parts[] = {
    SR_WORDPART(cardinals, NW_BEGIN),        SR_WORDPART(vague_scales, NW_BEGIN),
    SR_WORDPART(begin_words, NW_BEGIN),      SR_WORDPART(articles, NW_ARTICLE),
    SR_WORDPART(scales, NW_AFTER_ARTICLE),   SR_WORDPART(denominators, NW_AFTER_ARTICLE),
    SR_WORDPART(after_article, NW_AFTER_ARTICLE), {NULL, 0, 0},
};
static sr_wordclass number_words = {number_parts, NULL};

/* Filters over word hashes: one bit for each value of the low FILTER_BITS bits of a
 * word hash, set for every word listed, so a word whose bit is clear is certainly not
 * listed (nearly every word: the tables are sparse) and is turned away with one load
 * instead of a probe. `start` holds the words of `starts`, `number` those of them that
 * may be a number on their own, `alone` the hedges of one word, and `follow` the words
 * that may come second in what a start word begins: the second word of a hedge ("than"
 * in "more than") and the words after an article that make it a number ("a million",
 * "a third", "a dozen"). Built on first use and published with a compare-and-swap like a
 * word list's index: a cache of constant data shared read-only by all threads, never
 * freed. Without memory for it, every word is probed and none is turned away early. */
#define FILTER_BITS 15
#define FILTER_WORDS (((size_t)1 << FILTER_BITS) / 64)
typedef struct {
    uint64_t start[FILTER_WORDS], follow[FILTER_WORDS];
    uint64_t number[FILTER_WORDS]; /* the SR_START_NUMBER words of `starts` */
    uint64_t alone[FILTER_WORDS];  /* the hedges of one word ("about", "over") */
} filters_t;
static void *_Atomic filters; /* a filters_t, see sr_cache_get */

static void filter_add(uint64_t *f, const char *w)
{
    uint32_t h = sr_word_hash(w, strlen(w)) & ((1u << FILTER_BITS) - 1);
    f[h >> 6] |= (uint64_t)1 << (h & 63);
}

static bool filter_has(const uint64_t *f, const sr_token *t)
{
    uint32_t h = t->hash & ((1u << FILTER_BITS) - 1);
    return (f[h >> 6] >> (h & 63)) & 1;
}

/* Adds every word of the parts of ps whose bits meet bits. */
static void filter_parts(uint64_t *f, const sr_wordpart *ps, uint32_t bits)
{
    for (const sr_wordpart *p = ps; p->table; p++)
        for (size_t k = 0; (p->bits & bits); k++) {
            const char *w = *(const char *const *)((const char *)p->table + k * p->stride);
            if (!w)
                break;
            filter_add(f, w);
        }
}

static const filters_t *filters_get(void)
{
    filters_t *f = sr_cache_get(&filters);
    if (f)
        return f;
    filters_t *fresh = calloc(1, sizeof *fresh);
    if (!fresh)
        return NULL;
    filter_parts(fresh->start, start_parts, ~0u);
    filter_parts(fresh->number, start_parts, SR_START_NUMBER);
    for (size_t k = 0; hedges[k].w[0]; k++)
        filter_add(hedges[k].w[1] ? fresh->follow : fresh->alone,
                   hedges[k].w[1] ? hedges[k].w[1] : hedges[k].w[0]);
    filter_parts(fresh->follow, number_parts, NW_AFTER_ARTICLE);
    return sr_cache_publish(&filters, fresh);
}

/* The SR_START_* bits of word token t, with the filters f (NULL: none). */
static inline uint32_t word_bits(const sr_nctx *c, const sr_token *t, const filters_t *f)
{
    if (f && !filter_has(f->start, t))
        return 0;
    return sr_wordclass_find(&starts, c->d, t);
}

uint32_t sr_lex_start_bits(const sr_nctx *c, size_t i)
{
    const sr_token *t = &c->d->tokens[i];
    return t->kind == SR_TOK_WORD ? word_bits(c, t, filters_get()) : 0;
}

/* Whether a token that is not a word may begin a number expression: digits, a sign or
 * currency symbol, or a point or dash before digits. */
static bool other_may_start(const sr_nctx *c, size_t i)
{
    const sr_token *t = &c->d->tokens[i];
    if (t->kind == SR_TOK_NUM)
        return true;
    /* a sign or currency symbol: ~ > < $, UTF-8 £ ¥ (0xC2..), ≥ ≤ € ₹ (0xE2..); a point
     * or dash only before digits (".08", "-5") */
    unsigned char ch = (unsigned char)c->d->clean[t->start];
    if (ch == '~' || ch == '>' || ch == '<' || ch == '$' || ch == 0xC2 || ch == 0xE2)
        return true;
    return (ch == '.' || ch == '-') && i + 1 < c->hi && c->d->tokens[i + 1].kind == SR_TOK_NUM;
}

/* Whether the word at i with start bits `bits` can begin nothing because of the token
 * after it. A word that is not a number itself (a hedge, "between", a currency, an
 * article: "about", "from", "US", "a") begins an expression only when the next token is
 * the hedge's second word, a word after an article ("a million"), or what may begin the
 * amount or its currency: a token that is not a word, or a word with start bits. */
static bool dead_end(const sr_nctx *c, size_t i, uint32_t bits, const filters_t *f)
{
    if (!f || (bits & SR_START_NUMBER))
        return false;
    if (i + 1 >= c->hi)
        return true;
    const sr_token *t = &c->d->tokens[i + 1];
    if (t->kind == SR_TOK_WORD && filter_has(f->follow, t))
        return false;
    /* only a hedge, and none of one word ("in excess of", "as many as"): the next token
     * must be its second word */
    if (bits == SR_START_HEDGE && !filter_has(f->alone, &c->d->tokens[i]))
        return true;
    return t->kind == SR_TOK_WORD && !word_bits(c, t, f);
}

/* dead_end for a word at i in the start filter, decided from the filters alone: true
 * when the word is not a number and the token after it is certainly no continuation. A
 * false answer decides nothing. */
static bool dead_end_quick(const sr_nctx *c, size_t i, const filters_t *f)
{
    if (filter_has(f->number, &c->d->tokens[i]))
        return false;
    if (i + 1 >= c->hi)
        return true;
    const sr_token *t = &c->d->tokens[i + 1];
    return t->kind == SR_TOK_WORD && !filter_has(f->follow, t) && !filter_has(f->start, t);
}

size_t sr_lex_next_start(sr_nctx *c, size_t i)
{
    const sr_token *tv = c->d->tokens;
    const filters_t *f = filters_get();
    uint32_t bits = 0;
    for (; i < c->hi; i++) {
        const sr_token *t = &tv[i];
        if (t->flags & SR_TF_USED)
            continue;
        if (t->kind == SR_TOK_WORD) {
            if (f && (!filter_has(f->start, t) || dead_end_quick(c, i, f)))
                continue; /* the common cases, without a probe */
            bits = word_bits(c, t, f);
            if (bits && !dead_end(c, i, bits, f))
                break;
        } else if (other_may_start(c, i)) {
            bits = 0;
            break;
        }
    }
    c->start_at = i;
    c->start_bits = bits;
    return i;
}

bool sr_lex_number_start(const sr_nctx *c, size_t i)
{
    if (!sr_n_in(c, i))
        return false;
    const sr_token *t = &c->d->tokens[i];
    if (t->kind == SR_TOK_NUM)
        return true;
    if (t->kind != SR_TOK_WORD)
        return sr_n_punct(c, i, ".") || sr_n_dash(c, i);
    /* the scan has looked the word up already: its NW_BEGIN words are the SR_START_NUMBER
     * ones and its NW_ARTICLE words the SR_START_ARTICLE ones */
    uint32_t bits;
    if (i == c->start_at)
        bits = (c->start_bits & SR_START_NUMBER ? NW_BEGIN : 0) |
               (c->start_bits & SR_START_ARTICLE ? NW_ARTICLE : 0);
    else
        bits = sr_wordclass_find(&number_words, c->d, t);
    if (bits & NW_BEGIN)
        return true;
    if (!(bits & NW_ARTICLE))
        return false;
    return sr_n_dash(c, i + 1) ||
           (sr_n_in(c, i + 1) &&
            (sr_wordclass_find(&number_words, c->d, &c->d->tokens[i + 1]) & NW_AFTER_ARTICLE));
}
