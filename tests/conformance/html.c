/* html.c: scores the web-page extractor (src/html/) on the field's evaluation sets in
 * ../shared/data/extraction, as each set's authors score them:
 *  - zyte-aeb (181 English articles): expected and extracted body split into
 *    lower-cased, whitespace-separated word 4-shingles, counted with repetition; per
 *    page precision = shared / extracted and recall = shared / expected (a text of
 *    fewer than 4 words is one shingle); precision and recall are averaged over pages
 *    and F1 is taken from the averages.
 *  - trafilatura-eval (990 pages, ~40% German): each "with" snippet found in the text
 *    is a true positive, missing a false negative; each "without" snippet found is a
 *    false positive; F1 over all snippets. White space is collapsed on both sides
 *    before searching, since paragraphs are separated by blank lines here. The same
 *    set's titles and authors are scored by equality after collapsing white space and
 *    folding ASCII case (an empty expected author is matched by no author).
 *  - htmldate-eval (1,000 pages in two files): the publication day must match exactly;
 *    a page with no expected date is right when none is found.
 * Every page is timed (decode, parse, text and metadata): the runner prints pages per
 * second, MB/s and the median, 99th percentile and slowest page.
 * SITREP_CONF_VERBOSE=1 prints each page's misses. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

#include "../../src/html/html.h"
#include "../conformance_util.h"

typedef struct {
    double *ms;
    size_t n, cap;
    double bytes;
} timing;

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* Reads a page, gzip'd or not ("name" then "name.gz"); exits 2 when missing. */
static char *read_page(const char *dir, const char *file, size_t *len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    gzFile g = gzopen(path, "rb");
    if (!g) {
        snprintf(path, sizeof path, "%s/%s.gz", dir, file);
        g = gzopen(path, "rb");
    }
    if (!g) {
        fprintf(stderr, "html: cannot open %s/%s\n", dir, file);
        exit(2);
    }
    size_t cap = 1 << 20, n = 0;
    char *b = malloc(cap);
    int k;
    while (b && (k = gzread(g, b + n, (unsigned)(cap - n))) > 0) {
        n += (size_t)k;
        if (n == cap)
            b = realloc(b, cap *= 2);
    }
    gzclose(g);
    if (!b)
        exit(2);
    *len = n;
    return b;
}

/* Extracts one page into *pg (strings in a), timing it into t. */
static void extract(const char *dir, const char *file, const char *url, sr_arena *a, sr_page *pg,
                    timing *t)
{
    size_t len;
    char *html = read_page(dir, file, &len);
    sr_html_origin o = {.url = url};
    char err[256];
    double t0 = now_ms();
    sr_status st = sr_html_page(html, len, &o, a, pg, err, sizeof err);
    double dt = now_ms() - t0;
    if (dt > 20 && conf_verbose())
        printf("  slow page %s: %zu bytes, %.1f ms\n", file, len, dt);
    if (st) {
        memset(pg, 0, sizeof *pg);
        if (conf_verbose())
            printf("  %s: %s\n", file, err);
    }
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 1024;
        t->ms = realloc(t->ms, t->cap * sizeof *t->ms);
    }
    t->ms[t->n++] = dt;
    t->bytes += (double)len;
    free(html);
}

/* Reads a set's ground truth. One file writes a missing date as NaN, which is not JSON:
 * it is read as null. */
static json_t *load(const char *set, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/data/extraction/%s/%s", conf_shared(), set, name);
    size_t len;
    char *raw = conf_slurp(path, &len), *fixed = malloc(len * 2 + 1), *w = fixed;
    for (const char *p = raw; *p; p++) {
        if (!strncmp(p, ": NaN", 5)) {
            memcpy(w, ": null", 6);
            w += 6;
            p += 4;
            continue;
        }
        *w++ = *p;
    }
    *w = 0;
    json_error_t e;
    json_t *j = json_loads(fixed, 0, &e);
    free(raw);
    free(fixed);
    if (!json_is_object(j)) {
        fprintf(stderr, "html: %s: %s\n", path, e.text);
        exit(2);
    }
    return j;
}

static char *set_dir(const char *set)
{
    static char dir[3][4096];
    static int k;
    k = (k + 1) % 3;
    snprintf(dir[k], sizeof dir[k], "%s/data/extraction/%s/html", conf_shared(), set);
    return dir[k];
}

/* ---- shingles ---- */

