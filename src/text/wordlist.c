/* wordlist.c: constant-time lookup of a token in a recogniser's closed word list.
 *
 * The index is an open-addressing table of slots at most a third full, each holding an
 * entry's hash, its length and its text. Tokens carry the same hash (computed once by the
 * tokenizer), so a lookup is a probe or two; a hash and length that agree are confirmed by
 * one case-folding comparison, which rules out a collision. A word class is the same over
 * several lists at once, each slot holding the bits of the lists that contain its word. */
#include <stdlib.h>

#include "internal.h"

/* Whether the n bytes at s are the lower-case ASCII word w, ignoring the case of ASCII
 * letters in s (sr_tok_is without the length test: the caller has matched lengths). */
static inline bool same_bytes(const char *w, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((unsigned char)(c - 'A') < 26)
            c |= 0x20;
        if (c != (unsigned char)w[i])
            return false;
    }
    return true;
}

/* FNV-1a of w (wl bytes) followed, when plural, by "s": what sr_word_hash gives the
 * spelled word. */
static uint32_t spelled_hash(const char *w, size_t wl, bool plural)
{
    uint32_t h = sr_word_hash(w, wl);
    return plural ? sr_word_hash_step(h, 's') : h;
}

/* Whether token t spells w (wl bytes) and, when plural, a final "s", ignoring case. */
static bool tok_spells(const sr_doc *d, const sr_token *t, const char *w, size_t wl,
                       bool plural)
{
    const char *s = d->clean + t->start;
    size_t n = t->end - t->start;
    return n == wl + plural && same_bytes(w, s, wl) && (!plural || (s[wl] | 0x20) == 's');
}

/* ---- word lists ----------------------------------------------------------------- */

struct sr_wordindex {
    uint32_t mask;
    struct slot {
        const char *word; /* NULL: empty */
        uint32_t hash;
        uint16_t len;
        uint16_t pos;
    } slots[];
};

static const char *entry(const sr_wordlist *wl, size_t k)
{
    return *(const char *const *)((const char *)wl->table + k * wl->stride);
}

/* Slots for n words: a power of two at least three times n, so most probes of a word not
 * in the list stop at the first slot. */
static size_t slots_for(size_t n)
{
    size_t cap = 8;
    while (cap < 3 * n)
        cap *= 2;
    return cap;
}

/* Builds the index, or NULL without memory (or for a list too long for a slot's
 * fields: lookups then scan). */
static sr_wordindex *build(const sr_wordlist *wl)
{
    size_t n = 0;
    while (entry(wl, n))
        n++;
    if (n > UINT16_MAX)
        return NULL;
    size_t cap = slots_for(n);
    sr_wordindex *ix = calloc(1, sizeof *ix + cap * sizeof ix->slots[0]);
    if (!ix)
        return NULL;
    ix->mask = (uint32_t)(cap - 1);
    for (size_t k = n; k-- > 0;) { /* backwards: the first of duplicates wins */
        const char *w = entry(wl, k);
        size_t len = strlen(w);
        if (len > UINT16_MAX) {
            free(ix);
            return NULL;
        }
        uint32_t h = sr_word_hash(w, len);
        size_t i = h & ix->mask;
        while (ix->slots[i].word && !(ix->slots[i].hash == h && !strcmp(ix->slots[i].word, w)))
            i = (i + 1) & ix->mask;
        ix->slots[i] = (struct slot){w, h, (uint16_t)len, (uint16_t)k};
    }
    return ix;
}

static sr_wordindex *index_of(sr_wordlist *wl)
{
    sr_wordindex *ix = sr_cache_get(&wl->index);
    if (!ix && (ix = build(wl)) != NULL)
        ix = sr_cache_publish(&wl->index, ix);
    return ix;
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

/* The probe of sr_wordlist_find from slot i, whose hash and length match token t's: the
 * text decides, and after a collision the probe goes on. Out of line so that the common
 * path, a word not in the list, needs no saved registers. */
static __attribute__((noinline)) int find_from(const sr_wordindex *ix, uint32_t i,
                                               const sr_doc *d, const sr_token *t)
{
    uint32_t h = t->hash, n = t->end - t->start;
    for (;; i = (i + 1) & ix->mask) {
        const struct slot *sl = &ix->slots[i];
        if (!sl->word)
            return -1;
        if (sl->hash == h && sl->len == n && same_bytes(sl->word, d->clean + t->start, n))
            return sl->pos;
    }
}

/* The recognisers call this several times per token: the path for a published index is
 * kept small (the build, the scan without memory and the text comparison are out of
 * line), and a word not in the list (most lookups) costs a probe or two. */
int sr_wordlist_find(sr_wordlist *wl, const sr_doc *d, const sr_token *t)
{
    if (t->kind != SR_TOK_WORD)
        return -1;
    const sr_wordindex *ix = sr_cache_get(&wl->index);
    if (__builtin_expect(!ix, 0))
        return find_first(wl, d, t);
    uint32_t h = t->hash, mask = ix->mask, n = t->end - t->start;
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        const struct slot *sl = &ix->slots[i];
        if (!sl->word)
            return -1;
        if (sl->hash == h && sl->len == n)
            return find_from(ix, i, d, t);
    }
}

