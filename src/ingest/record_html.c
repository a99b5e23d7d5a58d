/* record_html.c: web pages become documents. A page (an HTML file, an HTML record of a
 * WARC file, or the "html" of a JSONL report) goes through sr_html_page; its main text
 * becomes the document text, so every offset downstream counts bytes of the extracted
 * text, and its metadata fills the fields the input did not give. */
#include <ctype.h>
#include <stdio.h>

#include "record.h"

/* Element names a real page can open with (after the doctype); lower case. */
static const char *const opening_tags[] = {
    "html",     "head",   "body", "meta",   "title",    "link",  "script",   "style",   "base",
    "noscript", "div",    "p",    "span",   "a",        "table", "section",  "article", "main",
    "header",   "nav",    "h1",   "h2",     "h3",       "h4",    "h5",       "h6",      "form",
    "iframe",   "center", "font", "ul",     "ol",       "img",   "br",       "hr",      "pre",
    "b",        "i",      "em",   "strong", "template", "svg",   "frameset", NULL};

/* Copies the start of a UTF-16 text as ASCII ('?' for anything else). */
static size_t utf16_ascii(const unsigned char *p, size_t n, bool le, char *out, size_t outsz)
{
    size_t k = 0;
    for (size_t i = 0; i + 1 < n && k < outsz; i += 2) {
        unsigned u = le ? (unsigned)(p[i] | p[i + 1] << 8) : (unsigned)(p[i] << 8 | p[i + 1]);
        out[k++] = u < 0x80 ? (char)u : '?';
    }
    return k;
}

static bool tag_is_html(const char *s, size_t n)
{
    size_t m = 0;
    while (m < n && m < 12 && isalnum((unsigned char)s[m]))
        m++;
    if (m == 0 || m == 12 || (m < n && !isspace((unsigned char)s[m]) && s[m] != '>' && s[m] != '/'))
        return false;
    for (size_t i = 0; opening_tags[i]; i++)
        if (strlen(opening_tags[i]) == m && !strncasecmp(s, opening_tags[i], m))
            return true;
    return false;
}

bool sr_looks_like_html(const char *bytes, size_t len)
{
    const unsigned char *u = (const unsigned char *)bytes;
    char ascii[128];
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        len = utf16_ascii(u + 2, len - 2, u[0] == 0xFF, ascii, sizeof ascii);
        bytes = ascii;
    } else if (len >= 3 && !memcmp(bytes, "\xEF\xBB\xBF", 3)) {
        bytes += 3;
        len -= 3;
    }
    size_t i = 0;
    while (i < len && (isspace((unsigned char)bytes[i])))
        i++;
    if (len - i < 2 || bytes[i] != '<')
        return false;
    const char *s = bytes + i + 1;
    size_t n = len - i - 1;
    if ((n >= 8 && !strncasecmp(s, "!doctype", 8)) || (n >= 3 && !memcmp(s, "!--", 3)) ||
        (n >= 4 && !strncasecmp(s, "?xml", 4)))
        return true;
    return tag_is_html(s, n);
}

/* Stores the NUL-terminated s (may be NULL) in slot when the slot is empty; s must live
 * in d's arena. */
static void fill(sr_str *slot, const char *s)
{
    if (!slot->n && s && *s) {
        slot->p = s;
        slot->n = strlen(s);
    }
}

/* The host of an absolute URL, lower-cased, without "www." and a port; NULL if none. */
static char *url_host(sr_arena *a, const char *url)
{
    const char *s = url ? strstr(url, "://") : NULL;
    if (!s)
        return NULL;
    s += 3;
    size_t n = strcspn(s, "/?#");
    const char *at = memchr(s, '@', n);
    if (at) {
        n -= (size_t)(at + 1 - s);
        s = at + 1;
    }
    const char *colon = memchr(s, ':', n);
    if (colon)
        n = (size_t)(colon - s);
    if (n > 4 && !strncasecmp(s, "www.", 4)) {
        s += 4;
        n -= 4;
    }
    if (!n)
        return NULL;
    char *h = sr_arena_strndup(a, s, n);
    for (size_t i = 0; h && i < n; i++)
        h[i] = (char)tolower((unsigned char)h[i]);
    return h;
}

