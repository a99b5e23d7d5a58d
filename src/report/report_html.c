/* report_html.c: the situation report as one self-contained HTML5 page: inline style,
 * no scripts, fonts or images, charts as inline SVG (report_svg.c); it opens offline
 * and prints cleanly. A report is a web page built from hostile text, so everything
 * from reports or the store is written through rp_html (text and attributes alike) and
 * only http(s) addresses become links. Every row and conflict links to its sentence in
 * the sources section (#d<doc>-s<sentence>); every such anchor exists. */
#include <stdio.h>

#include "report_int.h"

static const char css[] =
    ":root{--ink:#1d232b;--muted:#5b6570;--rule:#d9dee3;--accent:#0b5cad;--bad:#b3261e;"
    "--soft:#f4f6f8}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;background:#fff;color:var(--ink);font:15px/1.5 system-ui,-apple-system,"
    "'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif}\n"
    "main{max-width:1140px;margin:0 auto;padding:28px 28px 64px}\n"
    "h1{font-size:28px;line-height:1.2;margin:0 0 6px}\n"
    "h2{font-size:21px;margin:44px 0 12px;padding-bottom:4px;border-bottom:2px solid var(--ink)}\n"
    "h3{font-size:17px;margin:30px 0 4px}h4{font-size:15px;margin:22px 0 6px}\n"
    "a{color:var(--accent)}p{margin:6px 0}\n"
    ".about{color:var(--muted)}.overview{font-size:16px;max-width:80ch}\n"
    "nav ul{list-style:none;padding:0;margin:12px 0;display:flex;gap:18px;flex-wrap:wrap;"
    "font-size:14px}\n"
    "table{border-collapse:collapse;width:100%;font-size:13px;font-variant-numeric:tabular-nums}\n"
    "th,td{padding:4px 8px;border-bottom:1px solid var(--rule);text-align:left;"
    "vertical-align:top}\n"
    "th{background:var(--soft);font-weight:600;white-space:nowrap}\n"
    "td.n,th.n{text-align:right;white-space:nowrap}td.v,td.d{white-space:nowrap}\n"
    ".tablewrap{overflow-x:auto}\n"
    "tr.conflict td{background:#fdecea}tr.hollow td{color:var(--muted);font-style:italic}\n"
    ".best{font-size:15px;margin:2px 0 10px}.best strong{font-size:18px}\n"
    ".flag{color:var(--bad);font-weight:600}\n"
    ".lab{display:inline-block;padding:0 6px;border-radius:8px;font-size:11px;"
    "background:#e8edf2;margin:0 3px 2px 0;white-space:nowrap}\n"
    ".lab.conflict{background:var(--bad);color:#fff}.lab.projection,.lab.hypothetical"
    "{background:#fff1c2}.lab.copy{background:#eee;color:#666}\n"
    ".codes{font:11px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:var(--muted)}\n"
    ".muted{color:var(--muted)}\n"
    "figure.chart{margin:8px 0 12px}svg.plot{display:block;max-width:100%;height:auto;"
    "border:1px solid var(--rule);background:#fff}.key svg{flex:none}\n"
    "figcaption{font-size:12px;color:var(--muted);margin-top:4px}\n"
    ".key{display:inline-flex;align-items:center;gap:4px;margin-right:14px;white-space:nowrap}\n"
    ".pair{display:grid;grid-template-columns:1fr 1fr;gap:12px;margin:6px 0 18px}\n"
    ".side{border:1px solid var(--rule);border-left:4px solid var(--bad);padding:8px 12px}\n"
    ".side dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0;"
    "font-size:13px}.side dt{color:var(--muted)}.side dd{margin:0}\n"
    "blockquote{margin:8px 0 0;padding:2px 10px;border-left:3px solid var(--rule);font-size:14px}\n"
    "mark{background:#ffe58f;padding:0 1px}\n"
    ".doc{margin:20px 0}.doc h3{margin-bottom:2px}.meta{font-size:13px;color:var(--muted);"
    "overflow-wrap:anywhere}\n"
    ".cites{list-style:none;padding:0;margin:6px 0}.cites li{margin:4px 0;padding:3px 6px;"
    "font-size:14px}.cites .n{font-weight:600;color:var(--muted);margin-right:6px}\n"
    ":target{background:#fff6d5;outline:2px solid #f0c000}\n"
    ".compact li{margin:3px 0}footer{margin-top:48px;font-size:12px;color:var(--muted)}\n"
    ".chart .grid{stroke:#e8ebee}.chart .axis{stroke:#7d8791}\n"
    ".chart text{font:11px system-ui,sans-serif;fill:#4a535c}\n"
    ".chart .mark:hover .sym{stroke:#000;stroke-width:2}\n"
    "@media (max-width:700px){.pair{grid-template-columns:1fr}}\n"
    "@media print{body{font-size:10pt}main{max-width:none;padding:0}nav{display:none}"
    "a{color:inherit;text-decoration:none}h2,h3{break-after:avoid}figure.chart,.pair,.cites li,"
    "tr{break-inside:avoid}.tablewrap{overflow:visible}:target{background:none;outline:0}}\n";

