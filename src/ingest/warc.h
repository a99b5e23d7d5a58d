/* warc.h: a streaming reader of WARC 1.0/1.1 files (ISO 28500) that yields the HTML
 * pages inside: response records with their HTTP head (status, Content-Type,
 * Transfer-Encoding, Content-Encoding) and resource records of HTML. */
#ifndef SR_WARC_H
#define SR_WARC_H

#include "../core/internal.h"

/* Where the reader gets its bytes: a window of unread bytes over the input.
 * need() makes at least want unread bytes available when the input has them and points
 * *p at the first, with *avail of them (fewer than want only at the end of the input);
 * it returns SR_OK or a read error whose message the source keeps (the reader writes
 * "cannot read input" into err). The pointer stays valid until the next need(): skip()
 * only advances past n <= *avail bytes and never moves them. */
typedef struct {
    void *ctx;
    sr_status (*need)(void *ctx, size_t want, const char **p, size_t *avail);
    void (*skip)(void *ctx, size_t n);
} sr_warc_src;

/* Makes src a source over the bytes [data, data + len), which must outlive it; mem
 * holds its position. For tests and the fuzz target. */
typedef struct {
    const char *data;
    size_t len, pos;
} sr_warc_mem;
void sr_warc_src_mem(sr_warc_src *src, sr_warc_mem *mem, const char *data, size_t len);

/* One HTML page found in a WARC file. Strings are NUL-terminated (empty when the header
 * lacks them) and, like payload, valid until the next sr_warc_next() or sr_warc_free(). */
typedef struct {
    uint64_t number;          /* 1-based: records (and unreadable stretches) so far */
    uint64_t offset;          /* byte offset of the record in the decompressed input */
    const char *type;         /* WARC-Type: "response" or "resource" */
    const char *uri;          /* WARC-Target-URI */
    const char *id;           /* WARC-Record-ID as written ("<urn:uuid:...>") */
    const char *date;         /* WARC-Date */
    const char *content_type; /* the page's Content-Type (HTTP, or the record's) */
    const char *payload;      /* the page's bytes: de-chunked and inflated */
    size_t len;
} sr_warc_record;

typedef struct sr_warc sr_warc;

/* A reader whose records (and decoded payloads) may not exceed max_record bytes.
 * Returns NULL on out-of-memory; free with sr_warc_free. */
sr_warc *sr_warc_new(size_t max_record);
void sr_warc_free(sr_warc *w);

/* Reads records from src until the next HTML page and fills *rec. Returns SR_OK, SR_EOF
 * at the end of the input, or an error with a one-line reason in err ("WARC record 3 at
 * byte 1234: ...", without the input name): SR_WARC (malformed header, missing or
 * invalid Content-Length, a record cut short or not ending where its length says,
 * garbage between records, a malformed HTTP head or chunked body), SR_TOOBIG (a record
 * or decoded payload over max_record), SR_LIMIT (a header over the limits in limits.h),
 * SR_GZIP (a corrupt or unsupported Content-Encoding), SR_NOMEM, or a read error of the
 * source. After an error the next call goes on: a badly framed record is resynchronised
 * on the next line starting "WARC/1.", a well-framed one is skipped by its length.
 * Records that are not HTML pages (warcinfo, request, metadata, revisit, redirects and
 * other non-2xx responses, other media types) are skipped silently and counted. */
sr_status sr_warc_next(sr_warc *w, sr_warc_src *src, sr_warc_record *rec, char *err, size_t errsz);

/* Well-formed records skipped so far because they are not HTML pages. */
uint64_t sr_warc_skipped(const sr_warc *w);

#endif
