/* internal.h: declarations shared between libsitrep's modules but not public. */
#ifndef SR_INTERNAL_H
#define SR_INTERNAL_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "sitrep.h"
#include "limits.h"

/* ---- arena (arena.c) --------------------------------------------------------------
 * A bump allocator: many allocations, one free. Each document owns one; every object a
 * document's analysis makes lives in it and dies with sr_doc_free(). */
sr_arena *sr_arena_new(void);
/* Returns n bytes aligned to 16, or NULL when out of memory. Never freed singly. */
void *sr_arena_alloc(sr_arena *a, size_t n);
/* Copies n bytes into the arena and NUL-terminates the copy. NULL on out-of-memory. */
char *sr_arena_strndup(sr_arena *a, const char *s, size_t n);
/* Grows an array held in the arena: returns a block of new_cap elements holding the
 * old_n elements of old (old is abandoned, not freed). NULL on out-of-memory. */
void *sr_arena_grow(sr_arena *a, void *old, size_t old_n, size_t new_cap, size_t elem);
/* Appends one zeroed element to the arena array *v of *n elements and capacity *cap,
 * doubling the capacity (from first_cap) when full. Returns the new element, or NULL on
 * out-of-memory (the array is then unchanged). */
void *sr_arena_push(sr_arena *a, void **v, size_t *n, size_t *cap, size_t elem, size_t first_cap);
void sr_arena_free(sr_arena *a);
/* Bytes the arena holds from malloc, for memory accounting in tests and benchmarks. */
size_t sr_arena_footprint(const sr_arena *a);

/* ---- growable byte buffer (buf.c) ------------------------------------------------ */
sr_status sr_buf_reserve(sr_buf *b, size_t extra);
sr_status sr_buf_addc(sr_buf *b, char c);
sr_status sr_buf_printf(sr_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends the rest of stream f to b, b growing to at most max bytes (0: no cap).
 * SR_OK, SR_IO (a read error), SR_LIMIT (past max) or SR_NOMEM; b keeps what was read. */
sr_status sr_buf_read_stream(sr_buf *b, FILE *f, size_t max);
/* Appends s as a JSON string literal with quotes; byte 0x1A (a replaced invalid byte)
 * is written as \ufffd so output is always valid UTF-8 JSON. */
sr_status sr_buf_json_str(sr_buf *b, const char *s, size_t n);
/* Appends s for a TSV cell: tab, newline, CR and backslash escaped as \t \n \r \\. */
sr_status sr_buf_tsv_str(sr_buf *b, const char *s, size_t n);
/* Appends a number in the shortest form that reads back to the same double. */
sr_status sr_buf_num(sr_buf *b, double v);

/* ---- calendar (calendar.c) ------------------------------------------------------- */
int sr_days_in_month(int year, int month);
/* Days since 1970-01-01 for a valid day, and back. */
int32_t sr_ymd_to_days(sr_ymd d);
sr_ymd sr_days_to_ymd(int32_t days);
/* 0 = Monday .. 6 = Sunday. */
int sr_ymd_weekday(sr_ymd d);
bool sr_ymd_valid(sr_ymd d);

/* ---- text (text/) ---------------------------------------------------------------- */
/* Validates text as UTF-8. Returns text itself when it is valid, else a same-length
 * copy in the arena with each invalid byte (and NUL) replaced by 0x1A; *replaced counts
 * them. The result lives as long as text or the arena. NULL on out-of-memory. */
const char *sr_utf8_clean(sr_arena *a, const char *text, size_t len, size_t *replaced);
/* Length (1-4) of the well-formed UTF-8 sequence at s (n bytes left), or 0 when s
 * starts an ill-formed, overlong, surrogate or cut one. */
int sr_utf8_seq_len(const unsigned char *s, size_t n);
/* Case-insensitive: does [s, s + n) start with the lower-case ASCII prefix? */
static inline bool sr_starts_ci(const char *s, size_t n, const char *prefix)
{
    size_t k = 0;
    for (; prefix[k]; k++)
        if (k >= n || (s[k] | (s[k] >= 'A' && s[k] <= 'Z' ? 0x20 : 0)) != prefix[k])
            return false;
    return true;
}
/* Decodes one code point of valid UTF-8 at s (n bytes left); returns its length >= 1
 * and stores the code point (0x1A for a replaced byte). */
int sr_utf8_decode_slow(const char *s, size_t n, int32_t *cp);
static inline int sr_utf8_decode(const char *s, size_t n, int32_t *cp)
{
    if ((unsigned char)s[0] < 0x80) {
        *cp = (unsigned char)s[0];
        return 1;
    }
    return sr_utf8_decode_slow(s, n, cp);
}

/* Splits doc->clean into tokens (doc->tokens), first making the clean view with
 * sr_utf8_clean when the document has none. SR_OK or SR_NOMEM. */
sr_status sr_tokenize(sr_doc *doc);
/* Splits the token stream into sentences (doc->sentences) and marks page furniture. */
sr_status sr_split_sentences(sr_doc *doc);

/* ---- token helpers for recognisers (text/lex.c) ---------------------------------- */
/* True when token t's text equals the lower-case ASCII word w, ignoring case. Inline:
 * recognisers call it on almost every token, and most calls fail on the first byte. */
static inline bool sr_tok_is(const sr_doc *d, const sr_token *t, const char *w)
{
    size_t n = t->end - t->start;
    const char *s = d->clean + t->start;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c | 0x20);
        if (w[i] != c)
            return false;
    }
    return w[n] == 0;
}

