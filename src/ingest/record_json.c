/* record_json.c: a JSONL line becomes a document.
 *
 * A report is a JSON object with "text" and "id", "url", "outlet", "published"
 * (YYYY-MM-DD, or an ISO timestamp of which the day is kept), "title", "author" and
 * "lang". Instead of "text" it may carry "html", a web page: its main text becomes the
 * document text (record_html.c, with "url" as the page's address) and its metadata fill
 * the fields the report does not give; explicit fields win. With both, "text" is the
 * document text and "html" is ignored.
 * Any other field is passed through on the document record, re-serialised by yajl's
 * generator (a field named like one of sitrep's own output keys gets "input_" in front).
 *
 * Parsing uses yajl's event interface in one pass over the line; the decoded "text" is
 * copied once into the document's arena and becomes the document text, so offsets count
 * bytes of the decoded string. yajl's own UTF-8 check is off: invalid bytes in the text
 * are handled by the boundary like those of any other input (replaced in the clean copy
 * with offsets kept, or an error in strict mode); invalid bytes in other strings are an
 * error in strict mode and become U+FFFD when repairing. */
#include <stdio.h>
#include <stdlib.h>
#include <yajl/yajl_gen.h>
#include <yajl/yajl_parse.h>

#include "record.h"

/* Nesting allowed inside passed-through fields (yajl's generator stops at 128); deeper
 * is pathological input. */
enum { MAX_DEPTH = 64 };

enum {
    F_ID,
    F_URL,
    F_OUTLET,
    F_TITLE,
    F_PUBLISHED,
    F_AUTHOR,
    F_LANG,
    F_TEXT,
    F_HTML,
    F_KNOWN,
    F_UNKNOWN = F_KNOWN
};

static const char *const known[F_KNOWN] = {"id",     "url",  "outlet", "title", "published",
                                           "author", "lang", "text",   "html"};
static const char *const reserved[] = {"kind", "sentences", "invalid_bytes", NULL};

typedef struct {
    sr_doc *d;
    const sr_reader_options *opt;
    int depth; /* 0 outside the report object, 1 directly inside it */
    int field; /* the depth-1 field whose value is being read */
    bool seen[F_KNOWN];
    yajl_gen gen;     /* passed-through fields, as one object */
    const char *html; /* the "html" field, in the document's arena */
    size_t html_n;
    size_t repaired; /* invalid bytes replaced outside the text */
    sr_status st;
    char *err;
    size_t errsz;
} jctx;

static int fail(jctx *c, sr_status st, const char *msg, const char *arg)
{
    if (!c->st) {
        c->st = st;
        snprintf(c->err, c->errsz, msg, arg);
    }
    return 0; /* stops the parse */
}

static bool gen_ok(jctx *c, yajl_gen_status gs)
{
    if (gs == yajl_gen_status_ok)
        return true;
    fail(c, SR_NOMEM, "cannot re-serialise a passed-through field%s", "");
    return false;
}

/* Copies a non-text string into the arena, checking its UTF-8 (replacing bad bytes with
 * U+FFFD when repairing). Returns NULL after recording the failure. */
static char *copy_checked(jctx *c, const unsigned char *s, size_t n, size_t *outn)
{
    size_t bad = 0;
    const char *clean = sr_utf8_clean(c->d->arena, (const char *)s, n, &bad);
    if (!clean) {
        fail(c, SR_NOMEM, "out of memory%s", "");
        return NULL;
    }
    if (!bad) { /* clean is s itself, which yajl reuses: keep a copy */
        char *copy = sr_arena_strndup(c->d->arena, (const char *)s, n);
        if (!copy)
            fail(c, SR_NOMEM, "out of memory%s", "");
        *outn = n;
        return copy;
    }
    if (!c->opt->repair) {
        fail(c, SR_UTF8, "invalid UTF-8 in a string field%s (--keep-going replaces it)", "");
        return NULL;
    }
    c->repaired += bad;
    char *fixed = sr_arena_alloc(c->d->arena, n + 2 * bad + 1);
    if (!fixed) {
        fail(c, SR_NOMEM, "out of memory%s", "");
        return NULL;
    }
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (clean[i] == 0x1A) {
            memcpy(fixed + o, "\xEF\xBF\xBD", 3);
            o += 3;
        } else {
            fixed[o++] = clean[i];
        }
    }
    fixed[o] = 0;
    *outn = o;
    return fixed;
}

static sr_str *field_slot(sr_doc *d, int f)
{
    switch (f) {
    case F_ID: return &d->id;
    case F_URL: return &d->url;
    case F_OUTLET: return &d->outlet;
    case F_TITLE: return &d->title;
    case F_AUTHOR: return &d->author;
    case F_LANG: return &d->lang;
    default: return &d->published_text;
    }
}

