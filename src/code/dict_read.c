/* dict_read.c: reads TABARI / PETRARCH actor and agent files into a dictionary.
 *
 * One pass over the lines, no recursion, constant work per byte. The reader keeps the
 * open record (a primary phrase; its "+" synonyms and the tab-indented "[CODE date]"
 * lines that follow add phrases and code sets to it) and a list of pending phrases,
 * which go into the trie in one batch at the end of the file (dict_build.c). Accepted:
 * "#" comments anywhere outside brackets, TABARI ";" comments, "<!-- -->" comments over
 * several lines, lines starting "/", <NOUN>/<ADJECTIVE>-style sections (skipped: they
 * carry no codes), "~FINISH", a UTF-8 BOM, CRLF. Agents: "{plural}" or "{}" after the
 * phrase, regular plurals otherwise (Y -> IES, S -> SES, else + S), "!NAME! = A, B"
 * substitution sets and "[~XXX]" / "[XXX~]" codes. A bad line is reported with its file
 * and line and skipped; the rest of the file is still read. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "dict_int.h"

typedef struct {
    const char *name; /* "!NAME!" without the bangs, in the scratch arena */
    size_t len, nitems;
    const char *item[SR_DICT_MAX_MARKER_ITEMS];
    size_t item_len[SR_DICT_MAX_MARKER_ITEMS];
} marker;

typedef struct {
    sr_dict *d;
    const char *name;
    uint8_t kind;
    uint32_t line;
    bool in_comment, in_section, finished, have_record;
    uint32_t opened; /* line of the open comment or section */
    uint32_t record;
    sr_status first; /* first error status of this file */
    dict_pending *pend;
    size_t npend, cap;
    marker *markers; /* in scratch */
    size_t nmarkers;
    sr_arena *scratch;
} reader;

static bool is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

static void trim(const char **s, size_t *n)
{
    while (*n && is_ws(**s))
        (*s)++, (*n)--;
    while (*n && is_ws((*s)[*n - 1]))
        (*n)--;
}

static const char *find(const char *s, size_t n, const char *pat)
{
    size_t m = strlen(pat);
    for (size_t i = 0; i + m <= n; i++)
        if (s[i] == pat[0] && memcmp(s + i, pat, m) == 0)
            return s + i;
    return NULL;
}

static sr_status fail(reader *r, sr_status st, const char *msg)
{
    sr_dict_fail(r->d, st, r->name, r->line, "%s", msg);
    if (r->first == SR_OK)
        r->first = st;
    return st;
}

/* ---- records, code sets and pending phrases ------------------------------------------ */

static sr_status open_record(reader *r, const char *primary)
{
    sr_dict *d = r->d;
    dict_record *rec =
        sr_dict_push((void **)&d->records, &d->nrecords, &d->cap_records, sizeof *rec, 1024);
    if (!rec)
        return SR_NOMEM;
    rec->first_set = (uint32_t)d->nsets;
    rec->primary = primary;
    r->record = (uint32_t)(d->nrecords - 1);
    r->have_record = true;
    return SR_OK;
}

/* Queues phrase text[0..n) (copied into the dictionary arena) for the open record. */
static sr_status add_phrase(reader *r, const char *text, size_t n, bool generated,
                            const char **copy_out)
{
    trim(&text, &n);
    if (n == 0)
        return fail(r, SR_DICT_SYNTAX, "expected a phrase");
    char *copy = sr_arena_strndup(r->d->arena, text, n);
    if (!copy)
        return SR_NOMEM;
    dict_pending *p = sr_dict_push((void **)&r->pend, &r->npend, &r->cap, sizeof *p, 1024);
    if (!p)
        return SR_NOMEM;
    bool whole = copy[n - 1] == '_' || copy[n - 1] == '=' ||
                 (r->d->flags & (SR_DICT_WHOLE_WORDS | SR_DICT_NO_STEMS));
    p->text = copy;
    p->len = (uint32_t)n;
    p->record = r->record;
    p->line = r->line;
    p->kind = r->kind;
    p->stem = !whole;
    /* TABARI's regular "S" ending for a final whole word; agents get explicit plurals */
    p->plural_ok = (copy[n - 1] == '_' || (r->d->flags & SR_DICT_NO_STEMS)) && copy[n - 1] != '=' &&
                   r->kind == SR_DICT_ACTOR && !(r->d->flags & SR_DICT_WHOLE_WORDS);
    p->generated = generated;
    if (copy_out)
        *copy_out = copy;
    return SR_OK;
}

