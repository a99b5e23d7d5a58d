/* main.c: the unit-test runner. Usage: run [FILTER]. */
#include <stdarg.h>
#include <stdlib.h>
#include <unistd.h>

#include "harness.h"
#include "sitrep.h"

typedef struct {
    const char *name;
    sr_test_fn fn;
} test_entry;

static test_entry tests[1024];
static size_t ntests;
static int current_failed;

void sr_test_register(const char *name, sr_test_fn fn)
{
    if (ntests < sizeof tests / sizeof tests[0])
        tests[ntests++] = (test_entry){name, fn};
}

void sr_test_fail(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "  FAIL %s:%d: ", file, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    current_failed = 1;
}

sr_lexicon *sr_test_lexicon(void)
{
    static sr_lexicon *lx;
    if (!lx) {
        lx = sr_lexicon_new();
        if (lx && sr_lexicon_load_defaults(lx) != SR_OK) {
            sr_lexicon_free(lx);
            lx = NULL;
        }
    }
    return lx;
}

const char *sr_test_shared(void)
{
    const char *s = getenv("SITREP_SHARED");
    if (!s)
        s = "../shared";
    if (access(s, R_OK) != 0) {
        fprintf(stderr, "tests need the shared material at %s (set SITREP_SHARED)\n", s);
        exit(2);
    }
    return s;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(((const test_entry *)a)->name, ((const test_entry *)b)->name);
}

int main(int argc, char **argv)
{
    const char *filter = argc > 1 ? argv[1] : NULL;
    int passed = 0, failed = 0;
    qsort(tests, ntests, sizeof tests[0], by_name);
    for (size_t i = 0; i < ntests; i++) {
        if (filter && !strstr(tests[i].name, filter))
            continue;
        current_failed = 0;
        tests[i].fn();
        if (current_failed) {
            fprintf(stderr, "FAIL %s\n", tests[i].name);
            failed++;
        } else {
            passed++;
        }
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