/* A scalar at depth 1 for a known field: store it, or reject its type. */
static int known_value(jctx *c, const unsigned char *s, size_t n, bool is_string, bool is_null)
{
    sr_doc *d = c->d;
    if (is_null)
        return 1; /* an explicit null is an absent field */
    if (c->field == F_TEXT || c->field == F_HTML) {
        if (!is_string)
            return fail(c, SR_FIELD, "field \"%s\" is not a string", known[c->field]);
        char *t = sr_arena_strndup(d->arena, (const char *)s, n);
        if (!t)
            return fail(c, SR_NOMEM, "out of memory for the %s", known[c->field]);
        if (c->field == F_HTML) {
            c->html = t;
            c->html_n = n;
            return 1;
        }
        d->text = t;
        d->len = n;
        return 1;
    }
    if (!is_string && !(c->field == F_ID && s))
        return fail(c, SR_FIELD, "field \"%s\" is not a string", known[c->field]);
    size_t outn;
    char *v = copy_checked(c, s, n, &outn);
    if (!v)
        return 0;
    sr_str *slot = field_slot(d, c->field);
    slot->p = v;
    slot->n = outn;
    return 1;
}

/* Any scalar: routed to a known field, the pass-through generator, or rejected. */
static int scalar(jctx *c, const unsigned char *s, size_t n, int type)
{
    if (c->depth == 0)
        return fail(c, SR_JSON, "a report must be a JSON object%s", "");
    if (c->depth == 1 && c->field != F_UNKNOWN)
        return known_value(c, s, n, type == 's', type == 'z');
    yajl_gen_status gs;
    if (type == 's') {
        size_t outn;
        char *v = copy_checked(c, s, n, &outn);
        if (!v)
            return 0;
        gs = yajl_gen_string(c->gen, (const unsigned char *)v, outn);
    } else if (type == 'n') {
        gs = yajl_gen_number(c->gen, (const char *)s, n);
    } else if (type == 'z') {
        gs = yajl_gen_null(c->gen);
    } else {
        gs = yajl_gen_bool(c->gen, type == 't');
    }
    return gen_ok(c, gs);
}

static int on_null(void *ctx)
{
    return scalar(ctx, NULL, 0, 'z');
}

static int on_bool(void *ctx, int b)
{
    return scalar(ctx, NULL, 0, b ? 't' : 'f');
}

static int on_number(void *ctx, const char *s, size_t n)
{
    return scalar(ctx, (const unsigned char *)s, n, 'n');
}

static int on_string(void *ctx, const unsigned char *s, size_t n)
{
    return scalar(ctx, s, n, 's');
}

static int open_container(jctx *c, bool map)
{
    if (c->depth == 0 && map) {
        c->depth = 1;
        return 1;
    }
    if (c->depth == 0)
        return fail(c, SR_JSON, "a report must be a JSON object%s", "");
    if (c->depth == 1 && c->field != F_UNKNOWN)
        return fail(c, SR_FIELD, "field \"%s\" is not a string", known[c->field]);
    if (++c->depth > MAX_DEPTH)
        return fail(c, SR_LIMIT, "fields nested deeper than %s levels", "64");
    return gen_ok(c, map ? yajl_gen_map_open(c->gen) : yajl_gen_array_open(c->gen));
}

static int close_container(jctx *c, bool map)
{
    if (--c->depth == 0)
        return 1;
    return gen_ok(c, map ? yajl_gen_map_close(c->gen) : yajl_gen_array_close(c->gen));
}

static int on_start_map(void *ctx)
{
    return open_container(ctx, true);
}

static int on_end_map(void *ctx)
{
    return close_container(ctx, true);
}

static int on_start_array(void *ctx)
{
    return open_container(ctx, false);
}

static int on_end_array(void *ctx)
{
    return close_container(ctx, false);
}

static int on_key(void *ctx, const unsigned char *k, size_t n)
{
    jctx *c = ctx;
    if (c->depth > 1)
        return scalar(c, k, n, 's');
    c->field = F_UNKNOWN;
    for (int f = 0; f < F_KNOWN; f++)
        if (strlen(known[f]) == n && !memcmp(known[f], k, n))
            c->field = f;
    if (c->field != F_UNKNOWN) {
        if (c->seen[c->field])
            return fail(c, SR_JSON, "duplicate field \"%s\"", known[c->field]);
        c->seen[c->field] = true;
        return 1;
    }
    for (size_t i = 0; reserved[i]; i++)
        if (strlen(reserved[i]) == n && !memcmp(reserved[i], k, n)) {
            char renamed[32];
            int len = snprintf(renamed, sizeof renamed, "input_%s", reserved[i]);
            return gen_ok(c, yajl_gen_string(c->gen, (const unsigned char *)renamed, (size_t)len));
        }
    return scalar(c, k, n, 's');
}

static const yajl_callbacks callbacks = {
    on_null,      on_bool, NULL,       NULL,           on_number,    on_string,
    on_start_map, on_key,  on_end_map, on_start_array, on_end_array,
};

