/* test_numbers.c: pathological inputs for the number and quantity recogniser: each
 * must run in time linear in its length (a generous cap catches quadratic corners). */
#include <stdlib.h>
#include <time.h>

#include "../../src/core/internal.h"
#include "../harness.h"

#define CAP_SECONDS 5.0 /* generous: sanitizer builds run these too */

/* Runs the pipeline on n copies of unit and returns the mentions found (or -1). */
static long run_repeated(const char *unit, size_t n, double *seconds)
{
    size_t len = strlen(unit);
    char *text = malloc(len * n + 1);
    if (!text)
        return -1;
    for (size_t i = 0; i < n; i++)
        memcpy(text + i * len, unit, len);
    text[len * n] = 0;
    sr_pipeline *p = sr_pipeline_new(NULL);
    sr_doc *d = sr_doc_new("path", text, len * n, NULL);
    clock_t t0 = clock();
    long found = -1;
    if (p && d && sr_pipeline_run(p, d) == SR_OK)
        found = (long)d->nmentions;
    *seconds = (double)(clock() - t0) / CLOCKS_PER_SEC;
    sr_doc_free(d);
    sr_pipeline_free(p);
    free(text);
    return found;
}

static void check_linear(const char *unit, size_t n, long want_min)
{
    double s = 0;
    long found = run_repeated(unit, n, &s);
    CHECK_MSG(found >= want_min, "\"%s\" x %zu: %ld mentions, expected at least %ld", unit, n,
              found, want_min);
    if (getenv("SITREP_TIMES"))
        fprintf(stderr, "%-20s %.3f s\n", unit, s);
    CHECK_MSG(s < CAP_SECONDS, "\"%s\" x %zu took %.2f s", unit, n, s);
}

TEST(numbers_pathological)
{
    check_linear("1 ", 50000, 50000);            /* 50k numbers in a row */
    check_linear("1,271 soldiers ", 50000, 50000);
    check_linear("one ", 50000, 1);               /* spelled numbers that cannot chain */
    check_linear("thousands of ", 50000, 1);
    check_linear("more than ", 50000, 0);        /* hedges with nothing to hedge */
    check_linear("1-", 100000, 0);                /* one glued run of 200k tokens */
    check_linear("a-", 100000, 0);                /* a hyphenated compound 200k long */
    check_linear("5 more a-", 30000, 1);
    check_linear("$1-$", 50000, 0);
    check_linear("$1 - $", 50000, 1);
    check_linear("between 1 and ", 50000, 1);
    check_linear("one hundred and ", 50000, 1);
    check_linear("7 every ", 50000, 1);
    check_linear("100 ", 50000, 1);               /* one chain of space-grouped thousands */
    check_linear("one of ", 50000, 0);
    check_linear("5 Big Name ", 50000, 1);        /* names after every number */
    check_linear("9 new central Western ", 50000, 1);
}

TEST(numbers_kinds)
{
    const char *text = "More than 10,000 North Korean soldiers arrived; 76% agreed; 3 said so.";
    sr_pipeline *p = sr_pipeline_new(NULL);
    sr_doc *d = sr_doc_new("k", text, strlen(text), NULL);
    CHECK(p && d && sr_pipeline_run(p, d) == SR_OK);
    CHECK_EQ_INT(d ? d->nmentions : 0, 3);
    if (d && d->nmentions == 3) {
        const sr_quantity *q = &d->mentions[0].u.quantity;
        CHECK_EQ_INT(d->mentions[0].kind, SR_MENTION_QUANTITY);
        CHECK_EQ_INT(q->hedge, SR_HEDGE_MORE_THAN);
        CHECK_EQ_INT(q->head_end - q->head_start, strlen("soldiers"));
        CHECK_EQ_INT(d->mentions[1].u.quantity.unit_kind, SR_UNIT_PERCENT);
        CHECK_EQ_INT(d->mentions[2].kind, SR_MENTION_NUMBER);
    }
    sr_doc_free(d);
    sr_pipeline_free(p);
}
