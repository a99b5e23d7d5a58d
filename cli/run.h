/* run.h: what `extract` and `ingest` share: reading their common options, loading the
 * lexicon, and the threaded driver that analyses reports in batches and hands them back
 * in input order. */
#ifndef SR_CLI_RUN_H
#define SR_CLI_RUN_H

#include "sitrep.h"

enum { SR_RUN_MAX_LEX = 32, SR_RUN_MAX_THREADS = 64 };

typedef struct {
    const char **inputs;
    size_t ninputs;
    sr_reader_options ropt;
    int threads;
    int keep_going;
    const char *lex_path[SR_RUN_MAX_LEX];
    sr_lexicon_file lex_kind[SR_RUN_MAX_LEX];
    int nlex;
} sr_run_options;

/* The options both commands take (--published, --keep-going, --threads, --max-record,
 * --actors, --agents, --supplement). Returns 1 when opt (getopt's code) was one of
 * them and was stored, -1 when its argument was bad (a message is printed naming cmd),
 * 0 when it is not a common option. */
int sr_run_option(sr_run_options *o, int opt, const char *arg, const char *cmd);

/* The common options' help text; their getopt codes are 'P','k','j','M','A','G','S'. */
extern const char sr_run_help[];

/* Fills table (cap entries) with a command's own options (own, zero-terminated) and the
 * common ones, zero-terminated. */
void sr_run_longopts(struct option *table, size_t cap, const struct option *own);

/* The built-in dictionaries and gazetteer, then the user's files (a malformed line in a
 * user's file stops unless --keep-going). NULL after printing why. */
sr_lexicon *sr_run_lexicon(const sr_run_options *o);

typedef struct {
    /* On a worker thread, after a report's analysis: renders it into out (may be NULL). */
    sr_status (*render)(void *ctx, const sr_doc *d, sr_buf *out);
    /* On the main thread, batch by batch in input order: the analysed reports (failed
     * ones are NULL) and the batch's rendered output. Returns 0, or non-zero to stop. */
    int (*sink)(void *ctx, sr_doc *const *docs, size_t n, const sr_buf *out);
    void *ctx;
} sr_run_hooks;

typedef struct {
    unsigned long long docs, skipped, failed, repaired, bytes;
    unsigned long long raw_bytes; /* input bytes read, as on disk */
    unsigned long long not_pages; /* WARC records that hold no web page (requests, media) */
} sr_run_tally;

/* Reads every input, analyses reports on o->threads threads with lx, and passes each
 * batch to the hooks in input order. Returns 0 when all went through, 1 when it
 * stopped on a bad input (without --keep-going), a sink's stop or out-of-memory. */
int sr_run(const sr_run_options *o, const sr_lexicon *lx, const sr_run_hooks *h, sr_run_tally *t);

/* The closing summary on stderr when anything was skipped, failed or repaired (WARC
 * records that hold no page are counted there, not reported on their own). */
void sr_run_summary(const sr_run_tally *t);

#endif
