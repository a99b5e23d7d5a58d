/* buf.c: the growable byte buffer that output is built in, with JSON and TSV escaping.
 * A buffer owns its bytes; sr_buf_free() releases them. On out-of-memory the buffer is
 * left as it was and SR_NOMEM returned. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"

sr_status sr_buf_reserve(sr_buf *b, size_t extra)
{
    if (b->cap - b->n > extra)
        return SR_OK;
    if (extra > SIZE_MAX / 2 - b->n)
        return SR_NOMEM;
    size_t cap = b->cap ? b->cap : 256;
    while (cap - b->n <= extra)
        cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p)
        return SR_NOMEM;
    b->p = p;
    b->cap = cap;
    return SR_OK;
}

sr_status sr_buf_read_stream(sr_buf *b, FILE *f, size_t max)
{
    char chunk[65536];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (max && b->n + k > max)
            return SR_LIMIT;
        sr_status st = sr_buf_add(b, chunk, k);
        if (st)
            return st;
    }
    return ferror(f) ? SR_IO : SR_OK;
}

sr_status sr_buf_add(sr_buf *b, const void *p, size_t n)
{
    if (sr_buf_reserve(b, n))
        return SR_NOMEM;
    if (n)
        memcpy(b->p + b->n, p, n);
    b->n += n;
    b->p[b->n] = 0;
    return SR_OK;
}

sr_status sr_buf_adds(sr_buf *b, const char *s)
{
    return sr_buf_add(b, s, strlen(s));
}

sr_status sr_buf_addc(sr_buf *b, char c)
{
    return sr_buf_add(b, &c, 1);
}

sr_status sr_buf_printf(sr_buf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return SR_USAGE;
    if ((size_t)n < sizeof small)
        return sr_buf_add(b, small, (size_t)n);
    if (sr_buf_reserve(b, (size_t)n + 1))
        return SR_NOMEM;
    va_start(ap, fmt);
    vsnprintf(b->p + b->n, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->n += (size_t)n;
    return SR_OK;
}

void sr_buf_free(sr_buf *b)
{
    if (!b)
        return;
    free(b->p);
    b->p = NULL;
    b->n = b->cap = 0;
}

sr_status sr_buf_json_str(sr_buf *b, const char *s, size_t n)
{
    /* Worst case each byte becomes \u00XX or \ufffd (6 bytes). */
    if (n > (SIZE_MAX - 3) / 6 || sr_buf_reserve(b, n * 6 + 3))
        return SR_NOMEM;
    char *o = b->p + b->n;
    *o++ = '"';
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') {
            *o++ = (char)c;
            continue;
        }
        *o++ = '\\';
        switch (c) {
        case '"': *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '\n': *o++ = 'n'; break;
        case '\r': *o++ = 'r'; break;
        case '\t': *o++ = 't'; break;
        case 0x1A: memcpy(o, "ufffd", 5); o += 5; break;
        default:
            o += sprintf(o, "u%04x", c);
            break;
        }
    }
    *o++ = '"';
    *o = 0;
    b->n = (size_t)(o - b->p);
    return SR_OK;
}

sr_status sr_buf_tsv_str(sr_buf *b, const char *s, size_t n)
{
    if (n > (SIZE_MAX - 1) / 3 || sr_buf_reserve(b, n * 3 + 1))
        return SR_NOMEM;
    char *o = b->p + b->n;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        switch (c) {
        case '\t': *o++ = '\\'; *o++ = 't'; break;
        case '\n': *o++ = '\\'; *o++ = 'n'; break;
        case '\r': *o++ = '\\'; *o++ = 'r'; break;
        case '\\': *o++ = '\\'; *o++ = '\\'; break;
        case 0x1A: memcpy(o, "\xEF\xBF\xBD", 3); o += 3; break;
        default: *o++ = c; break;
        }
    }
    *o = 0;
    b->n = (size_t)(o - b->p);
    return SR_OK;
}

static sr_status add_int(sr_buf *b, long long v)
{
    /* by hand: printf's format parsing costs more than the number on this hot path */
    char tmp[24], *o = tmp + sizeof tmp;
    unsigned long long u = v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;
    do
        *--o = (char)('0' + u % 10);
    while (u /= 10);
    if (v < 0)
        *--o = '-';
    return sr_buf_add(b, o, (size_t)(tmp + sizeof tmp - o));
}

/* Appends r / 10^dec with exactly dec decimals, trailing zeros dropped ("-0.05"). */
static sr_status add_fixed(sr_buf *b, long long r, int dec)
{
    char tmp[40], *o = tmp + sizeof tmp;
    unsigned long long u = r < 0 ? 0ull - (unsigned long long)r : (unsigned long long)r;
    int shown = 0;
    for (int i = 0; i < dec; i++, u /= 10) {
        int digit = (int)(u % 10);
        if (digit || shown)
            *--o = (char)('0' + digit), shown = 1;
    }
    if (shown)
        *--o = '.';
    do
        *--o = (char)('0' + u % 10);
    while (u /= 10);
    if (r < 0)
        *--o = '-';
    return sr_buf_add(b, o, (size_t)(tmp + sizeof tmp - o));
}

sr_status sr_buf_num(sr_buf *b, double v)
{
    if (!isfinite(v))
        return sr_buf_adds(b, "null");
    if (v == (double)(int64_t)v && fabs(v) < 9e15)
        return add_int(b, (long long)v);
    /* most non-integers here have a few decimals (coordinates, 4.3%): the fewest
     * decimals whose value divides back to v exactly print the same number strtod
     * reads back, without printf */
    static const double scale[] = {10, 100, 1e3, 1e4, 1e5, 1e6};
    for (int dec = 0; dec < 6 && fabs(v) < 1e9; dec++) {
        double r = nearbyint(v * scale[dec]);
        if (r / scale[dec] == v)
            return add_fixed(b, (long long)r, dec + 1);
    }
    char tmp[40];
    for (int prec = 6; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*g", prec, v);
        if (strtod(tmp, NULL) == v)
            break;
    }
    return sr_buf_adds(b, tmp);
}
