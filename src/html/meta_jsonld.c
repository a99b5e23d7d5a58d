/* meta_jsonld.c: schema.org JSON-LD (<script type="application/ld+json">) read for the
 * page's dates, headline, authors, publisher and language.
 *
 * yajl's event parser drives an explicit stack of frames, one per open object or array
 * (at most SR_META_JSONLD_DEPTH; deeper containers are skipped). A frame remembers the key
 * it hangs under (its role: "author", "publisher", "@type" ...) and, for an object, what
 * it has collected. When an object closes, an author or publisher object hands its name
 * to the nearest enclosing object; any other object with something of interest becomes
 * one sr_ld_obj. So @graph arrays, mainEntity and other nestings need no special case.
 * JSON-LD in the wild is often broken: control characters in strings are blanked before
 * parsing, junk before the first bracket is skipped, and on a syntax error the objects
 * still open are kept with what they had. */
#include <string.h>
#include <yajl/yajl_parse.h>

#include "meta_int.h"

enum {
    K_NONE,
    K_TYPE,
    K_ID,
    K_PUB,
    K_CREATED,
    K_MODIFIED,
    K_HEADLINE,
    K_NAME,
    K_AUTHOR,
    K_PUBLISHER,
    K_LANG,
    K_OTHER
};

static const struct {
    const char *name;
    int key;
} keys[] = {
    {"@type", K_TYPE},          {"@id", K_ID},
    {"datePublished", K_PUB},   {"dateCreated", K_CREATED},
    {"uploadDate", K_CREATED},  {"dateModified", K_MODIFIED},
    {"headline", K_HEADLINE},   {"name", K_NAME},
    {"author", K_AUTHOR},       {"creator", K_AUTHOR},
    {"publisher", K_PUBLISHER}, {"inLanguage", K_LANG},
};

typedef struct {
    bool map;
    unsigned char role; /* the key this container hangs under */
    unsigned char key;  /* a map's current key */
    sr_ld_obj o;
} frame;

typedef struct {
    sr_ld *ld;
    sr_arena *a;
    frame st[SR_META_JSONLD_DEPTH];
    int depth; /* frames in use */
    int skip;  /* containers open beyond the deepest frame */
} ctx;

static int key_of(const unsigned char *k, size_t n)
{
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (strlen(keys[i].name) == n && !memcmp(keys[i].name, k, n))
            return keys[i].key;
    return K_OTHER;
}

/* The SR_LD_* kind a @type value names. */
static int kind_of(const unsigned char *s, size_t n)
{
    char t[64];
    if (n >= sizeof t)
        return SR_LD_OTHER;
    memcpy(t, s, n);
    t[n] = 0;
    const char *name = strrchr(t, '/') ? strrchr(t, '/') + 1 : t; /* "http://schema.org/X" */
    if (strstr(name, "Article") || strstr(name, "Posting") || !strcmp(name, "Report"))
        return SR_LD_ARTICLE;
    if (strstr(name, "WebPage") || !strcmp(name, "ItemPage"))
        return SR_LD_PAGE;
    if (!strcmp(name, "Person"))
        return SR_LD_PERSON;
    return SR_LD_OTHER;
}

static char *dup(ctx *c, const unsigned char *s, size_t n)
{
    if (n > SR_META_MAX_STR)
        n = SR_META_MAX_STR;
    char *p = sr_arena_strndup(c->a, (const char *)s, n);
    if (p)
        sr_meta_squeeze(p, n);
    return p && *p ? p : NULL;
}

/* Appends a name to a ", "-separated list of names in the arena. */
static void add_name(ctx *c, char **list, const char *name)
{
    if (!name || !*name)
        return;
    if (!*list) {
        *list = (char *)name;
        return;
    }
    size_t a = strlen(*list), b = strlen(name);
    if (a + b + 2 > SR_META_MAX_STR || strstr(*list, name))
        return;
    char *p = sr_arena_alloc(c->a, a + b + 3);
    if (!p)
        return;
    memcpy(p, *list, a);
    memcpy(p + a, ", ", 2);
    memcpy(p + a + 2, name, b + 1);
    *list = p;
}

/* The frame a scalar value belongs to and the key it is under, or NULL when skipped. */
static frame *owner(ctx *c, int *key)
{
    if (c->skip || !c->depth)
        return NULL;
    frame *f = &c->st[c->depth - 1];
    *key = f->map ? f->key : f->role;
    if (!f->map) /* an array: its items belong to the object holding the array */
        for (int i = c->depth - 2; i >= 0; i--)
            if (c->st[i].map)
                return &c->st[i];
    return f->map ? f : NULL;
}

static void set_date(sr_ymd *d, const unsigned char *s, size_t n)
{
    sr_ymd v;
    if (!d->year && sr_meta_date_value((const char *)s, n, false, &v))
        *d = v;
}

static int on_string(void *u, const unsigned char *s, size_t n)
{
    ctx *c = u;
    int key;
    frame *f = owner(c, &key);
    if (!f)
        return 1;
    sr_ld_obj *o = &f->o;
    switch (key) {
    case K_TYPE: {
        int k = kind_of(s, n);
        if (k < o->kind || o->kind == SR_LD_PERSON || o->kind == SR_LD_NONE)
            o->kind = k;
        break;
    }
    case K_ID: o->id = o->id ? o->id : dup(c, s, n); break;
    case K_PUB: set_date(&o->published, s, n); break;
    case K_CREATED: set_date(&o->created, s, n); break;
    case K_MODIFIED: set_date(&o->modified, s, n); break;
    case K_HEADLINE: o->headline = o->headline ? o->headline : dup(c, s, n); break;
    case K_NAME: o->name = o->name ? o->name : dup(c, s, n); break;
    case K_AUTHOR: add_name(c, &o->author, dup(c, s, n)); break;
    case K_PUBLISHER: o->publisher = o->publisher ? o->publisher : dup(c, s, n); break;
    case K_LANG: o->lang = o->lang ? o->lang : dup(c, s, n); break;
    default: break;
    }
    return 1;
}

