/* petrarch.c: scores sitrep's event coder on two gold sets of the field and checks each
 * rate against its floor in floors.txt:
 *   - PETRARCH's unit records (../shared/data/eventcoding/petrarch/text/
 *     PETR.UnitTest.records.xml), coded from the sentence text alone with the
 *     PETR.Validate.* dictionaries: the share of scored records whose set of (source,
 *     target, code) triples equals the expected set, and triple precision and recall;
 *   - PLOVER's gold records (../shared/data/eventcoding/plover/PLOVER_GSR_CAMEO.txt),
 *     coded by the pipeline with the built-in lexicon: the share of records where a coded
 *     event has the gold PLOVER event type.
 * The records left out (validate_gold.h says which and why) are not in the rates.
 * SITREP_CONF_VERBOSE=1 prints each disagreeing record and the PLOVER mismatch summary. */
#include <stdio.h>
#include <stdlib.h>

#include "../../src/code/validate_gold.h"
#include "../conformance_util.h"

static unsigned print_flags(void)
{
    return conf_verbose() ? SR_VALIDATE_FAILURES | SR_VALIDATE_VERBOSE : SR_VALIDATE_QUIET;
}

static bool petrarch(void)
{
    char path[1024], err[512];
    snprintf(path, sizeof path, "%s/data/eventcoding/petrarch/text/PETR.UnitTest.records.xml",
             conf_shared());
    sr_petrarch_result res;
    sr_status st = sr_validate_petrarch(path, print_flags(), conf_verbose() ? stdout : NULL, &res,
                                        err, sizeof err);
    if (st) {
        fprintf(stderr, "petrarch: %s\n", err);
        exit(2);
    }
    if (res.dict_errors)
        printf("petrarch: %zu malformed dictionary lines skipped; the first: %s\n", res.dict_errors,
               res.dict_error);
    double precision = res.coded ? 100.0 * (double)res.matched / (double)res.coded : 0;
    double recall = res.expected ? 100.0 * (double)res.matched / (double)res.expected : 0;
    bool ok = conf_report("petrarch-unit", res.agreed, res.agreed + res.disagreed);
    ok &= conf_report_score("petrarch-triple-precision", precision, "triple precision");
    ok &= conf_report_score("petrarch-triple-recall", recall, "triple recall");
    return ok;
}

static bool plover(void)
{
    char path[1024], err[512];
    snprintf(path, sizeof path, "%s/data/eventcoding/plover/PLOVER_GSR_CAMEO.txt", conf_shared());
    sr_plover_result res;
    sr_status st = sr_validate_plover(path, print_flags(), conf_verbose() ? stdout : NULL, &res,
                                      err, sizeof err);
    if (st) {
        fprintf(stderr, "plover: %s\n", err);
        exit(2);
    }
    printf("plover: %zu records with no event coded, %zu whose first event agrees, %zu whose "
           "gold type no CAMEO code maps to\n",
           res.no_event, res.first_agreed, res.unreachable);
    return conf_report("plover-event-type", res.agreed, res.agreed + res.disagreed);
}

int main(void)
{
    bool ok = petrarch();
    ok &= plover();
    return ok ? 0 : 1;
}