static void html_head(rp_w *w, const rp_report *r)
{
    char ov[512];
    rp_raw(w, "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
              "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
              "<meta name=\"generator\" content=\"sitrep " SR_VERSION "\">\n<title>");
    rp_htmls(w, r->title);
    rp_raw(w, "</title>\n<style>\n");
    rp_raw(w, css);
    rp_raw(w, "</style>\n</head>\n<body>\n<main>\n<header>\n<h1>");
    rp_htmls(w, r->title);
    rp_raw(w, "</h1>\n");
    if (r->about) {
        rp_raw(w, "<p class=\"about\">About: “");
        rp_htmls(w, r->about);
        rp_raw(w, "”</p>\n");
    }
    rp_overview(ov, sizeof ov, r);
    rp_raw(w, "<p class=\"overview\">");
    rp_htmls(w, ov);
    rp_raw(w, "</p>\n<nav><ul><li><a href=\"#key-figures\">Key figures</a></li>");
    if (r->nfull < r->fs->n)
        rp_raw(w, "<li><a href=\"#other-figures\">Other figures</a></li>");
    rp_raw(w, "<li><a href=\"#conflicts\">Conflicts</a></li>"
              "<li><a href=\"#sources\">Sources</a></li></ul></nav>\n</header>\n");
}

/* " · 2 conflicts · projections": conflicts stand out, the rest is muted. */
static void html_flags(rp_w *w, const sr_figure *f)
{
    char c[64];
    if (f->conflicts) {
        rp_fmt_count(c, sizeof c, f->conflicts, "conflict", "conflicts");
        rp_printf(w, " · <span class=\"flag\">%s</span>", c);
    }
    if (f->labels & SR_FIG_PROJECTION)
        rp_raw(w, " · <span class=\"muted\">includes projections</span>");
    if (f->labels & SR_FIG_HYPOTHETICAL)
        rp_raw(w, " · <span class=\"muted\">includes hypothetical figures</span>");
}

/* "<strong>about 12,000</strong> as of 18 Dec 2024 · 5 independent sources · ..." */
static void html_best(rp_w *w, const sr_figure *f)
{
    rp_unit u = rp_figure_unit(f);
    char best[200], day[32], src[64], docs[64];
    rp_fmt_best(best, sizeof best, f, &u);
    rp_fmt_count(src, sizeof src, f->sources, "independent source", "independent sources");
    rp_fmt_count(docs, sizeof docs, f->documents, "document", "documents");
    rp_raw(w, "<strong>");
    rp_htmls(w, best);
    rp_raw(w, "</strong>");
    rp_fmt_best_day(day, sizeof day, f);
    if (*day) {
        rp_raw(w, " as of ");
        rp_htmls(w, day);
    }
    rp_raw(w, " · ");
    rp_htmls(w, src);
    rp_raw(w, " · ");
    rp_htmls(w, docs);
    html_flags(w, f);
}

static void html_summary_row(rp_w *w, const sr_figure *f, size_t i)
{
    rp_unit u = rp_figure_unit(f);
    char best[200], day[32], flags[128];
    rp_fmt_best(best, sizeof best, f, &u);
    rp_fmt_best_day(day, sizeof day, f);
    rp_fmt_flags(flags, sizeof flags, f);
    rp_printf(w, "<tr><td class=\"n\">%zu</td><td><a href=\"#f%zu\">", i + 1, i + 1);
    rp_htmls(w, f->label);
    rp_raw(w, "</a></td><td class=\"v\">");
    rp_htmls(w, best);
    rp_raw(w, "</td><td class=\"d\">");
    rp_htmls(w, day);
    rp_printf(w, "</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td><td%s>", f->sources,
              f->documents, f->conflicts ? " class=\"flag\"" : "");
    rp_htmls(w, flags);
    rp_raw(w, "</td></tr>\n");
}