static int on_key(void *u, const unsigned char *k, size_t n)
{
    ctx *c = u;
    if (!c->skip && c->depth)
        c->st[c->depth - 1].key = (unsigned char)key_of(k, n);
    return 1;
}

static int on_open(ctx *c, bool map)
{
    if (c->skip || c->depth == SR_META_JSONLD_DEPTH) {
        c->skip++;
        return 1;
    }
    int role = K_NONE;
    if (c->depth) {
        frame *p = &c->st[c->depth - 1];
        role = p->map ? p->key : p->role;
    }
    frame *f = &c->st[c->depth++];
    memset(f, 0, sizeof *f);
    f->map = map;
    f->role = (unsigned char)role;
    f->o.kind = SR_LD_NONE;
    return 1;
}

static int on_start_map(void *u)
{
    return on_open(u, true);
}

static int on_start_array(void *u)
{
    return on_open(u, false);
}

static bool interesting(const sr_ld_obj *o)
{
    return o->published.year || o->created.year || o->modified.year || o->headline || o->author ||
           o->author_ref || o->publisher || o->lang ||
           (o->kind == SR_LD_PERSON && o->id && o->name) || (o->kind != SR_LD_NONE && o->name);
}

/* An object closes: an author or publisher gives its name to the enclosing object, any
 * other interesting object is kept. */
static void close_object(ctx *c, frame *f)
{
    frame *p = NULL;
    for (frame *q = f - 1; q >= c->st; q--)
        if (q->map) {
            p = q;
            break;
        }
    if (p && f->role == K_AUTHOR && f->o.kind != SR_LD_OTHER) {
        if (f->o.name)
            add_name(c, &p->o.author, f->o.name);
        else if (f->o.id && !p->o.author_ref)
            p->o.author_ref = f->o.id;
        if (f->o.kind != SR_LD_PERSON || !f->o.id)
            return;
    } else if (p && f->role == K_PUBLISHER) {
        if (!p->o.publisher)
            p->o.publisher = f->o.name;
        return;
    }
    if (interesting(&f->o) && c->ld->n < SR_META_JSONLD_OBJS) {
        f->o.depth = (int)(f - c->st);
        c->ld->obj[c->ld->n++] = f->o;
    }
}

static int on_end(void *u)
{
    ctx *c = u;
    if (c->skip) {
        c->skip--;
        return 1;
    }
    if (!c->depth)
        return 1;
    frame *f = &c->st[--c->depth];
    if (f->map)
        close_object(c, f);
    return 1;
}

static int on_other(void *u)
{
    return 1;
}

static int on_number(void *u, const char *s, size_t n)
{
    return 1;
}

static int on_bool(void *u, int b)
{
    return 1;
}

static const yajl_callbacks callbacks = {
    on_other,     on_bool, NULL,   NULL,           on_number, on_string,
    on_start_map, on_key,  on_end, on_start_array, on_end,
};

/* A "datePublished" the parser did not reach: the first such key's string value. */
static void scan_published(const char *s, size_t n, sr_ld *ld)
{
    const char *key = "\"datePublished\"";
    const char *p = memmem(s, n, key, strlen(key));
    if (!p || ld->n >= SR_META_JSONLD_OBJS)
        return;
    p += strlen(key);
    const char *e = s + n;
    while (p < e && (*p == ' ' || *p == ':' || *p == '\t'))
        p++;
    sr_ymd d;
    if (p < e && *p == '"' && sr_meta_date_iso(p + 1, (size_t)(e - p - 1), &d)) {
        sr_ld_obj *o = &ld->obj[ld->n++];
        memset(o, 0, sizeof *o);
        o->kind = SR_LD_OTHER;
        o->published = d;
    }
}

static bool has_published(const sr_ld *ld, int from)
{
    for (int i = from; i < ld->n; i++)
        if (ld->obj[i].published.year)
            return true;
    return false;
}

/* Parses the cleaned text (control characters blanked, junk before the first bracket
 * dropped) and keeps the objects still open at an error or at the end. */
static void parse(ctx *c, const unsigned char *s, size_t n)
{
    yajl_handle h = yajl_alloc(&callbacks, NULL, c);
    if (!h)
        return;
    yajl_config(h, yajl_allow_comments, 1);
    yajl_config(h, yajl_dont_validate_strings, 1);
    yajl_config(h, yajl_allow_trailing_garbage, 1);
    yajl_config(h, yajl_allow_multiple_values, 1);
    if (yajl_parse(h, s, n) == yajl_status_ok)
        yajl_complete_parse(h);
    yajl_free(h);
    c->skip = 0;
    while (c->depth)
        on_end(c);
}

void sr_meta_jsonld(const char *s, size_t n, sr_arena *a, sr_ld *ld)
{
    if (n > ld->budget)
        n = ld->budget;
    ld->budget -= n;
    size_t start = 0;
    while (start < n && s[start] != '{' && s[start] != '[')
        start++;
    if (start == n)
        return;
    unsigned char *buf = sr_arena_alloc(a, n - start);
    if (!buf)
        return;
    for (size_t i = start; i < n; i++) /* raw newlines in strings are common and fatal */
        buf[i - start] = (unsigned char)s[i] < 0x20 ? ' ' : (unsigned char)s[i];
    ctx c = {.ld = ld, .a = a};
    int before = ld->n;
    parse(&c, buf, n - start);
    if (!has_published(ld, before))
        scan_published((const char *)buf, n - start, ld);
}
