/* record.h: turning one input record (a JSON line, or a whole text file) into an sr_doc. */
#ifndef SR_RECORD_H
#define SR_RECORD_H

#include "../core/internal.h"

/* Builds a document from a JSONL line. name and line are for the default id and for
 * messages. On failure returns the status, writes a one-line reason (without the input
 * name) to err, and *out is NULL. Caller frees *out with sr_doc_free. */
sr_status sr_record_from_json(const char *line, size_t len, const char *name, uint64_t lineno,
                              const sr_reader_options *opt, sr_doc **out, char *err,
                              size_t errsz);

/* Builds a document from the bytes of a text file (copied). Same contract. */
sr_status sr_record_from_text(const char *text, size_t len, const char *name,
                              const sr_reader_options *opt, sr_doc **out, char *err,
                              size_t errsz);

/* Makes d's clean copy; fails with SR_UTF8 or SR_NUL (reason in err) when the text has
 * invalid bytes and opt does not ask for repair. */
sr_status sr_record_finish_text(sr_doc *d, const sr_reader_options *opt, char *err,
                                size_t errsz);

/* The default document id for an input: its base name without directories and without
 * .gz, .txt, .jsonl endings ("stdin" for "-"). */
void sr_record_base_id(const char *name, char *out, size_t n);

#endif
