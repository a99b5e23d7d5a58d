/* minhash.c: word shingles, MinHash signatures, LSH band keys and exact Jaccard.
 *
 * A word is a maximal run of letters, marks and digits: ASCII letters are folded to
 * lower case, other code points with utf8proc's simple lower-case mapping; everything
 * else (ASCII and Unicode punctuation, symbols, spaces, controls, and every byte that
 * is not well-formed UTF-8) separates words and is otherwise ignored. A word hashes to
 * 64 bits (XXH3 over its folded UTF-8 bytes, in chunks so a word of any length costs
 * constant memory); a shingle hashes the little-endian bytes of SR_SHINGLE_WORDS
 * consecutive word hashes. Only the words matter, never what lies between them, and
 * every hash is the same on every platform and run: the store keeps keys on disk.
 *
 * The shingle set is built in a buffer of at most 2 * SR_SHINGLE_MAX hashes: when it
 * fills, it is sorted (radix, linear whatever the input), deduplicated and cut to
 * the SR_SHINGLE_MAX smallest, whose largest then bounds what may enter. So memory is
 * bounded and the kept set is the smallest SR_SHINGLE_MAX distinct hashes of the whole
 * text, the same for two copies of a text however long. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>
#include <xxhash.h>

#include "dedup.h"

/* Bytes of a word hashed at a time; a longer word chains its chunks' hashes. */
enum { WORD_CHUNK = 64 };
/* Below this many hashes insertion sort beats the radix passes. */
enum { SMALL_SORT = 48 };
/* Seeds: any fixed values; changing one changes every stored key. */
#define PERM_SEED 0x5172e9d3a1c4b6f7ull
#define BAND_SEED 0x3b9f1d27c58e4a61ull

/* ---- words ------------------------------------------------------------------------ */

/* A word being read: folded bytes not yet hashed, and the chained hash of the chunks
 * already hashed (0 before the first). Lives on the caller's stack. */
typedef struct {
    uint8_t buf[WORD_CHUNK + 4]; /* room for one more UTF-8 sequence past a chunk */
    size_t n;
    uint64_t h;
} word_acc;

/* Adds n folded bytes (n <= 4) to the word, hashing a full chunk into the chain. */
static void word_add(word_acc *w, const uint8_t *b, size_t n)
{
    w->buf[w->n] = b[0]; /* by hand: a memcpy call per character was measured slower */
    for (size_t k = 1; k < n; k++)
        w->buf[w->n + k] = b[k];
    w->n += n;
    if (w->n >= WORD_CHUNK) {
        w->h = XXH3_64bits_withSeed(w->buf, w->n, w->h);
        w->n = 0;
    }
}

