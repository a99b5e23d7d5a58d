/* sitrep_store.h: many reports, one picture. The SQLite store that `sitrep ingest`
 * fills, the near-duplicate index it keeps, the reconciliation of stored claims into
 * figures, and the situation report rendered from them.
 *
 *   sr_store_open ──> sr_store_add_doc (in sr_store_begin/commit batches)
 *   sr_store_load_claims ──> sr_figures_build ──> sr_figures_emit_jsonl / sr_report_render
 *
 * Everything here reads and writes byte-exact provenance: a stored claim names its
 * document, sentence and byte span in the document's text. */
#ifndef SITREP_STORE_H
#define SITREP_STORE_H

#include "sitrep.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- the store --------------------------------------------------------------------- */

typedef struct sr_store sr_store;

enum {
    SR_STORE_CREATE = 1,   /* create the file when missing (ingest); otherwise it must exist */
    SR_STORE_READONLY = 2, /* open for reading only (figures, report) */
};

/* Opens (and with SR_STORE_CREATE creates) a sitrep database, upgrading an older
 * schema in one transaction. On failure returns an error (SR_NOTFOUND, SR_NOTDB,
 * SR_NEWER, SR_BUSY, SR_READONLY, SR_FULL, SR_DB, SR_NOMEM) and, when errmsg is not NULL,
 * a malloc'd one-line message naming the file (caller frees); *out is then NULL. */
sr_status sr_store_open(const char *path, int flags, sr_store **out, char **errmsg);
void sr_store_close(sr_store *s);

/* The last error as one line naming the database file, or "". */
const char *sr_store_error(const sr_store *s);

/* The schema version this build writes, and the one the open database has. */
int sr_store_schema_version(void);
int sr_store_version(const sr_store *s);

/* Writes happen in batches: begin, add documents, commit. A crash between begin and
 * commit loses the batch and nothing else; re-running the same ingest completes it. */
sr_status sr_store_begin(sr_store *s);
sr_status sr_store_commit(sr_store *s);
void sr_store_rollback(sr_store *s);

typedef struct {
    uint64_t docs;      /* documents stored by this handle */
    uint64_t known;     /* documents skipped: the same content hash was already stored */
    uint64_t mentions, claims;
    uint64_t near_dups; /* stored documents found to be near-duplicates of an earlier one */
} sr_store_stats;

/* Stores an analysed document with its mentions and claims, unless a document with the
 * same content hash (over url, outlet, title, published day and text) is stored
 * already. Finds its near-duplicates among stored documents and records its cluster.
 * *added (may be NULL) is 1 when it was stored. Must be called inside begin/commit. */
sr_status sr_store_add_doc(sr_store *s, const sr_doc *doc, int *added);

const sr_store_stats *sr_store_stats_get(const sr_store *s);

/* ---- stored claims ----------------------------------------------------------------- */

/* A claim as the store gives it back, with what reconciliation and reports need of its
 * document. Strings are NUL-terminated and never NULL ("" when absent). */
typedef struct {
    int64_t id;           /* claims.id */
    int64_t doc;          /* documents.id */
    int64_t cluster;      /* documents.id of the first document of its near-duplicate
                             cluster; equal to doc when it has no earlier copy */
    uint32_t sentence;    /* sentence index in the document */
    uint32_t start, end;  /* the figure's bytes in the document text */
    uint32_t text_start;  /* where `text` starts in the document text */
    double value, low, high;
    uint8_t hedge;        /* sr_hedge */
    uint8_t unit_kind;    /* sr_unit_kind */
    uint8_t vague;        /* "thousands of": value is an order of magnitude */
    uint8_t modality;     /* sr_modality */
    uint8_t source_kind;  /* sr_source_kind */
    uint8_t dated;        /* 1: the as-of date was written in the text; 0: it is the
                             publication day */
    int8_t place_kind;    /* sr_place_kind, or -1 when the claim has no place */
    sr_ymd as_of_begin, as_of_end; /* the as-of interval, inclusive; year 0 unknown */
    const char *as_of;    /* as printed by extract: "2024-10-18", "2024-12-31", "2025-01" */
    const char *quantity; /* the figure as written: "more than 10,000" */
    const char *unit;     /* head noun or unit as written ("soldiers", "km", "$") */
    const char *currency; /* ISO 4217 for money */
    const char *counted;  /* what is counted, as written ("North Korean soldiers") */
    const char *counted_actor; /* its actor code ("PRKMIL") */
    const char *place;    /* the place as written */
    const char *place_id, *place_name, *place_country, *place_region;
    const char *source;   /* who says so, as written ("Seoul's Defense Ministry") */
    const char *source_actors; /* their codes, comma-separated ("KORGOVMIL") */
    const char *via;      /* who relayed it ("Yonhap news agency") */
    const char *doc_key;  /* the report's own id */
    const char *outlet, *url, *title, *published;
    const char *text;     /* the sentence (or a window of a long one) */
} sr_stored_claim;

