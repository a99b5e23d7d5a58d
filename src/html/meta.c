/* meta.c: a page's title, author, site name, canonical URL, language and publication
 * day, chosen from the evidence one walk over the tree gathers (meta_walk.c).
 *
 * The publication day follows an order of evidence, most to least deliberate: JSON-LD
 * (an article's datePublished before a web page's), meta tags by rank, a <time> marked
 * as the publication, a visible dateline, any other <time>, a date in the URL path, and
 * only when nothing else exists a modification date. */
#include <libxml/uri.h>
#include <stdio.h>
#include <string.h>

#include "meta_int.h"

/* ---- language ---- */

/* The primary language subtag of a tag like "en-US", "de_DE" or "fr", lower-cased, in a;
 * NULL when it is not 2-3 letters. */
static char *lang_tag(const char *s, sr_arena *a)
{
    if (!s)
        return NULL;
    while (*s == ' ')
        s++;
    char t[4];
    size_t n = 0;
    for (; n < 4 && ((s[n] | 0x20) >= 'a' && (s[n] | 0x20) <= 'z'); n++)
        if (n < 3)
            t[n] = (char)(s[n] | 0x20);
    if (n < 2 || n > 3 ||
        (s[n] && s[n] != '-' && s[n] != '_' && s[n] != ',' && s[n] != ' ' && s[n] != ';'))
        return NULL;
    return sr_arena_strndup(a, t, n);
}

static char *pick_lang(const sr_mwalk *w, sr_arena *a)
{
    char *l = lang_tag(w->html_lang, a);
    if (!l)
        l = lang_tag(w->meta[SR_MF_LANG], a);
    for (int i = 0; !l && i < w->ld.n; i++)
        l = lang_tag(w->ld.obj[i].lang, a);
    return l;
}

/* Whether "11/05/2024" reads month first: an English page not marked as British or
 * Commonwealth English. */
static bool month_first(const sr_mwalk *w)
{
    const char *l = w->html_lang ? w->html_lang : w->meta[SR_MF_LANG];
    if (!l || strncasecmp(l, "en", 2) || (l[2] && l[2] != '-' && l[2] != '_'))
        return false;
    static const char *const dmy[] = {"gb", "uk", "ie", "au", "nz", "in", "za", NULL};
    for (int i = 0; l[2] && dmy[i]; i++)
        if (!strncasecmp(l + 3, dmy[i], 2))
            return false;
    return true;
}

/* ---- the publication day ---- */

/* The JSON-LD object describing the page: the first article, else the first web page. */
static const sr_ld_obj *main_object(const sr_ld *ld)
{
    for (int kind = SR_LD_ARTICLE; kind <= SR_LD_PAGE; kind++)
        for (int i = 0; i < ld->n; i++)
            if (ld->obj[i].kind == kind)
                return &ld->obj[i];
    return NULL;
}

/* The object of a kind with the day get() gives, the outermost first (a recipe's reviews
 * close before it and carry their own dates), then the first. */
static sr_ymd ld_day(const sr_ld *ld, int kind, sr_ymd (*get)(const sr_ld_obj *))
{
    sr_ymd best = {0};
    int depth = SR_META_JSONLD_DEPTH + 1;
    for (int i = 0; i < ld->n; i++) {
        sr_ymd d = get(&ld->obj[i]);
        if (ld->obj[i].kind == kind && ld->obj[i].depth < depth && sr_meta_date_plausible(d))
            best = d, depth = ld->obj[i].depth;
    }
    return best;
}

static sr_ymd get_published(const sr_ld_obj *o)
{
    return o->published;
}

static sr_ymd get_created(const sr_ld_obj *o)
{
    return o->created;
}

/* JSON-LD's datePublished: an article's, a web page's, any other object's; then
 * dateCreated in the same order. */
