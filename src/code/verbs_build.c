/* verbs_build.c: the verb dictionary's storage: tables, codes, patterns parsed into
 * elements, TABARI's pattern order, the lookup of roots by their first word, and the
 * synsets' index (which two-byte openings their word-led members have). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict_int.h"
#include "verbs_int.h"

sr_verbs *sr_verbs_new(void)
{
    sr_verbs *v = calloc(1, sizeof *v);
    if (!v || !(v->arena = sr_arena_new())) {
        free(v);
        return NULL;
    }
    return v;
}

void sr_verbs_free(sr_verbs *v)
{
    if (!v)
        return;
    free(v->els);
    free(v->seqs);
    free(v->sets);
    free(v->pats);
    free(v->groups);
    free(v->forms);
    free(v->heads);
    free(v->setix);
    free(v->set_other);
    sr_arena_free(v->arena);
    free(v);
}

const char *sr_verbs_error(const sr_verbs *v)
{
    return v->err;
}
const char *sr_verbs_warning(const sr_verbs *v)
{
    return v->warn;
}

void sr_verbs_get_stats(const sr_verbs *v, sr_verbs_stats *out)
{
    memset(out, 0, sizeof *out);
    out->roots = v->ngroups;
    out->forms = v->nforms;
    out->patterns = v->npats;
    for (size_t i = 0; i < v->nsets; i++)
        out->synsets += v->sets[i].name != NULL;
    out->words = v->nels;
    out->errors = v->errors;
    out->warnings = v->warnings;
    out->duplicates = v->duplicates;
    out->time_section = v->time_section;
}

const char *sr_verbs_str(sr_verbs *v, const char *s, size_t n)
{
    char *p = sr_arena_alloc(v->arena, n + 1);
    if (!p)
        return NULL;
    for (size_t i = 0; i < n; i++)
        p[i] = (s[i] >= 'a' && s[i] <= 'z') ? (char)(s[i] - 32) : s[i];
    p[n] = 0;
    return p;
}

#define PUSH(field, count, cap, first)                                                             \
    sr_dict_push((void **)&v->field, &v->count, &v->cap, sizeof *v->field, first)

vel *sr_verbs_el(sr_verbs *v)
{
    return PUSH(els, nels, cap_els, 4096);
}
vseq *sr_verbs_seq(sr_verbs *v)
{
    return PUSH(seqs, nseqs, cap_seqs, 256);
}
vset *sr_verbs_set(sr_verbs *v)
{
    return PUSH(sets, nsets, cap_sets, 64);
}
vpattern *sr_verbs_pat(sr_verbs *v)
{
    return PUSH(pats, npats, cap_pats, 1024);
}
vgroup *sr_verbs_group(sr_verbs *v)
{
    return PUSH(groups, ngroups, cap_groups, 512);
}
vform *sr_verbs_form(sr_verbs *v)
{
    return PUSH(forms, nforms, cap_forms, 1024);
}

uint32_t sr_verbs_find_set(const sr_verbs *v, const char *name, size_t n)
{
    for (size_t i = 0; i < v->nsets; i++) {
        const char *s = v->sets[i].name;
        if (s && strlen(s) == n && !strncasecmp(s, name, n))
            return (uint32_t)i;
    }
    return UINT32_MAX;
}

static void vmessage(char *dst, size_t cap, const char *name, uint32_t line, const char *fmt,
                     va_list ap)
{
    int k = line ? snprintf(dst, cap, "%s:%u: ", name, (unsigned)line)
                 : snprintf(dst, cap, "%s: ", name);
    if (k >= 0 && (size_t)k < cap)
        vsnprintf(dst + k, cap - (size_t)k, fmt, ap);
}

sr_status sr_verbs_fail(sr_verbs *v, sr_status st, const char *name, uint32_t line, const char *fmt,
                        ...)
{
    v->errors++;
    if (v->first_status == SR_OK) {
        v->first_status = st;
        va_list ap;
        va_start(ap, fmt);
        vmessage(v->err, sizeof v->err, name, line, fmt, ap);
        va_end(ap);
    }
    return st;
}

void sr_verbs_warn(sr_verbs *v, const char *name, uint32_t line, const char *fmt, ...)
{
    if (v->warnings++ == 0) {
        va_list ap;
        va_start(ap, fmt);
        vmessage(v->warn, sizeof v->warn, name, line, fmt, ap);
        va_end(ap);
    }
}

/* ---- codes ---------------------------------------------------------------------------- */

