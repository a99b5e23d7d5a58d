/* fuzz_jsonl.c: libFuzzer target for the input reader: the bytes become a file (gzip'd
 * or not, JSONL or text, as they happen to be) read through sr_reader in strict and in
 * repairing mode; every report that comes out goes through the whole pipeline. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void read_all(const char *path, int repair, sr_pipeline *p)
{
    sr_reader_options opt = {{0, 0, 0}, 1 << 16, repair};
    const char *paths[] = {path};
    sr_reader *r = sr_reader_new(paths, 1, &opt);
    if (!r)
        return;
    for (int guard = 0; guard < 100000; guard++) {
        sr_doc *d;
        sr_status st = sr_reader_next(r, &d);
        if (st == SR_EOF)
            break;
        if (st) {
            if (!sr_reader_error(r)[0])
                abort(); /* every error is explained */
            continue;
        }
        if (sr_pipeline_run(p, d) == SR_OK)
            for (size_t i = 0; i < d->nmentions; i++)
                if (d->mentions[i].end > d->len || d->mentions[i].start >= d->mentions[i].end)
                    abort();
        sr_doc_free(d);
    }
    sr_reader_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int fd = memfd_create("fuzz", 0);
    if (fd < 0)
        return 0;
    if (write(fd, data, size) == (ssize_t)size) {
        char path[64];
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
        sr_pipeline *p = sr_pipeline_new(NULL);
        if (p) {
            read_all(path, 0, p);
            read_all(path, 1, p);
        }
        sr_pipeline_free(p);
    }
    close(fd);
    return 0;
}
