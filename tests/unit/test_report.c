/* test_report.c: the situation report (src/report/) from hand-built figures: what the
 * Markdown and HTML say, that every link lands, that hostile text stays text, what the
 * charts draw, and that a large report renders in linear time. */
#include <math.h>
#include <stdlib.h>
#include <time.h>

#include "sitrep_store.h"
#include "../../src/core/internal.h"
#include "../harness.h"

/* ---- fixtures ------------------------------------------------------------------------ */

typedef struct {
    int64_t doc;
    const char *key, *outlet, *title, *published, *url;
} doc_info;

static const doc_info docs[] = {
    {1, "yna-1", "yna.co.kr", "N. Korea sends troops", "2024-10-18", "https://en.yna.co.kr/view/1"},
    {2, "dw-2", "dw.com", "Troops in Kursk", "2024-11-05", "https://www.dw.com/a-2?x=1&y=2"},
    {3, "evil<i>", "<script>alert(1)</script>", "\"onmouseover=alert(1) ]]> </svg>", "2024-11-05",
     "javascript:alert(1)"},
};

static sr_ymd day(int y, int m, int d)
{
    return (sr_ymd){(int16_t)y, (int8_t)m, (int8_t)d};
}

/* A claim of document d, sentence s: the figure is the first occurrence of fig in text,
 * and the text starts at byte 100 of the document. */
static sr_stored_claim claim(int64_t id, int d, uint32_t s, const char *text, const char *fig,
                             double value, sr_hedge hedge, sr_ymd as_of)
{
    const doc_info *di = &docs[d - 1];
    const char *at = strstr(text, fig);
    sr_stored_claim c = {.id = id,
                         .doc = di->doc,
                         .cluster = di->doc,
                         .sentence = s,
                         .text_start = 100,
                         .value = value,
                         .low = value,
                         .high = value,
                         .hedge = (uint8_t)hedge,
                         .dated = 1,
                         .place_kind = -1,
                         .as_of_begin = as_of,
                         .as_of_end = as_of,
                         .as_of = "",
                         .quantity = fig,
                         .unit = "",
                         .currency = "",
                         .counted = "",
                         .counted_actor = "",
                         .place = "",
                         .place_id = "",
                         .place_name = "",
                         .place_country = "",
                         .place_region = "",
                         .source = "",
                         .source_actors = "",
                         .via = "",
                         .doc_key = di->key,
                         .outlet = di->outlet,
                         .url = di->url,
                         .title = di->title,
                         .published = di->published,
                         .text = text};
    c.start = 100 + (uint32_t)(at ? at - text : 0);
    c.end = c.start + (uint32_t)strlen(fig);
    return c;
}

static void named(sr_stored_claim *c, const char *source, const char *codes)
{
    c->source_kind = SR_SOURCE_NAMED;
    c->source = source;
    c->source_actors = codes;
}

static sr_figure_entry entry(const sr_stored_claim *c, double lo, double hi, uint32_t labels,
                             int32_t ref, const char *key)
{
    return (sr_figure_entry){
        .claim = c, .lo = lo, .hi = hi, .labels = labels, .ref = ref, .source_key = key};
}

static sr_figure figure(const char *label, const char *unit, sr_figure_entry *e, size_t n)
{
    sr_figure f = {.key = label,
                   .label = label,
                   .actor = "",
                   .noun = "",
                   .qualifier = "",
                   .unit = unit,
                   .place_id = "",
                   .place_name = "",
                   .country = "",
                   .entries = e,
                   .n = n,
                   .documents = n,
                   .sources = n};
    for (size_t i = 0; i < n; i++) {
        f.labels |= e[i].labels;
        f.conflicts += (e[i].labels & SR_FIG_CONFLICT) != 0;
    }
    return f;
}

/* The main fixture: troops (five entries: more than, about, a hostile conflicting one, a
 * range, a projection), aid in dollars, and displaced people. */
typedef struct {
    sr_stored_claim c[7];
    sr_figure_entry troops[5], aid[1], fled[1];
    sr_figure f[3];
    sr_figures fs;
} fixture;

