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
    "comment",        "share",      "sharing",  "social",     "related",    "recommend",
    "newsletter",     "subscri",    "cookie",   "consent",    "gdpr",       "promo",
    "advert",         "sponsor",    "sidebar",  "widget",     "breadcrumb", "nav",
    "menu",           "footer",     "masthead", "popup",      "modal",      "banner",
    "caption",        "outbrain",   "taboola",  "disqus",     "signup",     "paywall",
    "paging",         "pagination", "pager",    "toolbar",    "skyscraper", "popular",
    "trending",       "readmore",   "rss",      "login",      "overlay",    "affiliate",
    "partner",        "shoutbox",   "tags",     "keyword",    "topics",     "byline",
    "dateline",       "timestamp",  "author",   "credit",     "teaser",     "sticky",
    "print",          "skip",       "jump",     "toc",        "follow",     "donate",
    "inline_related", "outbound",   "more",     "secondary",  "community",  "replies",
    "rating",         "extra",      "utility",  "supplement", "header",     "meta",
    "hide",           "offscreen",  NULL};
static const char *const NEG_WHOLE[] = {"ad",      "ads",   "adv",  "tag",  "foot", "aside",
                                        "related", "share", "date", "time", NULL};
static const char *const POS[] = {"article", "body",  "content",  "entry", "main", "post",
                                  "story",   "prose", "richtext", "text",  "blog", "paragraph",
                                  "column",  "page",  "news",     NULL};
/* The first POS_STRONG words of POS name the article itself and keep an element that
 * also has a boilerplate word ("entry-content share-bar" stays); the rest only weigh. */
enum { POS_STRONG = 9 };

/* Calls f on each word of s; stops and returns true when f does. */
static bool words(const char *s, bool (*f)(const char *w, size_t n))
{
    const char *p = s;
    while (*p) {
        while (*p && !isalnum((unsigned char)*p))
            p++;
        const char *w = p;
        while (*p && isalnum((unsigned char)*p)) {
            p++;
            /* storyText: a lower letter followed by an upper one ends a word */
            if (*p && islower((unsigned char)p[-1]) && isupper((unsigned char)*p))
                break;
        }
        if (p > w && f(w, (size_t)(p - w)))
            return true;
    }
    return false;
}

static bool in_list(const char *const *list, const char *w, size_t n, bool prefix)
{
    for (size_t i = 0; list[i]; i++) {
        size_t k = strlen(list[i]);
        if ((prefix ? n >= k : n == k) && !strncasecmp(w, list[i], k))
            return true;
    }
    return false;
}

static bool neg_word(const char *w, size_t n)
{
    return in_list(NEG, w, n, true) || in_list(NEG_WHOLE, w, n, false);
}

static bool pos_word(const char *w, size_t n)
{
    return in_list(POS, w, n, true);
}

static bool strong_word(const char *w, size_t n)
{
    for (size_t i = 0; i < POS_STRONG; i++)
        if (n >= strlen(POS[i]) && !strncasecmp(w, POS[i], strlen(POS[i])))
            return true;
    return false;
}

static int name_weight(const char *v)
{
    if (!v || !*v)
        return 0;
    int w = 0;
    if (words(v, neg_word))
        w -= 25;
    if (words(v, pos_word))
        w += 25;
    return w;
}

int sr_html_class_weight(const xmlNode *n)
{
    int w = name_weight(sr_html_attr(n, "class")) + name_weight(sr_html_attr(n, "id"));
    const char *ip = sr_html_attr(n, "itemprop");
    if (ip && (strstr(ip, "articleBody") || strstr(ip, "text")))
        w += 50;
    const char *role = sr_html_attr(n, "role");
    if (role && !strcasecmp(role, "main"))
        w += 25;
    return w;
}

static bool hidden(const xmlNode *n)
{
    /* what a page shows without scripts repeats what it shows with them; it is hidden
     * like the rest, so a stray unclosed <noscript> can be vetoed (extract.c) */
    if (!strcmp((const char *)n->name, "noscript") || sr_html_attr(n, "hidden"))
        return true;
    const char *v = sr_html_attr(n, "aria-hidden");
    if (v && !strcasecmp(v, "true"))
        return true;
    v = sr_html_attr(n, "style");
    if (v) {
        char s[128];
        size_t k = 0;
        for (const char *p = v; *p && k + 1 < sizeof s; p++)
            if (!isspace((unsigned char)*p))
                s[k++] = (char)tolower((unsigned char)*p);
        s[k] = 0;
        if (strstr(s, "display:none") || strstr(s, "visibility:hidden"))
            return true;
    }
    v = sr_html_attr(n, "role");
    static const char *const roles[] = {"navigation", "banner",      "contentinfo", "complementary",
                                        "dialog",     "alertdialog", "menu",        "menubar",
                                        "search",     "toolbar",     NULL};
    for (size_t i = 0; v && roles[i]; i++)
        if (!strcasecmp(v, roles[i]))
            return true;
    return false;
}

bool sr_html_dropped(const xmlNode *n, uint32_t text, int mode)
{
    if (hidden(n))
        return true;
    if (!(mode & EX_STRIP_UNLIKELY))
        return false;
    const char *t = (const char *)n->name;
    if (!strcmp(t, "body") || !strcmp(t, "html") || !strcmp(t, "article") || !strcmp(t, "main") ||
        !strcmp(t, "a"))
        return false;
    const char *c = sr_html_attr(n, "class"), *id = sr_html_attr(n, "id");
    bool neg = (c && words(c, neg_word)) || (id && words(id, neg_word));
    if (!neg)
        return false;
    /* "entry-content share" is the article with a share bar's name on it; "entry-meta"
     * is a byline: a word naming content only saves an element that holds prose */
    bool pos = (c && words(c, strong_word)) || (id && words(id, strong_word));
    return !pos || text < SR_HTML_PROSE;
}
