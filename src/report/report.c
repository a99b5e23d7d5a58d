/* report.c: sr_report_render and the layout both formats share: the output writer and
 * its escapers, the totals of the overview, and the index of cited sentences that
 * every timeline row and conflict links to (see report_int.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

#include "report_int.h"

/* ---- the writer ---------------------------------------------------------------------- */

void rp_rawn(rp_w *w, const char *s, size_t n)
{
    if (!w->st)
        w->st = sr_buf_add(w->b, s, n);
}

void rp_raw(rp_w *w, const char *s)
{
    rp_rawn(w, s, strlen(s));
}

/* Appends an integer, or a fixed-point number with prec decimals, without printf: a
 * chart has a dozen coordinates per mark, and printf's float conversion was most of the
 * cost of a large report. */
static void put_int(rp_w *w, unsigned long long u, int neg, int width)
{
    char t[32], *o = t + sizeof t;
    do
        *--o = (char)('0' + u % 10);
    while (u /= 10);
    while (t + sizeof t - o < width)
        *--o = '0';
    if (neg)
        *--o = '-';
    rp_rawn(w, o, (size_t)(t + sizeof t - o));
}

static void put_fixed(rp_w *w, double v, int prec)
{
    static const double scale[] = {1, 10, 100, 1000};
    if (!isfinite(v) || fabs(v) > 1e15 || prec > 3) {
        char t[64];
        snprintf(t, sizeof t, "%.*f", prec, isfinite(v) ? v : 0.0);
        rp_raw(w, t);
        return;
    }
    long long r = llround(fabs(v) * scale[prec]);
    put_int(w, (unsigned long long)r / (unsigned long long)scale[prec], v < 0 && r, 1);
    if (prec) {
        rp_raw(w, ".");
        put_int(w, (unsigned long long)r % (unsigned long long)scale[prec], 0, prec);
    }
}

/* One conversion of rp_printf at *f (after the '%'): returns the bytes it took. */
static size_t convert(rp_w *w, const char *f, va_list *ap)
{
    if (f[0] == '%')
        return rp_raw(w, "%"), 1;
    if (f[0] == 's')
        return rp_raw(w, va_arg(*ap, const char *)), 1;
    if (f[0] == 'd') {
        int v = va_arg(*ap, int);
        return put_int(w, v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v, v < 0, 1),
               1;
    }
    if (f[0] == 'u')
        return put_int(w, va_arg(*ap, unsigned), 0, 1), 1;
    if (f[0] == 'z' && f[1] == 'u')
        return put_int(w, va_arg(*ap, size_t), 0, 1), 2;
    if (!strncmp(f, "lld", 3)) {
        long long v = va_arg(*ap, long long);
        return put_int(w, v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v, v < 0, 1),
               3;
    }
    if (f[0] == '.' && f[1] >= '0' && f[1] <= '3' && f[2] == 'f')
        return put_fixed(w, va_arg(*ap, double), f[1] - '0'), 3;
    if (!strncmp(f, "02X", 3)) {
        char t[4];
        snprintf(t, sizeof t, "%02X", va_arg(*ap, unsigned) & 0xFF);
        return rp_raw(w, t), 3;
    }
    if (!w->st) /* a conversion the writers do not use: a bug, caught by the tests */
        w->st = SR_USAGE;
    return 0;
}

void rp_printf(rp_w *w, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    const char *run = fmt;
    for (const char *p = fmt; *p && !w->st;) {
        if (*p != '%') {
            p++;
            continue;
        }
        rp_rawn(w, run, (size_t)(p - run));
        size_t k = convert(w, p + 1, &ap);
        p += 1 + k;
        run = p;
    }
    rp_rawn(w, run, strlen(run));
    va_end(ap);
}

/* What each byte becomes in HTML and in Markdown: 0 itself, else an index into the
 * replacement strings below. Constant tables, so escaping is one lookup per byte. */
enum { E_SELF, E_SPACE, E_AMP, E_LT, E_GT, E_QUOT, E_APOS, E_MDMETA, E_NL };

#define CONTROLS                                                                                   \
    [1] = E_SPACE, [2] = E_SPACE, [3] = E_SPACE, [4] = E_SPACE, [5] = E_SPACE, [6] = E_SPACE,      \
    [7] = E_SPACE, [8] = E_SPACE, [11] = E_SPACE, [12] = E_SPACE, [14] = E_SPACE, [15] = E_SPACE,  \
    [16] = E_SPACE, [17] = E_SPACE, [18] = E_SPACE, [19] = E_SPACE, [20] = E_SPACE,                \
    [21] = E_SPACE, [22] = E_SPACE, [23] = E_SPACE, [24] = E_SPACE, [25] = E_SPACE,                \
    [26] = E_SPACE, [27] = E_SPACE, [28] = E_SPACE, [29] = E_SPACE, [30] = E_SPACE,                \
    [31] = E_SPACE, [127] = E_SPACE