static void make_fixture(fixture *x)
{
    sr_stored_claim *c = x->c;
    c[0] = claim(1, 1, 2,
                 "South Korea's spy agency said more than 10,000 North Korean soldiers "
                 "are in Russia.",
                 "more than 10,000", 10000, SR_HEDGE_MORE_THAN, day(2024, 10, 18));
    named(&c[0], "South Korea's spy agency", "KORSPY");
    c[0].via = "Yonhap";
    c[1] = claim(2, 2, 0, "About 12,000 troops were deployed,\nthe Pentagon said.", "About 12,000",
                 12000, SR_HEDGE_ABOUT, day(2024, 11, 5));
    named(&c[1], "the Pentagon", "USAMIL");
    c[2] = claim(3, 3, 1, "<script>alert(1)</script> says 3,000 soldiers ]]> </svg>", "3,000", 3000,
                 SR_HEDGE_EXACT, day(2024, 11, 5));
    named(&c[2], "\"onmouseover=alert(1)", "<b>X</b>");
    c[2].place = "<b>Kursk</b>";
    c[3] = claim(4, 2, 4, "Between 11,000 and 13,000 are there.", "Between 11,000 and 13,000",
                 11000, SR_HEDGE_RANGE, day(2024, 11, 20));
    c[3].high = 13000;
    c[4] = claim(5, 1, 5, "Officials expect up to 15,000 by December.", "up to 15,000", 15000,
                 SR_HEDGE_AT_MOST, day(2024, 12, 31));
    c[4].modality = SR_MODALITY_PROJECTION;
    c[4].source_kind = SR_SOURCE_UNNAMED;
    c[4].source = "Officials";
    c[5] = claim(6, 2, 6, "The US pledged $1.3 billion in aid.", "$1.3 billion", 1.3e9,
                 SR_HEDGE_EXACT, day(2024, 11, 5));
    c[5].unit_kind = SR_UNIT_MONEY;
    c[5].currency = "USD";
    c[6] = claim(7, 1, 7, "Some 1.3 million people have fled.", "1.3 million", 1.3e6,
                 SR_HEDGE_EXACT, day(2024, 10, 18));
    x->troops[0] = entry(&c[0], 10000, INFINITY, 0, -1, "KORSPY");
    x->troops[1] = entry(&c[1], 12000, 12000, SR_FIG_UPDATE, 0, "USAMIL");
    x->troops[2] = entry(&c[2], 3000, 3000, SR_FIG_CONFLICT, 1, "evil");
    x->troops[3] = entry(&c[3], 11000, 13000, SR_FIG_AGREEMENT, 1, "outlet:dw.com");
    x->troops[4] = entry(&c[4], 0, 15000, SR_FIG_PROJECTION, -1, "outlet:yna.co.kr");
    x->aid[0] = entry(&c[5], 1.3e9, 1.3e9, 0, -1, "outlet:dw.com");
    x->fled[0] = entry(&c[6], 1.3e6, 1.3e6, 0, -1, "outlet:yna.co.kr");
    x->f[0] = figure("North Korean soldiers in Russia", "count", x->troops, 5);
    x->f[1] = figure("US aid", "USD", x->aid, 1);
    x->f[2] = figure("people displaced", "count", x->fled, 1);
    x->f[0].has_best = 1, x->f[0].best_lo = 10800, x->f[0].best_hi = 13200;
    x->f[0].best_as_of = day(2024, 11, 20);
    for (int i = 1; i < 3; i++) {
        x->f[i].has_best = 1;
        x->f[i].best_lo = x->f[i].best_hi = x->f[i].entries[0].lo;
        x->f[i].best_as_of = x->f[i].entries[0].claim->as_of_end;
    }
    x->fs = (sr_figures){x->f, 3, NULL};
}

