/* fuzz_html.c: libFuzzer target for web pages: the bytes are a page whose HTTP
 * Content-Type (none, HTML with several charsets, a bogus one) and address come from the
 * first byte. The page must come out as valid UTF-8 text of the length given, with a
 * valid publication day when it has one, or an explained error. */
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"
#include "../src/html/html.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const types[] = {
    NULL,
    "text/html",
    "text/html; charset=utf-8",
    "text/html; charset=windows-1252",
    "text/html; charset=ISO-8859-1",
    "text/html; charset=utf-16le",
    "text/html; charset=shift_jis",
    "text/html; charset=no-such-charset",
};

static const char *const urls[] = {
    NULL,
    "https://www.example.org/2024/11/05/story.html",
    "http://example.com",
    "not a url",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    sr_html_origin o = {urls[(data[0] >> 3) & 3], types[data[0] & 7]};
    sr_arena *a = sr_arena_new();
    if (!a)
        return 0;
    sr_page pg;
    char err[512] = "";
    sr_status st = sr_html_page((const char *)data + 1, size - 1, &o, a, &pg, err, sizeof err);
    if (st) {
        if (!err[0])
            abort(); /* every error is explained */
    } else {
        size_t bad = 0;
        if (pg.text && (strlen(pg.text) != pg.len || !sr_utf8_clean(a, pg.text, pg.len, &bad)))
            abort();
        if (bad || (!pg.text && pg.len))
            abort(); /* the text is valid UTF-8 without NUL bytes */
        if (pg.day.year && !sr_ymd_valid(pg.day))
            abort();
        const char *meta[] = {pg.title, pg.author, pg.site, pg.canonical, pg.lang, pg.published};
        for (size_t i = 0; i < sizeof meta / sizeof *meta; i++)
            if (meta[i] && (sr_utf8_clean(a, meta[i], strlen(meta[i]), &bad), bad))
                abort(); /* so is every metadata string */
    }
    sr_arena_free(a);
    return 0;
}
