/* test_claims.c: the claim stage on pathological input: run-on sentences packed with
 * figures, reporting verbs, brackets and pronouns must cost time linear in their length
 * (a generous cap catches quadratic corners), and the printed claims must grow with the
 * figures, not with figures times sentence length. */
#include <stdlib.h>
#include <time.h>

#include "../../src/core/internal.h"
#include "../harness.h"

#define CAP_SECONDS 5.0 /* generous: sanitizer builds run these too */

/* n copies of unit, a full stop after every per_sentence of them. Caller frees. */
static char *repeat(const char *unit, size_t n, size_t per_sentence, size_t *len)
{
    size_t u = strlen(unit);
    char *text = malloc((u + 2) * n + 1), *o = text;
    if (!text)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        memcpy(o, unit, u);
        o += u;
        if ((i + 1) % per_sentence == 0)
            memcpy(o, ". ", 2), o += 2;
    }
    *len = (size_t)(o - text);
    return text;
}

static void check_linear(const char *unit, size_t n, size_t per_sentence, size_t want_claims)
{
    size_t len = 0;
    char *text = repeat(unit, n, per_sentence, &len);
    sr_pipeline *p = sr_pipeline_new(sr_test_lexicon());
    sr_ymd day = {2024, 11, 5};
    sr_doc *d = text ? sr_doc_new("path", text, len, &day) : NULL;
    clock_t t0 = clock();
    sr_status st = p && d ? sr_pipeline_run(p, d) : SR_NOMEM;
    sr_buf out = {0};
    if (!st)
        st = sr_emit_doc(&out, d, SR_FORMAT_JSONL, SR_ONLY_CLAIMS);
    double s = (double)(clock() - t0) / CLOCKS_PER_SEC;
    CHECK_MSG(st == SR_OK, "\"%s\" x %zu: %s", unit, n, sr_strerror(st));
    size_t claims = d ? d->nclaims : 0;
    CHECK_MSG(claims >= want_claims, "\"%s\" x %zu: %zu claims, expected at least %zu", unit, n,
              claims, want_claims);
    CHECK_MSG(out.n <= 400 * len, "\"%s\" x %zu: %zu bytes of claims from %zu bytes", unit, n,
              out.n, len);
    if (getenv("SITREP_TIMES"))
        fprintf(stderr, "%-40s %.3f s, %zu claims, %zu bytes\n", unit, s, claims, out.n);
    CHECK_MSG(s < CAP_SECONDS, "\"%s\" x %zu took %.2f s", unit, n, s);
    sr_buf_free(&out);
    sr_doc_free(d);
    sr_pipeline_free(p);
    free(text);
}

TEST(claims_pathological)
{
    CHECK(sr_test_lexicon() != NULL);
    /* long sentences (the splitter's limit) full of figures and sources */
    check_linear("officials said 100 soldiers, 200 troops (300) in Kursk according to Ukraine ",
                 6000, 250, 6000);
    check_linear("100 ", 100000, 4000, 90000);
    check_linear("he said ", 50000, 2000, 0);          /* pronouns with nobody to refer to */
    check_linear("( 100 ) ", 50000, 1000, 1);           /* asides in asides */
    check_linear("the minister said that 500 ", 30000, 500, 30000);
    check_linear("is said to have 300 tanks reportedly ", 30000, 500, 30000);
    check_linear("Yonhap reported that ", 50000, 1000, 0); /* chains without end */
}

TEST(claims_need_a_lexicon)
{
    /* without a lexicon the pipeline makes mentions only */
    const char *text = "More than 10,000 soldiers arrived, the ministry said.";
    sr_pipeline *p = sr_pipeline_new(NULL);
    sr_doc *d = sr_doc_new("n", text, strlen(text), NULL);
    CHECK(p && d && sr_pipeline_run(p, d) == SR_OK);
    CHECK_EQ_INT(d ? d->nclaims : 1, 0);
    sr_doc_free(d);
    sr_pipeline_free(p);
}
