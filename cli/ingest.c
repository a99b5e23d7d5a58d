/* ingest.c: `sitrep ingest --db FILE INPUT...`: analyses reports as extract does (run.c)
 * and stores documents, mentions and claims in a SQLite database, a thousand documents
 * to a transaction, so an interrupted ingest loses at most the transaction in flight and
 * re-running the same command completes it (documents already stored are recognised by
 * content hash). */
#include <ftw.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "ingest.h"
#include "run.h"
#include "sitrep_store.h"

enum { COMMIT_DOCS = 1000 };

typedef struct {
    sr_store *store;
    int in_tx;          /* a transaction is open */
    size_t pending;     /* documents added in it */
    const sr_run_tally *t;
    int failed;         /* a store error stopped the run */
    int progress;       /* stderr is a terminal */
    double start, last; /* monotonic seconds */
    unsigned long long total; /* input bytes on disk, 0 when unknown */
} ingest_ctx;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* One line, rewritten in place: documents, MB, rate and, when the inputs' size is
 * known, the time left. */
static void show_progress(ingest_ctx *x, int final)
{
    double t = now();
    if (!x->progress || (!final && t - x->last < 0.5))
        return;
    x->last = t;
    double secs = t - x->start > 1e-3 ? t - x->start : 1e-3;
    double mb = x->t->bytes / 1e6;
    char eta[48] = "";
    if (x->total && x->t->raw_bytes && !final) {
        double left = secs * ((double)x->total / (double)x->t->raw_bytes - 1);
        snprintf(eta, sizeof eta, ", ETA %dm%02ds", (int)(left / 60), (int)left % 60);
    }
    fprintf(stderr, "\r\033[Ksitrep ingest: %llu documents, %.1f MB, %.1f MB/s, %.0f docs/s%s%s",
            x->t->docs, mb, mb / secs, x->t->docs / secs, eta, final ? "\n" : "");
}

/* Ends the open transaction (if any); on failure reports it. Returns 0 or 1. */
static int commit(ingest_ctx *x)
{
    if (!x->in_tx)
        return 0;
    x->in_tx = 0;
    x->pending = 0;
    if (!sr_store_commit(x->store))
        return 0;
    sr_store_rollback(x->store);
    if (x->progress)
        fputc('\n', stderr);
    fprintf(stderr, "sitrep ingest: %s\n", sr_store_error(x->store));
    x->failed = 1;
    return 1;
}

/* Stores the driver's batches, COMMIT_DOCS documents to a transaction: a crash loses
 * at most the transaction in flight, which the same command re-run stores again. */
static int sink(void *ctx, sr_doc *const *docs, size_t n, const sr_buf *out)
{
    ingest_ctx *x = ctx;
    if (x->failed)
        return 1;
    sr_status st = x->in_tx ? SR_OK : sr_store_begin(x->store);
    x->in_tx = 1;
    for (size_t i = 0; i < n && !st; i++)
        if (docs[i]) {
            st = sr_store_add_doc(x->store, docs[i], NULL);
            x->pending++;
        }
    if (st || x->pending >= COMMIT_DOCS) {
        if (st) /* the store has rolled the batch back; commit reports why */
            x->pending = COMMIT_DOCS;
        if (commit(x))
            return 1;
    }
    show_progress(x, 0);
    return 0;
}

static unsigned long long tree_total;

static int add_size(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
    if (type == FTW_F && S_ISREG(sb->st_mode))
        tree_total += (unsigned long long)sb->st_size;
    return 0;
}

/* The inputs' size on disk, or 0 when one of them is standard input. Only for the
 * progress line, so it runs only when stderr is a terminal. */
static unsigned long long inputs_size(const sr_run_options *o)
{
    tree_total = 0;
    for (size_t i = 0; i < o->ninputs; i++)
        if (!strcmp(o->inputs[i], "-") || nftw(o->inputs[i], add_size, 16, FTW_PHYS) != 0)
            return 0;
    return tree_total;
}

static void usage(FILE *f)
{
    fputs("usage: sitrep ingest --db FILE [OPTIONS] [INPUT...]\n"
          "\n"
          "Analyses news reports as `sitrep extract` does and stores the documents, their\n"
          "mentions and their claims in the SQLite database FILE (created when missing,\n"
          "upgraded when older). A report already stored (same url, outlet, title, day and\n"
          "text) is stored once; near-duplicates are grouped. Re-running an interrupted\n"
          "ingest completes it.\n"
          "\n"
          "options:\n"
          "  --db FILE            the database (required)\n",
          f);
    fputs(sr_run_help, f);
    fputs("  -h, --help           this text\n"
          "\n"
          "Progress is shown on stderr when it is a terminal. exit status: 0 all reports\n"
          "stored; 1 stopped on an error; 2 finished with --keep-going but skipped some.\n",
          f);
}

static int parse_args(int argc, char **argv, sr_run_options *o, const char **db)
{
    static const struct option own[] = {
        {"db", required_argument, NULL, 'D'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    struct option longopts[24];
    sr_run_longopts(longopts, sizeof longopts / sizeof longopts[0], own);
    memset(o, 0, sizeof *o);
    o->threads = 1;
    *db = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "hj:", longopts, NULL)) != -1) {
        int r = sr_run_option(o, c, optarg, "ingest");
        if (r < 0)
            return 1;
        if (r > 0)
            continue;
        if (c == 'D') {
            *db = optarg;
        } else {
            usage(c == 'h' ? stdout : stderr);
            return c == 'h' ? -1 : 1;
        }
    }
    if (!*db) {
        fprintf(stderr, "sitrep ingest: --db FILE is required\n");
        return 1;
    }
    static const char *const stdin_only[] = {"-"};
    o->inputs = optind < argc ? (const char **)(argv + optind) : (const char **)stdin_only;
    o->ninputs = optind < argc ? (size_t)(argc - optind) : 1;
    return 0;
}

int sr_cmd_ingest(int argc, char **argv)
{
    sr_run_options o;
    const char *db;
    int rc = parse_args(argc, argv, &o, &db);
    if (rc)
        return rc < 0 ? 0 : rc;
    ingest_ctx x = {0};
    char *err = NULL;
    if (sr_store_open(db, SR_STORE_CREATE, &x.store, &err)) {
        fprintf(stderr, "sitrep ingest: %s\n", err ? err : "out of memory");
        free(err);
        return 1;
    }
    sr_lexicon *lx = sr_run_lexicon(&o);
    if (!lx) {
        sr_store_close(x.store);
        return 1;
    }
    sr_run_tally t = {0};
    x.t = &t;
    x.progress = isatty(2);
    x.total = x.progress ? inputs_size(&o) : 0;
    x.start = x.last = now();
    sr_run_hooks h = {NULL, sink, &x};
    int stopped = sr_run(&o, lx, &h, &t);
    commit(&x);
    show_progress(&x, 1);
    const sr_store_stats *s = sr_store_stats_get(x.store);
    printf("%s: %llu documents stored (%llu already there, %llu near-duplicates), %llu mentions, "
           "%llu claims\n", db, (unsigned long long)s->docs, (unsigned long long)s->known,
           (unsigned long long)s->near_dups, (unsigned long long)s->mentions,
           (unsigned long long)s->claims);
    sr_store_close(x.store);
    sr_lexicon_free(lx);
    sr_run_summary(&t);
    if (stopped || x.failed || (t.failed && !o.keep_going))
        return 1;
    return t.skipped || t.failed ? 2 : 0;
}
