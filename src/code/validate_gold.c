/* validate_gold.c: what the PETRARCH and PLOVER runners (validate_gold.h) share: their
 * error messages and reading a gold file whole. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "validate_gold.h"

sr_status sr_gold_fail(char *err, size_t errn, sr_status st, const char *fmt, ...)
{
    if (err && errn) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err, errn, fmt, ap);
        va_end(ap);
    }
    return st;
}

sr_status sr_gold_slurp(const char *path, sr_buf *b, char *err, size_t errn)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return sr_gold_fail(err, errn, errno == ENOENT ? SR_NOTFOUND : SR_IO, "%s: %s", path,
                            strerror(errno));
    sr_status st = sr_buf_read_stream(b, f, SR_GOLD_MAX_FILE);
    fclose(f);
    if (st == SR_LIMIT)
        st = SR_TOOBIG;
    return st ? sr_gold_fail(err, errn, st, "%s: %s", path, sr_strerror(st)) : SR_OK;
}
