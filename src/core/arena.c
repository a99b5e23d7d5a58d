/* arena.c: the per-document bump allocator.
 *
 * Memory comes in chunks that double in size (4 KiB up to 1 MiB, then exactly what a
 * large request needs); allocation bumps a pointer in the newest chunk. Nothing is
 * freed singly: sr_arena_free() walks the chunk list once. Out-of-memory is reported
 * as NULL to the caller, never an abort. */
#include <stdlib.h>

#include "internal.h"

typedef struct chunk {
    struct chunk *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
} chunk;

struct sr_arena {
    chunk *head;
    size_t next_size;
    size_t footprint;
};

enum { FIRST_CHUNK = 4096, MAX_GROWTH = 1 << 20 };

sr_arena *sr_arena_new(void)
{
    sr_arena *a = calloc(1, sizeof *a);
    if (a)
        a->next_size = FIRST_CHUNK;
    return a;
}

static chunk *add_chunk(sr_arena *a, size_t need)
{
    size_t size = a->next_size;
    if (size < need)
        size = need;
    if (size > SIZE_MAX - sizeof(chunk))
        return NULL;
    chunk *c = malloc(sizeof(chunk) + size);
    if (!c)
        return NULL;
    c->size = size;
    c->used = 0;
    c->next = a->head;
    a->head = c;
    a->footprint += sizeof(chunk) + size;
    if (a->next_size < MAX_GROWTH)
        a->next_size *= 2;
    return c;
}

void *sr_arena_alloc(sr_arena *a, size_t n)
{
    if (n > SIZE_MAX - 15)
        return NULL;
    n = (n + 15) & ~(size_t)15;
    if (n == 0)
        n = 16;
    chunk *c = a->head;
    if (!c || c->size - c->used < n) {
        c = add_chunk(a, n);
        if (!c)
            return NULL;
    }
    void *p = c->data + c->used;
    c->used += n;
    return p;
}

char *sr_arena_strndup(sr_arena *a, const char *s, size_t n)
{
    if (n == SIZE_MAX)
        return NULL;
    char *p = sr_arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    p[n] = 0;
    return p;
}

void *sr_arena_grow(sr_arena *a, void *old, size_t old_n, size_t new_cap, size_t elem)
{
    if (elem && new_cap > SIZE_MAX / elem)
        return NULL;
    void *p = sr_arena_alloc(a, new_cap * elem);
    if (p && old_n)
        memcpy(p, old, old_n * elem);
    return p;
}

void *sr_arena_push(sr_arena *a, void **v, size_t *n, size_t *cap, size_t elem, size_t first_cap)
{
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : first_cap;
        void *grown = sr_arena_grow(a, *v, *n, c, elem);
        if (!grown)
            return NULL;
        *v = grown;
        *cap = c;
    }
    void *slot = (char *)*v + (*n)++ * elem;
    memset(slot, 0, elem);
    return slot;
}

void sr_arena_free(sr_arena *a)
{
    if (!a)
        return;
    chunk *c = a->head;
    while (c) {
        chunk *next = c->next;
        free(c);
        c = next;
    }
    free(a);
}

size_t sr_arena_footprint(const sr_arena *a)
{
    return a ? a->footprint : 0;
}
