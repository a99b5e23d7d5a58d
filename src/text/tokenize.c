/* tokenize.c: splits a document's clean text into word, number, punctuation and symbol
 * tokens with byte offsets.
 *
 * Rules, chosen for news prose:
 *  - a number is digits with inner thousands groups (",ddd") and one decimal part
 *    (".d+"): "1,271", "1.3", "10,000.5". Anything else ends it: "2024-10-18" is three
 *    numbers and two hyphens, "02:35" two numbers and a colon.
 *  - a word is letters (any script, via utf8proc categories) and digits after the first
 *    letter ("G7"), with inner apostrophes ("O'Brien"); a possessive "'s" or a plural
 *    possessive "'" becomes its own token. Dotted initialisms keep their periods as one
 *    token ("U.S.", "a.m."), as does a single capital initial ("W.").
 *  - hyphens and all other punctuation are one token per character; whether a hyphen
 *    joins its neighbours is told by the SR_TF_SPACE flag of the following token.
 * One pass, no backtracking beyond a token's own bytes: linear in the text. */
#include <utf8proc.h>

#include "internal.h"

static bool is_letter_cp(int32_t cp)
{
    if (cp < 0x80)
        return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME);
}

static bool is_upper_cp(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

static bool is_space_cp(int32_t cp)
{
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v')
        return true;
    if (cp < 0x80)
        return false;
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL ||
           c == UTF8PROC_CATEGORY_ZP || cp == 0x200B || cp == 0xFEFF;
}

static bool is_symbol_cp(int32_t cp)
{
    if (cp == '$' || cp == '%' || cp == '#' || cp == '&' || cp == '+' || cp == '=' ||
        cp == '@' || cp == '<' || cp == '>' || cp == '~' || cp == '^' || cp == '|')
        return true;
    if (cp < 0x80)
        return false;
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_SC || c == UTF8PROC_CATEGORY_SM ||
           c == UTF8PROC_CATEGORY_SO || cp == 0x2030 /* per mille */;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_apostrophe(const char *s, size_t n, size_t i, int *len)
{
    if (i < n && s[i] == '\'') {
        *len = 1;
        return true;
    }
    if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] == 0x99) { /* U+2019 */
        *len = 3;
        return true;
    }
    return false;
}

/* What a character is to the tokenizer: ASCII from a table, anything else from its
 * Unicode category, looked up once per token start. */
enum {
    C_SPACE = 1,
    C_NEWLINE = 2, /* with C_SPACE */
    C_DIGIT = 4,
    C_LETTER = 8,
    C_UPPER = 16, /* with C_LETTER */
    C_SYMBOL = 32,
};

static const uint8_t ascii_class[128] = {
    ['\t'] = C_SPACE, ['\n'] = C_SPACE | C_NEWLINE, ['\v'] = C_SPACE, ['\f'] = C_SPACE,
    ['\r'] = C_SPACE, [' '] = C_SPACE,
    ['0' ... '9'] = C_DIGIT,
    ['A' ... 'Z'] = C_LETTER | C_UPPER,
    ['a' ... 'z'] = C_LETTER,
    ['$'] = C_SYMBOL, ['%'] = C_SYMBOL, ['#'] = C_SYMBOL, ['&'] = C_SYMBOL, ['+'] = C_SYMBOL,
    ['='] = C_SYMBOL, ['@'] = C_SYMBOL, ['<'] = C_SYMBOL, ['>'] = C_SYMBOL, ['~'] = C_SYMBOL,
    ['^'] = C_SYMBOL, ['|'] = C_SYMBOL,
};

/* The C_* bits of code point cp: the tests of is_space_cp, is_letter_cp, is_upper_cp and
 * is_symbol_cp in one. */
static int cp_class(int32_t cp)
{
    if (cp < 0x80)
        return ascii_class[cp];
    if (is_space_cp(cp))
        return C_SPACE | (cp == 0x2028 || cp == 0x2029 ? C_NEWLINE : 0);
    if (is_letter_cp(cp))
        return C_LETTER | (is_upper_cp(cp) ? C_UPPER : 0);
    return is_symbol_cp(cp) ? C_SYMBOL : 0;
}

