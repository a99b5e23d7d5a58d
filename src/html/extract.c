/* extract.c: finds the article in a parsed page.
 *
 * One pass over the tree (iterative, by parent pointers, so a page nested 100,000 deep
 * costs no stack) counts for every element the visible text below it, the part of it
 * inside links, commas, paragraphs and list items, and its "flow" text: the text that
 * belongs to it directly rather than to a block inside it. Every block whose flow
 * holds a sentence or more is a paragraph; a paragraph scores 1, plus its commas, plus
 * a point per 100 bytes (at most 3), scaled by how little of it is links, and gives
 * that score to its parent, half to its grandparent and a sixth, a ninth, a twelfth
 * further up. Each element so scored starts from a bonus for its tag and the weight of
 * its class names (classes.c). The article is the element with the best score times
 * (1 - link density), moved up to a common ancestor when the next best candidates
 * share one, then joined by those of its siblings that score near it or read as prose.
 *
 * The method is Readability's (Arc90, 2009; Mozilla's Readability.js) in outline; the
 * vocabulary, the flow-text paragraphs and the weights here are this project's own. A
 * page that yields under SR_HTML_MIN_TEXT bytes is tried again with the class-name
 * rules relaxed one at a time; a looser try replaces a stricter one only when it finds
 * more than twice the text (the stricter one then lost the article, not boilerplate). */
#include <stdio.h>

#include "extract_int.h"

/* Bytes of text under which a result is suspected of having lost the article. */
#define SR_HTML_MIN_TEXT 1000
/* A paragraph's flow text must have this many bytes to score. */
#define PARA_MIN 25
enum { TOP = 5 };

typedef struct {
    sr_arena *a;
    int mode;
    xmlNode *top[TOP]; /* best candidates, best first */
    double topscore[TOP];
    size_t nparas;
    uint32_t raw; /* the page's text bytes when nothing is dropped */
    bool first;   /* the first count: every element gets its sr_el */
} scorer;

/* Counts one text node into its parent element's totals. */
static void count_text(const xmlNode *t)
{
    sr_el *p = el_of(t->parent);
    if (!p || !t->content)
        return;
    uint32_t k = 0, c = 0;
    for (const unsigned char *s = t->content; *s; s++) {
        if (*s > ' ' && !(s[0] == 0xC2 && s[1] == 0xA0))
            k++;
        c += *s == ',';
    }
    p->text += k;
    p->commas += c;
    p->flow += k;
    p->flow_commas += c;
}

/* Adds a finished element's totals to its parent's. */
static void leave(const xmlNode *n, bool first)
{
    sr_el *e = el_of(n), *p = el_of(n->parent);
    if (!e || e->dropped)
        return;
    if (first)
        e->raw = e->text;
    if (e->tag->id == T_A) {
        e->links = e->text;
        e->flow_links = e->flow;
    }
    if (e->tag->id == T_LI)
        e->lis++;
    if (!p)
        return;
    p->text += e->text;
    p->links += e->links;
    p->commas += e->commas;
    p->paras += e->paras;
    p->lis += e->lis;
    if (e->kind == EL_BLOCK || e->has_block)
        p->has_block = 1;
    if (e->kind == EL_OTHER) { /* inline: its text flows in the parent's paragraph */
        p->flow += e->flow;
        p->flow_links += e->flow_links;
        p->flow_commas += e->flow_commas;
    }
}

/* Sets up n's sr_el for a count: the first count gives it one and drops only what is
 * never text; later counts also drop what is hidden or named like boilerplate, unless
 * it holds most of the page's text (a parser that mis-nests a page can put the whole
 * article inside a <header role="banner">). */
static sr_el *start(xmlNode *n, scorer *s)
{
    sr_el *e = s->first ? sr_arena_alloc(s->a, sizeof *e) : el_of(n);
    if (!e)
        return NULL;
    uint32_t raw = s->first ? 0 : e->raw;
    sr_el keep = s->first ? (sr_el){.tag = sr_html_tag(n)} : *e;
    memset(e, 0, sizeof *e);
    n->_private = e;
    e->raw = raw;
    e->tag = keep.tag;
    e->kind = keep.tag->kind;
    e->weight = keep.weight;
    e->cls = keep.cls;
    if (s->first)
        sr_html_classify(n, e);
    e->dropped =
        e->kind == EL_SKIP || (!s->first && raw * 2 < s->raw && sr_html_dropped(e, raw, s->mode));
    return e;
}

