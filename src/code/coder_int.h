/* coder_int.h: the event coder's working state for one sentence, shared by its parts:
 * words and their types (coder_words.c), actors, compounds and pronouns
 * (coder_actors.c), clauses and pattern matching (coder_match.c), and the driver that
 * turns matches into events (coder.c). */
#ifndef SR_CODE_CODER_INT_H
#define SR_CODE_CODER_INT_H

#include "coder.h"
#include "verbs_int.h"

/* Pattern-matching steps one sentence may spend in all: ample for news sentences (a
 * typical one spends a few hundred), a cap for a verb repeated hundreds of times. */
enum { SR_CODER_MATCH_BUDGET = 20000 };

/* Word types (TABARI's, manual §7.1). */
enum {
    W_NULL,   /* not classified */
    W_ACTOR,  /* part of an actor phrase */
    W_AGENT,  /* part of an agent phrase */
    W_VERB,   /* a verb root or form (its first word; the rest W_LITR) */
    W_NOUN,   /* an explicit noun, a verb shifted to a noun, a null-coded actor */
    W_ADJ,    /* an adjective */
    W_DET,    /* A AN THE */
    W_CONJ,   /* AND BUT OR NOR */
    W_PRON,   /* HE SHE IT ITS HIS HER HIM THEY THEM THEIR */
    W_AUX,    /* WAS WERE BEEN */
    W_BY,     /* BY */
    W_COMMA,  /* , and ; */
    W_NUM,    /* starts with a digit */
    W_TIME,   /* a <TIME> root */
    W_ATTRIB, /* an <ATTRIB> root */
    W_LITR,   /* a later word of a multi-word item */
};

typedef struct {
    uint32_t tok;         /* first token */
    uint32_t start, end;  /* byte span in the document, a possessive "'s" included */
    const char *s;        /* upper-case text, NUL-terminated, in the coder's buffer */
    uint16_t n;
    uint8_t type;         /* W_* */
    uint8_t upper;        /* written with a capital */
    uint8_t deleted;      /* inside a removed comma-delimited clause */
    uint8_t joined;       /* a conjunction or comma inside a compound: no clause break */
    uint32_t span;        /* words the item starting here covers (1 for single words) */
    int32_t unit;         /* the actor unit this word belongs to; -1 */
    int32_t ref;          /* pronouns: the unit they stand for; -1 */
    uint32_t group;       /* W_VERB, W_TIME, W_ATTRIB: the verb group */
    uint32_t form;        /* and its form */
    uint32_t code_first, ncodes; /* W_ACTOR, W_AGENT: c->dcodes[code_first ...] */
} cword;

/* An actor found in the text: an actor phrase, with an agent before or after it, or an
 * agent alone (converted); codes are the expanded coded compound ("ELR/GAL" gives two). */
typedef struct {
    uint32_t first, end;        /* words [first, end) */
    uint32_t code_first, ncodes;/* c->codes[code_first ...] */
    int32_t compound;           /* the parsed compound it is part of; -1 */
} cunit;

typedef struct {
    uint32_t first_unit, nunits; /* units [first_unit, first_unit + nunits) */
    uint32_t first, end;         /* words */
} ccompound;

/* An actor reference in an event: a unit, or a whole compound. */
typedef struct {
    int32_t unit;     /* -1: none */
    bool compound;    /* the unit's whole compound */
    const char *code; /* a DEFAULT code instead of a unit; NULL otherwise */
} cref;

typedef struct {
    cref source, target;
    const vcode *code;
    size_t verb;      /* word index */
    const vgroup *g; /* the verb's group and the pattern that matched (NULL: the root) */
    const vpattern *p;
    bool passive;
} cfound;

struct sr_coder {
    const sr_dict *actors;
    const sr_verbs *verbs;
    sr_coder_options opt;
    const sr_doc *doc;
    sr_ymd day;
    cword *w;
    size_t nw, cap_w;
    char *text;          /* upper-case copies of the words */
    size_t ntext, cap_text;
    cunit *units;
    size_t nunits, cap_units;
    ccompound *comps;
    size_t ncomps, cap_comps;
    const char **codes;  /* unit codes (interned by the dictionary or in pool) */
    size_t ncodes, cap_codes;
    const sr_dict_code **dcodes; /* the dictionary codes of actor and agent words */
    size_t ndcodes, cap_dcodes;
    char *pool;          /* composed codes ("ARNGOV") and event strings */
    size_t npool, cap_pool;
    sr_event *events;
    size_t nevents, cap_events;
    uint32_t *live;      /* a clause's live words */
    size_t cap_live;
    size_t dropped;      /* comma-delimited clauses dropped */
    uint32_t budget;     /* pattern-matching steps left for this sentence */
    cfound sub;          /* a subordinate event kept for when nothing else is coded */
    uint32_t sub_clause;
    bool have_sub;
    bool discard, complex;
    const char *why;
    int32_t shift;
    bool shifted;
    bool follows;        /* sr_coder_follow: this sentence continues the last one */
    char carry[32];      /* the last sentence's first actor code (FORWARD); "" none */
};

/* Grows *p (elements of elem bytes) to hold need; NULL on out-of-memory. */
void *sr_coder_grow(void **p, size_t *cap, size_t need, size_t elem);
/* coder_words.c: fills c->w from the tokens and types every word. */
sr_status sr_coder_words(sr_coder *c, size_t first, size_t end);
/* coder_actors.c: actor units (agents joined to actors), parsed compounds, compound noun
 * and adjective phrases, pronoun references. */
sr_status sr_coder_actors(sr_coder *c);
/* coder_actors.c: what each pronoun stands for, among the actors outside removed comma
 * clauses (run again after they are removed). */
void sr_coder_pronouns(sr_coder *c);
/* A copy of s in the coder's pool (valid for this sentence); NULL on out-of-memory. */
const char *sr_coder_keep(sr_coder *c, const char *s, size_t n);
/* Is word i an actor, or a pronoun standing for one? Returns the unit or -1. */
int32_t sr_coder_unit_at(const sr_coder *c, size_t i);

#endif
