/* fuzz_coder.c: libFuzzer target for the verb dictionary readers and the event coder. The
 * first byte picks TABARI or PETRARCH format; the rest, split at the first NUL, is a verb
 * dictionary and a sentence. The sentence is coded with the built-in actor dictionaries
 * and the fuzzed verbs: every event must name non-empty codes and lie inside the text,
 * and the count stays within SR_CODER_MAX_EVENTS. */
#include <stdlib.h>
#include <string.h>

#include "../src/code/actors.h"
#include "../src/code/coder.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static sr_dict *actors(void)
{
    static sr_dict *d;
    if (!d) {
        d = sr_dict_new(0);
        if (!d || sr_dict_load_default(d) != SR_OK)
            abort();
    }
    return d;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    sr_verbs_format f = data[0] & 1 ? SR_VERBS_PETRARCH : SR_VERBS_TABARI;
    const char *s = (const char *)data + 1;
    size_t n = size - 1;
    const char *nul = memchr(s, 0, n);
    size_t dn = nul ? (size_t)(nul - s) : n;
    const char *text = nul ? nul + 1 : "Russia's army attacked Ukrainian troops and said "
                                       "the talks with Kyiv would resume.";
    size_t tn = nul ? n - dn - 1 : strlen(text);
    sr_verbs *v = sr_verbs_new();
    if (!v)
        return 0;
    sr_verbs_load_mem(v, f, "fuzz", s, dn);
    sr_doc *doc = NULL;
    sr_coder *c = NULL;
    if (sr_verbs_finish(v) != SR_OK)
        goto out;
    sr_ymd day = {2024, 11, 5};
    doc = sr_doc_new("fuzz", text, tn, &day);
    if (!doc || sr_tokenize(doc) != SR_OK)
        goto out;
    c = sr_coder_new(actors(), v, NULL);
    if (!c)
        goto out;
    sr_coded r;
    if (sr_coder_code(c, doc, 0, doc->ntokens, day, &r) != SR_OK)
        goto out;
    if (r.nevents > SR_CODER_MAX_EVENTS)
        abort();
    for (size_t i = 0; i < r.nevents; i++) {
        const sr_event *e = &r.events[i];
        if (!e->source || !e->target || !e->code || !e->code[0] || e->verb_span.end > tn ||
            e->verb_span.start >= e->verb_span.end || e->source_span.end > tn ||
            e->target_span.end > tn)
            abort();
    }
out:
    sr_coder_free(c);
    sr_doc_free(doc);
    sr_verbs_free(v);
    return 0;
}
