/* test_faults.c: failure injection. The test binary is linked with --wrap for malloc,
 * calloc and realloc, so the library's allocations go through the wrappers below; a
 * countdown makes the N-th allocation fail. For every N until a run completes, reading,
 * analysing (actors, places and claims included, with the built-in lexicon loaded once
 * beforehand) and printing a report must end in SR_NOMEM or success, never a crash, and
 * (under ASan's leak checker) never a leak. */
#include <stdlib.h>

#include "../../src/code/validate_gold.h"
#include "../../src/core/internal.h"
#include "../../src/ingest/record.h"
#include "../harness.h"

void *__real_malloc(size_t n);
void *__real_calloc(size_t a, size_t b);
void *__real_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t a, size_t b);
void *__wrap_realloc(void *p, size_t n);

static long countdown = -1; /* allocations left before one fails; -1: never */
static int injected;

static int should_fail(void)
{
    if (countdown < 0)
        return 0;
    if (countdown-- == 0) {
        injected = 1;
        return 1;
    }
    return 0;
}

void *__wrap_malloc(size_t n)
{
    return should_fail() ? NULL : __real_malloc(n);
}

void *__wrap_calloc(size_t a, size_t b)
{
    return should_fail() ? NULL : __real_calloc(a, b);
}

void *__wrap_realloc(void *p, size_t n)
{
    return should_fail() ? NULL : __real_realloc(p, n);
}

static const char report[] =
    "{\"id\":\"f\",\"published\":\"2024-11-05\",\"extra\":{\"k\":[1,2]},\"text\":\"More than "
    "10,000 North Korean soldiers have arrived in Russia, the ministry said on Tuesday. "
    "Skip to content\\nAbout 1.2 million troops serve in its army, up from 1.1 million in "
    "2020. \\\"We will fight,\\\" he said.\"}";

/* One full run; returns the status of the first failing step and leaves the printed
 * records in out (caller frees). */
static sr_status run_once(const sr_lexicon *lx, sr_buf *out)
{
    sr_reader_options opt = {{0, 0, 0}, 0, 0};
    sr_doc *d = NULL;
    char err[256];
    sr_status st =
        sr_record_from_json(report, sizeof report - 1, "faults", 1, &opt, &d, err, sizeof err);
    if (st)
        return st;
    sr_pipeline *p = sr_pipeline_new(lx);
    st = p ? sr_pipeline_run(p, d) : SR_NOMEM;
    if (!st)
        st = sr_emit_doc(out, d, SR_FORMAT_JSONL, SR_ONLY_ALL | SR_ONLY_SENTENCES);
    sr_pipeline_free(p);
    sr_doc_free(d);
    return st;
}

/* Runs once(lx, out) failing the 1st, 2nd, ... allocation until a run completes: each
 * injected failure must end in SR_NOMEM, and the completed run must print exactly what
 * want (from a run without injection) holds. */
static void fail_each_allocation(sr_status (*once)(const sr_lexicon *, sr_buf *),
                                 const sr_lexicon *lx, const sr_buf *want)
{
    int completed = 0;
    long n = 0;
    for (; n < 5000 && !completed; n++) {
        injected = 0;
        countdown = n;
        sr_buf got = {0};
        sr_status st = once(lx, &got);
        countdown = -1;
        if (!injected) {
            CHECK_EQ_INT(st, SR_OK);
            CHECK(got.n == want->n && !memcmp(got.p, want->p, want->n));
            completed = 1;
        } else {
            CHECK_MSG(st == SR_NOMEM, "allocation %ld failed but the run said %s", n,
                      sr_strerror(st));
        }
        sr_buf_free(&got);
    }
    CHECK(completed);
    CHECK_MSG(n > 5, "only %ld allocation points were exercised", n);
}

TEST(every_allocation_failure_is_reported)
{
    sr_lexicon *lx = sr_lexicon_new();
    CHECK(lx && sr_lexicon_load_defaults(lx) == SR_OK);
    /* a first run builds the shared word-list indexes, which later runs reuse */
    sr_buf want = {0};
    CHECK(run_once(lx, &want) == SR_OK && want.n > 0);
    CHECK(strstr(want.p, "\"kind\":\"claim\"") != NULL);
    fail_each_allocation(run_once, lx, &want);
    sr_buf_free(&want);
    sr_lexicon_free(lx);
}

