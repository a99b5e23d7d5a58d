/* gaz_index.c: the gazetteer's name index: a trie over token hashes (see gaz_int.h),
 * its postings, the check of a match against a stored name, and the ranking weights.
 *
 * Names must be cut into tokens exactly as document text is. A name of plain ASCII
 * words separated by single spaces ("Kursk", "New York") is cut here directly: for such
 * text the document tokenizer gives one word token per word, hashed with sr_word_hash.
 * Every other name ("São Paulo", "Ivano-Frankivsk", "U.S.", "Cote d'Ivoire") is queued
 * and cut by sr_tokenize itself, all queued names in one batch per file. The tables
 * are malloc'd arrays grown by doubling, so building costs amortised constant time per
 * token. */
#include <math.h>
#include <stdlib.h>

#include "gaz_int.h"

/* Grows a malloc'd array *v of *cap elements to hold n + 1. Returns false on OOM. */
static bool reserve(void **v, size_t *cap, size_t n, size_t elem, size_t first)
{
    if (n < *cap)
        return true;
    size_t c = *cap ? *cap * 2 : first;
    if (c > SR_GAZ_MAX_ENTRIES)
        return false;
    void *p = realloc(*v, c * elem);
    if (!p)
        return false;
    *v = p;
    *cap = c;
    return true;
}

/* Whether a table of cap slots may hold n edges: at most 60% full, so a probe that
 * misses reads about three slots, one cache line. */
static bool room(size_t n, size_t cap)
{
    return 5 * n <= 3 * cap;
}

/* Moves the edges into a table of cap slots (a power of two). False on OOM. */
static bool edges_rehash(sr_gazetteer *g, size_t cap)
{
    gz_edge *e = calloc(cap, sizeof *e);
    if (!e)
        return false;
    for (size_t i = 0; i < g->cap_edges; i++) {
        const gz_edge *old = &g->edges[i];
        if (!old->child)
            continue;
        size_t j = sr_gaz_slot(old->parent, old->hash, cap - 1);
        while (e[j].child)
            j = (j + 1) & (cap - 1);
        e[j] = *old;
    }
    free(g->edges);
    g->edges = e;
    g->cap_edges = cap;
    return true;
}

static bool edges_grow(sr_gazetteer *g)
{
    return edges_rehash(g, g->cap_edges ? g->cap_edges * 2 : 1u << 16);
}

/* The child of parent along hash h, made if missing; 0 on out-of-memory. */
static uint32_t edge_add(sr_gazetteer *g, uint32_t parent, uint32_t h)
{
    uint32_t found = sr_gaz_child(g, parent, h);
    if (found)
        return found;
    if (!room(g->nedges + 1, g->cap_edges) && !edges_grow(g))
        return 0;
    if (!reserve((void **)&g->nodes, &g->cap_nodes, g->nnodes, sizeof *g->nodes, 1024))
        return 0;
    uint32_t child = (uint32_t)g->nnodes++;
    g->nodes[child] = (gz_node){NULL, 0, 0};
    size_t mask = g->cap_edges - 1, j = sr_gaz_slot(parent, h, mask);
    while (g->edges[j].child)
        j = (j + 1) & mask;
    g->edges[j] = (gz_edge){parent, h, child};
    g->nedges++;
    return child;
}

/* Stores name rep (its token hashes h[0..n)) for entry e. */
static sr_status insert(sr_gazetteer *g, const uint32_t *h, size_t n, const char *rep, uint32_t e,
                        uint8_t flags)
{
    uint32_t node = 0;
    for (size_t k = 0; k < n; k++)
        if (!(node = edge_add(g, node, h[k])))
            return SR_NOMEM;
    gz_node *nd = &g->nodes[node];
    if (!nd->rep)
        nd->rep = rep;
    if (g->entries[e].flags & GZ_BLOCK)
        nd->blocked = 1;
    if (nd->head && g->posts[nd->head - 1].entry == e)
        return SR_OK; /* the same entry by another spelling of the same tokens */
    if (!reserve((void **)&g->posts, &g->cap_posts, g->nposts, sizeof *g->posts, 4096))
        return SR_NOMEM;
    g->posts[g->nposts] = (gz_posting){e, nd->head, flags};
    nd->head = (uint32_t)++g->nposts;
    return SR_OK;
}

