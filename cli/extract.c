/* extract.c: `sitrep extract`: reads reports, analyses them on N threads, and prints
 * records in input order.
 *
 * Reports travel in batches through a ring of 2N slots: the main thread reads a batch
 * into a free slot, a worker analyses it and renders its output into the slot's buffer,
 * and the main thread writes finished slots strictly in order. Memory stays bounded by
 * the ring: 2N batches of at most BATCH_DOCS reports or BATCH_BYTES bytes each. */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "sitrep.h"

enum { BATCH_DOCS = 64, BATCH_BYTES = 1 << 20, MAX_THREADS = 64, MAX_LEX_FILES = 32 };

typedef struct {
    sr_doc *docs[BATCH_DOCS];
    size_t ndocs;
    sr_buf out;
    sr_buf errors; /* one line per document that failed analysis */
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
    sr_format fmt;
    int what;
    const sr_lexicon *lx;
} work;

/* Analyses and renders every report of a batch; frees the reports. */
static void run_batch(sr_pipeline *p, slot *s, sr_format fmt, int what)
{
    for (size_t i = 0; i < s->ndocs; i++) {
        sr_doc *d = s->docs[i];
        sr_status st = sr_pipeline_run(p, d);
        if (!st)
            st = sr_emit_doc(&s->out, d, fmt, what);
        if (st) {
            char line[512];
            snprintf(line, sizeof line, "sitrep: %s%s%.0llu: report %.*s: %s\n", d->origin,
                     d->line ? ":" : "", (unsigned long long)d->line, (int)d->id.n, d->id.p,
                     sr_strerror(st));
            sr_buf_add(&s->errors, line, strlen(line)); /* best effort on OOM */
            s->failed++;
        }
        sr_doc_free(d);
        s->docs[i] = NULL;
    }
    s->ndocs = 0;
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
        if (p) {
            run_batch(p, s, w->fmt, w->what);
        } else {
            sr_buf_adds(&s->errors, "sitrep: out of memory starting a worker\n");
            s->failed += s->ndocs;
            for (size_t i = 0; i < s->ndocs; i++)
                sr_doc_free(s->docs[i]);
            s->ndocs = 0;
        }
        pthread_mutex_lock(&w->mu);
        s->state = DONE;
        pthread_cond_broadcast(&w->changed);
    }
    pthread_mutex_unlock(&w->mu);
    sr_pipeline_free(p);
    return NULL;
}

typedef struct {
    const char **inputs;
    size_t ninputs;
    sr_reader_options ropt;
    sr_format fmt;
    int what;
    int threads;
    int keep_going;
    const char *lex_path[MAX_LEX_FILES];
    sr_lexicon_file lex_kind[MAX_LEX_FILES];
    int nlex;
} options;

typedef struct {
    unsigned long long docs, skipped, failed, repaired, bytes;
    int write_error;
} tally;

static void write_out(tally *t, const sr_buf *b)
{
    if (b->n && !t->write_error && fwrite(b->p, 1, b->n, stdout) != b->n)
        t->write_error = errno ? errno : EIO;
}

/* Writes a finished slot and makes it free again. A DONE slot is the main thread's
 * alone, but workers read every slot's state under the lock, so the state changes
 * under it too. */
static void drain(tally *t, work *w, slot *s)
{
    write_out(t, &s->out);
    if (s->errors.n)
        fwrite(s->errors.p, 1, s->errors.n, stderr);
    t->failed += s->failed;
    s->out.n = s->errors.n = 0;
    s->failed = 0;
    pthread_mutex_lock(&w->mu);
    s->state = FREE;
    pthread_mutex_unlock(&w->mu);
}