static bool code_char(char c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

sr_status sr_verbs_parse_code(sr_verbs *v, const char *name, uint32_t line, const char *s, size_t n,
                              bool time, vcode *out)
{
    char buf[64];
    size_t k = 0;
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t') {
            if (k + 1 >= sizeof buf)
                return sr_verbs_fail(v, SR_DICT, name, line,
                                     "expected a code of at most %zu "
                                     "characters in [...]",
                                     sizeof buf - 2);
            buf[k++] = s[i];
        }
    buf[k] = 0;
    if (!k)
        return sr_verbs_fail(v, SR_DICT, name, line, "expected a code inside [...]");
    if (!strcmp(buf, "---")) {
        out->flags = VC_NULL;
        return SR_OK;
    }
    if (!strcmp(buf, "###")) {
        out->flags = VC_DISCARD;
        return SR_OK;
    }
    if (!strcmp(buf, "+++")) {
        out->flags = VC_COMPLEX;
        return SR_OK;
    }
    if (time) {
        char *e;
        long d = strtol(buf, &e, 10);
        if (*e || e == buf || d < -8192 || d > 8192)
            return sr_verbs_fail(v, SR_DICT, name, line,
                                 "expected a day shift from -8192 to +8192 in [...]");
        out->shift = (int32_t)d;
        return SR_OK;
    }
    if (buf[k - 1] == '?' || buf[k - 1] == '!') {
        out->flags |= buf[k - 1] == '?' ? VC_SUBORD : VC_DOMINANT;
        buf[--k] = 0;
    }
    char *colon = strchr(buf, ':');
    size_t a = colon ? (size_t)(colon - buf) : k;
    for (size_t i = 0; i < k; i++)
        if (i != a && !code_char(buf[i]))
            return sr_verbs_fail(v, SR_DICT, name, line,
                                 "expected an event code of letters and digits, "
                                 "optionally CODE:CODE, in [%s]",
                                 buf);
    if (!a || (colon && a + 1 == k))
        return sr_verbs_fail(v, SR_DICT, name, line, "expected a code on both sides of ':'");
    out->code = sr_verbs_str(v, buf, a);
    out->pair = colon ? sr_verbs_str(v, buf + a + 1, k - a - 1) : NULL;
    if (!out->code || (colon && !out->pair))
        return sr_verbs_fail(v, SR_NOMEM, name, line, "out of memory");
    return SR_OK;
}

/* ---- patterns ------------------------------------------------------------------------- */

typedef struct {
    sr_verbs *v;
    const char *name;
    uint32_t line;
    bool petrarch;
    int depth;
} pparse;

static bool word_char(char c)
{
    return c && c != ' ' && c != '\t' && c != '_' && c != '-' && c != '~' && c != '{' && c != '}' &&
           c != '|' && c != '(' && c != ')' && c != '[' && c != ']';
}

static sr_status parse_seq(pparse *p, const char *s, size_t n, size_t *i, char stop, int32_t *len,
                           vseq *out);

/* Appends an element of kind; adjacency given. NULL on out-of-memory. */
static vel *add_el(pparse *p, uint8_t kind, bool adjacent)
{
    vel *e = sr_verbs_el(p->v);
    if (e) {
        e->kind = kind;
        e->adjacent = adjacent;
    }
    return e;
}

/* "{ A | B C | &SET }": a set of alternative sequences. Elements of each alternative are
 * parsed into a scratch range and moved after the caller's elements. */
static sr_status parse_alts(pparse *p, const char *s, size_t n, size_t *i, bool adjacent,
                            int32_t *len)
{
    sr_verbs *v = p->v;
    if (++p->depth > 4)
        return sr_verbs_fail(v, SR_DICT, p->name, p->line,
                             "expected at most 4 levels of nested { | } alternatives");
    /* The sequences of this set must be contiguous in v->seqs; collect them in a local
     * list first, as nested sets append their own. */
    vseq local[64];
    size_t nlocal = 0;
    int32_t best = 0;
    (*i)++; /* '{' */
    for (;;) {
        if (nlocal == 64)
            return sr_verbs_fail(v, SR_DICT, p->name, p->line,
                                 "expected at most 64 alternatives in { | }");
        int32_t l = 0;
        sr_status st = parse_seq(p, s, n, i, '|', &l, &local[nlocal]);
        if (st)
            return st;
        nlocal++;
        if (l > best)
            best = l;
        if (*i < n && s[*i] == '|') {
            (*i)++;
            continue;
        }
        if (*i < n && s[*i] == '}') {
            (*i)++;
            break;
        }
        return sr_verbs_fail(v, SR_DICT, p->name, p->line, "expected '}' closing '{'");
    }
    p->depth--;
    vset *set = sr_verbs_set(v);
    if (!set)
        return SR_NOMEM;
    uint32_t set_id = (uint32_t)(v->nsets - 1);
    set->first = (uint32_t)v->nseqs;
    set->n = (uint32_t)nlocal;
    for (size_t k = 0; k < nlocal; k++) {
        vseq *q = sr_verbs_seq(v);
        if (!q)
            return SR_NOMEM;
        *q = local[k];
    }
    vel *e = add_el(p, PE_SET, adjacent);
    if (!e)
        return SR_NOMEM;
    e->set = set_id;
    *len += best;
    return SR_OK;
}