/* Inserts the queued plain names, prefetching the root slot of each first. */
static sr_status flush(sr_gazetteer *g)
{
    size_t need = g->nedges + SR_GAZ_QUEUE * SR_GAZ_MAX_NAME_TOKENS;
    while (!room(need, g->cap_edges))
        if (!edges_grow(g))
            return SR_NOMEM;
    for (size_t i = 0; i < g->nqueue; i++)
        __builtin_prefetch(&g->edges[sr_gaz_slot(0, g->queue[i].h[0], g->cap_edges - 1)]);
    sr_status st = SR_OK;
    for (size_t i = 0; i < g->nqueue && !st; i++) {
        const gz_queued *q = &g->queue[i];
        st = insert(g, q->h, q->n, q->rep, q->entry, q->flags);
    }
    g->nqueue = 0;
    return st;
}

/* Grows malloc'd array *v of *cap elements to at least want. Returns false on OOM. */
static bool reserve_to(void **v, size_t *cap, size_t want, size_t elem)
{
    if (want <= *cap)
        return true;
    if (want > SR_GAZ_MAX_ENTRIES)
        return false;
    void *p = realloc(*v, want * elem);
    if (!p)
        return false;
    *v = p;
    *cap = want;
    return true;
}

sr_status sr_gaz_reserve(sr_gazetteer *g, size_t n)
{
    size_t names = n + n / 4; /* aliases: about one line in four has one */
    size_t cap = g->cap_edges ? g->cap_edges : 1u << 16;
    while (!room(g->nedges + names, cap))
        cap *= 2;
    if ((cap > g->cap_edges && !edges_rehash(g, cap)) ||
        !reserve_to((void **)&g->entries, &g->cap_entries, g->nentries + n, sizeof *g->entries) ||
        !reserve_to((void **)&g->nodes, &g->cap_nodes, g->nnodes + names, sizeof *g->nodes) ||
        !reserve_to((void **)&g->posts, &g->cap_posts, g->nposts + names, sizeof *g->posts))
        return SR_NOMEM;
    return SR_OK;
}

static sr_status too_long(sr_gazetteer *g, const char *file, uint32_t line)
{
    return sr_gaz_fail(g, SR_LIMIT, file, line, "name has more than %d tokens",
                       SR_GAZ_MAX_NAME_TOKENS);
}

sr_status sr_gaz_add_name(sr_gazetteer *g, const char *file, uint32_t line, const char *s, size_t n,
                          uint32_t e, uint8_t flags)
{
    uint32_t h[SR_GAZ_MAX_NAME_TOKENS];
    size_t nt = 0, i = 0;
    bool plain = n > 0;
    while (plain && i < n) { /* words of ASCII letters, one space between */
        size_t start = i;
        while (i < n && (unsigned char)((s[i] | 0x20) - 'a') < 26)
            i++;
        if (i == start || (i < n && (s[i] != ' ' || i + 1 == n)) || nt == SR_GAZ_MAX_NAME_TOKENS) {
            plain = false;
            break;
        }
        h[nt++] = sr_word_hash(s + start, i - start);
        i += i < n;
    }
    if (plain) {
        gz_queued *q = &g->queue[g->nqueue++];
        q->rep = s;
        q->entry = e;
        q->n = (uint8_t)nt;
        q->flags = flags;
        memcpy(q->h, h, nt * sizeof *h);
        return g->nqueue == SR_GAZ_QUEUE ? flush(g) : SR_OK;
    }
    if (!reserve((void **)&g->pending, &g->cap_pending, g->npending, sizeof *g->pending, 1024))
        return SR_NOMEM;
    g->pending[g->npending++] = (gz_pending){s, (uint32_t)n, e, line, flags};
    return SR_OK;
}

