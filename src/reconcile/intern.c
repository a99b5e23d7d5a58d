/* intern.c: strings to small numbers, in order of first sight, so that grouping a
 * million claims sorts integers instead of comparing strings. Open addressing over a
 * power-of-two table; the strings live in the caller's arena. */
#include <stdlib.h>

#include "reconcile_int.h"

struct sr_intern_slot {
    const char *s; /* NULL: empty */
    uint32_t n, id;
    uint64_t hash;
};

static uint64_t hash(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ull; /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001b3ull;
    return h;
}

static int grow(sr_intern *t)
{
    size_t cap = t->cap ? t->cap * 2 : 256;
    struct sr_intern_slot *v = calloc(cap, sizeof *v);
    if (!v)
        return -1;
    for (size_t i = 0; i < t->cap; i++)
        if (t->slots[i].s) {
            size_t j = t->slots[i].hash & (cap - 1);
            while (v[j].s)
                j = (j + 1) & (cap - 1);
            v[j] = t->slots[i];
        }
    free(t->slots);
    t->slots = v;
    t->cap = cap;
    return 0;
}

const char *sr_intern_str(sr_intern *t, sr_arena *a, const char *s, size_t n, uint32_t *id)
{
    if (2 * (t->n + 1) > t->cap && grow(t))
        return NULL;
    uint64_t h = hash(s, n);
    size_t j = h & (t->cap - 1);
    for (; t->slots[j].s; j = (j + 1) & (t->cap - 1))
        if (t->slots[j].hash == h && t->slots[j].n == n && !memcmp(t->slots[j].s, s, n)) {
            *id = t->slots[j].id;
            return t->slots[j].s;
        }
    char *copy = sr_arena_strndup(a, s, n);
    if (!copy)
        return NULL;
    t->slots[j] = (struct sr_intern_slot){copy, (uint32_t)n, (uint32_t)++t->n, h};
    *id = t->slots[j].id;
    return copy;
}

void sr_intern_free(sr_intern *t)
{
    free(t->slots);
    memset(t, 0, sizeof *t);
}
