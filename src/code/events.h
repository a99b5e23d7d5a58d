/* events.h: the pipeline's event stage (events.c). */
#ifndef SR_CODE_EVENTS_H
#define SR_CODE_EVENTS_H

#include "coder.h"

/* Codes every prose sentence of d (tokens and sentences made) with c and sets
 * d->events / d->nevents (in the document's arena). SR_OK or SR_NOMEM. */
sr_status sr_events_find(sr_coder *c, sr_doc *d);

#endif
