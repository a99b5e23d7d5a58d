/* extract_int.h: what the main-text extractor's files share (extract.c scores the
 * page and chooses the article; extract_text.c writes the chosen part out as text;
 * classes.c reads class names and attributes). */
#ifndef SR_EXTRACT_INT_H
#define SR_EXTRACT_INT_H

#include "html.h"

/* What an element is to the extractor, from its tag name. */
enum {
    EL_OTHER,  /* inline or unknown: its text belongs to the enclosing block */
    EL_BLOCK,  /* a block of text: a paragraph, heading, list item, quote */
    EL_SKIP,   /* never text: scripts, styles, forms, media, templates */
    EL_CHROME, /* page furniture: nav, aside, footer, header, figure, h1 */
};

/* Tags the extractor tells apart by identity (the rest only by kind). */
enum {
    T_OTHER,
    T_A,
    T_ARTICLE,
    T_BODY,
    T_BR,
    T_LI,
    T_PRE,
    T_CELL,
    T_LIST,
    T_NOSCRIPT,
    T_HEADING,
};

/* What the extractor knows of a tag name (classes.c). */
typedef struct {
    const char *name;
    uint8_t kind;      /* EL_* */
    uint8_t id;        /* T_* */
    int8_t bonus;      /* a scored element's starting score */
    uint8_t container; /* may be cleaned out of an article as a widget */
} sr_tag;

/* What an element's attributes say of it. */
enum {
    C_HIDDEN = 1, /* hidden, aria-hidden, display:none, a furniture role, <noscript> */
    C_NEG = 2,    /* its class or id has a boilerplate word */
    C_STRONG = 4, /* its class or id names the article ("content", "story") */
};

/* Per-element figures from the counting pass, reached through node->_private. */
typedef struct {
    double score;    /* content score (paragraphs below it, weighted by distance) */
    uint32_t text;   /* bytes of visible non-space text below the element */
    uint32_t links;  /* of which inside links */
    uint32_t commas; /* commas and full stops in that text */
    uint32_t paras;  /* paragraph elements below it with text */
    uint32_t lis;    /* list items below it */
    uint32_t flow;   /* text bytes of its own paragraph: not inside a block below it */
    uint32_t flow_links, flow_commas;
    uint32_t raw; /* text below it when nothing is dropped (the first count) */
    const sr_tag *tag;
    int16_t weight;    /* of its class, id, role and itemprop (classes.c) */
    uint8_t cls;       /* C_* */
    uint8_t kind;      /* EL_*, from tag */
    uint8_t has_block; /* a block element is a descendant */
    uint8_t dropped;   /* hidden or unlikely: neither counted nor written */
    uint8_t scored;    /* received a score from a paragraph */
} sr_el;

/* Modes of the extractor: a strict first try, then looser retries when the page
 * yields too little text (as Readability does). */
enum {
    EX_STRIP_UNLIKELY = 1, /* drop elements whose class or id names boilerplate */
    EX_WEIGHT_CLASSES = 2, /* let class names weigh on scores */
    EX_CLEAN = 4,          /* drop link-heavy and short containers inside the article */
};

static inline sr_el *el_of(const xmlNode *n)
{
    return n && n->type == XML_ELEMENT_NODE ? (sr_el *)n->_private : NULL;
}

/* classes.c */
/* The tag of an element (an EL_OTHER entry for names not in the table). */
const sr_tag *sr_html_tag(const xmlNode *n);
/* Reads the element's attributes into e->weight and e->cls (e->tag must be set). */
void sr_html_classify(const xmlNode *n, sr_el *e);
/* Text bytes that make an element prose rather than a label or a byline. */
#define SR_HTML_PROSE 200

/* True when the element is hidden or, in mode EX_STRIP_UNLIKELY, named like
 * boilerplate with nothing naming it content, or with a name naming content but under
 * SR_HTML_PROSE bytes of text below it ("entry-content share" is the article with a
 * share bar's name on it; "entry-meta" is a byline). */
static inline bool sr_html_dropped(const sr_el *e, uint32_t text, int mode)
{
    if (e->cls & C_HIDDEN)
        return true;
    if (!(mode & EX_STRIP_UNLIKELY) || !(e->cls & C_NEG))
        return false;
    return !(e->cls & C_STRONG) || text < SR_HTML_PROSE;
}
/* The value of attribute name, or NULL (borrowed from the tree). */
const char *sr_html_attr(const xmlNode *n, const char *name);
static inline bool sr_html_is(const xmlNode *n, const char *tag)
{
    return n && n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, tag);
}

/* extract_text.c: writes the text below root (and the chosen siblings) into b. */
sr_status sr_html_write_text(xmlNode *const *roots, size_t nroots, int mode, sr_buf *b);

#endif
