/* numbers.c: numbers and quantities (placeholder until written). */
#include "../core/internal.h"

sr_status sr_recognise_numbers(sr_doc *doc, sr_mentions *out)
{
    (void)doc;
    (void)out;
    return SR_OK;
}
