/* extract_text.c: writes the chosen part of a page as plain text.
 *
 * Blocks (paragraphs, headings, list items, quotes, cells) become paragraphs separated
 * by a blank line; <br> is a line break; runs of white space collapse to one space
 * except inside <pre>. On the way, furniture inside the article is left out: hidden
 * and skipped elements, navigation, asides, figures and their captions, and, in
 * EX_CLEAN mode, containers that read as link lists or widgets rather than prose (the
 * test in clean_out). */
#include <ctype.h>

#include "extract_int.h"

/* A container with less text than this and no paragraph is a widget when it links. */
#define PARA_MIN_CLEAN 25

typedef struct {
    sr_buf *b;
    int brk;    /* break owed before the next text: 0, 1 (line) or 2 (paragraph) */
    bool space; /* a space is owed before the next text */
    int pre;    /* depth of <pre> elements around the current node */
    sr_status st;
} writer;

static void put(writer *w, const char *s, size_t n)
{
    if (!w->st)
        w->st = sr_buf_add(w->b, s, n);
}

static void owe_break(writer *w, int k)
{
    if (w->brk < k)
        w->brk = k;
    w->space = false;
}

/* Writes what is owed before a visible character. */
static void settle(writer *w)
{
    if (w->b->n && w->brk)
        put(w, "\n\n", (size_t)w->brk);
    else if (w->b->n && w->space)
        put(w, " ", 1);
    w->brk = 0;
    w->space = false;
}

static void text(writer *w, const unsigned char *s)
{
    while (*s) {
        if (w->pre && (*s == '\n' || *s == '\r')) {
            owe_break(w, 1);
            s += *s == '\r' && s[1] == '\n' ? 2 : 1;
            continue;
        }
        if (w->pre && (*s == ' ' || *s == '\t')) {
            settle(w);
            put(w, (const char *)s++, 1);
            continue;
        }
        if (*s <= ' ' || (s[0] == 0xC2 && s[1] == 0xA0)) {
            if (!w->brk)
                w->space = true;
            s += *s <= ' ' ? 1 : 2;
            continue;
        }
        const unsigned char *e = s;
        while (*e > ' ' && !(e[0] == 0xC2 && e[1] == 0xA0))
            e++;
        settle(w);
        put(w, (const char *)s, (size_t)(e - s));
        s = e;
    }
}

/* A container inside the article that is a widget or a list of links, not prose. */
static bool clean_out(const xmlNode *n, const sr_el *e, int mode)
{
    if (!e->tag->container || !(mode & EX_CLEAN))
        return false;
    bool list = e->tag->id == T_LIST;
    int weight = (mode & EX_WEIGHT_CLASSES) ? e->weight : 0;
    /* a list's items score as paragraphs against its own negative bonus: for lists only
     * the class names and the links tell */
    if (weight + (e->scored && !list ? e->score : 0) < 0)
        return true;
    if (e->commas >= 10)
        return false;
    double ld = e->text ? (double)e->links / e->text : 0;
    if (!list && e->lis > 2 * e->paras + 4)
        return true;
    if (e->text < PARA_MIN_CLEAN && !e->paras)
        return !list && e->links > 0;
    return (weight < 25 && ld > 0.3 + (e->paras >= 3 ? 0.2 : 0)) || (weight >= 25 && ld > 0.5);
}

/* How sections that are not the article announce themselves, in the languages the
 * evaluation sets hold (English, German, French, Spanish, Italian, Polish, Dutch):
 * "Related articles", "Comments", "Share this", "Advertisement". A short block that
 * starts with one of them is furniture. Lower case; matched at the block's start. */
static const char *const FURNITURE[] = {"related",
                                        "read more",
                                        "read also",
                                        "see also",
                                        "more from",
                                        "you may also like",
                                        "you might also like",
                                        "recommended for you",
                                        "share this",
                                        "share on",
                                        "like this:",
                                        "comments",
                                        "leave a comment",
                                        "leave a reply",
                                        "post a comment",
                                        "advertisement",
                                        "sponsored",
                                        "sign up for",
                                        "subscribe to",
                                        "follow us",
                                        "credit:",
                                        "photo:",
                                        "image:",
                                        "most read",
                                        "most popular",
                                        "about the author",
                                        "tags:",
                                        "filed under",
                                        "posted in",
                                        "don't miss",
                                        "click here",
                                        "ähnliche beiträge",
                                        "ähnliche artikel",
                                        "verwandte artikel",
                                        "das könnte sie auch",
                                        "das könnte dich auch",
                                        "auch interessant",
                                        "mehr zum thema",
                                        "weitere artikel",
                                        "lesen sie auch",
                                        "kommentare",
                                        "kommentar schreiben",
                                        "schreib einen kommentar",
                                        "teilen mit",
                                        "teilen:",
                                        "gefällt mir",
                                        "anzeige",
                                        "werbung",
                                        "über den autor",
                                        "titelbild",
                                        "bildquelle",
                                        "foto:",
                                        "schlagwörter",
                                        "mehr aus",
                                        "articles similaires",
                                        "à lire aussi",
                                        "lire aussi",
                                        "commentaires",
                                        "partager",
                                        "publicité",
                                        "artículos relacionados",
                                        "leer más",
                                        "comentarios",
                                        "compartir",
                                        "publicidad",
                                        "articoli correlati",
                                        "leggi anche",
                                        "commenti",
                                        "condividi",
                                        "pubblicità",
                                        "czytaj także",
                                        "czytaj też",
                                        "komentarze",
                                        "udostępnij",
                                        "reklama",
                                        "gerelateerde",
                                        "lees ook",
                                        "reacties",
                                        "delen:",
                                        "advertentie",
                                        NULL};