static sr_ymd ld_published(const sr_ld *ld)
{
    for (int pass = 0; pass < 2; pass++)
        for (int kind = SR_LD_ARTICLE; kind <= SR_LD_OTHER; kind++) {
            sr_ymd d = ld_day(ld, kind, pass ? get_created : get_published);
            if (d.year)
                return d;
        }
    return (sr_ymd){0};
}

static sr_ymd ld_modified(const sr_ld *ld)
{
    for (int i = 0; i < ld->n; i++)
        if (sr_meta_date_plausible(ld->obj[i].modified))
            return ld->obj[i].modified;
    return (sr_ymd){0};
}

/* The first date in a dateline's text that is not introduced as an update
 * ("Updated: ...", "Aktualisiert am ..."). */
static bool dateline_day(xmlNodePtr node, bool mdy, sr_ymd *out)
{
    sr_mtext t = {.n = 0};
    sr_meta_node_text(node, &t, SR_META_LINE_BYTES);
    size_t from = 0, start, end;
    while (from < t.n && sr_meta_date_find(t.b + from, t.n - from, mdy, out, &start, &end)) {
        if (!sr_meta_update_before(t.b, from, from + start))
            return true;
        from += end;
    }
    return false;
}

/* A visible dateline: the first date in the text of an element whose class or id names a
 * date, preferring those after the page's <h1> (a header's "today" comes before it).
 * near > 0 accepts only those within near elements after the <h1>. */
static sr_ymd dateline(const sr_mwalk *w, bool mdy, unsigned near)
{
    sr_ymd first = {0};
    for (int i = 0; i < w->ndatelines; i++) {
        unsigned pos = w->datelines[i].pos;
        bool after = !w->h1.node || pos > w->h1.pos;
        if (near && (!w->h1.node || !after || pos > w->h1.pos + near))
            continue;
        sr_ymd d;
        if (!dateline_day(w->datelines[i].node, mdy, &d))
            continue;
        if (after)
            return d;
        if (!first.year)
            first = d;
    }
    return first;
}

/* The first <time> of a kind after the <h1> (the article's header), else the first. */
static sr_ymd time_of(const sr_mwalk *w, int kind)
{
    sr_ymd first = {0};
    for (int i = 0; i < w->ntimes; i++) {
        if (w->times[i].kind != kind || !sr_meta_date_plausible(w->times[i].day))
            continue;
        if (!w->h1.node || w->times[i].pos > w->h1.pos)
            return w->times[i].day;
        if (!first.year)
            first = w->times[i].day;
    }
    return first;
}

static bool same_day(sr_ymd a, sr_ymd b)
{
    return a.year && a.year == b.year && a.month == b.month && a.day == b.day;
}

/* The days the page's machine-readable data gives: JSON-LD's and the meta tags'
 * publication and modification days, a <time> marked as an update. Returns how many
 * (some may be empty). */
static int machine_days(const sr_mwalk *w, sr_ymd out[6])
{
    const sr_ld_obj *o = main_object(&w->ld);
    out[0] = ld_published(&w->ld);
    out[1] = ld_modified(&w->ld);
    out[2] = time_of(w, SR_TIME_MOD);
    out[3] = o ? o->published : (sr_ymd){0};
    out[4] = w->meta[SR_MF_PUB] ? w->meta_pub : (sr_ymd){0};
    out[5] = w->meta[SR_MF_MOD] ? w->meta_mod : (sr_ymd){0};
    return 6;
}

static sr_ymd ordered_day(htmlDocPtr doc, const sr_mwalk *w, const char *url, bool mdy);

/* The day by the order of evidence, unless the first date a reader sees below the
 * headline differs from it and the page's machine-readable data confirms that date: a
 * republished article shows its new day there, and a URL or a stale meta tag keeps the
 * old one. */
