/* meta_walk.c: one pass over a parsed page collecting metadata evidence.
 *
 * The walk is a pre-order traversal driven by the nodes' parent and sibling pointers,
 * so it needs no stack and nesting depth costs nothing. Each element is looked at once:
 * meta and link tags by a table of known names, <time>, <title>, <h1>, ld+json scripts,
 * itemprop attributes, and the class and id of any element for the generic vocabulary of
 * datelines ("date", "published", "byline", "meta") and bylines ("author", "byline"). */
#include <string.h>

#include "meta_int.h"

/* Meta names (name, property, itemprop or http-equiv, lower-cased) by field and rank. */
static const struct {
    const char *name;
    unsigned char field, rank;
} meta_names[] = {
    {"article:published_time", SR_MF_PUB, 0},
    {"article:published", SR_MF_PUB, 0},
    {"og:published_time", SR_MF_PUB, 0},
    {"og:article:published_time", SR_MF_PUB, 0},
    {"datepublished", SR_MF_PUB, 0},
    {"published_time", SR_MF_PUB, 0},
    {"article.published", SR_MF_PUB, 1},
    {"pubdate", SR_MF_PUB, 1},
    {"publishdate", SR_MF_PUB, 1},
    {"publish-date", SR_MF_PUB, 1},
    {"publish_date", SR_MF_PUB, 1},
    {"published-date", SR_MF_PUB, 1},
    {"publication_date", SR_MF_PUB, 1},
    {"publication-date", SR_MF_PUB, 1},
    {"date_published", SR_MF_PUB, 1},
    {"originalpublicationdate", SR_MF_PUB, 1},
    {"article_date_original", SR_MF_PUB, 1},
    {"sailthru.date", SR_MF_PUB, 1},
    {"parsely-pub-date", SR_MF_PUB, 1},
    {"cxenseparse:recs:publishtime", SR_MF_PUB, 1},
    {"rnews:datepublished", SR_MF_PUB, 1},
    {"citation_publication_date", SR_MF_PUB, 1},
    {"prism.publicationdate", SR_MF_PUB, 1},
    {"pub_date", SR_MF_PUB, 1},
    {"release_date", SR_MF_PUB, 1},
    {"dc.date.issued", SR_MF_PUB, 2},
    {"dcterms.issued", SR_MF_PUB, 2},
    {"dc.date.created", SR_MF_PUB, 2},
    {"dcterms.created", SR_MF_PUB, 2},
    {"dc.created", SR_MF_PUB, 2},
    {"datecreated", SR_MF_PUB, 2},
    {"article.created", SR_MF_PUB, 2},
    {"dc.date", SR_MF_PUB, 3},
    {"dcterms.date", SR_MF_PUB, 3},
    {"citation_date", SR_MF_PUB, 3},
    {"creation_date", SR_MF_PUB, 3},
    {"created", SR_MF_PUB, 3},
    {"date", SR_MF_PUB, 4},
    {"displaydate", SR_MF_PUB, 4},
    {"article:modified_time", SR_MF_MOD, 0},
    {"datemodified", SR_MF_MOD, 0},
    {"og:updated_time", SR_MF_MOD, 1},
    {"article:modified", SR_MF_MOD, 1},
    {"dc.date.modified", SR_MF_MOD, 1},
    {"dcterms.modified", SR_MF_MOD, 1},
    {"last-modified", SR_MF_MOD, 2},
    {"lastmod", SR_MF_MOD, 2},
    {"modified", SR_MF_MOD, 2},
    {"revised", SR_MF_MOD, 2},
    {"author", SR_MF_AUTHOR, 0},
    {"article:author", SR_MF_AUTHOR, 1},
    {"byl", SR_MF_AUTHOR, 1},
    {"parsely-author", SR_MF_AUTHOR, 1},
    {"sailthru.author", SR_MF_AUTHOR, 1},
    {"dc.creator", SR_MF_AUTHOR, 2},
    {"dcterms.creator", SR_MF_AUTHOR, 2},
    {"citation_author", SR_MF_AUTHOR, 2},
    {"og:site_name", SR_MF_SITE, 0},
    {"application-name", SR_MF_SITE, 1},
    {"apple-mobile-web-app-title", SR_MF_SITE, 2},
    {"dc.publisher", SR_MF_SITE, 2},
    {"og:title", SR_MF_TITLE, 0},
    {"twitter:title", SR_MF_TITLE, 1},
    {"headline", SR_MF_TITLE, 1},
    {"dc.title", SR_MF_TITLE, 2},
    {"parsely-title", SR_MF_TITLE, 2},
    {"sailthru.title", SR_MF_TITLE, 2},
    {"content-language", SR_MF_LANG, 0},
    {"og:locale", SR_MF_LANG, 1},
    {"language", SR_MF_LANG, 2},
    {"dc.language", SR_MF_LANG, 2},
    {"inlanguage", SR_MF_LANG, 2},
};