static const char page_report[] =
    "{\"id\":\"p\",\"url\":\"https://example.org/2024/11/05/troops\",\"html\":\"<html lang=en>"
    "<head><title>Troops | Example</title><meta name=author content='A. Writer'>"
    "<script type='application/ld+json'>{\\\"@type\\\":\\\"NewsArticle\\\","
    "\\\"datePublished\\\":\\\"2024-11-05T10:00:00Z\\\"}</script></head><body><nav><a href=/>Home"
    "</a></nav><article><h1>Troops</h1><p>More than 10,000 North Korean soldiers have arrived "
    "in Russia, the ministry said on Tuesday, citing officials in two capitals.</p><p>About "
    "1.2 million troops serve in its army, up from 1.1 million in 2020, analysts said.</p>"
    "</article><footer>Copyright</footer></body></html>\"}";

/* The web-page path (decode, parse, main text, metadata) under the same injection. */
static sr_status page_once(const sr_lexicon *lx, sr_buf *out)
{
    (void)lx;
    sr_reader_options opt = {{0, 0, 0}, 0, 0};
    sr_doc *d = NULL;
    char err[256];
    sr_status st = sr_record_from_json(page_report, sizeof page_report - 1, "faults", 1, &opt, &d,
                                       err, sizeof err);
    if (!st)
        st = sr_emit_doc(out, d, SR_FORMAT_JSONL, SR_ONLY_DOCS);
    sr_doc_free(d);
    return st;
}

TEST(every_allocation_failure_in_a_web_page_is_reported)
{
    sr_buf want = {0};
    CHECK(page_once(NULL, &want) == SR_OK && want.n > 0);
    CHECK(strstr(want.p, "10,000 North Korean soldiers") && strstr(want.p, "2024-11-05"));
    fail_each_allocation(page_once, NULL, &want);
    sr_buf_free(&want);
}

static const char gold_xml[] =
    "<Validation><Environment><Verbfile>v</Verbfile><Actorfile>a</Actorfile>"
    "<Include>DEMO</Include></Environment><Sentences>"
    "<Config option=\"comma_max\" value=\"0\"/>"
    "<Sentence date=\"19950101\" id=\"D-1\" category=\"DEMO\" sentence=\"true\">"
    "<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"064\"/>"
    "<EventCoding sourcecode=\"GON\" targetcode=\"ARN\" eventcode=\"064\"/>"
    "<Text>Arnor restored ties with Gondor.</Text></Sentence>"
    "<Sentence id=\"D-2\" category=\"DEMO\"><EventCoding noevents=\"True\"/></Sentence>"
    "</Sentences></Validation>";
static const char gold_json[] =
    "[{\"id\":\"R-1\",\"date\":\"2000-01-01\",\"event\":\"AGREE\",\"text\":\"They "
    "agreed.\"},{\"event\":\"DOCUMENT\"},3]";

/* The gold-set readers (validate_gold.h), each record printed in one line. */
static sr_status gold_once(const sr_lexicon *lx, sr_buf *out)
{
    (void)lx;
    sr_petr_suite s;
    sr_plover_gold g = {0};
    char err[256];
    sr_status st = sr_petr_read("f.xml", gold_xml, sizeof gold_xml - 1, &s, err, sizeof err);
    for (size_t i = 0; !st && i < s.nrecords; i++)
        st = sr_buf_printf(out, "%s %s %zu %zu\n", s.records[i].id, s.records[i].text,
                           s.records[i].ntriples, s.records[i].nconfig);
    sr_petr_suite_free(&s);
    if (!st)
        st = sr_plover_gold_read("f.json", gold_json, sizeof gold_json - 1, &g, err, sizeof err);
    for (size_t i = 0; !st && i < g.nrecords; i++)
        st = sr_buf_printf(out, "%s %s\n", g.records[i].id ? g.records[i].id : "-",
                           g.records[i].event ? g.records[i].event : "-");
    sr_plover_gold_free(&g);
    return st;
}

TEST(every_allocation_failure_in_a_gold_set_is_reported)
{
    sr_buf want = {0};
    CHECK(gold_once(NULL, &want) == SR_OK && want.n > 0);
    CHECK(want.p && strstr(want.p, "D-1 Arnor restored ties with Gondor. 2 1"));
    fail_each_allocation(gold_once, NULL, &want);
    sr_buf_free(&want);
}
