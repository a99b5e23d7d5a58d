/* charset.c: a web page's bytes to UTF-8.
 *
 * The encoding is chosen as browsers choose it, in this order: a byte-order mark, the
 * charset of the HTTP Content-Type header, a <meta charset> or <meta http-equiv> in the
 * page's head (first SR_HTML_PRESCAN bytes), then UTF-8 when the bytes are valid UTF-8,
 * else windows-1252. Two corrections of the declared label follow the WHATWG encoding
 * standard and the web's habits: latin-1 and ASCII labels mean windows-1252, a meta
 * declaring UTF-16 means UTF-8, and a single-byte label on bytes that are valid UTF-8
 * with non-ASCII sequences is a mislabelled UTF-8 page (such sequences almost never
 * occur in real single-byte text). Conversion is iconv's; every byte it cannot convert,
 * and every NUL, becomes U+FFFD so the parser never sees an invalid sequence. */
#include <errno.h>
#include <iconv.h>
#include <ctype.h>
#include <strings.h>

#include "html.h"
#include "limits.h"

static const char REPL[] = "\xEF\xBF\xBD"; /* U+FFFD */

/* 1 if b is valid UTF-8 with some non-ASCII byte, 0 if pure ASCII, -1 if invalid. */
static int utf8_kind(const unsigned char *b, size_t n)
{
    int wide = 0;
    for (size_t i = 0; i < n;) {
        uint64_t w;
        if (i + 8 <= n && (memcpy(&w, b + i, 8), !(w & 0x8080808080808080ull))) {
            i += 8; /* eight ASCII bytes at once */
            continue;
        }
        if (b[i] < 0x80) {
            i++;
            continue;
        }
        size_t k = (size_t)sr_utf8_seq_len(b + i, n - i);
        if (!k)
            return -1;
        wide = 1;
        i += k;
    }
    return wide;
}

/* Copies UTF-8 bytes, replacing invalid sequences and NULs by U+FFFD. */
static char *copy_utf8(const unsigned char *b, size_t n, sr_arena *a, size_t *outlen)
{
    char *o = sr_arena_alloc(a, n * 3 + 1);
    if (!o)
        return NULL;
    size_t w = 0;
    for (size_t i = 0; i < n;) {
        size_t k = b[i] && b[i] < 0x80 ? 1 : b[i] ? (size_t)sr_utf8_seq_len(b + i, n - i) : 0;
        if (!k) {
            memcpy(o + w, REPL, 3);
            w += 3;
            i++;
            continue;
        }
        memcpy(o + w, b + i, k);
        w += k;
        i += k;
    }
    o[w] = 0;
    *outlen = w;
    return o;
}

/* Finds "charset=" in s[0..n) and copies the label (without quotes) into lab. */
static bool label_after_charset(const char *s, size_t n, char *lab, size_t labsz)
{
    const char *p = s, *end = s + n;
    while (p + 8 <= end) {
        const char *c = memmem(p, (size_t)(end - p), "charset", 7);
        if (!c)
            return false;
        p = c + 7;
        while (p < end && (*p == ' ' || *p == '\t'))
            p++;
        if (p >= end || *p != '=')
            continue;
        p++;
        while (p < end && (*p == ' ' || *p == '\t' || *p == '"' || *p == '\''))
            p++;
        size_t k = 0;
        while (p < end && k + 1 < labsz && (isalnum((unsigned char)*p) || strchr("-_.:", *p)))
            lab[k++] = *p++;
        lab[k] = 0;
        return k > 0;
    }
    return false;
}

/* The charset declared by a <meta> in the first bytes of the page, lower-cased. */
static bool meta_label(const char *b, size_t n, char *lab, size_t labsz)
{
    if (n > SR_HTML_PRESCAN)
        n = SR_HTML_PRESCAN;
    char low[SR_HTML_PRESCAN];
    for (size_t i = 0; i < n; i++)
        low[i] = (char)tolower((unsigned char)b[i]);
    const char *p = low, *end = low + n;
    while ((p = memmem(p, (size_t)(end - p), "<meta", 5)) != NULL) {
        const char *gt = memchr(p, '>', (size_t)(end - p));
        if (!gt)
            return false;
        if (label_after_charset(p, (size_t)(gt - p), lab, labsz))
            return true;
        p = gt;
    }
    return false;
}

