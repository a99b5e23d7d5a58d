/* warc_http.c: what is inside a WARC record: the archived HTTP response (status line,
 * head, then a body that may be chunked and compressed) or a stored resource, and
 * whether it is an HTML page.
 *
 * Archivers differ in what they store. Some keep the bytes as sent (chunked, gzip'd);
 * Common Crawl decodes the body but renames the headers (X-Crawler-Content-Encoding);
 * others decode the body and keep the original headers. So a body declared chunked
 * whose first line is no chunk size, or declared gzip without the gzip magic, is taken
 * as already decoded. A chunked or compressed body cut short (a crawler's size cap,
 * marked WARC-Truncated) keeps what was decoded. Inflating stops at max_record bytes:
 * a gzip bomb costs that much memory and an error, never more. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <zlib.h>

#include "record.h"
#include "warc_int.h"

enum { ENC_IDENTITY, ENC_GZIP, ENC_DEFLATE, ENC_OTHER };

typedef struct {
    int status;
    const char *ctype, *encoding, *transfer; /* values in the head (not NUL-ended) */
    size_t ctype_n, encoding_n, transfer_n;
    size_t body; /* offset of the body */
} http_head;

/* Parses "HTTP/x[.y] NNN ...". Returns the status, or -1. */
static int status_line(const char *p, size_t n)
{
    if (!sr_starts_ci(p, n, "http/"))
        return -1;
    size_t i = 5;
    while (i < n && p[i] != ' ' && p[i] != '\n')
        i++;
    while (i < n && p[i] == ' ')
        i++;
    if (i + 3 > n || !isdigit((unsigned char)p[i]) || !isdigit((unsigned char)p[i + 1]) ||
        !isdigit((unsigned char)p[i + 2]))
        return -1;
    if (i + 3 < n && p[i + 3] != ' ' && p[i + 3] != '\r' && p[i + 3] != '\n')
        return -1;
    return (p[i] - '0') * 100 + (p[i + 1] - '0') * 10 + (p[i + 2] - '0');
}