/* Counts the tree below root into the elements' sr_el. Dropped and skipped subtrees
 * are not entered. NOMEM on out-of-memory. */
static sr_status count(xmlNode *root, scorer *s)
{
    xmlNode *n = root;
    for (;;) {
        bool descend = false;
        if (n->type == XML_ELEMENT_NODE) {
            sr_el *e = start(n, s);
            if (!e)
                return SR_NOMEM;
            descend = !e->dropped;
        } else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            count_text(n);
        }
        if (descend && n->children) {
            n = n->children;
            continue;
        }
        while (n != root && !n->next) {
            leave(n, s->first);
            n = n->parent;
        }
        leave(n, s->first);
        if (n == root)
            return SR_OK;
        n = n->next;
    }
}

static double link_density(const sr_el *e)
{
    return e->text ? (double)e->links / e->text : 0;
}

static void give(scorer *s, xmlNode *n, double score)
{
    sr_el *e = el_of(n);
    if (!e || e->dropped)
        return;
    if (!e->scored) {
        e->scored = 1;
        e->score = e->tag->bonus + ((s->mode & EX_WEIGHT_CLASSES) ? e->weight : 0);
    }
    e->score += score;
}

/* The node after n in document order below root (NULL at the end), entering n's
 * children only when descend. Parent pointers make the walk need no stack. */
static xmlNode *next_node(xmlNode *n, const xmlNode *root, bool descend)
{
    if (descend && n->children)
        return n->children;
    while (n != root && !n->next)
        n = n->parent;
    return n == root ? NULL : n->next;
}

/* Scores every paragraph below root into its ancestors. */
static void score_paragraphs(xmlNode *root, scorer *s)
{
    xmlNode *n = root;
    while (n) {
        sr_el *e = el_of(n);
        bool descend = e && !e->dropped;
        if (descend && e->kind == EL_BLOCK && e->flow >= PARA_MIN) {
            s->nparas++;
            e->paras++;
            double ld = e->flow ? (double)e->flow_links / e->flow : 0;
            double sc = 1 + e->flow_commas + (e->flow / 100 > 3 ? 3 : e->flow / 100);
            sc *= 1 - ld;
            xmlNode *up = n->parent;
            for (int level = 0; level < 5 && up && up->type == XML_ELEMENT_NODE; level++) {
                give(s, up, sc / (level == 0 ? 1 : level == 1 ? 2 : level * 3));
                up = up->parent;
            }
        }
        n = next_node(n, root, descend);
    }
}

/* Keeps the TOP best candidates by final score. */
static void rank(xmlNode *root, scorer *s)
{
    for (xmlNode *n = root; n;) {
        sr_el *e = el_of(n);
        if (e && e->scored) {
            e->score *= 1 - link_density(e);
            for (int i = 0; i < TOP; i++)
                if (!s->top[i] || e->score > s->topscore[i]) {
                    memmove(s->top + i + 1, s->top + i, (TOP - 1 - i) * sizeof *s->top);
                    memmove(s->topscore + i + 1, s->topscore + i,
                            (TOP - 1 - i) * sizeof *s->topscore);
                    s->top[i] = n;
                    s->topscore[i] = e->score;
                    break;
                }
        }
        n = next_node(n, root, e && !e->dropped);
    }
}

static bool is_ancestor(const xmlNode *a, const xmlNode *n)
{
    for (; n; n = n->parent)
        if (n == a)
            return true;
    return false;
}

/* The <article> (or schema.org articleBody) around n when there is one and it reads as
 * prose, else n: authors mark their text so, and the mark is better than a guess. */
static xmlNode *in_article(xmlNode *n, xmlNode *body)
{
    for (xmlNode *up = n->parent; up && up != body && el_of(up); up = up->parent) {
        sr_el *e = el_of(up);
        const char *ip = sr_html_attr(up, "itemprop");
        if (e->tag->id != T_ARTICLE && !(ip && strstr(ip, "articleBody")))
            continue;
        if (!e->dropped && link_density(e) < 0.3)
            return up;
        break;
    }
    return n;
}

/* The best candidate, moved up to an ancestor the other strong candidates share, then
 * up through parents scoring near it and through wrappers that hold nothing else. */
