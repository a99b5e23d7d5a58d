/* fuzz_shingles.c: libFuzzer target for near-duplicate primitives (src/dedup/): arbitrary
 * bytes become a shingle set, a MinHash signature and LSH keys. The set must be sorted,
 * distinct and within SR_SHINGLE_MAX; everything must be deterministic; Jaccard must be
 * 1 on itself, symmetric and within [0, 1]; and only the words may matter: the same
 * bytes with ASCII letters upper-cased and every other ASCII byte made a space give the
 * same set (ASCII bytes never belong to a multi-byte sequence, so this cannot change
 * how the rest decodes). */
#include <stdlib.h>
#include <string.h>

#include "../src/dedup/dedup.h"

static void check_set(const sr_shingles *s)
{
    if (s->n > SR_SHINGLE_MAX || (s->n == 0) != (s->h == NULL))
        abort();
    for (size_t i = 1; i < s->n; i++)
        if (s->h[i - 1] >= s->h[i])
            abort();
}

static void make(const uint8_t *data, size_t size, sr_shingles *s)
{
    if (sr_shingles_make((const char *)data, size, s) != SR_OK)
        abort(); /* no allocation this small fails here */
    check_set(s);
}

static int same(const sr_shingles *a, const sr_shingles *b)
{
    return a->n == b->n && (a->n == 0 || !memcmp(a->h, b->h, a->n * sizeof *a->h));
}

/* The input with ASCII letters upper-cased and other ASCII bytes made spaces (malloc'd;
 * NULL when out of memory). */
static uint8_t *respaced(const uint8_t *data, size_t size)
{
    uint8_t *t = malloc(size ? size : 1);
    if (!t)
        return NULL;
    for (size_t i = 0; i < size; i++) {
        uint8_t c = data[i];
        if (c >= 'a' && c <= 'z')
            c = (uint8_t)(c - 32);
        else if (c < 0x80 && !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9'))
            c = ' ';
        t[i] = c;
    }
    return t;
}

static void check_signature(const sr_shingles *s)
{
    uint32_t sig[SR_MH_PERM], sig2[SR_MH_PERM];
    int64_t keys[SR_MH_BANDS], keys2[SR_MH_BANDS];
    sr_minhash(s, sig);
    sr_minhash(s, sig2);
    sr_lsh_keys(sig, keys);
    sr_lsh_keys(sig2, keys2);
    if (memcmp(sig, sig2, sizeof sig) || memcmp(keys, keys2, sizeof keys))
        abort();
    for (int i = 0; i < SR_MH_PERM && s->n == 0; i++)
        if (sig[i] != UINT32_MAX)
            abort(); /* an empty set has the empty signature */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sr_shingles a, b, p;
    make(data, size, &a);
    check_signature(&a);
    double j = sr_jaccard(&a, &a);
    if (j != (a.n ? 1.0 : 0.0))
        abort();
    uint8_t *t = respaced(data, size);
    if (t) {
        make(t, size, &b);
        if (!same(&a, &b))
            abort();
        sr_shingles_free(&b);
        free(t);
    }
    make(data, size / 2, &p); /* a prefix: some other set */
    double jp = sr_jaccard(&a, &p), pj = sr_jaccard(&p, &a);
    if (jp != pj || jp < 0.0 || jp > 1.0 || (jp == 1.0) != (a.n && same(&a, &p)))
        abort();
    sr_shingles_free(&a);
    sr_shingles_free(&p);
    return 0;
}