/* The hash word lists use: FNV-1a over the bytes with ASCII letters lower-cased. The
 * step is apart so scanners can hash a word while they read it. */
#define SR_WORD_HASH_SEED 2166136261u
static inline uint32_t sr_word_hash_step(uint32_t h, unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        c |= 0x20;
    return (h ^ c) * 16777619u;
}

/* The hash of a word without its last byte c, from the word's hash: FNV-1a's step is
 * invertible (the prime is odd), so "soldiers" gives "soldier" without a rescan. */
static inline uint32_t sr_word_hash_unstep(uint32_t h, unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        c |= 0x20;
    return (h * 0x359C449Bu) ^ c; /* 0x359C449B * 16777619 = 1 (mod 2^32) */
}

static inline uint32_t sr_word_hash(const char *s, size_t n)
{
    uint32_t h = SR_WORD_HASH_SEED;
    for (size_t i = 0; i < n; i++)
        h = sr_word_hash_step(h, (unsigned char)s[i]);
    return h;
}

/* ---- shared caches of constant data (cache.c) ------------------------------------
 * A cache is built on first use from constant tables and then read by every thread.
 * Its slot holds NULL until then; the first builder to publish wins and a racing
 * builder's copy is freed. Caches are never freed: they are constant data. */
static inline void *sr_cache_get(void *_Atomic *slot)
{
    return atomic_load_explicit(slot, memory_order_acquire);
}
/* Publishes the malloc'd cache fresh in *slot unless another thread did first (then
 * fresh is freed). Returns the cache in place. */
void *sr_cache_publish(void *_Atomic *slot, void *fresh);

/* ---- word lists (text/wordlist.c) ------------------------------------------------
 * A recogniser's closed word list with constant-time lookup. The entries are a static
 * table whose elements begin with a lower-case ASCII "const char *" (a plain string
 * array, or an array of {word, value} structs), ended by a NULL word. The hash index is
 * built on first use and then shared read-only by all threads; it is published with an
 * atomic compare-and-swap, so a race only builds it twice. It is a cache of constant
 * data, never freed; without memory for it, lookups fall back to a linear scan. */
typedef struct sr_wordindex sr_wordindex;
typedef struct {
    const void *table;
    size_t stride;                  /* bytes from one entry to the next */
    void *_Atomic index;            /* an sr_wordindex, see sr_cache_get */
} sr_wordlist;

#define SR_WORDLIST(arr) {(arr), sizeof((arr)[0]), NULL}

/* Position of token t's word in the list (ASCII case-insensitive), or -1; -1 for any
 * token that is not a word. Thread-safe. */
int sr_wordlist_find(sr_wordlist *wl, const sr_doc *d, const sr_token *t);

/* A union of word lists with a bit for each: one lookup tells which lists hold a token's
 * word, so a recogniser can turn away a token no list knows with a single probe. The
 * parts are word-list tables as above; the index is built and shared like a word list's
 * (published by compare-and-swap, never freed; linear scans without memory for it). */
typedef struct {
    const void *table;
    size_t stride;
    uint32_t bits;                  /* not 0 besides SR_WORDPART_S */
} sr_wordpart;
typedef struct sr_classindex sr_classindex;
typedef struct {
    const sr_wordpart *parts;       /* ended by a part with a NULL table */
    void *_Atomic index;            /* an sr_classindex */
} sr_wordclass;

#define SR_WORDPART(arr, bits) {(arr), sizeof((arr)[0]), (bits)}
/* In a part's bits: the part lists each of its words with a final "s" added, and not the
 * word itself ("valentine" stands for "Valentines"). The bit is never returned. */
#define SR_WORDPART_S (1u << 31)

/* The bits of every part that lists token t's word (ASCII case-insensitive); 0 for a
 * token that is not a word. Thread-safe. */
uint32_t sr_wordclass_find(sr_wordclass *wc, const sr_doc *d, const sr_token *t);

/* Length-bounded view of a token's clean text. */
static inline sr_str sr_tok_str(const sr_doc *d, const sr_token *t)
{
    sr_str s = {d->clean + t->start, t->end - t->start};
    return s;
}

/* ---- recognisers (recognise/) ----------------------------------------------------
 * Each takes the document with tokens and sentences and appends mentions through
 * sr_mention_push(). Dates run before numbers and mark the tokens they consume with
 * SR_TF_USED, so a day or year inside a date never also counts as a number. */
typedef struct sr_mentions {
    sr_mention *v;
    size_t n, cap;
    sr_arena *arena;
} sr_mentions;

sr_mention *sr_mention_push(sr_mentions *m);
/* The sentence holding byte offset (the last one starting at or before it); the
 * document must have sentences. */
uint32_t sr_doc_sentence_at(const sr_doc *d, uint32_t offset);
/* The bytes [*from, *to) of a claim's context, as extract prints it and the store keeps
 * it: its sentence, or a window of SR_CLAIM_CONTEXT bytes either side of the figure in
 * a long one (doc.c). */
void sr_claim_context(const sr_doc *d, const sr_claim *c, uint32_t *from, uint32_t *to);
sr_status sr_recognise_dates(sr_doc *doc, sr_mentions *out);
sr_status sr_recognise_numbers(sr_doc *doc, sr_mentions *out);

#endif