typedef struct {
    uint64_t *h;
    size_t n;
} shingles;

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Sorted hashes of the lower-cased word 4-shingles of s. */
static shingles shingle(const char *s)
{
    size_t cap = 64, nw = 0;
    uint64_t *w = malloc(cap * sizeof *w);
    for (const char *p = s; p && *p;) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v')
            p++;
        if (!*p)
            break;
        uint64_t h = 1469598103934665603ull;
        while (*p &&
               !(*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v')) {
            unsigned char c = (unsigned char)*p++;
            h = (h ^ (c >= 'A' && c <= 'Z' ? c + 32 : c)) * 1099511628211ull;
        }
        if (nw == cap)
            w = realloc(w, (cap *= 2) * sizeof *w);
        w[nw++] = h;
    }
    shingles r = {malloc((nw + 1) * sizeof(uint64_t)), 0};
    for (size_t i = 0; i + 4 <= nw || (i == 0 && nw && nw < 4); i++) {
        uint64_t h = 0;
        for (size_t k = i; k < i + 4 && k < nw; k++)
            h = (h ^ w[k]) * 0x9E3779B97F4A7C15ull + k - i;
        r.h[r.n++] = h;
    }
    free(w);
    qsort(r.h, r.n, sizeof *r.h, cmp_u64);
    return r;
}

/* Shingles the two multisets have in common. */
static size_t shared(shingles a, shingles b)
{
    size_t i = 0, j = 0, k = 0;
    while (i < a.n && j < b.n) {
        if (a.h[i] == b.h[j])
            k++, i++, j++;
        else if (a.h[i] < b.h[j])
            i++;
        else
            j++;
    }
    return k;
}

static bool zyte(timing *t)
{
    json_t *gt = load("zyte-aeb", "ground-truth.json");
    const char *id;
    json_t *v;
    double psum = 0, rsum = 0;
    size_t pages = 0;
    json_object_foreach(gt, id, v)
    {
        char file[512];
        snprintf(file, sizeof file, "%s.html.gz", id);
        sr_arena *a = sr_arena_new();
        sr_page pg;
        extract(set_dir("zyte-aeb"), file, json_string_value(json_object_get(v, "url")), a, &pg, t);
        shingles want = shingle(json_string_value(json_object_get(v, "articleBody")));
        shingles got = shingle(pg.text);
        size_t k = shared(want, got);
        double p = got.n ? (double)k / got.n : want.n ? 0 : 1;
        double r = want.n ? (double)k / want.n : 1;
        psum += p;
        rsum += r;
        pages++;
        if (conf_verbose() && (p < 0.9 || r < 0.9))
            printf("  zyte %s: precision %.2f recall %.2f\n", id, p, r);
        free(want.h);
        free(got.h);
        sr_arena_free(a);
    }
    json_decref(gt);
    double P = psum / pages, R = rsum / pages, F = P + R > 0 ? 2 * P * R / (P + R) : 0;
    char what[128];
    snprintf(what, sizeof what, "F1 over %zu pages (precision %.3f, recall %.3f)", pages, P, R);
    return conf_report_score("html-zyte-f1", 100 * F, what);
}

/* ---- snippets, titles, authors ---- */

/* s with white space runs collapsed to one space and trimmed; ASCII case folded when
 * fold. Caller frees. */
