/* validate.c: `sitrep validate tabari DIR`: runs TABARI's validation suite against the
 * event coder and prints a line per record and the pass count; `sitrep validate petrarch
 * FILE.xml` and `sitrep validate plover FILE` score it on PETRARCH's unit records and
 * PLOVER's gold records the same way. */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/code/validate.h"
#include "../src/code/validate_gold.h"
#include "validate.h"

static const char validate_help[] =
    "usage: sitrep validate tabari DIR [--quiet | --failures] [--verbose] [--min-pass N]\n"
    "       sitrep validate petrarch FILE.xml [--quiet | --failures] [--verbose] [--min-pass N]\n"
    "       sitrep validate plover FILE [--quiet | --failures] [--verbose] [--min-pass N]\n"
    "\n"
    "tabari: codes the records of TABARI's validation suite with the dictionaries and\n"
    "options its project file names (DIR/Validate.project, or DIR may be the .project file),\n"
    "up to the record FINAL-01, and compares the events with those each record expects.\n"
    "Prints PASS ID or FAIL ID with the expected and coded events, then 'N passed, N\n"
    "failed, N not scored'.\n"
    "\n"
    "petrarch: codes the text of PETRARCH's unit records (PETR.UnitTest.records.xml; the\n"
    "parse trees are not read) with the dictionaries its <Environment> names, found beside\n"
    "the file or in ../dictionaries/. A record agrees when the set of coded (source,\n"
    "target, code) triples equals the expected set. Prints PASS/FAIL per record, then 'N\n"
    "agree, N disagree, N not scored' with triple precision and recall.\n"
    "\n"
    "plover: codes the text of PLOVER's gold records (a JSON array, PLOVER_GSR_CAMEO.txt)\n"
    "with the built-in dictionaries and maps each event to its PLOVER type. A record agrees\n"
    "when any coded event has the gold type. Prints PASS/FAIL per record, then 'N agree, N\n"
    "disagree, N not scored', records with no event, and first-event agreement.\n"
    "\n"
    "Exits 0 when the records ran, whatever the rate.\n"
    "\n"
    "  --quiet        print only the summary line\n"
    "  --failures     print only the records that fail, and the summary\n"
    "  --verbose      also print the records not scored and why (plover: and the most\n"
    "                 frequent mismatched type pairs)\n"
    "  --min-pass N   exit 1 when fewer than N records pass (agree)\n";

typedef enum { SUITE_NONE, SUITE_TABARI, SUITE_PETRARCH, SUITE_PLOVER } suite;

static suite suite_named(const char *s)
{
    return !strcmp(s, "tabari")     ? SUITE_TABARI
           : !strcmp(s, "petrarch") ? SUITE_PETRARCH
           : !strcmp(s, "plover")   ? SUITE_PLOVER
                                    : SUITE_NONE;
}

/* Runs the suite on arg; *passed gets the records that pass (agree). */
static sr_status run_suite(suite which, const char *arg, unsigned flags, size_t *passed,
                           char *err, size_t errn)
{
    sr_status st;
    if (which == SUITE_TABARI) {
        sr_validate_result res;
        st = sr_validate_tabari(arg, flags, stdout, &res, err, errn);
        *passed = res.passed;
    } else if (which == SUITE_PETRARCH) {
        sr_petrarch_result res;
        st = sr_validate_petrarch(arg, flags, stdout, &res, err, errn);
        *passed = res.agreed;
    } else {
        sr_plover_result res;
        st = sr_validate_plover(arg, flags, stdout, &res, err, errn);
        *passed = res.agreed;
    }
    return st;
}

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
    suite which = argc - optind >= 1 ? suite_named(argv[optind]) : SUITE_NONE;
    if (argc - optind != 2 || which == SUITE_NONE) {
        fprintf(stderr, "sitrep validate: %s\n",
                argc - optind < 1    ? "expected a suite: tabari DIR, petrarch FILE or plover FILE"
                : which == SUITE_NONE ? "unknown suite (expected tabari, petrarch or plover)"
                : argc - optind < 2  ? (which == SUITE_TABARI ? "expected the suite's directory"
                                                              : "expected the suite's file")
                                     : "unexpected argument");
        fputs(validate_help, stderr);
        return 1;
    }
    size_t passed = 0;
    char err[512];
    sr_status st = run_suite(which, argv[optind + 1], flags, &passed, err, sizeof err);
    fflush(stdout);
    if (st) {
        fprintf(stderr, "sitrep validate: %s\n", err[0] ? err : sr_strerror(st));
        return 1;
    }
    if (min_pass >= 0 && passed < (size_t)min_pass) {
        fprintf(stderr, "sitrep validate: %zu records passed, fewer than --min-pass %ld\n",
                passed, min_pass);
        return 1;
    }
    return 0;
}