static void html_summary(rp_w *w, const rp_report *r)
{
    rp_raw(w, "<section id=\"key-figures\">\n<h2>Key figures</h2>\n");
    if (!r->nfull) {
        rp_raw(w, "<p>No figures.</p>\n");
        return;
    }
    rp_raw(w, "<div class=\"tablewrap\"><table class=\"summary\"><thead><tr><th class=\"n\">#"
              "</th><th>Figure</th><th>Current best</th><th>As of</th><th class=\"n\">Sources"
              "</th><th class=\"n\">Documents</th><th>Flags</th></tr></thead><tbody>\n");
    for (size_t i = 0; i < r->nfull; i++)
        html_summary_row(w, &r->fs->f[i], i);
    rp_raw(w, "</tbody></table></div>\n");
}

/* Who says so: the source and its codes; the outlet itself when nobody is named. */
static void html_who(rp_w *w, const sr_stored_claim *c)
{
    switch (c->source_kind) {
    case SR_SOURCE_NAMED: rp_htmls(w, c->source); break;
    case SR_SOURCE_UNNAMED:
        rp_raw(w, "<i>unnamed source</i>");
        if (*c->source) {
            rp_raw(w, " “");
            rp_htmls(w, c->source);
            rp_raw(w, "”");
        }
        break;
    default:
        rp_raw(w, *c->outlet ? "<i>(unattributed)</i> " : "<i>(unattributed)</i>");
        rp_htmls(w, c->outlet);
        break;
    }
    if (*c->source_actors) {
        rp_raw(w, " <span class=\"codes\">");
        rp_htmls(w, c->source_actors);
        rp_raw(w, "</span>");
    }
}

static void html_cite(rp_w *w, const rp_report *r, const sr_stored_claim *c)
{
    char a[48];
    size_t k = rp_cite(r, c);
    rp_anchor(a, sizeof a, c);
    if (!k)
        return;
    rp_printf(w, "<a href=\"#%s\" title=\"", a);
    rp_htmls(w, c->doc_key);
    rp_printf(w, ", sentence %u\">[%zu]</a>", (unsigned)c->sentence + 1, k);
}

/* The labels of an entry as badges; the one its ref belongs to links to the row of the
 * entry referred to. */
static void html_labels(rp_w *w, const sr_figure *f, size_t fig, const sr_figure_entry *e)
{
    int has_ref = e->ref >= 0 && (size_t)e->ref < f->n;
    uint32_t with_ref = has_ref ? rp_ref_label(e->labels) : 0;
    for (uint32_t bit = 1; bit <= SR_FIG_COPY; bit <<= 1) {
        if (!(e->labels & bit))
            continue;
        rp_printf(w, "<span class=\"lab %s\">%s</span>", sr_figure_label_name(bit), sr_figure_label_name(bit));
        if (bit == with_ref)
            rp_printf(w, "<a href=\"#f%zu-e%d\">%s #%d</a> ", fig + 1, (int)e->ref + 1,
                      rp_ref_word(bit), (int)e->ref + 1);
    }
}

static void html_cell(rp_w *w, const char *cls, const char *s)
{
    rp_printf(w, "<td%s%s%s>", *cls ? " class=\"" : "", cls, *cls ? "\"" : "");
    rp_htmls(w, s);
    rp_raw(w, "</td>");
}