/* Parses "YYMMDD" (00-30 read as 20YY) or "YYYYMMDD" into days since 1970. Longer digit
 * runs are read as PETRARCH reads them, with a warning: seven digits as YYMMDD and a
 * stray digit, nine or more as YYYYMMDD and junk (Phoenix has "201005011"). */
static sr_status parse_date(reader *r, const char *s, size_t n, int32_t *days)
{
    int v[8];
    if (n < 6 || n > 16)
        return fail(r, SR_DATE, "expected a date YYMMDD or YYYYMMDD");
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return fail(r, SR_DATE, "expected a date YYMMDD or YYYYMMDD");
        if (i < 8)
            v[i] = s[i] - '0';
    }
    if (n > 8) {
        sr_dict_warn(r->d, r->name, r->line, "long date %.*s read as YYYYMMDD", (int)n, s);
        n = 8;
    }
    sr_ymd y;
    if (n == 8) {
        y.year = (int16_t)(v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3]);
    } else {
        int yy = v[0] * 10 + v[1];
        y.year = (int16_t)(yy <= 30 ? 2000 + yy : 1900 + yy);
        if (n == 7)
            sr_dict_warn(r->d, r->name, r->line, "seven-digit date %.*s read as YYMMDD", (int)n, s);
    }
    size_t m = n == 8 ? 4 : 2;
    y.month = (int8_t)(v[m] * 10 + v[m + 1]);
    y.day = (int8_t)(v[m + 2] * 10 + v[m + 3]);
    if (!sr_ymd_valid(y))
        return fail(r, SR_DATE, "expected a valid calendar date");
    *days = sr_ymd_to_days(y);
    return SR_OK;
}

/* Reads a run of digits at s[*i..n) as a date. */
static sr_status date_at(reader *r, const char *s, size_t n, size_t *i, int32_t *days)
{
    while (*i < n && is_ws(s[*i]))
        (*i)++;
    size_t from = *i;
    while (*i < n && !is_ws(s[*i]) && s[*i] != '-')
        (*i)++;
    return parse_date(r, s + from, *i - from, days);
}

/* The restriction after a code: "", "<D", ">D" or "D-D" (blanks allowed around). */
static sr_status parse_restriction(reader *r, const char *s, size_t n, dict_codeset *cs)
{
    size_t i = 0;
    cs->lo = INT32_MIN;
    cs->hi = INT32_MAX;
    cs->restricted = n > 0;
    if (n == 0)
        return SR_OK;
    sr_status st;
    if (s[0] == '<' || s[0] == '>') {
        i = 1;
        st = date_at(r, s, n, &i, s[0] == '<' ? &cs->hi : &cs->lo);
    } else if ((st = date_at(r, s, n, &i, &cs->lo)) == SR_OK) {
        while (i < n && is_ws(s[i]))
            i++;
        if (i == n) { /* Phoenix has "[MNEGOV 20121204]": read as ">D" */
            sr_dict_warn(r->d, r->name, r->line, "bare date read as \">date\"");
            return SR_OK;
        }
        if (s[i] != '-')
            return fail(r, SR_DATE, "expected a date restriction <D, >D or D-D");
        i++;
        st = date_at(r, s, n, &i, &cs->hi);
    }
    if (st == SR_OK && i != n)
        return fail(r, SR_DATE, "expected the end of the date restriction");
    if (st == SR_OK && cs->lo > cs->hi)
        sr_dict_warn(r->d, r->name, r->line, "date range ends before it begins");
    return st;
}

/* Flags of one part of a code; *s and *n lose the agent "~". 0 flags and *bad on error. */
static uint32_t code_flags(reader *r, const char **s, size_t *n, const char **bad)
{
    static const char *special[3] = {"---", "###", "+++"};
    for (int k = 0; k < 3; k++)
        if (*n == 3 && memcmp(*s, special[k], 3) == 0)
            return (uint32_t)SR_CODE_NULL << k;
    uint32_t f = 0;
    if (r->kind == SR_DICT_AGENT) {
        if (*n > 1 && (*s)[0] == '~')
            f = SR_CODE_AGENT_AFTER, (*s)++, (*n)--;
        else if (*n > 1 && (*s)[*n - 1] == '~')
            f = SR_CODE_AGENT_BEFORE, (*n)--;
        else
            *bad = "expected an agent code with '~' before or after it";
    }
    bool letter = false;
    for (size_t i = 0; i < *n; i++) {
        unsigned char c = (unsigned char)(*s)[i];
        bool alpha = (c | 0x20) >= 'a' && (c | 0x20) <= 'z', digit = c >= '0' && c <= '9';
        if (!alpha && !digit && !*bad)
            *bad = "expected a code of letters and digits";
        letter |= alpha;
    }
    if (!letter)
        *bad = "expected a code with a letter (a bare date is not a code)";
    return f;
}

