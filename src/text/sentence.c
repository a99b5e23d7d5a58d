/* sentence.c: sentence splitting that survives news prose.
 *
 * Works on the token stream in one pass. A sentence ends:
 *  - at a blank line (paragraph break), always;
 *  - at a single line break when the next line does not start in lower case (a
 *    hard-wrapped line that continues in lower case is joined);
 *  - after ". ! ? …" (and any closing quotes or brackets) followed by white space and a
 *    token that can start a sentence, unless the period belongs to an abbreviation
 *    ("Gen.", "Mr.", "Jan. 18", "No. 5"), an initial ("W."), or a dotted initialism
 *    that a name follows ("U.S. President"); not inside brackets; and not inside a
 *    quotation that closes with a comma in the same paragraph ("We will fight. We will
 *    win," he said.), so a quote and its speaker stay together.
 * Lines without final punctuation ("Skip to content", "02:35 minutes", a headline) and
 * lines made of known web page furniture are marked furniture: kept apart from prose. */
#include "internal.h"

/* Abbreviations after which a period never ends a sentence (titles, and words that
 * always precede something: "No. 5", "Jan. 18"). */
static const char *const never_final[] = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "cpl", "pvt", "adm",
    "brig", "cmdr", "gov", "sen", "rep", "rev", "prof", "st", "mt", "ft", "amb", "pres",
    "hon", "messrs", "mme", "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "vs", "v", "no", "nos", "fig", "figs", "vol", "approx", "est",
    "ca", "cf", "pp", "art", "sec", "dept", "univ", "assn", "bros", "gens", "lieut", NULL,
};
static sr_wordlist never_final_w = SR_WORDLIST(never_final);

/* Abbreviations that may end a sentence: a following capitalised word decides. */
static const char *const maybe_final[] = {
    "inc", "ltd", "corp", "co", "plc", "llc", "jr", "sr", "etc", "al", "mar", NULL,
};
static sr_wordlist maybe_final_w = SR_WORDLIST(maybe_final);

/* Capitalised words that begin sentences far more often than they follow "U.S." */
static const char *const starters[] = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "but", "and", "this", "that",
    "in", "on", "at", "its", "his", "her", "their", "there", "however", "these", "those",
    "some", "many", "officials", "as", "after", "when", "if", NULL,
};
static sr_wordlist starters_w = SR_WORDLIST(starters);

/* Whole-line web furniture: interface strings that are never prose. Matched as the
 * line's first words, case-insensitively. */
static const char *const furniture_lines[][8] = {
    {"skip", "to", NULL},
    {"this", "browser", "does", "not", "support", NULL},
    {"your", "browser", "does", "not", "support", NULL},
    {"image", ":", NULL},
    {"photo", ":", NULL},
    {"advertisement", NULL},
    {"share", "this", NULL},
    {"copy", "link", NULL},
    {"sign", "up", "for", NULL},
    {"subscribe", "to", NULL},
    {"read", "more", NULL},
    {"related", "topics", NULL},
    {"follow", "us", NULL},
};

static bool in_list(const sr_doc *d, const sr_token *t, sr_wordlist *list)
{
    return sr_wordlist_find(list, d, t) >= 0;
}

/* Punctuation that matters here, classified once from a token's bytes. */
enum {
    P_NONE, P_PERIOD, P_BANG, P_QUESTION, P_ELLIPSIS, P_COLON, P_COMMA,
    P_DQUOTE, P_SQUOTE, P_LDQUOTE, P_RDQUOTE, P_RSQUOTE, P_LPAREN, P_RPAREN,
};

static int punct(const sr_doc *d, const sr_token *t)
{
    if (t->kind != SR_TOK_PUNCT)
        return P_NONE;
    const unsigned char *p = (const unsigned char *)d->clean + t->start;
    if (t->end - t->start == 1) {
        switch (p[0]) {
        case '.': return P_PERIOD;
        case '!': return P_BANG;
        case '?': return P_QUESTION;
        case ':': return P_COLON;
        case ',': return P_COMMA;
        case '"': return P_DQUOTE;
        case '\'': return P_SQUOTE;
        case '(': case '[': return P_LPAREN;
        case ')': case ']': return P_RPAREN;
        default: return P_NONE;
        }
    }
    if (t->end - t->start == 3 && p[0] == 0xE2 && p[1] == 0x80) {
        switch (p[2]) {
        case 0xA6: return P_ELLIPSIS; /* … */
        case 0x9C: return P_LDQUOTE;  /* “ */
        case 0x9D: return P_RDQUOTE;  /* ” */
        case 0x99: return P_RSQUOTE;  /* ’ */
        default: return P_NONE;
        }
    }
    return P_NONE;
}

static bool terminal_class(int c)
{
    return c == P_PERIOD || c == P_BANG || c == P_QUESTION || c == P_ELLIPSIS;
}