static char *render(const sr_figures *fs, sr_report_format fmt, const sr_report_options *opt)
{
    sr_buf b = {0};
    sr_status st = sr_report_render(&b, fs, fmt, opt);
    CHECK_EQ_INT(st, SR_OK);
    if (st) {
        sr_buf_free(&b);
        return NULL;
    }
    return b.p;
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    return n;
}

/* Every link to "#x" (after `open`, up to `close`) has an anchor id="x" in the page. */
static void check_anchors(const char *page, const char *open, const char *close)
{
    size_t links = 0;
    for (const char *p = page; (p = strstr(p, open)) != NULL;) {
        p += strlen(open);
        const char *e = strstr(p, close);
        if (!e)
            break;
        char want[128];
        snprintf(want, sizeof want, "id=\"%.*s\"", (int)(e - p), p);
        CHECK_MSG(strstr(page, want) != NULL, "link #%.*s has no anchor", (int)(e - p), p);
        links++;
    }
    CHECK(links > 0);
}

/* The text between two markers of a page (a section), or "" when missing. */
static char *section(const char *page, const char *from, const char *to)
{
    const char *a = strstr(page, from), *b = a ? strstr(a, to) : NULL;
    if (!a)
        return strdup("");
    size_t n = b ? (size_t)(b - a) : strlen(a);
    char *s = malloc(n + 1);
    memcpy(s, a, n);
    s[n] = 0;
    return s;
}