static void usage(FILE *f)
{
    fputs("usage: sitrep extract [OPTIONS] [INPUT...]\n"
          "\n"
          "Reads news reports and prints what they say as records. INPUT is a file, a\n"
          "directory (read recursively) or - for standard input (the default). Plain text\n"
          "(one report per file) and JSONL (one report per line: id, url, outlet, published,\n"
          "title, text), gzip-compressed or not, are told apart by their content.\n"
          "\n"
          "options:\n"
          "  --only KINDS         docs, sentences, mentions, claims (comma-separated;\n"
          "                       default: docs,mentions,claims; mentions with --format\n"
          "                       tsv)\n"
          "  --format FMT         jsonl (default) or tsv (with a header line)\n"
          "  --published DAY      publication day (YYYY-MM-DD) for reports that give none;\n"
          "                       without it their relative dates stay unresolved\n"
          "  --keep-going         skip bad records and inputs (counted at the end) and\n"
          "                       replace invalid UTF-8 instead of stopping\n"
          "  --threads N          analyse on N threads (default 1); output order is kept\n"
          "  --max-record BYTES   largest report accepted (default 32M; suffixes K, M, G)\n"
          "  --actors FILE        also code with this TABARI/PETRARCH actor dictionary\n"
          "  --agents FILE        also code with this TABARI/PETRARCH agent dictionary\n"
          "  --supplement FILE    also code with this dictionary in sitrep's own format\n"
          "                       (docs/DICTIONARIES.md); each of the three may repeat\n"
          "  -h, --help           this text\n"
          "\n"
          "exit status: 0 all reports processed; 1 stopped on an error; 2 finished with\n"
          "--keep-going but skipped some records.\n",
          f);
}

static int parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s)
        return -1;
    unsigned long long mul = 1;
    if (*end == 'K' || *end == 'k')
        mul = 1ull << 10, end++;
    else if (*end == 'M' || *end == 'm')
        mul = 1ull << 20, end++;
    else if (*end == 'G' || *end == 'g')
        mul = 1ull << 30, end++;
    if (*end || v == 0 || v > (~0ull) / mul)
        return -1;
    *out = (size_t)(v * mul);
    return 0;
}

static int parse_only(const char *s, int *what)
{
    *what = 0;
    char buf[128];
    snprintf(buf, sizeof buf, "%s", s);
    for (char *tok = strtok(buf, ","); tok; tok = strtok(NULL, ",")) {
        if (!strcmp(tok, "docs"))
            *what |= SR_ONLY_DOCS;
        else if (!strcmp(tok, "mentions"))
            *what |= SR_ONLY_MENTIONS;
        else if (!strcmp(tok, "sentences"))
            *what |= SR_ONLY_SENTENCES;
        else if (!strcmp(tok, "claims"))
            *what |= SR_ONLY_CLAIMS;
        else
            return -1;
    }
    return *what ? 0 : -1;
}

