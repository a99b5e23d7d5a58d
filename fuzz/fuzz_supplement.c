/* fuzz_supplement.c: libFuzzer target for the supplement reader (src/code/dict_supp.c)
 * and the actor stage (src/code/actors.c). The first byte picks whether the supplement
 * is read alone or over a small TABARI dictionary (so it takes over entries); the rest is
 * the supplement file. The actors of a fixed text are then found on three days. Every
 * mention must lie inside the text and carry a NUL-terminated code no longer than the
 * limit and an entry name; an error always has its message. */
#include <stdio.h>
#include <stdlib.h>

#include "../src/code/actors.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char text[] =
    "Ukrainian President Volodymyr Zelensky said South Korea's spy agency and the US "
    "Pentagon agreed. North Korean soldiers, Russian and Chinese troops, the defence "
    "ministry of South Korea, officials in Seoul and Seoul's Defense Ministry met Ann "
    "Example's watchmen in the Examplegrad region.";

static const char tabari[] = "EXAMPLELAND_ [XYZ]\n+EXAMPLEGRAD_\nANN_EXAMPLE_\n"
                             "\t[XYZGOV 100101-151231]\n\t[XYZELI]\nSOUTH_KOREA_ [KOR]\n"
                             "+SEOUL_\nNORTH_KOREAN_ [PRK]\n";
static const char agents[] = "SOLDIER [~MIL]\nSPY_AGENCY [~SPY]\nOFFICIAL [~GOV]\n";

static void check(const sr_doc *doc, const sr_mentions *m)
{
    for (size_t i = 0; i < m->n; i++) {
        const sr_mention *x = &m->v[i];
        if (x->kind != SR_MENTION_ACTOR || x->start >= x->end || x->end > doc->len)
            abort();
        if (!x->u.actor.code || !x->u.actor.name || strlen(x->u.actor.code) == 0 ||
            strlen(x->u.actor.code) > SR_ACTOR_MAX_CODE)
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    sr_dict *dict = sr_dict_new(0);
    if (dict && (data[0] & 1)) {
        sr_dict_load_mem(dict, SR_DICT_ACTOR, "t.actors", tabari, sizeof tabari - 1);
        sr_dict_load_mem(dict, SR_DICT_AGENT, "t.agents", agents, sizeof agents - 1);
    }
    if (dict) {
        sr_status st = sr_dict_load_supplement(dict, "fuzz", (const char *)data + 1, size - 1);
        if (st != SR_OK && st != SR_NOMEM && sr_dict_error(dict)[0] == 0)
            abort();
        const sr_ymd days[3] = {{0, 0, 0}, {2012, 6, 1}, {2024, 11, 5}};
        for (int k = 0; k < 3; k++) {
            sr_doc *doc = sr_doc_new("fuzz", text, sizeof text - 1, days[k].year ? &days[k] : NULL);
            if (doc && sr_tokenize(doc) == SR_OK && sr_split_sentences(doc) == SR_OK) {
                sr_mentions m = {NULL, 0, 0, doc->arena};
                if (sr_actors_find(dict, doc, &m) == SR_OK)
                    check(doc, &m);
            }
            sr_doc_free(doc);
        }
    }
    sr_dict_free(dict);
    return 0;
}
