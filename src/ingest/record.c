/* record.c: text files become documents; the shared helpers for JSONL reports
 * (record_json.c) live here too: the clean copy, the UTF-8 policy, the default id. */
#include <stdio.h>

#include "record.h"

sr_status sr_record_finish_text(sr_doc *d, const sr_reader_options *opt, char *err, size_t errsz)
{
    d->clean = sr_utf8_clean(d->arena, d->text, d->len, &d->invalid_bytes);
    if (!d->clean) {
        snprintf(err, errsz, "out of memory for a %zu-byte report", d->len);
        return SR_NOMEM;
    }
    if (d->invalid_bytes && !opt->repair) {
        size_t at = 0;
        /* a replaced byte reads 0x1A in the clean view but not in the text */
        while (at < d->len && !(d->clean[at] == 0x1A && d->text[at] != 0x1A))
            at++;
        bool nul = d->text[at] == 0;
        snprintf(err, errsz,
                 "%s: %zu bad bytes, first at text byte %zu (--keep-going replaces them)",
                 nul ? "NUL byte in text" : "invalid UTF-8", d->invalid_bytes, at);
        return nul ? SR_NUL : SR_UTF8;
    }
    return SR_OK;
}

void sr_record_base_id(const char *name, char *out, size_t n)
{
    if (!strcmp(name, "-"))
        name = "stdin";
    const char *b = strrchr(name, '/');
    b = b ? b + 1 : name;
    snprintf(out, n, "%s", b);
    static const char *const ext[] = {".gz",   ".txt", ".text",  ".jsonl", ".ndjson", ".json",
                                      ".html", ".htm", ".xhtml", ".warc",  NULL};
    for (int again = 0; again < 2; again++)
        for (size_t i = 0; ext[i]; i++) {
            size_t l = strlen(out), e = strlen(ext[i]);
            if (l > e && !strcmp(out + l - e, ext[i]))
                out[l - e] = 0;
        }
}

sr_status sr_record_from_text(const char *text, size_t len, const char *name,
                              const sr_reader_options *opt, sr_doc **out, char *err, size_t errsz)
{
    *out = NULL;
    char id[256];
    sr_record_base_id(name, id, sizeof id);
    sr_doc *d =
        sr_doc_new(id, text, len, opt->default_published.year ? &opt->default_published : NULL);
    if (!d) {
        snprintf(err, errsz, "out of memory for a %zu-byte report", len);
        return SR_NOMEM;
    }
    sr_status st = sr_record_finish_text(d, opt, err, errsz);
    if (st) {
        sr_doc_free(d);
        return st;
    }
    *out = d;
    return SR_OK;
}
