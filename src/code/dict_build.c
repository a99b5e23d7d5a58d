/* dict_build.c: the dictionary handle, interning of words and codes, and the phrase trie.
 *
 * The trie is stored as one open-addressing table of edges keyed by (parent node, word
 * hash, edge kind), the word hash being sr_word_hash, which document tokens already
 * carry; each edge names its interned word so a hash hit is verified against the text.
 * Nodes hold, per kind (actor, agent), the phrase that ends there. Phrases are cut into
 * words by the document tokenizer itself (one batch per file), so "U.S.", "Ki-moon" and
 * "Syria's" split in the dictionary exactly as in text. A bit filter over the edge keys
 * answers most failed probes without touching the table. Strings, codes and the filter
 * live in the handle's arena; the tables (words, codes, edges, nodes, phrases,
 * records, code sets) are malloc'd blocks that double in place, so no dead copy of a
 * grown table is left behind; sr_dict_free() frees the ten tables and the arena. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "dict_int.h"

sr_dict *sr_dict_new(unsigned flags)
{
    sr_arena *a = sr_arena_new();
    if (!a)
        return NULL;
    sr_dict *d = sr_arena_alloc(a, sizeof *d);
    if (!d) {
        sr_arena_free(a);
        return NULL;
    }
    memset(d, 0, sizeof *d);
    d->arena = a;
    d->flags = flags;
    dict_node *root =
        sr_dict_push((void **)&d->nodes, &d->nnodes, &d->cap_nodes, sizeof *root, 1024);
    if (!root) {
        sr_dict_free(d);
        return NULL;
    }
    return d;
}

void *sr_dict_push(void **v, size_t *n, size_t *cap, size_t elem, size_t first_cap)
{
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : first_cap;
        void *grown = c <= SIZE_MAX / elem ? realloc(*v, c * elem) : NULL;
        if (!grown)
            return NULL;
        *v = grown;
        *cap = c;
    }
    void *slot = (char *)*v + (*n)++ * elem;
    memset(slot, 0, elem);
    return slot;
}

void sr_dict_free(sr_dict *d)
{
    if (!d)
        return;
    void *tables[] = {d->words, d->word_ix.slot, d->codes,   d->code_ix.slot, d->edges,
                      d->nodes, d->phrases,      d->records, d->sets,         d->code_refs};
    for (size_t i = 0; i < sizeof tables / sizeof *tables; i++)
        free(tables[i]);
    sr_arena_free(d->arena);
}

const char *sr_dict_error(const sr_dict *d)
{
    return d->err;
}

const char *sr_dict_warning(const sr_dict *d)
{
    return d->warn;
}

void sr_dict_get_stats(const sr_dict *d, sr_dict_stats *out)
{
    memset(out, 0, sizeof *out);
    out->phrases[0] = d->nkind[0];
    out->phrases[1] = d->nkind[1];
    out->records = d->nrecords;
    out->codesets = d->nsets;
    out->codes = d->ncodes;
    out->errors = d->errors;
    out->warnings = d->warnings;
    out->duplicates = d->duplicates;
    out->replaced = d->replaced;
    out->nodes = d->nnodes;
    out->bytes = sr_arena_footprint(d->arena) + d->cap_words * sizeof *d->words +
                 (d->word_ix.cap + d->code_ix.cap) * sizeof(uint32_t) +
                 d->cap_codes * sizeof *d->codes + d->cap_edges * sizeof *d->edges +
                 d->cap_nodes * sizeof *d->nodes + d->cap_phrases * sizeof *d->phrases +
                 d->cap_records * sizeof *d->records + d->cap_sets * sizeof *d->sets +
                 d->cap_refs * sizeof *d->code_refs;
}

static void vformat(char *dst, size_t cap, const char *name, uint32_t line, const char *fmt,
                    va_list ap)
{
    int k = snprintf(dst, cap, "%s:%u: ", name, (unsigned)line);
    if (k < 0 || (size_t)k >= cap)
        return;
    vsnprintf(dst + k, cap - (size_t)k, fmt, ap);
}

sr_status sr_dict_fail(sr_dict *d, sr_status st, const char *name, uint32_t line, const char *fmt,
                       ...)
{
    if (d->errors++ == 0) {
        va_list ap;
        va_start(ap, fmt);
        vformat(d->err, sizeof d->err, name, line, fmt, ap);
        va_end(ap);
        d->first_status = st;
    }
    return st;
}

void sr_dict_warn(sr_dict *d, const char *name, uint32_t line, const char *fmt, ...)
{
    if (d->warnings++ == 0) {
        va_list ap;
        va_start(ap, fmt);
        vformat(d->warn, sizeof d->warn, name, line, fmt, ap);
        va_end(ap);
    }
}

/* ---- interning ---------------------------------------------------------------------- */

