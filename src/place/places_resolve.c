/* places_resolve.c: picks one gazetteer entry for each name the place stage found, by the
 * rules at the top of places.c (3 to 9), and appends the mentions.
 *
 * Two passes over the matches: the first judges each name's readings without context
 * and counts what the document says without doubt (countries, regions); the second
 * judges again with that context and keeps the best-scoring reading. */
#include <stdlib.h>

#include "gaz_int.h"

/* What rules 3 to 7 allow a reading: nothing, with its region named in the document,
 * with its country (or region) named, or anyway. */
enum { V_REJECT, V_LOCAL_CONTEXT, V_REGION_CONTEXT, V_CONTEXT, V_OK };
/* V_LOCAL_CONTEXT: a region named in the document, and one of fewer than 10 million
 * people (weight below 6): "England" or "Texas" does not vouch for every village. */
#define LOCAL_REGION_BASE 6.0f

/* Population thresholds of rules 6 and 7: a village, a town, a city the world knows. */
#define SMALL_PLACE 15000u
#define LARGE_PLACE 500000u
#define MID_PLACE 100000u /* a common word needs its country named below this */
/* Rule 7 for regions: one whose places sum to fewer people than this (weight below
 * log10(1e6) - 1) needs its country named ("Gulf" in Papua New Guinea, "Midlands"). */
#define LARGE_REGION_BASE 5.0f

typedef struct {
    uint32_t entry;
    uint8_t flags; /* GZ_NAME_* of the name that matched */
} reading;

typedef struct {
    uint8_t country[(SR_GAZ_MAX_COUNTRIES + 7) / 8];
    uint32_t region[64];
    size_t nregion;
} place_set; /* the countries and regions a following ", <place>" may mean */

typedef struct {
    uint32_t region, node; /* a region (entry + 1) the document names, and by what name */
} region_note;

typedef struct {
    const sr_gazetteer *g;
    uint32_t *count;      /* per country: mentions that are surely in it */
    region_note *regions; /* regions mentioned, sorted by (region, node) when read */
    size_t nregions, cap_regions;
    reading r[SR_GAZ_MAX_CANDIDATES];
} ctx;

/* The readings of match m into c->r: the entries of its name, or for a region match the
 * regions among them and the regions their seats govern. Returns how many. */
static size_t readings(ctx *c, const gz_match *m, reading *r)
{
    const sr_gazetteer *g = c->g;
    size_t n = 0;
    for (uint32_t p = g->nodes[m->node].head; p && n < SR_GAZ_MAX_CANDIDATES;
         p = g->posts[p - 1].next) {
        const gz_posting *ps = &g->posts[p - 1];
        uint32_t e = ps->entry;
        if (m->cues & M_REGION) {
            const gz_entry *x = &g->entries[e];
            if (x->kind != SR_PLACE_REGION) {
                if (!(x->flags & (GZ_SEAT | GZ_CAPITAL)) || !x->region)
                    continue;
                e = x->region - 1;
            }
        }
        r[n++] = (reading){e, ps->flags};
    }
    return n;
}

/* The region an entry lies in (itself for a region), + 1; 0 none. */
static uint32_t region_of(const sr_gazetteer *g, uint32_t e)
{
    const gz_entry *x = &g->entries[e];
    return x->kind == SR_PLACE_REGION ? e + 1 : x->region;
}

static void set_of(ctx *c, const gz_match *m, place_set *s)
{
    memset(s, 0, sizeof *s);
    reading *r = c->r;
    size_t n = readings(c, m, r);
    for (size_t i = 0; i < n; i++) {
        const gz_entry *x = &c->g->entries[r[i].entry];
        if (x->kind == SR_PLACE_COUNTRY)
            s->country[x->country / 8] |= (uint8_t)(1u << (x->country % 8));
        else if (x->kind == SR_PLACE_REGION && s->nregion < 64)
            s->region[s->nregion++] = r[i].entry + 1;
    }
}

