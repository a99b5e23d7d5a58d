/* warc.c: WARC framing. A record is a header ("WARC/1.x", "Name: value" lines, a blank
 * line; CRLF or bare LF), Content-Length bytes of content, and a blank-line trailer.
 *
 * The whole record sits in the source's window while it is read, so memory is bounded
 * by the largest record (max_record), never by the file. A record's bytes are consumed
 * only once its framing checks out: the header parses, the length is valid, the content
 * is all there and is followed by a line break, the end, or the next record. A record
 * that fails any check is reported and the reader resynchronises: it scans from the
 * record's second byte for the next line that starts "WARC/1.", so a wrong length (too
 * long, too short, or a lie of gigabytes) costs that record only, and the record after
 * it is read. The price is that a payload holding an archived WARC file could be taken
 * for records after such an error; a well-framed record is always skipped by length.
 * What is inside a well-framed record (warc_http.c) never causes a resynchronisation. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "warc.h"
#include "warc_int.h"

/* The line that starts a record, as the resynchronisation looks for it. */
#define MAGIC "WARC/1."
enum { MAGIC_LEN = sizeof MAGIC - 1, PEEK = 16 };

typedef struct {
    const char *type, *uri, *id, *date, *ctype, *length;
} warc_head;

sr_warc *sr_warc_new(size_t max_record)
{
    sr_warc *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->max_record = max_record;
    w->head = malloc(SR_WARC_MAX_HEADER + 1);
    if (!w->head) {
        free(w);
        return NULL;
    }
    return w;
}

void sr_warc_free(sr_warc *w)
{
    if (!w)
        return;
    free(w->head);
    free(w->out);
    free(w->tmp);
    free(w);
}

uint64_t sr_warc_skipped(const sr_warc *w)
{
    return w->skipped;
}

static sr_status mem_need(void *ctx, size_t want, const char **p, size_t *avail)
{
    sr_warc_mem *m = ctx;
    *p = m->data + m->pos;
    *avail = m->len - m->pos;
    (void)want;
    return SR_OK;
}

static void mem_skip(void *ctx, size_t n)
{
    sr_warc_mem *m = ctx;
    m->pos += n;
}

void sr_warc_src_mem(sr_warc_src *src, sr_warc_mem *mem, const char *data, size_t len)
{
    mem->data = data;
    mem->len = len;
    mem->pos = 0;
    src->ctx = mem;
    src->need = mem_need;
    src->skip = mem_skip;
}

/* Formats "WARC record N at byte B: <why>" into err and returns st. */
static sr_status report(const sr_warc *w, uint64_t at, sr_status st, char *err, size_t errsz,
                        const char *fmt, ...) __attribute__((format(printf, 6, 7)));
static sr_status report(const sr_warc *w, uint64_t at, sr_status st, char *err, size_t errsz,
                        const char *fmt, ...)
{
    int k = snprintf(err, errsz, "WARC record %llu at byte %llu: ", (unsigned long long)w->number,
                     (unsigned long long)at);
    if (k < 0 || (size_t)k >= errsz)
        return st;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err + k, errsz - (size_t)k, fmt, ap);
    va_end(ap);
    return st;
}

static void take(sr_warc *w, sr_warc_src *src, size_t n)
{
    src->skip(src->ctx, n);
    w->offset += n;
}

static sr_status need(sr_warc_src *src, size_t want, const char **p, size_t *avail, char *err,
                      size_t errsz)
{
    sr_status st = src->need(src->ctx, want, p, avail);
    if (st)
        snprintf(err, errsz, "%s", sr_strerror(st));
    return st;
}

static bool is_blank(char c)
{
    return c == '\r' || c == '\n' || c == ' ' || c == '\t';
}