/* Copies a NUL-terminated string from elsewhere into the arena (NULL stays NULL). */
static const char *keep(sr_arena *a, const char *s)
{
    return s ? sr_arena_strndup(a, s, strlen(s)) : NULL;
}

sr_status sr_record_html_into(sr_doc *d, const char *html, size_t len, const sr_html_origin *o,
                              char *err, size_t errsz)
{
    sr_page pg;
    sr_status st = sr_html_page(html, len, o, d->arena, &pg, err, errsz);
    if (st)
        return st;
    d->text = pg.text ? pg.text : "";
    d->len = pg.text ? pg.len : 0;
    fill(&d->url, o && o->url && *o->url ? keep(d->arena, o->url) : pg.canonical);
    fill(&d->outlet, pg.site);
    if (!d->outlet.n)
        fill(&d->outlet, url_host(d->arena, d->url.n ? d->url.p : NULL));
    fill(&d->title, pg.title);
    fill(&d->author, pg.author);
    fill(&d->lang, pg.lang);
    if (!d->published.year && !d->published_text.n && pg.day.year) {
        d->published = pg.day;
        fill(&d->published_text, pg.published);
    }
    return SR_OK;
}

/* Makes a document with the given id and extracts the page into it. */
static sr_status from_page(const char *bytes, size_t len, const char *id,
                           const sr_html_origin *origin, const sr_reader_options *opt, sr_doc **out,
                           char *err, size_t errsz)
{
    *out = NULL;
    sr_doc *d = sr_doc_new(id, NULL, 0, NULL);
    if (!d) {
        snprintf(err, errsz, "out of memory for a %zu-byte page", len);
        return SR_NOMEM;
    }
    sr_status st = sr_record_html_into(d, bytes, len, origin, err, errsz);
    if (!st && !d->published.year && opt->default_published.year)
        d->published = opt->default_published;
    if (!st)
        st = sr_record_finish_text(d, opt, err, errsz);
    if (st) {
        sr_doc_free(d);
        return st;
    }
    *out = d;
    return SR_OK;
}

sr_status sr_record_from_html(const char *bytes, size_t len, const char *name,
                              const sr_html_origin *origin, const sr_reader_options *opt,
                              sr_doc **out, char *err, size_t errsz)
{
    char id[256];
    sr_record_base_id(name, id, sizeof id);
    return from_page(bytes, len, id, origin, opt, out, err, errsz);
}

/* The document id of a WARC record: "<urn:uuid:X>" gives "X"; another id loses its
 * angle brackets; without one, "<base>#<record number>". */
static void warc_id(const sr_warc_record *rec, const char *name, char *out, size_t n)
{
    const char *s = rec->id;
    size_t k = strlen(s);
    if (k && s[0] == '<' && s[k - 1] == '>') {
        s++;
        k -= 2;
    }
    if (k > 9 && !strncasecmp(s, "urn:uuid:", 9)) {
        s += 9;
        k -= 9;
    }
    if (k && k < n) {
        memcpy(out, s, k);
        out[k] = 0;
        return;
    }
    char base[256];
    sr_record_base_id(name, base, sizeof base);
    snprintf(out, n, "%s#%llu", base, (unsigned long long)rec->number);
}

sr_status sr_record_from_warc(const sr_warc_record *rec, const char *name,
                              const sr_reader_options *opt, sr_doc **out, char *err, size_t errsz)
{
    char id[300];
    warc_id(rec, name, id, sizeof id);
    sr_html_origin o = {rec->uri && *rec->uri ? rec->uri : NULL, rec->content_type};
    return from_page(rec->payload, rec->len, id, &o, opt, out, err, errsz);
}
