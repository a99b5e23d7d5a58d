/* dict_default.c: the built-in dictionary set, read from the bytes dict_data.S embeds:
 * the Phoenix actor and agent files (PETRARCH, MIT licence; data/actors/README.md) and
 * sitrep's supplement, which comes last so its dated entries correct the older files. */
#include "actors.h"
#include "dict_int.h"

#define SR_EMBEDDED(sym) extern const char sym##_start[], sym##_end[]
SR_EMBEDDED(sr_data_phoenix_countries);
SR_EMBEDDED(sr_data_phoenix_international);
SR_EMBEDDED(sr_data_phoenix_milnonstate);
SR_EMBEDDED(sr_data_phoenix_agents);
SR_EMBEDDED(sr_data_supplement);

typedef struct {
    const char *name; /* as messages name it */
    const char *start, *end;
    int format; /* sr_dict_kind, or -1 for the supplement */
} embedded;

sr_status sr_dict_load_default(sr_dict *d)
{
    const embedded files[] = {
        {"data/actors/Phoenix.Countries.actors.txt", sr_data_phoenix_countries_start,
         sr_data_phoenix_countries_end, SR_DICT_ACTOR},
        {"data/actors/Phoenix.International.actors.txt", sr_data_phoenix_international_start,
         sr_data_phoenix_international_end, SR_DICT_ACTOR},
        {"data/actors/Phoenix.MilNonState.actors.txt", sr_data_phoenix_milnonstate_start,
         sr_data_phoenix_milnonstate_end, SR_DICT_ACTOR},
        {"data/actors/Phoenix.agents.txt", sr_data_phoenix_agents_start, sr_data_phoenix_agents_end,
         SR_DICT_AGENT},
        {"data/actors/supplement.txt", sr_data_supplement_start, sr_data_supplement_end, -1},
    };
    unsigned flags = d->flags;
    sr_status st = SR_OK;
    for (size_t i = 0; i < sizeof files / sizeof *files && st == SR_OK; i++) {
        const embedded *f = &files[i];
        size_t n = (size_t)(f->end - f->start);
        /* Phoenix was written for PETRARCH, which has no stems (dict.h) */
        d->flags = f->format < 0 ? flags : flags | SR_DICT_NO_STEMS;
        st = f->format < 0 ? sr_dict_load_supplement(d, f->name, f->start, n)
                           : sr_dict_load_mem(d, (sr_dict_kind)f->format, f->name, f->start, n);
    }
    d->flags = flags;
    return st; /* the shipped files read without errors (tests/unit/test_actors.c) */
}