static bool is_terminal(const sr_doc *d, const sr_token *t)
{
    return terminal_class(punct(d, t));
}

static bool is_closer(const sr_doc *d, const sr_token *t)
{
    int c = punct(d, t);
    return c == P_DQUOTE || c == P_SQUOTE || c == P_RPAREN || c == P_RDQUOTE || c == P_RSQUOTE;
}

static bool is_lower_word(const sr_doc *d, const sr_token *t)
{
    unsigned char c = (unsigned char)d->clean[t->start];
    return t->kind == SR_TOK_WORD && !(t->flags & SR_TF_UPPER) && !(c >= '0' && c <= '9') &&
           c != '\'';
}

static bool blank_line_before(const sr_doc *d, size_t i)
{
    const sr_token *t = &d->tokens[i];
    if (!(t->flags & SR_TF_NEWLINE) || i == 0)
        return false;
    int nl = 0;
    for (uint32_t p = d->tokens[i - 1].end; p < t->start; p++)
        nl += d->clean[p] == '\n';
    return nl >= 2;
}

/* Whether the terminal punctuation at token i (followed by closers up to j-1) ends a
 * sentence, given that token j starts on the same line after white space. */
static bool period_ends(const sr_doc *d, size_t i, size_t j)
{
    const sr_token *next = &d->tokens[j];
    if (!(next->flags & SR_TF_SPACE))
        return false;
    if (is_lower_word(d, next))
        return false;
    if (punct(d, &d->tokens[i]) != P_PERIOD || j != i + 1 || i == 0)
        return true;
    const sr_token *prev = &d->tokens[i - 1];
    if (prev->kind == SR_TOK_NUM && (prev->flags & SR_TF_NEWLINE))
        return false; /* list numbering: "1. Skip to content" */
    if (prev->end != d->tokens[i].start || prev->kind != SR_TOK_WORD)
        return true;
    if (in_list(d, prev, &never_final_w))
        return false;
    if (in_list(d, prev, &maybe_final_w))
        return next->kind == SR_TOK_WORD && in_list(d, next, &starters_w);
    return true;
}

/* After a token that carries its own period ("U.S.", "W."), does a sentence end? */
static bool dotted_ends(const sr_doc *d, const sr_token *t, const sr_token *next)
{
    size_t n = t->end - t->start;
    if (n < 2 || d->clean[t->end - 1] != '.')
        return false;
    if (n == 2) /* an initial: "George W. Bush" */
        return false;
    return next->kind == SR_TOK_WORD && (next->flags & SR_TF_UPPER) &&
           in_list(d, next, &starters_w);
}

static sr_status add_sentence(sr_doc *d, size_t *cap, size_t first, size_t last)
{
    sr_sentence *s = sr_arena_push(d->arena, (void **)&d->sentences, &d->nsentences, cap,
                                   sizeof *s, 64);
    if (!s)
        return SR_NOMEM;
    s->first_token = (uint32_t)first;
    s->ntokens = (uint32_t)(last - first);
    s->start = d->tokens[first].start;
    s->end = d->tokens[last - 1].end;
    return SR_OK;
}

/* Reporting verbs that, right after a closing quote, make the quote part of the clause:
 * '..." Cha said.' */
static const char *const reporting[] = {
    "said", "says", "told", "asked", "added", "wrote", "writes", "warned", "stated",
    "insisted", "explained", "continued", "noted", "replied", "tweeted", "posted", NULL,
};
static sr_wordlist reporting_w = SR_WORDLIST(reporting);

/* Whether a reporting verb follows within a few tokens on the same line, before any
 * punctuation: '" Cha said.', '" the minister told reporters.' */
static bool reporting_clause_after(const sr_doc *d, size_t k)
{
    for (size_t j = k + 1; j < d->ntokens && j <= k + 5; j++) {
        const sr_token *t = &d->tokens[j];
        if ((t->flags & SR_TF_NEWLINE) || t->kind != SR_TOK_WORD)
            return false;
        if (in_list(d, t, &reporting_w))
            return true;
    }
    return false;
}

/* For each opening double quote, whether its quotation is attributed in the same
 * clause: it closes with a comma, or is followed by lower case or a short reporting
 * clause, before the paragraph ends. One pass, stack-free: double quotes do not nest in
 * English prose. Result: attributed[k] for the opening quote token k. */
