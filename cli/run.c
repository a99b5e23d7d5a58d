/* run.c: the threaded driver behind `extract` and `ingest`, and their common options.
 *
 * Reports travel in batches through a ring of 2N slots: the main thread reads a batch
 * into a free slot, a worker analyses (and renders) it, and the main thread hands
 * finished slots to the sink strictly in input order. Memory stays bounded by the ring:
 * 2N batches of at most BATCH_DOCS reports or BATCH_BYTES bytes each. */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "run.h"

enum { BATCH_DOCS = 64, BATCH_BYTES = 1 << 20 };

typedef struct {
    sr_doc *docs[BATCH_DOCS]; /* analysed reports; NULL where analysis failed */
    size_t ndocs;
    sr_buf out;
    sr_buf errors; /* one line per report that failed analysis */
    size_t failed;
    int state; /* FREE, READY, BUSY, DONE */
} slot;

enum { FREE, READY, BUSY, DONE };

typedef struct {
    slot *ring;
    size_t nslots;
    pthread_mutex_t mu;
    pthread_cond_t changed;
    int stop;
    const sr_lexicon *lx;
    const sr_run_hooks *h;
} work;

static void fail_doc(slot *s, size_t i, sr_status st)
{
    sr_doc *d = s->docs[i];
    char line[512];
    snprintf(line, sizeof line, "sitrep: %s%s%.0llu: report %.*s: %s\n", d->origin,
             d->line ? ":" : "", (unsigned long long)d->line, (int)d->id.n, d->id.p,
             sr_strerror(st));
    sr_buf_add(&s->errors, line, strlen(line)); /* best effort on OOM */
    s->failed++;
    sr_doc_free(d);
    s->docs[i] = NULL;
}

/* Analyses (and renders) every report of a batch; a report that fails is freed. */
static void run_batch(sr_pipeline *p, slot *s, const sr_run_hooks *h)
{
    for (size_t i = 0; i < s->ndocs; i++) {
        sr_status st = p ? sr_pipeline_run(p, s->docs[i]) : SR_NOMEM;
        if (!st && h->render)
            st = h->render(h->ctx, s->docs[i], &s->out);
        if (st)
            fail_doc(s, i, st);
    }
}

static void *worker(void *arg)
{
    work *w = arg;
    sr_pipeline *p = sr_pipeline_new(w->lx);
    pthread_mutex_lock(&w->mu);
    for (;;) {
        slot *s = NULL;
        for (size_t i = 0; i < w->nslots && !s; i++)
            if (w->ring[i].state == READY)
                s = &w->ring[i];
        if (!s) {
            if (w->stop)
                break;
            pthread_cond_wait(&w->changed, &w->mu);
            continue;
        }
        s->state = BUSY;
        pthread_mutex_unlock(&w->mu);
        run_batch(p, s, w->h);
        pthread_mutex_lock(&w->mu);
        s->state = DONE;
        pthread_cond_broadcast(&w->changed);
    }
    pthread_mutex_unlock(&w->mu);
    sr_pipeline_free(p);
    return NULL;
}

/* Hands a finished slot to the sink, frees its reports and makes it free again. A DONE
 * slot is the main thread's alone, but workers read every slot's state under the lock,
 * so the state changes under it too. Returns the sink's verdict. */
static int drain(sr_run_tally *t, work *w, slot *s)
{
    int stop = w->h->sink(w->h->ctx, s->docs, s->ndocs, &s->out);
    if (s->errors.n)
        fwrite(s->errors.p, 1, s->errors.n, stderr);
    t->failed += s->failed;
    for (size_t i = 0; i < s->ndocs; i++)
        sr_doc_free(s->docs[i]);
    s->ndocs = 0;
    s->out.n = s->errors.n = 0;
    s->failed = 0;
    pthread_mutex_lock(&w->mu);
    s->state = FREE;
    pthread_mutex_unlock(&w->mu);
    return stop;
}

/* Fills slot s with the next batch of reports; returns 1 at the end of input or when
 * stopping on a bad record (*stopped set). */
static int fill(const sr_run_options *o, sr_reader *r, slot *s, sr_run_tally *t, int *stopped)
{
    size_t bytes = 0;
    while (s->ndocs < BATCH_DOCS && bytes < BATCH_BYTES) {
        sr_doc *d;
        sr_status st = sr_reader_next(r, &d);
        if (st == SR_EOF)
            return 1;
        if (st) {
            fprintf(stderr, "sitrep: %s\n", sr_reader_error(r));
            t->skipped++;
            if (!o->keep_going || st == SR_NOMEM)
                return *stopped = 1;
            continue;
        }
        t->docs++;
        t->repaired += d->invalid_bytes > 0;
        t->bytes += d->len;
        t->raw_bytes = sr_reader_raw_bytes(r);
        bytes += d->len;
        s->docs[s->ndocs++] = d;
    }
    return 0;
}

