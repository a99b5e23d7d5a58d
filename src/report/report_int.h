/* report_int.h: the situation report's shared pieces (src/report/).
 *
 * sr_report_render (report.c) first builds an rp_report: totals over every figure and
 * the index of cited sentences, every claim a timeline or a conflict shows, sorted by
 * (published day, document, sentence, window, offset) and grouped by sentence. The
 * sources section prints that index in order and numbers each sentence; timelines and
 * conflicts find a claim's number by binary search, so the report costs O(n log n) in
 * its entries. The Markdown (report_md.c) and HTML (report_html.c, with charts from
 * report_svg.c) writers only walk the figures and the index.
 *
 * Output goes through an rp_w, a writer with a sticky status: after the first failure
 * every call is a no-op, so writers can append freely and check once at the end. Text
 * from reports or the store is written only through rp_html (the one HTML escaper) or
 * rp_md (Markdown); formatted numbers and dates go through them too, since a unit of
 * measure is text from a report. */
#ifndef SR_REPORT_INT_H
#define SR_REPORT_INT_H

#include <math.h>

#include "../core/internal.h"
#include "sitrep_store.h"

/* ---- output (report.c) --------------------------------------------------------------- */

typedef struct {
    sr_buf *b; /* borrowed: the caller owns the bytes written */
    sr_status st;
} rp_w;

/* The writers below append to w->b (nothing else is allocated) and only set w->st. */

void rp_raw(rp_w *w, const char *s);
void rp_rawn(rp_w *w, const char *s, size_t n);
/* printf for markup, with only the conversions the writers use: %s (not escaped: never
 * text from reports) %d %u %zu %lld %.Nf (N <= 3) %02X %%; any other sets SR_USAGE. */
