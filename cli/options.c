/* options.c: the options `extract` and `ingest` share, and the lexicon they load. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "run.h"

static const struct option common[] = {
    {"published", required_argument, NULL, 'P'}, {"keep-going", no_argument, NULL, 'k'},
    {"threads", required_argument, NULL, 'j'},   {"max-record", required_argument, NULL, 'M'},
    {"actors", required_argument, NULL, 'A'},    {"agents", required_argument, NULL, 'G'},
    {"supplement", required_argument, NULL, 'S'}, {NULL, 0, NULL, 0},
};

const char sr_run_help[] =
    "  --published DAY      publication day (YYYY-MM-DD) for reports that give none;\n"
    "                       without it their relative dates stay unresolved\n"
    "  --keep-going         skip bad records and inputs (counted at the end) and\n"
    "                       replace invalid UTF-8 instead of stopping\n"
    "  --threads N          analyse on N threads (default 1); input order is kept\n"
    "  --max-record BYTES   largest report accepted (default 32M; suffixes K, M, G)\n"
    "  --actors FILE        also code with this TABARI/PETRARCH actor dictionary\n"
    "  --agents FILE        also code with this TABARI/PETRARCH agent dictionary\n"
    "  --supplement FILE    also code with this dictionary in sitrep's own format\n"
    "                       (docs/DICTIONARIES.md); each of the three may repeat\n";

void sr_run_longopts(struct option *table, size_t cap, const struct option *own)
{
    size_t n = 0;
    for (size_t i = 0; own[i].name && n + 1 < cap; i++)
        table[n++] = own[i];
    for (size_t i = 0; common[i].name && n + 1 < cap; i++)
        table[n++] = common[i];
    table[n] = (struct option){NULL, 0, NULL, 0};
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

static int bad(const char *cmd, const char *what, const char *arg)
{
    fprintf(stderr, "sitrep %s: %s, not '%s'\n", cmd, what, arg);
    return -1;
}

int sr_run_option(sr_run_options *o, int opt, const char *arg, const char *cmd)
{
    switch (opt) {
    case 'P':
        if (sr_ymd_parse(arg, strlen(arg), &o->ropt.default_published) || strlen(arg) != 10)
            return bad(cmd, "--published takes a day as YYYY-MM-DD", arg);
        return 1;
    case 'k':
        o->keep_going = 1;
        o->ropt.repair = 1;
        return 1;
    case 'j': {
        char *end;
        long n = strtol(arg, &end, 10);
        if (*end || n < 1 || n > SR_RUN_MAX_THREADS)
            return bad(cmd, "--threads takes 1 to 64", arg);
        o->threads = (int)n;
        return 1;
    }
    case 'M':
        if (parse_size(arg, &o->ropt.max_record))
            return bad(cmd, "--max-record takes a size such as 64M", arg);
        return 1;
    case 'A':
    case 'G':
    case 'S':
        if (o->nlex == SR_RUN_MAX_LEX) {
            fprintf(stderr, "sitrep %s: at most %d dictionary files\n", cmd, SR_RUN_MAX_LEX);
            return -1;
        }
        o->lex_path[o->nlex] = arg;
        o->lex_kind[o->nlex++] = opt == 'A' ? SR_LEX_ACTORS : opt == 'G' ? SR_LEX_AGENTS : SR_LEX_SUPPLEMENT;
        return 1;
    default:
        return 0;
    }
}

sr_lexicon *sr_run_lexicon(const sr_run_options *o)
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