/* Splits code s[0..n) on "/" and appends its parts to d->code_refs. */
static sr_status add_codes(reader *r, const char *s, size_t n, dict_codeset *cs)
{
    sr_dict *d = r->d;
    cs->first = (uint32_t)d->nrefs;
    cs->n = 0;
    while (n > 0) {
        const char *slash = memchr(s, '/', n);
        size_t k = slash ? (size_t)(slash - s) : n;
        const char *part = s, *bad = NULL;
        size_t len = k;
        uint32_t f = code_flags(r, &part, &len, &bad);
        if (bad || len == 0 || (slash && k + 1 == n))
            return fail(r, SR_DICT_SYNTAX, bad ? bad : "expected a code between '/'");
        if (++cs->n > SR_DICT_MAX_COMPOUND)
            return fail(r, SR_LIMIT, "too many codes joined by '/'");
        const sr_dict_code *c = sr_dict_intern_code(d, part, len, f);
        const sr_dict_code **ref =
            c ? sr_dict_push((void **)&d->code_refs, &d->nrefs, &d->cap_refs, sizeof *ref, 1024)
              : NULL;
        if (!ref)
            return SR_NOMEM;
        *ref = c;
        s += k + (slash != NULL);
        n -= k + (slash != NULL);
    }
    return SR_OK;
}

/* One "[CODE restriction]" body: appends a code set to the open record. */
static sr_status code_block(reader *r, const char *s, size_t n)
{
    sr_dict *d = r->d;
    trim(&s, &n);
    size_t k = 0;
    while (k < n && !is_ws(s[k]) && s[k] != '<' && s[k] != '>')
        k++;
    if (k == 0)
        return fail(r, SR_DICT_SYNTAX, "expected a code inside [ ]");
    if (d->records[r->record].nsets >= SR_DICT_MAX_CODESETS)
        return fail(r, SR_LIMIT, "too many code sets for one entry");
    dict_codeset cs;
    const char *rest = s + k;
    size_t rn = n - k;
    trim(&rest, &rn);
    sr_status st = parse_restriction(r, rest, rn, &cs);
    if (st == SR_OK)
        st = add_codes(r, s, k, &cs);
    if (st != SR_OK)
        return st;
    dict_codeset *slot =
        sr_dict_push((void **)&d->sets, &d->nsets, &d->cap_sets, sizeof *slot, 1024);
    if (!slot)
        return SR_NOMEM;
    *slot = cs;
    d->records[r->record].nsets++;
    return SR_OK;
}

/* Parses the "[...] [...]" blocks that make up s[0..n). */
static sr_status code_blocks(reader *r, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if (is_ws(s[i])) {
            i++;
            continue;
        }
        if (s[i] != '[' && i == 0)
            return fail(r, SR_DICT_SYNTAX, "expected '[' to open the code block");
        if (s[i] != '[') { /* Phoenix has "[MNCMED]\tNewspapers/Magazines\t$137,000,000" */
            sr_dict_warn(r->d, r->name, r->line, "text after the code ignored");
            return SR_OK;
        }
        const char *close = memchr(s + i + 1, ']', n - i - 1);
        const char *open = memchr(s + i + 1, '[', n - i - 1);
        if (!close && s[n - 1] == '}' && !open) { /* Phoenix.agents has "[~ENV}" */
            sr_dict_warn(r->d, r->name, r->line, "code block closed by '}', read as ']'");
            close = s + n - 1;
        }
        if (!close || (open && open < close))
            return fail(r, SR_DICT_SYNTAX, "expected ']' to close the code block");
        sr_status st = code_block(r, s + i + 1, (size_t)(close - s - i - 1));
        if (st != SR_OK)
            return st;
        i = (size_t)(close - s) + 1;
    }
    return SR_OK;
}

/* ---- actor lines ------------------------------------------------------------------- */

