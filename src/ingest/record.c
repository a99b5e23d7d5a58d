/* record.c: JSONL reports and text files become documents.
 *
 * A JSONL report is an object with "text" (required) and "id", "url", "outlet",
 * "published" (YYYY-MM-DD, or an ISO timestamp of which the day is kept) and "title";
 * any other field is kept verbatim and passed through on the document record. JSON is
 * parsed with jansson. The document text is the decoded "text" string; offsets refer to
 * it. Invalid UTF-8 and NUL bytes fail the record unless the reader repairs them, in
 * which case they are replaced and counted. */
#include <jansson.h>
#include <stdio.h>

#include "record.h"

/* Output keys a passed-through field must not shadow; such a field gets "input_". */
static const char *const reserved[] = {"kind", "sentences", "invalid_bytes", NULL};
static const char *const known[] = {"id", "url", "outlet", "published", "title", "text", NULL};

static bool in(const char *const *list, const char *k)
{
    for (size_t i = 0; list[i]; i++)
        if (!strcmp(list[i], k))
            return true;
    return false;
}

/* Sets up a document whose text is a copy of text (with a clean copy). */
static sr_doc *new_doc(const char *text, size_t len, const sr_reader_options *opt, char *err,
                       size_t errsz, sr_status *st)
{
    sr_doc *d = sr_doc_new(NULL, text, len, NULL);
    if (!d) {
        *st = SR_NOMEM;
        snprintf(err, errsz, "out of memory for a %zu-byte report", len);
        return NULL;
    }
    d->clean = sr_utf8_clean(d->arena, d->text, d->len, &d->invalid_bytes);
    if (!d->clean) {
        sr_doc_free(d);
        *st = SR_NOMEM;
        snprintf(err, errsz, "out of memory");
        return NULL;
    }
    if (d->invalid_bytes && !opt->repair) {
        size_t at = 0;
        while (at < d->len && d->clean[at] != 0x1A)
            at++;
        bool nul = d->text[at] == 0;
        *st = nul ? SR_NUL : SR_UTF8;
        snprintf(err, errsz, "%s: %zu bad bytes, first at text byte %zu (--keep-going replaces them)",
                 nul ? "NUL byte in text" : "invalid UTF-8", d->invalid_bytes, at);
        sr_doc_free(d);
        return NULL;
    }
    if (opt->default_published.year)
        d->published = opt->default_published;
    return d;
}

/* Basename of a path without directories and without .gz / .txt / .jsonl endings. */
static void base_id(const char *name, char *out, size_t n)
{
    if (!strcmp(name, "-"))
        name = "stdin";
    const char *b = strrchr(name, '/');
    b = b ? b + 1 : name;
    snprintf(out, n, "%s", b);
    static const char *const ext[] = {".gz", ".txt", ".text", ".jsonl", ".ndjson", ".json", NULL};
    for (int again = 0; again < 2; again++)
        for (size_t i = 0; ext[i]; i++) {
            size_t l = strlen(out), e = strlen(ext[i]);
            if (l > e && !strcmp(out + l - e, ext[i]))
                out[l - e] = 0;
        }
}

static bool set_str(sr_doc *d, sr_str *dst, const char *s, size_t n)
{
    char *c = sr_arena_strndup(d->arena, s, n);
    if (!c)
        return false;
    dst->p = c;
    dst->n = n;
    return true;
}

sr_status sr_record_from_text(const char *text, size_t len, const char *name,
                              const sr_reader_options *opt, sr_doc **out, char *err,
                              size_t errsz)
{
    sr_status st = SR_OK;
    *out = NULL;
    sr_doc *d = new_doc(text, len, opt, err, errsz, &st);
    if (!d)
        return st;
    char id[256];
    base_id(name, id, sizeof id);
    if (!set_str(d, &d->id, id, strlen(id))) {
        sr_doc_free(d);
        snprintf(err, errsz, "out of memory");
        return SR_NOMEM;
    }
    *out = d;
    return SR_OK;
}

/* Replaces invalid UTF-8 in a JSON line by U+FFFD so jansson accepts it; returns a
 * malloc'd copy and the count, or NULL when the line is valid (count 0) or on OOM. */
static char *repair_line(const char *line, size_t len, size_t *count)
{
    sr_arena *a = sr_arena_new();
    if (!a)
        return NULL;
    const char *clean = sr_utf8_clean(a, line, len, count);
    char *fixed = NULL;
    if (clean && *count) {
        fixed = malloc(len + 2 * *count + 1);
        if (fixed) {
            size_t o = 0;
            for (size_t i = 0; i < len; i++) {
                if (clean[i] == 0x1A && line[i] != 0x1A) {
                    memcpy(fixed + o, "\xEF\xBF\xBD", 3);
                    o += 3;
                } else {
                    fixed[o++] = line[i];
                }
            }
            fixed[o] = 0;
        }
    }
    sr_arena_free(a);
    return fixed;
}

