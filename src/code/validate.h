/* validate.h: TABARI's validation suite (manual 10.1) run against the event coder.
 *
 * A suite is a project file naming the dictionaries, the .options file and a text file of
 * records. A record is a header line "YYMMDD ID", a sentence, and a comment in which
 * blocks give what TABARI codes from the sentence: "{ SRC / TGT / CODE }" per event in
 * order (optionally followed by the YYMMDD date after time shifting), "{---}" no event,
 * "{###}" a discard, "{+++}" a complex sentence, "-{" stop checking here, and
 * "{ OPTION: <.options line> }" a change of options for the records that follow. The
 * run stops at the record FINAL-01; the records after it exercise TABARI's error paths. */
#ifndef SR_CODE_VALIDATE_H
#define SR_CODE_VALIDATE_H

#include <stdio.h>

#include "coder.h"

/* ---- running a suite ----------------------------------------------------------------- */

typedef struct {
    size_t records; /* records read before FINAL-01 */
    size_t passed;
    size_t failed;
    size_t unscored; /* OPTION-only records, {+++}, records whose first block is -{,
                        records without blocks, records with an invalid date */
    bool final_seen; /* FINAL-01 was reached */
} sr_validate_result;

enum {
    SR_VALIDATE_QUIET = 1,    /* print only the summary line */
    SR_VALIDATE_FAILURES = 2, /* print per-record lines for failures only */
    SR_VALIDATE_VERBOSE = 4,  /* also print a line for each record not scored, with why */
};

/* Runs the suite in dir (a directory holding Validate.project, or the path of a .project
 * file; the file names in it are relative to its directory). Loads the actors file as
 * actors and as nouns and adjectives for the verbs, the agents file, the verbs file and
 * the options (sr_coder_options_default with TABARI's MINIMUM WORDS of 8, then the
 * .options file), then codes every record up to FINAL-01 with one coder and compares.
 * Prints to out (NULL: nothing) "PASS ID" or "FAIL ID  expected: ...  got: ..." per
 * record as flags say, and ends with "N passed, N failed, N not scored". *res is filled
 * (also on error, as far as the run got).
 * Returns SR_OK when the suite ran, whatever its pass rate; else the error with one line
 * naming the file in err (errn bytes): SR_NOTFOUND or SR_IO for a file that cannot be
 * read, SR_DICT (or SR_DATE, SR_LIMIT) for a malformed dictionary with the dictionary's
 * own message, SR_USAGE for a project without the files it needs or an options line
 * that cannot be read, SR_NOMEM. Nothing stays allocated after the call. */
sr_status sr_validate_tabari(const char *dir, unsigned flags, FILE *out, sr_validate_result *res,
                             char *err, size_t errn);

/* ---- the parts, for tests ------------------------------------------------------------ */

/* One record of a TABARI text file, borrowed from the file's bytes. */
typedef struct {
    sr_str header; /* the date line, without its line break */
    sr_str body;   /* the lines after it up to the next empty line, breaks included */
    size_t line;   /* 1-based line of the header */
} sr_tabari_record;

/* Finds the next record in text[*pos, n) as TABARI does: the next line starting with a
 * digit is a header, and the record runs to the next empty (or blank) line; other lines
 * between records ("#" banners) are skipped. *line counts the lines before *pos (0 at
 * the start); both move past the record. Returns false when no record is left. */
bool sr_tabari_next(const char *text, size_t n, size_t *pos, size_t *line, sr_tabari_record *r);

/* Reads a header: the date from its first 6 characters, YYMMDD (two-digit years 00-30
 * are 20xx, the rest 19xx), or its first 8, YYYYMMDD, when yyyy; the ID is the rest of
 * the line without surrounding blanks, cut to idn - 1 bytes. Returns false when the date
 * is not a valid day (id is filled all the same). */
bool sr_tabari_header(sr_str header, bool yyyy, sr_ymd *day, char *id, size_t idn);

/* Appends the record's sentence to out: the body outside its comment, line breaks as
 * blanks, without blanks at either end. The comment runs from the body's first comment
 * opener to its last closer (or to the end of the record when none follows it), since
 * the suite has stray closers and openers inside comments. SR_OK or SR_NOMEM. */
sr_status sr_tabari_sentence(const sr_tabari_record *r, sr_buf *out);

enum { SR_TABARI_MAX_BLOCKS = SR_CODER_MAX_EVENTS, SR_TABARI_MAX_OPTIONS = 16 };

typedef struct {
    char source[32], target[32], code[16]; /* without blanks around them */
    char date[12]; /* the digits written after the block ("950103"), "" when none */
    bool dash;     /* written "-{": checking stops at this block */
} sr_tabari_block;

typedef enum {
    SR_EXPECT_NOTHING = 0, /* no block: nothing to check */
    SR_EXPECT_EVENTS,      /* blocks[0, nblocks) in order */
    SR_EXPECT_NONE,        /* {---}: no event (or a sentence too short to code) */
    SR_EXPECT_DISCARD,     /* {###} */
    SR_EXPECT_COMPLEX,     /* {+++}: not scored */
} sr_tabari_expect_kind;

typedef struct {
    sr_tabari_expect_kind kind; /* a special block decides it: +++, then ###, then --- */
    bool first_dash;            /* the first block is written "-{" */
    size_t nblocks;
    sr_tabari_block blocks[SR_TABARI_MAX_BLOCKS];
    size_t noptions;
    sr_str options[SR_TABARI_MAX_OPTIONS]; /* the .options lines of OPTION: blocks, in
                                              order, borrowed from the record */
    char problem[96];                      /* why a block could not be read ("" when all could) */
} sr_tabari_expect;

/* Reads the blocks of the record's comment (empty blocks, such as "{}" in prose, are
 * skipped; a block without its "}" ends at the next "{" or comment closer). */
void sr_tabari_expect_read(const sr_tabari_record *r, sr_tabari_expect *e);

/* Why the record is not scored (a static string), or NULL when it is. time_shift: a
 * first block "-{" with a date is still scored on the date when time shifting is on. */
const char *sr_tabari_unscored(const sr_tabari_expect *e, bool time_shift);

/* Does what the coder made of the sentence (got, coded on day) match e, a scored
 * expectation? With time shifting on and events expected, the first block's date must
 * equal the shifted day (YYMMDD, or YYYYMMDD when yyyy). */
bool sr_tabari_matches(const sr_tabari_expect *e, const sr_coded *got, sr_ymd day, bool time_shift,
                       bool yyyy);

#endif