/* The iconv name for a label, or NULL for UTF-8; *single is set for one-byte sets. */
static const char *canonical(const char *lab, bool from_meta, bool *single)
{
    static const char *const utf8[] = {"utf-8", "utf8", "unicode-1-1-utf-8", NULL};
    static const char *const w1252[] = {
        "iso-8859-1", "iso8859-1", "latin1",     "l1",    "us-ascii", "ascii", "windows-1252",
        "cp1252",     "x-cp1252",  "iso_8859-1", "cp819", "ibm819",   NULL};
    *single = false;
    for (size_t i = 0; utf8[i]; i++)
        if (!strcasecmp(lab, utf8[i]))
            return NULL;
    if (from_meta && !strncasecmp(lab, "utf-16", 6))
        return NULL;
    for (size_t i = 0; w1252[i]; i++)
        if (!strcasecmp(lab, w1252[i])) {
            *single = true;
            return "WINDOWS-1252";
        }
    *single = !strncasecmp(lab, "iso-8859", 8) || !strncasecmp(lab, "windows-12", 10) ||
              !strncasecmp(lab, "koi8", 4);
    return lab;
}

/* Converts with iconv; NULL when the charset is unknown to iconv (caller falls back). */
static char *convert(const char *from, const char *b, size_t n, sr_arena *a, size_t *outlen)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return NULL;
    size_t cap = n * 4 + 16; /* UTF-8 takes at most 4 bytes for any input byte's char */
    char *o = sr_arena_alloc(a, cap + 1);
    if (!o) {
        iconv_close(cd);
        return NULL;
    }
    char *in = (char *)b, *out = o;
    size_t inleft = n, outleft = cap;
    while (inleft) {
        if (iconv(cd, &in, &inleft, &out, &outleft) != (size_t)-1)
            break;
        if (errno == E2BIG || outleft < 3)
            break;            /* cannot happen with the cap above; stop rather than loop */
        memcpy(out, REPL, 3); /* EILSEQ or EINVAL: one undecodable byte */
        out += 3;
        outleft -= 3;
        in++;
        inleft--;
    }
    iconv_close(cd);
    *outlen = (size_t)(out - o);
    /* NULs from the source are not text; the parser must not see them */
    for (size_t i = 0; i < *outlen; i++)
        if (!o[i])
            o[i] = ' ';
    o[*outlen] = 0;
    return o;
}

char *sr_html_to_utf8(const char *bytes, size_t len, const char *content_type, sr_arena *a,
                      size_t *outlen, const char **charset)
{
    const unsigned char *b = (const unsigned char *)bytes;
    if (len >= 3 && !memcmp(b, "\xEF\xBB\xBF", 3)) {
        *charset = "UTF-8";
        return copy_utf8(b + 3, len - 3, a, outlen);
    }
    if (len >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) {
        *charset = b[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
        char *o = convert(*charset, bytes + 2, len - 2, a, outlen);
        if (o)
            return o;
    }
    char lab[64];
    bool single = false, meta = false;
    const char *want = NULL;
    bool declared =
        content_type && label_after_charset(content_type, strlen(content_type), lab, sizeof lab);
    if (!declared)
        declared = meta = meta_label(bytes, len, lab, sizeof lab);
    int kind = utf8_kind(b, len);
    if (declared) {
        want = canonical(lab, meta, &single);
        if (want && single && kind == 1)
            want = NULL; /* valid multi-byte UTF-8 under a one-byte label: UTF-8 */
    } else if (kind < 0) {
        want = "WINDOWS-1252";
    }
    if (want) {
        char *o = convert(want, bytes, len, a, outlen);
        if (o) {
            *charset = !strcmp(want, "WINDOWS-1252") ? "windows-1252"
                                                     : sr_arena_strndup(a, want, strlen(want));
            return o;
        }
        if (kind < 0) { /* unknown label on bytes that are not UTF-8 */
            *charset = "windows-1252";
            return convert("WINDOWS-1252", bytes, len, a, outlen);
        }
    }
    *charset = "UTF-8";
    if (kind >= 0 && !memchr(b, 0, len)) {
        *outlen = len; /* already clean: no copy */
        return (char *)bytes;
    }
    return copy_utf8(b, len, a, outlen);
}
