/* gazetteer.c: placeholder until the gazetteer lands. */
#include <stdlib.h>

#include "gazetteer.h"

struct sr_gazetteer {
    char err[1];
};

sr_gazetteer *sr_gazetteer_new(void)
{
    return calloc(1, sizeof(sr_gazetteer));
}

void sr_gazetteer_free(sr_gazetteer *g)
{
    free(g);
}

sr_status sr_gazetteer_load_default(sr_gazetteer *g)
{
    (void)g;
    return SR_OK;
}

sr_status sr_gazetteer_load_mem(sr_gazetteer *g, const char *name, const char *data, size_t len)
{
    (void)g, (void)name, (void)data, (void)len;
    return SR_OK;
}

const char *sr_gazetteer_error(const sr_gazetteer *g)
{
    return g->err;
}

sr_status sr_places_find(const sr_gazetteer *g, sr_doc *doc, sr_mentions *out)
{
    (void)g, (void)doc, (void)out;
    return SR_OK;
}
