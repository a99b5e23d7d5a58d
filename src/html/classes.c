/* classes.c: what an element's tag, class, id, role and itemprop say about it.
 *
 * Class names and ids are split into words at every non-letter and at lower-to-upper
 * case changes ("article-body", "storyText", "post_content" give article/body,
 * story/text, post/content). A word names content or boilerplate by the vocabulary
 * below, which is the web's generic vocabulary, not any site's: "comment", "share",
 * "related", "newsletter" and their like on one side; "article", "content", "story",
 * "post" on the other. Matching is by word prefix, so "comments" and "sharing" match. */
#include <ctype.h>
#include <stdlib.h>
#include <strings.h>

#include "extract_int.h"

const char *sr_html_attr(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (!strcasecmp((const char *)a->name, name) && a->children &&
            a->children->type == XML_TEXT_NODE)
            return (const char *)a->children->content;
    return NULL;
}

/* Sorted by name for bsearch. */
static const sr_tag TAGS[] = {
    {"a", EL_OTHER, T_A, 0, 0},
    {"address", EL_CHROME, 0, 0, 0},
    {"article", EL_BLOCK, T_ARTICLE, 5, 0},
    {"aside", EL_CHROME, 0, 0, 1},
    {"audio", EL_SKIP, 0, 0, 0},
    {"blockquote", EL_BLOCK, 0, 3, 0},
    {"body", EL_BLOCK, T_BODY, 0, 0},
    {"br", EL_BLOCK, T_BR, 0, 0},
    {"button", EL_SKIP, 0, 0, 0},
    {"canvas", EL_SKIP, 0, 0, 0},
    {"caption", EL_BLOCK, 0, 0, 0},
    {"center", EL_BLOCK, 0, 0, 1},
    {"dd", EL_BLOCK, 0, -3, 0},
    {"details", EL_BLOCK, 0, 0, 1},
    {"dialog", EL_SKIP, 0, 0, 0},
    {"div", EL_BLOCK, 0, 5, 1},
    {"dl", EL_BLOCK, T_LIST, -3, 1},
    {"dt", EL_BLOCK, 0, -3, 0},
    {"embed", EL_SKIP, 0, 0, 0},
    {"fieldset", EL_SKIP, 0, 0, 0},
    {"figcaption", EL_CHROME, 0, 0, 0},
    {"figure", EL_CHROME, 0, 0, 0},
    {"footer", EL_CHROME, 0, 0, 0},
    {"form", EL_BLOCK, 0, 0, 1},
    {"h1", EL_CHROME, 0, -5, 0},
    {"h2", EL_BLOCK, T_HEADING, -5, 0},
    {"h3", EL_BLOCK, T_HEADING, -5, 0},
    {"h4", EL_BLOCK, T_HEADING, -5, 0},
    {"h5", EL_BLOCK, T_HEADING, -5, 0},
    {"h6", EL_BLOCK, T_HEADING, -5, 0},
    {"head", EL_SKIP, 0, 0, 0},
    {"header", EL_CHROME, 0, 0, 0},
    {"hr", EL_BLOCK, 0, 0, 0},
    {"iframe", EL_SKIP, 0, 0, 0},
    {"input", EL_SKIP, 0, 0, 0},
    {"label", EL_SKIP, 0, 0, 0},
    {"li", EL_BLOCK, T_LI, -3, 0},
    {"link", EL_SKIP, 0, 0, 0},
    {"main", EL_BLOCK, 0, 0, 0},
    {"map", EL_SKIP, 0, 0, 0},
    {"math", EL_SKIP, 0, 0, 0},
    {"menu", EL_SKIP, 0, 0, 0},
    {"meta", EL_SKIP, 0, 0, 0},
    {"nav", EL_CHROME, 0, 0, 0},
    {"noscript", EL_OTHER, T_NOSCRIPT, 0, 0},
    {"object", EL_SKIP, 0, 0, 0},
    {"ol", EL_BLOCK, T_LIST, -3, 1},
    {"option", EL_SKIP, 0, 0, 0},
    {"p", EL_BLOCK, 0, 0, 0},
    {"picture", EL_SKIP, 0, 0, 0},
    {"pre", EL_BLOCK, T_PRE, 3, 0},
    {"script", EL_SKIP, 0, 0, 0},
    {"section", EL_BLOCK, 0, 0, 1},
    {"select", EL_SKIP, 0, 0, 0},
    {"style", EL_SKIP, 0, 0, 0},
    {"summary", EL_BLOCK, 0, 0, 0},
    {"svg", EL_SKIP, 0, 0, 0},
    {"table", EL_BLOCK, 0, 0, 1},
    {"tbody", EL_BLOCK, 0, 0, 0},
    {"td", EL_BLOCK, T_CELL, 3, 0},
    {"template", EL_SKIP, 0, 0, 0},
    {"textarea", EL_SKIP, 0, 0, 0},
    {"tfoot", EL_BLOCK, 0, 0, 0},
    {"th", EL_BLOCK, T_CELL, -5, 0},
    {"thead", EL_BLOCK, 0, 0, 0},
    {"title", EL_SKIP, 0, 0, 0},
    {"tr", EL_BLOCK, 0, 0, 0},
    {"ul", EL_BLOCK, T_LIST, -3, 1},
    {"video", EL_SKIP, 0, 0, 0},
};

