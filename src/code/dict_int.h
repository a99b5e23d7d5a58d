/* dict_int.h: the dictionary's storage, shared by the reader, the builder and the
 * matcher (src/code/dict_*.c), not by users of dict.h. */
#ifndef SR_CODE_DICT_INT_H
#define SR_CODE_DICT_INT_H

#include "dict.h"

/* The edge filter's size: 128 KiB stays in cache and, for the ~75,000 edges of the
 * built-in set, turns away all but ~7% of the probes that find nothing. */
enum { DICT_FILTER_BITS = 1 << 20 };

/* Edge kinds of the trie. A WHOLE edge continues the phrase or ends it; a STEM edge
 * only ends one (stems are final words). EDGE_GAP is added to either for a word joined to
 * the one before by a blank in a SR_DICT_GAPS dictionary: it may come a few tokens later. */
enum { EDGE_WHOLE = 0, EDGE_STEM = 1, EDGE_GAP = 2 };

typedef struct {
    uint32_t parent, hash; /* key: parent node and sr_word_hash of the word */
    uint32_t child;        /* 0: empty slot (node 0 is the root, never a child) */
    uint32_t word;         /* interned word, to verify a hash hit */
    uint8_t kind;          /* EDGE_* */
} dict_edge;

typedef struct {
    uint32_t entry[2]; /* phrase id + 1 per sr_dict_kind; 0: none */
} dict_node;

typedef struct {
    const char *s; /* lower-cased ASCII, NUL-terminated, in the arena */
    uint32_t len, hash;
} dict_word;

typedef struct {
    uint32_t record;
    const char *text;  /* as written */
    uint8_t kind;      /* sr_dict_kind */
    uint8_t plural_ok; /* final whole word also matches with an "S" ending */
} dict_phrase;

typedef struct {
    uint32_t first_set, nsets; /* code sets [first_set, first_set + nsets) */
    const char *primary;
    uint8_t entry; /* SR_ENTRY_* given by the file; 0: TABARI/PETRARCH (guessed) */
} dict_record;

typedef struct {
    int32_t lo, hi;     /* days since 1970-01-01, inclusive */
    uint32_t first, n;  /* codes: d->code_refs[first .. first + n) */
    uint8_t restricted; /* 0: a default code, used when no restriction holds */
} dict_codeset;

/* A phrase read but not yet in the trie: phrases are tokenized in one batch per file. */
typedef struct {
    const char *text; /* as written, in the dictionary arena */
    uint32_t len, record, line;
    uint8_t kind, stem, plural_ok;
    uint8_t generated;      /* a regular plural the reader made: yields to any entry */
    uint32_t replace_below; /* 0, or: takes over an earlier phrase whose record id is
                               below this (the supplement corrects older files) */
} dict_pending;

/* An open-addressing index of ids (id + 1 in each slot, 0 empty). */
typedef struct {
    uint32_t *slot;
    size_t cap, n;
} dict_index;

struct sr_dict {
    sr_arena *arena; /* owns the strings, codes and the edge filter; the tables
                        below are malloc'd (sr_dict_push) */
    unsigned flags;
    dict_word *words;
    size_t nwords, cap_words;
    dict_index word_ix;
    sr_dict_code **codes;
    size_t ncodes, cap_codes;
    dict_index code_ix;
    dict_edge *edges; /* open addressing, cap a power of two */
    size_t nedges, cap_edges;
    dict_node *nodes;
    size_t nnodes, cap_nodes;
    uint64_t stem_lens; /* bit k - 1: some stem has k bytes */
    uint64_t *filter;   /* DICT_FILTER_BITS bits, one set per edge at its key's
                           hash: a probe whose bit is clear is turned away before
                           the (large, cache-missing) edge table is read */
    dict_phrase *phrases;
    size_t nphrases, cap_phrases, nkind[2];
    bool gapped; /* some edge is an EDGE_GAP one: lookups try skips */
    dict_record *records;
    size_t nrecords, cap_records;
    dict_codeset *sets;
    size_t nsets, cap_sets;
    const sr_dict_code **code_refs;
    size_t nrefs, cap_refs;
    size_t errors, warnings, duplicates, replaced;
    sr_status first_status;
    char err[256], warn[256];
};