static sr_ymd pick_day(htmlDocPtr doc, const sr_mwalk *w, const char *url, bool mdy)
{
    sr_ymd d = ordered_day(doc, w, url, mdy), v, m[6];
    int n = machine_days(w, m);
    bool other = false; /* only a machine day other than d can overrule d */
    for (int i = 0; i < n; i++)
        other |= m[i].year && !same_day(m[i], d);
    if (!other || !w->h1.node || !sr_meta_scan_dates(w->h1.node, mdy, &v) || same_day(v, d))
        return d;
    for (int i = 0; i < n; i++)
        if (same_day(v, m[i]))
            return v;
    return d;
}

static sr_ymd ordered_day(htmlDocPtr doc, const sr_mwalk *w, const char *url, bool mdy)
{
    /* a date in the article's header, just below its headline, is what readers see */
    sr_ymd d = dateline(w, mdy, SR_META_NEAR_H1);
    if (d.year)
        return d;
    if (sr_meta_date_url(url, &d))
        return d;
    d = ld_published(&w->ld);
    if (d.year)
        return d;
    /* the generic names ("date", "dc.date") are often the day the page was generated */
    bool specific = w->meta[SR_MF_PUB] && w->rank[SR_MF_PUB] < 3;
    if (specific && sr_meta_date_plausible(w->meta_pub))
        return w->meta_pub;
    d = time_of(w, SR_TIME_PUB);
    if (d.year)
        return d;
    d = dateline(w, mdy, 0);
    if (d.year)
        return d;
    /* "Erschienen am ...", "Published ...": a date the page's words call the publication */
    if (sr_meta_scan_labelled(w->body ? w->body : (xmlNodePtr)doc, mdy, &d))
        return d;
    if (w->meta[SR_MF_PUB] && sr_meta_date_plausible(w->meta_pub))
        return w->meta_pub;
    d = time_of(w, SR_TIME_PLAIN);
    if (d.year)
        return d;
    if (w->h1.node && sr_meta_scan_dates(w->h1.node, mdy, &d))
        return d;
    if (sr_meta_scan_dates(w->body ? w->body : (xmlNodePtr)doc, mdy, &d))
        return d;
    d = ld_modified(&w->ld);
    if (d.year)
        return d;
    if (w->meta[SR_MF_MOD] && sr_meta_date_plausible(w->meta_mod))
        return w->meta_mod;
    return time_of(w, SR_TIME_MOD);
}

/* ---- names ---- */

static char *clean_str(const char *s, sr_arena *a)
{
    if (!s)
        return NULL;
    size_t n = strlen(s);
    char *p = sr_arena_strndup(a, s, n > SR_META_MAX_STR ? SR_META_MAX_STR : n);
    return p && sr_meta_squeeze(p, strlen(p)) ? p : NULL;
}

static char *node_str(xmlNodePtr n, sr_arena *a)
{
    if (!n)
        return NULL;
    sr_mtext t = {.n = 0};
    sr_meta_node_text(n, &t, SR_META_MAX_STR);
    return t.n ? sr_arena_strndup(a, t.b, t.n) : NULL;
}

static char *pick_site(const sr_mwalk *w, const sr_ld_obj *o, sr_arena *a)
{
    if (w->meta[SR_MF_SITE] && w->rank[SR_MF_SITE] == 0)
        return clean_str(w->meta[SR_MF_SITE], a);
    if (o && o->publisher)
        return o->publisher;
    return clean_str(w->meta[SR_MF_SITE], a);
}

/* s with typographic quotes and dashes as their ASCII forms, "&amp;" and "&#038;" left
 * escaped by a CMS as "&", ASCII lower-cased, into out (cap bytes). */
