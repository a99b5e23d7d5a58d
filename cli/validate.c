/* validate.c: `sitrep validate tabari DIR`: runs TABARI's validation suite against the
 * event coder and prints a line per record and the pass count. */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/code/validate.h"
#include "validate.h"

static const char validate_help[] =
    "usage: sitrep validate tabari DIR [--quiet | --failures] [--verbose] [--min-pass N]\n"
    "\n"
    "Codes the records of TABARI's validation suite with the dictionaries and options its\n"
    "project file names (DIR/Validate.project, or DIR may be the .project file), up to the\n"
    "record FINAL-01, and compares the events with those each record expects. Prints\n"
    "PASS ID or FAIL ID with the expected and coded events, then 'N passed, N failed, N\n"
    "not scored'. Exits 0 when the suite ran, whatever the pass rate.\n"
    "\n"
    "  --quiet        print only the summary line\n"
    "  --failures     print only the records that fail, and the summary\n"
    "  --verbose      also print the records not scored ({+++}, OPTION records) and why\n"
    "  --min-pass N   exit 1 when fewer than N records pass\n";

int sr_cmd_validate(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"quiet", no_argument, NULL, 'q'},   {"failures", no_argument, NULL, 'f'},
        {"verbose", no_argument, NULL, 'v'}, {"min-pass", required_argument, NULL, 'm'},
        {"help", no_argument, NULL, 'h'},    {NULL, 0, NULL, 0},
    };
    unsigned flags = 0;
    long min_pass = -1;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        char *end;
        switch (c) {
        case 'q': flags |= SR_VALIDATE_QUIET; break;
        case 'f': flags |= SR_VALIDATE_FAILURES; break;
        case 'v': flags |= SR_VALIDATE_VERBOSE; break;
        case 'm':
            min_pass = strtol(optarg, &end, 10);
            if (end == optarg || *end || min_pass < 0) {
                fprintf(stderr, "sitrep validate: --min-pass takes a count, not '%s'\n", optarg);
                return 1;
            }
            break;
        case 'h': fputs(validate_help, stdout); return 0;
        default: fputs(validate_help, stderr); return 1;
        }
    }
    if (argc - optind != 2 || strcmp(argv[optind], "tabari") != 0) {
        fprintf(stderr, "sitrep validate: %s\n",
                argc - optind < 1                     ? "expected a suite: tabari DIR"
                : strcmp(argv[optind], "tabari") != 0 ? "unknown suite (expected tabari)"
                : argc - optind < 2                   ? "expected the suite's directory"
                                                      : "unexpected argument");
        fputs(validate_help, stderr);
        return 1;
    }
    sr_validate_result res;
    char err[512];
    sr_status st = sr_validate_tabari(argv[optind + 1], flags, stdout, &res, err, sizeof err);
    fflush(stdout);
    if (st) {
        fprintf(stderr, "sitrep validate: %s\n", err[0] ? err : sr_strerror(st));
        return 1;
    }
    if (min_pass >= 0 && res.passed < (size_t)min_pass) {
        fprintf(stderr, "sitrep validate: %zu records passed, fewer than --min-pass %ld\n",
                res.passed, min_pass);
        return 1;
    }
    return 0;
}