/* Rebuilds index ix at twice its size; hash_of(d, id) gives an entry's hash. */
static bool ix_grow(sr_dict *d, dict_index *ix, uint32_t (*hash_of)(const sr_dict *, uint32_t))
{
    size_t cap = ix->cap ? ix->cap * 2 : 1024;
    uint32_t *slot = calloc(cap, sizeof *slot);
    if (!slot)
        return false;
    for (size_t i = 0; i < ix->cap; i++) {
        if (!ix->slot[i])
            continue;
        size_t j = hash_of(d, ix->slot[i] - 1) & (cap - 1);
        while (slot[j])
            j = (j + 1) & (cap - 1);
        slot[j] = ix->slot[i];
    }
    free(ix->slot);
    ix->slot = slot;
    ix->cap = cap;
    return true;
}

static uint32_t word_hash_of(const sr_dict *d, uint32_t id)
{
    return d->words[id].hash;
}

static uint32_t code_hash_of(const sr_dict *d, uint32_t id)
{
    return sr_word_hash(d->codes[id]->text, d->codes[id]->len);
}

static bool same_folded(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x >= 'A' && x <= 'Z')
            x |= 0x20;
        if (y >= 'A' && y <= 'Z')
            y |= 0x20;
        if (x != y)
            return false;
    }
    return true;
}

/* Interns word s[0..n) (ASCII case folded). Returns its id, or UINT32_MAX on OOM. */
static uint32_t intern_word(sr_dict *d, const char *s, size_t n, uint32_t hash)
{
    if (2 * (d->word_ix.n + 1) > d->word_ix.cap && !ix_grow(d, &d->word_ix, word_hash_of))
        return UINT32_MAX;
    size_t mask = d->word_ix.cap - 1, j = hash & mask;
    for (; d->word_ix.slot[j]; j = (j + 1) & mask) {
        const dict_word *w = &d->words[d->word_ix.slot[j] - 1];
        if (w->hash == hash && w->len == n && same_folded(w->s, s, n))
            return d->word_ix.slot[j] - 1;
    }
    char *copy = sr_arena_strndup(d->arena, s, n);
    dict_word *w =
        copy ? sr_dict_push((void **)&d->words, &d->nwords, &d->cap_words, sizeof *w, 1024) : NULL;
    if (!w)
        return UINT32_MAX;
    for (size_t i = 0; i < n; i++)
        if (copy[i] >= 'A' && copy[i] <= 'Z')
            copy[i] |= 0x20;
    w->s = copy;
    w->len = (uint32_t)n;
    w->hash = hash;
    d->word_ix.slot[j] = (uint32_t)d->nwords;
    d->word_ix.n++;
    return (uint32_t)(d->nwords - 1);
}

const sr_dict_code *sr_dict_intern_code(sr_dict *d, const char *s, size_t n, uint32_t flags)
{
    if (2 * (d->code_ix.n + 1) > d->code_ix.cap && !ix_grow(d, &d->code_ix, code_hash_of))
        return NULL;
    size_t mask = d->code_ix.cap - 1, j = sr_word_hash(s, n) & mask;
    for (; d->code_ix.slot[j]; j = (j + 1) & mask) {
        const sr_dict_code *c = d->codes[d->code_ix.slot[j] - 1];
        if (c->len == n && c->flags == flags && memcmp(c->text, s, n) == 0)
            return c;
    }
    sr_dict_code *c = sr_arena_alloc(d->arena, sizeof *c);
    char *copy = sr_arena_strndup(d->arena, s, n);
    sr_dict_code **slot =
        c && copy ? sr_dict_push((void **)&d->codes, &d->ncodes, &d->cap_codes, sizeof *slot, 256)
                  : NULL;
    if (!slot)
        return NULL;
    c->text = copy;
    c->len = (uint32_t)n;
    c->flags = flags;
    *slot = c;
    d->code_ix.slot[j] = (uint32_t)d->ncodes;
    d->code_ix.n++;
    return c;
}

