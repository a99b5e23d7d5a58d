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
    sr_verbs_free(lx->verbs);
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

/* The verb dictionary, made on first use; its tables are rebuilt after each load. */
static sr_status load_verbs(sr_lexicon *lx, sr_verbs_format f, const char *name,
                            const char *data, size_t n, const char *path)
{
    if (!lx->verbs && !(lx->verbs = sr_verbs_new()))
        return SR_NOMEM;
    sr_status st = path ? sr_verbs_load_file(lx->verbs, f, path)
                        : sr_verbs_load_mem(lx->verbs, f, name, data, n);
    if (!st)
        st = sr_verbs_finish(lx->verbs);
    sr_verbs_stats vs;
    sr_verbs_get_stats(lx->verbs, &vs);
    sr_coder_options_default(&lx->coder_opt, vs.time_section);
    return note(lx, st, st == SR_NOMEM ? "out of memory" : sr_verbs_error(lx->verbs));
}

/* CAMEO 2.0 verb patterns (PETRARCH, MIT; data/actors/README.md), embedded by dict_data.S */
extern const char sr_data_cameo_verbs_start[], sr_data_cameo_verbs_end[];

sr_status sr_lexicon_load_defaults(sr_lexicon *lx)
{
    sr_status st = sr_dict_load_default(lx->dict);
    if (st)
        return note(lx, st, sr_dict_error(lx->dict));
    st = load_verbs(lx, SR_VERBS_PETRARCH, "data/actors/CAMEO.2.0.verbs.txt",
                    sr_data_cameo_verbs_start,
                    (size_t)(sr_data_cameo_verbs_end - sr_data_cameo_verbs_start), NULL);
    if (st)
        return st;
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
    case SR_LEX_VERBS:
        return load_verbs(lx, SR_VERBS_TABARI, path, NULL, 0, path);
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
