/* emit_int.h: the record writers' shared pieces: JSON keys and values appended
 * without printf, TSV cells, ISO days (emit.c, emit_claim.c, emit_event.c). */
#ifndef SR_EMIT_INT_H
#define SR_EMIT_INT_H

#include <stdio.h>

#include "../core/internal.h"

/* Appends ,"key": to b. Output is built with plain appends, not sr_buf_printf: a
 * mention has a dozen fields, and printf's format parsing cost more than the rest of
 * writing it. */
static inline __attribute__((always_inline)) sr_status add_key(sr_buf *b, const char *key)
{
    size_t n = strlen(key);
    if (sr_buf_reserve(b, n + 4))
        return SR_NOMEM;
    char *o = b->p + b->n;
    *o++ = ',';
    *o++ = '"';
    memcpy(o, key, n);
    o += n;
    *o++ = '"';
    *o++ = ':';
    *o = 0;
    b->n = (size_t)(o - b->p);
    return SR_OK;
}

/* Appends ,"key":true or ,"key":false. */
static inline void json_key_bool(sr_buf *b, const char *key, bool v, sr_status *st)
{
    if (!*st)
        *st = add_key(b, key);
    if (!*st)
        *st = v ? sr_buf_add(b, "true", 4) : sr_buf_add(b, "false", 5);
}

static inline __attribute__((always_inline)) void json_key_str(sr_buf *b, const char *key,
                                                               const char *s, size_t n,
                                                               sr_status *st)
{
    if (*st)
        return;
    *st = add_key(b, key);
    if (!*st)
        *st = s ? sr_buf_json_str(b, s, n) : sr_buf_adds(b, "null");
}

static inline void json_key_span(sr_buf *b, const char *key, const sr_doc *d, uint32_t s, uint32_t e,
                          sr_status *st)
{
    if (e > s)
        json_key_str(b, key, d->clean + s, e - s, st);
    else if (!*st && !(*st = add_key(b, key)))
        *st = sr_buf_add(b, "null", 4);
}

static inline __attribute__((always_inline)) void json_key_num(sr_buf *b, const char *key,
                                                               double v, sr_status *st)
{
    if (*st)
        return;
    *st = add_key(b, key);
    if (!*st)
        *st = sr_buf_num(b, v);
}

static inline void ymd_text(sr_ymd d, char out[24])
{
    if (d.year > 0 && d.year <= 9999 && d.month >= 0 && d.month <= 99 && d.day >= 0 &&
        d.day <= 99) { /* by hand, as snprintf "%04d-%02d-%02d" would */
        int y = d.year;
        out[0] = (char)('0' + y / 1000), out[1] = (char)('0' + y / 100 % 10);
        out[2] = (char)('0' + y / 10 % 10), out[3] = (char)('0' + y % 10), out[4] = '-';
        out[5] = (char)('0' + d.month / 10), out[6] = (char)('0' + d.month % 10), out[7] = '-';
        out[8] = (char)('0' + d.day / 10), out[9] = (char)('0' + d.day % 10), out[10] = 0;
    } else if (d.year)
        snprintf(out, 24, "%04d-%02d-%02d", d.year, d.month, d.day);
    else
        out[0] = 0;
}

static inline void tsv_cell(sr_buf *b, const char *s, size_t n, bool last, sr_status *st)
{
    if (*st)
        return;
    if (s && n)
        *st = sr_buf_tsv_str(b, s, n);
    if (!*st)
        *st = sr_buf_addc(b, last ? '\n' : '\t');
}

static inline void tsv_num(sr_buf *b, double v, sr_status *st)
{
    if (!*st)
        *st = sr_buf_num(b, v);
    if (!*st)
        *st = sr_buf_addc(b, '\t');
}

/* Appends the JSON records / TSV rows of a document's claims. */
sr_status sr_emit_claims(sr_buf *b, const sr_doc *d, sr_format fmt);
extern const char sr_claim_tsv_header[];

/* Appends the JSON records / TSV rows / GDELT 2.0 event-export rows of a document's
 * events (emit_event.c). */
sr_status sr_emit_events(sr_buf *b, const sr_doc *d, sr_format fmt);
extern const char sr_event_tsv_header[];

#endif
