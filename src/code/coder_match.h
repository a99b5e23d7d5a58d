/* coder_match.h: matching one verb pattern within a clause (coder_match.c). */
#ifndef SR_CODE_CODER_MATCH_H
#define SR_CODE_CODER_MATCH_H

#include "coder_int.h"

typedef struct {
    const sr_coder *c;
    const uint32_t *live; /* the words of the phrase scope, in order (deleted ones left out) */
    size_t n;
    size_t start;         /* where matching begins (0) */
    size_t verb, verb_n;  /* the verb's position in live and how many words it covers */
    uint32_t verb_el;     /* the pattern's "*" element */
    cref source, target;  /* set by $ + % */
    unsigned steps;
    uint32_t *budget;     /* steps left for the whole sentence (NULL: none) */
} cmatch;

/* Whether pattern p matches; on success m->source / m->target hold what $ + % took. */
bool sr_coder_match(cmatch *m, const vpattern *p);

#endif