/* Parses elements until stop ('|' also ends at '}') or the end of the text into *out.
 * A nested set's sequences are appended to v->els while this sequence is read, so this
 * sequence's own elements are gathered locally and appended last: every sequence is a
 * contiguous run. */
static sr_status parse_seq(pparse *p, const char *s, size_t n, size_t *i, char stop, int32_t *len,
                           vseq *out)
{
    sr_verbs *v = p->v;
    bool adjacent = false; /* the next element must follow the previous one at once */
    /* Elements of this sequence, gathered locally (nested sets append to v->els). */
    vel local[64];
    size_t nlocal = 0;
    while (*i < n) {
        char c = s[*i];
        if (c == ' ' || c == '\t') {
            adjacent = false;
            (*i)++;
            continue;
        }
        if ((stop == '|' && (c == '|' || c == '}')) || (stop == ')' && c == ')'))
            break;
        if (nlocal == 64)
            return sr_verbs_fail(v, SR_DICT, p->name, p->line,
                                 "expected at most 64 elements in a pattern");
        if (c == '_' || c == '-') { /* TABARI reads a hyphen in a pattern as "_" */
            adjacent = true;
            (*i)++;
            continue;
        }
        if (c == '{' && !p->petrarch) {
            sr_status st = parse_alts(p, s, n, i, adjacent && nlocal > 0, len);
            if (st)
                return st;
            local[nlocal++] = v->els[--v->nels]; /* the set element, moved here */
            adjacent = false;
            continue;
        }
        if (p->petrarch && (c == '{' || c == '(' || c == '}' || c == ')')) {
            /* PETRARCH: "{A B}" is a consecutive phrase, "(P N)" a prepositional phrase
             * whose words need not be consecutive. */
            adjacent = c == '{' ? false : adjacent;
            if (c == '{') {
                (*i)++;
                size_t j = *i;
                while (j < n && s[j] != '}')
                    j++;
                if (j == n)
                    return sr_verbs_fail(v, SR_DICT, p->name, p->line, "expected '}' closing '{'");
                bool first = true;
                while (*i < j) {
                    while (*i < j && (s[*i] == ' ' || s[*i] == '_'))
                        (*i)++;
                    size_t w = *i;
                    while (*i < j && s[*i] != ' ' && s[*i] != '_')
                        (*i)++;
                    if (*i > w) {
                        if (nlocal == 64)
                            return sr_verbs_fail(v, SR_DICT, p->name, p->line,
                                                 "expected at most 64 elements in a pattern");
                        vel *e = &local[nlocal++];
                        memset(e, 0, sizeof *e);
                        e->kind = PE_WORD;
                        e->adjacent = !first;
                        e->match = VM_REGULAR;
                        e->s = sr_verbs_str(v, s + w, *i - w);
                        e->len = (uint16_t)(*i - w);
                        if (!e->s)
                            return SR_NOMEM;
                        *len += (int32_t)(*i - w);
                        first = false;
                    }
                }
                (*i)++;
            } else
                (*i)++;
            continue;
        }
        if (c == '}' || c == '|' || c == ')' || c == '(')
            return sr_verbs_fail(v, SR_DICT, p->name, p->line, "expected a word, not '%c'", c);
        vel *e = &local[nlocal++];
        memset(e, 0, sizeof *e);
        e->adjacent = adjacent && nlocal > 1;
        adjacent = false;
        int kind = c == '*'   ? PE_VERB
                   : c == '$' ? PE_SOURCE
                   : c == '+' ? PE_TARGET
                   : c == '%' ? PE_COMPOUND
                   : c == '^' ? PE_SKIP
                   : c == '@' ? PE_ATTRIB
                              : -1;
        if (kind >= 0 && (*i + 1 >= n || !word_char(s[*i + 1]) || c == '*')) {
            e->kind = (uint8_t)kind;
            (*i)++;
            continue;
        }
        size_t w = *i;
        while (*i < n && word_char(s[*i]))
            (*i)++;
        if (s[w] == '&') {
            uint32_t set = sr_verbs_find_set(v, s + w, *i - w);
            if (set == UINT32_MAX && p->petrarch && *i < n && s[*i] == '_')
                set = sr_verbs_find_set(v, s + w, *i - w + 1);
            if (set == UINT32_MAX)
                return sr_verbs_fail(v, SR_DICT, p->name, p->line,
                                     "expected a synset declared before use, not %.*s",
                                     (int)(*i - w), s + w);
            /* A synset adds nothing to the pattern's length, as it does in TABARI: its
               "* &CURRENCY" comes after "* DOLLAR" (validation record SYNSET-07). */
            e->kind = PE_SET;
            e->set = set;
            continue;
        }
        e->kind = PE_WORD;
        e->match = VM_STEM;
        size_t wn = *i - w;
        if (*i < n && s[*i] == '~') {
            (*i)++;
            adjacent = true;
        } else if (*i < n && (s[*i] == '_' || s[*i] == '-')) {
            e->match = VM_EXACT;
        } else if (*i < n && s[*i] == '=') {
            e->match = VM_EXACT;
        }
        if (p->petrarch && e->match == VM_STEM)
            e->match = VM_REGULAR;
        if (wn && s[w + wn - 1] == '=') {
            wn--;
            e->match = VM_EXACT;
        }
        e->s = sr_verbs_str(v, s + w, wn);
        e->len = (uint16_t)wn;
        if (!e->s)
            return SR_NOMEM;
        *len += (int32_t)wn;
    }
    out->first = (uint32_t)v->nels;
    out->n = (uint32_t)nlocal;
    for (size_t k = 0; k < nlocal; k++) {
        vel *e = sr_verbs_el(v);
        if (!e)
            return SR_NOMEM;
        *e = local[k];
    }
    return SR_OK;
}

