/* doc.c: creating and freeing documents. A document and everything found in it live
 * in one arena; the sr_doc struct itself is the arena's first allocation. */
#include <stdlib.h>

#include "internal.h"

sr_doc *sr_doc_new(const char *id, const char *text, size_t len, const sr_ymd *published)
{
    if (len > SR_MAX_RECORD_HARD)
        return NULL;
    sr_arena *a = sr_arena_new();
    if (!a)
        return NULL;
    sr_doc *d = sr_arena_alloc(a, sizeof *d);
    char *copy = sr_arena_strndup(a, text ? text : "", text ? len : 0);
    const char *name = id ? id : "doc";
    char *idc = sr_arena_strndup(a, name, strlen(name));
    if (!d || !copy || !idc) {
        sr_arena_free(a);
        return NULL;
    }
    memset(d, 0, sizeof *d);
    d->arena = a;
    d->text = copy;
    d->len = text ? len : 0;
    d->id.p = idc;
    d->id.n = strlen(idc);
    d->origin = idc;
    if (published)
        d->published = *published;
    return d;
}

void sr_doc_free(sr_doc *doc)
{
    if (doc)
        sr_arena_free(doc->arena);
}

sr_mention *sr_mention_push(sr_mentions *m)
{
    if (m->n >= SR_MAX_MENTIONS)
        return NULL;
    return sr_arena_push(m->arena, (void **)&m->v, &m->n, &m->cap, sizeof *m->v, 64);
}

uint32_t sr_doc_sentence_at(const sr_doc *d, uint32_t offset)
{
    size_t lo = 0, hi = d->nsentences;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (d->sentences[mid].start <= offset)
            lo = mid;
        else
            hi = mid;
    }
    return (uint32_t)lo;
}

/* A sentence longer than 2 * SR_CLAIM_CONTEXT bytes (a table, a run-on list) gives a
 * claim SR_CLAIM_CONTEXT bytes either side of its figure, cut at character boundaries,
 * so that output grows with the figures, not figures times sentence length. */
void sr_claim_context(const sr_doc *d, const sr_claim *c, uint32_t *from, uint32_t *to)
{
    const sr_sentence *se = &d->sentences[c->sentence];
    const sr_mention *m = &d->mentions[c->mention];
    *from = se->start;
    *to = se->end;
    if (se->end - se->start <= 2 * SR_CLAIM_CONTEXT)
        return;
    if (m->start > se->start + SR_CLAIM_CONTEXT)
        *from = m->start - SR_CLAIM_CONTEXT;
    if (m->end + SR_CLAIM_CONTEXT < se->end)
        *to = m->end + SR_CLAIM_CONTEXT;
    while (*from < m->start && ((unsigned char)d->clean[*from] & 0xC0) == 0x80)
        (*from)++;
    while (*to > m->end && *to < d->len && ((unsigned char)d->clean[*to] & 0xC0) == 0x80)
        (*to)--;
}
