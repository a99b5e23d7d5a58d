/* fuzz_gold.c: libFuzzer target for the gold-set readers (src/code/validate_gold.h). The
 * first byte picks PETRARCH's unit-record XML (even) or PLOVER's JSON array (odd); the
 * rest is the file. A read either fails with a one-line message naming the file and an
 * empty result, or gives records whose strings are all there. */
#include <stdio.h>
#include <stdlib.h>

#include "../src/code/validate_gold.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_message(sr_status st, const char *err)
{
    if (st == SR_OK || st == SR_NOMEM)
        return;
    if (strncmp(err, "fuzz:", 5) != 0 || strchr(err, '\n'))
        abort();
}

static void petrarch(const char *p, size_t n)
{
    sr_petr_suite s;
    char err[256] = "";
    sr_status st = sr_petr_read("fuzz", p, n, &s, err, sizeof err);
    check_message(st, err);
    if (st) {
        if (s.arena || s.nrecords)
            abort();
        return;
    }
    if (!s.verbfile || !s.actorfile || !s.agentfile || !s.discardfile || !s.include)
        abort();
    for (size_t i = 0; i < s.nrecords; i++) {
        const sr_petr_record *r = &s.records[i];
        if (!r->id || !r->category || !r->text || !r->error || r->ntriples > r->ncodings)
            abort();
        for (size_t k = 0; k < r->ntriples; k++)
            if (!r->triples[k].source || !r->triples[k].target || !r->triples[k].code)
                abort();
        for (size_t k = 0; k < r->nconfig; k++)
            if (!r->config[k].option || !r->config[k].value)
                abort();
        (void)sr_petr_unscored(&s, r, 0);
    }
    sr_petr_suite_free(&s);
}

static void plover(const char *p, size_t n)
{
    sr_plover_gold g;
    char err[256] = "";
    sr_status st = sr_plover_gold_read("fuzz", p, n, &g, err, sizeof err);
    check_message(st, err);
    if (st) {
        if (g.arena || g.nrecords)
            abort();
        return;
    }
    for (size_t i = 0; i < g.nrecords; i++)
        if (g.records[i].day.year && !sr_ymd_valid(g.records[i].day))
            abort();
    sr_plover_gold_free(&g);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    if (data[0] & 1)
        plover((const char *)data + 1, size - 1);
    else
        petrarch((const char *)data + 1, size - 1);
    return 0;
}