/* Consumes blank bytes before a record. SR_EOF when only blanks remain. */
static sr_status skip_blanks(sr_warc *w, sr_warc_src *src, char *err, size_t errsz)
{
    for (;;) {
        const char *p;
        size_t avail, i = 0;
        sr_status st = need(src, SR_WARC_MAX_HEADER, &p, &avail, err, errsz);
        if (st)
            return st;
        while (i < avail && is_blank(p[i]))
            i++;
        take(w, src, i);
        if (i < avail)
            return SR_OK;
        if (avail == 0)
            return SR_EOF;
    }
}

/* Consumes bytes up to the next line that starts "WARC/1.". SR_EOF when there is none. */
static sr_status resync(sr_warc *w, sr_warc_src *src, char *err, size_t errsz)
{
    for (;;) {
        const char *p;
        size_t avail;
        sr_status st = need(src, SR_WARC_MAX_HEADER, &p, &avail, err, errsz);
        if (st)
            return st;
        const char *hit = memmem(p, avail, "\n" MAGIC, MAGIC_LEN + 1);
        if (hit) {
            take(w, src, (size_t)(hit - p) + 1);
            return SR_OK;
        }
        if (avail < SR_WARC_MAX_HEADER) { /* fewer than asked: the input is over */
            take(w, src, avail);
            return SR_EOF;
        }
        take(w, src, avail - MAGIC_LEN); /* keep a partial match at the window's end */
    }
}

/* Printable excerpt of untrusted bytes for a message: at most 40, others as '?'. */
static void excerpt(const char *p, size_t n, char *out, size_t outsz)
{
    size_t k = 0;
    for (size_t i = 0; i < n && p[i] != '\r' && p[i] != '\n' && k + 1 < outsz && k < 40; i++)
        out[k++] = (unsigned char)p[i] >= 0x20 && (unsigned char)p[i] < 0x7F ? p[i] : '?';
    out[k] = 0;
}

static bool version_ok(const char *line, size_t n)
{
    if (n < MAGIC_LEN + 1 || memcmp(line, MAGIC, MAGIC_LEN))
        return false;
    for (size_t i = MAGIC_LEN; i < n; i++)
        if (line[i] < '0' || line[i] > '9')
            return false;
    return true;
}

/* Joins folded lines (a line starting with a blank continues the one before). */
static void unfold(char *h, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (h[i - 1] == '\n' && (h[i] == ' ' || h[i] == '\t')) {
            h[i - 1] = ' ';
            if (i >= 2 && h[i - 2] == '\r')
                h[i - 2] = ' ';
        }
}

