/* figures.c: stored claims reconciled into figures (docs/RECONCILE.md).
 *
 *  1. Each claim that says what it counts gets a thing key (thing.c): actor or phrase,
 *     qualifier, unit.
 *  2. Claims of one thing are split by country: a claim about Kursk is about Russia. A
 *     claim with no place joins the thing's most-reported country.
 *  3. Within a country, values more than a factor of ten apart from their neighbours
 *     (12,000 deployed, 1.2 million in the army) are different figures.
 *  4. Each figure's timeline is ordered by as-of date and labelled entry by entry
 *     against earlier entries (labels.c). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "reconcile_int.h"

typedef struct {
    const sr_stored_claim *c;
    const char *key;     /* thing key, interned in the figures' arena */
    const char *country; /* country the claim is filed under */
    uint32_t key_id;     /* the key's and country's numbers in order of first sight */
    uint32_t country_id; /* (0: no country), so sorting compares integers */
    double logv;         /* log10 of its representative value */
} item;

static int by_key_country_value(const void *pa, const void *pb)
{
    const item *a = pa, *b = pb;
    if (a->key_id != b->key_id)
        return a->key_id < b->key_id ? -1 : 1;
    if (a->country_id != b->country_id)
        return a->country_id < b->country_id ? -1 : 1;
    if (a->logv != b->logv)
        return a->logv < b->logv ? -1 : 1;
    return (a->c > b->c) - (a->c < b->c);
}

static double representative(const sr_stored_claim *c)
{
    double v = c->hedge == SR_HEDGE_RANGE && c->low > 0 && c->high > 0 ? sqrt(c->low * c->high)
                                                                       : c->value;
    return v > 0 ? log10(v) : -1;
}

/* Makes the items of every claim that says what it counts, with their keys and
 * countries interned. */
static sr_status make_items(const sr_claimset *cs, sr_arena *a, item **out, size_t *n)
{
    item *it = malloc((cs->n ? cs->n : 1) * sizeof *it);
    sr_intern keys = {0}, countries = {0};
    if (!it)
        return SR_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i < cs->n; i++) {
        const sr_stored_claim *c = &cs->claims[i];
        sr_thing t;
        if (!sr_thing_of(c, &t) || !(c->value > 0) || !isfinite(c->value))
            continue;
        char key[256];
        int len = snprintf(key, sizeof key, "%s|%s|%s|%s|%s", t.actor, t.noun, t.phrase,
                           t.qualifier, t.unit);
        item *x = &it[k++];
        *x = (item){.c = c, .country = c->place_country, .logv = representative(c)};
        x->key = sr_intern_str(&keys, a, key, (size_t)len < sizeof key ? (size_t)len : sizeof key - 1, &x->key_id);
        x->country_id = 0;
        if (x->key && *c->place_country)
            sr_intern_str(&countries, a, c->place_country, strlen(c->place_country), &x->country_id);
        if (!x->key) {
            sr_intern_free(&keys);
            sr_intern_free(&countries);
            free(it);
            return SR_NOMEM;
        }
    }
    sr_intern_free(&keys);
    sr_intern_free(&countries);
    *out = it;
    *n = k;
    return SR_OK;
}

/* Files the placeless claims of each thing under its most-reported country (items are
 * sorted by key and country, placeless first). */
static void file_placeless(item *it, size_t n)
{
    for (size_t a = 0, b; a < n; a = b) {
        for (b = a; b < n && it[b].key_id == it[a].key_id; b++)
            ;
        size_t best = SIZE_MAX, best_n = 0;
        for (size_t i = a, j; i < b; i = j) {
            for (j = i; j < b && it[j].country_id == it[i].country_id; j++)
                ;
            if (it[i].country_id && j - i > best_n)
                best = i, best_n = j - i;
        }
        for (size_t i = a; best != SIZE_MAX && i < b && !it[i].country_id; i++)
            it[i].country = it[best].country, it[i].country_id = it[best].country_id;
    }
}

