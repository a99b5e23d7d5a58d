/* reconcile_int.h: what the reconciliation files share (thing.c reads a claim,
 * figures.c groups and labels, figures_emit.c prints). Not for other modules. */
#ifndef SR_RECONCILE_INT_H
#define SR_RECONCILE_INT_H

#include "../core/internal.h"
#include "sitrep_store.h"

/* What a claim counts, reduced to a key that two reports of the same figure share. */
typedef struct {
    const char *actor;     /* counted actor code, "" when none */
    char noun[48];         /* "people" for soldiers/troops/men..., else the counted
                              phrase's head, singular and lower case; "" none */
    char phrase[96];       /* without an actor: the whole counted phrase, normalised */
    const char *qualifier; /* "killed", "wounded", ... or "" */
    char unit[24];         /* "count", "percent", a currency code, a unit of measure */
} sr_thing;

/* Fills t from a claim. Returns false when the claim says too little of what it counts
 * to be compared with others (no counted actor and no counted phrase and place). */
bool sr_thing_of(const sr_stored_claim *c, sr_thing *t);

/* The values a claim allows: "about 12,000" is 10,800..13,200 plus rounding, "at
 * least 10,000" 10,000..INFINITY, "1.3 million" 1.275..1.325 million (a round figure
 * stands for the nearest quarter of its last digit). */
void sr_claim_interval(const sr_stored_claim *c, double *lo, double *hi);

/* The days a claim speaks for, as days since 1970: its as-of interval; an undated
 * claim stands for a few days before publication, and an unattributed undated one (the
 * outlet's background: "North Korea has 1.2 million troops") for two months. */
void sr_claim_window(const sr_stored_claim *c, int32_t *from, int32_t *to);

/* An unattributed, undated claim told in the past tense ("was", "were", "had" in its
 * clause): when it held is unknown. */
bool sr_claim_timeless(const sr_stored_claim *c);

/* The independent source a claim counts as, written into out ("KORSPY", "outlet:dw.com",
 * "src:the white house", "unnamed:dw.com"). */
void sr_claim_source_key(const sr_stored_claim *c, char *out, size_t cap);

/* Place relations: SAME, INSIDE (a lies within b), CONTAINS (b lies within a), APART
 * (neither). A claim with no place speaks of the figure's whole place: the same as a
 * country or another claim with no place, containing a city or region. */
enum { SR_PLACE_SAME, SR_PLACE_INSIDE, SR_PLACE_CONTAINS, SR_PLACE_APART };
int sr_place_relation(const sr_stored_claim *a, const sr_stored_claim *b);

/* Interning: strings to numbers in order of first sight (intern.c). */
typedef struct {
    struct sr_intern_slot *slots;
    size_t cap, n;
} sr_intern;

/* The interned copy (in arena a) of s[0..n), its number in *id (from 1). NULL on
 * out-of-memory. */
const char *sr_intern_str(sr_intern *t, sr_arena *a, const char *s, size_t n, uint32_t *id);
void sr_intern_free(sr_intern *t);

/* Fills a new figure's description from its key and entries (labels.c): actor, noun,
 * qualifier, unit, place and a readable label; magnitude is its smallest value's
 * decade, part of the key. SR_OK or SR_NOMEM. */
sr_status sr_figure_describe(sr_arena *a, sr_figure *f, int magnitude);

/* Labels a figure's timeline (sorted by time) and sets its best range, source and
 * document counts and label union (labels.c). SR_OK or SR_NOMEM. */
sr_status sr_figure_label(sr_arena *a, sr_figure *f);

#endif
