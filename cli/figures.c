/* figures.c: `sitrep figures` (reconciled figures as JSONL) and `sitrep report` (the
 * situation report, Markdown or one self-contained HTML file), both read from a store. */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ingest.h"
#include "sitrep_store.h"

typedef struct {
    const char *db, *about, *out, *title;
    sr_report_format fmt;
    int fmt_set;
    size_t max;
} view_options;

static const char figures_help[] =
    "usage: sitrep figures --db FILE [--about TEXT]\n"
    "\n"
    "Prints the figures reconciled from the claims in the database, one JSON object per\n"
    "line, most-reported first: what is counted and where, the current best range, the\n"
    "number of independent sources, and the timeline with each entry labelled update,\n"
    "agreement, conflict, projection, hypothetical or copy (docs/SCHEMA.md).\n"
    "\n"
    "  --db FILE      the database written by `sitrep ingest` (required)\n"
    "  --about TEXT   only claims of reports whose title or text contains TEXT\n";

static const char report_help[] =
    "usage: sitrep report --db FILE [--about TEXT] [--format md|html] [-o FILE]\n"
    "\n"
    "Writes the situation report: key figures with their current range and sources, a\n"
    "timeline per figure (with a chart in HTML), the conflicts, and every cited sentence.\n"
    "\n"
    "  --db FILE        the database written by `sitrep ingest` (required)\n"
    "  --about TEXT     only claims of reports whose title or text contains TEXT\n"
    "  --format FMT     md (default; html when FILE ends in .html) or html\n"
    "  -o, --output FILE  write to FILE (replaced whole only when complete) instead of\n"
    "                   standard output\n"
    "  --title TEXT     the report's heading\n"
    "  --max N          key figures shown in full (default 20)\n";

static int parse(int argc, char **argv, const char *cmd, view_options *v)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'D'},    {"about", required_argument, NULL, 'a'},
        {"format", required_argument, NULL, 'F'}, {"output", required_argument, NULL, 'o'},
        {"title", required_argument, NULL, 'T'}, {"max", required_argument, NULL, 'm'},
        {"help", no_argument, NULL, 'h'},        {NULL, 0, NULL, 0},
    };
    bool report = !strcmp(cmd, "report");
    const char *help = report ? report_help : figures_help;
    memset(v, 0, sizeof *v);
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, report ? "ho:" : "h", longopts, NULL)) != -1) {
        if (c == 'D')
            v->db = optarg;
        else if (c == 'a')
            v->about = optarg;
        else if (report && c == 'o')
            v->out = optarg;
        else if (report && c == 'T')
            v->title = optarg;
        else if (report && c == 'm')
            v->max = (size_t)strtoul(optarg, NULL, 10);
        else if (report && c == 'F' && (!strcmp(optarg, "md") || !strcmp(optarg, "html")))
            v->fmt = !strcmp(optarg, "html") ? SR_REPORT_HTML : SR_REPORT_MD, v->fmt_set = 1;
        else if (c == 'h') {
            fputs(help, stdout);
            return -1;
        } else {
            if (c == 'F')
                fprintf(stderr, "sitrep report: --format takes md or html, not '%s'\n", optarg);
            fputs(help, stderr);
            return 1;
        }
    }
    if (!v->db || optind < argc) {
        fprintf(stderr, "sitrep %s: %s\n", cmd, !v->db ? "--db FILE is required" : "unexpected argument");
        return 1;
    }
    size_t ol = v->out ? strlen(v->out) : 0;
    if (!v->fmt_set && ol > 5 && !strcasecmp(v->out + ol - 5, ".html"))
        v->fmt = SR_REPORT_HTML;
    return 0;
}

/* Writes b to path through a temporary file renamed over it, so a failure leaves no
 * half-written report; or to standard output when path is NULL. Returns 0 or 1. */
static int write_all(const char *cmd, const char *path, const sr_buf *b)
{
    if (!path) {
        if ((b->n && fwrite(b->p, 1, b->n, stdout) != b->n) || fflush(stdout)) {
            if (errno != EPIPE)
                fprintf(stderr, "sitrep %s: cannot write output: %s\n", cmd, strerror(errno));
            return 1;
        }
        return 0;
    }
    size_t n = strlen(path) + 16;
    char *tmp = malloc(n);
    if (!tmp)
        return 1;
    snprintf(tmp, n, "%s.tmp%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    int bad = !f || (b->n && fwrite(b->p, 1, b->n, f) != b->n);
    bad |= f && fclose(f) != 0;
    if (bad || rename(tmp, path)) {
        fprintf(stderr, "sitrep %s: cannot write %s: %s\n", cmd, path, strerror(errno));
        unlink(tmp);
        free(tmp);
        return 1;
    }
    free(tmp);
    return 0;
}

/* Opens the store, loads its claims and reconciles them. Returns 0 or 1 (printed). */
static int load(const char *cmd, const view_options *v, sr_claimset *cs, sr_figures *fs)
{
    sr_store *s;
    char *err = NULL;
    if (sr_store_open(v->db, SR_STORE_READONLY, &s, &err)) {
        fprintf(stderr, "sitrep %s: %s\n", cmd, err ? err : "out of memory");
        free(err);
        return 1;
    }
    sr_status st = sr_store_load_claims(s, v->about, cs);
    if (st) {
        fprintf(stderr, "sitrep %s: %s\n", cmd, sr_store_error(s));
        sr_store_close(s);
        return 1;
    }
    sr_store_close(s);
    if (sr_figures_build(cs, fs)) {
        fprintf(stderr, "sitrep %s: out of memory\n", cmd);
        sr_claimset_free(cs);
        return 1;
    }
    return 0;
}

int sr_cmd_view(int argc, char **argv)
{
    const char *cmd = argv[0];
    view_options v;
    int rc = parse(argc, argv, cmd, &v);
    if (rc)
        return rc < 0 ? 0 : rc;
    sr_claimset cs;
    sr_figures fs;
    if (load(cmd, &v, &cs, &fs))
        return 1;
    sr_buf b = {0};
    sr_status st;
    if (!strcmp(cmd, "figures")) {
        st = sr_figures_emit_jsonl(&b, &fs);
    } else {
        sr_report_options ro = {v.title, v.about, v.max};
        st = sr_report_render(&b, &fs, v.fmt, &ro);
    }
    rc = st ? (fprintf(stderr, "sitrep %s: %s\n", cmd, sr_strerror(st)), 1) : write_all(cmd, v.out, &b);
    sr_buf_free(&b);
    sr_figures_free(&fs);
    sr_claimset_free(&cs);
    return rc;
}
