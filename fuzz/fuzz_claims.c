/* fuzz_claims.c: libFuzzer target for attribution and claims: arbitrary bytes go through
 * the whole pipeline with the built-in lexicon (actors, places), and every claim must
 * point at a quantity or number mention, and every span it gives (source, via,
 * pronoun, place, date) must lie inside the text and inside the claim's document. */
#include <stdint.h>
#include <stdlib.h>

#include "../src/core/internal.h"

static void span_ok(const sr_doc *d, uint32_t s, uint32_t e)
{
    if (s > e || e > d->len)
        abort();
}

static void source_ok(const sr_doc *d, const sr_source *s)
{
    if (s->kind > SR_SOURCE_UNNAMED || s->nactors > SR_SOURCE_MAX_ACTORS)
        abort();
    span_ok(d, s->start, s->end);
    span_ok(d, s->pronoun_start, s->pronoun_end);
    if (s->kind != SR_SOURCE_NONE && s->start == s->end)
        abort();
    for (unsigned i = 0; i < s->nactors; i++)
        if (!s->actors[i] || !s->actors[i][0])
            abort();
}

static void check(const sr_doc *d)
{
    for (size_t i = 0; i < d->nclaims; i++) {
        const sr_claim *c = &d->claims[i];
        if (c->mention >= d->nmentions)
            abort();
        const sr_mention *m = &d->mentions[c->mention];
        if (m->kind != SR_MENTION_QUANTITY && m->kind != SR_MENTION_NUMBER)
            abort();
        if (c->sentence != m->sentence || c->modality > SR_MODALITY_HYPOTHETICAL)
            abort();
        if (c->place >= 0 && ((size_t)c->place >= d->nmentions ||
                              d->mentions[c->place].kind != SR_MENTION_PLACE))
            abort();
        if (c->date >= 0 && ((size_t)c->date >= d->nmentions ||
                             d->mentions[c->date].kind != SR_MENTION_DATE))
            abort();
        if (memchr(c->as_of, 0, sizeof c->as_of) == NULL)
            abort();
        source_ok(d, &c->source);
        source_ok(d, &c->via);
        if (i && d->claims[i - 1].mention >= c->mention)
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static sr_lexicon *lx;
    static sr_pipeline *p;
    if (!lx) {
        lx = sr_lexicon_new();
        if (!lx || sr_lexicon_load_defaults(lx))
            abort();
        p = sr_pipeline_new(lx);
    }
    static const sr_ymd day = {2024, 11, 5};
    sr_doc *d = sr_doc_new("fuzz", (const char *)data, size, size % 2 ? &day : NULL);
    if (!d || !p) {
        sr_doc_free(d);
        return 0;
    }
    if (sr_pipeline_run(p, d) == SR_OK)
        check(d);
    sr_doc_free(d);
    return 0;
}