static sr_status actor_line(reader *r, const char *s, size_t n)
{
    const char *br = memchr(s, '[', n);
    size_t pn = br ? (size_t)(br - s) : n;
    if (s[0] == '[') {
        if (!r->have_record)
            return fail(r, SR_DICT_SYNTAX, "expected a phrase before this code block");
        return code_blocks(r, s, n);
    }
    if (memchr(s, ']', pn)) /* Phoenix has "+FAEROYENE]_"; kept as written */
        sr_dict_warn(r->d, r->name, r->line, "stray ']' in the phrase");
    if (s[0] == '+') {
        if (!r->have_record)
            return fail(r, SR_DICT_SYNTAX, "expected a primary phrase before this synonym");
        if (br)
            return fail(r, SR_DICT_SYNTAX, "expected no code on a '+' synonym line");
        return add_phrase(r, s + 1, n - 1, false, NULL);
    }
    const char *text = s;
    size_t tn = pn;
    trim(&text, &tn);
    if (tn == 0)
        return fail(r, SR_DICT_SYNTAX, "expected a phrase before the code");
    const char *primary = NULL;
    sr_status st = open_record(r, NULL);
    if (st == SR_OK)
        st = add_phrase(r, text, tn, false, &primary);
    if (st != SR_OK)
        return st;
    r->d->records[r->record].primary = primary;
    return br ? code_blocks(r, br, n - pn) : SR_OK;
}

/* ---- agent lines --------------------------------------------------------------------- */

/* Queues the regular plural of an agent phrase: Y -> IES, S -> SES, else + S; a final
 * "_" or "=" stays at the end. */
static sr_status add_plural(reader *r, const char *s, size_t n)
{
    char mark = 0;
    if (n && (s[n - 1] == '_' || s[n - 1] == '='))
        mark = s[--n];
    if (n == 0)
        return SR_OK;
    char *buf = sr_arena_alloc(r->scratch, n + 5);
    if (!buf)
        return SR_NOMEM;
    char last = (char)(s[n - 1] & ~0x20);
    size_t k = last == 'Y' ? n - 1 : n;
    memcpy(buf, s, k);
    const char *end = last == 'Y' ? "IES" : last == 'S' ? "ES" : "S";
    memcpy(buf + k, end, strlen(end));
    k += strlen(end);
    if (mark)
        buf[k++] = mark;
    return add_phrase(r, buf, k, true, NULL);
}

static marker *find_marker(reader *r, const char *name, size_t n)
{
    for (size_t i = 0; i < r->nmarkers; i++)
        if (r->markers[i].len == n && memcmp(r->markers[i].name, name, n) == 0)
            return &r->markers[i];
    return NULL;
}

/* Fills m's items from the comma-separated list s[0..n). */
static sr_status marker_items(reader *r, marker *m, const char *s, size_t n)
{
    m->nitems = 0;
    while (n > 0) {
        const char *comma = memchr(s, ',', n);
        size_t k = comma ? (size_t)(comma - s) : n;
        const char *item = s;
        size_t len = k;
        trim(&item, &len);
        if (len && m->nitems == SR_DICT_MAX_MARKER_ITEMS)
            return fail(r, SR_LIMIT, "too many items in a substitution set");
        if (len) {
            m->item[m->nitems] = sr_arena_strndup(r->scratch, item, len);
            m->item_len[m->nitems] = len;
            if (!m->item[m->nitems++])
                return SR_NOMEM;
        }
        s += k + (comma != NULL);
        n -= k + (comma != NULL);
    }
    return SR_OK;
}

/* "!NAME! = A, B, C": defines (or redefines) a substitution set. */
static sr_status define_marker(reader *r, const char *s, size_t n)
{
    const char *b1 = memchr(s, '!', n);
    const char *b2 = memchr(b1 + 1, '!', n - (size_t)(b1 + 1 - s));
    const char *eq = b2 ? memchr(b2, '=', n - (size_t)(b2 - s)) : NULL;
    if (!eq || b2 == b1 + 1)
        return fail(r, SR_DICT_SYNTAX, "expected a substitution set \"!NAME! = A, B\"");
    size_t len = (size_t)(b2 - b1 - 1);
    marker *m = find_marker(r, b1 + 1, len);
    if (!m) {
        if (r->nmarkers == SR_DICT_MAX_MARKERS)
            return fail(r, SR_LIMIT, "too many substitution sets");
        if (!r->markers &&
            !(r->markers = sr_arena_alloc(r->scratch, SR_DICT_MAX_MARKERS * sizeof *m)))
            return SR_NOMEM;
        m = &r->markers[r->nmarkers++];
        m->len = len;
        if (!(m->name = sr_arena_strndup(r->scratch, b1 + 1, len)))
            return SR_NOMEM;
    }
    return marker_items(r, m, eq + 1, n - (size_t)(eq + 1 - s));
}

