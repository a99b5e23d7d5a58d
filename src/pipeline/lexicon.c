/* lexicon.c: the knowledge a pipeline codes with (actor and agent dictionaries, the
 * gazetteer), loaded once and shared read-only by every pipeline made with it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../code/actors.h"
#include "lexicon.h"

sr_lexicon *sr_lexicon_new(void)
{
    sr_lexicon *lx = calloc(1, sizeof *lx);
    if (!lx)
        return NULL;
    lx->dict = sr_dict_new(0);
    lx->gaz = sr_gazetteer_new();
    if (!lx->dict || !lx->gaz) {
        sr_lexicon_free(lx);
        return NULL;
    }
    return lx;
}

void sr_lexicon_free(sr_lexicon *lx)
{
    if (!lx)
        return;
    sr_dict_free(lx->dict);
    sr_gazetteer_free(lx->gaz);
    free(lx);
}

const char *sr_lexicon_error(const sr_lexicon *lx)
{
    return lx->err;
}

static sr_status note(sr_lexicon *lx, sr_status st, const char *msg)
{
    if (st && !lx->err[0])
        snprintf(lx->err, sizeof lx->err, "%s", msg);
    return st;
}

sr_status sr_lexicon_load_defaults(sr_lexicon *lx)
{
    sr_status st = sr_dict_load_default(lx->dict);
    if (st)
        return note(lx, st, sr_dict_error(lx->dict));
    st = sr_gazetteer_load_default(lx->gaz);
    return note(lx, st, sr_gazetteer_error(lx->gaz));
}

sr_status sr_lexicon_add_file(sr_lexicon *lx, sr_lexicon_file kind, const char *path)
{
    sr_status st;
    lx->err[0] = 0; /* the error of this call, not of an earlier one */
    switch (kind) {
    case SR_LEX_ACTORS:
        st = sr_dict_load_file(lx->dict, SR_DICT_ACTOR, path);
        break;
    case SR_LEX_AGENTS:
        st = sr_dict_load_file(lx->dict, SR_DICT_AGENT, path);
        break;
    case SR_LEX_SUPPLEMENT:
        st = sr_dict_load_supplement_file(lx->dict, path);
        break;
    default:
        return note(lx, SR_USAGE, "unknown lexicon file kind");
    }
    if (st == SR_NOTFOUND || st == SR_IO) {
        char msg[sizeof lx->err];
        snprintf(msg, sizeof msg, "%s: %s", path, sr_strerror(st));
        return note(lx, st, msg);
    }
    return note(lx, st, sr_dict_error(lx->dict));
}
