/* warc_int.h: the WARC reader's state, shared by its framing (warc.c) and its payload
 * decoding (warc_http.c). */
#ifndef SR_WARC_INT_H
#define SR_WARC_INT_H

#include "warc.h"

struct sr_warc {
    size_t max_record;
    uint64_t offset;  /* input offset of the window's first byte */
    uint64_t number;  /* records started, counting unreadable stretches */
    uint64_t skipped; /* well-formed records that are not HTML pages */
    int resync;       /* the last record was badly framed: scan for the next one */
    char *head;       /* the current record's header, fields NUL-terminated in place */
    char *tmp;        /* a de-chunked body; malloc'd, grown to the largest */
    size_t tmpcap;
    char *out; /* an inflated body, at most max_record bytes */
    size_t outcap;
    char ctype[512]; /* the HTTP Content-Type of the current page */
};

/* Looks inside one well-framed record of WARC-Type type (may be NULL) and Content-Type
 * ctype (may be NULL) whose content is [c, c + n). Sets *page and fills rec's
 * content_type, payload and len when it holds an HTML page (payload then points into c
 * or w's buffers); leaves *page false for any other record. Returns SR_OK, or an error
 * with its reason in why: SR_WARC (no WARC-Type, malformed HTTP head or chunked body),
 * SR_LIMIT (HTTP head over the limits), SR_TOOBIG (inflates past max_record), SR_GZIP
 * (corrupt or unsupported Content-Encoding), SR_NOMEM. */
sr_status sr_warc_page(sr_warc *w, const char *type, const char *ctype, const char *c, size_t n,
                       sr_warc_record *rec, bool *page, char *why, size_t whysz);

#endif
