/* gaz_int.h: the gazetteer's storage, shared by the loader (gazetteer.c), the name index
 * (gaz_index.c) and the place stage (places.c, places_resolve.c); not for other modules.
 *
 * Entries (countries, first-level regions, populated places) sit in one array. Their
 * names are cut into tokens by the document tokenizer's rules and stored in a trie whose
 * edges are one open-addressing table keyed by (parent node, sr_word_hash of the token),
 * the hash document tokens already carry; a node where a name ends holds a list of
 * postings (entry, name flags) and one of those names, which a match is verified against.
 * The file's text is kept (fields NUL-terminated in place): ids and names point into it. */
#ifndef SR_PLACE_GAZ_INT_H
#define SR_PLACE_GAZ_INT_H

#include "gazetteer.h"

/* Limits: SR_GAZ_* in src/core/limits.h. */

/* Name flags, from the file's markers. */
enum {
    GZ_NAME_WORD = 1,  /* "~": a common English word ("Reading", "Split", "Of") */
    GZ_NAME_FIRST = 2, /* "@": a common first name ("Jordan", "Chad", "Austin") */
};

/* Entry flags. */
enum {
    GZ_SEAT = 1,    /* "A": seat of a first-level division (GeoNames PPLA) */
    GZ_CAPITAL = 2, /* "K": national capital (PPLC) */
    GZ_BLOCK = 4,   /* "X": no place; its names block shorter matches inside them */
};

typedef struct {
    const char *id, *name; /* NUL-terminated, in the gazetteer's text */
    uint32_t population;
    int32_t lat, lon; /* 1e-5 degrees */
    uint32_t region;  /* entry index + 1 of its first-level region; 0 none */
    float base;       /* ranking weight before context, set by sr_gaz_finish */
    uint16_t country; /* index into sr_gazetteer.countries */
    uint8_t kind;     /* sr_place_kind */
    uint8_t flags;    /* GZ_SEAT, GZ_CAPITAL */
} gz_entry;

typedef struct {
    char a2[3], a3[4];
    uint32_t entry; /* the country's entry */
} gz_country;

typedef struct {
    uint32_t parent, hash, child; /* child 0: empty slot (the root is never a child) */
} gz_edge;

typedef struct {
    const char *rep; /* a name ending here, to verify a match against */
    uint32_t head;   /* first posting + 1; 0: no name ends here */
    uint8_t blocked; /* a name that is no place ends here (an X line) */
} gz_node;

typedef struct {
    uint32_t entry, next; /* next posting + 1; 0: the end */
    uint8_t flags;        /* GZ_NAME_* */
} gz_posting;

typedef struct {
    uint32_t hash, entry; /* (country, GeoNames admin1) -> region entry + 1; 0 empty */
    const char *sub;
    uint16_t country;
} gz_region_slot;

/* A name waiting for the tokenizer (one that is not plain ASCII words). */
typedef struct {
    const char *s;
    uint32_t len, entry, line;
    uint8_t flags;
} gz_pending;

/* A plain name waiting to be inserted: insertion goes in batches so that the first
 * probe of each can be prefetched (the edge table is far larger than the caches). */
typedef struct {
    const char *rep;
    uint32_t entry;
    uint32_t h[SR_GAZ_MAX_NAME_TOKENS];
    uint8_t n, flags;
} gz_queued;

#define SR_GAZ_QUEUE 32

struct sr_gazetteer {
    sr_arena *arena;   /* the text copies and pending names */
    gz_entry *entries; /* malloc'd, grown by doubling */
    size_t nentries, cap_entries;
    gz_country countries[SR_GAZ_MAX_COUNTRIES];
    size_t ncountries;
    uint16_t by_a2[26 * 26]; /* country index + 1 by alpha-2 code */
    gz_edge *edges;          /* malloc'd; cap a power of two, at most half full */
    size_t nedges, cap_edges;
    gz_node *nodes;
    size_t nnodes, cap_nodes;
    gz_posting *posts;
    size_t nposts, cap_posts;
    gz_region_slot *regions;
    size_t nregions, cap_regions;
    gz_pending *pending; /* malloc'd, emptied by each load */
    size_t npending, cap_pending;
    const char *last_sub; /* the last place's region code and its region + 1 */
    uint32_t last_region;
    uint16_t last_country;
    gz_queued queue[SR_GAZ_QUEUE];
    size_t nqueue;
    size_t errors;
    sr_status first_status;
    char err[256];
};

