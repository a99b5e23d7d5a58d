/* test_html_meta.c: page metadata: the order of date evidence, date formats, broken
 * JSON-LD, titles, bylines, language, canonical URL and deep trees. */
#include <libxml/HTMLtree.h>
#include <time.h>

#include "../../src/html/meta_int.h"
#include "../harness.h"

/* Parses html and reads its metadata into *pg (strings in a). */
static void meta_of(const char *html, const char *url, sr_arena *a, sr_page *pg)
{
    memset(pg, 0, sizeof *pg);
    htmlDocPtr doc = sr_html_parse(html, strlen(html));
    CHECK(doc != NULL);
    if (!doc)
        return;
    sr_html_meta(doc, url, a, pg);
    xmlFreeDoc(doc);
}

/* The publication day sr_html_meta finds in html, as "YYYY-MM-DD" or "-". */
static const char *day_of(const char *html, const char *url, sr_arena *a)
{
    sr_page pg;
    meta_of(html, url, a, &pg);
    return pg.published ? pg.published : "-";
}

/* The first date sr_meta_date_find reads in s, as "YYYY-MM-DD" in buf (32 bytes), or
 * "-". */
static const char *found(const char *s, bool mdy, char *buf)
{
    sr_ymd d;
    if (!sr_meta_date_find(s, strlen(s), mdy, &d, NULL, NULL))
        return "-";
    snprintf(buf, 32, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

TEST(meta_jsonld_before_meta_tags)
{
    sr_arena *a = sr_arena_new();
    const char *html =
        "<html><head><meta property=\"article:published_time\" content=\"2023-01-02\">"
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
        "\"@type\":\"NewsArticle\",\"datePublished\":\"2024-11-05T09:00:00+01:00\"}"
        "</script></head><body><p>Text.</p></body></html>";
    CHECK_EQ_STR(day_of(html, NULL, a), "2024-11-05");
    /* without the JSON-LD, the meta tag */
    CHECK_EQ_STR(day_of("<html><head><meta property=\"article:published_time\" "
                        "content=\"2023-01-02T10:00:00Z\"></head><body></body></html>",
                        NULL, a),
                 "2023-01-02");
    sr_arena_free(a);
}

TEST(meta_published_over_modified)
{
    sr_arena *a = sr_arena_new();
    const char *html = "<html><head><script type=\"application/ld+json\">"
                       "{\"@type\":\"Article\",\"dateModified\":\"2024-12-01\","
                       "\"datePublished\":\"2024-11-05\"}</script>"
                       "<meta property=\"article:modified_time\" content=\"2024-12-02\">"
                       "</head><body></body></html>";
    CHECK_EQ_STR(day_of(html, NULL, a), "2024-11-05");
    /* a marked <time> of publication beats an updated one and the modified meta */
    const char *times = "<html><head><meta property=\"article:modified_time\" "
                        "content=\"2024-12-02\"></head><body><h1>T</h1>"
                        "<time class=\"updated\" datetime=\"2024-12-01\">1 Dec</time>"
                        "<time class=\"published\" datetime=\"2024-11-05\">5 Nov</time>"
                        "</body></html>";
    CHECK_EQ_STR(day_of(times, NULL, a), "2024-11-05");
    /* a dateline announcing an update gives way to the publication date after it */
    const char *line = "<html><body><h1>Title</h1><div class=\"post-meta\">Updated: 1 December "
                       "2024, published 5 November 2024</div></body></html>";
    CHECK_EQ_STR(day_of(line, NULL, a), "2024-11-05");
    /* only a modification date: better than none */
    CHECK_EQ_STR(day_of("<html><head><meta property=\"article:modified_time\" "
                        "content=\"2024-12-02\"></head><body></body></html>",
                        NULL, a),
                 "2024-12-02");
    sr_arena_free(a);
}

TEST(meta_url_dates)
{
    sr_arena *a = sr_arena_new();
    const char *bare = "<html><body><p>No dates here.</p></body></html>";
    CHECK_EQ_STR(day_of(bare, "https://example.com/news/2024/11/05/story.html", a), "2024-11-05");
    CHECK_EQ_STR(day_of(bare, "https://example.com/a/20241105/story", a), "2024-11-05");
    CHECK_EQ_STR(day_of(bare, "https://example.com/2024-11-05-story", a), "2024-11-05");
    CHECK_EQ_STR(day_of(bare, "https://example.com/blog/2017/7/12/title", a), "2017-07-12");
    /* a month's folder and a title starting with a number is no day */
    CHECK_EQ_STR(day_of(bare, "https://example.com/2023/10/3-questions-for-x/", a), "-");
    /* the host never holds the date; impossible days are rejected */
    CHECK_EQ_STR(day_of(bare, "https://20241105.example.com/x", a), "-");
    CHECK_EQ_STR(day_of(bare, "https://example.com/2024/13/45/x", a), "-");
    CHECK_EQ_STR(day_of(bare, NULL, a), "-");
    sr_arena_free(a);
}

TEST(meta_dateline_formats)
{
    char b[32];
    CHECK_EQ_STR(found("Posted on 5 November 2024 by Jane", false, b), "2024-11-05");
    CHECK_EQ_STR(found("November 5, 2024 at 10:00", false, b), "2024-11-05");
    CHECK_EQ_STR(found("Nov. 5th, 2024", false, b), "2024-11-05");
    CHECK_EQ_STR(found("05.11.2024, 12:01 Uhr", false, b), "2024-11-05");
    CHECK_EQ_STR(found("Dienstag, 5. November 2024", false, b), "2024-11-05");
    CHECK_EQ_STR(found("Stand: 2024-11-05", false, b), "2024-11-05");
    CHECK_EQ_STR(found("mardi 5 novembre 2024", false, b), "2024-11-05");
    CHECK_EQ_STR(found("5 de noviembre de 2024", false, b), "2024-11-05");
    CHECK_EQ_STR(found("5 listopada 2024", false, b), "2024-11-05");
    CHECK_EQ_STR(found("5 ноября 2024 г.", false, b), "2024-11-05");
    CHECK_EQ_STR(found("5 Mär. 2024", false, b), "2024-03-05");
    CHECK_EQ_STR(found("05-Nov-2024", false, b), "2024-11-05");
    CHECK_EQ_STR(found("2024年11月5日", false, b), "2024-11-05");
    CHECK_EQ_STR(found("Party, 30.10.23", false, b), "2023-10-30");
    /* slashes: the page's convention decides when both readings are valid */
    CHECK_EQ_STR(found("11/05/2024", true, b), "2024-11-05");
    CHECK_EQ_STR(found("11/05/2024", false, b), "2024-05-11");
    CHECK_EQ_STR(found("25/11/2024", true, b), "2024-11-25");
    /* not dates: impossible days, versions, too early, no year */
    CHECK_EQ_STR(found("31.02.2024", false, b), "-");
    CHECK_EQ_STR(found("version 1.2.2024.5", false, b), "-");
    CHECK_EQ_STR(found("1 January 1990", false, b), "-");
    CHECK_EQ_STR(found("5 November", false, b), "-");
    CHECK_EQ_STR(found("", false, b), "-");
    /* a date split over elements under the headline's byline */
    sr_arena *a = sr_arena_new();
    const char *html = "<html><body><div class=\"date\">Montag, 4. November 2024</div>"
                       "<article><h1>Headline</h1><div class=\"entry-meta\"><span>5."
                       "</span> <span>November</span> 2024</div></article></body></html>";
    CHECK_EQ_STR(day_of(html, NULL, a), "2024-11-05");
    sr_arena_free(a);
}

TEST(meta_more_languages_and_forms)
{
    char b[32];
    CHECK_EQ_STR(found("duminică, 20 septembrie 2020", false, b), "2020-09-20");
    CHECK_EQ_STR(found("الأربعاء، 07 أكتوبر 2020 12:19 م", false, b), "2020-10-07");
    CHECK_EQ_STR(found("الجمعة 24 نيسان / أبريل 2020", false, b), "2020-04-24");
    CHECK_EQ_STR(found("2020. január 14. 10:00", false, b), "2020-01-14");
    CHECK_EQ_STR(found("14 Ιανουαρίου 2020", false, b), "2020-01-14");
    CHECK_EQ_STR(found("Von Redaktion 4. 2. 2022.", false, b), "2022-02-04");
    CHECK_EQ_STR(found("am 05.11.2024.", false, b), "2024-11-05");
    /* a year and a time are no day; a version stays no date */
    CHECK_EQ_STR(found("2020. jan. 5:30", false, b), "-");
    CHECK_EQ_STR(found("version 1.2.2024.5", false, b), "-");
}

TEST(meta_visible_day_confirmed_by_machine_data)
{
    sr_arena *a = sr_arena_new();
    /* republished: the URL and datePublished keep the old day, the page shows the new one
     * and dateModified confirms it */
    const char *html = "<html><head><script type=\"application/ld+json\">{\"@type\":"
                       "\"NewsArticle\",\"datePublished\":\"2024-10-01\",\"dateModified\":"
                       "\"2024-11-05\"}</script></head><body><h1>Story</h1><p>5 November 2024"
                       "</p></body></html>";
    CHECK_EQ_STR(day_of(html, "https://example.com/2024/10/01/story", a), "2024-11-05");
    /* an unconfirmed visible date does not overrule */
    const char *other = "<html><head><script type=\"application/ld+json\">{\"@type\":"
                        "\"NewsArticle\",\"datePublished\":\"2024-10-01\"}</script></head>"
                        "<body><h1>Story</h1><p>5 November 2024</p></body></html>";
    CHECK_EQ_STR(day_of(other, NULL, a), "2024-10-01");
    /* a date the page calls its publication beats the update before it */
    const char *lab = "<html><body><p>Letzte Änderung: 31.10.2023 - 14:49</p><p>Erschienen am: "
                      "01.11.2023</p></body></html>";
    CHECK_EQ_STR(day_of(lab, NULL, a), "2023-11-01");
    sr_arena_free(a);
}

TEST(meta_broken_jsonld_is_tolerated)
{
    sr_arena *a = sr_arena_new();
    /* truncated in the middle of an object */
    const char *cut = "<html><head><script type=\"application/ld+json\">{\"@type\":"
                      "\"NewsArticle\",\"datePublished\":\"2024-11-05\",\"author\":{\"name\":"
                      "\"Jane</script></head><body></body></html>";
    CHECK_EQ_STR(day_of(cut, NULL, a), "2024-11-05");
    /* a raw line break inside a string, HTML comment wrapping, trailing semicolon */
    const char *raw = "<html><head><script type=\"application/ld+json\"><!--\n{\"@type\":"
                      "\"BlogPosting\",\"headline\":\"Two\nlines\",\"datePublished\":"
                      "\"2024-11-05\"};\n--></script></head><body></body></html>";
    sr_page pg;
    meta_of(raw, NULL, a, &pg);
    CHECK_EQ_STR(pg.published, "2024-11-05");
    CHECK_EQ_STR(pg.title, "Two lines");
    /* a syntax error before the date: the plain scan still finds it */
    const char *bad = "<html><head><script type=\"application/ld+json\">{\"@type\": Article, "
                      "\"datePublished\": \"2024-11-05T08:00\"}</script></head><body></body>"
                      "</html>";
    CHECK_EQ_STR(day_of(bad, NULL, a), "2024-11-05");
    /* garbage and empty scripts are no date */
    CHECK_EQ_STR(day_of("<html><head><script type=\"application/ld+json\">]]]{{{\"</script>"
                        "<script type=\"application/ld+json\"></script></head></html>",
                        NULL, a),
                 "-");
    sr_arena_free(a);
}

TEST(meta_jsonld_graph_and_authors)
{
    sr_arena *a = sr_arena_new();
    const char *html =
        "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
        "\"@graph\":[{\"@type\":\"WebPage\",\"@id\":\"https://x.org/a#page\","
        "\"datePublished\":\"2024-11-04\"},{\"@type\":[\"Article\"],\"headline\":\"Graph "
        "story\",\"datePublished\":\"2024-11-05\",\"author\":{\"@id\":\"https://x.org/#/p/1\"},"
        "\"publisher\":{\"@type\":\"Organization\",\"name\":\"X News\"}},{\"@type\":\"Person\","
        "\"@id\":\"https://x.org/#/p/1\",\"name\":\"Jane Doe\"}]}</script></head><body>"
        "</body></html>";
    sr_page pg;
    meta_of(html, NULL, a, &pg);
    CHECK_EQ_STR(pg.published, "2024-11-05"); /* the article's, not the page's */
    CHECK_EQ_STR(pg.author, "Jane Doe");
    CHECK_EQ_STR(pg.site, "X News");
    CHECK_EQ_STR(pg.title, "Graph story");
    /* several authors; a recipe's reviews carry their own later dates */
    const char *many = "<html><head><script type=\"application/ld+json\">{\"@type\":\"Recipe\","
                       "\"author\":[{\"@type\":\"Person\",\"name\":\"A One\"},{\"@type\":"
                       "\"Person\",\"name\":\"B Two\"}],\"review\":[{\"@type\":\"Review\","
                       "\"datePublished\":\"2024-12-24\"}],\"datePublished\":\"2020-01-02\"}"
                       "</script></head><body></body></html>";
    meta_of(many, NULL, a, &pg);
    CHECK_EQ_STR(pg.author, "A One, B Two");
    CHECK_EQ_STR(pg.published, "2020-01-02");
    sr_arena_free(a);
}

TEST(meta_title_without_site_name)
{
    sr_arena *a = sr_arena_new();
    sr_page pg;
    meta_of("<html><head><meta property=\"og:site_name\" content=\"Example News\">"
            "<title>Big story breaks | Example News</title></head><body></body></html>",
            NULL, a, &pg);
    CHECK_EQ_STR(pg.title, "Big story breaks");
    CHECK_EQ_STR(pg.site, "Example News");
    /* the site named in the host, before or after the title */
    meta_of("<html><head><title>Example Daily - Big story breaks</title></head></html>",
            "https://www.exampledaily.com/x", a, &pg);
    CHECK_EQ_STR(pg.title, "Big story breaks");
    meta_of("<html><head><title>Big story – Example Daily</title></head></html>",
            "https://exampledaily.co.uk/x", a, &pg);
    CHECK_EQ_STR(pg.title, "Big story");
    /* the headline on the page when the title tag repeats it */
    meta_of("<html><head><title>Kassel: Stammtisch - Wiki of the Party</title></head><body>"
            "<h1>Blog name</h1><h1>Kassel: Stammtisch</h1></body></html>",
            NULL, a, &pg);
    CHECK_EQ_STR(pg.title, "Kassel: Stammtisch");
    /* a lone headline; no title at all */
    meta_of("<html><body><h1> Only  a\nheadline </h1></body></html>", NULL, a, &pg);
    CHECK_EQ_STR(pg.title, "Only a headline");
    meta_of("<html><body><p>x</p></body></html>", NULL, a, &pg);
    CHECK(pg.title == NULL);
    sr_arena_free(a);
}

TEST(meta_author_labels_and_organisations)
{
    sr_arena *a = sr_arena_new();
    sr_page pg;
    meta_of("<html><body><span class=\"author\">Eingestellt von Jane Doe</span></body></html>",
            NULL, a, &pg);
    CHECK_EQ_STR(pg.author, "Jane Doe");
    meta_of("<html><body><span class=\"author\">~ Jane Doe</span></body></html>", NULL, a, &pg);
    CHECK_EQ_STR(pg.author, "Jane Doe");
    /* a byline that is only a label gives way to the next one */
    meta_of("<html><body><span class=\"byline\">Posted on 5 November 2024</span>"
            "<span class=\"author\">Max Muster</span></body></html>",
            NULL, a, &pg);
    CHECK_EQ_STR(pg.author, "Max Muster");
    /* the site signing as itself is no author: by its name or its host */
    meta_of("<html><head><meta property=\"og:site_name\" content=\"Example News\">"
            "<meta name=\"author\" content=\"Example News\"></head></html>",
            NULL, a, &pg);
    CHECK(pg.author == NULL);
    meta_of("<html><head><meta name=\"author\" content=\"Example-News\"></head></html>",
            "https://www.examplenews.com/a", a, &pg);
    CHECK(pg.author == NULL);
    meta_of("<html><head><meta name=\"author\" content=\"Jane Examplenews\"></head></html>",
            "https://www.examplenews.com/a", a, &pg);
    CHECK_EQ_STR(pg.author, "Jane Examplenews");
    meta_of("<html><body><span class=\"author\">30/10/23</span></body></html>", NULL, a, &pg);
    CHECK(pg.author == NULL);
    sr_arena_free(a);
}

TEST(meta_title_kicker_and_typography)
{
    sr_arena *a = sr_arena_new();
    sr_page pg;
    /* the headline's kicker is not part of the title */
    meta_of("<html><head><meta property=\"og:title\" content=\"Climate: Drilling until it gets "
            "hot\"></head><body><h1><span class=\"kicker\">Climate</span><span>: </span>"
            "<span>Drilling until it gets hot</span></h1></body></html>",
            NULL, a, &pg);
    CHECK_EQ_STR(pg.title, "Drilling until it gets hot");
    /* an em dash after the kicker goes whole; a character that merely starts like a dash
     * (U+203C, E2 80 BC) stays whole: the fuzzer once saw it cut to a lone byte */
    meta_of("<html><head><meta property=\"og:title\" content=\"Climate \u2014 Drilling until "
            "it gets hot\"></head><body><h1><b>Climate</b> \u2014 Drilling until it gets hot"
            "</h1></body></html>",
            NULL, a, &pg);
    CHECK_EQ_STR(pg.title, "Drilling until it gets hot");
    meta_of("<html><head><title>Climate \u203c Drilling until it gets hot</title></head><body>"
            "<h1><b>Climate</b>\u203c Drilling until it gets hot</h1></body></html>",
            NULL, a, &pg);
    CHECK_EQ_STR(pg.title, "\u203c Drilling until it gets hot");
    /* an emphasised first word is no kicker */
    meta_of("<html><head><meta property=\"og:title\" content=\"Quarrel of the couple "
            "escalates\"></head><body><h1><b>Quarrel</b> of the couple escalates</h1></body>"
            "</html>",
            NULL, a, &pg);
    CHECK_EQ_STR(pg.title, "Quarrel of the couple escalates");
    /* the headline's typographic quotes and dashes over a title tag's ASCII ones */
    meta_of("<html><head><title>Editor's Letter - bye | Site</title></head><body>"
            "<h1>Editor\u2019s Letter \u2013 bye</h1></body></html>",
            NULL, a, &pg);
    CHECK_EQ_STR(pg.title, "Editor\u2019s Letter \u2013 bye");
    sr_arena_free(a);
}

TEST(meta_author_bylines)
{
    sr_arena *a = sr_arena_new();
    sr_page pg;
    meta_of("<html><body><h1>T</h1><div class=\"byline\">By Jane Doe | 5 November 2024</div>"
            "</body></html>",
            NULL, a, &pg);
    CHECK_EQ_STR(pg.author, "Jane Doe");
    CHECK_EQ_STR(pg.published, "2024-11-05");
    meta_of("<html><body><span class=\"author-link\">| <b>Autor:</b> <a>gnaddrig</a></span>"
            "</body></html>",
            NULL, a, &pg);
    CHECK_EQ_STR(pg.author, "gnaddrig");
    /* a profile URL is never an author: the byline element is used instead */
    meta_of("<html><head><meta property=\"article:author\" "
            "content=\"https://www.facebook.com/someone\"></head><body>"
            "<p class=\"author\">von Max Mustermann</p></body></html>",
            NULL, a, &pg);
    CHECK_EQ_STR(pg.author, "Max Mustermann");
    meta_of("<html><head><meta name=\"author\" content=\"  Erika   Musterfrau \"></head>"
            "</html>",
            NULL, a, &pg);
    CHECK_EQ_STR(pg.author, "Erika Musterfrau");
    meta_of("<html><body><span class=\"author\">mail@example.org</span></body></html>", NULL, a,
            &pg);
    CHECK(pg.author == NULL);
    sr_arena_free(a);
}

TEST(meta_lang_and_canonical)
{
    sr_arena *a = sr_arena_new();
    sr_page pg;
    meta_of("<html lang=\"de-DE\"><head><link rel=\"canonical\" href=\"/a/b.html\"></head>"
            "</html>",
            "https://example.de/x/y?z=1", a, &pg);
    CHECK_EQ_STR(pg.lang, "de");
    CHECK_EQ_STR(pg.canonical, "https://example.de/a/b.html");
    meta_of("<html><head><meta property=\"og:locale\" content=\"en_US\">"
            "<meta property=\"og:url\" content=\"https://example.com/story\"></head></html>",
            NULL, a, &pg);
    CHECK_EQ_STR(pg.lang, "en");
    CHECK_EQ_STR(pg.canonical, "https://example.com/story");
    meta_of("<html lang=\"x\"><head><link rel=\"canonical\" href=\"javascript:x\"></head></html>",
            NULL, a, &pg);
    CHECK(pg.lang == NULL);
    CHECK(pg.canonical == NULL);
    sr_arena_free(a);
}

/* A document of depth elements nested in one another, built directly (the HTML parser
 * caps its own depth), with a dateline at the bottom. */
static htmlDocPtr deep_doc(int depth)
{
    htmlDocPtr doc = htmlNewDoc(NULL, NULL);
    xmlNodePtr html = xmlNewNode(NULL, BAD_CAST "html");
    xmlDocSetRootElement(doc, html);
    xmlNodePtr body = xmlNewChild(html, NULL, BAD_CAST "body", NULL);
    xmlNewChild(body, NULL, BAD_CAST "h1", BAD_CAST "Deep");
    xmlNodePtr n = body;
    for (int i = 0; i < depth; i++)
        n = xmlNewChild(n, NULL, BAD_CAST "div", NULL);
    xmlNodePtr line = xmlNewChild(n, NULL, BAD_CAST "span", BAD_CAST "5 November 2024");
    xmlNewProp(line, BAD_CAST "class", BAD_CAST "date");
    return doc;
}

/* Frees a tree iteratively: down the chain of last children to the deepest node, then
 * up, freeing each node once its only deep child is gone (what is left below it is
 * shallow). */
static void free_deep(htmlDocPtr doc)
{
    xmlNodePtr n = xmlDocGetRootElement(doc);
    while (n && n->last)
        n = n->last;
    while (n && n != (xmlNodePtr)doc) {
        xmlNodePtr parent = n->parent;
        xmlUnlinkNode(n);
        xmlFreeNode(n);
        n = parent;
    }
    xmlFreeDoc(doc);
}

TEST(meta_deep_nesting_does_not_recurse)
{
    htmlDocPtr doc = deep_doc(100000);
    sr_arena *a = sr_arena_new();
    sr_page pg;
    memset(&pg, 0, sizeof pg);
    clock_t t0 = clock();
    sr_html_meta(doc, NULL, a, &pg);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    CHECK_MSG(secs < 2.0, "metadata of a 100,000-deep page took %.2f s", secs);
    CHECK_EQ_STR(pg.published, "2024-11-05");
    CHECK_EQ_STR(pg.title, "Deep");
    sr_arena_free(a);
    free_deep(doc);
}
