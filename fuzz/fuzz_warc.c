/* fuzz_warc.c: libFuzzer target for the WARC reader: the bytes are a WARC file read
 * from memory with a small record limit. Every call must consume input, every error
 * must name its record, and every page must lie inside the input or the reader's
 * buffers and respect the limit. */
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"
#include "../src/ingest/warc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { MAX_RECORD = 1 << 16 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sr_warc *w = sr_warc_new(MAX_RECORD);
    if (!w)
        return 0;
    sr_warc_src src;
    sr_warc_mem mem;
    sr_warc_src_mem(&src, &mem, (const char *)data, size);
    for (size_t calls = 0;; calls++) {
        sr_warc_record rec;
        char err[512] = "";
        sr_status st = sr_warc_next(w, &src, &rec, err, sizeof err);
        if (st == SR_EOF)
            break;
        if (calls > size)
            abort(); /* each record or error consumes at least a byte */
        if (st) {
            if (strncmp(err, "WARC record ", 12))
                abort(); /* every error names its record */
            continue;
        }
        if (rec.len > MAX_RECORD || !rec.type || !rec.uri || !rec.id || !rec.content_type)
            abort();
        /* touch every byte: ASan checks the payload is readable */
        volatile unsigned char sum = 0;
        for (size_t i = 0; i < rec.len; i++)
            sum ^= (unsigned char)rec.payload[i];
        (void)sum;
    }
    sr_warc_free(w);
    return 0;
}
