/* fuzz_numbers.c: libFuzzer target for the number and quantity recogniser: arbitrary
 * bytes go through the whole pipeline; every mention must lie inside the text, be
 * sorted, and quantities must keep their counted phrase and unit inside the text. */
#include <stdint.h>
#include <stdlib.h>

#include "../src/core/internal.h"

static void check(const sr_doc *d)
{
    for (size_t i = 0; i < d->nmentions; i++) {
        const sr_mention *m = &d->mentions[i];
        if (!(m->start < m->end && m->end <= d->len))
            abort();
        if (i && (m->start < d->mentions[i - 1].start))
            abort();
        if (m->kind != SR_MENTION_QUANTITY)
            continue;
        const sr_quantity *q = &m->u.quantity;
        if (q->counted_start > q->counted_end || q->counted_end > d->len ||
            q->head_start > q->head_end || q->head_end > d->len)
            abort();
        if (q->head_end > q->head_start &&
            (q->head_start < q->counted_start || q->head_end > q->counted_end))
            abort();
        if (q->unit.n && (q->unit.p < d->clean || q->unit.p + q->unit.n > d->clean + d->len))
            abort();
        if (q->hedge > SR_HEDGE_RANGE || q->unit_kind > SR_UNIT_MEASURE || q->per > SR_PER_YEAR)
            abort();
        if (q->hedge == SR_HEDGE_RANGE && !(q->low < q->high))
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static sr_pipeline *p;
    if (!p)
        p = sr_pipeline_new(NULL);
    sr_doc *d = sr_doc_new("fuzz", (const char *)data, size, NULL);
    if (!d || !p) {
        sr_doc_free(d);
        return 0;
    }
    if (sr_pipeline_run(p, d) == SR_OK)
        check(d);
    sr_doc_free(d);
    return 0;
}
