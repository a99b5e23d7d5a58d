/* actors.c: placeholder until the actor stage lands. */
#include "actors.h"

sr_status sr_dict_load_default(sr_dict *d)
{
    (void)d;
    return SR_OK;
}

sr_status sr_dict_load_supplement(sr_dict *d, const char *name, const char *data, size_t len)
{
    (void)d, (void)name, (void)data, (void)len;
    return SR_OK;
}

sr_status sr_dict_load_supplement_file(sr_dict *d, const char *path)
{
    (void)d, (void)path;
    return SR_OK;
}

sr_status sr_actors_find(const sr_dict *d, sr_doc *doc, sr_mentions *out)
{
    (void)d, (void)doc, (void)out;
    return SR_OK;
}
