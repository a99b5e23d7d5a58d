/* claims.h: the claim stage: attribution, then one claim per figure. */
#ifndef SR_CLAIM_CLAIMS_H
#define SR_CLAIM_CLAIMS_H

#include "../core/internal.h"

/* Makes doc->claims from an analysed document whose mentions are sorted and carry
 * their sentence (numbers, quantities, dates, and actors and places when coded).
 * Everything lives in the document's arena. SR_OK or SR_NOMEM. */
sr_status sr_claims_find(sr_doc *doc);

#endif