static char *squash(const char *s, bool fold)
{
    char *o = malloc(strlen(s ? s : "") + 1), *w = o;
    bool sp = false;
    for (const char *p = s ? s : ""; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c <= ' ' || (c == 0xC2 && (unsigned char)p[1] == 0xA0)) {
            sp = w > o;
            p += c == 0xC2;
            continue;
        }
        if (sp)
            *w++ = ' ';
        sp = false;
        *w++ = (char)(fold && c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    *w = 0;
    return o;
}

static bool same_text(const char *want, const char *got)
{
    char *a = squash(want, true), *b = squash(got, true);
    bool ok = !strcmp(a, b);
    free(a);
    free(b);
    return ok;
}

typedef struct {
    size_t tp, fn, fp, tn;
    size_t titles, titles_ok, authors, authors_ok;
} snip_score;

static void snippets(const char *file, json_t *list, const char *text, bool want, snip_score *s)
{
    size_t i;
    json_t *e;
    json_array_foreach(list, i, e)
    {
        char *sn = squash(json_string_value(e), false);
        bool found = *sn && strstr(text, sn);
        if (want)
            found ? s->tp++ : s->fn++;
        else
            found ? s->fp++ : s->tn++;
        if (conf_verbose() && found != want)
            printf("  trafilatura %s: %s \"%.70s\"\n", file, want ? "missing" : "kept", sn);
        free(sn);
    }
}

static void meta_fields(const char *file, json_t *v, const sr_page *pg, snip_score *s)
{
    json_t *t = json_object_get(v, "title"), *au = json_object_get(v, "author");
    if (json_is_string(t)) {
        s->titles++;
        bool ok = same_text(json_string_value(t), pg->title);
        s->titles_ok += ok;
        if (!ok && conf_verbose())
            printf("  title %s: want \"%s\" got \"%s\"\n", file, json_string_value(t),
                   pg->title ? pg->title : "");
    }
    if (json_is_string(au)) {
        s->authors++;
        bool ok = same_text(json_string_value(au), pg->author);
        s->authors_ok += ok;
        if (!ok && conf_verbose())
            printf("  author %s: want \"%s\" got \"%s\"\n", file, json_string_value(au),
                   pg->author ? pg->author : "");
    }
}

static bool trafilatura(timing *t)
{
    json_t *gt = load("trafilatura-eval", "evaldata.json");
    const char *url;
    json_t *v;
    snip_score s = {0};
    json_object_foreach(gt, url, v)
    {
        const char *file = json_string_value(json_object_get(v, "file"));
        sr_arena *a = sr_arena_new();
        sr_page pg;
        extract(set_dir("trafilatura-eval"), file, url, a, &pg, t);
        char *text = squash(pg.text, false);
        snippets(file, json_object_get(v, "with"), text, true, &s);
        snippets(file, json_object_get(v, "without"), text, false, &s);
        meta_fields(file, v, &pg, &s);
        free(text);
        sr_arena_free(a);
    }
    json_decref(gt);
    double P = s.tp + s.fp ? (double)s.tp / (s.tp + s.fp) : 0;
    double R = s.tp + s.fn ? (double)s.tp / (s.tp + s.fn) : 0;
    double F = P + R > 0 ? 2 * P * R / (P + R) : 0;
    char what[160];
    snprintf(what, sizeof what, "F1 (precision %.3f, recall %.3f; tp %zu fn %zu fp %zu tn %zu)", P,
             R, s.tp, s.fn, s.fp, s.tn);
    bool ok = conf_report_score("html-trafilatura-f1", 100 * F, what);
    ok &= conf_report("html-title", s.titles_ok, s.titles);
    ok &= conf_report("html-author", s.authors_ok, s.authors);
    return ok;
}

/* ---- dates ---- */

static void dates(const char *name, timing *t, size_t *right, size_t *total)
{
    json_t *gt = load("htmldate-eval", name);
    const char *url;
    json_t *v;
    json_object_foreach(gt, url, v)
    {
        const char *file = json_string_value(json_object_get(v, "file"));
        const char *want = json_string_value(json_object_get(v, "date"));
        sr_arena *a = sr_arena_new();
        sr_page pg;
        extract(set_dir("htmldate-eval"), file, url, a, &pg, t);
        char got[48] = "";
        if (pg.day.year)
            snprintf(got, sizeof got, "%04d-%02d-%02d", pg.day.year, pg.day.month, pg.day.day);
        bool ok = want && *want ? !strcmp(want, got) : !got[0];
        *right += ok;
        (*total)++;
        if (!ok && conf_verbose())
            printf("  date %s: want %s got %s\n", file, want ? want : "none",
                   got[0] ? got : "none");
        sr_arena_free(a);
    }
    json_decref(gt);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void print_timing(timing *t)
{
    qsort(t->ms, t->n, sizeof *t->ms, cmp_double);
    double sum = 0;
    for (size_t i = 0; i < t->n; i++)
        sum += t->ms[i];
    printf("html timing: %zu pages, %.1f MB in %.2f s: %.0f pages/s, %.1f MB/s; per page median "
           "%.2f ms, p99 %.2f ms, max %.2f ms\n",
           t->n, t->bytes / 1e6, sum / 1e3, t->n / (sum / 1e3), t->bytes / 1e6 / (sum / 1e3),
           t->ms[t->n / 2], t->ms[(size_t)(t->n * 0.99)], t->ms[t->n - 1]);
}

int main(int argc, char **argv)
{
    const char *only = argc > 1 ? argv[1] : "";
    timing t = {0};
    bool ok = true;
    size_t passed = 0, failed = 0;
    if (!*only || !strcmp(only, "zyte"))
        zyte(&t) ? passed++ : failed++;
    if (!*only || !strcmp(only, "trafilatura"))
        trafilatura(&t) ? passed++ : failed++;
    if (!*only || !strcmp(only, "dates")) {
        size_t right = 0, total = 0;
        dates("eval_default.json", &t, &right, &total);
        dates("eval_mediacloud_2020.json", &t, &right, &total);
        conf_report("html-date", right, total) ? passed++ : failed++;
    }
    print_timing(&t);
    free(t.ms);
    ok = failed == 0;
    printf("%zu passed, %zu failed\n", passed, failed);
    return ok ? 0 : 1;
}
