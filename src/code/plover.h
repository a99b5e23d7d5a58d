/* plover.h: CAMEO event codes to PLOVER event types, mode and context, from the
 * conversion table that data/eventcoding/CAMEO2PLOVER-2021.txt publishes (embedded by
 * plover_data.S), and the parts of a CAMEO code (root, base, quad class).
 *
 * How the table is read (the file has no written grammar; this is what its lines show):
 *   - A mapping line is  CODE ':' TYPE [',' MODE [',' CONTEXT]] ['#' description].
 *     CODE is 2 to 4 ASCII digits at the start of the line. TYPE is the PLOVER event
 *     type in capitals ("CONSULT"). MODE and CONTEXT may be blank; blanks inside them
 *     are dropped ("access " is "access"; "crime; corruption" is "crime;corruption":
 *     several contexts are separated by ";").
 *   - Other lines (the "#" header, blank lines, the "~~~~~" end mark) are not mappings.
 *   - A 2-digit line ("04: CONSULT") gives the type of a CAMEO root (cue category) and
 *     has neither mode nor context. Root 08 has two such lines (CONCEDE, then RETREAT):
 *     the PLOVER manual (Table 7.1) splits 081-083 to CONCEDE and 084-087 to RETREAT,
 *     and the table lists each of those codes itself; the root's own line is the first.
 *   - A code listed twice (175) keeps its first line.
 *   - Codes appear under other roots' headings (191 under 17); only the code counts.
 * Lookup: the code itself, else its parent with the last digit dropped (4 digits to 3,
 * 3 to 2), as the manual says that 3- and 4-digit codes reduce to their 2-digit cue
 * category. Roots 01 and 02 (public statements, appeals) are dropped by PLOVER and
 * have no line: they, and anything that is not 2-4 digits, are unmapped ("").
 *
 * The parsed table is a cache of constant data: built on first use, published with an
 * atomic compare-and-swap (src/core/cache.c), shared read-only by every thread and never
 * freed. Every function here is thread-safe. */
#ifndef SR_CODE_PLOVER_H
#define SR_CODE_PLOVER_H

#include "../core/internal.h"

typedef struct {
    const char *type;    /* PLOVER event type ("CONSULT"), "" when unmapped */
    const char *mode;    /* PLOVER mode ("visit"), "" when none */
    const char *context; /* PLOVER context(s) ("diplomatic", "crime;corruption"), "" when none */
} sr_plover;

/* Looks up a CAMEO event code (NUL-terminated, "042") with the fallback above. Fills *out
 * with strings that live for the whole process (never NULL) and returns true when the
 * code has a PLOVER type; false (all three "") when it has none, or when there was no
 * memory to build the table (a later call tries again). */
bool sr_plover_lookup(const char *cameo, sr_plover *out);

/* The PLOVER event type of a CAMEO code ("042" gives "CONSULT"), "" when unmapped.
 * The string lives for the whole process. NULL cameo gives "". */
const char *sr_plover_type(const char *cameo);

/* CAMEO's quad class from the root (first two digits) of a code: 01-05 verbal
 * cooperation 1, 06-08 material cooperation 2, 09-13 verbal conflict 3, 14-20 material
 * conflict 4; 0 when the code does not start with a root in 01-20. */
int sr_cameo_quad_class(const char *cameo);

/* Whether a code is 2-4 ASCII digits, the form the functions here accept. */
bool sr_cameo_code_valid(const char *cameo);

#endif
