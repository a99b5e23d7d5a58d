/* conformance_util.c: see conformance_util.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conformance_util.h"

const char *conf_shared(void)
{
    const char *s = getenv("SITREP_SHARED");
    return s ? s : "../shared";
}

char *conf_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "conformance: cannot open %s: %s\n", path, strerror(errno));
        exit(2);
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t k;
    while (buf && (k = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += k;
        if (cap - n < 2) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (!buf) {
        fprintf(stderr, "conformance: out of memory reading %s\n", path);
        exit(2);
    }
    buf[n] = 0;
    if (len)
        *len = n;
    return buf;
}

json_t *conf_json_array(const char *path)
{
    size_t len;
    char *buf = conf_slurp(path, &len);
    size_t skip = len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3) ? 3 : 0;
    json_error_t err;
    json_t *j = json_loadb(buf + skip, len - skip, 0, &err);
    free(buf);
    if (!j || !json_is_array(j)) {
        fprintf(stderr, "conformance: %s: %s\n", path, j ? "not an array" : err.text);
        exit(2);
    }
    return j;
}

sr_doc *conf_analyse(sr_pipeline *p, const char *text, size_t len, const sr_ymd *published)
{
    sr_doc *d = sr_doc_new("case", text, len, published);
    if (!d || sr_pipeline_run(p, d) != SR_OK) {
        fprintf(stderr, "conformance: pipeline failed\n");
        exit(2);
    }
    return d;
}

static double floor_for(const char *suite)
{
    const char *path = getenv("SITREP_FLOORS") ? getenv("SITREP_FLOORS")
                                               : "tests/conformance/floors.txt";
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char line[256], name[128];
    double rate, found = -1;
    while (fgets(line, sizeof line, f))
        if (line[0] != '#' && sscanf(line, "%127s %lf", name, &rate) == 2 && !strcmp(name, suite))
            found = rate;
    fclose(f);
    return found;
}

bool conf_report(const char *suite, size_t passed, size_t total)
{
    double rate = total ? 100.0 * (double)passed / (double)total : 0;
    double fl = floor_for(suite);
    bool ok = fl >= 0 && rate + 1e-9 >= fl && total > 0;
    printf("conformance %s: %zu/%zu = %.1f%% (floor %.1f%%)%s\n", suite, passed, total, rate,
           fl < 0 ? 0.0 : fl, ok ? "" : fl < 0 ? " NO FLOOR RECORDED" : " BELOW FLOOR");
    return ok;
}

bool conf_report_score(const char *suite, double percent, const char *what)
{
    double fl = floor_for(suite);
    bool ok = fl >= 0 && percent + 1e-9 >= fl;
    printf("conformance %s: %s = %.1f%% (floor %.1f%%)%s\n", suite, what, percent,
           fl < 0 ? 0.0 : fl, ok ? "" : fl < 0 ? " NO FLOOR RECORDED" : " BELOW FLOOR");
    return ok;
}

bool conf_verbose(void)
{
    const char *v = getenv("SITREP_CONF_VERBOSE");
    return v && *v && *v != '0';
}
