/* utf8.c: UTF-8 validation at the boundary.
 *
 * The document keeps its original bytes; analysis reads a same-length "clean" copy in
 * which every byte that is not part of a well-formed UTF-8 sequence (and every NUL) is
 * replaced by 0x1A, ASCII SUBSTITUTE. Valid text (nearly all of it) is its own clean
 * copy: no bytes are copied. Because the replacement is one byte for one byte,
 * every offset found in the clean copy is also an offset into the original bytes.
 * Output writers print 0x1A as U+FFFD. Decoding of well-formed sequences uses utf8proc. */
#include <utf8proc.h>

#include "internal.h"

int sr_utf8_seq_len(const unsigned char *s, size_t n)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate(s, (utf8proc_ssize_t)(n < 4 ? n : 4), &cp);
    return k > 0 ? (int)k : 0;
}

/* Offset of the first byte that is not well-formed UTF-8 (or is NUL), or len. */
static size_t first_bad(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        /* Fast path over ASCII without NUL, eight bytes at a time. */
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if ((w & 0x8080808080808080ull) ||
                ((w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull))
                break;
            i += 8;
        }
        if (i >= len)
            break;
        unsigned char c = s[i];
        if (c && c < 0x80) {
            i++;
            continue;
        }
        int k = c ? sr_utf8_seq_len(s + i, len - i) : 0;
        if (k == 0)
            return i;
        i += (size_t)k;
    }
    return len;
}

const char *sr_utf8_clean(sr_arena *a, const char *text, size_t len, size_t *replaced)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = first_bad(s, len);
    *replaced = 0;
    if (i == len)
        return text; /* valid: the text is its own clean copy */
    char *out = sr_arena_alloc(a, len + 1);
    if (!out)
        return NULL;
    memcpy(out, text, i);
    size_t bad = 0;
    while (i < len) {
        size_t ok = first_bad(s + i, len - i);
        memcpy(out + i, s + i, ok);
        i += ok;
        if (i < len) {
            out[i++] = 0x1A;
            bad++;
        }
    }
    out[len] = 0;
    *replaced = bad;
    return out;
}

int sr_utf8_decode_slow(const char *s, size_t n, int32_t *cp)
{
    utf8proc_int32_t v;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s,
                                          (utf8proc_ssize_t)(n < 4 ? n : 4), &v);
    if (k <= 0) { /* cannot happen on clean text; be safe anyway */
        *cp = 0x1A;
        return 1;
    }
    *cp = v;
    return (int)k;
}