static int cmp_tag(const void *key, const void *t)
{
    return strcmp(key, ((const sr_tag *)t)->name);
}

const sr_tag *sr_html_tag(const xmlNode *n)
{
    static const sr_tag other = {"", EL_OTHER, T_OTHER, 0, 0};
    const sr_tag *t = bsearch(n->name, TAGS, sizeof TAGS / sizeof TAGS[0], sizeof TAGS[0], cmp_tag);
    return t ? t : &other;
}

/* Words that name boilerplate (prefixes) and content. "ad" and "ads" must be whole
 * words: as prefixes they would catch "address" and "adjust". */
static const char *const NEG[] = {
    "comment",   "share",    "sharing",    "social",     "related",  "recommend",  "newsletter",
    "subscri",   "cookie",   "consent",    "gdpr",       "promo",    "advert",     "sponsor",
    "sidebar",   "widget",   "breadcrumb", "nav",        "menu",     "footer",     "masthead",
    "popup",     "modal",    "banner",     "caption",    "outbrain", "taboola",    "disqus",
    "signup",    "paywall",  "paging",     "pagination", "pager",    "toolbar",    "skyscraper",
    "popular",   "trending", "readmore",   "rss",        "login",    "overlay",    "affiliate",
    "partner",   "shoutbox", "tags",       "keyword",    "topics",   "byline",     "dateline",
    "timestamp", "author",   "credit",     "teaser",     "sticky",   "print",      "skip",
    "jump",      "toc",      "follow",     "donate",     "outbound", "more",       "secondary",
    "community", "replies",  "rating",     "extra",      "utility",  "supplement", "header",
    "meta",      "hide",     "offscreen",  NULL};
static const char *const NEG_WHOLE[] = {"ad",      "ads",   "adv",  "tag",  "foot", "aside",
                                        "related", "share", "date", "time", NULL};
static const char *const POS[] = {"article", "body",  "content",  "entry", "main", "post",
                                  "story",   "prose", "richtext", "text",  "blog", "paragraph",
                                  "column",  "page",  "news",     NULL};
/* The first POS_STRONG words of POS name the article itself and keep an element that
 * also has a boilerplate word ("entry-content share-bar" stays); the rest only weigh. */
enum { POS_STRONG = 9 };

/* Is the lower-case word w (n bytes) in list, as a prefix or whole? The index of the
 * entry found, or -1. */
static int find(const char *const *list, const char *w, size_t n, bool prefix)
{
    for (int i = 0; list[i]; i++) {
        if (list[i][0] != w[0]) /* most words fail here, before any length is taken */
            continue;
        size_t k = strlen(list[i]);
        if ((prefix ? n >= k : n == k) && !memcmp(w, list[i], k))
            return i;
    }
    return -1;
}

enum { W_NEG = 1, W_POS = 2, W_STRONG = 4 };