static bool in_set(const sr_gazetteer *g, const place_set *s, uint32_t e)
{
    const gz_entry *x = &g->entries[e];
    if (s->country[x->country / 8] & (1u << (x->country % 8)))
        return true;
    uint32_t reg = region_of(g, e);
    for (size_t i = 0; reg && i < s->nregion; i++)
        if (s->region[i] == reg)
            return true;
    return false;
}

/* Rules 3 to 7 for reading x of match m, without the document's context. */
static int judge(const gz_match *m, const gz_entry *x, uint8_t flags, bool comma)
{
    uint16_t cu = m->cues;
    bool first = flags & GZ_NAME_FIRST, word = flags & GZ_NAME_WORD;
    bool city = x->kind == SR_PLACE_CITY, large = city && x->population >= LARGE_PLACE;
    if (cu & M_HONORIFIC)
        return V_REJECT;
    if (cu & M_REGION)                 /* "Kursk region": the region word is evidence enough */
        return word ? V_REJECT : V_OK; /* but "Western states" is no region */
    if (first && (cu & (M_PREVCAP | M_PREVCAP0 | M_NEXTCAP)))
        return V_REJECT;
    if (x->kind == SR_PLACE_COUNTRY)
        return V_OK;
    /* "the Pacific", "the Duma"; "The New York Times"; not "the Kursk offensive" */
    bool attributive = (cu & M_NEXTWORD) && !(cu & M_NEXTOF) && x->population >= MID_PLACE;
    bool article = (cu & M_ARTICLE) && (city ? !attributive : (cu & M_NEXTCAP));
    if ((cu & (M_PREVCAP | M_GLUED)) || article ||
        (city && !large && (cu & (M_SAY | M_NEXTCAP | M_NEXTOF))))
        return V_REJECT; /* "Kress said", "Manchester United", "University of Lille" */
    bool cue = (cu & M_LOCATIVE) || comma;
    if (word) {
        if ((cu & (M_INITIAL | M_NEXTCAP | M_NEXTOF)) || !cue)
            return V_REJECT;
        return x->population >= MID_PLACE || (!city && x->base >= LARGE_REGION_BASE) ? V_OK
                                                                                     : V_CONTEXT;
    }
    if (comma)
        return V_OK;
    if (!city && x->base >= LARGE_REGION_BASE)
        return V_OK;
    if (!city) /* a small region ("Manchester" in Jamaica): as a town, and its country named */
        return cu & (M_SAY | M_NEXTCAP | M_NEXTOF) ? V_REJECT : V_CONTEXT;
    if (x->population < SMALL_PLACE)
        return V_LOCAL_CONTEXT;
    if (!large || first)
        return cue || (cu & M_OF) ? V_CONTEXT : V_REGION_CONTEXT;
    return V_OK;
}

/* Fills keep[i] for the readings of m: V_* after rules 3 to 7 and the ", <place>" and
 * "<place>'s" tests (the place beside m is next, or prev for a possessive). */
static size_t judged(ctx *c, const gz_match *m, const gz_match *prev, const gz_match *next,
                     int *keep)
{
    place_set s;
    const gz_match *other = (m->cues & M_COMMA) ? next : (m->cues & M_OWNED) ? prev : NULL;
    bool have_set = other != NULL;
    if (have_set)
        set_of(c, other, &s);
    size_t n = readings(c, m, c->r);
    bool any_comma = false;
    for (size_t i = 0; have_set && i < n; i++) /* a country is not qualified: a list */
        have_set = c->g->entries[c->r[i].entry].kind != SR_PLACE_COUNTRY;
    for (size_t i = 0; have_set && i < n; i++)
        any_comma |= in_set(c->g, &s, c->r[i].entry);
    for (size_t i = 0; i < n; i++) {
        bool comma = any_comma && in_set(c->g, &s, c->r[i].entry);
        keep[i] = any_comma && !comma
                      ? V_REJECT
                      : judge(m, &c->g->entries[c->r[i].entry], c->r[i].flags, comma);
    }
    return n;
}