sr_status sr_gaz_index_pending(sr_gazetteer *g, const char *file)
{
    if (g->nqueue && flush(g))
        return SR_NOMEM;
    if (!g->npending)
        return SR_OK;
    sr_buf b = {0};
    sr_status st = SR_NOMEM;
    sr_doc doc;
    memset(&doc, 0, sizeof doc);
    uint32_t *off = malloc((g->npending + 1) * sizeof *off);
    doc.arena = sr_arena_new();
    if (!off || !doc.arena)
        goto done;
    /* one text, names apart by " \n " so that no token spans two */
    for (size_t i = 0; i < g->npending; i++) {
        off[i] = (uint32_t)b.n;
        if (sr_buf_add(&b, g->pending[i].s, g->pending[i].len) || sr_buf_add(&b, " \n ", 3))
            goto done;
        if (b.n > SR_MAX_RECORD_HARD) {
            st = SR_LIMIT;
            goto done;
        }
    }
    off[g->npending] = (uint32_t)b.n;
    doc.text = b.p;
    doc.len = b.n;
    if (sr_tokenize(&doc))
        goto done;
    st = SR_OK;
    size_t t = 0;
    for (size_t i = 0; i < g->npending && st != SR_NOMEM; i++) {
        const gz_pending *p = &g->pending[i];
        uint32_t h[SR_GAZ_MAX_NAME_TOKENS];
        size_t nt = 0;
        bool over = false;
        for (; t < doc.ntokens && doc.tokens[t].start < off[i + 1]; t++) {
            if (nt == SR_GAZ_MAX_NAME_TOKENS)
                over = true;
            else
                h[nt++] = sr_gaz_tok_hash(&doc, &doc.tokens[t]);
        }
        sr_status one = over ? too_long(g, file, p->line)
                        : nt ? insert(g, h, nt, p->s, p->entry, p->flags)
                             : sr_gaz_fail(g, SR_DICT, file, p->line, "name has no words");
        if (one && !st)
            st = one;
    }
done:
    sr_arena_free(doc.arena);
    sr_buf_free(&b);
    free(off);
    return st;
}

void sr_gaz_finish(sr_gazetteer *g)
{
    /* a country's or region's weight is the population of its places, summed */
    double *mass = calloc(g->nentries ? g->nentries : 1, sizeof *mass);
    for (size_t i = 0; mass && i < g->nentries; i++) {
        const gz_entry *e = &g->entries[i];
        if (e->kind != SR_PLACE_CITY || (e->flags & GZ_BLOCK))
            continue;
        if (e->region)
            mass[e->region - 1] += e->population;
        mass[g->countries[e->country].entry] += e->population;
    }
    for (size_t i = 0; i < g->nentries; i++) {
        gz_entry *e = &g->entries[i];
        double m = e->kind == SR_PLACE_CITY ? e->population : mass ? mass[i] : 0;
        double w = log10(m > 1 ? m : 1);
        if (e->kind == SR_PLACE_COUNTRY)
            w += 1.0; /* "Georgia", "Jordan": the country unless context says otherwise */
        else if (e->kind == SR_PLACE_REGION)
            w -= 1.0; /* "Kyiv", "New York": the city before the region of its name */
        else if (e->flags & GZ_CAPITAL)
            w += 0.5; /* "Washington" the capital before Washington state */
        e->base = (float)w;
    }
    free(mass);
}

static bool is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static bool is_upper(unsigned char c)
{
    return c >= 'A' && c <= 'Z';
}

static bool is_lower(unsigned char c)
{
    return c >= 'a' && c <= 'z';
}

/* Whether the word of name starting at w is written in capitals only ("US", "U.S."). */
static bool all_caps_word(const char *w)
{
    int up = 0;
    for (; *w && *w != ' ' && *w != '-'; w++) {
        if (is_lower((unsigned char)*w) || (unsigned char)*w >= 0x80)
            return false;
        up += is_upper((unsigned char)*w);
    }
    return up >= 2;
}

bool sr_gaz_verify(const char *name, const char *s, size_t n)
{
    size_t i = 0;
    bool word_start = true, exact = false;
    for (const char *p = name; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == ' ') {
            word_start = true;
            continue;
        }
        while (i < n && is_space((unsigned char)s[i]))
            i++;
        if (i >= n)
            return false;
        unsigned char d = (unsigned char)s[i++];
        /* "BoE", "ClearView": a capital after a small letter where the name has none */
        if (is_upper(d) && is_lower(c) && i >= 2 && is_lower((unsigned char)s[i - 2]))
            return false;
        if (word_start)
            exact = all_caps_word(p);
        if (exact || (word_start && is_upper(c))) {
            if (d != c)
                return false;
        } else if ((is_upper(c) ? c | 0x20 : c) != (is_upper(d) ? d | 0x20 : d)) {
            return false;
        }
        word_start = c == '-';
    }
    while (i < n && is_space((unsigned char)s[i]))
        i++;
    return i == n;
}