/* Notes a header line [p, p + n) (no line break) when it is one the decoding needs. */
static void header_line(const char *p, size_t n, http_head *h)
{
    static const char *const names[] = {"content-type:", "content-encoding:", "transfer-encoding:"};
    const char **val[] = {&h->ctype, &h->encoding, &h->transfer};
    size_t *len[] = {&h->ctype_n, &h->encoding_n, &h->transfer_n};
    for (size_t k = 0; k < 3; k++) {
        if (!sr_starts_ci(p, n, names[k]))
            continue;
        size_t i = strlen(names[k]);
        while (i < n && (p[i] == ' ' || p[i] == '\t'))
            i++;
        while (n > i && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r'))
            n--;
        if (!*val[k]) { /* the first wins, as in browsers */
            *val[k] = p + i;
            *len[k] = n - i;
        }
    }
}

/* Parses the status line and head of the response in [p, p + n). */
static sr_status parse_head(const char *p, size_t n, http_head *h, char *why, size_t whysz)
{
    memset(h, 0, sizeof *h);
    if ((h->status = status_line(p, n)) < 0)
        return snprintf(why, whysz, "malformed HTTP status line"), SR_WARC;
    size_t lim = n < SR_HTTP_MAX_HEADER ? n : SR_HTTP_MAX_HEADER;
    const char *line = memchr(p, '\n', lim);
    for (unsigned k = 0; line; k++) {
        line++;
        size_t at = (size_t)(line - p);
        if (at < n && (p[at] == '\n' || (p[at] == '\r' && at + 1 < n && p[at + 1] == '\n'))) {
            h->body = at + (p[at] == '\r') + 1;
            return SR_OK;
        }
        if (k >= SR_HTTP_MAX_FIELDS)
            return snprintf(why, whysz, "more than %d HTTP header lines", SR_HTTP_MAX_FIELDS),
                   SR_LIMIT;
        const char *nl = memchr(line, '\n', lim - at);
        header_line(line, nl ? (size_t)(nl - line) : lim - at, h);
        line = nl;
    }
    if (lim < n)
        return snprintf(why, whysz, "HTTP head longer than %d bytes", SR_HTTP_MAX_HEADER), SR_LIMIT;
    return snprintf(why, whysz, "HTTP head not ended by a blank line"), SR_WARC;
}

static bool grow(char **buf, size_t *cap, size_t want)
{
    if (*cap >= want)
        return true;
    char *b = realloc(*buf, want);
    if (!b)
        return false;
    *buf = b;
    *cap = want;
    return true;
}

/* Reads a chunk-size line at p[*i]: hex digits, optional blanks and extensions, a line
 * break. Returns 1 with *size, 0 when there is no size, -1 when the input ends first. */
static int chunk_size(const char *p, size_t n, size_t *i, uint64_t *size)
{
    size_t j = *i;
    uint64_t v = 0;
    while (j < n && isxdigit((unsigned char)p[j]) && j - *i < 15) {
        int c = tolower((unsigned char)p[j++]);
        v = v * 16 + (uint64_t)(c <= '9' ? c - '0' : c - 'a' + 10);
    }
    if (j == *i)
        return j < n ? 0 : -1;
    while (j < n && (p[j] == ' ' || p[j] == '\t'))
        j++;
    if (j < n && p[j] != ';' && p[j] != '\r' && p[j] != '\n')
        return 0;
    const char *nl = memchr(p + j, '\n', n - j);
    if (!nl)
        return -1;
    *i = (size_t)(nl - p) + 1;
    *size = v;
    return 1;
}

/* De-chunks [p, p + n) into w->tmp. The decoded body goes to *out, *outn, or p itself when
 * it does not start with a chunk size (already de-chunked). */
static sr_status dechunk(sr_warc *w, const char *p, size_t n, const char **out, size_t *outn,
                         char *why, size_t whysz)
{
    *out = p;
    *outn = n;
    if (!grow(&w->tmp, &w->tmpcap, n ? n : 1))
        return snprintf(why, whysz, "out of memory"), SR_NOMEM;
    size_t i = 0, o = 0;
    for (bool first = true;; first = false) {
        uint64_t size;
        int k = chunk_size(p, n, &i, &size);
        if (k == 0 && first)
            return SR_OK;
        if (k == 0)
            return snprintf(why, whysz, "malformed chunk size at body byte %zu", i), SR_WARC;
        if (k < 0 || size == 0)
            break; /* the end, or a body cut short */
        size_t part = size < n - i ? (size_t)size : n - i;
        memcpy(w->tmp + o, p + i, part);
        o += part;
        i += part;
        if (i < n && p[i] == '\r')
            i++;
        if (i < n && p[i] != '\n')
            return snprintf(why, whysz, "chunk not followed by a line break at body byte %zu", i),
                   SR_WARC;
        i += i < n;
    }
    *out = w->tmp;
    *outn = o;
    return SR_OK;
}

static int encoding_of(const char *e, size_t n)
{
    if (!e || !n || (n == 8 && sr_starts_ci(e, n, "identity")) ||
        (n == 4 && sr_starts_ci(e, n, "none")))
        return ENC_IDENTITY;
    if ((n == 4 && sr_starts_ci(e, n, "gzip")) || (n == 6 && sr_starts_ci(e, n, "x-gzip")))
        return ENC_GZIP;
    if (n == 7 && sr_starts_ci(e, n, "deflate"))
        return ENC_DEFLATE;
    return ENC_OTHER;
}

static bool zlib_header(const unsigned char *p, size_t n)
{
    return n >= 2 && (p[0] & 0x0F) == 8 && ((p[0] << 8) | p[1]) % 31 == 0;
}

/* Inflates [p, p + n) with window bits wbits into w->out, at most max_record bytes. */
static sr_status inflate_body(sr_warc *w, const char *p, size_t n, int wbits, size_t *outn,
                              char *why, size_t whysz)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, wbits) != Z_OK)
        return snprintf(why, whysz, "out of memory"), SR_NOMEM;
    z.next_in = (Bytef *)p;
    z.avail_in = (uInt)n;
    size_t o = 0, cap = n * 4 < (1u << 16) ? (1u << 16) : n * 4;
    sr_status st = SR_OK;
    int rc = Z_OK;
    while (!st && rc != Z_STREAM_END) {
        if (o == w->outcap) {
            if (o > w->max_record) {
                st = SR_TOOBIG;
                snprintf(why, whysz, "the page inflates past %zu bytes (--max-record)",
                         w->max_record);
                break;
            }
            size_t want = o ? o * 2 : cap;
            if (want > w->max_record + 1)
                want = w->max_record + 1;
            if (!grow(&w->out, &w->outcap, want)) {
                st = SR_NOMEM;
                snprintf(why, whysz, "out of memory");
                break;
            }
        }
        z.next_out = (Bytef *)w->out + o;
        z.avail_out = (uInt)(w->outcap - o);
        rc = inflate(&z, Z_NO_FLUSH);
        o = w->outcap - z.avail_out;
        if (rc == Z_BUF_ERROR && (z.avail_in == 0 || z.avail_out > 0))
            break; /* cut short: keep what came out */
        if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
            st = rc == Z_MEM_ERROR ? SR_NOMEM : SR_GZIP;
            snprintf(why, whysz, "corrupt compressed body: %s", z.msg ? z.msg : "inflate failed");
        }
        if (rc == Z_OK && z.avail_in == 0 && z.avail_out > 0)
            break; /* all input used, stream not ended: cut short */
    }
    inflateEnd(&z);
    if (!st && o > w->max_record) {
        st = SR_TOOBIG;
        snprintf(why, whysz, "the page inflates past %zu bytes (--max-record)", w->max_record);
    }
    *outn = o;
    return st;
}

