/* validate_gold.h: the event coder scored against two gold sets of the field, each read in
 * its own format: PETRARCH's unit-test records (XML) and the PLOVER gold-standard records
 * (JSON). validate.h does the same for TABARI's suite.
 *
 * PETRARCH (validate_petrarch.c; petrarch/text/PETR.UnitTest.records.xml). A <Validation>
 * document: its <Environment> names the dictionaries (<Verbfile> in PETRARCH's verb
 * format, <Actorfile>, <Agentfile>, <Discardfile>; each looked for in the XML file's
 * directory, then in ../dictionaries/ beside it) and the record categories in use
 * (<Include>, blank-separated); its <Sentences> hold records
 *     <Sentence date="YYYYMMDD" id="..." category="..." sentence="true|false">
 *       <EventCoding sourcecode="SRC" targetcode="TGT" eventcode="CODE"/>  one per event
 *       <EventCoding noevents="True"/>          nothing is coded
 *       <EventCoding error="storydiscard"/>     PETRARCH's error and discard checks
 *       <Text> the sentence </Text>  <Parse> a parse tree (ignored: sitrep codes words) </Parse>
 *     </Sentence>
 * and <Config option="comma_max" value="0"/> elements between them that change an option
 * for the records after them (comma_* become the coder's COMMA limits; require_dyad and
 * new_actor_length are read by the runner). The discards become discard (###) phrases of
 * the actor dictionary: "+" (story discard) is dropped, as a record is one sentence.
 *
 * PETRARCH scoring. A record is not scored when: it is marked sentence="false" (the file
 * keeps it but PETRARCH does not run it); its category is not in <Include>; it tests an
 * input check PETRARCH makes before coding (an error= other than storydiscard and
 * sentencediscard: "dateline", "bad_input_parse"); it is coded while new_actor_length is
 * above 0 (PETRARCH then codes unknown noun phrases as their quoted words, which sitrep
 * never does); it has no <EventCoding> or no text. A scored record agrees when the set of
 * coded (source, target, code) triples equals the set expected: PETRARCH neither orders
 * its events nor repeats one. noevents agrees with nothing coded (a discarded or complex
 * sentence codes nothing); storydiscard and sentencediscard agree with a discard. Triple
 * precision and recall are counted over the scored records: expected triples found among
 * the coded ones, over the coded and over the expected triples.
 *
 * PLOVER (validate_plover.c; plover/PLOVER_GSR_CAMEO.txt). A JSON array of objects. An
 * object with a string "text" and a string "event" (a PLOVER event type, "AGREE") is a
 * record; "date" ("YYYY-MM-DD") is its day, "id" its name; "event": "DOCUMENT" objects
 * document the file and are not records. Each text is run through the pipeline with the
 * built-in lexicon (Phoenix actors, CAMEO 2.0 verbs), as `sitrep extract` codes it, and
 * each event's CAMEO code mapped to its PLOVER type (plover.h). A record agrees when any
 * coded event has the gold type. Also counted: records with no event coded, records
 * whose first event has the gold type, and records whose gold type the conversion table
 * gives no CAMEO code (those cannot agree). */
#ifndef SR_CODE_VALIDATE_GOLD_H
#define SR_CODE_VALIDATE_GOLD_H

#include <stdio.h>

#include "coder.h"

/* flags: SR_VALIDATE_QUIET, SR_VALIDATE_FAILURES, SR_VALIDATE_VERBOSE (validate.h) */
#include "validate.h"

/* ---- PETRARCH's unit records ---------------------------------------------------------- */

typedef struct {
    size_t records; /* <Sentence> records in the file */
    size_t agreed, disagreed, unscored;
    size_t expected, coded, matched; /* triples over the scored records */
    size_t dict_errors;              /* malformed dictionary lines, skipped */
    char dict_error[240];            /* the first one's message ("" when none) */
} sr_petrarch_result;

/* Runs the records of the XML file at path: reads it (libxml2, no network, no entity
 * loading), loads the dictionaries its <Environment> names, codes each record's text on
 * its day with one coder and compares as above. A malformed dictionary line is skipped,
 * as the readers do, and counted (res->dict_errors, the first message in
 * res->dict_error). Prints to out (NULL: nothing) "PASS ID", "FAIL ID  expected:
 * {S / T / C} ...  got: ..." and, with SR_VALIDATE_VERBOSE, "SKIP ID  why", as flags say;
 * then "note: N malformed dictionary lines skipped; the first: ..." when there were
 * some, and the line "N agree, N disagree, N not scored (N records); triples: precision
 * P% (M/C), recall R% (M/E)". *res is filled (also on error, as far as the run got).
 * Returns SR_OK when the records ran, whatever the agreement; else an error with one line
 * naming the file in err (errn bytes): SR_NOTFOUND / SR_IO for a file that cannot be read
 * (a dictionary the environment names included), SR_XML for malformed XML (with its
 * line), SR_USAGE for an environment without a <Verbfile> or an <Actorfile> or a <Config>
 * value that cannot be read, SR_TOOBIG, SR_NOMEM. Nothing stays allocated after the
 * call. */
sr_status sr_validate_petrarch(const char *path, unsigned flags, FILE *out, sr_petrarch_result *res,
                               char *err, size_t errn);

/* One expected or coded event; the strings are NUL-terminated. */
typedef struct {
    const char *source, *target, *code;
} sr_gold_triple;