typedef struct {
    sr_doc *doc;
    size_t cap;
} tok_state;

/* Appends a token; hash is the word hash for words (0 otherwise). The token array grows
 * here rather than through sr_arena_push: this runs once per token. */
static sr_status push(tok_state *st, size_t start, size_t end, int kind, int flags, uint32_t hash)
{
    sr_doc *d = st->doc;
    if (__builtin_expect(d->ntokens == st->cap, 0)) {
        /* news runs about one token per five bytes: most documents never grow again */
        size_t cap = st->cap ? st->cap * 2 : d->len / 4 < 4096 ? d->len / 4 + 64 : 4096;
        sr_token *grown = sr_arena_grow(d->arena, d->tokens, d->ntokens, cap, sizeof *grown);
        if (!grown)
            return SR_NOMEM;
        d->tokens = grown;
        st->cap = cap;
    }
    sr_token *t = &d->tokens[d->ntokens++];
    *t = (sr_token){(uint32_t)start, (uint32_t)end, hash, (uint8_t)kind, (uint8_t)flags};
    return SR_OK;
}

/* Scans a number starting at i; returns its end. */
static size_t scan_number(const char *s, size_t n, size_t i)
{
    while (i < n && is_digit(s[i]))
        i++;
    /* thousands groups: ",ddd" not followed by another digit */
    while (i + 3 < n + 0 && s[i] == ',' && is_digit(s[i + 1]) && is_digit(s[i + 2]) &&
           is_digit(s[i + 3]) && (i + 4 >= n || !is_digit(s[i + 4])))
        i += 4;
    if (i + 1 < n && s[i] == '.' && is_digit(s[i + 1])) {
        i++;
        while (i < n && is_digit(s[i]))
            i++;
    }
    return i;
}

/* Scans a word starting at i (a letter); returns its end and stores the word's hash
 * (sr_word_hash of its bytes) in *hash, so the bytes are read once. */
static size_t scan_word(const char *s, size_t n, size_t i, uint32_t *hash)
{
    int32_t cp;
    uint32_t h = SR_WORD_HASH_SEED;
    size_t from = i; /* bytes [from, i) are still to be hashed */
    while (i < n) {
        for (; i < n; i++) { /* ASCII letters and digits, hashed as they are read */
            unsigned char ch = (unsigned char)s[i], low = ch | 0x20;
            if ((unsigned char)(low - 'a') < 26)
                h = (h ^ low) * 16777619u;
            else if ((unsigned char)(ch - '0') < 10)
                h = (h ^ ch) * 16777619u;
            else
                break;
        }
        from = i;
        if (i >= n)
            break;
        if ((unsigned char)s[i] < 0x80 && s[i] != '\'')
            break; /* ASCII, neither letter, digit nor apostrophe: the word ends */
        int k = sr_utf8_decode(s + i, n - i, &cp);
        if (is_letter_cp(cp) || (cp < 0x80 && is_digit((char)cp))) {
            i += (size_t)k;
            for (; from < i; from++)
                h = sr_word_hash_step(h, (unsigned char)s[from]);
            continue;
        }
        int alen;
        if (is_apostrophe(s, n, i, &alen) && i + (size_t)alen < n) {
            /* inner apostrophe, unless it starts a possessive "'s" that ends the word */
            size_t j = i + (size_t)alen;
            int32_t next;
            sr_utf8_decode(s + j, n - j, &next);
            if (!is_letter_cp(next))
                break;
            if ((next == 's' || next == 'S')) {
                int32_t after = ' ';
                if (j + 1 < n)
                    sr_utf8_decode(s + j + 1, n - j - 1, &after);
                if (!is_letter_cp(after))
                    break;
            }
            i = j;
            for (; from < i; from++)
                h = sr_word_hash_step(h, (unsigned char)s[from]);
            continue;
        }
        break;
    }
    *hash = h;
    return i;
}

