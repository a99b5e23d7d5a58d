/* coder.h: the event coder. Codes a sentence into events (source actor, CAMEO event code,
 * target actor) the way TABARI does, by shallow parsing rather than a full parser:
 * words are typed from the dictionaries (actors, agents, verbs, nouns, adjectives) and
 * a few closed classes (determiners, conjunctions, pronouns, auxiliaries, BY, commas);
 * compound actors and compound noun phrases are found, pronouns are resolved, comma-
 * delimited nonrestrictive clauses are set aside, the sentence is split into clauses at
 * conjunctions, and in each clause the verbs' patterns are tried longest first; the
 * source and target come from the pattern's $ + % tokens or TABARI's default search,
 * reversed in the passive voice. */
#ifndef SR_CODE_CODER_H
#define SR_CODE_CODER_H

#include "dict.h"
#include "verbs.h"

/* ---- options (TABARI's .options commands; coder_options.c) ------------------------- */

enum { SR_CODE_BY_CLAUSE = 0, SR_CODE_BY_SENTENCE = 1, SR_CODE_ALL = 2 };

typedef struct {
    uint8_t code_by;        /* SR_CODE_BY_* */
    bool comma_off;         /* COMMA: OFF */
    int comma_min, comma_max, comma_bmin, comma_bmax, comma_emin, comma_emax;
    /* COMPLEX: 0 = inactive */
    int cx_verbs, cx_actors, cx_pronouns, cx_conj, cx_comma, cx_lateverb;
    bool cx_noactprior, cx_noactafter, cx_noverb, cx_nosource, cx_notarget, cx_noevent;
    /* DEFAULT: "" = none */
    char default_source[24], default_target[24];
    bool default_prior, default_after;
    bool convert_agents;    /* SET: CONVERT AGENTS = TRUE */
    int min_words;          /* SET: MINIMUM WORDS (0: no minimum) */
    bool time_shift;        /* SET: TIME SHIFT; on when the verbs have a <TIME> section */
    bool fbis;              /* SET: FBIS = TRUE */
    bool nonevents;         /* NONEVENTS: TRUE */
    /* FORWARD: the sequence format ("^^***NNN*SSS") telling where a record id holds its
       story and sentence numbers; "" when forwarding is off */
    char forward[32];
} sr_coder_options;

/* TABARI's defaults (COMMA MIN 2 MAX 10, BMIN 128 BMAX 0, EMIN 2 EMAX 10, CODE BY
 * CLAUSE, minimum words 0 as nothing set it, time shifting as given). */
void sr_coder_options_default(sr_coder_options *o, bool time_section);
/* Applies one .options line ("COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR", "DEFAULT: OFF",
 * "SET: CODE BY SENTENCE", "COMMA: MIN=1 MAX=8", ...). Lines the coder has no use for
 * (LABEL:, OUTPUT:, usage switches) are accepted and ignored. SR_OK, or SR_USAGE with a
 * message in err (size errn) for a line it cannot read. */
sr_status sr_coder_option_line(sr_coder_options *o, const char *line, size_t n, char *err,
                               size_t errn);

/* ---- events ------------------------------------------------------------------------ */

typedef struct {
    uint32_t start, end; /* byte span in the text */
} sr_span;

typedef struct {
    const char *source, *target, *code; /* codes, NUL-terminated, valid until the next
                                           sr_coder_code call ("" when unknown) */
    sr_span source_span, target_span;   /* the actors' text (start == end: default code) */
    sr_span verb_span;                  /* the verb word */
    sr_span pattern_span;               /* the words the pattern matched, verb included */
    const char *pattern;                /* the root and pattern as written, for provenance */
    uint32_t clause;                    /* 0-based clause of the sentence */
    uint8_t flags;                      /* SR_EV_* */
} sr_event;

enum {
    SR_EV_PASSIVE = 1, /* source and target reversed for the passive voice */
    SR_EV_PAIRED = 2,  /* the reverse event of a paired code */
    SR_EV_DEFAULT = 4, /* source or target is a DEFAULT code */
    SR_EV_DOMINANT = 8,/* a dominant code ("111!") */
};

/* What became of a sentence. */
typedef enum {
    SR_CODED_EVENTS = 0, /* events (possibly none) */
    SR_CODED_DISCARD,    /* a discard code ### was found */
    SR_CODED_COMPLEX,    /* a complex code +++ or a COMPLEX condition */
    SR_CODED_SHORT,      /* fewer words than MINIMUM WORDS */
} sr_coded_status;

typedef struct {
    sr_coded_status status;
    const sr_event *events;
    size_t nevents;
    int32_t shift;       /* days the date was shifted by a <TIME> phrase */
    bool shifted;
    const char *explain; /* why complex or discarded ("" otherwise) */
} sr_coded;

/* ---- the coder --------------------------------------------------------------------- */

typedef struct sr_coder sr_coder;

/* Borrows the dictionaries (they must outlive the coder); agents may be in actors' handle.
 * NULL on out-of-memory. One coder per thread. */
sr_coder *sr_coder_new(const sr_dict *actors, const sr_verbs *verbs,
                       const sr_coder_options *opt);
void sr_coder_free(sr_coder *c);
/* The options in use (a validation run may change them between sentences). */
sr_coder_options *sr_coder_opts(sr_coder *c);

/* Codes tokens [first, end) of doc (one sentence) on day (year 0: undated). The result
 * borrows the coder's buffers until the next call. SR_OK or SR_NOMEM. Time and memory
 * are bounded by the token count: pathological sentences are cut at SR_CODER_MAX_WORDS
 * words and SR_CODER_MAX_EVENTS events. */
sr_status sr_coder_code(sr_coder *c, const sr_doc *doc, size_t first, size_t end, sr_ymd day,
                        sr_coded *out);

enum { SR_CODER_MAX_WORDS = 512, SR_CODER_MAX_EVENTS = 64 };

/* Pronoun forwarding (TABARI's FORWARD, manual §8.4). The coder remembers the actor code
 * of the first actor of each sentence it codes (without agents: "Fornost President
 * Umbardacil" leaves FOR). When follows is true, the next sentence coded continues that
 * one in the same story, and a pronoun there that comes before any actor stands for the
 * remembered actor. Applies to the next sr_coder_code call only. */
void sr_coder_follow(sr_coder *c, bool follows);

/* Whether the record id "next" follows "prev" under the FORWARD sequence format fmt: the
 * same story number (the N positions) and the next sentence number (the S positions; not
 * a number: 0). Leading "^" in fmt stand for blanks before the id, which are skipped in
 * both ids before the positions are read. False when fmt is "" or either id is too short. */
bool sr_coder_id_follows(const char *fmt, const char *prev, const char *next);

#endif