/* Undoes the Content-Encoding of [*p, + *n) in place of *p, *n. */
static sr_status decode(sr_warc *w, const http_head *h, const char **p, size_t *n, char *why,
                        size_t whysz)
{
    int enc = encoding_of(h->encoding, h->encoding_n);
    const unsigned char *u = (const unsigned char *)*p;
    int wbits;
    if (enc == ENC_IDENTITY)
        return SR_OK;
    if (enc == ENC_OTHER) {
        snprintf(why, whysz, "unsupported Content-Encoding \"%.*s\"",
                 (int)(h->encoding_n > 40 ? 40 : h->encoding_n), h->encoding);
        return SR_GZIP;
    }
    if (*n >= 2 && u[0] == 0x1F && u[1] == 0x8B)
        wbits = 16 + MAX_WBITS;
    else if (zlib_header(u, *n))
        wbits = MAX_WBITS;
    else if (enc == ENC_DEFLATE && *n && u[0] != '<' && !isspace(u[0]))
        wbits = -MAX_WBITS; /* raw deflate, as some servers send */
    else
        return SR_OK; /* declared but not compressed: decoded by the archiver */
    size_t outn;
    sr_status st = inflate_body(w, *p, *n, wbits, &outn, why, whysz);
    if (!st) {
        *p = w->out;
        *n = outn;
    }
    return st;
}

/* 1 for an HTML media type, 0 for another, -1 when the type tells nothing. */
static int html_type(const char *t, size_t n)
{
    while (n && (*t == ' ' || *t == '\t'))
        t++, n--;
    size_t m = 0;
    while (m < n && t[m] != ';' && t[m] != ' ' && t[m] != '\t')
        m++;
    if (!m || (m == 24 && sr_starts_ci(t, m, "application/octet-stream")) ||
        (m == 15 && sr_starts_ci(t, m, "unknown/unknown")))
        return -1;
    return (m == 9 && sr_starts_ci(t, m, "text/html")) ||
           (m == 21 && sr_starts_ci(t, m, "application/xhtml+xml"));
}

static bool is_page(const char *t, size_t tn, const char *body, size_t n)
{
    int k = t ? html_type(t, tn) : -1;
    return n > 0 && (k == 1 || (k < 0 && sr_looks_like_html(body, n)));
}

static void keep_ctype(sr_warc *w, const char *t, size_t n, sr_warc_record *rec)
{
    if (n >= sizeof w->ctype)
        n = sizeof w->ctype - 1;
    memcpy(w->ctype, t ? t : "", t ? n : 0);
    w->ctype[t ? n : 0] = 0;
    rec->content_type = w->ctype;
}

/* An archived HTTP response: a 2xx HTML page, decoded, or nothing. */
static sr_status response(sr_warc *w, const char *c, size_t n, sr_warc_record *rec, bool *page,
                          char *why, size_t whysz)
{
    http_head h;
    sr_status st = parse_head(c, n, &h, why, whysz);
    if (st || h.status < 200 || h.status > 299)
        return st;
    const char *body = c + h.body;
    size_t len = n - h.body;
    if (h.transfer && h.transfer_n >= 7 &&
        sr_starts_ci(h.transfer + h.transfer_n - 7, 7, "chunked") &&
        (st = dechunk(w, body, len, &body, &len, why, whysz)))
        return st;
    if (h.ctype && html_type(h.ctype, h.ctype_n) == 0)
        return SR_OK; /* not a page: no need to inflate it */
    if ((st = decode(w, &h, &body, &len, why, whysz)))
        return st;
    if (!is_page(h.ctype, h.ctype_n, body, len))
        return SR_OK;
    keep_ctype(w, h.ctype, h.ctype_n, rec);
    rec->payload = body;
    rec->len = len;
    *page = true;
    return SR_OK;
}

sr_status sr_warc_page(sr_warc *w, const char *type, const char *ctype, const char *c, size_t n,
                       sr_warc_record *rec, bool *page, char *why, size_t whysz)
{
    *page = false;
    if (!type)
        return snprintf(why, whysz, "no WARC-Type"), SR_WARC;
    if (!strcasecmp(type, "response")) {
        if (!ctype || !sr_starts_ci(ctype, strlen(ctype), "application/http"))
            return SR_OK; /* dns:, or a response stored without its HTTP head */
        return response(w, c, n, rec, page, why, whysz);
    }
    if (!strcasecmp(type, "resource") && is_page(ctype, ctype ? strlen(ctype) : 0, c, n)) {
        keep_ctype(w, ctype, ctype ? strlen(ctype) : 0, rec);
        rec->payload = c;
        rec->len = n;
        *page = true;
    }
    return SR_OK;
}
