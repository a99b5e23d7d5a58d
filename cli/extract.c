/* extract.c: `sitrep extract`: reads reports, analyses them on N threads (run.c), and
 * prints their records in input order. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "run.h"

typedef struct {
    sr_format fmt;
    int what;
    int write_error;
} extract_ctx;

static sr_status render(void *ctx, const sr_doc *d, sr_buf *out)
{
    const extract_ctx *x = ctx;
    return sr_emit_doc(out, d, x->fmt, x->what);
}

/* Writes a batch's records; stops the run when standard output fails. */
static int sink(void *ctx, sr_doc *const *docs, size_t n, const sr_buf *out)
{
    extract_ctx *x = ctx;
    if (out->n && !x->write_error && fwrite(out->p, 1, out->n, stdout) != out->n)
        x->write_error = errno ? errno : EIO;
    return x->write_error != 0;
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
          "  --only KINDS         docs, sentences, mentions, claims, events (comma-\n"
          "                       separated; default: docs,mentions,claims; mentions\n"
          "                       with --format tsv, events with --format gdelt)\n"
          "  --format FMT         jsonl (default), tsv (one kind of record, with a header\n"
          "                       line) or gdelt (events as GDELT 2.0 event-export rows:\n"
          "                       61 tab-separated columns, no header)\n",
          f);
    fputs(sr_run_help, f);
    fputs("  -h, --help           this text\n"
          "\n"
          "exit status: 0 all reports processed; 1 stopped on an error; 2 finished with\n"
          "--keep-going but skipped some records.\n",
          f);
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
        else if (!strcmp(tok, "events"))
            *what |= SR_ONLY_EVENTS;
        else
            return -1;
    }
    return *what ? 0 : -1;
}

static int own_option(int c, extract_ctx *x)
{
    switch (c) {
    case 'O':
        if (parse_only(optarg, &x->what)) {
            fprintf(stderr, "sitrep extract: --only takes docs, sentences, mentions, claims, events (comma-separated), not '%s'\n", optarg);
            return 1;
        }
        return 0;
    case 'F':
        if (!strcmp(optarg, "jsonl"))
            x->fmt = SR_FORMAT_JSONL;
        else if (!strcmp(optarg, "tsv"))
            x->fmt = SR_FORMAT_TSV;
        else if (!strcmp(optarg, "gdelt"))
            x->fmt = SR_FORMAT_GDELT;
        else {
            fprintf(stderr, "sitrep extract: --format takes jsonl, tsv or gdelt, not '%s'\n", optarg);
            return 1;
        }
        return 0;
    case 'h':
        usage(stdout);
        return -1;
    default:
        usage(stderr);
        return 1;
    }
}

static int parse_args(int argc, char **argv, sr_run_options *o, extract_ctx *x)
{
    static const struct option own[] = {
        {"only", required_argument, NULL, 'O'},
        {"format", required_argument, NULL, 'F'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    struct option longopts[24];
    sr_run_longopts(longopts, sizeof longopts / sizeof longopts[0], own);
    memset(o, 0, sizeof *o);
    o->threads = 1;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "hj:", longopts, NULL)) != -1) {
        int r = sr_run_option(o, c, optarg, "extract");
        if (r < 0)
            return 1;
        if (r == 0 && (r = own_option(c, x)) != 0)
            return r;
    }
    if (!x->what)
        x->what = x->fmt == SR_FORMAT_TSV     ? SR_ONLY_MENTIONS
                  : x->fmt == SR_FORMAT_GDELT ? SR_ONLY_EVENTS
                                              : SR_ONLY_ALL;
    if (x->fmt == SR_FORMAT_GDELT && x->what != SR_ONLY_EVENTS) {
        fprintf(stderr, "sitrep extract: --format gdelt prints events only: leave out --only or give --only events\n");
        return 1;
    }
    if (x->fmt == SR_FORMAT_TSV && (x->what & (x->what - 1))) {
        fprintf(stderr, "sitrep extract: --format tsv prints one kind of record: add --only docs, mentions, sentences, claims or events\n");
        return 1;
    }
    static const char *const stdin_only[] = {"-"};
    o->inputs = optind < argc ? (const char **)(argv + optind) : (const char **)stdin_only;
    o->ninputs = optind < argc ? (size_t)(argc - optind) : 1;
    return 0;
}

int sr_cmd_extract(int argc, char **argv)
{
    sr_run_options o;
    extract_ctx x = {0};
    int rc = parse_args(argc, argv, &o, &x);
    if (rc)
        return rc < 0 ? 0 : rc;
    sr_lexicon *lx = sr_run_lexicon(&o);
    if (!lx)
        return 1;
    if (x.fmt == SR_FORMAT_TSV) {
        sr_buf hb = {0};
        if (sr_emit_tsv_header(&hb, x.what) || fwrite(hb.p, 1, hb.n, stdout) != hb.n)
            x.write_error = errno ? errno : EIO;
        sr_buf_free(&hb);
    }
    sr_run_tally t = {0};
    sr_run_hooks h = {render, sink, &x};
    int stopped = x.write_error ? 1 : sr_run(&o, lx, &h, &t);
    sr_lexicon_free(lx);
    if (fflush(stdout) != 0 && !x.write_error)
        x.write_error = errno ? errno : EIO;
    if (x.write_error) {
        if (x.write_error != EPIPE)
            fprintf(stderr, "sitrep: cannot write output: %s\n", strerror(x.write_error));
        return 1;
    }
    sr_run_summary(&t);
    if (stopped || (t.failed && !o.keep_going))
        return 1;
    return t.skipped || t.failed ? 2 : 0;
}
