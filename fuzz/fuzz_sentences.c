/* fuzz_sentences.c: libFuzzer target for the UTF-8 boundary, the tokenizer and the
 * sentence splitter. Checks the invariants every later stage relies on. */
#include <stdlib.h>

#include "internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sr_doc *d = sr_doc_new("fuzz", (const char *)data, size, NULL);
    if (!d)
        return 0;
    if (sr_tokenize(d) || sr_split_sentences(d))
        abort();
    uint32_t prev = 0;
    for (size_t i = 0; i < d->ntokens; i++) {
        const sr_token *t = &d->tokens[i];
        if (t->start < prev || t->end <= t->start || t->end > d->len)
            abort();
        /* tokens start and end on character boundaries */
        if ((d->clean[t->start] & 0xC0) == 0x80 ||
            (t->end < d->len && (d->clean[t->end] & 0xC0) == 0x80))
            abort();
        prev = t->end;
    }
    size_t next_tok = 0;
    for (size_t s = 0; s < d->nsentences; s++) {
        const sr_sentence *se = &d->sentences[s];
        if (se->first_token != next_tok || se->ntokens == 0 || se->start >= se->end ||
            se->end > d->len)
            abort();
        next_tok = se->first_token + se->ntokens;
    }
    if (next_tok != d->ntokens)
        abort(); /* every token belongs to exactly one sentence */
    sr_doc_free(d);
    return 0;
}