static void fold(const char *s, char *out, size_t cap)
{
    static const struct {
        const char *from, *to;
    } map[] = {{"\u2018", "'"},  {"\u2019", "'"},  {"\u201a", "'"},  {"\u00b4", "'"},
               {"\u201c", "\""}, {"\u201d", "\""}, {"\u201e", "\""}, {"\u00ab", "\""},
               {"\u00bb", "\""}, {"\u2013", "-"},  {"\u2014", "-"},  {"&amp;", "&"},
               {"&#038;", "&"}};
    size_t o = 0;
    while (*s && o + 1 < cap) {
        size_t i, k = 0;
        for (i = 0; i < sizeof map / sizeof map[0]; i++)
            if (!strncmp(s, map[i].from, k = strlen(map[i].from)))
                break;
        if (i < sizeof map / sizeof map[0]) {
            out[o++] = map[i].to[0];
            s += k;
        } else {
            out[o++] = (char)(*s >= 'A' && *s <= 'Z' ? *s + 32 : *s);
            s++;
        }
    }
    out[o] = 0;
}

/* Whether hay contains needle once both are folded (see fold). */
static bool contains_folded(const char *hay, const char *needle)
{
    char h[SR_META_MAX_STR + 1], n[SR_META_MAX_STR + 1];
    fold(hay, h, sizeof h);
    fold(needle, n, sizeof n);
    return *n && strstr(h, n);
}

/* A headline's text without its kicker: an <h1> whose first part is an element of its
 * own ("<span class=kicker>Climate</span> Drilling until it gets hot") followed by at
 * least as much text gives the text after that element; any other <h1>, all its text. */
/* Bytes of s taken by the separators a kicker leaves before the headline: blanks,
 * ": - | /" and whole en or em dashes (never part of another character). */
static size_t kicker_separators(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    for (;;) {
        if (u[i] && strchr(" :-|/", u[i]))
            i++;
        else if (u[i] == 0xE2 && u[i + 1] == 0x80 && (u[i + 2] == 0x93 || u[i + 2] == 0x94))
            i += 3;
        else
            return i;
    }
}

static char *h1_text(xmlNodePtr h1, sr_arena *a)
{
    xmlNodePtr first = h1->children;
    while (first && first->type == XML_TEXT_NODE && first->content &&
           !first->content[strspn((const char *)first->content, " \t\r\n")])
        first = first->next;
    if (!first || first->type != XML_ELEMENT_NODE || !first->next)
        return node_str(h1, a);
    sr_mtext kick = {.n = 0}, rest = {.n = 0};
    sr_meta_node_text(first, &kick, SR_META_MAX_STR);
    sr_meta_siblings_text(first->next, &rest, SR_META_MAX_STR);
    size_t skip = kicker_separators(rest.b);
    char c0 = rest.b[skip]; /* "<b>Quarrel</b> of the couple" is one sentence */
    if (!kick.n || kick.n > 80 || rest.n - skip < 4 || rest.n - skip < kick.n ||
        (c0 >= 'a' && c0 <= 'z'))
        return node_str(h1, a);
    return sr_arena_strndup(a, rest.b + skip, rest.n - skip);
}

/* The title: an <h1> that a title tag repeats (the headline without the site's name),
 * else og:title, JSON-LD's headline or <title> that is not just the site's name, else the
 * single <h1>; without the part that names the site. */
static char *pick_title(const sr_mwalk *w, const sr_ld_obj *o, const char *site, const char *url,
                        sr_arena *a)
{
    const char *cands[3] = {w->meta[SR_MF_TITLE], o ? o->headline : NULL,
                            node_str(w->title.node, a)};
    char *best = NULL;
    for (unsigned k = 0; k < w->h1_count && k < SR_META_MAX_H1; k++) {
        char *h1 = h1_text(w->h1s[k], a);
        size_t hn = h1 ? strlen(h1) : 0;
        for (int i = 0; hn >= 4 && i < 3; i++)
            if (cands[i] && contains_folded(cands[i], h1) && (!best || hn > strlen(best)) &&
                !sr_meta_title_is_site(h1, site, url) && !(site && contains_folded(site, h1)))
                best = h1;
    }
    if (best)
        return best;
    const char *raw = NULL;
    for (int i = 0; !raw && i < 3; i++)
        if (cands[i] && !sr_meta_title_is_site(cands[i], site, url))
            raw = cands[i];
    if (!raw && w->h1_count == 1)
        raw = node_str(w->h1.node, a);
    for (int i = 0; !raw && i < 3; i++)
        raw = cands[i];
    return raw ? sr_meta_title_clean(raw, strlen(raw), site, url, a) : NULL;
}