sr_status sr_verbs_parse_pattern(sr_verbs *v, const char *name, uint32_t line, const char *s,
                                 size_t n, bool petrarch, uint32_t *first, uint32_t *count,
                                 int32_t *len)
{
    pparse p = {v, name, line, petrarch, 0};
    size_t i = 0;
    vseq q = {0, 0};
    *len = 0;
    sr_status st = parse_seq(&p, s, n, &i, 0, len, &q);
    *first = q.first;
    *count = q.n;
    return st;
}

/* ---- matching words ------------------------------------------------------------------- */

static bool is_ending(const char *e, size_t n, bool verb)
{
    if ((n == 1 && e[0] == 'S') || (n == 2 && e[0] == '\'' && e[1] == 'S') ||
        (n == 1 && e[0] == '\''))
        return true;
    if (!verb)
        return false;
    return (n == 2 && ((e[0] == 'E' && (e[1] == 'D' || e[1] == 'S' || e[1] == 'N')))) ||
           (n == 3 && !memcmp(e, "ING", 3)) || (n == 1 && e[0] == 'D') ||
           (n == 3 && !memcmp(e, "ED", 2) && e[2] == 'S');
}

bool sr_verbs_word_matches(const char *s, size_t n, uint8_t match, bool verb, const char *w,
                           size_t wn)
{
    if (wn < n || memcmp(s, w, n) != 0)
        return false;
    if (match == VM_STEM || wn == n)
        return true;
    if (match == VM_EXACT)
        return false;
    return is_ending(w + n, wn - n, verb);
}

/* ---- lookup --------------------------------------------------------------------------- */

static uint32_t key_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static int cmp_pat(const void *a, const void *b)
{
    const vpattern *x = a, *y = b;
    if (x->len != y->len)
        return x->len > y->len ? -1 : 1;
    return x->line < y->line ? -1 : x->line > y->line;
}

/* Whether member sequence q opens with a literal word. */
static bool word_led(const sr_verbs *v, const vseq *q)
{
    return q->n >= 1 && v->els[q->first].kind == PE_WORD;
}

