/* verbs_int.h: how a verb dictionary is stored; shared by its readers (verbs_read.c for
 * TABARI, verbs_petrarch.c for PETRARCH), its builder (verbs_build.c) and the coder. */
#ifndef SR_CODE_VERBS_INT_H
#define SR_CODE_VERBS_INT_H

#include "verbs.h"

/* How a dictionary word matches a sentence word (both upper-case ASCII). */
enum {
    VM_STEM = 0,    /* "ACCEPT": any word it begins */
    VM_REGULAR = 1, /* "ACT_": the word, or it plus a regular ending (S 'S ED ES EN ING) */
    VM_EXACT = 2,   /* "BAN=", synset members, determiners: the word only */
};

/* Pattern elements. */
enum {
    PE_WORD,     /* a literal word */
    PE_SET,      /* a synset or "{ A | B }": one of several element sequences */
    PE_VERB,     /* "*": the verb itself */
    PE_SOURCE,   /* "$" */
    PE_TARGET,   /* "+" */
    PE_COMPOUND, /* "%": a compound actor, source and target both */
    PE_SKIP,     /* "^": an actor passed over */
    PE_ATTRIB,   /* "@": the attributed actor */
};

typedef struct {
    uint8_t kind;     /* PE_* */
    uint8_t adjacent; /* must be the word right after the previous element's last word */
    uint8_t match;    /* VM_* (PE_WORD) */
    uint16_t len;     /* PE_WORD: bytes of s */
    const char *s;    /* PE_WORD: upper case, NUL-terminated, in the arena */
    uint32_t set;     /* PE_SET: index into sets */
} vel;

typedef struct {
    uint32_t first, n; /* elements els[first .. first + n) */
} vseq;

typedef struct {
    uint32_t first, n; /* sequences seqs[first .. first + n), tried in order */
    const char *name;  /* "&CURRENCY", or NULL for an inline alternative set */
} vset;

/* Code flags. */
enum {
    VC_NULL = 1,      /* [---]: no event */
    VC_DISCARD = 2,   /* [###]: the sentence is discarded */
    VC_COMPLEX = 4,   /* [+++]: the sentence is too complex to code */
    VC_SUBORD = 8,    /* "023?": used only when nothing else is coded */
    VC_DOMINANT = 16, /* "111!": wins over non-dominant events */
    VC_NONE = 32,     /* no [...] at all (PETRARCH verbs without a code) */
};

typedef struct {
    const char *code; /* "064" (interned, in the arena); NULL for the special codes */
    const char *pair; /* "033" of "032:033": the reverse event's code; NULL when none */
    int32_t shift;    /* <TIME> entries: days to add to the sentence's date */
    uint8_t flags;    /* VC_* */
} vcode;

typedef struct {
    uint32_t first, n; /* elements, exactly one PE_VERB among them */
    uint32_t verb;     /* index of the PE_VERB element, relative to first */
    int32_t len;       /* TABARI's length: letters of the literal words (longest tried first) */
    vcode code;
    uint32_t line;
} vpattern;

/* Sections of the dictionary: what a root is. */
enum { VS_VERB, VS_TIME, VS_ATTRIB, VS_NOUN, VS_ADJ };

typedef struct {
    vcode code;              /* the root's own code */
    uint32_t first_pat, npat;/* its patterns, longest first after sr_verbs_finish */
    uint8_t section;         /* VS_* */
    const char *name;        /* the root as written, for messages and provenance */
    uint32_t line;
} vgroup;

/* One way of writing a root in text ("BREAK_", "BROKE_", "APPRECIATE POSITION"): a
 * sequence of PE_WORD elements; every form of a root shares its group's patterns. */
typedef struct {
    uint32_t group;
    uint32_t first, n; /* PE_WORD elements */
    uint32_t head;     /* which of the words is the verb (PETRARCH's "+"); 0 otherwise */
    uint32_t next;     /* next form in the same hash chain + 1; 0 ends it */
} vform;

/* What sr_verbs_finish knows of a set, so the coder can turn a word away from all its
 * word-led members (those opening with a literal word) at once: &WEAPON has hundreds. */
typedef struct {
    uint64_t opening[16]; /* bit vset_opening(): some word-led member opens with those bytes */
    uint32_t first_other; /* the members not led by a word, in order: */
    uint32_t nother;      /*   v->set_other[first_other .. first_other + nother) */
    bool usable;          /* every word-led member's first word has two bytes or more */
} vsetix;

