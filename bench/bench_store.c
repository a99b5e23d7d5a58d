/* bench_store.c: throughput of the SQLite store alone. Reads and analyses a corpus
 * first (not timed), then stores every document in batches into a new database
 * (timed), stores them all again (every one known: the hash lookup alone), and loads
 * the claims back; prints documents, claims and rows per second and a hash of the
 * loaded claims, so a faster but different store is caught.
 *
 * Usage: bench_store INPUT DB [BATCH [COPIES]]
 *   COPIES > 1 stores each document again under another url: every copy is then a
 *   near-duplicate, the worst case for the near-duplicate check.
 * Build: cc -O2 -Iinclude -o build/bench/bench_store bench/bench_store.c \
 *          build/libsitrep.a -lyajl -lutf8proc -lsqlite3 -lxxhash -lz -lpthread -lm */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "sitrep_store.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct {
    sr_doc **v;
    size_t n, cap;
    size_t mentions, claims;
} corpus;

/* Reads and analyses every report of input (dated 2005-01-01 when undated). */
static int load(const char *input, corpus *c)
{
    sr_lexicon *lx = sr_lexicon_new();
    if (!lx || sr_lexicon_load_defaults(lx))
        return -1;
    sr_pipeline *p = sr_pipeline_new(lx);
    sr_reader_options o = {.default_published = {2005, 1, 1}};
    const char *paths[] = {input};
    sr_reader *r = sr_reader_new(paths, 1, &o);
    sr_doc *d;
    sr_status st;
    while (p && r && (st = sr_reader_next(r, &d)) != SR_EOF) {
        if (st) {
            fprintf(stderr, "%s\n", sr_reader_error(r));
            continue;
        }
        /* the origin points into the reader, freed below */
        d->origin = "bench";
        if (sr_pipeline_run(p, d) ||
            (c->n == c->cap &&
             !(c->v = realloc(c->v, (c->cap = c->cap * 2 + 1024) * sizeof *c->v))))
            return -1;
        c->v[c->n++] = d;
        c->mentions += d->nmentions;
        c->claims += d->nclaims;
    }
    sr_reader_free(r);
    sr_pipeline_free(p);
    /* the lexicon must outlive the documents (actor codes point into it): kept */
    return 0;
}

/* Stores every document `copies` times (copy k > 0 under url "copy-k"). */
static sr_status ingest(sr_store *s, const corpus *c, size_t batch, int copies)
{
    sr_status st = SR_OK;
    size_t total = c->n * (size_t)copies;
    for (size_t i = 0; i < total && !st; i += batch) {
        st = sr_store_begin(s);
        for (size_t j = i; j < i + batch && j < total && !st; j++) {
            sr_doc *d = c->v[j % c->n];
            sr_str url = d->url;
            char u[32];
            if (j >= c->n) {
                snprintf(u, sizeof u, "copy-%zu", j / c->n);
                d->url = (sr_str){u, strlen(u)};
            }
            st = sr_store_add_doc(s, d, NULL);
            d->url = url;
        }
        if (!st)
            st = sr_store_commit(s);
    }
    return st;
}

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 1099511628211ull;
    return h;
}

/* A hash of what matters in the loaded claims. */
static uint64_t claims_hash(const sr_claimset *cs)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < cs->n; i++) {
        const sr_stored_claim *c = &cs->claims[i];
        int64_t v[] = {c->id,          c->doc,        c->cluster,        c->start,
                       c->end,         c->text_start, (int64_t)c->value, c->hedge,
                       c->source_kind, c->place_kind};
        h = fnv(h, v, sizeof v);
        h = fnv(h, c->text, strlen(c->text) + 1);
        h = fnv(h, c->source, strlen(c->source) + 1);
        h = fnv(h, c->as_of, strlen(c->as_of) + 1);
    }
    return h;
}

static void report(const char *what, double t, const sr_store_stats *ss)
{
    uint64_t rows = ss->docs + ss->mentions + ss->claims;
    printf("%-14s %6.3f s  %8.0f docs/s  %8.0f claims/s  %8.0f mentions/s  %8.0f rows/s"
           "  (docs %llu, known %llu, near-dups %llu)\n",
           what, t, ss->docs / t, ss->claims / t, ss->mentions / t, rows / t,
           (unsigned long long)ss->docs, (unsigned long long)ss->known,
           (unsigned long long)ss->near_dups);
}

static int fail(sr_store *s, const char *e)
{
    fprintf(stderr, "bench_store: %s\n", s ? sr_store_error(s) : e);
    return 1;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench_store INPUT DB [BATCH [COPIES]]\n");
        return 2;
    }
    size_t batch = argc > 3 ? (size_t)atol(argv[3]) : 1000;
    int copies = argc > 4 ? atoi(argv[4]) : 1;
    corpus c = {0};
    if (load(argv[1], &c) || !batch || copies < 1)
        return fail(NULL, "cannot read the corpus");
    printf("%zu documents, %zu mentions, %zu claims; batches of %zu, %d cop%s\n", c.n, c.mentions,
           c.claims, batch, copies, copies > 1 ? "ies" : "y");
    char wal[4096];
    snprintf(wal, sizeof wal, "%s-wal", argv[2]);
    unlink(argv[2]);
    unlink(wal);
    sr_store *s = NULL;
    char *err = NULL;
    double t0 = now();
    if (sr_store_open(argv[2], SR_STORE_CREATE, &s, &err))
        return fail(NULL, err);
    if (ingest(s, &c, batch, copies))
        return fail(s, NULL);
    report("ingest", now() - t0, sr_store_stats_get(s));
    sr_store_stats before = *sr_store_stats_get(s);
    t0 = now();
    if (ingest(s, &c, batch, 1))
        return fail(s, NULL);
    double t = now() - t0;
    printf("%-14s %6.3f s  %8.0f docs/s (all known: %llu)\n", "again", t, c.n / t,
           (unsigned long long)(sr_store_stats_get(s)->known - before.known));
    sr_claimset cs;
    t0 = now();
    if (sr_store_load_claims(s, NULL, &cs))
        return fail(s, NULL);
    t = now() - t0;
    printf("%-14s %6.3f s  %8.0f claims/s  hash %016llx\n", "load", t, cs.n / t,
           (unsigned long long)claims_hash(&cs));
    sr_claimset_free(&cs);
    sr_store_close(s);
    for (size_t i = 0; i < c.n; i++)
        sr_doc_free(c.v[i]);
    free(c.v);
    return 0;
}
