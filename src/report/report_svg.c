/* report_svg.c: a figure's timeline as an inline SVG chart, drawn by hand (no library,
 * no script). x is the as-of date on a time axis whose ticks are days, weeks, months or
 * years as the span needs; y is the value, linear, or logarithmic when the values span
 * more than two decades. Each entry is one mark (<g class="mark">) with a tooltip: its
 * source picks colour and shape (the most frequent sources first; past SVG_STYLES they
 * share grey), its hedge the bounds drawn (a range a bar, "at least" an arrow up, "up
 * to" an arrow down, "about" a whisker), a projection or hypothetical is hollow and
 * dashed, a conflict ringed in red. The size is fixed; at most SVG_MAX_MARKS marks are
 * drawn, evenly sampled, and the caption says so. Every coordinate printed is finite:
 * the scales never divide by a zero span. */
#include <stdio.h>
#include <stdlib.h>

#include "report_int.h"

/* A chart's fixed size (SVG_W x SVG_H), the margins around its plot (left, right, top,
 * bottom), the marks drawn at most (more are unreadable anyway), and the styles of
 * sources (8 colours x 4 shapes; further sources share grey). */
enum {
    SVG_W = 640,
    SVG_H = 260,
    ML = 66,
    MR = 18,
    MT = 16,
    MB = 44,
    PW = SVG_W - ML - MR,
    PH = SVG_H - MT - MB,
    SVG_MAX_MARKS = 500,
    SVG_STYLES = 32,
    MAX_TICKS = 16,
};

static const char *const palette[8] = {"#0072b2", "#d55e00", "#009e73", "#cc79a7",
                                       "#e69f00", "#56b4e9", "#8c564b", "#332288"};
#define OTHER_COLOR "#8a8f96"

enum { MK_DOT, MK_BAR, MK_WHISKER, MK_UP, MK_DOWN };

typedef struct {
    double d0, d1; /* days shown */
    double v0, v1; /* values shown (their log10 on a log scale) */
    int log;
} scale;

typedef struct {
    const sr_figure *f;
    rp_unit u;
    int *style; /* per entry: its source's style, SVG_STYLES for the rest */
    size_t rep[SVG_STYLES + 1], count[SVG_STYLES + 1]; /* per style: an entry, entries */
    size_t nstyles;                                    /* styles in use, "other" included */
    size_t *drawn, ndrawn;                             /* entries drawn, in timeline order */
    size_t ndated;                                     /* entries that could be drawn */
    scale s;
} chart;

typedef struct {
    const char *key;
    size_t i;
} keyed;

typedef struct {
    size_t first, n;
} group;

static int cmp_keyed(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->i > y->i) - (x->i < y->i);
}

static int cmp_group(const void *a, const void *b)
{
    const group *x = a, *y = b;
    if (x->n != y->n)
        return x->n < y->n ? 1 : -1;
    return (x->first > y->first) - (x->first < y->first);
}

/* Gives each entry its source's style: sources ranked by number of entries, then by
 * first entry. k and g are scratch of f->n elements; k ends up mapping a source's
 * group number (in key order) to its style. */
static void source_styles(chart *c, keyed *k, group *g)
{
    const sr_figure *f = c->f;
    size_t ng = 0;
    for (size_t i = 0; i < f->n; i++)
        k[i] = (keyed){f->entries[i].source_key ? f->entries[i].source_key : "", i};
    qsort(k, f->n, sizeof *k, cmp_keyed);
    for (size_t i = 0; i < f->n; i++) {
        if (!i || strcmp(k[i].key, k[i - 1].key))
            g[ng++] = (group){k[i].i, 0};
        g[ng - 1].n++;
        c->style[k[i].i] = (int)(ng - 1); /* the group for now; its style below */
    }
    qsort(g, ng, sizeof *g, cmp_group);
    for (size_t r = 0; r < ng; r++) { /* groups now ranked: renumber each entry's */
        size_t s = r < SVG_STYLES ? r : SVG_STYLES;
        k[c->style[g[r].first]].i = s; /* reuse k as group -> style map */
        if (c->count[s]++ == 0)
            c->rep[s] = g[r].first;
    }
    c->count[SVG_STYLES] = 0;
    for (size_t r = SVG_STYLES; r < ng; r++)
        c->count[SVG_STYLES] += g[r].n;
    for (size_t i = 0; i < f->n; i++)
        c->style[i] = (int)k[c->style[i]].i;
    c->nstyles = ng <= SVG_STYLES ? ng : SVG_STYLES + 1;
}