/* The text of a report that gave "html" instead: the page's main text and metadata.
 * The string was Unicode in the JSON, so the page is UTF-8 whatever its meta says. */
static sr_status page_text(jctx *c)
{
    sr_doc *d = c->d;
    sr_html_origin o = {d->url.n ? d->url.p : NULL, "text/html; charset=utf-8"};
    char why[400];
    sr_status st = sr_record_html_into(d, c->html, c->html_n, &o, why, sizeof why);
    if (st)
        snprintf(c->err, c->errsz, "field \"html\": %s", why);
    return st;
}

/* Fills the text (from "html" when there is no "text"), id, publication day and
 * pass-through fields once the parse succeeded. */
static sr_status finish(jctx *c, const char *name, uint64_t lineno)
{
    sr_doc *d = c->d;
    bool has_text = c->seen[F_TEXT] && d->text;
    if (!has_text && !c->html)
        return fail(c, SR_FIELD, "no \"text\" field (nor \"html\")%s", ""), SR_FIELD;
    sr_status st;
    if (!d->id.n) {
        char base[256], id[300];
        sr_record_base_id(name, base, sizeof base);
        int n = snprintf(id, sizeof id, "%s:%llu", base, (unsigned long long)lineno);
        char *p = sr_arena_strndup(d->arena, id, (size_t)n);
        if (!p)
            return SR_NOMEM;
        d->id.p = p;
        d->id.n = (size_t)n;
    }
    if (d->published_text.n &&
        sr_ymd_parse(d->published_text.p, d->published_text.n, &d->published)) {
        snprintf(c->err, c->errsz, "field \"published\" is not a date (YYYY-MM-DD): \"%.40s\"",
                 d->published_text.p);
        return SR_DATE;
    }
    if (!has_text && (st = page_text(c)))
        return st;
    if ((st = sr_record_finish_text(d, c->opt, c->err, c->errsz)))
        return st;
    d->invalid_bytes += c->repaired;
    if (!d->published.year && c->opt->default_published.year)
        d->published = c->opt->default_published;
    if (yajl_gen_map_close(c->gen) != yajl_gen_status_ok)
        return SR_NOMEM;
    const unsigned char *buf;
    size_t n;
    yajl_gen_get_buf(c->gen, &buf, &n);
    if (n > 2) { /* "{...}" becomes ",..." to append to the record */
        char *extra = sr_arena_strndup(d->arena, (const char *)buf, n - 1);
        if (!extra)
            return SR_NOMEM;
        extra[0] = ',';
        d->extra_json.p = extra;
        d->extra_json.n = n - 1;
    }
    return SR_OK;
}

/* The parser's message on one line, with the byte column. */
static void parse_error(yajl_handle h, const char *line, size_t len, char *err, size_t errsz)
{
    unsigned char *msg = yajl_get_error(h, 0, (const unsigned char *)line, len);
    size_t at = yajl_get_bytes_consumed(h);
    const char *m = msg ? (const char *)msg : "parse error";
    int mlen = (int)strcspn(m, "\n");
    snprintf(err, errsz, "malformed JSON at byte %zu: %.*s", at + 1, mlen, m);
    if (msg)
        yajl_free_error(h, msg);
}

sr_status sr_record_from_json(const char *line, size_t len, const char *name, uint64_t lineno,
                              const sr_reader_options *opt, sr_doc **out, char *err, size_t errsz)
{
    *out = NULL;
    jctx c = {0};
    c.opt = opt;
    c.err = err;
    c.errsz = errsz;
    c.field = F_UNKNOWN;
    c.d = sr_doc_new(NULL, NULL, 0, NULL);
    c.gen = yajl_gen_alloc(NULL);
    yajl_handle h = yajl_alloc(&callbacks, NULL, &c);
    sr_status st = SR_OK;
    if (!c.d || !c.gen || !h || yajl_gen_map_open(c.gen) != yajl_gen_status_ok) {
        snprintf(err, errsz, "out of memory");
        st = SR_NOMEM;
    } else {
        c.d->id.n = 0;
        yajl_config(h, yajl_dont_validate_strings, 1);
        yajl_status ys = yajl_parse(h, (const unsigned char *)line, len);
        if (ys == yajl_status_ok)
            ys = yajl_complete_parse(h);
        if (c.st)
            st = c.st;
        else if (ys != yajl_status_ok) {
            parse_error(h, line, len, err, errsz);
            st = SR_JSON;
        } else {
            st = finish(&c, name, lineno);
            if (st == SR_NOMEM)
                snprintf(err, errsz, "out of memory");
        }
    }
    if (h)
        yajl_free(h);
    if (c.gen)
        yajl_gen_free(c.gen);
    if (st) {
        sr_doc_free(c.d);
        return st;
    }
    *out = c.d;
    return SR_OK;
}
