/* meta_int.h: internals shared by the metadata reader (meta.c, meta_walk.c, meta_jsonld.c,
 * meta_date.c, meta_text.c). Nothing here is site-specific. */
#ifndef SR_META_INT_H
#define SR_META_INT_H

#include "html.h"

/* Its limits are in limits.h (SR_META_*). */

/* ---- dates in strings (meta_date.c) ---- */

/* True for a valid day with a plausible year (the bounds above). */
bool sr_meta_date_plausible(sr_ymd d);
/* Reads a machine-written date at the start of s (after spaces): "2024-11-05", with or
 * without a time after it, "2024/11/05", "2024.11.05" or "20241105". True with *out on a
 * valid day. */
bool sr_meta_date_iso(const char *s, size_t n, sr_ymd *out);
/* Finds the first human-written date in s (UTF-8): "5 November 2024", "5. November 2024",
 * "November 5, 2024", "5 de noviembre de 2024", "05.11.2024", "2024-11-05", month names
 * and abbreviations in common European languages. mdy reads "11/05/2024" as November 5
 * (the US order) when both readings are valid. Returns true with *out and the matched
 * bytes [*start, *end) (either may be NULL). */
bool sr_meta_date_find(const char *s, size_t n, bool mdy, sr_ymd *out, size_t *start, size_t *end);
/* An attribute value: a machine date, else the first human-written one. */
bool sr_meta_date_value(const char *s, size_t n, bool mdy, sr_ymd *out);
/* A day in a URL's path: /2024/11/05/, /2024-11-05, /20241105/, _2024_11_05. */
bool sr_meta_date_url(const char *url, sr_ymd *out);

/* ---- JSON-LD (meta_jsonld.c) ---- */

/* How much an object's dates and names say about the page itself. */
enum { SR_LD_ARTICLE, SR_LD_PAGE, SR_LD_OTHER, SR_LD_NONE, SR_LD_PERSON };

/* One JSON-LD object that carried something of interest. Strings live in the arena. */
typedef struct {
    int kind;  /* SR_LD_*: from its @type */
    int depth; /* containers around it: the outermost object describes the page */
    sr_ymd published, created, modified;
    char *headline, *name, *author, *publisher, *lang;
    char *id, *author_ref; /* "@id", and the author's "@id" when it gave no name */
} sr_ld_obj;

typedef struct {
    sr_ld_obj obj[SR_META_JSONLD_OBJS];
    int n;
    size_t budget; /* bytes still allowed to be parsed on this page */
} sr_ld;

/* Reads one ld+json script's text into ld: each object with a date, headline, name,
 * author or publisher is appended (in the order objects close). Broken JSON keeps what
 * was read before the error; a "datePublished" after the error is still found by a
 * plain scan. Never fails: out-of-memory only loses strings. */
void sr_meta_jsonld(const char *s, size_t n, sr_arena *a, sr_ld *ld);

/* ---- the walk over the tree (meta_walk.c) ---- */

/* What a <time> element's markup says it is. */
enum { SR_TIME_PUB, SR_TIME_MOD, SR_TIME_PLAIN };

typedef struct {
    sr_ymd day;
    unsigned pos;
    int kind; /* SR_TIME_* */
} sr_mtime;

/* Meta-tag evidence is ranked: a lower rank is the more specific name for the field
 * ("article:published_time" before "date"). */
enum { SR_MF_PUB, SR_MF_MOD, SR_MF_AUTHOR, SR_MF_SITE, SR_MF_TITLE, SR_MF_LANG, SR_MF_N };

/* An element found on the walk, with its place in document order. */
typedef struct {
    xmlNodePtr node;
    unsigned pos;
} sr_mnode;