/* ---- word classes: one index over several lists, a bit mask per word ------------ */

struct sr_classindex {
    uint32_t mask;
    struct cslot {
        const char *word; /* NULL: empty */
        uint32_t hash;
        uint32_t bits;
        uint16_t len;     /* of the spelled word: word, plus 1 when plural */
        uint8_t plural;   /* the slot's word is word + "s" */
    } slots[];
};

static const char *part_entry(const sr_wordpart *p, size_t k)
{
    return *(const char *const *)((const char *)p->table + k * p->stride);
}

/* Whether slot sl spells the word w (wl bytes) with, when plural, a final "s". */
static bool slot_spells(const struct cslot *sl, const char *w, size_t wl, bool plural)
{
    if (sl->len != wl + plural)
        return false;
    size_t base = sl->len - sl->plural;
    for (size_t i = 0; i < sl->len; i++) {
        char a = i < base ? sl->word[i] : 's', b = i < wl ? w[i] : 's';
        if (a != b)
            return false;
    }
    return true;
}

static sr_classindex *class_build(const sr_wordclass *wc)
{
    size_t n = 0;
    for (const sr_wordpart *p = wc->parts; p->table; p++)
        for (size_t k = 0; part_entry(p, k); k++)
            n++;
    size_t cap = slots_for(n);
    sr_classindex *ix = calloc(1, sizeof *ix + cap * sizeof ix->slots[0]);
    if (!ix)
        return NULL;
    ix->mask = (uint32_t)(cap - 1);
    for (const sr_wordpart *p = wc->parts; p->table; p++) {
        bool plural = p->bits & SR_WORDPART_S;
        for (size_t k = 0; part_entry(p, k); k++) {
            const char *w = part_entry(p, k);
            size_t wl = strlen(w);
            if (wl + 1 > UINT16_MAX) {
                free(ix);
                return NULL;
            }
            uint32_t h = spelled_hash(w, wl, plural);
            size_t i = h & ix->mask;
            while (ix->slots[i].word &&
                   !(ix->slots[i].hash == h && slot_spells(&ix->slots[i], w, wl, plural)))
                i = (i + 1) & ix->mask;
            struct cslot *sl = &ix->slots[i];
            if (!sl->word)
                *sl = (struct cslot){w, h, 0, (uint16_t)(wl + plural), plural};
            sl->bits |= p->bits & ~SR_WORDPART_S;
        }
    }
    return ix;
}

static sr_classindex *class_index(sr_wordclass *wc)
{
    sr_classindex *ix = sr_cache_get(&wc->index);
    if (!ix && (ix = class_build(wc)) != NULL)
        ix = sr_cache_publish(&wc->index, ix);
    return ix;
}

/* sr_wordclass_find before the index is published: build it, or scan without memory. */
static __attribute__((noinline)) uint32_t class_first(sr_wordclass *wc, const sr_doc *d,
                                                      const sr_token *t)
{
    if (class_index(wc))
        return sr_wordclass_find(wc, d, t);
    uint32_t bits = 0;
    for (const sr_wordpart *p = wc->parts; p->table; p++) {
        bool plural = p->bits & SR_WORDPART_S;
        for (size_t k = 0; part_entry(p, k); k++) {
            const char *w = part_entry(p, k);
            if (tok_spells(d, t, w, strlen(w), plural)) {
                bits |= p->bits & ~SR_WORDPART_S;
                break;
            }
        }
    }
    return bits;
}

/* The probe of sr_wordclass_find from slot i, whose hash and length match token t's (as
 * find_from for a word list). */
static __attribute__((noinline)) uint32_t class_from(const sr_classindex *ix, uint32_t i,
                                                     const sr_doc *d, const sr_token *t)
{
    uint32_t h = t->hash, n = t->end - t->start;
    const char *s = d->clean + t->start;
    for (;; i = (i + 1) & ix->mask) {
        const struct cslot *sl = &ix->slots[i];
        if (!sl->word)
            return 0;
        if (sl->hash != h || sl->len != n)
            continue;
        size_t base = n - sl->plural;
        if (same_bytes(sl->word, s, base) && (!sl->plural || (s[base] | 0x20) == 's'))
            return sl->bits;
    }
}

uint32_t sr_wordclass_find(sr_wordclass *wc, const sr_doc *d, const sr_token *t)
{
    if (t->kind != SR_TOK_WORD)
        return 0;
    const sr_classindex *ix = sr_cache_get(&wc->index);
    if (__builtin_expect(!ix, 0))
        return class_first(wc, d, t);
    uint32_t h = t->hash, mask = ix->mask, n = t->end - t->start;
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        const struct cslot *sl = &ix->slots[i];
        if (!sl->word)
            return 0;
        if (sl->hash == h && sl->len == n)
            return class_from(ix, i, d, t);
    }
}