static void html_row(rp_w *w, const rp_report *r, size_t fig, size_t i, const rp_unit *u)
{
    const sr_figure *f = &r->fs->f[fig];
    const sr_figure_entry *e = &f->entries[i];
    const sr_stored_claim *c = e->claim;
    char when[64], val[200];
    rp_fmt_period(when, sizeof when, c->as_of_begin, c->as_of_end);
    rp_fmt_entry(val, sizeof val, e, u);
    int hollow = (e->labels & (SR_FIG_PROJECTION | SR_FIG_HYPOTHETICAL)) ||
                 c->modality != SR_MODALITY_REPORTED;
    rp_printf(w, "<tr id=\"f%zu-e%zu\"%s><td class=\"n\">%zu</td><td class=\"d\">", fig + 1, i + 1,
              e->labels & SR_FIG_CONFLICT ? " class=\"conflict\""
              : hollow                    ? " class=\"hollow\""
                                          : "",
              i + 1);
    rp_htmls(w, when);
    if (!c->dated && sr_ymd_valid(c->as_of_begin))
        rp_raw(w, " <span class=\"muted\" title=\"publication day: the text gives no date\">"
                  "(pub.)</span>");
    rp_raw(w, "</td>");
    html_cell(w, "", c->quantity);
    html_cell(w, "v", val);
    html_cell(w, "", rp_place(c));
    rp_raw(w, "<td>");
    html_who(w, c);
    rp_raw(w, "</td>");
    html_cell(w, "", c->via);
    html_cell(w, "", c->outlet);
    rp_raw(w, "<td>");
    html_labels(w, f, fig, e);
    rp_raw(w, "</td><td>");
    html_cite(w, r, c);
    rp_raw(w, "</td></tr>\n");
}

static void html_figure(rp_w *w, const rp_report *r, size_t i)
{
    const sr_figure *f = &r->fs->f[i];
    rp_unit u = rp_figure_unit(f);
    rp_printf(w, "<article class=\"figure\" id=\"f%zu\">\n<h3>%zu. ", i + 1, i + 1);
    rp_htmls(w, f->label);
    rp_raw(w, "</h3>\n<p class=\"best\">");
    html_best(w, f);
    rp_raw(w, "</p>\n");
    rp_svg_chart(w, f, i);
    rp_raw(w, "<div class=\"tablewrap\"><table class=\"timeline\"><thead><tr><th class=\"n\">#"
              "</th><th>As of</th><th>As written</th><th>Interval</th><th>Where</th><th>Who says "
              "so</th><th>Via</th><th>Outlet</th><th>Labels</th><th>Sentence</th></tr></thead>"
              "<tbody>\n");
    for (size_t j = 0; j < f->n; j++)
        html_row(w, r, i, j, &u);
    rp_raw(w, "</tbody></table></div>\n</article>\n");
}

static void html_others(rp_w *w, const rp_report *r)
{
    if (r->nfull >= r->fs->n)
        return;
    rp_printf(w,
              "<section id=\"other-figures\">\n<h2>Other figures</h2>\n<p>%zu more, by "
              "number of reports.</p>\n<ul class=\"compact\">\n",
              r->fs->n - r->nfull);
    for (size_t i = r->nfull; i < r->fs->n; i++) {
        rp_printf(w, "<li id=\"f%zu\"><b>", i + 1);
        rp_htmls(w, r->fs->f[i].label);
        rp_raw(w, "</b>: ");
        html_best(w, &r->fs->f[i]);
        rp_raw(w, "</li>\n");
    }
    rp_raw(w, "</ul>\n</section>\n");
}

static void html_side(rp_w *w, const rp_report *r, const sr_figure_entry *e, size_t k,
                      const rp_unit *u)
{
    char v[200], d[64];
    rp_fmt_entry(v, sizeof v, e, u);
    rp_fmt_period(d, sizeof d, e->claim->as_of_begin, e->claim->as_of_end);
    rp_printf(w, "<div class=\"side\"><dl><dt>Entry</dt><dd>#%zu</dd><dt>Interval</dt><dd><b>",
              k + 1);
    rp_htmls(w, v);
    rp_raw(w, "</b> (“");
    rp_htmls(w, e->claim->quantity);
    rp_raw(w, "”)</dd><dt>As of</dt><dd>");
    rp_htmls(w, d);
    rp_raw(w, "</dd><dt>Who says so</dt><dd>");
    html_who(w, e->claim);
    rp_raw(w, "</dd><dt>Outlet</dt><dd>");
    rp_htmls(w, e->claim->outlet);
    rp_raw(w, "</dd></dl><blockquote>“");
    rp_marked(w, &e->claim, 1, rp_html, "<mark>", "</mark>");
    rp_raw(w, "” ");
    html_cite(w, r, e->claim);
    rp_raw(w, "</blockquote></div>");
}

