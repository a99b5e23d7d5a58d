/* report_md.c: the situation report as Markdown. It is meant to read well as plain text
 * in a terminal as much as rendered: pipe tables, one line per figure beyond the key
 * ones, and numbered sentences in the sources section that every row links to through
 * an explicit <a id> anchor (#d<doc>-s<sentence>). Text from reports goes through rp_md:
 * metacharacters escaped, line breaks collapsed, so no report can break a table or
 * inject markup. */
#include <stdio.h>

#include "report_int.h"

static void md_head(rp_w *w, const rp_report *r)
{
    char ov[512];
    rp_raw(w, "# ");
    rp_mds(w, r->title);
    rp_raw(w, "\n\n");
    if (r->about) {
        rp_raw(w, "About: “");
        rp_mds(w, r->about);
        rp_raw(w, "”\n\n");
    }
    rp_overview(ov, sizeof ov, r);
    rp_mds(w, ov);
    rp_raw(w, "\n\n");
}

/* "**about 12,000** as of 18 Dec 2024 · 5 independent sources · 9 documents · ..." */
static void md_best_line(rp_w *w, const sr_figure *f)
{
    rp_unit u = rp_figure_unit(f);
    char best[200], day[32], src[64], docs[64], flags[128];
    rp_fmt_best(best, sizeof best, f, &u);
    rp_fmt_count(src, sizeof src, f->sources, "independent source", "independent sources");
    rp_fmt_count(docs, sizeof docs, f->documents, "document", "documents");
    rp_fmt_flags(flags, sizeof flags, f);
    rp_raw(w, "**");
    rp_mds(w, best);
    rp_raw(w, "**");
    rp_fmt_best_day(day, sizeof day, f);
    if (*day) {
        rp_raw(w, " as of ");
        rp_mds(w, day);
    }
    rp_printf(w, " · %s · %s", src, docs);
    if (*flags) {
        rp_raw(w, " · ");
        rp_mds(w, flags);
    }
}

static void md_summary(rp_w *w, const rp_report *r)
{
    rp_raw(w, "## Key figures\n\n");
    if (!r->nfull) {
        rp_raw(w, "No figures.\n\n");
        return;
    }
    rp_raw(w, "| # | Figure | Current best | As of | Sources | Documents | Flags |\n"
              "|--:|---|---|---|--:|--:|---|\n");
    for (size_t i = 0; i < r->nfull; i++) {
        const sr_figure *f = &r->fs->f[i];
        rp_unit u = rp_figure_unit(f);
        char best[200], day[32], flags[128];
        rp_fmt_best(best, sizeof best, f, &u);
        rp_fmt_best_day(day, sizeof day, f);
        rp_fmt_flags(flags, sizeof flags, f);
        rp_printf(w, "| %zu | [", i + 1);
        rp_mds(w, f->label);
        rp_printf(w, "](#f%zu) | ", i + 1);
        rp_mds(w, best);
        rp_printf(w, " | %s | %zu | %zu | ", day, f->sources, f->documents);
        rp_mds(w, flags);
        rp_raw(w, " |\n");
    }
    rp_raw(w, "\n");
}

/* Who says so: the source and its codes; the outlet itself when nobody is named. */
static void md_who(rp_w *w, const sr_stored_claim *c)
{
    switch (c->source_kind) {
    case SR_SOURCE_NAMED: rp_mds(w, c->source); break;
    case SR_SOURCE_UNNAMED:
        rp_raw(w, "unnamed source");
        if (*c->source) {
            rp_raw(w, " “");
            rp_mds(w, c->source);
            rp_raw(w, "”");
        }
        break;
    default:
        rp_raw(w, *c->outlet ? "(unattributed) " : "(unattributed)");
        rp_mds(w, c->outlet);
        break;
    }
    if (*c->source_actors) {
        rp_raw(w, " (");
        rp_mds(w, c->source_actors);
        rp_raw(w, ")");
    }
}