static sr_status field_str(json_t *root, const char *key, const char **s, size_t *n, char *err,
                           size_t errsz)
{
    json_t *v = json_object_get(root, key);
    *s = NULL;
    *n = 0;
    if (!v || json_is_null(v))
        return SR_OK;
    if (json_is_integer(v) && !strcmp(key, "id"))
        return SR_OK; /* numeric ids are printed by the caller */
    if (!json_is_string(v)) {
        snprintf(err, errsz, "field \"%s\" is not a string", key);
        return SR_FIELD;
    }
    *s = json_string_value(v);
    *n = json_string_length(v);
    return SR_OK;
}

static sr_status pass_through(sr_doc *d, json_t *root)
{
    sr_buf b = {0};
    const char *key;
    json_t *v;
    sr_status st = SR_OK;
    json_object_foreach(root, key, v)
    {
        if (in(known, key))
            continue;
        char *dump = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
        if (!dump)
            st = SR_NOMEM;
        if (!st)
            st = sr_buf_addc(&b, ',');
        if (!st && in(reserved, key))
            st = sr_buf_adds(&b, "\"input_");
        if (!st)
            st = in(reserved, key) ? sr_buf_add(&b, key, strlen(key)) : sr_buf_json_str(&b, key, strlen(key));
        if (!st && in(reserved, key))
            st = sr_buf_addc(&b, '"');
        if (!st)
            st = sr_buf_addc(&b, ':');
        if (!st)
            st = sr_buf_adds(&b, dump);
        free(dump);
        if (st)
            break;
    }
    if (!st && b.n && !set_str(d, &d->extra_json, b.p, b.n))
        st = SR_NOMEM;
    sr_buf_free(&b);
    return st;
}

static sr_status fill_doc(sr_doc *d, json_t *root, const char *name, uint64_t lineno, char *err,
                          size_t errsz)
{
    static const char *const keys[] = {"id", "url", "outlet", "title", "published"};
    d->id.n = 0;
    sr_str *dst[] = {&d->id, &d->url, &d->outlet, &d->title, &d->published_text};
    for (size_t i = 0; i < 5; i++) {
        const char *s;
        size_t n;
        sr_status st = field_str(root, keys[i], &s, &n, err, errsz);
        if (st)
            return st;
        if (s && !set_str(d, dst[i], s, n))
            return SR_NOMEM;
    }
    if (!d->id.n) {
        char id[300];
        json_t *v = json_object_get(root, "id");
        if (json_is_integer(v)) {
            snprintf(id, sizeof id, "%lld", (long long)json_integer_value(v));
        } else {
            char base[256];
            base_id(name, base, sizeof base);
            snprintf(id, sizeof id, "%s:%llu", base, (unsigned long long)lineno);
        }
        if (!set_str(d, &d->id, id, strlen(id)))
            return SR_NOMEM;
    }
    if (d->published_text.n && sr_ymd_parse(d->published_text.p, d->published_text.n,
                                            &d->published)) {
        snprintf(err, errsz, "field \"published\" is not a date (YYYY-MM-DD): \"%.40s\"",
                 d->published_text.p);
        return SR_DATE;
    }
    return pass_through(d, root);
}

sr_status sr_record_from_json(const char *line, size_t len, const char *name, uint64_t lineno,
                              const sr_reader_options *opt, sr_doc **out, char *err,
                              size_t errsz)
{
    *out = NULL;
    json_error_t je;
    json_t *root = json_loadb(line, len, JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES, &je);
    size_t repaired = 0;
    char *fixed = NULL;
    if (!root) {
        fixed = repair_line(line, len, &repaired);
        if (repaired && !opt->repair) {
            free(fixed);
            snprintf(err, errsz, "invalid UTF-8 (%zu bad bytes; --keep-going replaces them)",
                     repaired);
            return SR_UTF8;
        }
        if (fixed)
            root = json_loadb(fixed, strlen(fixed), JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES, &je);
        free(fixed);
        if (!root) {
            snprintf(err, errsz, "malformed JSON at column %d: %s", je.column, je.text);
            return SR_JSON;
        }
    }
    sr_status st = SR_OK;
    json_t *text = json_object_get(root, "text");
    if (!json_is_object(root)) {
        snprintf(err, errsz, "a report must be a JSON object");
        st = SR_JSON;
    } else if (!json_is_string(text)) {
        snprintf(err, errsz, text ? "field \"text\" is not a string" : "no \"text\" field");
        st = SR_FIELD;
    }
    sr_doc *d = NULL;
    if (!st)
        d = new_doc(json_string_value(text), json_string_length(text), opt, err, errsz, &st);
    if (d) {
        d->invalid_bytes += repaired;
        st = fill_doc(d, root, name, lineno, err, errsz);
        if (st == SR_NOMEM)
            snprintf(err, errsz, "out of memory");
        if (st) {
            sr_doc_free(d);
            d = NULL;
        }
    }
    json_decref(root);
    *out = d;
    return st;
}
