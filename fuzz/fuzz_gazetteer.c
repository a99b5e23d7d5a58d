/* fuzz_gazetteer.c: libFuzzer target for the gazetteer reader and the place stage. The
 * input is a gazetteer file; it is loaded into a fresh gazetteer (after a small fixed
 * one, so places can resolve), and the place stage then runs over a short report. An
 * error always has its one-line message; every mention lies inside the text and names
 * an entry with an id, a name and a three-letter country. */
#include <stdio.h>
#include <stdlib.h>

#include "../src/place/gazetteer.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char base[] = "iso3166:RUS\tC\tRU\tRUS\t\t55.75222\t37.61556\tRussia\n"
                           "iso3166-2:RU-KRS\tR\tRU\t41\t\t51.73733\t36.18735\tKurskaja oblast'\n"
                           "geonames:538560\tA\tRU\t41\t448733\t51.73733\t36.18735\tKursk\n";

static const char report[] =
    "North Korean troops reached Russia's Kursk region, near Sudzha, officials in Kursk "
    "said.\nReading is fun; Paris, Texas and São Paulo, Brazil are far from Ivano-Frankivsk. "
    "The U.S. and the UK, Mr Jordan and Abc Def-Ghi in Kursk and Belgorod regions.";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sr_gazetteer *g = sr_gazetteer_new();
    sr_doc *d = sr_doc_new("fuzz", report, sizeof report - 1, NULL);
    if (g && d && sr_gazetteer_load_mem(g, "base", base, sizeof base - 1) == SR_OK) {
        sr_status st = sr_gazetteer_load_mem(g, "fuzz", (const char *)data, size);
        if (st != SR_OK && st != SR_NOMEM && sr_gazetteer_error(g)[0] == 0)
            abort(); /* an error always has its message */
        sr_mentions m = {NULL, 0, 0, d->arena};
        if (sr_tokenize(d) == SR_OK && sr_split_sentences(d) == SR_OK &&
            sr_places_find(g, d, &m) == SR_OK) {
            for (size_t i = 0; i < m.n; i++) {
                const sr_mention *x = &m.v[i];
                if (x->kind != SR_MENTION_PLACE || x->start >= x->end || x->end > d->len)
                    abort();
                if (!x->u.place.id || !x->u.place.name || strlen(x->u.place.country) != 3)
                    abort();
            }
        }
    }
    sr_doc_free(d);
    sr_gazetteer_free(g);
    return 0;
}
