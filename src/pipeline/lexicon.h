/* lexicon.h: what an sr_lexicon holds, for the pipeline that codes with it. */
#ifndef SR_PIPELINE_LEXICON_H
#define SR_PIPELINE_LEXICON_H

#include "../core/internal.h"

struct sr_dict;

struct sr_lexicon {
    struct sr_dict *dict; /* actors and agents: Phoenix, supplement, the user's files */
    char err[320];        /* the first error, one line */
};

#endif
