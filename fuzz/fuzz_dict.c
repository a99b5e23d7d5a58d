/* fuzz_dict.c: libFuzzer target for the actor/agent dictionary reader and matcher. The
 * first byte picks actor or agent format and the three options, the rest is the dictionary
 * file; the dictionary is then matched against a fixed sentence on two days. Every match
 * must lie inside the sentence, be non-empty, and name codes that exist. */
#include <stdio.h>
#include <stdlib.h>

#include "../src/code/dict.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char sentence[] =
    "UN Secretary-General Ban Ki-moon told the U.S. Congress that Syria's army and "
    "Afghan police forces, the congresswomen and al-Qaeda fighters met in Kabul.";

static sr_doc *sentence_doc(void)
{
    sr_doc *d = sr_doc_new("fuzz", sentence, sizeof sentence - 1, NULL);
    if (!d)
        return NULL;
    if (sr_tokenize(d) != SR_OK) {
        sr_doc_free(d);
        return NULL;
    }
    return d;
}

static void scan(const sr_dict *dict, const sr_doc *doc, sr_ymd day)
{
    size_t i = 0, last = 0;
    sr_dict_match m;
    while (sr_dict_next(dict, doc, &i, doc->ntokens, day, 3, &m)) {
        if (m.first < last || m.end <= m.first || m.end > doc->ntokens || i != m.end)
            abort();
        if (!m.text || !m.primary || (m.ncodes && !m.codes))
            abort();
        for (uint32_t k = 0; k < m.ncodes; k++)
            if (!m.codes[k] || strlen(m.codes[k]->text) != m.codes[k]->len)
                abort();
        last = m.end;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    sr_dict *dict = sr_dict_new(data[0] >> 1 & 7); /* SR_DICT_MERGE_DUPS, _WHOLE_WORDS, _NO_STEMS */
    sr_doc *doc = sentence_doc();
    if (dict && doc) {
        sr_dict_kind kind = data[0] & 1 ? SR_DICT_AGENT : SR_DICT_ACTOR;
        sr_status st = sr_dict_load_mem(dict, kind, "fuzz", (const char *)data + 1, size - 1);
        if (st != SR_OK && st != SR_NOMEM && sr_dict_error(dict)[0] == 0)
            abort(); /* an error always has its message */
        sr_ymd a = {1995, 6, 1}, b = {2012, 12, 31};
        scan(dict, doc, a);
        scan(dict, doc, b);
    }
    sr_doc_free(doc);
    sr_dict_free(dict);
    return 0;
}