/* The sets' openings and other members (vsetix). SR_OK or SR_NOMEM. */
static sr_status index_sets(sr_verbs *v)
{
    size_t nother = 0;
    for (size_t i = 0; i < v->nsets; i++)
        for (uint32_t k = 0; k < v->sets[i].n; k++)
            nother += !word_led(v, &v->seqs[v->sets[i].first + k]);
    vsetix *ix = calloc(v->nsets + 1, sizeof *ix);
    uint32_t *other = malloc((nother + 1) * sizeof *other);
    if (!ix || !other) {
        free(ix);
        free(other);
        return SR_NOMEM;
    }
    nother = 0;
    for (size_t i = 0; i < v->nsets; i++) {
        const vset *s = &v->sets[i];
        vsetix *x = &ix[i];
        x->first_other = (uint32_t)nother;
        x->usable = true;
        for (uint32_t k = 0; k < s->n; k++) {
            const vseq *q = &v->seqs[s->first + k];
            if (!word_led(v, q)) {
                other[nother++] = k;
                continue;
            }
            const vel *e = &v->els[q->first];
            if (e->len < 2) {
                x->usable = false;
                continue;
            }
            unsigned b = vset_opening((unsigned char)e->s[0], (unsigned char)e->s[1]);
            x->opening[b >> 6] |= 1ull << (b & 63);
        }
        x->nother = (uint32_t)nother - x->first_other;
    }
    free(v->setix);
    free(v->set_other);
    v->setix = ix;
    v->nsetix = v->nsets;
    v->set_other = other;
    return SR_OK;
}

sr_status sr_verbs_finish(sr_verbs *v)
{
    /* Patterns of a group are contiguous (readers append a root's patterns in a run,
     * a duplicate root's patterns are appended as a new run and merged here). */
    for (size_t g = 0; g < v->ngroups; g++)
        if (v->groups[g].npat > 1)
            qsort(v->pats + v->groups[g].first_pat, v->groups[g].npat, sizeof *v->pats, cmp_pat);
    if (index_sets(v))
        return SR_NOMEM;
    size_t cap = 64;
    while (cap < v->nforms * 2)
        cap *= 2;
    uint32_t *heads = calloc(cap, sizeof *heads);
    if (!heads)
        return SR_NOMEM;
    free(v->heads);
    v->heads = heads;
    v->cap_heads = cap;
    v->stem_lens = 0;
    /* Insert in reverse so each chain lists forms in file order. */
    for (size_t f = v->nforms; f-- > 0;) {
        vform *fm = &v->forms[f];
        const vel *w = &v->els[fm->first];
        size_t slot = key_hash(w->s, w->len) & (cap - 1);
        fm->next = heads[slot];
        heads[slot] = (uint32_t)f + 1;
        if (w->match == VM_STEM && w->len <= 64)
            v->stem_lens |= 1ull << (w->len - 1);
    }
    v->finished = true;
    return SR_OK;
}

/* Calls f for the forms whose first word is w[0..n) (only stems with stems_only). */
static void probe(const sr_verbs *v, const char *w, size_t n, bool stems_only,
                  void (*f)(uint32_t form, void *ctx), void *ctx)
{
    for (uint32_t id = v->heads[key_hash(w, n) & (v->cap_heads - 1)]; id;
         id = v->forms[id - 1].next) {
        const vel *x = &v->els[v->forms[id - 1].first];
        if (x->len == n && (!stems_only || x->match == VM_STEM) && !memcmp(x->s, w, n))
            f(id - 1, ctx);
    }
}

static bool tried_before(const size_t *tried, size_t ntried, size_t n)
{
    for (size_t t = 0; t < ntried; t++)
        if (tried[t] == n)
            return true;
    return false;
}

void sr_verbs_candidates(const sr_verbs *v, const char *w, size_t wn,
                         void (*f)(uint32_t form, void *ctx), void *ctx)
{
    if (!v->cap_heads || !wn)
        return;
    /* The word itself (whole words, and stems equal to it), the word less a regular
     * ending, and every stem length that some form has. */
    size_t tried[10];
    size_t ntried = 0;
    static const char *const endings[] = {"", "'S", "S", "ED", "ES", "EN", "ING", "D", "'"};
    for (size_t e = 0; e < sizeof endings / sizeof *endings; e++) {
        size_t el = strlen(endings[e]), n = wn - el;
        if (wn < el + 2 || memcmp(w + n, endings[e], el) || tried_before(tried, ntried, n))
            continue;
        tried[ntried++] = n;
        probe(v, w, n, false, f, ctx);
    }
    uint64_t lens_mask = v->stem_lens;
    for (size_t n = 1; n <= 64 && n <= wn && lens_mask >> (n - 1); n++)
        if ((lens_mask >> (n - 1) & 1) && !tried_before(tried, ntried, n))
            probe(v, w, n, true, f, ctx);
}
