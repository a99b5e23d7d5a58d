/* dates.c: absolute, partial and relative dates (placeholder until written). */
#include "../core/internal.h"

sr_status sr_recognise_dates(sr_doc *doc, sr_mentions *out)
{
    (void)doc;
    (void)out;
    return SR_OK;
}