static void md_labels(rp_w *w, const sr_figure *f, const sr_figure_entry *e)
{
    int any = 0, has_ref = e->ref >= 0 && (size_t)e->ref < f->n;
    uint32_t with_ref = has_ref ? rp_ref_label(e->labels) : 0;
    for (uint32_t bit = 1; bit <= SR_FIG_COPY; bit <<= 1) {
        if (!(e->labels & bit))
            continue;
        rp_raw(w, any++ ? ", " : "");
        rp_raw(w, sr_figure_label_name(bit));
        if (bit == with_ref)
            rp_printf(w, " %s #%d", rp_ref_word(bit), (int)e->ref + 1);
    }
}

static void md_cite(rp_w *w, const rp_report *r, const sr_stored_claim *c)
{
    char a[48];
    size_t k = rp_cite(r, c);
    rp_anchor(a, sizeof a, c);
    if (k)
        rp_printf(w, "[%zu](#%s)", k, a);
}

static void md_row(rp_w *w, const rp_report *r, const sr_figure *f, size_t i, const rp_unit *u)
{
    const sr_figure_entry *e = &f->entries[i];
    const sr_stored_claim *c = e->claim;
    char when[64], val[200];
    rp_fmt_period(when, sizeof when, c->as_of_begin, c->as_of_end);
    rp_fmt_entry(val, sizeof val, e, u);
    rp_printf(w, "| %zu | %s%s | ", i + 1, when,
              c->dated || !sr_ymd_valid(c->as_of_begin) ? "" : " (pub.)");
    rp_mds(w, c->quantity);
    rp_raw(w, " | ");
    rp_mds(w, val);
    rp_raw(w, " | ");
    rp_mds(w, rp_place(c));
    rp_raw(w, " | ");
    md_who(w, c);
    rp_raw(w, " | ");
    rp_mds(w, c->via);
    rp_raw(w, " | ");
    rp_mds(w, c->outlet);
    rp_raw(w, " | ");
    md_labels(w, f, e);
    rp_raw(w, " | ");
    md_cite(w, r, c);
    rp_raw(w, " |\n");
}

static void md_figure(rp_w *w, const rp_report *r, size_t i)
{
    const sr_figure *f = &r->fs->f[i];
    rp_unit u = rp_figure_unit(f);
    rp_printf(w, "<a id=\"f%zu\"></a>\n\n### %zu. ", i + 1, i + 1);
    rp_mds(w, f->label);
    rp_raw(w, "\n\n");
    md_best_line(w, f);
    rp_raw(w,
           "\n\n| # | As of | As written | Interval | Where | Who says so | Via | Outlet | Labels "
           "| Sentence |\n|--:|---|---|---|---|---|---|---|---|---|\n");
    for (size_t j = 0; j < f->n; j++)
        md_row(w, r, f, j, &u);
    rp_raw(w, "\n");
}

static void md_others(rp_w *w, const rp_report *r)
{
    if (r->nfull >= r->fs->n)
        return;
    rp_printf(w, "## Other figures\n\n%zu more, by number of reports.\n\n", r->fs->n - r->nfull);
    for (size_t i = r->nfull; i < r->fs->n; i++) {
        rp_printf(w, "- <a id=\"f%zu\"></a>", i + 1);
        rp_mds(w, r->fs->f[i].label);
        rp_raw(w, ": ");
        md_best_line(w, &r->fs->f[i]);
        rp_raw(w, "\n");
    }
    rp_raw(w, "\n");
}

static void md_side_row(rp_w *w, const char *name, const char *a, const char *b)
{
    rp_printf(w, "| %s | ", name);
    rp_mds(w, a);
    rp_raw(w, " | ");
    rp_mds(w, b);
    rp_raw(w, " |\n");
}