/* ---- records and code sets --------------------------------------------------------- */

uint32_t sr_dict_record_new(sr_dict *d, const char *primary, uint8_t entry)
{
    dict_record *rec =
        sr_dict_push((void **)&d->records, &d->nrecords, &d->cap_records, sizeof *rec, 1024);
    if (!rec)
        return UINT32_MAX;
    rec->first_set = (uint32_t)d->nsets;
    rec->primary = primary;
    rec->entry = entry;
    return (uint32_t)(d->nrecords - 1);
}

sr_status sr_dict_codeset_add(sr_dict *d, uint32_t r, bool restricted, int32_t lo, int32_t hi,
                              const sr_dict_code *const *codes, size_t n)
{
    if (d->records[r].nsets >= SR_DICT_MAX_CODESETS || n > SR_DICT_MAX_COMPOUND)
        return SR_LIMIT;
    dict_codeset cs = {lo, hi, (uint32_t)d->nrefs, (uint32_t)n, restricted};
    for (size_t k = 0; k < n; k++) {
        const sr_dict_code **ref =
            sr_dict_push((void **)&d->code_refs, &d->nrefs, &d->cap_refs, sizeof *ref, 1024);
        if (!ref)
            return SR_NOMEM;
        *ref = codes[k];
    }
    dict_codeset *slot =
        sr_dict_push((void **)&d->sets, &d->nsets, &d->cap_sets, sizeof *slot, 1024);
    if (!slot)
        return SR_NOMEM;
    *slot = cs;
    d->records[r].nsets++;
    return SR_OK;
}

uint8_t sr_dict_record_entry(const sr_dict *d, uint32_t r)
{
    const dict_record *rec = &d->records[r];
    if (rec->entry)
        return rec->entry;
    bool restricted = false;
    for (uint32_t k = 0; k < rec->nsets; k++) {
        const dict_codeset *s = &d->sets[rec->first_set + k];
        restricted |= s->restricted;
        for (uint32_t c = 0; c < s->n; c++)
            if (d->code_refs[s->first + c]->len == 3)
                return SR_ENTRY_GROUP;
    }
    return restricted ? SR_ENTRY_PERSON : SR_ENTRY_GROUP;
}

/* ---- the trie ----------------------------------------------------------------------- */

static bool edges_grow(sr_dict *d)
{
    size_t cap = d->cap_edges ? d->cap_edges * 2 : 4096;
    dict_edge *e = calloc(cap, sizeof *e);
    if (!e)
        return false;
    for (size_t i = 0; i < d->cap_edges; i++) {
        const dict_edge *old = &d->edges[i];
        if (!old->child)
            continue;
        size_t j = sr_dict_edge_slot(old->parent, old->hash, old->kind, cap);
        while (e[j].child)
            j = (j + 1) & (cap - 1);
        e[j] = *old;
    }
    free(d->edges);
    d->edges = e;
    d->cap_edges = cap;
    return true;
}

/* The child of parent along word s[0..n) (hash h) and kind, made if missing. Returns
 * the node id, or 0 on out-of-memory. */
static uint32_t edge_add(sr_dict *d, uint32_t parent, const char *s, size_t n, uint32_t h, int kind)
{
    uint32_t found = sr_dict_edge_find(d, parent, h, kind, s, n);
    if (found)
        return found;
    if (2 * (d->nedges + 1) > d->cap_edges && !edges_grow(d))
        return 0;
    if (!d->filter) {
        if (!(d->filter = sr_arena_alloc(d->arena, DICT_FILTER_BITS / 8)))
            return 0;
        memset(d->filter, 0, DICT_FILTER_BITS / 8);
    }
    uint32_t word = intern_word(d, s, n, h);
    dict_node *node = word != UINT32_MAX ? sr_dict_push((void **)&d->nodes, &d->nnodes,
                                                        &d->cap_nodes, sizeof *node, 1024)
                                         : NULL;
    if (!node)
        return 0;
    size_t j = sr_dict_edge_slot(parent, h, kind, d->cap_edges);
    while (d->edges[j].child)
        j = (j + 1) & (d->cap_edges - 1);
    dict_edge *e = &d->edges[j];
    e->parent = parent;
    e->hash = h;
    e->kind = (uint8_t)kind;
    e->word = word;
    e->child = (uint32_t)(d->nnodes - 1);
    d->nedges++;
    size_t b = sr_dict_edge_slot(parent, h, kind, DICT_FILTER_BITS);
    d->filter[b >> 6] |= (uint64_t)1 << (b & 63);
    if (kind & EDGE_STEM)
        d->stem_lens |= (uint64_t)1 << (n - 1);
    return e->child;
}

