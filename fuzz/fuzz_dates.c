/* fuzz_dates.c: libFuzzer target for the date recogniser. The first three bytes pick a
 * publication day (or none), the rest is the report text; every date mention must lie
 * inside the text, and a resolved one must name a valid, ordered interval. */
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const sr_doc *d)
{
    for (size_t i = 0; i < d->nmentions; i++) {
        const sr_mention *m = &d->mentions[i];
        if (m->start >= m->end || m->end > d->len)
            abort();
        if (m->kind != SR_MENTION_DATE)
            continue;
        const sr_date *t = &m->u.date;
        if (t->grain > SR_GRAIN_DECADE || memchr(t->value, 0, sizeof t->value) == NULL)
            abort();
        if (!t->resolved) {
            if (t->value[0] || t->begin.year || t->end.year)
                abort();
            continue;
        }
        if (!sr_ymd_valid(t->begin) || !sr_ymd_valid(t->end) ||
            sr_ymd_to_days(t->begin) > sr_ymd_to_days(t->end) || !t->value[0])
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3)
        return 0;
    /* day count from 1900-01-01 over about 300 years; 0xFFFF... undated */
    uint32_t k = (uint32_t)data[0] << 16 | (uint32_t)data[1] << 8 | data[2];
    sr_ymd pub = {1900, 1, 1};
    bool dated = k % 8 != 0;
    pub = sr_days_to_ymd(sr_ymd_to_days(pub) + (int32_t)(k % 110000));
    sr_doc *d = sr_doc_new("fuzz", (const char *)data + 3, size - 3, dated ? &pub : NULL);
    sr_pipeline *p = sr_pipeline_new(NULL);
    if (d && p && sr_pipeline_run(p, d) == SR_OK)
        check(d);
    sr_pipeline_free(p);
    sr_doc_free(d);
    return 0;
}