typedef struct sr_claimset {
    sr_stored_claim *claims;
    size_t n;
    struct sr_arena *arena; /* owns the claims and their strings */
} sr_claimset;

/* Reads every stored claim, in (document, position) order, into *out; with about not
 * NULL only claims of documents whose title or text contains it (case-insensitive).
 * Free with sr_claimset_free. */
sr_status sr_store_load_claims(sr_store *s, const char *about, sr_claimset *out);
void sr_claimset_free(sr_claimset *cs);

/* ---- figures: claims reconciled ---------------------------------------------------- */

/* Labels of a timeline entry (bits). */
enum {
    SR_FIG_UPDATE = 1,       /* a later estimate that differs from the one before */
    SR_FIG_AGREEMENT = 2,    /* compatible with an earlier entry at an overlapping time */
    SR_FIG_CONFLICT = 4,     /* incompatible with an entry at an overlapping time */
    SR_FIG_PROJECTION = 8,   /* a future figure */
    SR_FIG_HYPOTHETICAL = 16,/* a figure put as an example or a condition */
    SR_FIG_COPY = 32,        /* repeats an earlier near-duplicate document: no new source */
};

typedef struct {
    const sr_stored_claim *claim;
    double lo, hi;     /* the interval the claim allows; hi is INFINITY for "at least" */
    int32_t from, to;  /* the days it speaks for, as days since 1970-01-01 (RECONCILE.md) */
    uint8_t timeless;  /* an unattributed figure in the past tense with no date ("the
                          first figure was 1,500"): when it held is unknown, so it is
                          compared with nothing and left out of the best range */
    uint32_t labels;   /* SR_FIG_* */
    int32_t ref;       /* the timeline index of the entry the label refers to (the one
                          updated, agreed with or contradicted), or -1 */
    const char *source_key; /* the independent source it counts as ("KORSPY", "outlet:dw.com") */
} sr_figure_entry;

typedef struct {
    const char *key;     /* stable identity: "PRKMIL|count||RUS|4" */
    const char *label;   /* for people: "North Korean soldiers in Russia" */
    const char *actor;   /* counted actor code, "" when none */
    const char *noun;    /* counted noun (singular, lower case), "" when the actor says it */
    const char *qualifier; /* "killed", "wounded", "captured", ... or "" */
    const char *unit;    /* "count", "percent", a currency code or a unit of measure */
    const char *place_id, *place_name, *country; /* the place the figure is about, or "" */
    sr_figure_entry *entries; /* the timeline, by as-of date, then document and offset */
    size_t n;
    int has_best;        /* best_lo/hi are set */
    double best_lo, best_hi;  /* the current best range, from the latest reported entries */
    sr_ymd best_as_of;
    size_t sources;      /* independent sources */
    size_t documents;    /* distinct documents (copies included) */
    size_t conflicts;    /* entries labelled conflict */
    uint32_t labels;     /* union of the entries' labels */
} sr_figure;

typedef struct sr_figures {
    sr_figure *f;        /* most-reported first */
    size_t n;
    struct sr_arena *arena;
} sr_figures;

/* Groups claims into figures (see docs/RECONCILE.md). The figures point into cs, which
 * must outlive them. Free with sr_figures_free. */
sr_status sr_figures_build(const sr_claimset *cs, sr_figures *out);
void sr_figures_free(sr_figures *fs);

/* One JSON object per figure, one per line. */
sr_status sr_figures_emit_jsonl(sr_buf *out, const sr_figures *fs);

/* The values a claim's words allow, as docs/RECONCILE.md gives them without the
 * rounding allowance: "about 12,000" is 10,800..13,200 and "at least 10,000" is
 * 10,000..INFINITY. What best ranges are made of and charts draw. */
void sr_claim_bounds(const sr_stored_claim *c, double *lo, double *hi);

/* Names of labels as printed ("update", "conflict", ...); labels is one bit. */
const char *sr_figure_label_name(uint32_t label);

/* ---- the situation report ---------------------------------------------------------- */

typedef enum { SR_REPORT_MD, SR_REPORT_HTML } sr_report_format;

typedef struct {
    const char *title;   /* heading; NULL: "Situation report" */
    const char *about;   /* the --about filter, shown under the title; may be NULL */
    size_t max_figures;  /* key figures shown in full; 0: 20 */
} sr_report_options;

/* Renders the report: key figures with their current range and source count, per
 * figure a timeline table (and in HTML an SVG chart), a conflicts section, and the
 * sources every statement links back to (document and sentence). HTML is one
 * self-contained file; every piece of report text is escaped. */
sr_status sr_report_render(sr_buf *out, const sr_figures *fs, sr_report_format fmt,
                           const sr_report_options *opt);

#ifdef __cplusplus
}
#endif
#endif