/* Everything the walk gathers; strings point into the document (valid while it lives). */
typedef struct {
    const char *meta[SR_MF_N]; /* best meta value per field */
    int rank[SR_MF_N];
    sr_ymd meta_pub, meta_mod;         /* meta[SR_MF_PUB/MOD] read as days */
    sr_mtime times[SR_META_MAX_TIMES]; /* <time datetime> and hAtom "published" */
    int ntimes;
    const char *html_lang, *canonical, *og_url;
    xmlNodePtr body;
    sr_mnode title, h1; /* <title>, the first <h1> */
    xmlNodePtr h1s[SR_META_MAX_H1];
    unsigned h1_count;
    sr_mnode datelines[SR_META_MAX_DATELINES];
    int ndatelines;
    sr_mnode bylines[SR_META_MAX_BYLINES];
    int nbylines;
    sr_ld ld;
} sr_mwalk;

/* Walks the whole tree once, iteratively (parent pointers, no stack), filling w: meta
 * and link tags, <html lang>, <title>, the first <h1>, <time> elements, JSON-LD (parsed
 * into w->ld, strings in a) and the elements whose class or id names a date or a byline.
 * Cost is linear in the number of nodes. */
void sr_meta_walk(htmlDocPtr doc, sr_arena *a, sr_mwalk *w);

/* ---- text helpers (meta_text.c) ---- */

/* A small growable text buffer on the stack, truncating at its capacity. */
typedef struct {
    char b[SR_META_MAX_STR + 1];
    size_t n;
} sr_mtext;

/* Appends node's text (descendants in document order, iteratively, skipping scripts and
 * styles) to t, with runs of whitespace collapsed, up to max bytes in t. */
void sr_meta_node_text(xmlNodePtr node, sr_mtext *t, size_t max);
/* Appends the text of from and of each sibling after it (as sr_meta_node_text does for
 * one element's descendants). */
void sr_meta_siblings_text(xmlNodePtr from, sr_mtext *t, size_t max);
/* The first date in the page's visible text from node from on, in document order (text
 * nodes outside scripts and styles, read through a short rolling window so that a date
 * split over elements is still seen), within SR_META_SCAN_NODES text nodes. */
bool sr_meta_scan_dates(xmlNodePtr from, bool mdy, sr_ymd *out);
/* True when the words in s[from..at) just before a date at s[at] announce an update:
 * "Updated", "Aktualisiert am", "mis à jour le", "actualizado", "modified". */
bool sr_meta_update_before(const char *s, size_t from, size_t at);
/* True when the words just before a date at s[at] announce the publication:
 * "Published", "Veröffentlicht am", "Erschienen am", "publié le", "publicado". */
bool sr_meta_pub_before(const char *s, size_t from, size_t at);
/* The first date in the visible text from node from on that sr_meta_pub_before
 * announces, within SR_META_SCAN_NODES text nodes. */
bool sr_meta_scan_labelled(xmlNodePtr from, bool mdy, sr_ymd *out);
/* Collapses whitespace runs to one space and trims, in place; returns the new length. */
size_t sr_meta_squeeze(char *s, size_t n);
/* Case-insensitive ASCII substring test over n bytes of s. */
bool sr_meta_has(const char *s, size_t n, const char *needle);
/* A byline's name: strips "By", "Von", "Par", "Por", "Door", "Di", "Autor:", a trailing
 * date or "|"-part, and rejects URLs, e-mail-only and over-long text. Returns the name
 * copied into a, or NULL. */
char *sr_meta_author_clean(const char *s, size_t n, sr_arena *a);
/* A title without a site-name part (" | Site", " - Site", " – Site", "Site: "): a part
 * that is or contains the site's name (may be NULL) or the name in url's host (may be
 * NULL). Returns a copy in a, or NULL for an empty title. */
char *sr_meta_title_clean(const char *s, size_t n, const char *site, const char *url, sr_arena *a);
/* True when s, its letters and digits lower-cased, is the distinctive label of url's
 * host ("Example-News" on www.examplenews.com). */
bool sr_meta_is_host(const char *s, const char *url);
/* True when the whole of s names the site (see sr_meta_title_clean). */
bool sr_meta_title_is_site(const char *s, const char *site, const char *url);

#endif
