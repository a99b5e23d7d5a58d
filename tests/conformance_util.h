/* conformance_util.h: shared helpers for the external-suite runners in
 * tests/conformance/. Each runner reads ../shared/data/recognizers, scores sitrep on a
 * suite, and reports the rate against the floor recorded in tests/conformance/floors.txt.
 * A rate may rise above its floor (raise the floor then); falling below fails the run. */
#ifndef SR_CONFORMANCE_UTIL_H
#define SR_CONFORMANCE_UTIL_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "sitrep.h"

/* Path of the shared folder ($SITREP_SHARED or ../shared); exits 2 when missing. */
const char *conf_shared(void);

/* Reads a whole file; returns a malloc'd NUL-terminated buffer (caller frees) or exits 2
 * with a message naming the file: a missing suite fails loudly, never skips. */
char *conf_slurp(const char *path, size_t *len);

/* Reads a JSON file whose top level is an array (a byte-order mark is skipped); exits 2
 * naming the file when it is missing or malformed. Caller releases with json_decref. */
json_t *conf_json_array(const char *path);

/* Runs the full pipeline on text with an optional publication day. Caller frees the
 * result with sr_doc_free(). Exits 2 on out-of-memory. */
sr_doc *conf_analyse(sr_pipeline *p, const char *text, size_t len, const sr_ymd *published);

/* Prints "conformance SUITE: P/T = R% (floor F%)" and returns true when the rate is at
 * or above the floor recorded for SUITE in tests/conformance/floors.txt (a suite with
 * no floor recorded fails: every suite must have one). */
bool conf_report(const char *suite, size_t passed, size_t total);

/* The same for a score that is not a count of cases (an F1): percent against the floor,
 * with what names the score in the line printed. */
bool conf_report_score(const char *suite, double percent, const char *what);

/* With SITREP_CONF_VERBOSE=1 in the environment, runners print each failing case. */
bool conf_verbose(void);

#endif
