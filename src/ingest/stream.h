/* stream.h: a byte stream over a file or stdin that inflates gzip transparently. */
#ifndef SR_STREAM_H
#define SR_STREAM_H

#include <zlib.h>

#include "../core/internal.h"

enum { SR_STREAM_CHUNK = 1 << 16 };

typedef struct {
    int fd;
    int gz;           /* input starts with the gzip magic */
    int zinit, zend;  /* inflate initialised; current member finished */
    int raw_eof;
    z_stream z;
    unsigned char in[SR_STREAM_CHUNK];
    size_t in_n, in_pos;
    uint64_t raw_bytes, out_bytes;
    char err[256];    /* what went wrong, without the input name */
} sr_stream;

/* Opens path ("-" for stdin) and sniffs for gzip. Returns SR_OK, SR_NOTFOUND or SR_IO
 * with s->err set. The stream must be closed with sr_stream_close even after an error. */
sr_status sr_stream_open(sr_stream *s, const char *path);

/* Reads up to n decompressed bytes into buf. Stores the count in *got (0 at the end).
 * Returns SR_OK, SR_IO or SR_GZIP (truncated or corrupt), with s->err set. */
sr_status sr_stream_read(sr_stream *s, char *buf, size_t n, size_t *got);

void sr_stream_close(sr_stream *s);

#endif