/* The bit of vsetix.opening for a word opening with bytes a b. */
static inline unsigned vset_opening(unsigned char a, unsigned char b)
{
    return (a * 31u + b) & 1023u;
}

struct sr_verbs {
    sr_arena *arena;
    vel *els;
    size_t nels, cap_els;
    vseq *seqs;
    size_t nseqs, cap_seqs;
    vset *sets;
    size_t nsets, cap_sets;
    vpattern *pats;
    size_t npats, cap_pats;
    vgroup *groups;
    size_t ngroups, cap_groups;
    vform *forms;
    size_t nforms, cap_forms;
    uint32_t *heads;     /* hash of a form's first word -> form id + 1 (chained by next) */
    size_t cap_heads;    /* a power of two; 0 until sr_verbs_finish */
    uint64_t stem_lens;  /* bit k - 1: some form's first word is a stem of k bytes */
    vsetix *setix;       /* one per set, made by sr_verbs_finish (NULL before) */
    size_t nsetix;
    uint32_t *set_other; /* member indices, see vsetix */
    bool finished, time_section;
    size_t errors, warnings, duplicates;
    sr_status first_status;
    char err[256], warn[256];
};

/* ---- verbs_petrarch.c --------------------------------------------------------------- */
/* Reads PETRARCH's CAMEO.2.0.txt format into v (sr_verbs_load_mem dispatches here). */
sr_status sr_verbs_read_petrarch(sr_verbs *v, const char *name, const char *data, size_t len);

/* ---- verbs_build.c ------------------------------------------------------------------ */
/* Copies s[0..n) upper-cased into the arena (NUL-terminated). NULL on out-of-memory. */
const char *sr_verbs_str(sr_verbs *v, const char *s, size_t n);
/* Appends one element / sequence / set / pattern / group / form; NULL on out-of-memory. */
vel *sr_verbs_el(sr_verbs *v);
vseq *sr_verbs_seq(sr_verbs *v);
vset *sr_verbs_set(sr_verbs *v);
vpattern *sr_verbs_pat(sr_verbs *v);
vgroup *sr_verbs_group(sr_verbs *v);
vform *sr_verbs_form(sr_verbs *v);
/* The synset named name (with "&"), or UINT32_MAX. */
uint32_t sr_verbs_find_set(const sr_verbs *v, const char *name, size_t n);
/* Records an error ("name:line: expected ...") or a warning on v. Returns st. */
sr_status sr_verbs_fail(sr_verbs *v, sr_status st, const char *name, uint32_t line,
                        const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void sr_verbs_warn(sr_verbs *v, const char *name, uint32_t line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Reads "[...]" code text (without brackets): "064", "032:033", "023?", "111!", "---",
 * "###", "+++", and in <TIME> "-7" / "+30". SR_OK or SR_DICT (message on v). */
sr_status sr_verbs_parse_code(sr_verbs *v, const char *name, uint32_t line, const char *s,
                              size_t n, bool time, vcode *out);
/* Parses pattern text (without the leading "-" and the code) into elements appended to
 * v->els: words, "_" and "~" connectors, * $ + % ^ @, &SYNSET, "{ A | B }" alternatives.
 * With petrarch set, "{A B}" is a consecutive phrase and "(P N)" a prepositional phrase
 * instead. first and count receive the element range, *len TABARI's length. SR_OK or SR_DICT. */
sr_status sr_verbs_parse_pattern(sr_verbs *v, const char *name, uint32_t line, const char *s,
                                 size_t n, bool petrarch, uint32_t *first, uint32_t *count,
                                 int32_t *len);

/* Whether sentence word w[0..wn) (upper case) matches dictionary word s[0..n) read as
 * match (VM_*); verb says whether verb endings (ED, ES, EN, ING) are allowed too. */
bool sr_verbs_word_matches(const char *s, size_t n, uint8_t match, bool verb, const char *w,
                           size_t wn);

/* Forms whose first word may match sentence word w: calls f(form id, ctx) for each
 * candidate (the caller checks the whole form). */
void sr_verbs_candidates(const sr_verbs *v, const char *w, size_t wn,
                         void (*f)(uint32_t form, void *ctx), void *ctx);

#endif