static void html_pair(rp_w *w, const rp_report *r, size_t fi, size_t i)
{
    const sr_figure *f = &r->fs->f[fi];
    rp_unit u = rp_figure_unit(f);
    size_t ref = (size_t)f->entries[i].ref;
    rp_printf(w, "<h4><a href=\"#f%zu\">", fi + 1);
    rp_htmls(w, f->label);
    rp_printf(w, "</a> <span class=\"muted\">#%zu vs #%zu</span></h4>\n<div class=\"pair\">",
              ref + 1, i + 1);
    html_side(w, r, &f->entries[ref], ref, &u);
    html_side(w, r, &f->entries[i], i, &u);
    rp_raw(w, "</div>\n");
}

static void html_conflicts(rp_w *w, const rp_report *r)
{
    rp_raw(w, "<section id=\"conflicts\">\n<h2>Conflicts</h2>\n");
    size_t shown = 0;
    for (size_t i = 0; i < r->fs->n; i++)
        for (size_t j = 0; j < r->fs->f[i].n; j++)
            if (rp_conflict_shown(&r->fs->f[i], j))
                html_pair(w, r, i, j), shown++;
    if (!shown)
        rp_raw(w, "<p>No report contradicts another of the same time.</p>\n");
    rp_raw(w, "</section>\n");
}

static void html_doc_head(rp_w *w, const sr_stored_claim *c)
{
    rp_printf(w, "<article class=\"doc\" id=\"d%lld\">\n<h3>", (long long)c->doc);
    rp_htmls(w, *c->title ? c->title : *c->doc_key ? c->doc_key : "(untitled)");
    rp_raw(w, "</h3>\n<p class=\"meta\"><span class=\"codes\">");
    rp_htmls(w, c->doc_key);
    rp_raw(w, "</span> · ");
    rp_htmls(w, *c->outlet ? c->outlet : "(no outlet)");
    if (*c->published) {
        rp_raw(w, " · published ");
        rp_htmls(w, c->published);
    }
    if (rp_url_ok(c->url)) {
        rp_raw(w, " · <a href=\"");
        rp_url(w, c->url, 1);
        rp_raw(w, "\" rel=\"noopener noreferrer\">");
        rp_htmls(w, c->url);
        rp_raw(w, "</a>");
    } else if (*c->url) {
        rp_raw(w, " · address (not linked): ");
        rp_htmls(w, c->url);
    }
    rp_raw(w, "</p>\n");
}

/* One cited sentence: its anchor, number and text, each window of it once. */
static void html_sentence(rp_w *w, const rp_report *r, size_t k)
{
    const rp_sent *s = &r->sent[k];
    char a[48];
    rp_anchor(a, sizeof a, r->cl[s->first]);
    rp_printf(w, "<li id=\"%s\"><span class=\"n\">[%zu]</span>“", a, k + 1);
    rp_sentence(w, r, s, rp_html, "<mark>", "</mark>");
    rp_raw(w, "”</li>\n");
}

static void html_sources(rp_w *w, const rp_report *r)
{
    rp_raw(w, "<section id=\"sources\">\n<h2>Sources</h2>\n");
    char d[64], s[64];
    rp_fmt_count(d, sizeof d, r->ndocs_cited, "document", "documents");
    rp_fmt_count(s, sizeof s, r->nsent, "sentence", "sentences");
    rp_printf(w, "<p>%s, %s cited; each figure is highlighted.</p>\n", d, s);
    for (size_t i = 0; i < r->ndocs_cited; i++) {
        const rp_doc *doc = &r->docs[i];
        html_doc_head(w, r->cl[r->sent[doc->first].first]);
        rp_raw(w, "<ol class=\"cites\">\n");
        for (size_t k = doc->first; k < doc->first + doc->n; k++)
            html_sentence(w, r, k);
        rp_raw(w, "</ol>\n</article>\n");
    }
    rp_raw(w, "</section>\n");
}

sr_status rp_render_html(sr_buf *out, const rp_report *r)
{
    rp_w w = {out, SR_OK};
    html_head(&w, r);
    html_summary(&w, r);
    for (size_t i = 0; i < r->nfull; i++)
        html_figure(&w, r, i);
    rp_raw(&w, "</section>\n");
    html_others(&w, r);
    html_conflicts(&w, r);
    html_sources(&w, r);
    rp_raw(&w, "<footer>Made by sitrep " SR_VERSION " from the stored reports.</footer>\n"
               "</main>\n</body>\n</html>\n");
    return w.st;
}
