/* wordlist.c: constant-time lookup of a token in a recogniser's closed word list.
 *
 * The index is an open-addressing table of (hash, position) pairs at most half full.
 * Tokens carry the same hash (computed once by the tokenizer), so a lookup is a probe
 * or two and one exact comparison to rule out a collision. A word class is the same over
 * several lists at once, each slot holding the bits of the lists that contain its word. */
#include <stdatomic.h>
#include <stdlib.h>

#include "internal.h"

struct sr_wordindex {
    uint32_t mask;
    struct slot {
        uint32_t hash;
        int32_t pos; /* -1: empty */
    } slots[];
};

static const char *entry(const sr_wordlist *wl, size_t k)
{
    return *(const char *const *)((const char *)wl->table + k * wl->stride);
}

static sr_wordindex *build(const sr_wordlist *wl)
{
    size_t n = 0;
    while (entry(wl, n))
        n++;
    size_t cap = 8;
    while (cap < 2 * n)
        cap *= 2;
    sr_wordindex *ix = malloc(sizeof *ix + cap * sizeof ix->slots[0]);
    if (!ix)
        return NULL;
    ix->mask = (uint32_t)(cap - 1);
    for (size_t i = 0; i < cap; i++)
        ix->slots[i].pos = -1;
    for (size_t k = n; k-- > 0;) { /* backwards: the first of duplicates wins */
        const char *w = entry(wl, k);
        uint32_t h = sr_word_hash(w, strlen(w));
        size_t i = h & ix->mask;
        while (ix->slots[i].pos >= 0 && !(ix->slots[i].hash == h && !strcmp(entry(wl, (size_t)ix->slots[i].pos), w)))
            i = (i + 1) & ix->mask;
        ix->slots[i].hash = h;
        ix->slots[i].pos = (int32_t)k;
    }
    return ix;
}

static sr_wordindex *index_of(sr_wordlist *wl)
{
    sr_wordindex *ix = atomic_load_explicit(&wl->index, memory_order_acquire);
    if (ix)
        return ix;
    sr_wordindex *fresh = build(wl);
    if (!fresh)
        return NULL;
    sr_wordindex *expected = NULL;
    if (atomic_compare_exchange_strong_explicit(&wl->index, &expected, fresh,
                                                memory_order_acq_rel, memory_order_acquire))
        return fresh;
    free(fresh); /* another thread published first */
    return expected;
}

/* sr_wordlist_find before the index is published: build it, or scan without memory. */
static __attribute__((noinline)) int find_first(sr_wordlist *wl, const sr_doc *d,
                                                const sr_token *t)
{
    sr_wordindex *ix = index_of(wl);
    if (ix)
        return sr_wordlist_find(wl, d, t);
    for (size_t k = 0; entry(wl, k); k++)
        if (sr_tok_is(d, t, entry(wl, k)))
            return (int)k;
    return -1;
}

/* The recognisers call this several times per token: the path for a published index is
 * kept small (the build and the scan without memory are out of line). */
int sr_wordlist_find(sr_wordlist *wl, const sr_doc *d, const sr_token *t)
{
    if (t->kind != SR_TOK_WORD)
        return -1;
    const sr_wordindex *ix = atomic_load_explicit(&wl->index, memory_order_acquire);
    if (__builtin_expect(!ix, 0))
        return find_first(wl, d, t);
    uint32_t h = t->hash, mask = ix->mask;
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        const struct slot *sl = &ix->slots[i];
        if (sl->pos < 0)
            return -1;
        if (sl->hash == h && sr_tok_is(d, t, entry(wl, (size_t)sl->pos)))
            return sl->pos;
    }
}

/* ---- word classes: one index over several lists, a bit mask per word ------------ */

struct sr_classindex {
    uint32_t mask;
    struct cslot {
        uint32_t hash;
        uint32_t bits;    /* 0: empty */
        const char *word;
    } slots[];
};

static const char *part_entry(const sr_wordpart *p, size_t k)
{
    return *(const char *const *)((const char *)p->table + k * p->stride);
}

static sr_classindex *class_build(const sr_wordclass *wc)
{
    size_t n = 0;
    for (const sr_wordpart *p = wc->parts; p->table; p++)
        for (size_t k = 0; part_entry(p, k); k++)
            n++;
    size_t cap = 8;
    while (cap < 2 * n)
        cap *= 2;
    sr_classindex *ix = calloc(1, sizeof *ix + cap * sizeof ix->slots[0]);
    if (!ix)
        return NULL;
    ix->mask = (uint32_t)(cap - 1);
    for (const sr_wordpart *p = wc->parts; p->table; p++)
        for (size_t k = 0; part_entry(p, k); k++) {
            const char *w = part_entry(p, k);
            uint32_t h = sr_word_hash(w, strlen(w));
            size_t i = h & ix->mask;
            while (ix->slots[i].bits && !(ix->slots[i].hash == h && !strcmp(ix->slots[i].word, w)))
                i = (i + 1) & ix->mask;
            ix->slots[i].hash = h;
            ix->slots[i].word = w;
            ix->slots[i].bits |= p->bits;
        }
    return ix;
}

static sr_classindex *class_index(sr_wordclass *wc)
{
    sr_classindex *ix = atomic_load_explicit(&wc->index, memory_order_acquire);
    if (ix)
        return ix;
    sr_classindex *fresh = class_build(wc);
    if (!fresh)
        return NULL;
    sr_classindex *expected = NULL;
    if (atomic_compare_exchange_strong_explicit(&wc->index, &expected, fresh,
                                                memory_order_acq_rel, memory_order_acquire))
        return fresh;
    free(fresh); /* another thread published first */
    return expected;
}

/* sr_wordclass_find before the index is published: build it, or scan without memory. */
static __attribute__((noinline)) uint32_t class_first(sr_wordclass *wc, const sr_doc *d,
                                                      const sr_token *t)
{
    if (class_index(wc))
        return sr_wordclass_find(wc, d, t);
    uint32_t bits = 0;
    for (const sr_wordpart *p = wc->parts; p->table; p++)
        for (size_t k = 0; part_entry(p, k); k++)
            if (sr_tok_is(d, t, part_entry(p, k))) {
                bits |= p->bits;
                break;
            }
    return bits;
}

uint32_t sr_wordclass_find(sr_wordclass *wc, const sr_doc *d, const sr_token *t)
{
    if (t->kind != SR_TOK_WORD)
        return 0;
    const sr_classindex *ix = atomic_load_explicit(&wc->index, memory_order_acquire);
    if (__builtin_expect(!ix, 0))
        return class_first(wc, d, t);
    uint32_t h = t->hash, mask = ix->mask;
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        const struct cslot *sl = &ix->slots[i];
        if (!sl->bits)
            return 0;
        if (sl->hash == h && sr_tok_is(d, t, sl->word))
            return sl->bits;
    }
}