static const unsigned char html_class[256] = {
    CONTROLS,       ['&'] = E_AMP,   ['<'] = E_LT,    ['>'] = E_GT,
    ['"'] = E_QUOT, ['\''] = E_APOS, ['\r'] = E_SPACE};

static const unsigned char md_class[256] = {
    CONTROLS,         ['&'] = E_AMP,     ['\t'] = E_SPACE, ['\n'] = E_NL,
    ['\r'] = E_NL,    ['\\'] = E_MDMETA, ['`'] = E_MDMETA, ['*'] = E_MDMETA,
    ['_'] = E_MDMETA, ['['] = E_MDMETA,  [']'] = E_MDMETA, ['<'] = E_MDMETA,
    ['>'] = E_MDMETA, ['|'] = E_MDMETA,  ['#'] = E_MDMETA, ['~'] = E_MDMETA};

void rp_html(rp_w *w, const char *s, size_t n)
{
    static const char *const rep[] = {"", " ", "&amp;", "&lt;", "&gt;", "&quot;", "&#39;"};
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char k = html_class[(unsigned char)s[i]];
        if (!k)
            continue;
        rp_rawn(w, s + run, i - run);
        rp_raw(w, rep[k]);
        run = i + 1;
    }
    rp_rawn(w, s + run, n - run);
}

void rp_htmls(rp_w *w, const char *s)
{
    if (s)
        rp_html(w, s, strlen(s));
}

/* Whether the bytes after a '&' would make it an entity ("amp;", "#39;"): only then
 * must it be escaped, so "a&b" stays readable in a terminal. */
static int entity_like(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && i < 32 &&
           (s[i] == '#' || (s[i] >= '0' && s[i] <= '9') ||
            ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z')))
        i++;
    return i > 0 && i < n && s[i] == ';';
}

void rp_md(rp_w *w, const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char k = md_class[(unsigned char)s[i]];
        if (!k || (k == E_AMP && !entity_like(s + i + 1, n - i - 1)))
            continue;
        rp_rawn(w, s + run, i - run);
        if (k == E_MDMETA || k == E_AMP) {
            char e[2] = {'\\', s[i]};
            rp_rawn(w, e, 2);
        } else if (k == E_NL) { /* a line break would end a table row: one space for
                                   the whole run of white space around it */
            while (i + 1 < n && (md_class[(unsigned char)s[i + 1]] == E_NL || s[i + 1] == ' ' ||
                                 s[i + 1] == '\t'))
                i++;
            rp_raw(w, " ");
        } else {
            rp_raw(w, " ");
        }
        run = i + 1;
    }
    rp_rawn(w, s + run, n - run);
}

void rp_mds(rp_w *w, const char *s)
{
    if (s)
        rp_md(w, s, strlen(s));
}

int rp_url_ok(const char *url)
{
    return url && ((!strncasecmp(url, "http://", 7) && url[7]) ||
                   (!strncasecmp(url, "https://", 8) && url[8]));
}

void rp_url(rp_w *w, const char *url, int html)
{
    static const char unsafe[] = " \"'<>()[]`\\|";
    const char *run = url;
    for (const char *p = url; *p && !w->st; p++) {
        unsigned char c = (unsigned char)*p;
        if (c > 0x20 && c != 0x7f && !strchr(unsafe, c))
            continue;
        html ? rp_html(w, run, (size_t)(p - run)) : rp_rawn(w, run, (size_t)(p - run));
        rp_printf(w, "%%%02X", c);
        run = p + 1;
    }
    html ? rp_htmls(w, run) : rp_raw(w, run);
}

/* ---- the index of cited sentences ---------------------------------------------------- */

/* Orders claims by (published, document, sentence): the sources section's order. */
static int cmp_sentence(const sr_stored_claim *a, const sr_stored_claim *b)
{
    int c = strcmp(a->published, b->published);
    if (c)
        return c;
    if (a->doc != b->doc)
        return a->doc < b->doc ? -1 : 1;
    return a->sentence < b->sentence ? -1 : a->sentence > b->sentence;
}

static int cmp_claim(const void *pa, const void *pb)
{
    const sr_stored_claim *a = *(const sr_stored_claim *const *)pa;
    const sr_stored_claim *b = *(const sr_stored_claim *const *)pb;
    int c = cmp_sentence(a, b);
    if (c)
        return c;
    if (a->text_start != b->text_start)
        return a->text_start < b->text_start ? -1 : 1;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return a->id < b->id ? -1 : a->id > b->id;
}

/* Collects the claims the report cites: every entry of the figures shown in full, and
 * both sides of every conflict. Returns the count; cl (the caller's) must hold
 * 2 * nentries pointers, which borrow the figures' claims. */