/* Timeline order: as-of end day, then document, then position. */
static int by_time(const void *pa, const void *pb)
{
    const sr_figure_entry *a = pa, *b = pb;
    if (a->to != b->to)
        return a->to < b->to ? -1 : 1;
    if (a->claim->doc != b->claim->doc)
        return a->claim->doc < b->claim->doc ? -1 : 1;
    return (a->claim->start > b->claim->start) - (a->claim->start < b->claim->start);
}

/* Makes one figure of items [a, b). */
static sr_status make_figure(sr_figures *fs, size_t *cap, const item *it, size_t a, size_t b)
{
    sr_figure *f = sr_arena_push(fs->arena, (void **)&fs->f, &fs->n, cap, sizeof *f, 64);
    if (!f)
        return SR_NOMEM;
    f->entries = sr_arena_alloc(fs->arena, (b - a) * sizeof *f->entries);
    if (!f->entries)
        return SR_NOMEM;
    f->n = b - a;
    for (size_t i = a; i < b; i++) {
        sr_figure_entry *e = &f->entries[i - a];
        *e = (sr_figure_entry){.claim = it[i].c, .ref = -1};
        sr_claim_interval(e->claim, &e->lo, &e->hi);
        sr_claim_window(e->claim, &e->from, &e->to);
        e->timeless = sr_claim_timeless(e->claim);
    }
    qsort(f->entries, f->n, sizeof *f->entries, by_time);
    f->key = it[a].key;
    f->country = it[a].country;
    return sr_figure_describe(fs->arena, f, (int)floor(it[a].logv));
}

/* Splits a (thing, country) run [a, b), sorted by value, where neighbours are more
 * than a decade apart. */
static sr_status split_by_magnitude(sr_figures *fs, size_t *cap, const item *it, size_t a, size_t b)
{
    size_t start = a;
    for (size_t i = a + 1; i <= b; i++)
        if (i == b || it[i].logv - it[i - 1].logv > 1.0) {
            sr_status st = make_figure(fs, cap, it, start, i);
            if (st)
                return st;
            start = i;
        }
    return SR_OK;
}

/* Most-reported first: independent sources, then entries, then key. */
static int by_weight(const void *pa, const void *pb)
{
    const sr_figure *a = pa, *b = pb;
    if (a->sources != b->sources)
        return a->sources > b->sources ? -1 : 1;
    if (a->n != b->n)
        return a->n > b->n ? -1 : 1;
    return strcmp(a->key, b->key);
}

static sr_status group(sr_figures *fs, item *it, size_t n)
{
    qsort(it, n, sizeof *it, by_key_country_value);
    file_placeless(it, n);
    qsort(it, n, sizeof *it, by_key_country_value);
    size_t cap = 0;
    for (size_t a = 0, b; a < n; a = b) {
        for (b = a; b < n && it[b].key_id == it[a].key_id && it[b].country_id == it[a].country_id; b++)
            ;
        sr_status st = split_by_magnitude(fs, &cap, it, a, b);
        if (st)
            return st;
    }
    for (size_t i = 0; i < fs->n; i++) {
        sr_status st = sr_figure_label(fs->arena, &fs->f[i]);
        if (st)
            return st;
    }
    if (fs->n > 1)
        qsort(fs->f, fs->n, sizeof *fs->f, by_weight);
    return SR_OK;
}

sr_status sr_figures_build(const sr_claimset *cs, sr_figures *out)
{
    memset(out, 0, sizeof *out);
    out->arena = sr_arena_new();
    if (!out->arena)
        return SR_NOMEM;
    item *it = NULL;
    size_t n = 0;
    sr_status st = make_items(cs, out->arena, &it, &n);
    if (!st)
        st = group(out, it, n);
    free(it);
    if (st)
        sr_figures_free(out);
    return st;
}

void sr_figures_free(sr_figures *fs)
{
    if (!fs)
        return;
    sr_arena_free(fs->arena);
    memset(fs, 0, sizeof *fs);
}