static int parse_args(int argc, char **argv, options *o)
{
    static const struct option longopts[] = {
        {"only", required_argument, NULL, 'O'},      {"format", required_argument, NULL, 'F'},
        {"published", required_argument, NULL, 'P'}, {"keep-going", no_argument, NULL, 'k'},
        {"threads", required_argument, NULL, 'j'},   {"max-record", required_argument, NULL, 'M'},
        {"actors", required_argument, NULL, 'A'},   {"agents", required_argument, NULL, 'G'},
        {"supplement", required_argument, NULL, 'S'},
        {"help", no_argument, NULL, 'h'},            {NULL, 0, NULL, 0},
    };
    memset(o, 0, sizeof *o);
    o->threads = 1;
    o->what = 0;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "hj:", longopts, NULL)) != -1) {
        switch (c) {
        case 'O':
            if (parse_only(optarg, &o->what)) {
                fprintf(stderr, "sitrep extract: --only takes docs, sentences, mentions, claims (comma-separated), not '%s'\n", optarg);
                return 1;
            }
            break;
        case 'F':
            if (!strcmp(optarg, "jsonl"))
                o->fmt = SR_FORMAT_JSONL;
            else if (!strcmp(optarg, "tsv"))
                o->fmt = SR_FORMAT_TSV;
            else {
                fprintf(stderr, "sitrep extract: --format takes jsonl or tsv, not '%s'\n", optarg);
                return 1;
            }
            break;
        case 'P':
            if (sr_ymd_parse(optarg, strlen(optarg), &o->ropt.default_published) ||
                strlen(optarg) != 10) {
                fprintf(stderr, "sitrep extract: --published takes a day as YYYY-MM-DD, not '%s'\n", optarg);
                return 1;
            }
            break;
        case 'k':
            o->keep_going = 1;
            o->ropt.repair = 1;
            break;
        case 'j': {
            char *end;
            long n = strtol(optarg, &end, 10);
            if (*end || n < 1 || n > MAX_THREADS) {
                fprintf(stderr, "sitrep extract: --threads takes 1 to %d, not '%s'\n", MAX_THREADS, optarg);
                return 1;
            }
            o->threads = (int)n;
            break;
        }
        case 'M':
            if (parse_size(optarg, &o->ropt.max_record)) {
                fprintf(stderr, "sitrep extract: --max-record takes a size such as 64M, not '%s'\n", optarg);
                return 1;
            }
            break;
        case 'A':
        case 'G':
        case 'S':
            if (o->nlex == MAX_LEX_FILES) {
                fprintf(stderr, "sitrep extract: at most %d dictionary files\n", MAX_LEX_FILES);
                return 1;
            }
            o->lex_path[o->nlex] = optarg;
            o->lex_kind[o->nlex++] = c == 'A' ? SR_LEX_ACTORS : c == 'G' ? SR_LEX_AGENTS : SR_LEX_SUPPLEMENT;
            break;
        case 'h':
            usage(stdout);
            return -1;
        default:
            usage(stderr);
            return 1;
        }
    }
    if (!o->what)
        o->what = o->fmt == SR_FORMAT_TSV ? SR_ONLY_MENTIONS : SR_ONLY_ALL;
    if (o->fmt == SR_FORMAT_TSV && (o->what & (o->what - 1))) {
        fprintf(stderr, "sitrep extract: --format tsv prints one kind of record: add --only docs, mentions, sentences or claims\n");
        return 1;
    }
    static const char *const stdin_only[] = {"-"};
    o->inputs = optind < argc ? (const char **)(argv + optind) : (const char **)stdin_only;
    o->ninputs = optind < argc ? (size_t)(argc - optind) : 1;
    return 0;
}

/* The read loop: fills slots and hands them out; returns 1 if it stopped on an error. */
static int read_all(const options *o, sr_reader *r, work *w, tally *t, sr_pipeline *inline_p)
{
    size_t head = 0; /* next slot to write, in order */
    size_t tail = 0; /* next slot to fill */
    int stopped = 0;
    for (;;) {
        slot *s = &w->ring[tail % w->nslots];
        pthread_mutex_lock(&w->mu);
        while (s->state != FREE) {
            slot *h = &w->ring[head % w->nslots];
            if (h->state == DONE) {
                pthread_mutex_unlock(&w->mu);
                drain(t, w, h);
                head++;
                pthread_mutex_lock(&w->mu);
            } else {
                pthread_cond_wait(&w->changed, &w->mu);
            }
        }
        pthread_mutex_unlock(&w->mu);
        size_t bytes = 0;
        int end = 0;
        while (s->ndocs < BATCH_DOCS && bytes < BATCH_BYTES) {
            sr_doc *d;
            sr_status st = sr_reader_next(r, &d);
            if (st == SR_EOF) {
                end = 1;
                break;
            }
            if (st) {
                fprintf(stderr, "sitrep: %s\n", sr_reader_error(r));
                t->skipped++;
                if (!o->keep_going || st == SR_NOMEM) {
                    stopped = end = 1;
                    break;
                }
                continue;
            }
            t->docs++;
            t->repaired += d->invalid_bytes > 0;
            bytes += d->len;
            s->docs[s->ndocs++] = d;
        }
        if (s->ndocs) {
            if (inline_p) {
                run_batch(inline_p, s, o->fmt, o->what);
                s->state = DONE; /* no workers in this mode */
            } else {
                pthread_mutex_lock(&w->mu);
                s->state = READY;
                pthread_cond_broadcast(&w->changed);
                pthread_mutex_unlock(&w->mu);
            }
            tail++;
        }
        if (end || t->write_error)
            break;
    }
    /* write what is still in flight, in order */
    for (; head < tail; head++) {
        slot *h = &w->ring[head % w->nslots];
        pthread_mutex_lock(&w->mu);
        while (h->state != DONE)
            pthread_cond_wait(&w->changed, &w->mu);
        pthread_mutex_unlock(&w->mu);
        drain(t, w, h);
    }
    return stopped;
}