/* Waits until slot s is free, draining finished slots in order meanwhile. */
static int wait_free(work *w, slot *s, size_t *head, sr_run_tally *t)
{
    int stop = 0;
    pthread_mutex_lock(&w->mu);
    while (s->state != FREE) {
        slot *h = &w->ring[*head % w->nslots];
        if (h->state == DONE) {
            pthread_mutex_unlock(&w->mu);
            stop |= drain(t, w, h);
            (*head)++;
            pthread_mutex_lock(&w->mu);
        } else {
            pthread_cond_wait(&w->changed, &w->mu);
        }
    }
    pthread_mutex_unlock(&w->mu);
    return stop;
}

/* The read loop: fills slots and hands them out; returns 1 if it stopped early. */
static int read_all(const sr_run_options *o, sr_reader *r, work *w, sr_run_tally *t,
                    sr_pipeline *inline_p)
{
    size_t head = 0, tail = 0; /* next slot to drain, next slot to fill */
    int stopped = 0, end = 0;
    while (!end && !stopped) {
        slot *s = &w->ring[tail % w->nslots];
        stopped |= wait_free(w, s, &head, t);
        end = fill(o, r, s, t, &stopped);
        if (!s->ndocs)
            continue;
        if (inline_p) {
            run_batch(inline_p, s, w->h);
            s->state = DONE; /* no workers in this mode */
        } else {
            pthread_mutex_lock(&w->mu);
            s->state = READY;
            pthread_cond_broadcast(&w->changed);
            pthread_mutex_unlock(&w->mu);
        }
        tail++;
    }
    for (; head < tail; head++) { /* what is still in flight, in order */
        slot *h = &w->ring[head % w->nslots];
        pthread_mutex_lock(&w->mu);
        while (h->state != DONE)
            pthread_cond_wait(&w->changed, &w->mu);
        pthread_mutex_unlock(&w->mu);
        stopped |= drain(t, w, h);
    }
    return stopped;
}

static void stop_workers(work *w, pthread_t *tids, int n)
{
    pthread_mutex_lock(&w->mu);
    w->stop = 1;
    pthread_cond_broadcast(&w->changed);
    pthread_mutex_unlock(&w->mu);
    for (int i = 0; i < n; i++)
        pthread_join(tids[i], NULL);
}

int sr_run(const sr_run_options *o, const sr_lexicon *lx, const sr_run_hooks *h, sr_run_tally *t)
{
    sr_reader *r = sr_reader_new(o->inputs, o->ninputs, &o->ropt);
    work w = {.lx = lx, .h = h, .nslots = o->threads > 1 ? 2 * (size_t)o->threads : 1};
    w.ring = calloc(w.nslots, sizeof *w.ring);
    sr_pipeline *inline_p = o->threads > 1 ? NULL : sr_pipeline_new(lx);
    int rc = 1;
    pthread_t tids[SR_RUN_MAX_THREADS];
    int nthreads = 0;
    pthread_mutex_init(&w.mu, NULL);
    pthread_cond_init(&w.changed, NULL);
    if (!r || !w.ring || (o->threads == 1 && !inline_p)) {
        fprintf(stderr, "sitrep: out of memory\n");
        goto done;
    }
    for (int i = 0; o->threads > 1 && i < o->threads; i++)
        nthreads += pthread_create(&tids[nthreads], NULL, worker, &w) == 0;
    if (o->threads > 1 && nthreads == 0) {
        fprintf(stderr, "sitrep: cannot start threads\n");
        goto done;
    }
    rc = read_all(o, r, &w, t, inline_p);
done:
    stop_workers(&w, tids, nthreads);
    for (size_t i = 0; w.ring && i < w.nslots; i++) {
        sr_buf_free(&w.ring[i].out);
        sr_buf_free(&w.ring[i].errors);
    }
    free(w.ring);
    pthread_mutex_destroy(&w.mu);
    pthread_cond_destroy(&w.changed);
    sr_pipeline_free(inline_p);
    t->not_pages = r ? sr_reader_skipped_records(r) : 0;
    sr_reader_free(r);
    return rc;
}

void sr_run_summary(const sr_run_tally *t)
{
    if (t->skipped || t->failed || t->repaired)
        fprintf(stderr,
                "sitrep: %llu reports processed, %llu skipped, %llu failed analysis, "
                "%llu with invalid bytes replaced, %llu WARC records not web pages\n",
                t->docs, t->skipped, t->failed, t->repaired, t->not_pages);
}