/* One <Config option= value=>. */
typedef struct {
    const char *option, *value;
} sr_petr_config;

/* One <Sentence>. Strings live in the suite's arena; a missing attribute is "". */
typedef struct {
    const char *id, *category;
    const char *text;  /* the <Text> element, blanks and line breaks folded to one blank */
    const char *error; /* an <EventCoding error=...> ("" when none) */
    sr_ymd day;        /* from date=, year 0 when missing or not a valid YYYYMMDD day */
    bool in_use;       /* sentence= is not "false" */
    bool noevents;     /* an <EventCoding noevents="True"> */
    size_t ncodings;   /* <EventCoding> elements of any kind */
    size_t ntriples;
    sr_gold_triple *triples;
    size_t nconfig; /* the <Config> elements read since the previous record, in order */
    sr_petr_config *config;
    long line; /* of the <Sentence> tag */
} sr_petr_record;

typedef struct {
    sr_arena *arena; /* owns everything below */
    /* <Environment>: file names and categories as written, trimmed ("" when absent) */
    const char *verbfile, *actorfile, *agentfile, *discardfile, *include;
    size_t nrecords;
    sr_petr_record *records;
} sr_petr_suite;

/* Reads a unit-record document from data[0, n) (name is used in messages). On SR_OK *out
 * owns an arena the caller releases with sr_petr_suite_free. Errors, with one line in err
 * naming the file: SR_XML for bytes that are not well-formed XML ("name:LINE: malformed
 * XML: why"), SR_TOOBIG past SR_GOLD_MAX_FILE, SR_NOMEM; *out is then empty. */
sr_status sr_petr_read(const char *name, const char *data, size_t n, sr_petr_suite *out, char *err,
                       size_t errn);
void sr_petr_suite_free(sr_petr_suite *s);

/* Whether a record is left out of the score, and why (a static string), given the suite's
 * <Include> and the new_actor_length in force; NULL when it is scored. */
const char *sr_petr_unscored(const sr_petr_suite *s, const sr_petr_record *r,
                             long new_actor_length);

/* ---- PLOVER's gold records ------------------------------------------------------------ */

typedef struct {
    size_t records;                     /* array elements, DOCUMENT objects excepted */
    size_t agreed, disagreed, unscored; /* unscored: no string "text" or "event" */
    size_t no_event;                    /* scored records with no event coded */
    size_t first_agreed; /* scored records whose first coded event has the gold type */
    size_t unreachable;  /* scored records whose gold type no CAMEO code maps to (the gold
                            set names 2016 types, DEMAND or FIGHT, that the 2021 table
                            calls otherwise): they cannot agree */
} sr_plover_result;

/* Runs the records of the JSON file at path as above with the built-in lexicon. Prints to
 * out (NULL: nothing) "PASS ID TYPE" or "FAIL ID  expected: TYPE  got: TYPE (CODE) ..."
 * as flags say; with SR_VALIDATE_VERBOSE also "SKIP ID why" and the most frequent
 * (gold, first coded) type pairs among the disagreements; then the line "N agree, N
 * disagree, N not scored (N records); no event coded: N; first event agrees: N; gold
 * type no CAMEO code maps to: N". Returns
 * SR_OK when the records ran; else SR_NOTFOUND / SR_IO, SR_JSON (one line naming the
 * file: malformed JSON, or a top level that is not an array), SR_LIMIT (nesting deeper
 * than SR_GOLD_MAX_JSON_DEPTH), SR_TOOBIG, or an error loading the built-in lexicon or
 * SR_NOMEM, with its line in err. Nothing stays allocated after the call. */
sr_status sr_validate_plover(const char *path, unsigned flags, FILE *out, sr_plover_result *res,
                             char *err, size_t errn);

/* One array element. Strings live in the set's arena; NULL when the element has no
 * such string member (or is not an object). */
typedef struct {
    const char *id, *text, *event;
    sr_ymd day; /* from "date", year 0 when missing or malformed */
} sr_plover_record;

typedef struct {
    sr_arena *arena; /* owns everything below */
    size_t nrecords; /* every element of the array, DOCUMENT objects included */
    sr_plover_record *records;
} sr_plover_gold;

/* Reads a PLOVER gold file from data[0, n) (a UTF-8 byte-order mark is skipped; name is
 * used in messages). On SR_OK *out owns an arena the caller releases with
 * sr_plover_gold_free. Errors, with one line in err naming the file: SR_JSON (malformed,
 * or not an array), SR_LIMIT (nesting too deep), SR_TOOBIG, SR_NOMEM; *out is empty. */
sr_status sr_plover_gold_read(const char *name, const char *data, size_t n, sr_plover_gold *out,
                              char *err, size_t errn);
void sr_plover_gold_free(sr_plover_gold *g);

/* ---- shared by the two runners (validate_gold.c) ------------------------------------ */

/* Writes the printf-style message into err (errn bytes; nothing when err is NULL) and
 * returns st. */
sr_status sr_gold_fail(char *err, size_t errn, sr_status st, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Appends the whole file at path to b. SR_NOTFOUND or SR_IO when it cannot be read,
 * SR_TOOBIG past SR_GOLD_MAX_FILE, SR_NOMEM; each with "path: why" in err. */
sr_status sr_gold_slurp(const char *path, sr_buf *b, char *err, size_t errn);

#endif
