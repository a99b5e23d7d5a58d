/* labels.c: a figure's description and its timeline's labels.
 *
 * Each reported entry is compared with the earlier entries of its figure, most recent
 * first (at most SR_LABEL_LOOKBACK of them, so a figure of a million entries costs a
 * million comparisons, not a trillion):
 *   - conflict:  an entry at an overlapping time whose values cannot both hold (for a
 *                place inside another, the part cannot exceed the whole);
 *   - agreement: an entry at an overlapping time whose values can both hold;
 *   - update:    the estimate it follows (exact, about or a range: the same source's
 *                latest earlier one, else any source's) gave different values.
 * An entry may be both an update and in agreement; ref then names the one updated.
 * Projections and hypotheticals are labelled as such and compared with nothing. An
 * entry from a near-duplicate of an earlier document is a copy: it is shown but is no
 * new source. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "reconcile_int.h"

enum { SR_LABEL_LOOKBACK = 64, CURRENT_DAYS = 7 };

static bool overlap(double a0, double a1, double b0, double b1)
{
    return a0 <= b1 && b0 <= a1;
}

static bool reported(const sr_figure_entry *e)
{
    return e->claim->modality == SR_MODALITY_REPORTED && !(e->labels & SR_FIG_COPY) && !e->timeless;
}

/* Whether the values of a and b can both hold, given where each is. */
static bool compatible(const sr_figure_entry *a, const sr_figure_entry *b, int rel)
{
    if (rel == SR_PLACE_INSIDE)
        return a->lo <= b->hi;
    if (rel == SR_PLACE_CONTAINS)
        return b->lo <= a->hi;
    return overlap(a->lo, a->hi, b->lo, b->hi);
}

/* The earlier entry of the same cluster this one copies, or -1. */
static int32_t copied_from(const sr_figure *f, size_t i)
{
    const sr_stored_claim *c = f->entries[i].claim;
    for (size_t j = i; j-- > 0 && i - j <= SR_LABEL_LOOKBACK;) {
        const sr_stored_claim *o = f->entries[j].claim;
        if (o->cluster == c->cluster && o->doc != c->doc && o->value == c->value)
            return (int32_t)j;
    }
    return -1;
}

/* A point-like estimate (exact, about, a range), not a bound or "thousands of": what an
 * update replaces. */
static bool estimate(const sr_figure_entry *e)
{
    uint8_t h = e->claim->hedge;
    return !e->claim->vague && (h == SR_HEDGE_EXACT || h == SR_HEDGE_ABOUT || h == SR_HEDGE_RANGE);
}

/* The estimate an entry updates: the latest earlier estimate of the same source at an
 * earlier time, else of any source; of several on that day the first. -1 when none. */
static int32_t updated(const sr_figure *f, size_t i)
{
    const sr_figure_entry *e = &f->entries[i];
    int32_t any = -1, same = -1;
    for (size_t j = i; j-- > 0 && i - j <= SR_LABEL_LOOKBACK;) {
        const sr_figure_entry *o = &f->entries[j];
        if (!reported(o) || !estimate(o) || o->to >= e->from ||
            sr_place_relation(e->claim, o->claim) == SR_PLACE_APART)
            continue;
        if (any < 0 || f->entries[any].to == o->to)
            any = (int32_t)j;
        if (o->source_key && e->source_key && !strcmp(o->source_key, e->source_key) &&
            (same < 0 || f->entries[same].to == o->to))
            same = (int32_t)j;
    }
    return same >= 0 ? same : any;
}

static void label_entry(sr_figure *f, size_t i)
{
    sr_figure_entry *e = &f->entries[i];
    if (e->claim->modality == SR_MODALITY_PROJECTION) {
        e->labels |= SR_FIG_PROJECTION;
        return;
    }
    if (e->claim->modality == SR_MODALITY_HYPOTHETICAL) {
        e->labels |= SR_FIG_HYPOTHETICAL;
        return;
    }
    if (e->claim->cluster != e->claim->doc) {
        e->labels |= SR_FIG_COPY;
        e->ref = copied_from(f, i);
        return;
    }
    if (e->timeless)
        return;
    int32_t agree = -1;
    for (size_t j = i; j-- > 0 && i - j <= SR_LABEL_LOOKBACK;) {
        const sr_figure_entry *o = &f->entries[j];
        int rel = sr_place_relation(e->claim, o->claim);
        if (!reported(o) || rel == SR_PLACE_APART || !(e->from <= o->to && o->from <= e->to))
            continue;
        if (!compatible(e, o, rel)) {
            e->labels |= SR_FIG_CONFLICT;
            e->ref = (int32_t)j;
            return;
        }
        if (agree < 0)
            agree = (int32_t)j;
    }
    int32_t up = e->claim->vague ? -1 : updated(f, i);
    if (up >= 0 && !overlap(e->lo, e->hi, f->entries[up].lo, f->entries[up].hi)) {
        e->labels |= SR_FIG_UPDATE;
        e->ref = up;
    }
    if (agree >= 0) {
        e->labels |= SR_FIG_AGREEMENT;
        if (e->ref < 0)
            e->ref = agree;
    }
}