static xmlNode *choose(scorer *s, xmlNode *body)
{
    xmlNode *best = s->top[0];
    if (!best)
        return body;
    for (xmlNode *up = best->parent; up && up != body; up = up->parent) {
        int shared = 0;
        for (int i = 1; i < TOP; i++)
            if (s->top[i] && s->topscore[i] >= 0.75 * s->topscore[0] && is_ancestor(up, s->top[i]))
                shared++;
        if (shared >= 2) {
            best = up;
            break;
        }
    }
    double last = el_of(best)->score, floor = last / 3;
    for (xmlNode *up = best->parent; up && up != body && up->type == XML_ELEMENT_NODE;
         up = up->parent) {
        sr_el *e = el_of(up);
        if (!e || !e->scored)
            continue;
        if (e->score < floor)
            break;
        if (e->score > last) {
            best = up;
            break;
        }
        last = e->score;
    }
    while (best->parent && best->parent != body && best->parent->type == XML_ELEMENT_NODE &&
           xmlChildElementCount(best->parent) == 1)
        best = best->parent;
    return in_article(best, body);
}

static bool reads_as_prose(const xmlNode *n, const sr_el *e)
{
    if (e->kind != EL_BLOCK || e->has_block)
        return false;
    double ld = link_density(e);
    if (e->text > 80)
        return ld < 0.25;
    if (!e->text || ld > 0)
        return false;
    xmlChar *t = xmlNodeGetContent(n);
    bool sentence = t && (strstr((const char *)t, ". ") || t[xmlStrlen(t) - 1] == '.');
    xmlFree(t);
    return sentence;
}

/* The article and those of its siblings that belong with it, in document order. */
static size_t with_siblings(xmlNode *best, xmlNode **roots, size_t cap)
{
    if (!best->parent || best->parent->type != XML_ELEMENT_NODE) {
        roots[0] = best;
        return 1;
    }
    double top = el_of(best)->score;
    double threshold = top * 0.2 > 10 ? top * 0.2 : 10;
    const char *cls = sr_html_attr(best, "class");
    size_t n = 0;
    for (xmlNode *c = best->parent->children; c && n < cap; c = c->next) {
        sr_el *e = el_of(c);
        if (!e || e->dropped || e->kind == EL_SKIP || e->kind == EL_CHROME)
            continue;
        bool keep = c == best;
        if (!keep && e->scored) {
            const char *cc = sr_html_attr(c, "class");
            double bonus = cls && cc && *cls && !strcmp(cls, cc) ? top * 0.2 : 0;
            keep = e->score + bonus >= threshold;
        }
        if (!keep)
            keep = reads_as_prose(c, e);
        if (keep)
            roots[n++] = c;
    }
    return n;
}

static xmlNode *find_body(xmlNode *root)
{
    for (xmlNode *c = root->children; c; c = c->next)
        if (sr_html_is(c, "body"))
            return c;
    return root;
}

/* One try in one mode: the article's text into b. */
static sr_status try_mode(htmlDocPtr doc, uint32_t raw, sr_arena *a, int mode, sr_buf *b)
{
    scorer s = {.a = a, .mode = mode, .raw = raw};
    xmlNode *root = xmlDocGetRootElement(doc);
    sr_status st = count(root, &s);
    if (st)
        return st;
    xmlNode *body = find_body(root);
    score_paragraphs(body, &s);
    rank(body, &s);
    xmlNode *best = choose(&s, body);
    xmlNode *roots[256];
    size_t n = best == body ? (roots[0] = body, 1) : with_siblings(best, roots, 256);
    return sr_html_write_text(roots, n, mode, b);
}

sr_status sr_html_main_text(htmlDocPtr doc, sr_arena *a, sr_page *out)
{
    static const int modes[] = {EX_STRIP_UNLIKELY | EX_WEIGHT_CLASSES | EX_CLEAN,
                                EX_WEIGHT_CLASSES | EX_CLEAN, EX_CLEAN, 0};
    sr_buf best = {0}, b = {0};
    scorer first = {.a = a, .first = true};
    xmlNode *root = xmlDocGetRootElement(doc);
    sr_status st = count(root, &first);
    uint32_t raw = el_of(root) ? el_of(root)->raw : 0;
    for (size_t i = 0; !st && i < sizeof modes / sizeof modes[0]; i++) {
        b.n = 0;
        st = try_mode(doc, raw, a, modes[i], &b);
        if (st)
            break;
        if (b.n > 2 * best.n) { /* a looser mode wins only when it finds much more */
            sr_buf t = best;
            best = b;
            b = t;
        }
        if (best.n >= SR_HTML_MIN_TEXT)
            break;
    }
    if (!st) {
        out->text = sr_arena_strndup(a, best.p ? best.p : "", best.n);
        out->len = best.n;
        if (!out->text)
            st = SR_NOMEM;
    }
    free(best.p);
    free(b.p);
    return st;
}
