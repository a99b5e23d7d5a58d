/* test_html.c: web pages to text (src/html/): charset decoding, the main-text
 * extractor's choices, and hostile structure. Metadata has its own file
 * (test_html_meta.c). */
#include <stdlib.h>
#include <time.h>

#include "../../src/html/html.h"
#include "../harness.h"

/* Extracts a page; returns its text (arena-owned) or NULL on error. */
static const char *page_text(sr_arena *a, const char *html, size_t len, const char *ctype,
                             sr_page *pg)
{
    sr_html_origin o = {.content_type = ctype};
    char err[256];
    sr_page local;
    if (!pg)
        pg = &local;
    if (sr_html_page(html, len, &o, a, pg, err, sizeof err))
        return NULL;
    return pg->text;
}

static const char *text_of(sr_arena *a, const char *html)
{
    return page_text(a, html, strlen(html), NULL, NULL);
}

/* Three paragraphs of prose, enough for the extractor to call them an article. */
#define PROSE                                                                                      \
    "<p>The ministry said on Tuesday that more than 10,000 soldiers had crossed the border, "      \
    "a figure that officials in two capitals, speaking separately, later confirmed.</p>"           \
    "<p>Officials added that the deployment, which began in October, was expected to "             \
    "continue for several weeks, according to people familiar with the plans.</p>"                 \
    "<p>Analysts said the numbers, if accurate, would mark the largest such movement in "          \
    "years, though they cautioned that estimates have varied widely.</p>"

TEST(html_keeps_article_drops_furniture)
{
    sr_arena *a = sr_arena_new();
    const char *t = text_of(
        a, "<html><body><a href='#main'>Skip to content</a>"
           "<nav><ul><li><a href='/'>Home</a></li><li><a href='/w'>World</a></li></ul></nav>"
           "<header><h1>Troops cross border</h1></header>"
           "<div class='cookie-consent'>We use cookies to improve your experience.</div>"
           "<article><div class='share-bar'><a href='x'>Share on Facebook</a></div>" PROSE
           "<figure><img src='a.jpg'><figcaption>Soldiers at a station, 2024</figcaption></figure>"
           "<video><p>This browser does not support the video element.</p></video>"
           "<h2>What comes next</h2><ul><li>Talks resume in Geneva next week.</li></ul>"
           "<blockquote>We will respond, a spokesman said.</blockquote></article>"
           "<aside><h3>Related stories</h3><a href='/1'>Another story</a></aside>"
           "<div id='comments'><p>First! This comment is from a reader, not the article, "
           "and it goes on at some length to look like prose.</p></div>"
           "<footer>Copyright 2024 The Paper. All rights reserved.</footer></body></html>");
    CHECK(t && strstr(t, "more than 10,000 soldiers had crossed the border"));
    CHECK(t && strstr(t, "What comes next") && strstr(t, "Talks resume in Geneva"));
    CHECK(t && strstr(t, "We will respond, a spokesman said."));
    static const char *const gone[] = {"Skip to content",
                                       "Home",
                                       "cookies",
                                       "Share on",
                                       "Soldiers at a station",
                                       "does not support",
                                       "Related stories",
                                       "First!",
                                       "Copyright",
                                       "Troops cross border",
                                       NULL};
    for (size_t i = 0; t && gone[i]; i++)
        CHECK_MSG(!strstr(t, gone[i]), "kept \"%s\" in:\n%s", gone[i], t);
    sr_arena_free(a);
}

TEST(html_blocks_become_paragraphs)
{
    sr_arena *a = sr_arena_new();
    const char *t = text_of(a, "<body><article>" PROSE "<p>One<br>two &amp; three&nbsp;four</p>"
                               "<pre>a  b\n  c</pre></article></body>");
    CHECK(t && strstr(t, "confirmed.\n\nOfficials"));
    CHECK(t && strstr(t, "One\ntwo & three four"));
    CHECK(t && strstr(t, "a  b\n  c"));
    CHECK(t && t[0] != ' ' && t[0] != '\n' && t[strlen(t) - 1] != '\n');
    sr_arena_free(a);
}

TEST(html_hidden_and_link_lists_dropped)
{
    sr_arena *a = sr_arena_new();
    const char *t =
        text_of(a, "<body><div class='story'>" PROSE
                   "<p style='display: none'>Hidden text that should not appear anywhere.</p>"
                   "<p aria-hidden='true'>Also hidden from readers of the page.</p>"
                   "<div><a href='/a'>Link one headline</a> <a href='/b'>Link two headline</a> "
                   "<a href='/c'>Link three headline</a></div>"
                   "<p><a href='/promo'>READ MORE STORIES BY CLICKING HERE</a></p></div></body>");
    CHECK(t && strstr(t, "largest such movement"));
    CHECK(t && !strstr(t, "Hidden text") && !strstr(t, "Also hidden"));
    CHECK(t && !strstr(t, "Link one") && !strstr(t, "CLICKING HERE"));
    sr_arena_free(a);
}

/* A page whose markup buries the article inside an element that would be dropped
 * (an unclosed <noscript>, a banner the parser never closes) still yields it. */
TEST(html_article_inside_dropped_element_survives)
{
    sr_arena *a = sr_arena_new();
    const char *t = text_of(a, "<body><noscript><div id='nojs'></noscript><div id='page'>"
                               "<div class='content'>" PROSE "</div></div></body>");
    CHECK(t && strstr(t, "more than 10,000 soldiers"));
    sr_arena_free(a);
}