/* ASCII letters and digits folded to lower case; 0 for every other ASCII byte. */
static const uint8_t ascii_fold[128] = {
    ['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4', ['5'] = '5', ['6'] = '6',
    ['7'] = '7', ['8'] = '8', ['9'] = '9', ['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd',
    ['E'] = 'e', ['F'] = 'f', ['G'] = 'g', ['H'] = 'h', ['I'] = 'i', ['J'] = 'j', ['K'] = 'k',
    ['L'] = 'l', ['M'] = 'm', ['N'] = 'n', ['O'] = 'o', ['P'] = 'p', ['Q'] = 'q', ['R'] = 'r',
    ['S'] = 's', ['T'] = 't', ['U'] = 'u', ['V'] = 'v', ['W'] = 'w', ['X'] = 'x', ['Y'] = 'y',
    ['Z'] = 'z', ['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'e', ['f'] = 'f',
    ['g'] = 'g', ['h'] = 'h', ['i'] = 'i', ['j'] = 'j', ['k'] = 'k', ['l'] = 'l', ['m'] = 'm',
    ['n'] = 'n', ['o'] = 'o', ['p'] = 'p', ['q'] = 'q', ['r'] = 'r', ['s'] = 's', ['t'] = 't',
    ['u'] = 'u', ['v'] = 'v', ['w'] = 'w', ['x'] = 'x', ['y'] = 'y', ['z'] = 'z',
};

/* Reads the non-ASCII character at s[i] (i < len) and returns its length in bytes (1
 * for a byte that does not start a well-formed sequence). When it is a letter, mark or
 * number, writes its lower-case UTF-8 to out (at most 4 bytes) and sets *nout to that
 * length; otherwise sets *nout to 0. Never reads past len. */
static size_t read_utf8(const uint8_t *s, size_t len, size_t i, uint8_t out[4], size_t *nout)
{
    utf8proc_int32_t cp;
    size_t avail = len - i < 4 ? len - i : 4;
    utf8proc_ssize_t k = utf8proc_iterate(s + i, (utf8proc_ssize_t)avail, &cp);
    *nout = 0;
    if (k <= 0)
        return 1; /* an invalid byte: a separator */
    utf8proc_category_t cat = utf8proc_category(cp);
    if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO)
        *nout = (size_t)utf8proc_encode_char(utf8proc_tolower(cp), out);
    return (size_t)k;
}

/* Finds the next word at or after s[*pos]: sets *wh to its hash and *pos just past it.
 * Returns 0 (with *pos == len) when no word is left. ASCII, nearly all of the news,
 * takes the table; other characters go through utf8proc. */
static int next_word(const uint8_t *s, size_t len, size_t *pos, uint64_t *wh)
{
    word_acc w;
    size_t i = *pos;
    int in_word = 0;
    w.n = 0;
    w.h = 0;
    while (i < len) {
        uint8_t ch[4];
        size_t nch, k = 1;
        if (s[i] < 0x80)
            nch = (ch[0] = ascii_fold[s[i]]) != 0;
        else
            k = read_utf8(s, len, i, ch, &nch);
        if (nch == 0 && in_word)
            break;
        i += k;
        if (nch) {
            word_add(&w, ch, nch);
            in_word = 1;
        }
    }
    *pos = i;
    if (in_word)
        *wh = XXH3_64bits_withSeed(w.buf, w.n, w.h);
    return in_word;
}

/* ---- sorting ------------------------------------------------------------------------ */

/* Sorts v[0..n) by insertion, giving up once more than max_moves hashes have moved.
 * Returns 1 when v is sorted, 0 when it gave up (v is then some permutation of itself). */
static int insertion_sort(uint64_t *v, size_t n, size_t max_moves)
{
    size_t moves = 0;
    for (size_t i = 1; i < n; i++) {
        uint64_t x = v[i];
        size_t j = i;
        for (; j > 0 && v[j - 1] > x; j--)
            v[j] = v[j - 1];
        v[j] = x;
        moves += i - j;
        if (moves > max_moves)
            return 0;
    }
    return 1;
}

/* One LSD radix pass over byte d: stable-distributes src[0..n) into dst. */
static void radix_pass(const uint64_t *src, uint64_t *dst, size_t n, int d)
{
    uint32_t count[256] = {0};
    for (size_t i = 0; i < n; i++)
        count[(src[i] >> (8 * d)) & 0xff]++;
    uint32_t sum = 0;
    for (int b = 0; b < 256; b++) {
        uint32_t t = count[b];
        count[b] = sum;
        sum += t;
    }
    for (size_t i = 0; i < n; i++)
        dst[count[(src[i] >> (8 * d)) & 0xff]++] = src[i];
}

/* Sorts the n hashes in v, using tmp (room for n) as scratch; n < 2^32. Hashes are
 * near-uniform, so two radix passes on the top 16 bits leave buckets of a handful that
 * insertion sort finishes in about n moves. A crafted text whose hashes share their top
 * bits would make that quadratic, so past 4n moves it falls back to the full 8-byte
 * radix sort: linear in n whatever the input. */
static void sort_hashes(uint64_t *v, uint64_t *tmp, size_t n)
{
    if (n < SMALL_SORT) {
        insertion_sort(v, n, SIZE_MAX);
        return;
    }
    radix_pass(v, tmp, n, 6);
    radix_pass(tmp, v, n, 7);
    if (insertion_sort(v, n, 4 * n))
        return;
    for (int d = 0; d < 8; d += 2) {
        radix_pass(v, tmp, n, d);
        radix_pass(tmp, v, n, d + 1);
    }
}

/* Removes adjacent repeats from sorted v; returns the new length. */
static size_t unique(uint64_t *v, size_t n)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (m == 0 || v[m - 1] != v[i])
            v[m++] = v[i];
    return m;
}

/* ---- the shingle set ---------------------------------------------------------------- */

/* The set under construction. h holds cap hashes followed by cap of scratch for the
 * sort (one malloc'd block, owned by the builder until handed to the caller). */
typedef struct {
    uint64_t ring[2 * SR_SHINGLE_WORDS]; /* word hashes in little-endian byte order,
                                            each stored twice (see add_word) */
    size_t nwords;
    uint64_t *h;
    size_t n, cap;
    int capped; /* the set was cut to SR_SHINGLE_MAX: only hashes < limit may enter */
    uint64_t limit;
} builder;

/* Sorts, deduplicates and cuts the collected hashes to the smallest SR_SHINGLE_MAX. */
static void compact(builder *b)
{
    sort_hashes(b->h, b->h + b->cap, b->n);
    b->n = unique(b->h, b->n);
    if (b->n >= SR_SHINGLE_MAX) {
        b->n = SR_SHINGLE_MAX;
        b->capped = 1;
        b->limit = b->h[SR_SHINGLE_MAX - 1];
    }
}

/* Makes room for one more hash: compacts at the bound, else doubles the block.
 * Returns SR_NOMEM when the block cannot grow (b keeps its old block). */
static sr_status make_room(builder *b)
{
    if (b->cap >= 2 * (size_t)SR_SHINGLE_MAX) {
        compact(b);
        return SR_OK;
    }
    size_t cap = b->cap * 2 < 2 * (size_t)SR_SHINGLE_MAX ? b->cap * 2 : 2 * (size_t)SR_SHINGLE_MAX;
    uint64_t *h = realloc(b->h, 2 * cap * sizeof *h);
    if (!h)
        return SR_NOMEM;
    b->h = h;
    b->cap = cap;
    return SR_OK;
}

/* Adds one shingle hash (a hash at or above the limit cannot be among the smallest).
 * Returns SR_OK or SR_NOMEM. */
static sr_status add_hash(builder *b, uint64_t x)
{
    if (b->capped && x >= b->limit)
        return SR_OK;
    if (b->n == b->cap && make_room(b) != SR_OK)
        return SR_NOMEM;
    b->h[b->n++] = x;
    return SR_OK;
}

/* v with its bytes in little-endian order, so hashes do not depend on the platform. */
static uint64_t le64(uint64_t v)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return __builtin_bswap64(v);
#else
    return v;
#endif
}