/* The value of attribute name on n (one text child, as libxml2's HTML parser makes), or
 * NULL. */
static const char *attr(xmlNodePtr n, const char *name)
{
    for (xmlAttrPtr p = n->properties; p; p = p->next)
        if (p->name && !xmlStrcasecmp(p->name, BAD_CAST name))
            return p->children && p->children->content ? (const char *)p->children->content : "";
    return NULL;
}

static bool is(xmlNodePtr n, const char *name)
{
    return !xmlStrcasecmp(n->name, BAD_CAST name);
}

/* Offers value for a meta field under name (any case); keeps the best-ranked one. */
static void offer_meta(sr_mwalk *w, const char *name, const char *value)
{
    if (!name || !value || !*value)
        return;
    for (size_t i = 0; i < sizeof meta_names / sizeof meta_names[0]; i++) {
        if (strcasecmp(name, meta_names[i].name))
            continue;
        int f = meta_names[i].field, r = meta_names[i].rank;
        if (f == SR_MF_PUB || f == SR_MF_MOD) {
            sr_ymd d;
            if (!sr_meta_date_value(value, strlen(value), false, &d))
                return;
            if (w->meta[f] && w->rank[f] <= r)
                return;
            *(f == SR_MF_PUB ? &w->meta_pub : &w->meta_mod) = d;
        } else if (w->meta[f] && w->rank[f] <= r) {
            return;
        }
        w->meta[f] = value, w->rank[f] = r;
        return;
    }
}

static void on_meta(sr_mwalk *w, xmlNodePtr n)
{
    const char *content = attr(n, "content");
    if (!content)
        return;
    offer_meta(w, attr(n, "property"), content);
    offer_meta(w, attr(n, "name"), content);
    offer_meta(w, attr(n, "itemprop"), content);
    offer_meta(w, attr(n, "http-equiv"), content);
    const char *prop = attr(n, "property");
    if (prop && !strcasecmp(prop, "og:url") && *content && !w->og_url)
        w->og_url = content;
}

static void on_link(sr_mwalk *w, xmlNodePtr n)
{
    const char *rel = attr(n, "rel"), *href = attr(n, "href");
    if (rel && href && *href && !strcasecmp(rel, "canonical") && !w->canonical)
        w->canonical = href;
}

static void add_time(sr_mwalk *w, sr_ymd d, unsigned pos, int kind)
{
    if (w->ntimes < SR_META_MAX_TIMES)
        w->times[w->ntimes++] = (sr_mtime){d, pos, kind};
}

/* A <time>: its datetime as a day, filed by what its markup says it is. */
static void on_time(sr_mwalk *w, xmlNodePtr n, unsigned pos)
{
    const char *dt = attr(n, "datetime");
    sr_ymd d;
    if (!dt || !sr_meta_date_value(dt, strlen(dt), false, &d))
        return;
    const char *cls = attr(n, "class"), *ip = attr(n, "itemprop");
    size_t cn = cls ? strlen(cls) : 0;
    if (ip && !strcasecmp(ip, "datemodified"))
        ip = NULL, cls = "updated", cn = 7;
    if (attr(n, "pubdate") || (ip && !strcasecmp(ip, "datepublished")) ||
        sr_meta_has(cls, cn, "publish") || sr_meta_has(cls, cn, "entry-date") ||
        sr_meta_has(cls, cn, "post-date") || sr_meta_has(cls, cn, "created"))
        add_time(w, d, pos, SR_TIME_PUB);
    else if (sr_meta_has(cls, cn, "update") || sr_meta_has(cls, cn, "modif"))
        add_time(w, d, pos, SR_TIME_MOD);
    else
        add_time(w, d, pos, SR_TIME_PLAIN);
}

static void on_script(sr_mwalk *w, xmlNodePtr n, sr_arena *a)
{
    const char *type = attr(n, "type");
    if (!type || !sr_meta_has(type, strlen(type), "ld+json"))
        return;
    for (xmlNodePtr c = n->children; c && w->ld.budget; c = c->next)
        if (c->content)
            sr_meta_jsonld((const char *)c->content, strlen((const char *)c->content), a, &w->ld);
}