/* ---- gazetteer.c ---- */
/* Records an error "name:line: message" (the first one is kept) and returns st. */
sr_status sr_gaz_fail(sr_gazetteer *g, sr_status st, const char *name, uint32_t line,
                      const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* ---- gaz_index.c ---- */
/* Adds name s[0..n) (NUL-terminated in place) of entry e with GZ_NAME_* flags: plain
 * ASCII names at once, others queued for sr_gaz_index_pending. SR_OK, SR_NOMEM, or a
 * reported error for a name with too many tokens. */
sr_status sr_gaz_add_name(sr_gazetteer *g, const char *name, uint32_t line, const char *s, size_t n,
                          uint32_t e, uint8_t flags);
/* Makes room for about n more entries (a file of n lines), so the tables are not
 * copied while they are filled. SR_OK or SR_NOMEM. */
sr_status sr_gaz_reserve(sr_gazetteer *g, size_t n);
/* Tokenizes the queued names in one batch with the document tokenizer and adds them. */
sr_status sr_gaz_index_pending(sr_gazetteer *g, const char *name);
/* Sets every entry's ranking weight (after a load). */
void sr_gaz_finish(sr_gazetteer *g);
/* The first slot to probe for edge (parent, h) in a table of mask + 1 slots. */
static inline size_t sr_gaz_slot(uint32_t parent, uint32_t h, size_t mask)
{
    uint32_t x = (h ^ (parent * 0x9E3779B1u)) * 0x85EBCA6Bu;
    return (x ^ (x >> 15)) & mask;
}
/* The child of node parent along a token with hash h, or 0. */
static inline uint32_t sr_gaz_child(const sr_gazetteer *g, uint32_t parent, uint32_t h)
{
    if (!g->cap_edges)
        return 0;
    size_t mask = g->cap_edges - 1;
    size_t j = sr_gaz_slot(parent, h, mask);
    for (;; j = (j + 1) & mask) {
        const gz_edge *e = &g->edges[j];
        if (!e->child)
            return 0;
        if (e->hash == h && e->parent == parent)
            return e->child;
    }
}
/* Whether document bytes s[0..n) spell name (white space aside, ASCII case folded; a
 * capital starting a word of the name must be a capital in s, and an all-capitals word
 * like "US" must be written exactly). */
bool sr_gaz_verify(const char *name, const char *s, size_t n);
/* A token's hash as the name index keys it (words carry it; others are hashed here). */
static inline uint32_t sr_gaz_tok_hash(const sr_doc *d, const sr_token *t)
{
    return t->kind == SR_TOK_WORD ? t->hash : sr_word_hash(d->clean + t->start, t->end - t->start);
}

/* ---- the place stage (places.c, places_resolve.c) ---- */

/* What the text around a name says (see the rules in places.c). */
enum {
    M_INITIAL = 1,      /* first word of its sentence or line */
    M_LOCATIVE = 2,     /* after "in", "at", "near", "to", "from", ... */
    M_HONORIFIC = 4,    /* after "Mr", "Dr", "President", ...: a person */
    M_PREVCAP = 8,      /* after a capitalised word mid-sentence ("Barack Obama") */
    M_PREVCAP0 = 16,    /* after a capitalised word that starts the sentence */
    M_NEXTCAP = 32,     /* before a capitalised word ("Jordan Bardella") */
    M_REGION = 64,      /* "<name> region" / "<name> and <name> regions": a region */
    M_COMMA = 128,      /* followed by ", <place>" (the next match) */
    M_OF = 256,         /* after "of" ("the village of Robotyne") */
    M_ARTICLE = 512,    /* after "the" ("the Pacific", "the Duma") */
    M_SAY = 1024,       /* before "said", "told", ...: a speaker ("Kress said") */
    M_GLUED = 2048,     /* after "<word>-" ("Indo-Pacific", "Euro-Atlantic") */
    M_NEXTOF = 4096,    /* before "of" ("University of Cologne") */
    M_OWNED = 8192,     /* after "<place>'s" (the previous match): "Russia's Kursk" */
    M_NEXTWORD = 16384, /* before a lower-case word ("the Kursk offensive") */
};

typedef struct {
    uint32_t first, end; /* the name's tokens */
    uint32_t stop;       /* the mention's end token: after a region word, else end */
    uint32_t node;       /* trie node of the name */
    uint32_t choice;     /* the resolved entry + 1; 0 none */
    uint16_t cues;       /* M_* */
} gz_match;

/* Resolves matches m[0..n) of doc (the collector's output) and appends one place
 * mention for each that resolves. SR_OK or SR_NOMEM (also when the mention limit is
 * reached: sr_mention_push refuses). */
sr_status sr_places_resolve(const sr_gazetteer *g, sr_doc *doc, gz_match *m, size_t n,
                            sr_mentions *out);

#endif