/* The mark an entry gets: its y (NAN: the middle of its bar) and the bar's bounds. */
static int mark_kind(const sr_figure_entry *e, double *y, double *lo, double *hi)
{
    const sr_stored_claim *c = e->claim;
    double l, h;
    sr_claim_bounds(c, &l, &h);
    *y = c->value;
    *lo = *hi = NAN;
    int bounded = isfinite(l) && isfinite(h) && l < h;
    if (c->vague) /* "thousands of": at least the order of magnitude */
        return MK_UP;
    switch (c->hedge) {
    case SR_HEDGE_AT_LEAST:
    case SR_HEDGE_MORE_THAN: return MK_UP;
    case SR_HEDGE_AT_MOST:
    case SR_HEDGE_LESS_THAN: return MK_DOWN;
    default: break;
    }
    if (bounded)
        *lo = l, *hi = h;
    if (c->hedge == SR_HEDGE_RANGE && bounded)
        *y = NAN;
    if (c->hedge == SR_HEDGE_ABOUT)
        return MK_WHISKER;
    return bounded ? MK_BAR : MK_DOT;
}

/* Picks the entries to draw: dated, with a finite value; evenly sampled past the cap. */
static void pick_drawn(chart *c)
{
    size_t n = 0;
    for (size_t i = 0; i < c->f->n; i++) {
        int32_t b, e;
        double y, lo, hi;
        mark_kind(&c->f->entries[i], &y, &lo, &hi);
        if (rp_entry_days(&c->f->entries[i], &b, &e) && (isfinite(y) || isfinite(lo)))
            c->drawn[n++] = i;
    }
    c->ndated = n;
    if (n > SVG_MAX_MARKS) {
        for (size_t k = 0; k < SVG_MAX_MARKS; k++)
            c->drawn[k] = c->drawn[k * n / SVG_MAX_MARKS];
        n = SVG_MAX_MARKS;
    }
    c->ndrawn = n;
}

static double nice_step(double raw)
{
    double p = pow(10, floor(log10(raw))), m = raw / p;
    return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10) * p;
}

static void y_domain(scale *s, double mn, double mx)
{
    if (mn > 0 && mx / mn > 100) { /* more than two decades: log */
        s->log = 1;                /* whole decades, and no mark on the plot's edge */
        s->v0 = floor(log10(mn) - 0.1);
        s->v1 = ceil(log10(mx) + 0.1);
        if (s->v1 <= s->v0)
            s->v1 = s->v0 + 1;
        return;
    }
    if (mn >= 0 && mn < 0.4 * mx)
        mn = 0; /* counts read best from zero unless that squashes them */
    else if (mx > mn)
        mn -= (mx - mn) * 0.04; /* no mark on the plot's edge */
    if (mx > mn)
        mx += (mx - mn) * 0.04;
    if (mx == mn) {
        if (mx > 0)
            mn = 0, mx *= 1.25;
        else if (mx < 0)
            mx = 0, mn *= 1.25;
        else
            mx = 1;
    }
    double step = nice_step((mx - mn) / 5);
    s->v0 = floor(mn / step) * step;
    s->v1 = ceil(mx / step) * step;
    if (!(s->v1 > s->v0)) /* a span below the values' precision */
        s->v0 = mn - fabs(mn) * 0.1 - 1, s->v1 = mx + fabs(mx) * 0.1 + 1;
}

static void fit_scales(chart *c)
{
    double mn = INFINITY, mx = -INFINITY;
    int32_t d0 = INT32_MAX, d1 = INT32_MIN;
    for (size_t k = 0; k < c->ndrawn; k++) {
        const sr_figure_entry *e = &c->f->entries[c->drawn[k]];
        double v[3];
        int32_t b, end;
        if (mark_kind(e, &v[0], &v[1], &v[2]) == MK_UP && isfinite(v[0]))
            v[1] = v[0] * (v[0] > 0 ? 1.15 : 0.85); /* room for the arrow above it */
        rp_entry_days(e, &b, &end);
        d0 = b < d0 ? b : d0, d1 = end > d1 ? end : d1;
        for (int i = 0; i < 3; i++)
            if (isfinite(v[i])) {
                double x = fmax(-1e300, fmin(1e300, v[i])); /* room to pad without overflow */
                mn = x < mn ? x : mn, mx = x > mx ? x : mx;
            }
    }
    double span = (double)d1 - d0, pad = span * 0.05;
    if (span < 7)
        pad = (7 - span) / 2;
    c->s.d0 = d0 - pad;
    c->s.d1 = d1 + pad;
    y_domain(&c->s, mn, mx);
}