TEST(html_scripts_and_styles_never_text)
{
    sr_arena *a = sr_arena_new();
    const char *t =
        text_of(a, "<head><style>p { color: red } </style><script>var s = '<p>fake paragraph of "
                   "script text that looks like prose, with commas, and more commas.</p>';</script>"
                   "</head><body><script type='text/javascript'>document.write('x');</SCRIPT >"
                   "<div>" PROSE "</div><script>never closed <p>Tail");
    CHECK(t && strstr(t, "officials in two capitals"));
    CHECK(t && !strstr(t, "fake paragraph") && !strstr(t, "color") &&
          !strstr(t, "document.write") && !strstr(t, "Tail"));
    sr_arena_free(a);
}

/* ---- charsets ---- */

static void check_decoded(const char *bytes, size_t len, const char *ctype, const char *want,
                          const char *charset)
{
    sr_arena *a = sr_arena_new();
    size_t n;
    const char *cs;
    char *u = sr_html_to_utf8(bytes, len, ctype, a, &n, &cs);
    CHECK_MSG(u && n == strlen(want) && !memcmp(u, want, n), "decoded \"%.*s\", want \"%s\"",
              u ? (int)n : 0, u ? u : "", want);
    CHECK_EQ_STR(cs, charset);
    sr_arena_free(a);
}

TEST(html_charset_precedence)
{
    /* windows-1252 bytes: e9 is é, 80 is the euro sign */
    check_decoded("caf\xe9 \x80", 6, NULL, "caf\xc3\xa9 \xe2\x82\xac", "windows-1252");
    check_decoded("caf\xe9", 4, "text/html; charset=ISO-8859-1", "caf\xc3\xa9", "windows-1252");
    check_decoded("caf\xc3\xa9", 5, NULL, "caf\xc3\xa9", "UTF-8");
    check_decoded("\xef\xbb\xbf"
                  "caf\xc3\xa9",
                  8, "text/html; charset=iso-8859-1", "caf\xc3\xa9",
                  "UTF-8"); /* the BOM wins over the header */
    /* the meta declares KOI8-R; the header, when present, wins over it */
    const char *koi = "<meta charset=\"koi8-r\"><p>\xcd\xc9\xd2";
    check_decoded(koi, strlen(koi), NULL, "<meta charset=\"koi8-r\"><p>\xd0\xbc\xd0\xb8\xd1\x80",
                  "koi8-r");
    const char *cp = "<meta http-equiv='Content-Type' content='text/html; charset=windows-1251'>"
                     "\xec\xe8\xf0";
    check_decoded(cp, strlen(cp), NULL,
                  "<meta http-equiv='Content-Type' content='text/html; charset=windows-1251'>"
                  "\xd0\xbc\xd0\xb8\xd1\x80",
                  "windows-1251");
    /* a one-byte label on valid multi-byte UTF-8 is a mislabelled UTF-8 page */
    const char *mis = "<meta charset=iso-8859-1><p>M\xc3\xbcnchen";
    check_decoded(mis, strlen(mis), NULL, mis, "UTF-8");
    /* UTF-16 with a byte-order mark */
    check_decoded("\xff\xfe"
                  "a\0\xe9\0",
                  6, NULL, "a\xc3\xa9", "UTF-16LE");
}

TEST(html_charset_repairs_bad_bytes)
{
    /* invalid UTF-8 under a UTF-8 label, and NUL bytes: each becomes U+FFFD */
    check_decoded("a\xff"
                  "b",
                  3, "text/html; charset=utf-8",
                  "a\xef\xbf\xbd"
                  "b",
                  "UTF-8");
    check_decoded("a\0b", 3, NULL,
                  "a\xef\xbf\xbd"
                  "b",
                  "UTF-8");
    /* an unknown label falls back to detection */
    check_decoded("caf\xe9", 4, "text/html; charset=x-no-such-set", "caf\xc3\xa9", "windows-1252");
    /* a label cut off at the end of the header does not read past it */
    check_decoded("ok", 2, "text/html; charset=", "ok", "UTF-8");
}

/* ---- hostile structure ---- */

static double seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + t.tv_nsec / 1e9;
}

TEST(html_deep_nesting_is_linear)
{
    enum { DEPTH = 100000 };
    size_t cap = DEPTH * 11 + 4096, n = 0;
    char *b = malloc(cap);
    n += (size_t)sprintf(b + n, "<html><body>");
    for (int i = 0; i < DEPTH; i++)
        n += (size_t)sprintf(b + n, "<div><b>");
    n += (size_t)sprintf(b + n, "%s", PROSE);
    sr_arena *a = sr_arena_new();
    double t0 = seconds();
    sr_page pg;
    const char *t = page_text(a, b, n, NULL, &pg);
    double dt = seconds() - t0;
    CHECK(t != NULL);
    CHECK_MSG(dt < 20, "100,000 nested elements took %.1f s", dt);
    sr_arena_free(a);
    free(b);
}

TEST(html_garbage_and_empty_pages)
{
    sr_arena *a = sr_arena_new();
    sr_page pg;
    char err[256];
    sr_html_origin o = {0};
    /* nothing at all, or only tags: an empty text, not a crash */
    static const char *const pages[] = {
        "",   "<",        "<html",     "<<<>>>", "</p></div></body>", "<!--", "<![CDATA[",
        "<p", "\xff\xfe", "<a href='", NULL};
    for (size_t i = 0; pages[i]; i++) {
        sr_status st = sr_html_page(pages[i], strlen(pages[i]), &o, a, &pg, err, sizeof err);
        CHECK_MSG(st == SR_OK || st == SR_HTML, "page %zu: %s", i, sr_strerror(st));
        CHECK(st != SR_OK || (pg.text && pg.len == strlen(pg.text)));
    }
    sr_arena_free(a);
}