/* Adds one word. Word t goes to ring[t % W] and ring[t % W + W], so the last W words,
 * oldest first, are always the contiguous ring[t % W + 1 .. t % W + W]; once W words
 * are in, each word ends a shingle, hashed straight from the ring. */
static sr_status add_word(builder *b, uint64_t wh)
{
    size_t at = b->nwords % SR_SHINGLE_WORDS;
    b->ring[at] = b->ring[at + SR_SHINGLE_WORDS] = le64(wh);
    b->nwords++;
    if (b->nwords < SR_SHINGLE_WORDS)
        return SR_OK;
    return add_hash(b, XXH3_64bits(b->ring + at + 1, sizeof b->ring / 2));
}

/* Initial capacity for len bytes of text: about one word in six bytes, bounded. */
static size_t first_cap(size_t len)
{
    size_t cap = len / 6 + 16;
    return cap < 2 * (size_t)SR_SHINGLE_MAX ? cap : 2 * (size_t)SR_SHINGLE_MAX;
}

/* Makes the shingle set of len bytes of text (see dedup.h and the top of this file).
 * On success *out owns a malloc'd array of out->n sorted, distinct hashes (NULL when
 * out->n is 0); the caller frees it with sr_shingles_free. On SR_NOMEM *out is
 * {NULL, 0} and nothing is left allocated. text is only read, never kept. */
sr_status sr_shingles_make(const char *text, size_t len, sr_shingles *out)
{
    const uint8_t *s = (const uint8_t *)text;
    builder b = {.nwords = 0, .n = 0, .capped = 0, .limit = 0};
    out->h = NULL;
    out->n = 0;
    b.cap = first_cap(len);
    b.h = malloc(2 * b.cap * sizeof *b.h);
    if (!b.h)
        return SR_NOMEM;
    size_t pos = 0;
    uint64_t wh;
    while (next_word(s, len, &pos, &wh)) {
        if (add_word(&b, wh) != SR_OK) {
            free(b.h);
            return SR_NOMEM;
        }
    }
    if (b.nwords > 0 && b.nwords < SR_SHINGLE_WORDS)
        b.h[b.n++] = XXH3_64bits(b.ring, b.nwords * sizeof b.ring[0]); /* cap >= 16 */
    compact(&b);
    if (b.n == 0) {
        free(b.h);
        return SR_OK;
    }
    out->h = b.h;
    out->n = b.n;
    /* Give back the scratch half and the slack; if shrinking fails the block stays. */
    uint64_t *h = realloc(b.h, b.n * sizeof *h);
    if (h)
        out->h = h;
    return SR_OK;
}

/* Frees the hashes of s and empties it; s itself belongs to the caller. NULL, or a set
 * already freed or empty, is a no-op. */
void sr_shingles_free(sr_shingles *s)
{
    if (!s)
        return;
    free(s->h);
    s->h = NULL;
    s->n = 0;
}

/* ---- MinHash -------------------------------------------------------------------------- */

/* SplitMix64: the next value of the generator whose state is *x. */
static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

/* The permutations' multipliers (odd) and addends, drawn from a fixed seed: every run
 * and platform gets the same ones. Written into the caller's arrays. */
static void perm_constants(uint64_t mul[SR_MH_PERM], uint64_t add[SR_MH_PERM])
{
    uint64_t state = PERM_SEED;
    for (int i = 0; i < SR_MH_PERM; i++) {
        mul[i] = splitmix64(&state) | 1;
        add[i] = splitmix64(&state);
    }
}