/* What a match's name is, for region_named: "Kursk region" is another name than
 * "Kursk", though both end at the same node. */
static uint32_t name_tag(const gz_match *m)
{
    return m->cues & M_REGION ? m->node | 0x80000000u : m->node;
}

static sr_status note_region(ctx *c, sr_arena *a, uint32_t reg, uint32_t node)
{
    region_note *slot =
        sr_arena_push(a, (void **)&c->regions, &c->nregions, &c->cap_regions, sizeof *slot, 16);
    if (!slot)
        return SR_NOMEM;
    *slot = (region_note){reg, node};
    return SR_OK;
}

/* Rule 8: what match m says without doubt, added to the context. */
static sr_status witness(ctx *c, sr_arena *a, const gz_match *m, const gz_match *prev,
                         const gz_match *next, int *keep)
{
    size_t n = judged(c, m, prev, next, keep);
    int country = -1;
    uint32_t region = UINT32_MAX;
    bool ok = false;
    for (size_t i = 0; i < n; i++) {
        const gz_entry *x = &c->g->entries[c->r[i].entry];
        if (keep[i] == V_REJECT || keep[i] == V_REGION_CONTEXT || keep[i] == V_LOCAL_CONTEXT ||
            (keep[i] == V_CONTEXT && x->kind == SR_PLACE_CITY && x->population < SMALL_PLACE))
            continue; /* not a plausible reading without context */
        ok |= keep[i] == V_OK;
        if (country >= 0 && country != x->country)
            return SR_OK; /* two countries: no evidence */
        country = x->country;
        uint32_t reg = region_of(c->g, c->r[i].entry);
        region = region == UINT32_MAX || region == reg ? reg : 0;
    }
    if (!ok)
        return SR_OK;
    c->count[country]++;
    return region && region != UINT32_MAX ? note_region(c, a, region, name_tag(m)) : SR_OK;
}

static int by_note(const void *a, const void *b)
{
    const region_note *x = a, *y = b;
    if (x->region != y->region)
        return (x->region > y->region) - (x->region < y->region);
    return (x->node > y->node) - (x->node < y->node);
}

/* Whether region reg (entry + 1) is in the context by a name other than node's: a
 * name does not vouch for itself ("Mercedes" in Texas once makes no Texas for the
 * other "Mercedes"). */
