/* page.c: one web page from bytes to an sr_page: decode (charset.c), parse with
 * libxml2's HTML parser, extract the main text (extract.c) and the metadata (meta.c). */
#include <stdio.h>

#include "html.h"

/* Where the element whose start tag begins at s ends its start tag (after '>'),
 * honouring quoted attribute values; end when the page ends first. */
static const char *tag_end(const char *s, const char *end)
{
    char q = 0;
    for (; s < end; s++) {
        if (q)
            q = *s == q ? 0 : q;
        else if (*s == '"' || *s == '\'')
            q = *s;
        else if (*s == '>')
            return s + 1;
    }
    return end;
}

/* The start of "</name" at or after s (case-insensitive), or end. */
static const char *close_tag(const char *s, const char *end, const char *name)
{
    while ((s = memchr(s, '<', (size_t)(end - s))) != NULL) {
        if (s + 1 < end && s[1] == '/' && sr_starts_ci(s + 2, (size_t)(end - s - 2), name))
            return s;
        s++;
    }
    return end;
}

/* A copy of the page without comments and the bodies of <script>, <style> and <svg>
 * elements, which are never text and are half of a modern page's bytes: the parser need
 * not read them. The scan follows the HTML tokenizer where it matters (a raw-text body
 * ends at the first "</script", quoted attribute values may hold ">"). JSON-LD scripts
 * are kept for the metadata. Returns NULL on out-of-memory. */
static char *drop_script_bodies(const char *s, size_t n, sr_arena *a, size_t *outn)
{
    char *o = sr_arena_alloc(a, n + 1), *w = o;
    if (!o)
        return NULL;
    const char *p = s, *end = s + n;
    while (p < end) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt)
            break;
        if (end - lt >= 4 && !memcmp(lt + 1, "!--", 3)) {
            /* a comment: from "<!--" to the first "-->", "<!-->" being one already */
            const char *close = memmem(lt + 2, (size_t)(end - lt - 2), "-->", 3);
            memcpy(w, p, (size_t)(lt - p));
            w += lt - p;
            p = close ? close + 3 : end;
            continue;
        }
        size_t left = (size_t)(end - lt - 1);
        const char *name = sr_starts_ci(lt + 1, left, "script")  ? "script"
                           : sr_starts_ci(lt + 1, left, "style") ? "style"
                           : sr_starts_ci(lt + 1, left, "svg")   ? "svg"
                                                                 : NULL;
        size_t nl = name ? strlen(name) : 0;
        if (!name || lt + 1 + nl >= end || !strchr(" \t\r\n/>", lt[1 + nl])) {
            memcpy(w, p, (size_t)(lt + 1 - p));
            w += lt + 1 - p;
            p = lt + 1;
            continue;
        }
        const char *body = tag_end(lt, end);
        const char *close = close_tag(body, end, name);
        bool keep = memmem(lt, (size_t)(body - lt), "ld+json", 7) != NULL;
        const char *upto = keep ? close : body;
        memcpy(w, p, (size_t)(upto - p));
        w += upto - p;
        p = close;
    }
    memcpy(w, p, (size_t)(end - p));
    w += end - p;
    *w = 0;
    *outn = (size_t)(w - o);
    return o;
}

htmlDocPtr sr_html_parse(const char *utf8, size_t len)
{
    if (len > INT32_MAX)
        return NULL;
    /* The bytes are already valid UTF-8, libxml2's default, so no decoder is named (a
     * named one copies the input through a conversion buffer); IGNORE_ENC keeps a
     * <meta charset> from switching the parser to another decoder halfway through. */
    int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
               HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;
    return htmlReadMemory(utf8, (int)len, NULL, NULL, opts);
}

/* Cuts a trailing incomplete UTF-8 sequence off s (a field cut to a byte limit). */
static void whole_chars(char *s)
{
    if (!s)
        return;
    size_t n = strlen(s), k = 0;
    while (k < n && k < 4 && ((unsigned char)s[n - 1 - k] & 0xC0) == 0x80)
        k++; /* continuation bytes at the end */
    if (k >= n)
        return;
    unsigned char lead = (unsigned char)s[n - 1 - k];
    size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (lead >= 0x80 && need != k + 1)
        s[n - 1 - k] = 0;
}

sr_status sr_html_page(const char *bytes, size_t len, const sr_html_origin *o, sr_arena *a,
                       sr_page *out, char *err, size_t errsz)
{
    memset(out, 0, sizeof *out);
    size_t n = 0;
    char *utf8 = sr_html_to_utf8(bytes, len, o ? o->content_type : NULL, a, &n, &out->charset);
    if (!utf8) {
        snprintf(err, errsz, "out of memory decoding a %zu-byte page", len);
        return SR_NOMEM;
    }
    utf8 = drop_script_bodies(utf8, n, a, &n);
    if (!utf8) {
        snprintf(err, errsz, "out of memory reading a %zu-byte page", len);
        return SR_NOMEM;
    }
    if (n > INT32_MAX) {
        snprintf(err, errsz, "page of %zu bytes is too large to parse", n);
        return SR_TOOBIG;
    }
    htmlDocPtr doc = sr_html_parse(utf8, n);
    if (!doc || !xmlDocGetRootElement(doc)) {
        if (doc)
            xmlFreeDoc(doc);
        snprintf(err, errsz, "no HTML document could be parsed (%zu bytes, %s)", len, out->charset);
        return SR_HTML;
    }
    sr_status st = sr_html_main_text(doc, a, out);
    if (!st) {
        sr_html_meta(doc, o ? o->url : NULL, a, out);
        char *fields[] = {out->title,     out->author, out->site,
                          out->canonical, out->lang,   out->published};
        for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
            whole_chars(fields[i]);
    }
    xmlFreeDoc(doc);
    if (st)
        snprintf(err, errsz, "out of memory extracting the text of a %zu-byte page", len);
    return st;
}