/* Writes the MinHash signature of s into sig: sig[i] is the least, over the shingles
 * x, of the top 32 bits of mul[i] * x + add[i] (multiply-add-shift: a universal family,
 * and the shingle hashes are already well mixed). An empty set gives all UINT32_MAX.
 * Permutation-major, four permutations per pass over the shingles with the minima in
 * registers: measured 0.42 ns per shingle and permutation against 0.62-0.89 for the
 * shingle-major loop that the compiler vectorises with SSE2 (no 64-bit multiply, no
 * unsigned 32-bit minimum), and against one permutation per pass. The top 32 bits of
 * the least 64-bit value are the least top 32 bits. Nothing is allocated or kept. */
void sr_minhash(const sr_shingles *s, uint32_t sig[SR_MH_PERM])
{
    uint64_t mul[SR_MH_PERM], add[SR_MH_PERM];
    perm_constants(mul, add);
    for (int i = 0; i < SR_MH_PERM; i += 4) {
        uint64_t m0 = mul[i], m1 = mul[i + 1], m2 = mul[i + 2], m3 = mul[i + 3];
        uint64_t a0 = add[i], a1 = add[i + 1], a2 = add[i + 2], a3 = add[i + 3];
        uint64_t s0 = UINT64_MAX, s1 = UINT64_MAX, s2 = UINT64_MAX, s3 = UINT64_MAX;
        for (size_t j = 0; j < s->n; j++) {
            uint64_t x = s->h[j];
            uint64_t v0 = x * m0 + a0, v1 = x * m1 + a1, v2 = x * m2 + a2, v3 = x * m3 + a3;
            s0 = v0 < s0 ? v0 : s0;
            s1 = v1 < s1 ? v1 : s1;
            s2 = v2 < s2 ? v2 : s2;
            s3 = v3 < s3 ? v3 : s3;
        }
        sig[i] = (uint32_t)(s0 >> 32);
        sig[i + 1] = (uint32_t)(s1 >> 32);
        sig[i + 2] = (uint32_t)(s2 >> 32);
        sig[i + 3] = (uint32_t)(s3 >> 32);
    }
}

/* ---- LSH keys and Jaccard -------------------------------------------------------------- */

/* v as a two's-complement int64_t without implementation-defined conversion. */
static int64_t as_int64(uint64_t v)
{
    return v <= (uint64_t)INT64_MAX ? (int64_t)v : -(int64_t)(~v) - 1;
}

/* Writes the SR_MH_BANDS keys of sig into keys: key b is XXH3 of the little-endian
 * bytes of rows b*SR_MH_ROWS .. b*SR_MH_ROWS+SR_MH_ROWS-1, seeded with b, so equal rows
 * in different bands give different keys and one index over all keys is enough.
 * Nothing is allocated or kept. */
void sr_lsh_keys(const uint32_t sig[SR_MH_PERM], int64_t keys[SR_MH_BANDS])
{
    for (int b = 0; b < SR_MH_BANDS; b++) {
        uint8_t bytes[4 * SR_MH_ROWS];
        for (int r = 0; r < SR_MH_ROWS; r++) {
            uint32_t v = sig[b * SR_MH_ROWS + r];
            for (int k = 0; k < 4; k++)
                bytes[4 * r + k] = (uint8_t)(v >> (8 * k));
        }
        keys[b] = as_int64(XXH3_64bits_withSeed(bytes, sizeof bytes, BAND_SEED + (uint64_t)b));
    }
}

/* Returns |a ∩ b| / |a ∪ b| by merging the two sorted arrays; 0 when both are empty.
 * When a set was cut at SR_SHINGLE_MAX, both sets are first restricted to hashes no
 * larger than the cut set's largest: each set then holds all its shingles in that hash
 * range, so the result is the exact similarity of a random (by hash) sample of at least
 * SR_SHINGLE_MAX shingles, rather than a comparison of two unrelated cuts. Only reads. */
double sr_jaccard(const sr_shingles *a, const sr_shingles *b)
{
    uint64_t top = UINT64_MAX;
    if (a->n >= SR_SHINGLE_MAX && a->h[a->n - 1] < top)
        top = a->h[a->n - 1];
    if (b->n >= SR_SHINGLE_MAX && b->h[b->n - 1] < top)
        top = b->h[b->n - 1];
    size_t i = 0, j = 0, both = 0, all = 0;
    while (i < a->n && j < b->n && a->h[i] <= top && b->h[j] <= top) {
        if (a->h[i] == b->h[j]) {
            both++;
            i++;
            j++;
        } else if (a->h[i] < b->h[j]) {
            i++;
        } else {
            j++;
        }
        all++;
    }
    for (; i < a->n && a->h[i] <= top; i++)
        all++;
    for (; j < b->n && b->h[j] <= top; j++)
        all++;
    return all ? (double)both / (double)all : 0.0;
}