/* Gives phrase p the record of the earlier phrase at the same node plus its own code
 * sets (SR_DICT_MERGE_DUPS). Returns false on out-of-memory. */
static bool merge_into(sr_dict *d, dict_phrase *old, uint32_t record)
{
    dict_record *r =
        sr_dict_push((void **)&d->records, &d->nrecords, &d->cap_records, sizeof *r, 256);
    if (!r)
        return false;
    const dict_record a = d->records[old->record], b = d->records[record];
    r->first_set = (uint32_t)d->nsets;
    r->primary = a.primary;
    const dict_record *parts[2] = {&a, &b};
    for (int k = 0; k < 2; k++)
        for (uint32_t s = 0; s < parts[k]->nsets; s++) {
            dict_codeset *c =
                sr_dict_push((void **)&d->sets, &d->nsets, &d->cap_sets, sizeof *c, 1024);
            if (!c)
                return false;
            *c = d->sets[parts[k]->first_set + s];
        }
    r->nsets = (uint32_t)d->nsets - r->first_set;
    old->record = (uint32_t)(d->nrecords - 1);
    return true;
}

/* A supplement phrase p takes over the earlier phrase old (same words, same kind). When
 * old is the primary phrase of a person and p names a person, the person's whole record
 * takes p's codes, so every variant the older file listed ("PRESIDENT_BARACK_OBAMA")
 * gets the corrected dates; otherwise only this phrase changes hands. */
static void take_over(sr_dict *d, dict_phrase *old, const dict_pending *p)
{
    dict_record *orec = &d->records[old->record];
    const dict_record *nrec = &d->records[p->record];
    if ((nrec->entry & SR_ENTRY_PERSON) && p->kind == SR_DICT_ACTOR && orec->primary == old->text &&
        (sr_dict_record_entry(d, old->record) & SR_ENTRY_PERSON)) {
        orec->first_set = nrec->first_set;
        orec->nsets = nrec->nsets;
        orec->entry = nrec->entry;
        orec->primary = nrec->primary;
    }
    old->record = p->record;
    old->text = p->text;
    old->plural_ok = p->plural_ok;
    d->replaced++;
}

/* Stores phrase p ending at node. Returns SR_OK or SR_NOMEM. */
static sr_status put_phrase(sr_dict *d, const char *name, const dict_pending *p, uint32_t node)
{
    uint32_t *slot = &d->nodes[node].entry[p->kind];
    if (*slot) {
        if (p->generated)
            return SR_OK;
        if (d->phrases[*slot - 1].record < p->replace_below) {
            take_over(d, &d->phrases[*slot - 1], p);
            return SR_OK;
        }
        d->duplicates++;
        if (d->flags & SR_DICT_MERGE_DUPS)
            return merge_into(d, &d->phrases[*slot - 1], p->record) ? SR_OK : SR_NOMEM;
        sr_dict_warn(d, name, p->line, "duplicate phrase \"%.*s\"; the first entry is kept",
                     (int)p->len, p->text);
        return SR_OK;
    }
    dict_phrase *ph =
        sr_dict_push((void **)&d->phrases, &d->nphrases, &d->cap_phrases, sizeof *ph, 1024);
    if (!ph)
        return SR_NOMEM;
    ph->record = p->record;
    ph->text = p->text;
    ph->kind = p->kind;
    ph->plural_ok = p->plural_ok;
    *slot = (uint32_t)d->nphrases;
    d->nkind[p->kind]++;
    return SR_OK;
}