/* What one word (lower-cased) names. */
static unsigned word_flags(const char *w, size_t n)
{
    unsigned f = 0;
    if (find(NEG, w, n, true) >= 0 || find(NEG_WHOLE, w, n, false) >= 0)
        f |= W_NEG;
    int k = find(POS, w, n, true);
    if (k >= 0)
        f |= W_POS | (k < POS_STRONG ? W_STRONG : 0);
    return f;
}

/* The W_* flags of all the words of s, each word lower-cased once. */
static unsigned words(const char *s)
{
    unsigned f = 0;
    const char *p = s;
    while (*p) {
        while (*p && !isalnum((unsigned char)*p))
            p++;
        char low[32];
        size_t n = 0;
        while (*p && isalnum((unsigned char)*p)) {
            if (n < sizeof low)
                low[n++] = (char)tolower((unsigned char)*p);
            p++;
            /* storyText: a lower letter followed by an upper one ends a word */
            if (*p && islower((unsigned char)p[-1]) && isupper((unsigned char)*p))
                break;
        }
        if (n)
            f |= word_flags(low, n);
    }
    return f;
}

/* Weight of one class or id value, and whether it names boilerplate / the article. */
static int name_info(const char *v, uint8_t *cls)
{
    if (!v || !*v)
        return 0;
    unsigned f = words(v);
    *cls |= (f & W_NEG ? C_NEG : 0) | (f & W_STRONG ? C_STRONG : 0);
    return (f & W_NEG ? -25 : 0) + (f & W_POS ? 25 : 0);
}

/* A style attribute that hides the element. */
static bool style_hides(const char *v)
{
    char s[128];
    size_t k = 0;
    for (const char *p = v; *p && k + 1 < sizeof s; p++)
        if (!isspace((unsigned char)*p))
            s[k++] = (char)tolower((unsigned char)*p);
    s[k] = 0;
    return strstr(s, "display:none") || strstr(s, "visibility:hidden");
}

/* Roles that mark furniture, and are hidden as it is. */
static bool furniture_role(const char *v)
{
    static const char *const roles[] = {"navigation", "banner",      "contentinfo", "complementary",
                                        "dialog",     "alertdialog", "menu",        "menubar",
                                        "search",     "toolbar",     NULL};
    for (size_t i = 0; roles[i]; i++)
        if (!strcasecmp(v, roles[i]))
            return true;
    return false;
}

/* One attribute's say on the element. */
static void attr_info(const char *name, const char *v, sr_el *e)
{
    if (!strcasecmp(name, "class") || !strcasecmp(name, "id"))
        e->weight += (int16_t)name_info(v, &e->cls);
    else if (!strcasecmp(name, "hidden"))
        e->cls |= C_HIDDEN;
    else if (!strcasecmp(name, "aria-hidden") && !strcasecmp(v, "true"))
        e->cls |= C_HIDDEN;
    else if (!strcasecmp(name, "style") && style_hides(v))
        e->cls |= C_HIDDEN;
    else if (!strcasecmp(name, "role") && furniture_role(v))
        e->cls |= C_HIDDEN;
    else if (!strcasecmp(name, "role") && !strcasecmp(v, "main"))
        e->weight += 25;
    else if (!strcasecmp(name, "itemprop") && (strstr(v, "articleBody") || strstr(v, "text")))
        e->weight += 50;
}

void sr_html_classify(const xmlNode *n, sr_el *e)
{
    e->weight = 0;
    e->cls = 0;
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        const char *v = a->children && a->children->type == XML_TEXT_NODE
                            ? (const char *)a->children->content
                            : "";
        attr_info((const char *)a->name, v ? v : "", e);
    }
    /* what a page shows without scripts repeats what it shows with them; it is hidden
     * like the rest, so a stray unclosed <noscript> can be vetoed (extract.c) */
    if (e->tag->id == T_NOSCRIPT)
        e->cls |= C_HIDDEN;
    /* the page's frame and the elements that name the article are never boilerplate */
    int id = e->tag->id;
    if (id == T_BODY || id == T_ARTICLE || id == T_A || !strcmp((const char *)n->name, "main") ||
        !strcmp((const char *)n->name, "html"))
        e->cls &= (uint8_t)~C_NEG;
}