static void check_finite_numbers(const char *page)
{
    static const char *const bad[] = {"nan",   "NaN",      "=\"inf",  "=\"-inf",
                                      " inf ", "infinity", "Infinity"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        CHECK_MSG(!strstr(page, bad[i]), "output contains \"%s\"", bad[i]);
}

/* ---- content ------------------------------------------------------------------------- */

TEST(report_md_key_figures_timeline_sources)
{
    fixture x;
    make_fixture(&x);
    char *md = render(&x.fs, SR_REPORT_MD, &(sr_report_options){"Korea brief", "troops", 0});
    if (!md)
        return;
    CHECK(!strncmp(md, "# Korea brief\n", 14));
    CHECK(strstr(md, "About: “troops”"));
    CHECK(strstr(md, "3 figures reported in 3 documents"));
    CHECK(strstr(md, "North Korean soldiers in Russia"));
    CHECK(strstr(md, "**about 12,000** as of 20 Nov 2024"));
    CHECK(strstr(md, "1.3 million"));
    CHECK(strstr(md, "$1.3 billion"));
    CHECK(strstr(md, "≥ 10,000"));      /* the "more than" entry's interval */
    CHECK(strstr(md, "11,000–13,000")); /* the range */
    CHECK(strstr(md, "≤ 15,000"));      /* up to */
    CHECK(strstr(md, "South Korea's spy agency (KORSPY)"));
    CHECK(strstr(md, "the Pentagon (USAMIL)"));
    CHECK(strstr(md, "(unattributed) dw.com"));
    CHECK(strstr(md, "unnamed source “Officials”"));
    CHECK(strstr(md, "| Yonhap |"));
    CHECK(strstr(md, "conflict with #2"));
    CHECK(strstr(md, "update of #1"));
    CHECK(strstr(md, "projection"));
    /* the sentence with a line break stays on its table row and is quoted with its figure */
    CHECK(strstr(md, "“**About 12,000** troops were deployed, the Pentagon said.”"));
    CHECK(strstr(md, "<https://www.dw.com/a-2?x=1&y=2>"));
    CHECK(!strstr(md, "](javascript"));
    CHECK(!strstr(md, "<script>"));
    CHECK(strstr(md, "\\<script\\>alert(1)\\</script\\>"));
    check_anchors(md, "](#", ")");
    free(md);
}

TEST(report_md_conflict_pair_and_table_cells)
{
    fixture x;
    make_fixture(&x);
    x.c[2].quantity = "3|000\nsoldiers";
    char *md = render(&x.fs, SR_REPORT_MD, NULL);
    if (!md)
        return;
    CHECK(!strncmp(md, "# Situation report\n", 19));
    CHECK(strstr(md, "3\\|000 soldiers"));
    char *con = section(md, "## Conflicts", "## Sources");
    CHECK(strstr(con, "12,000"));
    CHECK(strstr(con, "3,000"));
    CHECK(strstr(con, "the Pentagon"));
    CHECK(strstr(con, "**3,000**"));
    CHECK(strstr(con, "#2 and #3"));
    /* every row of every table has the header's number of columns */
    for (const char *l = md; *l;) {
        const char *e = strchr(l, '\n');
        size_t n = e ? (size_t)(e - l) : strlen(l);
        if (n > 2 && l[0] == '|' && !strncmp(l, "| # | As of", 11))
            CHECK_EQ_INT(count(l, " |") >= 10, 1);
        l += n + (e != NULL);
    }
    free(con);
    free(md);
}

TEST(report_html_self_contained_and_linked)
{
    fixture x;
    make_fixture(&x);
    char *html = render(&x.fs, SR_REPORT_HTML, NULL);
    if (!html)
        return;
    CHECK(!strncmp(html, "<!doctype html>", 15));
    CHECK(strstr(html, "<meta charset=\"utf-8\">"));
    CHECK(strstr(html, "<style>"));
    size_t n = strlen(html);
    CHECK(n > 8 && !strcmp(html + n - 8, "</html>\n"));
    CHECK(!strstr(html, "<script"));
    CHECK(!strstr(html, "src=\"")); /* no external images or scripts */
    CHECK(!strstr(html, "@import"));
    CHECK(strstr(html, "<strong>about 12,000</strong>"));
    CHECK(strstr(html, "1.3 million"));
    CHECK(strstr(html, "South Korea&#39;s spy agency"));
    CHECK(strstr(html, "the Pentagon"));
    CHECK(strstr(html, "<mark>About 12,000</mark>"));
    CHECK(strstr(html, "href=\"https://www.dw.com/a-2?x=1&amp;y=2\""));
    char *con = section(html, "<section id=\"conflicts\">", "</section>");
    CHECK(strstr(con, "12,000") && strstr(con, "3,000") && strstr(con, "<mark>3,000</mark>"));
    free(con);
    check_anchors(html, "href=\"#", "\"");
    check_finite_numbers(html);
    free(html);
}

TEST(report_html_hostile_text_escaped)
{
    fixture x;
    make_fixture(&x);
    x.f[0].label = "<img src=x onerror=alert(1)>'troops'";
    char *html =
        render(&x.fs, SR_REPORT_HTML, &(sr_report_options){"<script>t</script>", "\"><script>", 0});
    if (!html)
        return;
    CHECK(!strstr(html, "<script"));
    CHECK(!strstr(html, "\"onmouseover="));
    CHECK(!strstr(html, "]]>"));
    CHECK(!strstr(html, "<img"));
    CHECK(!strstr(html, "'troops'"));
    CHECK(!strstr(html, "<b>X"));
    CHECK(!strstr(html, "<b>Kursk"));
    CHECK(!strstr(html, "<i>\"")); /* the doc key "evil<i>" */
    CHECK_EQ_INT(count(html, "</svg>"), count(html, "<svg"));
    CHECK(!strstr(html, "href=\"javascript"));
    CHECK(!strstr(html, "href=\"java"));
    CHECK(strstr(html, "address (not linked): javascript:alert(1)"));
    CHECK(strstr(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    CHECK(strstr(html, "&quot;onmouseover=alert(1)"));
    CHECK(strstr(html, "]]&gt; &lt;/svg&gt;"));
    /* the hostile strings inside tooltips are escaped too */
    char *svg = section(html, "<svg", "</svg>");
    CHECK(strstr(svg, "<title>#3 ·"));
    CHECK(!strstr(svg, "<script"));
    free(svg);
    free(html);
}

/* ---- charts -------------------------------------------------------------------------- */

/* A figure of n entries with the given values and hedges, one source each, a day apart. */
typedef struct {
    sr_stored_claim c[8];
    sr_figure_entry e[8];
    sr_figure f;
    sr_figures fs;
} chartfix;

static void make_chart(chartfix *x, size_t n, const double *v, const sr_hedge *h, int same_day)
{
    static const char *const keys[] = {"A", "B", "C", "D", "E", "F", "G", "H"};
    for (size_t i = 0; i < n; i++) {
        sr_ymd d = day(2024, 3, same_day ? 1 : (int)i + 1);
        x->c[i] = claim((int64_t)i + 1, 1, (uint32_t)i, "Figure 5 here.", "5", v[i], h[i], d);
        double lo = v[i], hi = v[i];
        if (h[i] == SR_HEDGE_RANGE)
            hi = x->c[i].high = v[i] * 2;
        else if (h[i] == SR_HEDGE_AT_LEAST || h[i] == SR_HEDGE_MORE_THAN)
            hi = INFINITY;
        else if (h[i] == SR_HEDGE_AT_MOST || h[i] == SR_HEDGE_LESS_THAN)
            lo = 0;
        else if (h[i] == SR_HEDGE_ABOUT)
            lo = v[i] * 0.9, hi = v[i] * 1.1;
        x->e[i] = entry(&x->c[i], lo, hi, 0, -1, keys[i]);
    }
    x->f = figure("chart figure", "count", x->e, n);
    x->f.has_best = 1;
    x->f.best_lo = x->f.best_hi = v[n - 1];
    x->f.best_as_of = x->c[n - 1].as_of_end;
    x->fs = (sr_figures){&x->f, 1, NULL};
}

TEST(report_svg_one_mark_per_entry_with_bounds)
{
    chartfix x;
    const double v[] = {1000, 2000, 3000, 4000, 5000};
    const sr_hedge h[] = {SR_HEDGE_EXACT, SR_HEDGE_RANGE, SR_HEDGE_AT_LEAST, SR_HEDGE_ABOUT,
                          SR_HEDGE_AT_MOST};
    make_chart(&x, 5, v, h, 0);
    char *html = render(&x.fs, SR_REPORT_HTML, NULL);
    if (!html)
        return;
    CHECK_EQ_INT(count(html, "<g class=\"mark"), 5);
    CHECK_EQ_INT(count(html, "class=\"bar\""), 1);
    CHECK_EQ_INT(count(html, "class=\"up\""), 1);
    CHECK_EQ_INT(count(html, "class=\"whisker\""), 1);
    CHECK_EQ_INT(count(html, "class=\"down\""), 1);
    CHECK(!strstr(html, "log scale"));
    CHECK(strstr(html, "as-of date"));
    CHECK(strstr(html, ">29 Feb 2024</text>")); /* padded to a week around 1-5 March */
    CHECK(strstr(html, ">1 Mar</text>"));
    CHECK_EQ_INT(count(html, "<span class=\"key\">"), 5); /* a legend entry per source */
    check_finite_numbers(html);
    free(html);
}

TEST(report_svg_log_scale_for_wide_values)
{
    chartfix x;
    const double v[] = {1000, 1e6, 1e9};
    const sr_hedge h[] = {SR_HEDGE_EXACT, SR_HEDGE_EXACT, SR_HEDGE_EXACT};
    make_chart(&x, 3, v, h, 0);
    char *html = render(&x.fs, SR_REPORT_HTML, NULL);
    if (!html)
        return;
    CHECK(strstr(html, "log scale"));
    CHECK(strstr(html, ">1B</text>"));
    CHECK(strstr(html, ">1,000</text>"));
    CHECK_EQ_INT(count(html, "<g class=\"mark"), 3);
    check_finite_numbers(html);
    free(html);
}

TEST(report_svg_single_entry_single_date)
{
    chartfix x;
    const double v[] = {0};
    const sr_hedge h[] = {SR_HEDGE_EXACT};
    make_chart(&x, 1, v, h, 1);
    char *html = render(&x.fs, SR_REPORT_HTML, NULL);
    char *md = render(&x.fs, SR_REPORT_MD, NULL);
    if (html) {
        CHECK_EQ_INT(count(html, "<g class=\"mark"), 1);
        check_finite_numbers(html);
    }
    const double v2[] = {7, 7, 7};
    const sr_hedge h2[] = {SR_HEDGE_EXACT, SR_HEDGE_AT_LEAST, SR_HEDGE_EXACT};
    make_chart(&x, 3, v2, h2, 1);
    char *html2 = render(&x.fs, SR_REPORT_HTML, NULL);
    if (html2) {
        CHECK_EQ_INT(count(html2, "<g class=\"mark"), 3);
        check_finite_numbers(html2);
    }
    if (md)
        check_finite_numbers(md);
    free(html), free(html2), free(md);
}

TEST(report_svg_time_axis_spans_years_and_caps_marks)
{
    enum { N = 1200 };
    sr_stored_claim *c = calloc(N, sizeof *c);
    sr_figure_entry *e = calloc(N, sizeof *e);
    for (int i = 0; i < N; i++) {
        c[i] = claim(i + 1, 1 + i % 2, (uint32_t)i, "About 5 said.", "5", 100 + i, SR_HEDGE_EXACT,
                     sr_days_to_ymd(sr_ymd_to_days(day(2019, 1, 1)) + i * 2));
        e[i] = entry(&c[i], 100 + i, 100 + i, 0, -1, i % 2 ? "X" : "Y");
    }
    sr_figure f = figure("long", "count", e, N);
    sr_figures fs = {&f, 1, NULL};
    char *html = render(&fs, SR_REPORT_HTML, NULL);
    if (html) {
        CHECK_EQ_INT(count(html, "<g class=\"mark"), 500);
        CHECK(strstr(html, "Showing 500 entries of 1,200"));
        CHECK(strstr(html, ">2020</text>"));
        CHECK_EQ_INT(count(html, "<tr id=\"f1-e"), N); /* the table lists all */
        check_finite_numbers(html);
    }
    free(html), free(c), free(e);
}

TEST(report_svg_many_sources_and_undated_entries)
{
    enum { N = 40 };
    sr_stored_claim c[N];
    sr_figure_entry e[N];
    char keys[N][16];
    for (int i = 0; i < N; i++) {
        c[i] = claim(i + 1, 1, (uint32_t)i, "Some 5 said.", "5", 10 + i, SR_HEDGE_EXACT,
                     day(2024, 5, 1 + i % 28));
        snprintf(keys[i], sizeof keys[i], "K%d", i);
        e[i] = entry(&c[i], 10 + i, 10 + i, 0, -1, keys[i]);
    }
    c[0].as_of_begin = c[0].as_of_end = c[1].as_of_begin = c[1].as_of_end = (sr_ymd){0, 0, 0};
    c[0].published = c[1].published = "";
    sr_figure f = figure("many", "count", e, N);
    sr_figures fs = {&f, 1, NULL};
    char *html = render(&fs, SR_REPORT_HTML, NULL);
    if (!html)
        return;
    CHECK_EQ_INT(count(html, "<g class=\"mark"), N - 2);
    CHECK_EQ_INT(count(html, "<span class=\"key\">"), 33); /* 32 styles, then the rest */
    CHECK(strstr(html, "other sources <span") == NULL);
    CHECK(strstr(html, "other sources ×8"));
    CHECK(strstr(html, "2 entries without a date or value not drawn."));
    CHECK(strstr(html, "<td class=\"d\">undated</td>"));
    check_anchors(html, "href=\"#", "\"");
    check_finite_numbers(html);
    free(html);
}

TEST(report_empty_figure_set)
{
    sr_figures fs = {NULL, 0, NULL};
    char *md = render(&fs, SR_REPORT_MD, NULL);
    char *html = render(&fs, SR_REPORT_HTML, NULL);
    char *null = render(NULL, SR_REPORT_HTML, NULL);
    if (md) {
        CHECK(strstr(md, "No figures were found"));
        CHECK(strstr(md, "## Sources"));
    }
    if (html) {
        CHECK(!strncmp(html, "<!doctype html>", 15));
        CHECK(strstr(html, "</html>\n"));
        CHECK(strstr(html, "No figures."));
        CHECK_EQ_INT(count(html, "<section"), count(html, "</section>"));
    }
    CHECK(null != NULL);
    sr_buf b = {0};
    CHECK_EQ_INT(sr_report_render(&b, &fs, (sr_report_format)7, NULL), SR_USAGE);
    free(md), free(html), free(null);
}

TEST(report_number_formats)
{
    fixture x;
    make_fixture(&x);
    const struct {
        double lo, hi;
        const char *want;
    } cases[] = {{1500, 1500, "1,500"},
                 {12000, INFINITY, "at least 12,000"},
                 {2.5e9, 2.5e9, "2.5 billion"},
                 {1.2e6, 1.5e6, "1.2–1.5 million"},
                 {999999999, 999999999, "1 billion"},
                 {0.5, 0.5, "0.5"},
                 {10812, 13187, "10,800–13,200"},
                 {1.3e6, 1.3e6, "1.3 million"},
                 {1.275e6, 1.325e6, "1.27–1.33 million"},
                 {0, 15000, "up to 15,000"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        x.f[2].best_lo = cases[i].lo, x.f[2].best_hi = cases[i].hi;
        char *md = render(&x.fs, SR_REPORT_MD, NULL);
        char want[64];
        snprintf(want, sizeof want, "**%s**", cases[i].want);
        CHECK_MSG(md && strstr(md, want), "no %s", want);
        free(md);
    }
}

/* ---- speed --------------------------------------------------------------------------- */

static double seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + t.tv_nsec / 1e9;
}

TEST(report_100k_claims_linear_time)
{
    enum { NF = 2000, NE = 50, N = NF * NE };
    sr_stored_claim *c = calloc(N, sizeof *c);
    sr_figure_entry *e = calloc(N, sizeof *e);
    sr_figure *f = calloc(NF, sizeof *f);
    static const char *const keys[] = {"KORSPY", "USAMIL", "UKRMIL", "outlet:a", "outlet:b"};
    for (int i = 0; i < N; i++) {
        c[i] = claim(i + 1, 1 + i % 3, (uint32_t)(i / 3 % 400),
                     "Officials said about 10,000 soldiers were there.", "about 10,000",
                     1000 + i % 977, i % 7 ? SR_HEDGE_EXACT : SR_HEDGE_ABOUT,
                     sr_days_to_ymd(sr_ymd_to_days(day(2024, 1, 1)) + i % 300));
        c[i].doc = i / 10; /* 10,000 documents */
        e[i] = entry(&c[i], c[i].value, c[i].value, i % 11 ? 0 : SR_FIG_CONFLICT,
                     i % 11 ? -1 : (i % NE ? 0 : 1), keys[i % 5]);
    }
    for (int k = 0; k < NF; k++) {
        f[k] = figure("synthetic figure", "count", e + k * NE, NE);
        f[k].has_best = 1, f[k].best_lo = f[k].best_hi = 5000;
    }
    sr_figures fs = {f, NF, NULL};
    const sr_report_options all = {NULL, NULL, NF};
    for (int full = 0; full < 2; full++) {
        for (int fmt = 0; fmt < 2; fmt++) {
            double t0 = seconds();
            sr_buf b = {0};
            CHECK_EQ_INT(
                sr_report_render(&b, &fs, fmt ? SR_REPORT_HTML : SR_REPORT_MD, full ? &all : NULL),
                SR_OK);
            double dt = seconds() - t0;
            printf("  report of %d claims, %s, %s: %.3f s, %.1f MB\n", N, fmt ? "html" : "md",
                   full ? "all figures in full" : "20 in full", dt, b.n / 1e6);
            CHECK_MSG(dt < 5.0, "took %.2f s", dt);
            sr_buf_free(&b);
        }
    }
    free(c), free(e), free(f);
}
