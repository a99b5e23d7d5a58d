/* record.h: turning one input record (a JSON line, a whole text or HTML file, or an
 * HTML page from a WARC file) into an sr_doc. */
#ifndef SR_RECORD_H
#define SR_RECORD_H

#include "../core/internal.h"
#include "../html/html.h"
#include "warc.h"

/* Builds a document from a JSONL line. name and line are for the default id and for
 * messages. On failure returns the status, writes a one-line reason (without the input
 * name) to err, and *out is NULL. Caller frees *out with sr_doc_free. */
sr_status sr_record_from_json(const char *line, size_t len, const char *name, uint64_t lineno,
                              const sr_reader_options *opt, sr_doc **out, char *err, size_t errsz);

/* Builds a document from the bytes of a text file (copied). Same contract. */
sr_status sr_record_from_text(const char *text, size_t len, const char *name,
                              const sr_reader_options *opt, sr_doc **out, char *err, size_t errsz);

/* Builds a document from the bytes of one web page (any charset): its main text becomes
 * the document text; title, author, language, URL (origin's, else the canonical one),
 * outlet (the site's name, else the URL's host without "www.") and publication day
 * (the page's, else opt's default) come from its metadata. origin may be NULL. The id
 * is name's base name. Same contract as sr_record_from_text. */
sr_status sr_record_from_html(const char *bytes, size_t len, const char *name,
                              const sr_html_origin *origin, const sr_reader_options *opt,
                              sr_doc **out, char *err, size_t errsz);

/* Builds a document from an HTML page read from a WARC file called name. The id is the
 * record's WARC-Record-ID without "<urn:uuid:" and ">" (else "<base>#<record>"). Same
 * contract as sr_record_from_text. */
sr_status sr_record_from_warc(const sr_warc_record *rec, const char *name,
                              const sr_reader_options *opt, sr_doc **out, char *err, size_t errsz);

/* Extracts the page [html, html + len) into d, which has no text yet: sets d's text to
 * the page's main text (in d's arena) and fills each of url, outlet, title, author,
 * lang and the publication day that d does not have yet. Returns SR_OK, or an error
 * with a one-line reason in err (d's text then stays as it was). */
sr_status sr_record_html_into(sr_doc *d, const char *html, size_t len, const sr_html_origin *o,
                              char *err, size_t errsz);

/* True when bytes (after an optional UTF-8 or UTF-16 byte-order mark and blanks) start
 * like an HTML document: "<!doctype", "<!--", "<?xml", or the tag of an element that
 * opens real pages (html, head, body, meta, title, script, div, p, ...). A plain-text
 * report that starts with "<" and a word that is no such tag stays text. */
bool sr_looks_like_html(const char *bytes, size_t len);


/* Makes d's clean copy; fails with SR_UTF8 or SR_NUL (reason in err) when the text has
 * invalid bytes and opt does not ask for repair. */
sr_status sr_record_finish_text(sr_doc *d, const sr_reader_options *opt, char *err, size_t errsz);

/* The default document id for an input: its base name without directories and without
 * .gz, .txt, .jsonl, .html, .htm, .warc endings ("stdin" for "-"). */
void sr_record_base_id(const char *name, char *out, size_t n);

#endif