/* Queues one phrase per item of the first "!NAME!" in s[0..n), without plurals. */
static sr_status substitute(reader *r, const char *s, size_t n)
{
    const char *b1 = memchr(s, '!', n);
    const char *b2 = memchr(b1 + 1, '!', n - (size_t)(b1 + 1 - s));
    if (!b2)
        return fail(r, SR_DICT_SYNTAX, "expected '!' to close the substitution marker");
    const marker *m = find_marker(r, b1 + 1, (size_t)(b2 - b1 - 1));
    if (!m)
        return fail(r, SR_DICT_SYNTAX, "expected a substitution set defined before use");
    size_t pre = (size_t)(b1 - s), post = n - (size_t)(b2 + 1 - s);
    for (size_t i = 0; i < m->nitems; i++) {
        char *buf = sr_arena_alloc(r->scratch, pre + m->item_len[i] + post + 1);
        if (!buf)
            return SR_NOMEM;
        memcpy(buf, s, pre);
        memcpy(buf + pre, m->item[i], m->item_len[i]);
        memcpy(buf + pre + m->item_len[i], b2 + 1, post);
        sr_status st = add_phrase(r, buf, pre + m->item_len[i] + post, false, NULL);
        if (st != SR_OK)
            return st;
    }
    return SR_OK;
}

/* Splits "PHRASE {PLURAL}" (the braces optional) off the part before the code. */
static sr_status split_plural(reader *r, const char **s, size_t *n, const char **pl, size_t *pln)
{
    const char *ob = memchr(*s, '{', *n);
    *pl = NULL;
    if (!ob)
        return SR_OK;
    const char *cb = memchr(ob, '}', *n - (size_t)(ob - *s));
    if (!cb)
        return fail(r, SR_DICT_SYNTAX, "expected '}' to close the plural");
    for (const char *p = cb + 1; p < *s + *n; p++)
        if (!is_ws(*p))
            return fail(r, SR_DICT_SYNTAX, "expected the code after the plural");
    *pl = ob + 1;
    *pln = (size_t)(cb - ob - 1);
    trim(pl, pln);
    *n = (size_t)(ob - *s);
    trim(s, n);
    return SR_OK;
}

static sr_status agent_line(reader *r, const char *s, size_t n)
{
    const char *br = memchr(s, '[', n);
    if (!br && memchr(s, '!', n) && memchr(s, '=', n))
        return define_marker(r, s, n);
    if (!br) {
        sr_dict_warn(r->d, r->name, r->line, "agent without a code in [ ]; line skipped");
        return SR_OK;
    }
    const char *ph = s, *pl;
    size_t phn = (size_t)(br - s), pln = 0;
    sr_status st = split_plural(r, &ph, &phn, &pl, &pln);
    if (st != SR_OK)
        return st;
    trim(&ph, &phn);
    if (phn == 0 || memchr(ph, ']', phn))
        return fail(r, SR_DICT_SYNTAX, "expected an agent phrase before the code");
    if ((st = open_record(r, NULL)) != SR_OK ||
        (st = code_blocks(r, br, n - (size_t)(br - s))) != SR_OK)
        return st;
    if (!(r->d->records[r->record].primary = sr_arena_strndup(r->d->arena, ph, phn)))
        return SR_NOMEM;
    if (memchr(ph, '!', phn))
        return substitute(r, ph, phn);
    if ((st = add_phrase(r, ph, phn, false, NULL)) != SR_OK)
        return st;
    if (!pl)
        return add_plural(r, ph, phn);
    return pln ? add_phrase(r, pl, pln, false, NULL) : SR_OK;
}

/* ---- lines and files ------------------------------------------------------------------ */

/* Length of s[0..n) before a "#" or ";" comment outside brackets ("[###]" is a code). */
static size_t comment_cut(const char *s, size_t n)
{
    int depth = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '[')
            depth++;
        else if (s[i] == ']' && depth > 0)
            depth--;
        else if ((s[i] == '#' || s[i] == ';') && depth == 0)
            return i;
    }
    return n;
}