/* The built-in dictionaries and gazetteer, then the user's files. A malformed line in a
 * user's file stops the run unless --keep-going (then it is skipped with a warning). */
static sr_lexicon *load_lexicon(const options *o)
{
    sr_lexicon *lx = sr_lexicon_new();
    if (!lx || sr_lexicon_load_defaults(lx)) {
        fprintf(stderr, "sitrep: cannot load the built-in dictionaries: %s\n",
                lx ? sr_lexicon_error(lx) : "out of memory");
        sr_lexicon_free(lx);
        return NULL;
    }
    for (int i = 0; i < o->nlex; i++) {
        sr_status st = sr_lexicon_add_file(lx, o->lex_kind[i], o->lex_path[i]);
        if (!st)
            continue;
        int fatal = !o->keep_going || st == SR_NOMEM || st == SR_NOTFOUND || st == SR_IO;
        fprintf(stderr, "sitrep: %s%s\n", sr_lexicon_error(lx), fatal ? "" : " (line skipped)");
        if (fatal) {
            sr_lexicon_free(lx);
            return NULL;
        }
    }
    return lx;
}

int sr_cmd_extract(int argc, char **argv)
{
    options o;
    int rc = parse_args(argc, argv, &o);
    if (rc)
        return rc < 0 ? 0 : rc;
    sr_lexicon *lx = load_lexicon(&o);
    if (!lx)
        return 1;
    sr_reader *r = sr_reader_new(o.inputs, o.ninputs, &o.ropt);
    work w = {0};
    w.lx = lx;
    w.nslots = o.threads > 1 ? 2 * (size_t)o.threads : 1;
    w.ring = calloc(w.nslots, sizeof *w.ring);
    w.fmt = o.fmt;
    w.what = o.what;
    sr_pipeline *inline_p = o.threads > 1 ? NULL : sr_pipeline_new(lx);
    if (!r || !w.ring || (o.threads == 1 && !inline_p)) {
        fprintf(stderr, "sitrep: out of memory\n");
        return 1;
    }
    pthread_mutex_init(&w.mu, NULL);
    pthread_cond_init(&w.changed, NULL);
    pthread_t tids[MAX_THREADS];
    int nthreads = 0;
    for (int i = 0; o.threads > 1 && i < o.threads; i++)
        if (pthread_create(&tids[nthreads], NULL, worker, &w) == 0)
            nthreads++;
    if (o.threads > 1 && nthreads == 0) {
        fprintf(stderr, "sitrep: cannot start threads\n");
        return 1;
    }

    tally t = {0};
    if (o.fmt == SR_FORMAT_TSV) {
        sr_buf hb = {0};
        sr_emit_tsv_header(&hb, o.what);
        write_out(&t, &hb);
        sr_buf_free(&hb);
    }
    int stopped = read_all(&o, r, &w, &t, inline_p);

    pthread_mutex_lock(&w.mu);
    w.stop = 1;
    pthread_cond_broadcast(&w.changed);
    pthread_mutex_unlock(&w.mu);
    for (int i = 0; i < nthreads; i++)
        pthread_join(tids[i], NULL);
    for (size_t i = 0; i < w.nslots; i++) {
        sr_buf_free(&w.ring[i].out);
        sr_buf_free(&w.ring[i].errors);
    }
    free(w.ring);
    sr_pipeline_free(inline_p);
    sr_reader_free(r);
    sr_lexicon_free(lx);
    if (fflush(stdout) != 0 && !t.write_error)
        t.write_error = errno ? errno : EIO;
    if (t.write_error) {
        if (t.write_error != EPIPE)
            fprintf(stderr, "sitrep: cannot write output: %s\n", strerror(t.write_error));
        return 1;
    }
    if (t.skipped || t.failed || t.repaired)
        fprintf(stderr, "sitrep: %llu reports processed, %llu skipped, %llu failed analysis, "
                "%llu with invalid bytes replaced\n", t.docs, t.skipped, t.failed, t.repaired);
    if (stopped || (t.failed && !o.keep_going))
        return 1;
    return t.skipped || t.failed ? 2 : 0;
}