void rp_printf(rp_w *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends s (n bytes) escaped for HTML text and attribute values alike: & < > " ' become
 * entities; other C0 controls but tab and newline become a space. */
void rp_html(rp_w *w, const char *s, size_t n);
void rp_htmls(rp_w *w, const char *s);
/* Appends s escaped for Markdown inline text that may sit in a table cell: the
 * metacharacters \ ` * _ [ ] < > | # ~ are backslash-escaped, & too where it would start
 * an entity ("&amp;"), and line breaks and tabs collapse into one space. */
void rp_md(rp_w *w, const char *s, size_t n);
void rp_mds(rp_w *w, const char *s);
/* Appends url as a link target: bytes that could end the target or an attribute
 * (controls, space, " ' < > ( ) [ ] ` \ |) are percent-encoded; in HTML mode the result
 * is also entity-escaped. Only call it for a url rp_url_ok accepts. */
void rp_url(rp_w *w, const char *url, int html);
/* True when url is http:// or https:// (any case): the only schemes a report links. */
int rp_url_ok(const char *url);

/* ---- formatting (report_fmt.c) ------------------------------------------------------
 * Each writes a NUL-terminated string into o (cap bytes, at least 64), truncating at a
 * UTF-8 boundary when it must. None allocates. */

typedef struct {
    uint8_t kind;     /* sr_unit_kind */
    const char *code; /* currency code or unit of measure ("" for counts and percent) */
} rp_unit;

/* The unit a figure's values are in, from its first entry or its unit string. */
rp_unit rp_figure_unit(const sr_figure *f);
/* 1,500 / 12,000 / 2.5 / 1.3 million / 2.5 billion ("?" for a non-finite value). */
void rp_fmt_num(char *o, size_t cap, double v);
/* 12k, 1.3M, 2.5B: for axis ticks. The suffix is the one ref (the axis's largest
 * tick, or v itself) takes, so one axis reads 6k, 8k, 10k rather than 8,000, 10k. */
void rp_fmt_compact(char *o, size_t cap, double v, double ref, const rp_unit *u);
/* A number with its unit: "$1.3 billion", "12%", "1,500 km", "UAH 300 million". */
void rp_fmt_value(char *o, size_t cap, double v, const rp_unit *u);
/* "11,000–13,000", "1.2–1.5 million", "$3–4 billion". */
void rp_fmt_range(char *o, size_t cap, double lo, double hi, const rp_unit *u);
/* The interval an entry allows (reconciliation's, rounding included): "≥ 10,000",
 * "≤ 15,000", "10,550–13,450", "12,000". */
void rp_fmt_entry(char *o, size_t cap, const sr_figure_entry *e, const rp_unit *u);
/* The figure's current best range in words: "about 12,000", "at least 1.3 million",
 * "11,000–13,000"; "no current estimate" without one. The best range is the
 * intersection of the latest claims' own bounds (sr_claim_bounds); when one claim's
 * bounds are the best range, its hedge gives the words. */
void rp_fmt_best(char *o, size_t cap, const sr_figure *f, const rp_unit *u);
/* "18 Oct 2024"; "undated" for year 0. */
void rp_fmt_day(char *o, size_t cap, sr_ymd d);
/* The day of a figure's best range ("18 Oct 2024"), or "" when it has none: no best
 * range, or no dated claim (best_as_of is then not a real day). */
void rp_fmt_best_day(char *o, size_t cap, const sr_figure *f);
/* An inclusive interval of days as people write it: "18 Oct 2024", "Oct 2024", "2024",
 * "18–20 Oct 2024", "28 Oct – 3 Nov 2024". */
void rp_fmt_period(char *o, size_t cap, sr_ymd b, sr_ymd e);
/* The interval an entry allows: e->lo/e->hi, or the claim's bounds where those are NaN. */
void rp_entry_bounds(const sr_figure_entry *e, double *lo, double *hi);
/* An entry's as-of interval as days since 1970 (the publication day when the claim has
 * no as-of date). Returns 0 when neither is known. */
int rp_entry_days(const sr_figure_entry *e, int32_t *b, int32_t *end);
/* "1 figure" / "3 figures" into o. */
void rp_fmt_count(char *o, size_t cap, size_t n, const char *one, const char *many);
/* A figure's flags for summaries: "2 conflicts, projections", "" when none. */
void rp_fmt_flags(char *o, size_t cap, const sr_figure *f);
/* The label an entry's ref belongs to (conflict, else update, agreement, copy; 0 for
 * none), and the word that joins it to the entry referred to: "conflict with #2",
 * "update of #1". */
uint32_t rp_ref_label(uint32_t labels);
const char *rp_ref_word(uint32_t bit);
/* The place a claim names: the gazetteer's name, or the place as written, or "". */
const char *rp_place(const sr_stored_claim *c);

/* ---- the index of cited sentences (report.c) ---------------------------------------- */

typedef struct {
    size_t first, n; /* its claims: rp_report.cl[first .. first + n) */
} rp_sent;

typedef struct {
    size_t first, n; /* its sentences: rp_report.sent[first .. first + n) */
} rp_doc;

typedef struct {
    const sr_figures *fs;
    const char *title;          /* never NULL */
    const char *about;          /* NULL when there is no filter */
    size_t nfull;               /* figures shown in full: fs->f[0 .. nfull) */
    const sr_stored_claim **cl; /* every cited claim, in sources order, once */
    size_t ncl;
    rp_sent *sent; /* cited sentences; number i + 1 is sent[i] */
    size_t nsent;
    rp_doc *docs; /* cited documents */
    size_t ndocs_cited;
    size_t ndocs, nsources, nconflicts, nentries; /* over all figures */
    sr_ymd first, last; /* the as-of dates' span; year 0 when there is none */
} rp_report;

/* The number (from 1) of the cited sentence holding claim c, or 0 if it is not cited. */
size_t rp_cite(const rp_report *r, const sr_stored_claim *c);
/* "d12-s3": the anchor of claim c's sentence in the sources section. */
void rp_anchor(char *o, size_t cap, const sr_stored_claim *c);
/* The overview paragraph (numbers and dates only: nothing from reports). */
void rp_overview(char *o, size_t cap, const rp_report *r);
/* Whether conflict entry i of f is shown as a pair with its ref (each pair once). */
int rp_conflict_shown(const sr_figure *f, size_t i);

/* The figure's bytes inside a cited claim's text window, relative to the text: returns 0
 * when the span lies outside the window (nothing is highlighted then). */
int rp_claim_span(const sr_stored_claim *c, size_t *s, size_t *e);

/* Writes the text window of cl[0] with the figure of each of cl[0..n) (claims of one
 * window, by offset) between open and close; text goes through esc (rp_html, rp_md). */
void rp_marked(rp_w *w, const sr_stored_claim *const *cl, size_t n,
               void (*esc)(rp_w *, const char *, size_t), const char *open, const char *close);
/* A cited sentence's text, each window of it once (joined by " … "), with its figures
 * marked (rp_marked); shared by the Markdown and HTML sources sections. */
void rp_sentence(rp_w *w, const rp_report *r, const rp_sent *s,
                 void (*esc)(rp_w *, const char *, size_t), const char *open, const char *close);

/* ---- writers ------------------------------------------------------------------------ */

/* Append the whole report to out (the caller's); r is only read. SR_OK or SR_NOMEM (out
 * then holds part of a report: sr_report_render cuts it back). */
sr_status rp_render_md(sr_buf *out, const rp_report *r);
sr_status rp_render_html(sr_buf *out, const rp_report *r);
/* Writes figure f's chart (an inline <svg> of fixed size in a <figure> with its legend
 * and notes) as HTML. fig is the figure's index, for unique ids. */
void rp_svg_chart(rp_w *w, const sr_figure *f, size_t fig);

#endif
