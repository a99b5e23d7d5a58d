/* claim_int.h: the claim stage's shared state: per-token indexes of the mentions, the
 * attributions found in each sentence, and the word classes both files read. */
#ifndef SR_CLAIM_INT_H
#define SR_CLAIM_INT_H

#include "../core/internal.h"

/* One attribution: a source, the reporting verb (or "according to") that introduces
 * it, and the tokens it covers. All ranges are token indexes [first, end). */
typedef struct {
    uint32_t src_first, src_end;       /* the source phrase ("Seoul's Defense Ministry") */
    uint32_t clause_first, clause_end; /* source, verb and adjuncts ("... said on Tuesday") */
    uint32_t scope_first, scope_end;   /* what the source is said to have said */
    int32_t date;                      /* a date in the clause ("on Tuesday"), or -1 */
    uint8_t kind;                      /* sr_source_kind */
    uint8_t pronoun;                   /* the source is "he", "she", "they", "it" */
    uint8_t cites;                     /* "according to X", "citing X": X is nearer */
    uint8_t marker;                    /* an unnamed source marked by the text alone:
                                          "is said to", "reportedly" */
    uint8_t resolved;                  /* source below is filled in */
    sr_source source;                  /* the public source, made once (sr_attrib_source) */
} sr_attrib;

typedef struct {
    sr_doc *d;
    const sr_mention *m;               /* d->mentions */
    int32_t *date_at, *actor_at, *place_at; /* per token: covering mention, or -1 */
    sr_attrib *att;                    /* every attribution, in sentence order */
    size_t natt, cap_att;
    size_t cur_first;                  /* the current sentence's first attribution */
    int nomem;
    uint32_t *sent_att;                /* per sentence: first attribution index */
    const uint8_t *need;               /* per sentence: holds a claim, or precedes one
                                          closely enough for a pronoun to reach back */
    uint8_t *in_att;                   /* per token: inside an attribution clause */
    uint8_t *quoted;                   /* per sentence: opens inside or with a quotation */
    char (*countries)[4];              /* alpha-3 codes of the places the document names,
                                          made on first use (counted.c) */
    size_t ncountries;
    int countries_made;
    struct {
        const char *role;              /* a role code ("MIL") ... */
        char cc[4];                    /* ... and the country the document gives it, or "" */
    } role_country[8];
    size_t nrole_country;
} sr_claim_ctx;

/* How many sentences back a pronoun looks for the speaker it refers to. */
enum { REFERENT_SENTENCES = 3 };
/* How many sentences back "the minister" looks for the minister it names. */
enum { ROLE_SENTENCES = 6 };

/* Word-class bits (attrib.c holds the lists). */
enum {
    SR_CW_SAY = 1u << 0,      /* a reporting verb that cannot be a noun: said, told */
    SR_CW_SAY_WEAK = 1u << 1, /* a reporting verb that may be a noun: reports, claims */
    SR_CW_STOP = 1u << 2,     /* ends a source phrase: that, which, while, and so on */
    SR_CW_SKIP = 1u << 3,     /* may stand between a source and its verb: also, has */
    SR_CW_PRONOUN = 1u << 4,  /* he, she, they, it */
    SR_CW_UNNAMED = 1u << 5,  /* a head word of an anonymous source: officials, sources */
    SR_CW_HEDGED = 1u << 6,   /* reportedly, allegedly */
    SR_CW_FUTURE = 1u << 7,   /* will, expected, forecast: a projection */
    SR_CW_IF = 1u << 8,       /* if, unless, suppose: a hypothetical */
    SR_CW_MAYBE = 1u << 9,    /* could, might, may */
    SR_CW_BE = 1u << 10,      /* is, are, was, were, been, be */
    SR_CW_PASSIVE = 1u << 11, /* said, reported, believed, thought, estimated, understood */
    SR_CW_AGENTIVE = 1u << 12,/* subjects that report: officials, figures, police, he */
    SR_CW_DET = 1u << 13,     /* the, a, its, their */
    SR_CW_REPORTISH = 1u << 14, /* nouns a report comes in: figures, proposals, survey */
    SR_CW_PLAN = 1u << 15,    /* proposal, plan, move, policy: what a supposition is about */
    SR_CW_MODAL = 1u << 16,   /* would, could, might */
};

/* The class bits of token i (0 for non-words). */
uint32_t sr_claim_word(const sr_claim_ctx *c, size_t i);

/* Finds the attributions of the sentences c->need marks (c->att, c->sent_att).
 * SR_OK or SR_NOMEM. */
sr_status sr_attrib_find(sr_claim_ctx *c);

/* The public sr_source of an attribution, made on first use and kept on it: a pronoun
 * is resolved to the named speaker it refers to in the sentences before, a bare role
 * to the actor holding it. */
const sr_source *sr_attrib_source(const sr_claim_ctx *c, sr_attrib *a);

/* Token i is the one-byte punctuation ch. */
static inline bool sr_claim_punct(const sr_doc *d, size_t i, char ch)
{
    const sr_token *t = &d->tokens[i];
    return t->kind == SR_TOK_PUNCT && t->end - t->start == 1 && d->clean[t->start] == ch;
}

/* The sentence holding token p (binary search). */
uint32_t sr_claim_sentence(const sr_doc *d, size_t p);
/* The first token of the sentence n before sentence s (the document's first when there
 * are fewer). */
static inline size_t sr_claim_back(const sr_doc *d, uint32_t s, uint32_t n)
{
    return d->sentences[s >= n ? s - n : 0].first_token;
}

/* The first token starting at or after byte offset (binary search). */
size_t sr_claim_token_at(const sr_doc *d, uint32_t offset);

/* The counted group's actor code for claim cl whose figure is at token q and whose
 * clause ends before token b (counted.c); sets cl->counted_inferred when the country
 * came from the context. NULL when none. */
const char *sr_claim_counted_actor(sr_claim_ctx *c, sr_claim *cl, size_t q, size_t b);

/* Whether a sentence is prose enough to hold claims: prose, or a line without final
 * punctuation long enough to be a caption or a headline rather than a menu item
 * ("North Korea has 1.2 million troops, one of the largest militaries in the world"). */
static inline bool sr_claim_prose(const sr_sentence *se)
{
    return !se->furniture || (se->furniture == SR_FURNITURE_LINE && se->ntokens >= 10);
}

/* True when token i is punctuation that separates clauses: , ; : ( ) dashes, quotes. */
bool sr_claim_boundary(const sr_doc *d, size_t i);

#endif