static bool region_named(const ctx *c, uint32_t reg, uint32_t node)
{
    size_t lo = 0, hi = c->nregions;
    while (lo < hi) { /* the first note >= reg */
        size_t mid = (lo + hi) / 2;
        if (c->regions[mid].region < reg)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (!reg || lo == c->nregions || c->regions[lo].region != reg)
        return false;
    if (c->regions[lo].node != node)
        return true;
    size_t k = lo, n = c->nregions - lo; /* the last note of reg: a second search */
    while (n > 1) {
        size_t half = n / 2;
        if (c->regions[k + half].region == reg)
            k += half, n -= half;
        else
            n = half;
    }
    return c->regions[k].node != node;
}

/* Rule 9: the best reading of m in context, + 1; 0 when none is allowed. self is m's
 * own earlier choice (+ 1, 0 none), which the context holds and must not count for m. */
static uint32_t choose(ctx *c, const gz_match *m, const gz_match *prev, const gz_match *next,
                       int *keep, uint32_t self)
{
    const sr_gazetteer *g = c->g;
    size_t n = judged(c, m, prev, next, keep);
    uint32_t best = 0;
    double top = -1e300;
    for (size_t i = 0; i < n; i++) {
        const gz_entry *x = &g->entries[c->r[i].entry];
        uint32_t reg_id = region_of(g, c->r[i].entry);
        uint32_t k = c->count[x->country] - (self && g->entries[self - 1].country == x->country);
        bool reg = region_named(c, reg_id, name_tag(m));
        bool local = reg && g->entries[reg_id - 1].base < LOCAL_REGION_BASE;
        if (keep[i] == V_REJECT || (keep[i] == V_CONTEXT && !k && !reg) ||
            (keep[i] == V_REGION_CONTEXT && !reg) || (keep[i] == V_LOCAL_CONTEXT && !local))
            continue;
        double score = x->base + (k ? (k >= 3 ? 1.5 : 1.0) : 0) + (reg ? 1.0 : 0);
        if (score > top || (score == top && c->r[i].entry + 1 < best)) {
            top = score;
            best = c->r[i].entry + 1;
        }
    }
    return best;
}

/* Whether m's name is one of the names that are no place ("Asia"). */
static bool blocked(const sr_gazetteer *g, const gz_match *m)
{
    return g->nodes[m->node].blocked;
}

static sr_status emit(const sr_gazetteer *g, const sr_doc *d, const gz_match *m, sr_mentions *out)
{
    sr_mention *mm = sr_mention_push(out);
    if (!mm)
        return SR_NOMEM;
    const gz_entry *x = &g->entries[m->choice - 1];
    mm->kind = SR_MENTION_PLACE;
    mm->start = d->tokens[m->first].start;
    mm->end = d->tokens[m->stop - 1].end;
    sr_place *p = &mm->u.place;
    p->id = x->id;
    p->name = x->name;
    p->region = x->kind == SR_PLACE_CITY && x->region ? g->entries[x->region - 1].id : NULL;
    memcpy(p->country, g->countries[x->country].a3, 4);
    p->kind = x->kind;
    p->population = x->population;
    p->lat = x->lat / 1e5;
    p->lon = x->lon / 1e5;
    return SR_OK;
}

sr_status sr_places_resolve(const sr_gazetteer *g, sr_doc *doc, gz_match *m, size_t n,
                            sr_mentions *out)
{
    ctx *c = malloc(sizeof *c);
    int *keep = malloc(SR_GAZ_MAX_CANDIDATES * sizeof *keep);
    uint32_t *count = sr_arena_alloc(doc->arena, (g->ncountries + 1) * sizeof *count);
    sr_status st = SR_NOMEM;
    if (!c || !keep || !count)
        goto done;
    memset(count, 0, (g->ncountries + 1) * sizeof *count);
    *c = (ctx){.g = g, .count = count};
    for (size_t i = 0; i < n; i++)
        if (!blocked(g, &m[i]) && (st = witness(c, doc->arena, &m[i], i ? &m[i - 1] : NULL,
                                                i + 1 < n ? &m[i + 1] : NULL, keep)))
            goto done;
    if (c->nregions)
        qsort(c->regions, c->nregions, sizeof *c->regions, by_note);
    /* a first reading with that context, whose choices are then the context of the
       final one: "Atlanta" (a town until the country is known) makes "Georgia" American */
    for (size_t i = 0; i < n; i++)
        m[i].choice = blocked(g, &m[i]) ? 0
                                        : choose(c, &m[i], i ? &m[i - 1] : NULL,
                                                 i + 1 < n ? &m[i + 1] : NULL, keep, 0);
    memset(count, 0, (g->ncountries + 1) * sizeof *count);
    c->nregions = 0;
    for (size_t i = 0; i < n; i++) {
        if (!m[i].choice)
            continue;
        uint32_t reg = region_of(g, m[i].choice - 1);
        count[g->entries[m[i].choice - 1].country]++;
        if (reg && (st = note_region(c, doc->arena, reg, name_tag(&m[i]))))
            goto done;
    }
    if (c->nregions)
        qsort(c->regions, c->nregions, sizeof *c->regions, by_note);
    for (size_t i = 0; i < n; i++) {
        if (blocked(g, &m[i]))
            continue;
        m[i].choice =
            choose(c, &m[i], i ? &m[i - 1] : NULL, i + 1 < n ? &m[i + 1] : NULL, keep, m[i].choice);
        if (m[i].choice && (st = emit(g, doc, &m[i], out)))
            goto done;
    }
    st = SR_OK;
done:
    free(keep);
    free(c);
    return st;
}
