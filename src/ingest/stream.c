/* stream.c: reads a file or stdin, inflating gzip (one or many members, as concatenated
 * .gz files and WARC.gz are) when the content starts with the gzip magic, whatever the
 * file is called. A stream that ends inside a gzip member is reported as truncated. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include "stream.h"

static sr_status fill(sr_stream *s)
{
    if (s->in_pos < s->in_n || s->raw_eof)
        return SR_OK;
    ssize_t k;
    do
        k = read(s->fd, s->in, sizeof s->in);
    while (k < 0 && errno == EINTR);
    if (k < 0) {
        snprintf(s->err, sizeof s->err, "read error: %s", strerror(errno));
        return SR_IO;
    }
    s->in_n = (size_t)k;
    s->in_pos = 0;
    s->raw_bytes += (uint64_t)k;
    if (k == 0)
        s->raw_eof = 1;
    return SR_OK;
}

sr_status sr_stream_open(sr_stream *s, const char *path)
{
    memset(s, 0, sizeof *s);
    s->fd = -1;
    if (!strcmp(path, "-")) {
        s->fd = STDIN_FILENO;
    } else {
        s->fd = open(path, O_RDONLY | O_CLOEXEC);
        if (s->fd < 0) {
            snprintf(s->err, sizeof s->err, "%s", strerror(errno));
            return errno == ENOENT ? SR_NOTFOUND : SR_IO;
        }
    }
    sr_status st = fill(s);
    if (st)
        return st;
    /* A gzip member can start with just its first byte in this read (a pipe); the
     * second byte decides, so read once more if needed. */
    if (s->in_n == 1 && s->in[0] == 0x1f) {
        ssize_t k = read(s->fd, s->in + 1, sizeof s->in - 1);
        if (k > 0) {
            s->in_n += (size_t)k;
            s->raw_bytes += (uint64_t)k;
        }
    }
    s->gz = s->in_n >= 2 && s->in[0] == 0x1f && s->in[1] == 0x8b;
    return SR_OK;
}

static sr_status start_member(sr_stream *s)
{
    int rc = s->zinit ? inflateReset(&s->z) : inflateInit2(&s->z, 16 + MAX_WBITS);
    if (rc != Z_OK) {
        snprintf(s->err, sizeof s->err, "cannot start inflating (zlib %d)", rc);
        return rc == Z_MEM_ERROR ? SR_NOMEM : SR_GZIP;
    }
    s->zinit = 1;
    s->zend = 0;
    return SR_OK;
}

static sr_status read_gz(sr_stream *s, char *buf, size_t n, size_t *got)
{
    *got = 0;
    while (*got == 0) {
        sr_status st = fill(s);
        if (st)
            return st;
        if (!s->zinit || s->zend) {
            if (s->in_pos == s->in_n && s->raw_eof)
                return SR_OK; /* clean end after a complete member */
            if (s->zend && s->in[s->in_pos] != 0x1f) {
                snprintf(s->err, sizeof s->err, "data after the end of the gzip stream at "
                         "byte %llu", (unsigned long long)(s->raw_bytes - (s->in_n - s->in_pos)));
                return SR_GZIP;
            }
            if ((st = start_member(s)))
                return st;
        }
        if (s->in_pos == s->in_n && s->raw_eof) {
            snprintf(s->err, sizeof s->err, "truncated gzip data after %llu bytes",
                     (unsigned long long)s->raw_bytes);
            return SR_GZIP;
        }
        s->z.next_in = s->in + s->in_pos;
        s->z.avail_in = (uInt)(s->in_n - s->in_pos);
        s->z.next_out = (Bytef *)buf;
        s->z.avail_out = (uInt)(n > UINT32_MAX ? UINT32_MAX : n);
        int rc = inflate(&s->z, Z_NO_FLUSH);
        s->in_pos = s->in_n - s->z.avail_in;
        *got = n - s->z.avail_out;
        if (rc == Z_STREAM_END) {
            s->zend = 1;
        } else if (rc == Z_BUF_ERROR && s->raw_eof && s->in_pos == s->in_n) {
            snprintf(s->err, sizeof s->err, "truncated gzip data after %llu bytes",
                     (unsigned long long)s->raw_bytes);
            return *got ? SR_OK : SR_GZIP;
        } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
            snprintf(s->err, sizeof s->err, "corrupt gzip data near byte %llu: %s",
                     (unsigned long long)(s->raw_bytes - (s->in_n - s->in_pos)),
                     s->z.msg ? s->z.msg : "inflate failed");
            return rc == Z_MEM_ERROR ? SR_NOMEM : SR_GZIP;
        }
    }
    s->out_bytes += *got;
    return SR_OK;
}

sr_status sr_stream_read(sr_stream *s, char *buf, size_t n, size_t *got)
{
    if (s->gz)
        return read_gz(s, buf, n, got);
    *got = 0;
    sr_status st = fill(s);
    if (st)
        return st;
    size_t k = s->in_n - s->in_pos;
    if (k > n)
        k = n;
    memcpy(buf, s->in + s->in_pos, k);
    s->in_pos += k;
    s->out_bytes += k;
    *got = k;
    return SR_OK;
}

void sr_stream_close(sr_stream *s)
{
    if (s->zinit)
        inflateEnd(&s->z);
    if (s->fd > STDIN_FILENO)
        close(s->fd);
    s->fd = -1;
    s->zinit = 0;
}
