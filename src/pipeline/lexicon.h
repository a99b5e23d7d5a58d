/* lexicon.h: what an sr_lexicon holds, for the pipeline that codes with it. */
#ifndef SR_PIPELINE_LEXICON_H
#define SR_PIPELINE_LEXICON_H

#include "../core/internal.h"

#include "../code/coder.h"
#include "../code/dict.h"
#include "../place/gazetteer.h"

struct sr_lexicon {
    sr_dict *dict;        /* actors and agents: Phoenix, supplement, the user's files */
    sr_gazetteer *gaz;    /* countries, regions, cities */
    sr_verbs *verbs;      /* verb patterns: CAMEO 2.0 (PETRARCH), or the user's; NULL none */
    sr_coder_options coder_opt;
    char err[320];        /* the first error, one line */
};

#endif
