/* dict.h: actor and agent dictionaries of the event-coding field (TABARI / PETRARCH
 * formats), read into one handle and matched against a document's tokens.
 *
 * A dictionary (sr_dict) holds phrases ("THE_UNITED_NATIONS_", "FOREIGN_MINISTER"), each
 * pointing to a record: the code sets its file gave it, in order, each either
 * unrestricted (a default) or valid on a closed interval of days. Phrases of one record
 * are the primary phrase and its "+" synonyms. Matching finds, at a token, the longest
 * phrase whose words equal the following tokens (hyphen tokens are skipped, as TABARI
 * reads hyphens as blanks); a final word written without "_" is a stem and matches any
 * word it begins, a final word with "_" matches the word or the word plus "S". This is
 * groundwork for the coding stage; nothing in the pipeline calls it yet. */
#ifndef SR_CODE_DICT_H
#define SR_CODE_DICT_H

#include "../core/internal.h"

/* A malformed line is SR_DICT (a bad date SR_DATE), always with a "file:line: expected
 * ..." message on the handle. */
#define SR_DICT_SYNTAX SR_DICT

/* ---- the handle ------------------------------------------------------------------- */

typedef struct sr_dict sr_dict;

typedef enum { SR_DICT_ACTOR = 0, SR_DICT_AGENT = 1 } sr_dict_kind;

enum {
    SR_DICT_MERGE_DUPS = 1,  /* a repeated phrase adds its code sets to the first entry's
                                (default: TABARI's rule, the first entry wins and the
                                repeat is counted as a warning) */
    SR_DICT_WHOLE_WORDS = 2, /* PETRARCH's rule: no stems, no "S" ending; every word whole */
    SR_DICT_NO_STEMS = 4,    /* no stems: an unmarked final word is read as a whole word
                                with TABARI's "S" ending ("NORTH_KOREAN" matches "North
                                Koreans", "MEN" no longer "mentioning"): how the built-in
                                Phoenix files are read, written for PETRARCH's whole
                                words */
    SR_DICT_GAPS = 8,        /* TABARI's blanks: in "PRINCE DOL_AMROTH" the words joined by a
                                blank rather than "_" may have up to SR_DICT_MAX_GAP other
                                tokens between them in the text ("Prince of Dol Amroth");
                                off for the built-in Phoenix files, whose blanks are slips */
};

/* Code flags. */
enum {
    SR_CODE_NULL = 1,          /* "---": the phrase is deliberately not an actor */
    SR_CODE_DISCARD = 2,       /* "###": TABARI's discard code */
    SR_CODE_COMPLEX = 4,       /* "+++": TABARI's complex code */
    SR_CODE_AGENT_AFTER = 8,   /* "~GOV": the agent code goes after the actor code */
    SR_CODE_AGENT_BEFORE = 16, /* "NGO~": the agent code goes before it */
};

typedef struct {
    const char *text; /* interned, NUL-terminated, without "~" (e.g. "GOV", "IGOUNO") */
    uint32_t len;
    uint32_t flags; /* SR_CODE_* */
} sr_dict_code;

/* What an entry names (sr_dict_match.entry). The supplement says so; for TABARI and
 * PETRARCH files, whose format cannot, an entry with a date-restricted code set is taken
 * to be a person (office holders are the only date-restricted entries in Phoenix). */
enum {
    SR_ENTRY_PERSON = 1, /* one individual */
    SR_ENTRY_SEAT = 2,   /* a capital or building standing for a government ("Seoul") */
    SR_ENTRY_GROUP = 4,  /* an organisation, institution or country */
    SR_ENTRY_TYPED = 8,  /* the kind was given by the file (the supplement) */
};

/* How the last word of a match matched. */
enum { SR_MATCH_EXACT, SR_MATCH_PLURAL, SR_MATCH_STEM };

typedef struct {
    uint32_t first, end;              /* token range [first, end) in doc->tokens */
    uint8_t kind;                     /* sr_dict_kind */
    uint8_t how;                      /* SR_MATCH_* of the last word */
    uint32_t phrase;                  /* phrase id */
    const char *text;                 /* the phrase as written (after marker substitution) */
    const char *primary;              /* its record's primary phrase (TABARI's "parent") */
    uint32_t ncodes;                  /* codes valid on the day; 0 when none applies */
    const sr_dict_code *const *codes; /* borrowed from the dictionary */
    const sr_dict_code *first_code;   /* the record's first code in file order, whatever
                                         its dates (NULL: no code at all) */
    uint8_t entry;                    /* SR_ENTRY_* */
} sr_dict_match;

/* Creates an empty dictionary (flags: SR_DICT_*). NULL on out-of-memory. Free with
 * sr_dict_free; everything it hands out lives until then. */
sr_dict *sr_dict_new(unsigned flags);
void sr_dict_free(sr_dict *d);

/* Reads one actor or agent file from bytes (copied as needed; the caller keeps data).
 * name is used in messages. A malformed line is skipped and counted; the first error's
 * status is returned (SR_DICT_SYNTAX, SR_DATE, SR_LIMIT) with its one-line message in
 * sr_dict_error(), and the rest of the file is still read. SR_NOMEM leaves the
 * dictionary usable but possibly without the file's phrases. */
sr_status sr_dict_load_mem(sr_dict *d, sr_dict_kind kind, const char *name, const char *data,
                           size_t len);
/* The same for a file path: SR_NOTFOUND / SR_IO when it cannot be read. */
sr_status sr_dict_load_file(sr_dict *d, sr_dict_kind kind, const char *path);

/* The first error ("file:line: expected ..."), or "" when none. */
const char *sr_dict_error(const sr_dict *d);
/* The first warning (duplicate phrase, agent without code, odd date), or "". */
const char *sr_dict_warning(const sr_dict *d);

typedef struct {
    size_t phrases[2]; /* stored phrases per sr_dict_kind, generated forms included */
    size_t records;    /* primary entries (a primary phrase with its synonyms) */
    size_t codesets;
    size_t codes; /* distinct interned codes */
    size_t errors, warnings, duplicates;
    size_t replaced; /* earlier phrases a supplement entry took over */
    size_t nodes;
    size_t bytes; /* memory held: the arena and the tables */
} sr_dict_stats;
void sr_dict_get_stats(const sr_dict *d, sr_dict_stats *out);

/* Finds the longest phrase of the given kinds (bit 1 << sr_dict_kind) that starts at
 * token i and ends before token end (e.g. the sentence end), and the codes valid on day
 * (year 0: undated, only default codes apply). Returns true and fills *m, or false.
 * Of phrases ending at the same token, one without skipped words wins. Cost: at most
 * SR_DICT_MAX_PHRASE_TOKENS steps, each a few hash probes; with SR_DICT_GAPS phrases, at
 * most SR_DICT_GAP_PROBES more. */
bool sr_dict_find(const sr_dict *d, const sr_doc *doc, size_t i, size_t end, sr_ymd day,
                  unsigned kinds, sr_dict_match *m);

/* Scans tokens from *i to end for the next match (leftmost, then longest) and leaves
 * *i after it, so a loop finds every non-overlapping match in time linear in the
 * tokens. Returns false at end. */
bool sr_dict_next(const sr_dict *d, const sr_doc *doc, size_t *i, size_t end, sr_ymd day,
                  unsigned kinds, sr_dict_match *m);

#endif