static void trim(char **s, char *end)
{
    while (*s < end && (**s == ' ' || **s == '\t'))
        (*s)++;
    while (end > *s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
        end--;
    *end = 0;
}

/* Stores one field of interest; a repeated one is malformed (which length is true?). */
static bool set_field(warc_head *h, const char *name, const char *value)
{
    static const char *const names[] = {"WARC-Type", "WARC-Target-URI", "WARC-Record-ID",
                                        "WARC-Date", "Content-Type",    "Content-Length"};
    const char **slot[] = {&h->type, &h->uri, &h->id, &h->date, &h->ctype, &h->length};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (!strcasecmp(name, names[i])) {
            if (*slot[i])
                return false;
            *slot[i] = value;
        }
    return true;
}

/* True when [p, p + n) is a "Name: value" line (a token name) or, after the first
 * field, a continuation line starting with a blank. */
static bool field_ok(const char *p, size_t n, bool first)
{
    if (memchr(p, 0, n))
        return false;
    if (p[0] == ' ' || p[0] == '\t')
        return !first;
    const char *colon = memchr(p, ':', n);
    if (!colon || colon == p)
        return false;
    for (const char *c = p; c < colon; c++)
        if ((unsigned char)*c <= ' ' || *c == 0x7F)
            return false;
    return true;
}

/* Walks the field lines after the version line up to the blank line that ends the
 * header, checking each. It stops at the first bad line, and a line starting "WARC/1."
 * has no colon, so a scan never runs past the next place a resynchronisation would try:
 * scanning hostile input stays linear. On SR_OK, *len is the header's length (up to its
 * blank line) and *body the offset of the content. */
static sr_status scan_lines(const char *p, size_t avail, size_t *len, size_t *body, char *why,
                            size_t whysz)
{
    size_t n = avail < SR_WARC_MAX_HEADER ? avail : SR_WARC_MAX_HEADER;
    size_t i = (size_t)((const char *)memchr(p, '\n', n) - p) + 1;
    for (unsigned k = 2;; k++) {
        const char *nl = i < n ? memchr(p + i, '\n', n - i) : NULL;
        if (!nl && avail < SR_WARC_MAX_HEADER)
            return snprintf(why, whysz, "header cut short by the end of the input"), SR_WARC;
        if (!nl)
            return snprintf(why, whysz, "header longer than %d bytes", SR_WARC_MAX_HEADER),
                   SR_LIMIT;
        size_t e = (size_t)(nl - p), le = e > i && p[e - 1] == '\r' ? e - 1 : e;
        if (le == i) {
            *len = i;
            *body = e + 1;
            return SR_OK;
        }
        if (k > SR_WARC_MAX_FIELDS)
            return snprintf(why, whysz, "more than %d header lines", SR_WARC_MAX_FIELDS), SR_LIMIT;
        if (!field_ok(p + i, le - i, k == 2)) {
            char ex[48];
            excerpt(p + i, le - i, ex, sizeof ex);
            return snprintf(why, whysz, "malformed header line %u: \"%s\"", k, ex), SR_WARC;
        }
        i = e + 1;
    }
}

/* Reads the fields of a header that scan_lines accepted, held in h[0, n) (n > 0), into
 * out. Returns 0, or a reason in why for a field given twice. */
static int parse_fields(char *h, size_t n, warc_head *out, char *why, size_t whysz)
{
    unfold(h, n);
    char *line = memchr(h, '\n', n) + 1, *end = h + n;
    while (line < end) {
        char *nl = memchr(line, '\n', (size_t)(end - line));
        char *colon = memchr(line, ':', (size_t)(nl - line));
        char *name = line, *value = colon + 1;
        line = nl + 1;
        if (!colon)
            continue; /* cannot happen after scan_lines */
        trim(&name, colon);
        trim(&value, nl);
        if (!set_field(out, name, value))
            return snprintf(why, whysz, "header field %s given twice", name);
    }
    return 0;
}

/* Parses a Content-Length value: decimal digits only, at most max. */
static sr_status parse_length(const char *v, size_t max, size_t *len, char *why, size_t whysz)
{
    size_t digits = strspn(v, "0123456789");
    if (!digits || v[digits] || digits > 19) {
        char ex[48];
        excerpt(v, strlen(v), ex, sizeof ex);
        snprintf(why, whysz, "invalid Content-Length \"%s\"", ex);
        return SR_WARC;
    }
    unsigned long long n = strtoull(v, NULL, 10);
    if (n > max) {
        snprintf(why, whysz, "record of %llu bytes exceeds the limit of %zu (--max-record)", n,
                 max);
        return SR_TOOBIG;
    }
    *len = (size_t)n;
    return SR_OK;
}

/* Reads and checks the header at the start of the window [p, p + avail): on success
 * fills *h (strings in w->head), *hlen (bytes up to the content) and *clen. */
static sr_status read_header(sr_warc *w, const char *p, size_t avail, warc_head *h, size_t *hlen,
                             size_t *clen, char *why, size_t whysz)
{
    size_t n, body;
    const char *nl = memchr(p, '\n', avail < 64 ? avail : 64);
    size_t vlen = nl ? (size_t)(nl - p) - (nl > p && nl[-1] == '\r') : 0;
    if (!nl || !version_ok(p, vlen)) {
        char ex[48];
        excerpt(p, avail, ex, sizeof ex);
        snprintf(why, whysz, "not a WARC header (expected WARC/1.0 or WARC/1.1): \"%s\"", ex);
        return SR_WARC;
    }
    sr_status st = scan_lines(p, avail, &n, &body, why, whysz);
    if (st)
        return st;
    memcpy(w->head, p, n);
    w->head[n] = 0;
    memset(h, 0, sizeof *h);
    if (parse_fields(w->head, n, h, why, whysz))
        return SR_WARC;
    if (!h->length)
        return snprintf(why, whysz, "no Content-Length"), SR_WARC;
    *hlen = body;
    return parse_length(h->length, w->max_record, clen, why, whysz);
}

/* True when the content's end at q (r bytes of window left) is where a record ends: the
 * end of the input, a line break (the blank-line trailer) or the next record. */
static bool ends_right(const char *q, size_t r)
{
    return r == 0 || q[0] == '\r' || q[0] == '\n' ||
           (r >= MAGIC_LEN && !memcmp(q, MAGIC, MAGIC_LEN));
}

/* Frames the record at the window's start. On SR_OK, *p is the window, the content is
 * [*p + *hlen, + *clen) and *total bytes make the record with its trailer. */
static sr_status frame(sr_warc *w, sr_warc_src *src, warc_head *h, const char **p, size_t *hlen,
                       size_t *clen, size_t *total, char *err, size_t errsz)
{
    size_t avail;
    char why[256];
    sr_status st = need(src, SR_WARC_MAX_HEADER, p, &avail, err, errsz);
    if (st)
        return st;
    st = read_header(w, *p, avail, h, hlen, clen, why, sizeof why);
    if (st)
        return report(w, w->offset, st, err, errsz, "%s", why);
    if ((st = need(src, *hlen + *clen + PEEK, p, &avail, err, errsz)))
        return st;
    if (avail < *hlen + *clen)
        return report(w, w->offset, SR_WARC, err, errsz,
                      "record cut short: the input ends %zu bytes into its %zu-byte content",
                      avail - *hlen, *clen);
    const char *q = *p + *hlen + *clen;
    size_t r = avail - *hlen - *clen, t = 0;
    if (!ends_right(q, r))
        return report(w, w->offset, SR_WARC, err, errsz,
                      "record does not end where its Content-Length (%zu) says", *clen);
    while (t < r && t < 4 && (q[t] == '\r' || q[t] == '\n'))
        t++;
    *total = *hlen + *clen + t;
    return SR_OK;
}

static void fill_record(const sr_warc *w, const warc_head *h, uint64_t at, sr_warc_record *rec)
{
    rec->number = w->number;
    rec->offset = at;
    rec->type = h->type;
    rec->uri = h->uri ? h->uri : "";
    rec->id = h->id ? h->id : "";
    rec->date = h->date ? h->date : "";
}

sr_status sr_warc_next(sr_warc *w, sr_warc_src *src, sr_warc_record *rec, char *err, size_t errsz)
{
    memset(rec, 0, sizeof *rec);
    for (;;) {
        sr_status st = SR_OK;
        if (w->resync) {
            w->resync = 0;
            if ((st = resync(w, src, err, errsz)))
                return st;
        }
        if ((st = skip_blanks(w, src, err, errsz)))
            return st;
        w->number++;
        uint64_t at = w->offset;
        warc_head h;
        const char *p;
        size_t hlen = 0, clen = 0, total = 0;
        st = frame(w, src, &h, &p, &hlen, &clen, &total, err, errsz);
        if (st == SR_NOMEM || st == SR_IO || st == SR_GZIP)
            return st; /* the source failed: nothing to resynchronise on */
        if (st) {
            take(w, src, 1);
            w->resync = 1;
            return st;
        }
        char why[256];
        bool page = false;
        st = sr_warc_page(w, h.type, h.ctype, p + hlen, clen, rec, &page, why, sizeof why);
        take(w, src, total);
        if (st)
            return report(w, at, st, err, errsz, "%s", why);
        if (page) {
            fill_record(w, &h, at, rec);
            return SR_OK;
        }
        w->skipped++;
    }
}
