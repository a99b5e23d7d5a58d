/* tabari.c: runs TABARI's validation suite (../shared/data/eventcoding/tabari-validation:
 * its project, options, dictionaries and Validate.text) through sitrep's event coder and
 * checks the share of scored records that pass against the floor in floors.txt. The
 * records not scored ({+++}, option-only) are left out of the rate, as TABARI does.
 * SITREP_CONF_VERBOSE=1 prints each failing record. */
#include <stdio.h>
#include <stdlib.h>

#include "../../src/code/validate.h"
#include "../conformance_util.h"

int main(void)
{
    char dir[1024], err[512];
    snprintf(dir, sizeof dir, "%s/data/eventcoding/tabari-validation", conf_shared());
    sr_validate_result res;
    unsigned flags = conf_verbose() ? SR_VALIDATE_FAILURES : SR_VALIDATE_QUIET;
    sr_status st = sr_validate_tabari(dir, flags, conf_verbose() ? stdout : NULL, &res, err,
                                      sizeof err);
    if (st) {
        fprintf(stderr, "tabari: %s\n", err);
        return 2;
    }
    if (!res.final_seen) {
        fprintf(stderr, "tabari: the suite ended before FINAL-01\n");
        return 1;
    }
    return conf_report("tabari-validation", res.passed, res.passed + res.failed) ? 0 : 1;
}
