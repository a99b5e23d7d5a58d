/* dedup.h: near-duplicate documents by MinHash over word shingles, with LSH banding.
 *
 * A document's text becomes a set of shingles (SR_SHINGLE_WORDS consecutive words,
 * case-folded, punctuation ignored), hashed to 64 bits. Its MinHash signature has
 * SR_MH_PERM values; the signature is cut into SR_MH_BANDS bands of SR_MH_ROWS rows, and
 * each band hashes to one 64-bit key. Two documents sharing any band key are candidates;
 * a candidate is confirmed by the exact Jaccard similarity of the two shingle sets
 * against SR_NEAR_DUP. The banding catches pairs well below SR_NEAR_DUP (a pair at 0.5
 * is a candidate with probability 0.87, at 0.7 with 0.9998), so the exact check, not the
 * index, decides. */
#ifndef SR_DEDUP_H
#define SR_DEDUP_H

#include <stddef.h>
#include <stdint.h>

#include "sitrep.h"

enum {
    SR_SHINGLE_WORDS = 5,
    SR_MH_PERM = 128,
    SR_MH_BANDS = 32,
    SR_MH_ROWS = 4, /* SR_MH_BANDS * SR_MH_ROWS == SR_MH_PERM */
    SR_SHINGLE_MIN = 8, /* documents with fewer shingles take no part */
};

/* Jaccard similarity at or above which two documents are near-duplicates. */
#define SR_NEAR_DUP 0.7

typedef struct {
    uint64_t *h; /* sorted, distinct shingle hashes (malloc'd) */
    size_t n;
} sr_shingles;

/* Makes the shingle set of len bytes of UTF-8 text (not NUL-terminated; invalid bytes
 * are treated as separators). A word is a run of letters, marks and digits, case-folded;
 * punctuation, symbols and spaces (ASCII or not) only separate words, so two texts with
 * the same words in the same order have the same set. A text of fewer than
 * SR_SHINGLE_WORDS words gives one shingle of all its words; a text without words none
 * (out->n == 0, out->h NULL). At most SR_SHINGLE_MAX shingles are kept (the smallest
 * hashes, so two copies keep the same ones), in bounded memory however long the text.
 * Hashes are the same on every platform and run (they may be stored). Returns SR_OK
 * (out then owns out->h: free with sr_shingles_free) or SR_NOMEM (out is then empty
 * and nothing is allocated). The text is only read. */
enum { SR_SHINGLE_MAX = 1 << 16 };
sr_status sr_shingles_make(const char *text, size_t len, sr_shingles *out);
/* Frees s->h and empties *s (the struct itself is the caller's). NULL is a no-op. */
void sr_shingles_free(sr_shingles *s);

/* Writes the MinHash signature of a shingle set into the caller's sig. An empty set gives
 * all UINT32_MAX; callers skip sets below SR_SHINGLE_MIN anyway. */
void sr_minhash(const sr_shingles *s, uint32_t sig[SR_MH_PERM]);

/* Writes the LSH band keys of a signature into the caller's keys; key i depends on band
 * i and its index i, so one index over (key) finds candidates without storing the band. */
void sr_lsh_keys(const uint32_t sig[SR_MH_PERM], int64_t keys[SR_MH_BANDS]);

/* Exact Jaccard similarity |a ∩ b| / |a ∪ b| of two shingle sets (0 when both empty).
 * When a set holds SR_SHINGLE_MAX (it may have been cut), both are compared only up to
 * the smaller of the cut sets' largest hashes: the similarity of a random sample of at
 * least SR_SHINGLE_MAX shingles, exact on it. Only reads a and b. */
double sr_jaccard(const sr_shingles *a, const sr_shingles *b);

#endif