/* Strips "<!-- -->" comments (across lines) and "#" / ";" ones; false: nothing left. */
static bool strip_comments(reader *r, const char **s, size_t *n)
{
    if (r->in_comment) {
        if (find(*s, *n, "-->"))
            r->in_comment = false;
        return false; /* as PETRARCH, the rest of the closing line is dropped */
    }
    const char *c = find(*s, *n, "<!--");
    if (c) {
        const char *e = find(c + 4, *n - (size_t)(c + 4 - *s), "-->");
        if (!e) {
            r->in_comment = true;
            r->opened = r->line;
        }
        *n = (size_t)(c - *s);
    }
    *n = comment_cut(*s, *n);
    trim(s, n);
    return *n > 0 && !(*n >= 2 && (*s)[0] == '<' && (*s)[1] == '!') && (*s)[0] != '/';
}

/* A "<NOUN>"-style tag line: sections carry no codes and are skipped. */
static sr_status section_tag(reader *r, const char *s, size_t n)
{
    if (n >= 2 && s[1] == '/') {
        if (!r->in_section)
            return fail(r, SR_DICT_SYNTAX, "expected an opening tag before this closing tag");
        r->in_section = false;
        return SR_OK;
    }
    if (r->in_section)
        return fail(r, SR_DICT_SYNTAX, "expected a closing tag before this opening tag");
    r->in_section = true;
    r->opened = r->line;
    return SR_OK;
}

static sr_status process_line(reader *r, const char *s, size_t n)
{
    if (!strip_comments(r, &s, &n))
        return SR_OK;
    if ((n >= 7 && memcmp(s, "~FINISH", 7) == 0) || (n >= 8 && memcmp(s, "~~FINISH", 8) == 0)) {
        r->finished = true;
        return SR_OK;
    }
    if (s[0] == '<')
        return section_tag(r, s, n);
    if (r->in_section)
        return SR_OK;
    return r->kind == SR_DICT_ACTOR ? actor_line(r, s, n) : agent_line(r, s, n);
}

static sr_status read_lines(reader *r, const char *data, size_t len)
{
    size_t i = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < len && !r->finished) {
        const char *nl = memchr(data + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - data) : len;
        r->line++;
        sr_status st = e - i > SR_DICT_MAX_LINE
                           ? fail(r, SR_LIMIT, "line longer than the limit; skipped")
                           : process_line(r, data + i, e - i);
        if (st == SR_NOMEM)
            return st;
        i = e + 1;
    }
    r->line = r->opened;
    if (r->in_comment)
        fail(r, SR_DICT_SYNTAX, "expected '-->' to close the comment opened here");
    if (r->in_section)
        fail(r, SR_DICT_SYNTAX, "expected a closing tag for the section opened here");
    return SR_OK;
}

sr_status sr_dict_load_mem(sr_dict *d, sr_dict_kind kind, const char *name, const char *data,
                           size_t len)
{
    reader r;
    memset(&r, 0, sizeof r);
    r.d = d;
    r.name = name ? name : "<memory>";
    r.kind = kind == SR_DICT_AGENT ? SR_DICT_AGENT : SR_DICT_ACTOR;
    if (!(r.scratch = sr_arena_new()))
        return SR_NOMEM;
    sr_status st = read_lines(&r, data, len);
    if (st == SR_OK && r.npend)
        st = sr_dict_add_pending(d, r.name, r.pend, r.npend);
    free(r.pend);
    sr_arena_free(r.scratch);
    if (st == SR_NOMEM)
        return st;
    return r.first != SR_OK ? r.first : st;
}

sr_status sr_dict_slurp(sr_dict *d, const char *path, sr_buf *out)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return sr_dict_fail(d, errno == ENOENT ? SR_NOTFOUND : SR_IO, path, 0,
                            "cannot open the file");
    sr_status st = sr_buf_read_stream(out, f, 0);
    if (st == SR_IO)
        sr_dict_fail(d, SR_IO, path, 0, "cannot read the file");
    fclose(f);
    return st;
}

sr_status sr_dict_load_file(sr_dict *d, sr_dict_kind kind, const char *path)
{
    sr_buf b = {0};
    sr_status st = sr_dict_slurp(d, path, &b);
    if (st == SR_OK)
        st = sr_dict_load_mem(d, kind, path, b.p ? b.p : "", b.n);
    sr_buf_free(&b);
    return st;
}