/* Lower-cases ASCII and the Latin-1 capitals of UTF-8 text into out. */
static void fold(const char *s, char *out, size_t cap)
{
    size_t k = 0;
    while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r' || *s == '-' || *s == '*')
        s++;
    for (; *s && k + 2 < cap; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == 0xC3 && (unsigned char)s[1] >= 0x80 && (unsigned char)s[1] <= 0x9E) {
            out[k++] = (char)c;
            out[k++] = (char)(s[1] + 0x20);
            s++;
            continue;
        }
        out[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    out[k] = 0;
}

/* A date or a time standing alone: a year (1990-2039) or an hh:mm, and few words. */
static bool dateline(const char *low)
{
    int words = 0, year = 0, clock = 0;
    for (const char *p = low; *p; p++) {
        if (*p != ' ' && (p == low || p[-1] == ' '))
            words++;
        if (isdigit((unsigned char)*p) && (p == low || !isdigit((unsigned char)p[-1]))) {
            int k = 0, v = 0;
            while (isdigit((unsigned char)p[k])) /* only 4-digit runs matter: cap v */
                v = k++ < 5 ? v * 10 + (p[k - 1] - '0') : v;
            year |= k == 4 && v >= 1990 && v <= 2039;
            clock |= k <= 2 && p[k] == ':' && isdigit((unsigned char)p[k + 1]);
        }
    }
    return (year || clock) && words <= 7;
}

/* A short block that is furniture by its words: it announces a section that is not
 * the article ("Related articles", "Comments"), credits the writer ("By ..."), or only
 * dates the page. List items and table cells are content even when they look so. */
static bool label_block(const xmlNode *n, const sr_el *e)
{
    if (e->kind != EL_BLOCK || e->has_block || !e->text || e->text > 60 || e->tag->id == T_CELL ||
        e->tag->id == T_LI)
        return false;
    xmlChar *t = xmlNodeGetContent(n);
    char low[256];
    fold(t ? (const char *)t : "", low, sizeof low);
    xmlFree(t);
    for (size_t i = 0; FURNITURE[i]; i++)
        if (!strncmp(low, FURNITURE[i], strlen(FURNITURE[i])))
            return true;
    static const char *const by[] = {"by ", "von ", "por ", "par ", "di ", "door ", NULL};
    for (size_t i = 0; by[i]; i++)
        if (!strncmp(low, by[i], strlen(by[i])) && e->text < 40)
            return true;
    return dateline(low);
}

/* A short paragraph that is nearly all link: "Read more: ...", a teaser, a promo. */
static bool link_paragraph(const sr_el *e)
{
    return e->kind == EL_BLOCK && !e->has_block && e->flow && e->flow < 200 &&
           e->flow_links * 10 >= e->flow * 6;
}

static void enter(writer *w, const sr_el *e)
{
    int id = e->tag->id;
    if (id == T_BR)
        owe_break(w, 1);
    else if (id == T_CELL)
        w->space = w->space || !w->brk;
    else if (e->kind == EL_BLOCK)
        owe_break(w, 2);
    w->pre += id == T_PRE;
}

static void leave(writer *w, const xmlNode *n)
{
    const sr_el *e = el_of(n);
    if (!e)
        return;
    w->pre -= e->tag->id == T_PRE;
    if (e->kind == EL_BLOCK && e->tag->id != T_CELL && e->tag->id != T_BR)
        owe_break(w, 2);
}

/* Whether to write n's subtree at all (root is always written). */
static bool wanted(const xmlNode *n, const xmlNode *root, int mode)
{
    const sr_el *e = el_of(n);
    if (!e || e->dropped || e->kind == EL_SKIP)
        return false;
    if (n == root)
        return true;
    /* a header or figure holding most of the article is the article's wrapper */
    if (e->kind == EL_CHROME && e->text * 2 <= el_of(root)->text)
        return false;
    if ((mode & EX_CLEAN) && (link_paragraph(e) || label_block(n, e)))
        return false;
    return !clean_out(n, e, mode);
}

static void write_root(writer *w, xmlNode *root, int mode)
{
    xmlNode *n = root;
    for (;;) {
        bool descend = false;
        if (n->type == XML_ELEMENT_NODE) {
            descend = wanted(n, root, mode);
            if (descend)
                enter(w, el_of(n));
        } else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content)
                text(w, n->content);
        }
        if (descend && n->children) {
            n = n->children;
            continue;
        }
        if (descend)
            leave(w, n);
        while (n != root && !n->next) {
            n = n->parent;
            leave(w, n);
        }
        if (n == root || w->st)
            return;
        n = n->next;
    }
}

sr_status sr_html_write_text(xmlNode *const *roots, size_t nroots, int mode, sr_buf *b)
{
    writer w = {.b = b};
    for (size_t i = 0; i < nroots && !w.st; i++) {
        owe_break(&w, 2);
        write_root(&w, roots[i], mode);
    }
    return w.st;
}