/* Whether an entry speaks of the figure's whole place (or of no place in particular)
 * rather than of a place inside it. */
static bool whole(const sr_figure *f, const sr_stored_claim *c)
{
    return !*c->place_id || !strcmp(c->place_id, f->place_id) ||
           (c->place_kind == SR_PLACE_COUNTRY && !strcmp(c->place_country, f->country));
}

/* The current best range: the values the latest reported entries (within CURRENT_DAYS
 * of the last; only those with a named source when there are any) all allow, a part's value bounding the whole from below; when they
 * contradict each other, the span of their values. Undated entries count only when no
 * entry is dated (best_as_of is then year 0). */
static void best_range(sr_figure *f)
{
    int32_t last = INT32_MIN;
    bool any = false, dated = false, named = false;
    for (size_t i = 0; i < f->n; i++)
        named |= reported(&f->entries[i]) && f->entries[i].claim->source_kind == SR_SOURCE_NAMED;
    for (size_t i = 0; i < f->n; i++) {
        const sr_figure_entry *e = &f->entries[i];
        if (!reported(e) || (named && e->claim->source_kind != SR_SOURCE_NAMED))
            continue;
        any = true;
        if (e->claim->as_of_begin.year && e->to > last)
            last = e->to, dated = true;
    }
    if (!any)
        return;
    double lo = 0, hi = INFINITY, span_lo = INFINITY, span_hi = 0;
    for (size_t i = 0; i < f->n; i++) {
        const sr_figure_entry *e = &f->entries[i];
        if (!reported(e) || (named && e->claim->source_kind != SR_SOURCE_NAMED) ||
            (dated && (!e->claim->as_of_begin.year || e->to < last - CURRENT_DAYS)))
            continue;
        double a, b;
        sr_claim_bounds(e->claim, &a, &b);
        lo = fmax(lo, a);
        if (whole(f, e->claim))
            hi = fmin(hi, b);
        span_lo = fmin(span_lo, a);
        span_hi = fmax(span_hi, b);
    }
    f->has_best = 1;
    f->best_lo = lo <= hi ? lo : span_lo;
    f->best_hi = lo <= hi ? hi : span_hi;
    f->best_as_of = dated ? sr_days_to_ymd(last) : (sr_ymd){0, 0, 0};
}

static int by_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int by_int64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* Each entry's source key, in the figures' arena. */
static sr_status source_keys(sr_arena *a, sr_figure *f)
{
    for (size_t i = 0; i < f->n; i++) {
        char key[160];
        sr_claim_source_key(f->entries[i].claim, key, sizeof key);
        if (!(f->entries[i].source_key = sr_arena_strndup(a, key, strlen(key))))
            return SR_NOMEM;
    }
    return SR_OK;
}

/* Independent sources (copies and hypotheticals aside) and distinct documents. */
static sr_status count_sources(sr_figure *f)
{
    const char **keys = malloc((f->n + 1) * sizeof *keys);
    int64_t *docs = malloc((f->n + 1) * sizeof *docs);
    if (!keys || !docs) {
        free(keys);
        free(docs);
        return SR_NOMEM;
    }
    size_t nk = 0;
    for (size_t i = 0; i < f->n; i++) {
        const sr_figure_entry *e = &f->entries[i];
        if (!(e->labels & (SR_FIG_COPY | SR_FIG_HYPOTHETICAL)))
            keys[nk++] = e->source_key;
        docs[i] = e->claim->doc;
    }
    qsort(keys, nk, sizeof *keys, by_str);
    qsort(docs, f->n, sizeof *docs, by_int64);
    for (size_t i = 0; i < nk; i++)
        f->sources += i == 0 || strcmp(keys[i], keys[i - 1]);
    for (size_t i = 0; i < f->n; i++)
        f->documents += i == 0 || docs[i] != docs[i - 1];
    free(keys);
    free(docs);
    return SR_OK;
}

sr_status sr_figure_label(sr_arena *a, sr_figure *f)
{
    sr_status st = source_keys(a, f);
    if (st)
        return st;
    for (size_t i = 0; i < f->n; i++) {
        label_entry(f, i);
        f->labels |= f->entries[i].labels;
        f->conflicts += (f->entries[i].labels & SR_FIG_CONFLICT) != 0;
    }
    best_range(f);
    return count_sources(f);
}
