/* verbs.h: the verb dictionaries of the event-coding field, read into one handle (sr_verbs)
 * that the event coder (coder.h) matches against a sentence's words.
 *
 * Read as they are:
 *   - TABARI ".verbs" files: <SYNSETS>, <TIME> and <ATTRIB> sections, verb roots with a
 *     code ("ACCEPT [081]"), irregular forms on a "{...}" line after the root, patterns
 *     "- + WAS * BY $ [066]" with the tokens * $ + % ^ @, synsets &NAME, alternatives
 *     "{ A | B }", the connectors "_" (exact word, and: next word follows at once) and
 *     "~" (any ending, next word follows at once), "=" (no regular endings);
 *   - PETRARCH's "CAMEO.2.0.txt" (verbs_petrarch.c): "--- NAME [code] ---" blocks of
 *     synonymous verbs sharing patterns, "+" marking the verb word of a multi-word verb,
 *     "{A B}" noun phrases and "(PREP NOUN)" prepositional phrases in patterns;
 *   - the <NOUN> and <ADJECTIVE> sections of a TABARI actors file (sr_verbs_load_words),
 *     used to parse compound noun phrases.
 * A malformed line gets "file:line: expected ..." (sr_verbs_error) and is skipped; the rest
 * of the file is still read. */
#ifndef SR_CODE_VERBS_H
#define SR_CODE_VERBS_H

#include "../core/internal.h"

typedef struct sr_verbs sr_verbs;

typedef enum {
    SR_VERBS_TABARI = 0,   /* a TABARI .verbs file */
    SR_VERBS_PETRARCH = 1, /* PETRARCH's CAMEO.2.0.txt format */
    SR_VERBS_WORDS = 2,    /* the <NOUN>/<ADJECTIVE> sections of a TABARI .actors file */
} sr_verbs_format;

/* NULL on out-of-memory. Everything the handle hands out lives until sr_verbs_free. */
sr_verbs *sr_verbs_new(void);
void sr_verbs_free(sr_verbs *v);

/* Reads one file's bytes (name is used in messages). Returns SR_OK, or the first error's
 * status (SR_DICT for syntax, SR_LIMIT, SR_NOMEM) with its message in sr_verbs_error();
 * a bad line is skipped and counted and the rest of the file is read. */
sr_status sr_verbs_load_mem(sr_verbs *v, sr_verbs_format f, const char *name, const char *data,
                            size_t len);
/* The same for a path: SR_NOTFOUND / SR_IO when it cannot be read. */
sr_status sr_verbs_load_file(sr_verbs *v, sr_verbs_format f, const char *path);

/* Sorts each root's patterns longest first (TABARI's order) and builds the lookup
 * tables; must be called after the last load and before coding. */
sr_status sr_verbs_finish(sr_verbs *v);

const char *sr_verbs_error(const sr_verbs *v);   /* first error, "" if none */
const char *sr_verbs_warning(const sr_verbs *v); /* first warning, "" if none */

typedef struct {
    size_t roots, forms, patterns, synsets, words, errors, warnings, duplicates;
    bool time_section; /* a <TIME> section was read (TABARI turns time shifting on) */
} sr_verbs_stats;
void sr_verbs_get_stats(const sr_verbs *v, sr_verbs_stats *out);

#endif
