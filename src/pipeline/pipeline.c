/* pipeline.c: runs a document through the stages: UTF-8 check, tokens, sentences,
 * dates, then numbers and quantities, and leaves the mentions sorted by position. */
#include <stdlib.h>

#include "../core/internal.h"
#include "../claim/claims.h"
#include "../code/actors.h"
#include "../code/events.h"
#include "lexicon.h"

struct sr_pipeline {
    const sr_lexicon *lx; /* may be NULL: no actors or places */
    sr_coder *coder;      /* the event coder, when the lexicon has verbs */
};

sr_pipeline *sr_pipeline_new(const sr_lexicon *lx)
{
    sr_pipeline *p = calloc(1, sizeof(sr_pipeline));
    if (!p)
        return NULL;
    p->lx = lx;
    if (lx && lx->verbs && !(p->coder = sr_coder_new(lx->dict, lx->verbs, &lx->coder_opt))) {
        free(p);
        return NULL;
    }
    return p;
}

void sr_pipeline_free(sr_pipeline *p)
{
    if (p)
        sr_coder_free(p->coder);
    free(p);
}

static int by_position(const void *a, const void *b)
{
    const sr_mention *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return (x->end > y->end) - (x->end < y->end);
}


sr_status sr_pipeline_run(sr_pipeline *p, sr_doc *d)
{
    (void)p;
    if (d->len > SR_MAX_RECORD_HARD)
        return SR_LIMIT;
    sr_status st = sr_tokenize(d);
    if (!st)
        st = sr_split_sentences(d);
    if (st)
        return st;
    sr_mentions m = {NULL, 0, 0, d->arena};
    st = sr_recognise_dates(d, &m);
    if (!st)
        st = sr_recognise_numbers(d, &m);
    if (!st && p->lx)
        st = sr_actors_find(p->lx->dict, d, &m);
    if (!st && p->lx)
        st = sr_places_find(p->lx->gaz, d, &m);
    if (st == SR_NOMEM && m.n >= SR_MAX_MENTIONS)
        st = SR_LIMIT; /* sr_mention_push refused to grow past the limit */
    if (st)
        return st;
    if (m.n)
        qsort(m.v, m.n, sizeof *m.v, by_position);
    for (size_t i = 0; i < m.n; i++)
        m.v[i].sentence = sr_doc_sentence_at(d, m.v[i].start);
    d->mentions = m.v;
    d->nmentions = m.n;
    st = p->lx ? sr_claims_find(d) : SR_OK;
    if (!st && p->coder)
        st = sr_events_find(p->coder, d);
    return st;
}