static size_t collect_cited(const rp_report *r, const sr_stored_claim **cl)
{
    size_t n = 0;
    for (size_t i = 0; i < r->fs->n; i++) {
        const sr_figure *f = &r->fs->f[i];
        for (size_t j = 0; j < f->n; j++) {
            const sr_figure_entry *e = &f->entries[j];
            if (i < r->nfull)
                cl[n++] = e->claim;
            else if ((e->labels & SR_FIG_CONFLICT) && e->ref >= 0 && (size_t)e->ref < f->n)
                cl[n++] = e->claim, cl[n++] = f->entries[e->ref].claim;
        }
    }
    return n;
}

/* Sorts and dedupes the cited claims and groups them into sentences and documents.
 * r->sent and r->docs are malloc'd into r (sr_report_render frees them, on failure too).
 * Returns SR_OK or SR_NOMEM. */
static sr_status group_cited(rp_report *r)
{
    qsort(r->cl, r->ncl, sizeof r->cl[0], cmp_claim);
    size_t k = 0;
    for (size_t i = 0; i < r->ncl; i++)
        if (!k || r->cl[i] != r->cl[k - 1])
            r->cl[k++] = r->cl[i];
    r->ncl = k;
    r->sent = malloc((k ? k : 1) * sizeof *r->sent);
    r->docs = malloc((k ? k : 1) * sizeof *r->docs);
    if (!r->sent || !r->docs)
        return SR_NOMEM;
    for (size_t i = 0; i < k; i++) {
        if (!i || cmp_sentence(r->cl[i - 1], r->cl[i])) {
            if (!i || r->cl[i - 1]->doc != r->cl[i]->doc)
                r->docs[r->ndocs_cited++] = (rp_doc){r->nsent, 0};
            r->sent[r->nsent++] = (rp_sent){i, 0};
            r->docs[r->ndocs_cited - 1].n++;
        }
        r->sent[r->nsent - 1].n++;
    }
    return SR_OK;
}