/* The author: JSON-LD's (by name, or through the "@id" of a Person), a meta tag's, then
 * the text of itemprop/rel/class bylines. */
/* A cleaned author that is not the site's own name (an organisation signing as itself). */

static char *author_of(const char *s, size_t n, const char *site, const char *url, sr_arena *a)
{
    char *r = sr_meta_author_clean(s, n, a);
    return r && ((site && sr_meta_title_is_site(r, site, NULL)) || sr_meta_is_host(r, url)) ? NULL
                                                                                            : r;
}

static char *pick_author(const sr_mwalk *w, const sr_ld_obj *o, const char *site, const char *url,
                         sr_arena *a)
{
    const char *s = o ? o->author : NULL;
    for (int i = 0; !s && o && o->author_ref && i < w->ld.n; i++)
        if (w->ld.obj[i].kind == SR_LD_PERSON && w->ld.obj[i].id &&
            !strcmp(w->ld.obj[i].id, o->author_ref))
            s = w->ld.obj[i].name;
    for (int pass = 0; pass < 2; pass++) /* an article's or page's, then any other's */
        for (int i = 0; !s && i < w->ld.n; i++)
            if (pass ? w->ld.obj[i].kind != SR_LD_PERSON : w->ld.obj[i].kind <= SR_LD_PAGE)
                s = w->ld.obj[i].author;
    char *r = s ? author_of(s, strlen(s), site, url, a) : NULL;
    if (!r && w->meta[SR_MF_AUTHOR])
        r = author_of(w->meta[SR_MF_AUTHOR], strlen(w->meta[SR_MF_AUTHOR]), site, url, a);
    for (int i = 0; !r && i < w->nbylines; i++) {
        sr_mtext t = {.n = 0};
        sr_meta_node_text(w->bylines[i].node, &t, SR_META_LINE_BYTES);
        r = t.n ? author_of(t.b, t.n, site, url, a) : NULL;
    }
    return r;
}

/* An absolute http(s) URL for href resolved against base (may be NULL), in a. */
static char *absolute(const char *href, const char *base, sr_arena *a)
{
    if (!href || !*href)
        return NULL;
    xmlChar *u = xmlBuildURI(BAD_CAST href, BAD_CAST(base ? base : ""));
    char *r = NULL;
    if (u && (!strncasecmp((char *)u, "http://", 7) || !strncasecmp((char *)u, "https://", 8)))
        r = clean_str((const char *)u, a);
    xmlFree(u);
    return r;
}

void sr_html_meta(htmlDocPtr doc, const char *url, sr_arena *a, sr_page *out)
{
    sr_mwalk w;
    sr_meta_walk(doc, a, &w);
    const sr_ld_obj *o = main_object(&w.ld);
    out->lang = pick_lang(&w, a);
    out->site = pick_site(&w, o, a);
    out->title = pick_title(&w, o, out->site, url, a);
    out->author = pick_author(&w, o, out->site, url, a);
    out->canonical = absolute(w.canonical, url, a);
    if (!out->canonical)
        out->canonical = absolute(w.og_url, url, a);
    out->day = pick_day(doc, &w, url, month_first(&w));
    out->published = NULL;
    if (out->day.year) {
        char buf[16];
        int n = snprintf(buf, sizeof buf, "%04d-%02d-%02d", out->day.year, out->day.month,
                         out->day.day);
        out->published = sr_arena_strndup(a, buf, (size_t)n);
    }
}