static void md_pair(rp_w *w, const rp_report *r, size_t fi, size_t i)
{
    const sr_figure *f = &r->fs->f[fi];
    const sr_figure_entry *e[2] = {&f->entries[f->entries[i].ref], &f->entries[i]};
    rp_unit u = rp_figure_unit(f);
    char v[2][200], d[2][64];
    for (int k = 0; k < 2; k++) {
        rp_fmt_entry(v[k], sizeof v[k], e[k], &u);
        rp_fmt_period(d[k], sizeof d[k], e[k]->claim->as_of_begin, e[k]->claim->as_of_end);
    }
    rp_raw(w, "**[");
    rp_mds(w, f->label);
    rp_printf(w, "](#f%zu)**: #%d and #%zu\n\n", fi + 1, (int)f->entries[i].ref + 1, i + 1);
    rp_printf(w, "| | #%d | #%zu |\n|---|---|---|\n", (int)f->entries[i].ref + 1, i + 1);
    md_side_row(w, "Interval", v[0], v[1]);
    md_side_row(w, "As written", e[0]->claim->quantity, e[1]->claim->quantity);
    md_side_row(w, "As of", d[0], d[1]);
    rp_raw(w, "| Who says so | ");
    md_who(w, e[0]->claim);
    rp_raw(w, " | ");
    md_who(w, e[1]->claim);
    rp_raw(w, " |\n");
    md_side_row(w, "Outlet", e[0]->claim->outlet, e[1]->claim->outlet);
    rp_raw(w, "| Sentence |");
    for (int k = 0; k < 2; k++) {
        rp_raw(w, " “");
        rp_marked(w, &e[k]->claim, 1, rp_md, "**", "**");
        rp_raw(w, "” ");
        md_cite(w, r, e[k]->claim);
        rp_raw(w, " |");
    }
    rp_raw(w, "\n\n");
}

static void md_conflicts(rp_w *w, const rp_report *r)
{
    rp_raw(w, "## Conflicts\n\n");
    size_t shown = 0;
    for (size_t i = 0; i < r->fs->n; i++)
        for (size_t j = 0; j < r->fs->f[i].n; j++)
            if (rp_conflict_shown(&r->fs->f[i], j))
                md_pair(w, r, i, j), shown++;
    if (!shown)
        rp_raw(w, "No report contradicts another of the same time.\n\n");
}

static void md_doc_head(rp_w *w, const sr_stored_claim *c)
{
    rp_printf(w, "<a id=\"d%lld\"></a>\n\n### ", (long long)c->doc);
    rp_mds(w, *c->doc_key ? c->doc_key : "(no id)");
    if (*c->title) {
        rp_raw(w, " · ");
        rp_mds(w, c->title);
    }
    rp_raw(w, "\n\n");
    rp_mds(w, *c->outlet ? c->outlet : "(no outlet)");
    if (*c->published) {
        rp_raw(w, " · published ");
        rp_mds(w, c->published);
    }
    if (rp_url_ok(c->url)) { /* an autolink: rp_url leaves no space, < or > in it */
        rp_raw(w, " · <");
        rp_url(w, c->url, 0);
        rp_raw(w, ">");
    } else if (*c->url) {
        rp_raw(w, " · address (not linked): ");
        rp_mds(w, c->url);
    }
    rp_raw(w, "\n\n");
}

/* One cited sentence: its anchor, number and text, each window of it once. */
static void md_sentence(rp_w *w, const rp_report *r, size_t k)
{
    const rp_sent *s = &r->sent[k];
    char a[48];
    rp_anchor(a, sizeof a, r->cl[s->first]);
    rp_printf(w, "- <a id=\"%s\"></a>[%zu] “", a, k + 1);
    rp_sentence(w, r, s, rp_md, "**", "**");
    rp_raw(w, "”\n");
}

static void md_sources(rp_w *w, const rp_report *r)
{
    rp_raw(w, "## Sources\n\n");
    if (!r->nsent) {
        rp_raw(w, "No sentences cited.\n");
        return;
    }
    char d[64], s[64];
    rp_fmt_count(d, sizeof d, r->ndocs_cited, "document", "documents");
    rp_fmt_count(s, sizeof s, r->nsent, "sentence", "sentences");
    rp_printf(w, "%s, %s cited, with each figure in bold.\n\n", d, s);
    for (size_t i = 0; i < r->ndocs_cited; i++) {
        const rp_doc *doc = &r->docs[i];
        md_doc_head(w, r->cl[r->sent[doc->first].first]);
        for (size_t k = doc->first; k < doc->first + doc->n; k++)
            md_sentence(w, r, k);
        rp_raw(w, "\n");
    }
}

sr_status rp_render_md(sr_buf *out, const rp_report *r)
{
    rp_w w = {out, SR_OK};
    md_head(&w, r);
    md_summary(&w, r);
    for (size_t i = 0; i < r->nfull; i++)
        md_figure(&w, r, i);
    md_others(&w, r);
    md_conflicts(&w, r);
    md_sources(&w, r);
    return w.st;
}