static void mark_quotes(const sr_doc *d, uint8_t *attributed)
{
    size_t open = SIZE_MAX;
    for (size_t k = 0; k < d->ntokens; k++) {
        const sr_token *t = &d->tokens[k];
        if ((t->flags & SR_TF_NEWLINE) && blank_line_before(d, k))
            open = SIZE_MAX;
        int c = punct(d, t);
        bool straight = c == P_DQUOTE, left = c == P_LDQUOTE, right = c == P_RDQUOTE;
        if (!straight && !left && !right)
            continue;
        bool opening = left || (straight && open == SIZE_MAX);
        if (opening) {
            open = k;
            continue;
        }
        if (open != SIZE_MAX) {
            bool comma = k > 0 && punct(d, &d->tokens[k - 1]) == P_COMMA;
            bool lower_after = k + 1 < d->ntokens && is_lower_word(d, &d->tokens[k + 1]) &&
                               !(d->tokens[k + 1].flags & SR_TF_NEWLINE);
            if (comma || lower_after || reporting_clause_after(d, k))
                attributed[open] = 1;
            open = SIZE_MAX;
        }
    }
}

/* What kind of furniture a whole line is: SR_FURNITURE_UI for a known interface
 * string, SR_FURNITURE_LINE for a line without final punctuation (a headline, caption,
 * byline or menu item), 0 for prose. */
static uint8_t line_furniture(const sr_doc *d, size_t first, size_t last)
{
    for (size_t f = 0; f < sizeof furniture_lines / sizeof furniture_lines[0]; f++) {
        size_t k = 0;
        while (furniture_lines[f][k] && first + k < last &&
               sr_tok_is(d, &d->tokens[first + k], furniture_lines[f][k]))
            k++;
        if (!furniture_lines[f][k])
            return SR_FURNITURE_UI;
    }
    const sr_token *end = &d->tokens[last - 1];
    bool final = is_terminal(d, end) || punct(d, end) == P_COLON ||
                 (is_closer(d, end) && last - first > 1 && is_terminal(d, end - 1));
    return final ? 0 : SR_FURNITURE_LINE;
}

sr_status sr_split_sentences(sr_doc *d)
{
    size_t cap = 0, first = 0;
    d->nsentences = 0;
    if (d->ntokens == 0)
        return SR_OK;
    uint8_t *attributed = sr_arena_alloc(d->arena, d->ntokens);
    if (!attributed)
        return SR_NOMEM;
    memset(attributed, 0, d->ntokens);
    mark_quotes(d, attributed);

    int depth = 0;        /* bracket depth */
    bool in_quote = false, quote_attr = false;
    for (size_t k = 0; k < d->ntokens; k++) {
        const sr_token *t = &d->tokens[k];
        if (k > first && (t->flags & SR_TF_NEWLINE)) {
            bool hard = blank_line_before(d, k) || !is_lower_word(d, t);
            if (hard) {
                if (add_sentence(d, &cap, first, k))
                    return SR_NOMEM;
                first = k;
                depth = 0;
                in_quote = false;
            }
        }
        int c = punct(d, t);
        if (c == P_NONE && t->kind == SR_TOK_PUNCT)
            continue;
        if (c == P_LPAREN)
            depth += depth < 64;
        else if (c == P_RPAREN && depth > 0)
            depth--;
        if (c == P_LDQUOTE || (c == P_DQUOTE && !in_quote)) {
            in_quote = true;
            quote_attr = attributed[k];
            continue;
        }
        if (c == P_RDQUOTE || c == P_DQUOTE) {
            in_quote = false;
            continue;
        }
        bool term = terminal_class(c);
        bool dotted = !term && t->kind == SR_TOK_WORD && d->clean[t->end - 1] == '.';
        if (!term && !dotted)
            continue;
        size_t j = k + 1;
        while (j < d->ntokens && is_closer(d, &d->tokens[j]) &&
               !(d->tokens[j].flags & SR_TF_SPACE))
            j++;
        if (j >= d->ntokens || (d->tokens[j].flags & SR_TF_NEWLINE))
            continue; /* the line break decides */
        if (depth > 0 || (in_quote && quote_attr))
            continue;
        bool ends = term ? period_ends(d, k, j) : dotted_ends(d, t, &d->tokens[j]);
        if (!ends)
            continue;
        if (j > k + 1)
            in_quote = false; /* the closing quote was consumed with the terminal */
        if (add_sentence(d, &cap, first, j))
            return SR_NOMEM;
        first = j;
        k = j - 1;
    }
    if (first < d->ntokens && add_sentence(d, &cap, first, d->ntokens))
        return SR_NOMEM;

    /* Furniture: a line that is a sentence of its own without final punctuation, or a
     * known interface string. */
    for (size_t s = 0; s < d->nsentences; s++) {
        sr_sentence *se = &d->sentences[s];
        size_t a = se->first_token, b = a + se->ntokens;
        bool starts_line = d->tokens[a].flags & SR_TF_NEWLINE;
        bool ends_line = b >= d->ntokens || (d->tokens[b].flags & SR_TF_NEWLINE);
        if (starts_line && ends_line)
            se->furniture = line_furniture(d, a, b);
    }
    return SR_OK;
}
