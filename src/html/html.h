/* html.h: web pages become documents. A page's bytes are decoded to UTF-8 (charset.c),
 * parsed with libxml2's HTML parser, stripped to the article's own text (extract.c) and
 * read for metadata (meta.c); page.c joins the steps.
 *
 * Nothing here is site-specific: every rule looks at the structure of the page, the
 * generic vocabulary of class names and the schema.org / Open Graph conventions. */
#ifndef SR_HTML_H
#define SR_HTML_H

#include <libxml/HTMLparser.h>

#include "../core/internal.h"

/* Where a page came from, when known (a WARC record, a JSONL report). */
typedef struct {
    const char *url;          /* the address the page was fetched from; may be NULL */
    const char *content_type; /* HTTP Content-Type header value; may be NULL */
} sr_html_origin;

/* What a page yields. Strings are NUL-terminated, in the caller's arena, NULL when
 * unknown. */
typedef struct {
    char *text; /* the article's text: blocks separated by blank lines */
    size_t len;
    char *title, *author, *site, *canonical, *lang;
    char *published;     /* publication day as YYYY-MM-DD, as found */
    sr_ymd day;          /* the same day; year 0 when none was found */
    const char *charset; /* the encoding the page was decoded from */
} sr_page;

/* Decodes, parses and extracts one page. Returns SR_OK with *out filled, or an error
 * status with a one-line reason in err (without the input name). Time and memory are
 * bounded by the page's size and the limits in limits.h. */
sr_status sr_html_page(const char *bytes, size_t len, const sr_html_origin *o, sr_arena *a,
                       sr_page *out, char *err, size_t errsz);

/* ---- the steps, for page.c and the tests ---- */

/* Converts bytes to UTF-8 following the HTML rules of precedence: byte-order mark, the
 * HTTP header's charset, <meta charset> / <meta http-equiv> in the first 4 KiB, then
 * UTF-8 when the bytes are valid UTF-8, else windows-1252. Invalid sequences become
 * U+FFFD. Returns the converted bytes (in a, or bytes itself when they are already
 * clean UTF-8 without NUL), their length in *outlen, and the charset used in *charset;
 * NULL on out-of-memory. */
char *sr_html_to_utf8(const char *bytes, size_t len, const char *content_type, sr_arena *a,
                      size_t *outlen, const char **charset);

/* Parses UTF-8 HTML into a libxml2 tree (free with xmlFreeDoc). NULL on failure. */
htmlDocPtr sr_html_parse(const char *utf8, size_t len);

/* The main text of a parsed page into out->text / out->len. */
sr_status sr_html_main_text(htmlDocPtr doc, sr_arena *a, sr_page *out);

/* Title, author, publication day, site name, canonical URL and language into out. url
 * (may be NULL) is the page's address, used for a date in the path and to resolve a
 * relative canonical link. */
void sr_html_meta(htmlDocPtr doc, const char *url, sr_arena *a, sr_page *out);

#endif