size_t rp_cite(const rp_report *r, const sr_stored_claim *c)
{
    size_t lo = 0, hi = r->nsent;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int k = cmp_sentence(r->cl[r->sent[mid].first], c);
        if (!k)
            return mid + 1;
        if (k < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

void rp_anchor(char *o, size_t cap, const sr_stored_claim *c)
{
    snprintf(o, cap, "d%lld-s%u", (long long)c->doc, (unsigned)c->sentence);
}

int rp_claim_span(const sr_stored_claim *c, size_t *s, size_t *e)
{
    size_t n = strlen(c->text);
    if (c->start < c->text_start || c->end <= c->start || c->end - c->text_start > n)
        return 0;
    *s = c->start - c->text_start;
    *e = c->end - c->text_start;
    return 1;
}

void rp_marked(rp_w *w, const sr_stored_claim *const *cl, size_t n,
               void (*esc)(rp_w *, const char *, size_t), const char *open, const char *close)
{
    const char *t = cl[0]->text;
    size_t pos = 0, len = strlen(t);
    for (size_t i = 0; i < n; i++) {
        size_t s, e;
        if (cl[i]->text_start != cl[0]->text_start || !rp_claim_span(cl[i], &s, &e) || s < pos)
            continue;
        esc(w, t + pos, s - pos);
        rp_raw(w, open);
        esc(w, t + s, e - s);
        rp_raw(w, close);
        pos = e;
    }
    esc(w, t + pos, len - pos);
}

int rp_conflict_shown(const sr_figure *f, size_t i)
{
    const sr_figure_entry *e = &f->entries[i];
    if (!(e->labels & SR_FIG_CONFLICT) || e->ref < 0 || (size_t)e->ref >= f->n ||
        (size_t)e->ref == i)
        return 0;
    /* a pair labelled from both sides is shown once, at its later entry */
    const sr_figure_entry *o = &f->entries[e->ref];
    return !((o->labels & SR_FIG_CONFLICT) && o->ref == (int32_t)i && (size_t)e->ref > i);
}

/* ---- totals ------------------------------------------------------------------------ */

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Distinct documents and independent sources over every entry, and the as-of span, by
 * sorting copies (freed here). Returns SR_OK or SR_NOMEM. */
static sr_status count_totals(rp_report *r)
{
    size_t n = r->nentries, k = 0;
    int64_t *docs = malloc((n ? n : 1) * sizeof *docs);
    const char **keys = malloc((n ? n : 1) * sizeof *keys);
    if (!docs || !keys) {
        free(docs), free(keys);
        return SR_NOMEM;
    }
    int32_t lo = INT32_MAX, hi = INT32_MIN;
    for (size_t i = 0; i < r->fs->n; i++) {
        const sr_figure *f = &r->fs->f[i];
        r->nconflicts += f->conflicts;
        for (size_t j = 0; j < f->n; j++, k++) {
            int32_t b, e;
            docs[k] = f->entries[j].claim->doc;
            keys[k] = f->entries[j].source_key ? f->entries[j].source_key : "";
            if (rp_entry_days(&f->entries[j], &b, &e))
                lo = b < lo ? b : lo, hi = e > hi ? e : hi;
        }
    }
    qsort(docs, n, sizeof *docs, cmp_i64);
    qsort(keys, n, sizeof *keys, cmp_str);
    for (size_t i = 0; i < n; i++) {
        r->ndocs += !i || docs[i] != docs[i - 1];
        r->nsources += !i || strcmp(keys[i], keys[i - 1]);
    }
    if (lo <= hi)
        r->first = sr_days_to_ymd(lo), r->last = sr_days_to_ymd(hi);
    free(docs), free(keys);
    return SR_OK;
}

void rp_overview(char *o, size_t cap, const rp_report *r)
{
    char fig[48], doc[48], src[48], con[64], d0[32], d1[32], span[96] = "";
    rp_fmt_count(fig, sizeof fig, r->fs->n, "figure", "figures");
    rp_fmt_count(doc, sizeof doc, r->ndocs, "document", "documents");
    rp_fmt_count(src, sizeof src, r->nsources, "independent source", "independent sources");
    rp_fmt_count(con, sizeof con, r->nconflicts, "entry conflicts", "entries conflict");
    if (r->first.year) {
        rp_fmt_day(d0, sizeof d0, r->first);
        rp_fmt_day(d1, sizeof d1, r->last);
        snprintf(span, sizeof span, " The figures are as of %s to %s.", d0, d1);
    }
    if (!r->fs->n)
        snprintf(o, cap, "No figures were found in the stored reports.");
    else
        snprintf(o, cap, "%s reported in %s by %s; %s with another report of the same time.%s", fig,
                 doc, src, r->nconflicts ? con : "no entry conflicts", span);
}

/* ---- entry point --------------------------------------------------------------------- */

/* Fills r (zeroed by the caller) for fs and opt: totals and the cited-sentence index.
 * The arrays it allocates belong to r, also when it fails (SR_NOMEM); r borrows fs. */
static sr_status build(rp_report *r, const sr_figures *fs, const sr_report_options *opt)
{
    static const sr_figures none = {NULL, 0, NULL};
    r->fs = fs ? fs : &none;
    r->title = opt && opt->title && *opt->title ? opt->title : "Situation report";
    r->about = opt && opt->about && *opt->about ? opt->about : NULL;
    size_t max = opt && opt->max_figures ? opt->max_figures : 20;
    r->nfull = r->fs->n < max ? r->fs->n : max;
    for (size_t i = 0; i < r->fs->n; i++)
        r->nentries += r->fs->f[i].n;
    sr_status st = count_totals(r);
    if (st)
        return st;
    r->cl = malloc((2 * r->nentries + 1) * sizeof *r->cl);
    if (!r->cl)
        return SR_NOMEM;
    r->ncl = collect_cited(r, r->cl);
    return group_cited(r);
}

/* Appends the report to out (the caller's, freed with sr_buf_free); fs and opt are only
 * read, and fs may be NULL (an empty report). On failure (SR_NOMEM, or SR_USAGE for an
 * unknown format) out holds what it held before. Everything allocated here is freed
 * here. */
sr_status sr_report_render(sr_buf *out, const sr_figures *fs, sr_report_format fmt,
                           const sr_report_options *opt)
{
    if (!out || (fmt != SR_REPORT_MD && fmt != SR_REPORT_HTML))
        return SR_USAGE;
    rp_report r;
    memset(&r, 0, sizeof r);
    sr_status st = build(&r, fs, opt);
    size_t n0 = out->n;
    if (!st)
        st = fmt == SR_REPORT_MD ? rp_render_md(out, &r) : rp_render_html(out, &r);
    if (st && out->p) { /* leave the buffer as it was */
        out->n = n0;
        out->p[n0] = 0;
    }
    free(r.cl), free(r.sent), free(r.docs);
    return st;
}

void rp_sentence(rp_w *w, const rp_report *r, const rp_sent *s,
                 void (*esc)(rp_w *, const char *, size_t), const char *open, const char *close)
{
    for (size_t i = s->first; i < s->first + s->n; i++) {
        if (i > s->first && r->cl[i]->text_start == r->cl[i - 1]->text_start)
            continue;
        size_t m = 1;
        while (i + m < s->first + s->n && r->cl[i + m]->text_start == r->cl[i]->text_start)
            m++;
        rp_raw(w, i > s->first ? " … " : "");
        rp_marked(w, r->cl + i, m, esc, open, close);
    }
}