/* "U.S.", "a.m.", "e.g.": single letters each followed by a period, at least two. */
static size_t scan_initialism(const char *s, size_t n, size_t i)
{
    size_t j = i;
    int groups = 0;
    if (i + 1 >= n || s[i + 1] != '.')
        return i; /* nearly every word */
    while (j + 1 < n && ((s[j] | 0x20) >= 'a' && (s[j] | 0x20) <= 'z') && s[j + 1] == '.') {
        /* the letter must not continue a longer word */
        j += 2;
        groups++;
        if (j < n && !(((s[j] | 0x20) >= 'a' && (s[j] | 0x20) <= 'z')))
            break;
        if (j + 1 < n && s[j + 1] != '.')
            break;
    }
    return groups >= 2 ? j : i;
}

sr_status sr_tokenize(sr_doc *doc)
{
    if (!doc->clean) {
        doc->clean = sr_utf8_clean(doc->arena, doc->text, doc->len, &doc->invalid_bytes);
        if (!doc->clean)
            return SR_NOMEM;
    }
    tok_state st = {doc, 0};
    const char *s = doc->clean;
    size_t n = doc->len, i = 0;
    int pending = SR_TF_SPACE | SR_TF_NEWLINE; /* text start counts as a line start */
    doc->ntokens = 0;
    while (i < n) {
        int32_t cp;
        int k, c;
        unsigned char b = (unsigned char)s[i];
        if (b == ' ') { /* the commonest byte, before any decoding */
            pending |= SR_TF_SPACE;
            i++;
            continue;
        }
        if (b < 0x80)
            cp = b, k = 1, c = ascii_class[b];
        else
            k = sr_utf8_decode_slow(s + i, n - i, &cp), c = cp_class(cp);
        if (c & C_SPACE) {
            pending |= SR_TF_SPACE;
            if ((c & C_NEWLINE))
                pending |= SR_TF_NEWLINE;
            i += (size_t)k;
            continue;
        }
        size_t start = i, end;
        uint32_t hash = 0;
        int kind, flags = pending;
        pending = 0;
        if (c & C_DIGIT) {
            kind = SR_TOK_NUM;
            end = scan_number(s, n, i);
        } else if (c & C_LETTER) {
            kind = SR_TOK_WORD;
            if (c & C_UPPER)
                flags |= SR_TF_UPPER;
            end = scan_initialism(s, n, i);
            if (end == i) {
                end = scan_word(s, n, i, &hash);
                /* a lone capital initial keeps its period: "George W. Bush" */
                if (end == i + 1 && (c & C_UPPER) && end < n && s[end] == '.' &&
                    (end + 1 >= n || s[end + 1] == ' '))
                    hash = sr_word_hash_step(hash, (unsigned char)s[end++]);
            } else {
                hash = sr_word_hash(s + i, end - i);
            }
        } else {
            int alen;
            kind = (c & C_SYMBOL) ? SR_TOK_SYMBOL : SR_TOK_PUNCT;
            end = i + (size_t)k;
            /* possessive "'s" / "’s" directly after a word */
            if ((b == '\'' || b == 0xE2) && is_apostrophe(s, n, i, &alen) &&
                !(flags & SR_TF_SPACE) && doc->ntokens &&
                doc->tokens[doc->ntokens - 1].kind == SR_TOK_WORD) {
                size_t j = i + (size_t)alen;
                int32_t after = ' ';
                if (j < n && (s[j] | 0x20) == 's') {
                    if (j + 1 < n)
                        sr_utf8_decode(s + j + 1, n - j - 1, &after);
                    if (!is_letter_cp(after) && !(after < 0x80 && is_digit((char)after))) {
                        kind = SR_TOK_WORD;
                        end = j + 1;
                        hash = sr_word_hash(s + i, end - i);
                    }
                }
            }
        }
        if (push(&st, start, end, kind, flags, hash))
            return SR_NOMEM;
        i = end;
    }
    return SR_OK;
}