/* Walks/extends the trie along tokens [t, t + n) of doc and stores p at the end. */
static sr_status insert_tokens(sr_dict *d, const char *name, const dict_pending *p,
                               const sr_doc *doc, const sr_token *t, size_t n)
{
    if (n == 0)
        return sr_dict_fail(d, SR_DICT_SYNTAX, name, p->line,
                            "expected a phrase with at least one word");
    if (n > SR_DICT_MAX_PHRASE_TOKENS)
        return sr_dict_fail(d, SR_LIMIT, name, p->line, "phrase has more than %d words",
                            SR_DICT_MAX_PHRASE_TOKENS);
    uint32_t node = 0;
    for (size_t k = 0; k < n; k++) {
        const char *s = doc->clean + t[k].start;
        size_t len = t[k].end - t[k].start;
        if (len > SR_DICT_MAX_WORD)
            return sr_dict_fail(d, SR_LIMIT, name, p->line, "word longer than %d bytes",
                                SR_DICT_MAX_WORD);
        int kind = k + 1 == n && p->stem && t[k].kind == SR_TOK_WORD ? EDGE_STEM : EDGE_WHOLE;
        if (k > 0 && (d->flags & SR_DICT_GAPS) && t[k].start - t[k - 1].end > 1) {
            kind |= EDGE_GAP; /* batch_text wrote the blank as two */
            d->gapped = true;
        }
        node = edge_add(d, node, s, len, sr_word_hash(s, len), kind);
        if (!node)
            return SR_NOMEM;
    }
    return put_phrase(d, name, p, node);
}

/* Writes the phrases into one text, words separated by blanks ("_" and "-" become
 * blanks, as TABARI reads them), phrases by " \n " so no token spans two. With gaps, a
 * run of blanks in the phrase is written as two blanks, each "_" "-" "=" as one, so the
 * tokens show which words a blank joined. */
static sr_status batch_text(const dict_pending *p, size_t n, bool gaps, sr_buf *b, uint32_t *off)
{
    for (size_t i = 0; i < n; i++) {
        off[i] = (uint32_t)b->n;
        if (sr_buf_reserve(b, 2 * p[i].len + 3))
            return SR_NOMEM;
        for (size_t k = 0; k < p[i].len; k++) {
            char c = p[i].text[k];
            if (gaps && (c == ' ' || c == '\t')) {
                while (k + 1 < p[i].len && (p[i].text[k + 1] == ' ' || p[i].text[k + 1] == '\t'))
                    k++;
                b->p[b->n++] = ' ';
                b->p[b->n++] = ' ';
                continue;
            }
            b->p[b->n++] = c == '_' || c == '-' || c == '=' ? ' ' : c;
        }
        memcpy(b->p + b->n, " \n ", 3);
        b->n += 3;
    }
    off[n] = (uint32_t)b->n;
    return b->n > SR_MAX_RECORD_HARD ? SR_LIMIT : SR_OK;
}

sr_status sr_dict_add_pending(sr_dict *d, const char *name, const dict_pending *p, size_t n)
{
    sr_buf b = {0};
    sr_status st = SR_NOMEM, first = SR_OK;
    sr_doc doc;
    memset(&doc, 0, sizeof doc);
    uint32_t *off = malloc((n + 1) * sizeof *off);
    doc.arena = sr_arena_new();
    if (!off || !doc.arena ||
        (st = batch_text(p, n, (d->flags & SR_DICT_GAPS) != 0, &b, off)) != SR_OK)
        goto done;
    st = SR_NOMEM;
    doc.len = b.n;
    doc.text = b.p;
    if (sr_tokenize(&doc) != SR_OK)
        goto done;
    /* written entries first, then generated plurals, so a plural never displaces one */
    for (int pass = 0; pass < 2; pass++) {
        size_t t = 0;
        for (size_t i = 0; i < n; i++) {
            size_t from = t;
            while (t < doc.ntokens && doc.tokens[t].start < off[i + 1])
                t++;
            if (p[i].generated != pass)
                continue;
            const sr_token *tok = doc.tokens ? doc.tokens + from : NULL;
            sr_status one = insert_tokens(d, name, &p[i], &doc, tok, t - from);
            if (one == SR_NOMEM)
                goto done;
            if (one != SR_OK && first == SR_OK)
                first = one;
        }
    }
    st = first;
done:
    sr_arena_free(doc.arena);
    sr_buf_free(&b);
    free(off);
    return st;
}