/* ---- dict_build.c ------------------------------------------------------------------ */
/* sr_arena_push for the dictionary's tables, which live in malloc'd blocks (realloc'd
 * as they double, freed by sr_dict_free) rather than in the arena, so a grown table
 * leaves no dead copy behind. NULL on out-of-memory, the table unchanged. */
void *sr_dict_push(void **v, size_t *n, size_t *cap, size_t elem, size_t first_cap);
/* Interns a code (without "~"; flags from the caller). NULL on out-of-memory. */
const sr_dict_code *sr_dict_intern_code(sr_dict *d, const char *s, size_t n, uint32_t flags);
/* Adds the pending phrases to the trie: tokenizes them in one batch with the document
 * tokenizer so phrase words are cut exactly as text is. Returns SR_OK, SR_NOMEM, or the
 * first per-phrase error (reported on d, phrase skipped). name is for messages. */
sr_status sr_dict_add_pending(sr_dict *d, const char *name, const dict_pending *p, size_t n);
/* Appends an empty record with the given primary phrase (borrowed: in d's arena) and
 * SR_ENTRY_* flags. Returns its id, or UINT32_MAX on out-of-memory. */
uint32_t sr_dict_record_new(sr_dict *d, const char *primary, uint8_t entry);
/* Appends a code set to record r, which must be the newest record (its sets are
 * contiguous): codes[0..n) valid on days [lo, hi] when restricted, else a default.
 * SR_OK, SR_LIMIT (too many sets or codes) or SR_NOMEM. */
sr_status sr_dict_codeset_add(sr_dict *d, uint32_t r, bool restricted, int32_t lo, int32_t hi,
                              const sr_dict_code *const *codes, size_t n);
/* What record r names: its SR_ENTRY_* flags when the file gave them, else the guess
 * for TABARI/PETRARCH entries (dict.h): a person when some code set is date-restricted
 * and no code is a bare three-letter country code. */
uint8_t sr_dict_record_entry(const sr_dict *d, uint32_t r);
/* Records an error or a warning "name:line: msg" on d. Returns st. */
sr_status sr_dict_fail(sr_dict *d, sr_status st, const char *name, uint32_t line, const char *fmt,
                       ...) __attribute__((format(printf, 5, 6)));
void sr_dict_warn(sr_dict *d, const char *name, uint32_t line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* ---- dict_read.c ------------------------------------------------------------------- */
/* Reads the whole file at path into out (the caller frees it, also on failure); a file
 * that cannot be opened or read is recorded on d ("path: cannot open the file") and
 * gives SR_NOTFOUND or SR_IO. */
sr_status sr_dict_slurp(sr_dict *d, const char *path, sr_buf *out);

/* ---- dict_match.c ------------------------------------------------------------------ */
/* Finds the child of node parent along (hash, kind) whose word equals s[0..n) ignoring
 * ASCII case; 0 when none. */
uint32_t sr_dict_edge_find(const sr_dict *d, uint32_t parent, uint32_t hash, int kind,
                           const char *s, size_t n);
/* The slot index where key (parent, hash, kind) starts probing. */
static inline size_t sr_dict_edge_slot(uint32_t parent, uint32_t hash, int kind, size_t cap)
{
    uint32_t h = hash ^ (parent * 0x9E3779B1u) ^ ((uint32_t)kind << 30);
    h ^= h >> 16;
    h *= 0x85EBCA6Bu;
    h ^= h >> 13;
    return h & (cap - 1);
}
/* Whether an edge (parent, hash, kind) may exist (false: it does not). */
static inline bool sr_dict_filter_maybe(const sr_dict *d, uint32_t parent, uint32_t hash, int kind)
{
    size_t b = sr_dict_edge_slot(parent, hash, kind, DICT_FILTER_BITS);
    return d->filter && (d->filter[b >> 6] >> (b & 63) & 1);
}

#endif