/* Words in a (lower-cased) class or id that mark an element holding the page's date. */
static bool names_date(const char *s)
{
    static const char *const words[] = {"date", "time",  "publish", "posted", "byline",
                                        "meta", "datum", "fecha",   "zeit",   NULL};
    if (strstr(s, "comment") || strstr(s, "picker") || strstr(s, "timeline") ||
        strstr(s, "runtime"))
        return false;
    for (int i = 0; words[i]; i++)
        if (strstr(s, words[i]))
            return true;
    return false;
}

static bool names_author(const char *s)
{
    return !strstr(s, "comment") && (strstr(s, "author") || strstr(s, "byline") ||
                                     strstr(s, "autor") || strstr(s, "writer"));
}

/* "class id" of n, ASCII lower-cased, into buf (cap bytes); returns its length. */
static size_t class_id(xmlNodePtr n, char *buf, size_t cap)
{
    const char *cls = attr(n, "class"), *id = attr(n, "id");
    size_t len = 0;
    for (int k = 0; k < 2; k++) {
        for (const char *p = k ? id : cls; p && *p && len + 2 < cap; p++)
            buf[len++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
        if (!k)
            buf[len++] = ' ';
    }
    buf[len] = 0;
    return len;
}

/* Any element: itemprop, rel=author, and class/id words for datelines and bylines. */
static void on_element(sr_mwalk *w, xmlNodePtr n, unsigned pos)
{
    const char *ip = attr(n, "itemprop");
    if (ip && !strcasecmp(ip, "author") && w->nbylines < SR_META_MAX_BYLINES)
        w->bylines[w->nbylines++] = (sr_mnode){n, pos};
    const char *rel = attr(n, "rel");
    if (rel && !strcasecmp(rel, "author") && w->nbylines < SR_META_MAX_BYLINES)
        w->bylines[w->nbylines++] = (sr_mnode){n, pos};
    char buf[256];
    if (class_id(n, buf, sizeof buf) <= 1)
        return;
    const char *title = attr(n, "title");
    sr_ymd d;
    if (title && strstr(buf, "published") && sr_meta_date_iso(title, strlen(title), &d))
        add_time(w, d, pos, SR_TIME_PUB); /* hAtom <abbr class="published"> */
    if (names_date(buf) && w->ndatelines < SR_META_MAX_DATELINES)
        w->datelines[w->ndatelines++] = (sr_mnode){n, pos};
    if (names_author(buf) && w->nbylines < SR_META_MAX_BYLINES)
        w->bylines[w->nbylines++] = (sr_mnode){n, pos};
}

/* Handles one element; returns false when its children are not to be walked. */
static bool visit(sr_mwalk *w, xmlNodePtr n, unsigned pos, sr_arena *a)
{
    if (is(n, "meta"))
        on_meta(w, n);
    else if (is(n, "link"))
        on_link(w, n);
    else if (is(n, "script")) {
        on_script(w, n, a);
        return false;
    } else if (is(n, "style") || is(n, "noscript") || is(n, "svg"))
        return false;
    else if (is(n, "time"))
        on_time(w, n, pos);
    else if (is(n, "title") && !w->title.node)
        w->title = (sr_mnode){n, pos};
    else if (is(n, "body") && !w->body)
        w->body = n;
    else if (is(n, "h1")) {
        if (w->h1_count == 0)
            w->h1 = (sr_mnode){n, pos};
        if (w->h1_count < SR_META_MAX_H1)
            w->h1s[w->h1_count] = n;
        w->h1_count++;
    } else if (is(n, "html") && !w->html_lang) {
        w->html_lang = attr(n, "lang");
        if (!w->html_lang)
            w->html_lang = attr(n, "xml:lang");
    }
    if (n->properties)
        on_element(w, n, pos);
    return true;
}

void sr_meta_walk(htmlDocPtr doc, sr_arena *a, sr_mwalk *w)
{
    memset(w, 0, sizeof *w);
    w->ld.budget = SR_META_JSONLD_BYTES;
    xmlNodePtr root = (xmlNodePtr)doc, n = doc ? doc->children : NULL;
    unsigned pos = 0;
    while (n) {
        bool down = true;
        if (n->type == XML_ELEMENT_NODE && n->name)
            down = visit(w, n, ++pos, a);
        if (down && n->children && n->type == XML_ELEMENT_NODE) {
            n = n->children;
            continue;
        }
        while (n && n != root && !n->next)
            n = n->parent;
        n = n && n != root ? n->next : NULL;
    }
}