static double px(const scale *s, double day)
{
    double x = ML + (day - s->d0) / (s->d1 - s->d0) * PW;
    return isfinite(x) ? (x < 0 ? 0 : x > SVG_W ? SVG_W : x) : ML;
}

/* y of a value, clamped to the plot: bounds beyond it (0 on a log scale) reach the edge. */
static double py(const scale *s, double v)
{
    double t = s->log ? (v > 0 ? log10(v) : s->v0 - 1) : v;
    double y = MT + PH - (t - s->v0) / (s->v1 - s->v0) * PH;
    if (!isfinite(y))
        return v > 0 ? MT : MT + PH;
    return y < MT ? MT : y > MT + PH ? MT + PH : y;
}

/* ---- axes ---------------------------------------------------------------------------- */

static const char *const month_abbr[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

typedef struct {
    char unit; /* d(ay), m(onth), y(ear) */
    int n;
    double days; /* about how long */
} tstep;

static const tstep tsteps[] = {
    {'d', 1, 1},     {'d', 2, 2},      {'d', 7, 7},       {'d', 14, 14},
    {'m', 1, 30.4},  {'m', 2, 60.9},   {'m', 3, 91.3},    {'m', 6, 182.6},
    {'y', 1, 365.2}, {'y', 2, 730.5},  {'y', 5, 1826},    {'y', 10, 3652},
    {'y', 20, 7305}, {'y', 50, 18262}, {'y', 100, 36525}, {'y', 1000, 365250}};

/* The ticks of step st in days a..b, stepping from tick to tick (a hostile date far in
 * the past costs nothing). Weeks start on Mondays: 1970-01-01 was a Thursday. */
static size_t gen_ticks(int32_t a, int32_t b, const tstep *st, int32_t *t)
{
    size_t n = 0;
    if (st->unit == 'd') {
        int32_t off = st->n >= 7 ? 3 : 0;
        for (int32_t d = a + ((-(a + off)) % st->n + st->n) % st->n; d <= b && n < MAX_TICKS;
             d += st->n)
            t[n++] = d;
        return n;
    }
    sr_ymd y = sr_days_to_ymd(a);
    int month = st->unit == 'm' ? y.month : 1, year = y.year;
    if (st->unit == 'y')
        year += ((-year) % st->n + st->n) % st->n;
    while (n < MAX_TICKS) {
        int32_t d = sr_ymd_to_days((sr_ymd){(int16_t)year, (int8_t)month, 1});
        if (d > b)
            break;
        if (d >= a && (st->unit == 'y' || (month - 1) % st->n == 0))
            t[n++] = d;
        if (st->unit == 'y')
            year += st->n;
        else if (++month > 12)
            month = 1, year++;
    }
    return n;
}

static void tick_label(char *o, size_t cap, int32_t day, const tstep *st, int first)
{
    sr_ymd d = sr_days_to_ymd(day);
    const char *m = month_abbr[(d.month + 11) % 12];
    if (st->unit == 'y')
        snprintf(o, cap, "%d", d.year);
    else if (st->unit == 'm')
        snprintf(o, cap, first || d.month == 1 ? "%s %d" : "%s", m, d.year);
    else if (first || (d.month == 1 && d.day <= st->n))
        snprintf(o, cap, "%d %s %d", d.day, m, d.year);
    else
        snprintf(o, cap, "%d %s", d.day, m);
}

/* The ticks of the time axis: the finest step that gives at most 7. *st is the step. */
static size_t time_ticks(const scale *s, int32_t *t, const tstep **st)
{
    int32_t a = (int32_t)ceil(s->d0), b = (int32_t)floor(s->d1);
    for (size_t k = 0; k < sizeof tsteps / sizeof tsteps[0]; k++) {
        if ((b - a) / tsteps[k].days > 8)
            continue;
        size_t n = gen_ticks(a, b, &tsteps[k], t);
        if (n <= 7) {
            *st = &tsteps[k];
            return n;
        }
    }
    return 0;
}

static void x_axis(rp_w *w, const scale *s)
{
    int32_t t[MAX_TICKS];
    const tstep *st = NULL;
    size_t n = time_ticks(s, t, &st);
    for (size_t i = 0; i < n; i++) {
        char lab[32];
        double x = px(s, t[i]);
        tick_label(lab, sizeof lab, t[i], st, i == 0);
        rp_printf(w,
                  "<line class=\"grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
                  "<line class=\"axis\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
                  "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
                  x, MT, x, MT + PH, x, MT + PH, x, MT + PH + 4, x, MT + PH + 16, lab);
    }
    rp_printf(w, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">as-of date</text>\n", ML + PW / 2,
              SVG_H - 6);
}

static void y_tick(rp_w *w, const chart *c, double v, double ref, double y)
{
    char lab[80];
    rp_fmt_compact(lab, sizeof lab, v, ref, &c->u);
    rp_printf(w,
              "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
              "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">",
              ML, y, ML + PW, y, ML - 6, y + 4);
    rp_htmls(w, lab);
    rp_raw(w, "</text>\n");
}

static void y_axis(rp_w *w, const chart *c)
{
    const scale *s = &c->s;
    if (s->log) {
        int k = (int)ceil((s->v1 - s->v0) / 8); /* a label every 25 px at most */
        for (double e = s->v0; e <= s->v1; e += k)
            y_tick(w, c, pow(10, e), pow(10, e), py(s, pow(10, e)));
    } else {
        /* counted, not accumulated: at 1e17 adding a step of 5 changes nothing */
        double step = nice_step((s->v1 - s->v0) / 5);
        int nt = (int)fmin(round((s->v1 - s->v0) / step), 12);
        for (int i = 0; i <= nt; i++) {
            double v = s->v0 + i * step;
            y_tick(w, c, fabs(v) < step / 1e6 ? 0 : v, fmax(fabs(s->v0), fabs(s->v1)), py(s, v));
        }
    }
    const char *name = c->u.kind == SR_UNIT_PERCENT ? "percent"
                       : c->u.kind == SR_UNIT_COUNT ? "reported number"
                                                    : c->u.code;
    rp_printf(w, "<text transform=\"translate(14 %d) rotate(-90)\" text-anchor=\"middle\">",
              MT + PH / 2);
    rp_htmls(w, name);
    rp_raw(w, s->log ? " (log scale)</text>\n" : "</text>\n");
    rp_printf(w,
              "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
              "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n",
              ML, MT, ML, MT + PH, ML, MT + PH, ML + PW, MT + PH);
}

/* ---- marks --------------------------------------------------------------------------- */

static const char *style_color(int style)
{
    return style < SVG_STYLES ? palette[style % 8] : OTHER_COLOR;
}

static int style_shape(int style)
{
    return style < SVG_STYLES ? (style + style / 8) % 4 : 0;
}

/* The source's symbol at (x, y): circle, square, triangle or diamond. */
static void glyph(rp_w *w, int style, double x, double y, int hollow)
{
    const char *col = style_color(style), *fill = hollow ? "#fff" : col;
    const char *dash = hollow ? " stroke-dasharray=\"2 1.5\"" : "";
    switch (style_shape(style)) {
    case 0: rp_printf(w, "<circle class=\"sym\" cx=\"%.1f\" cy=\"%.1f\" r=\"4.5\"", x, y); break;
    case 1:
        rp_printf(w, "<rect class=\"sym\" x=\"%.1f\" y=\"%.1f\" width=\"8\" height=\"8\"", x - 4,
                  y - 4);
        break;
    case 2: rp_printf(w, "<path class=\"sym\" d=\"M%.1f %.1fl5 8.6h-10z\"", x, y - 5.6); break;
    default:
        rp_printf(w, "<path class=\"sym\" d=\"M%.1f %.1fl5.5 5.5l-5.5 5.5l-5.5 -5.5z\"", x,
                  y - 5.5);
        break;
    }
    rp_printf(w, " fill=\"%s\" stroke=\"%s\" stroke-width=\"1.3\"%s/>", fill, col, dash);
}

/* The tooltip: number, date, value as written and read, who, outlet, labels. */
static void mark_title(rp_w *w, const chart *c, size_t i)
{
    const sr_figure_entry *e = &c->f->entries[i];
    const sr_stored_claim *cl = e->claim;
    char when[64], val[200];
    rp_fmt_period(when, sizeof when, cl->as_of_begin, cl->as_of_end);
    rp_fmt_entry(val, sizeof val, e, &c->u);
    rp_printf(w, "<title>#%zu · ", i + 1);
    rp_htmls(w, when);
    rp_raw(w, " · ");
    rp_htmls(w, val);
    rp_raw(w, " (“");
    rp_htmls(w, cl->quantity);
    rp_raw(w, "”) · ");
    rp_htmls(w, cl->source_kind == SR_SOURCE_NAMED     ? cl->source
                : cl->source_kind == SR_SOURCE_UNNAMED ? "unnamed source"
                                                       : "(unattributed)");
    if (*cl->via) {
        rp_raw(w, " via ");
        rp_htmls(w, cl->via);
    }
    rp_raw(w, " · ");
    rp_htmls(w, cl->outlet);
    for (uint32_t bit = 1; bit <= SR_FIG_COPY; bit <<= 1)
        if (e->labels & bit)
            rp_printf(w, " · %s", sr_figure_label_name(bit));
    rp_raw(w, "</title>");
}

/* The bounds an entry's hedge allows, drawn at x from y in the source's colour. */
static void bounds(rp_w *w, const scale *s, int kind, double x, double y, double lo, double hi,
                   const char *col, int hollow)
{
    double a = isfinite(lo) ? py(s, lo) : y + 5, b = isfinite(hi) ? py(s, hi) : y - 5;
    double top = y - MT - 2 < 12 ? y - 12 : MT + 2,
           bot = MT + PH - 2 - y < 12 ? y + 12 : MT + PH - 2;
    if (kind == MK_DOT)
        return;
    rp_printf(w, "<path fill=\"none\" stroke-width=\"1.6\"%s",
              hollow ? " stroke-dasharray=\"3 2\"" : "");
    switch (kind) {
    case MK_BAR:
        rp_printf(w,
                  " class=\"bar\" d=\"M%.1f %.1fh8M%.1f %.1fV%.1fM%.1f %.1fh8\" stroke=\"%s\""
                  "/>",
                  x - 4, a, x, a, b, x - 4, b, col);
        break;
    case MK_WHISKER:
        rp_printf(w,
                  " class=\"whisker\" d=\"M%.1f %.1fh6M%.1f %.1fV%.1fM%.1f %.1fh6\" "
                  "stroke=\"%s\" stroke-opacity=\"0.7\"/>",
                  x - 3, a, x, a, b, x - 3, b, col);
        break;
    case MK_UP:
        rp_printf(w, " class=\"up\" d=\"M%.1f %.1fV%.1fM%.1f %.1fl4 -6l4 6\" stroke=\"%s\"/>", x, y,
                  top, x - 4, top + 6, col);
        break;
    case MK_DOWN:
        rp_printf(w, " class=\"down\" d=\"M%.1f %.1fV%.1fM%.1f %.1fl4 6l4 -6\" stroke=\"%s\"/>", x,
                  y, bot, x - 4, bot - 6, col);
        break;
    default: break;
    }
}

static void mark(rp_w *w, const chart *c, size_t i)
{
    const sr_figure_entry *e = &c->f->entries[i];
    double y, lo, hi;
    int32_t b, end;
    int kind = mark_kind(e, &y, &lo, &hi), st = c->style[i];
    rp_entry_days(e, &b, &end);
    double x = px(&c->s, (b + (double)end) / 2);
    double yp = isfinite(y) ? py(&c->s, y) : (py(&c->s, lo) + py(&c->s, hi)) / 2;
    int hollow = (e->labels & (SR_FIG_PROJECTION | SR_FIG_HYPOTHETICAL)) ||
                 e->claim->modality != SR_MODALITY_REPORTED;
    int conflict = (e->labels & SR_FIG_CONFLICT) != 0;
    rp_printf(w, "<g class=\"mark%s%s\">", hollow ? " hollow" : "", conflict ? " conflicting" : "");
    mark_title(w, c, i);
    if (end > b)
        rp_printf(w,
                  "<line class=\"span\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                  "stroke=\"%s\" stroke-opacity=\"0.45\"/>",
                  px(&c->s, b), yp, px(&c->s, end), yp, style_color(st));
    bounds(w, &c->s, kind, x, yp, lo, hi, style_color(st), hollow);
    if (conflict)
        rp_printf(w,
                  "<circle class=\"ring\" cx=\"%.1f\" cy=\"%.1f\" r=\"8.5\" fill=\"none\" "
                  "stroke=\"#d00\" stroke-width=\"1.8\"/>",
                  x, yp);
    glyph(w, st, x, yp, hollow);
    rp_raw(w, "</g>\n");
}

/* ---- legend and the whole chart ----------------------------------------------------- */

static void legend(rp_w *w, const chart *c)
{
    rp_raw(w, "<figcaption><div class=\"legend\">");
    for (size_t s = 0; s < c->nstyles; s++) {
        const sr_stored_claim *cl = c->f->entries[c->rep[s]].claim;
        const char *key = c->f->entries[c->rep[s]].source_key;
        rp_raw(w, "<span class=\"key\"><svg width=\"14\" height=\"14\" viewBox=\"-7 -7 14 14\" "
                  "aria-hidden=\"true\">");
        glyph(w, (int)s, 0, 0, 0);
        rp_raw(w, "</svg>");
        if (s == SVG_STYLES)
            rp_raw(w, "other sources");
        else
            rp_htmls(w, cl->source_kind == SR_SOURCE_NAMED     ? cl->source
                        : cl->source_kind == SR_SOURCE_UNNAMED ? "unnamed source"
                                                               : cl->outlet);
        if (s < SVG_STYLES && key && *key) {
            rp_raw(w, " <span class=\"codes\">");
            rp_htmls(w, key);
            rp_raw(w, "</span>");
        }
        rp_printf(w, " ×%zu</span>", c->count[s]);
    }
    rp_raw(w, "</div><div>Bar: range · whisker: about · arrow up: at least · arrow down: up to · "
              "hollow: projection or hypothetical · red ring: conflict.");
}

static void notes(rp_w *w, const chart *c)
{
    char a[48], b[48];
    if (c->s.log)
        rp_raw(w, " Values span more than two decades: log scale.");
    if (c->ndrawn < c->ndated) {
        rp_fmt_count(a, sizeof a, c->ndrawn, "entry", "entries");
        rp_fmt_num(b, sizeof b, (double)c->ndated);
        rp_printf(w, " Showing %s of %s, evenly spaced; the table lists all.", a, b);
    }
    if (c->ndated < c->f->n) {
        rp_fmt_count(a, sizeof a, c->f->n - c->ndated, "entry", "entries");
        rp_printf(w, " %s without a date or value not drawn.", a);
    }
    rp_raw(w, "</div></figcaption>\n");
}

static void draw(rp_w *w, const chart *c, size_t fig)
{
    rp_printf(w,
              "<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot\" "
              "id=\"chart%zu\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" "
              "aria-label=\"",
              fig + 1, SVG_W, SVG_H, SVG_W, SVG_H);
    rp_htmls(w, c->f->label);
    rp_raw(w, "\"><title>");
    rp_htmls(w, c->f->label);
    rp_printf(w, "</title><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fbfcfd\"/>\n",
              ML, MT, PW, PH);
    y_axis(w, c);
    x_axis(w, &c->s);
    for (size_t k = 0; k < c->ndrawn; k++)
        mark(w, c, c->drawn[k]);
    rp_raw(w, "</svg>\n");
    legend(w, c);
    notes(w, c);
    rp_raw(w, "</figure>\n");
}

/* See report_int.h. Scratch arrays (styles, drawn entries, sort keys) are malloc'd and
 * freed here; without memory the writer's status becomes SR_NOMEM. */
void rp_svg_chart(rp_w *w, const sr_figure *f, size_t fig)
{
    chart c;
    memset(&c, 0, sizeof c);
    c.f = f;
    c.u = rp_figure_unit(f);
    size_t n = f->n ? f->n : 1;
    c.style = malloc(n * sizeof *c.style);
    c.drawn = malloc(n * sizeof *c.drawn);
    keyed *k = malloc(n * sizeof *k);
    group *g = malloc(n * sizeof *g);
    if (!c.style || !c.drawn || !k || !g) {
        if (!w->st)
            w->st = SR_NOMEM;
    } else {
        source_styles(&c, k, g);
        pick_drawn(&c);
        if (c.ndrawn) {
            fit_scales(&c);
            draw(w, &c, fig);
        } else
            rp_raw(w, "<p class=\"muted\">No dated entry to chart.</p>\n");
    }
    free(c.style), free(c.drawn), free(k), free(g);
}
