/* figures_emit.c: reconciled figures as JSONL, one object per figure with its timeline
 * (docs/SCHEMA.md, "figure"). */
#include <math.h>
#include <string.h>

#include "../emit/emit_int.h"
#include "reconcile_int.h"

static void key_cstr(sr_buf *b, const char *key, const char *s, sr_status *st)
{
    json_key_str(b, key, *s ? s : NULL, strlen(s), st);
}

/* A bound: a number, or null for an unbounded side. */
static void key_bound(sr_buf *b, const char *key, double v, sr_status *st)
{
    if (isfinite(v)) {
        json_key_num(b, key, v, st);
    } else if (!*st && !(*st = add_key(b, key))) {
        *st = sr_buf_adds(b, "null");
    }
}

static void labels_json(sr_buf *b, uint32_t labels, sr_status *st)
{
    if (!*st)
        *st = add_key(b, "labels");
    if (!*st)
        *st = sr_buf_addc(b, '[');
    const char *sep = "";
    for (uint32_t bit = 1; bit <= SR_FIG_COPY && !*st; bit <<= 1)
        if (labels & bit) {
            *st = sr_buf_adds(b, sep);
            if (!*st)
                *st = sr_buf_json_str(b, sr_figure_label_name(bit), strlen(sr_figure_label_name(bit)));
            sep = ",";
        }
    if (!*st)
        *st = sr_buf_addc(b, ']');
}

static void entry_json(sr_buf *b, const sr_figure_entry *e, sr_status *st)
{
    const sr_stored_claim *c = e->claim;
    if (!*st)
        *st = sr_buf_adds(b, "{\"claim\":");
    if (!*st)
        *st = sr_buf_num(b, (double)c->id);
    key_cstr(b, "doc", c->doc_key, st);
    json_key_num(b, "doc_id", (double)c->doc, st);
    json_key_num(b, "sentence", c->sentence, st);
    json_key_num(b, "start", c->start, st);
    json_key_num(b, "end", c->end, st);
    key_cstr(b, "as_of", c->as_of, st);
    key_cstr(b, "quantity", c->quantity, st);
    json_key_num(b, "value", c->value, st);
    key_cstr(b, "hedge", sr_hedge_name((sr_hedge)c->hedge), st);
    key_bound(b, "low", e->lo, st);
    key_bound(b, "high", e->hi, st);
    key_cstr(b, "place", c->place_name, st);
    key_cstr(b, "place_id", c->place_id, st);
    key_cstr(b, "source", c->source, st);
    key_cstr(b, "source_kind", sr_source_kind_name((sr_source_kind)c->source_kind), st);
    key_cstr(b, "source_actors", c->source_actors, st);
    key_cstr(b, "source_key", e->source_key ? e->source_key : "", st);
    key_cstr(b, "via", c->via, st);
    key_cstr(b, "outlet", c->outlet, st);
    key_cstr(b, "published", c->published, st);
    key_cstr(b, "url", c->url, st);
    key_cstr(b, "modality", sr_modality_name((sr_modality)c->modality), st);
    labels_json(b, e->labels, st);
    if (e->ref >= 0)
        json_key_num(b, "ref", e->ref, st);
    else if (!*st && !(*st = add_key(b, "ref")))
        *st = sr_buf_adds(b, "null");
    key_cstr(b, "text", c->text, st);
    if (!*st)
        *st = sr_buf_addc(b, '}');
}

static void place_json(sr_buf *b, const sr_figure *f, sr_status *st)
{
    if (!*st)
        *st = add_key(b, "place");
    if (!*st)
        *st = sr_buf_adds(b, "{\"id\":");
    if (!*st)
        *st = *f->place_id ? sr_buf_json_str(b, f->place_id, strlen(f->place_id)) : sr_buf_adds(b, "null");
    key_cstr(b, "name", f->place_name, st);
    key_cstr(b, "country", f->country, st);
    if (!*st)
        *st = sr_buf_addc(b, '}');
}

static void best_json(sr_buf *b, const sr_figure *f, sr_status *st)
{
    if (!*st)
        *st = add_key(b, "best");
    if (!f->has_best) {
        if (!*st)
            *st = sr_buf_adds(b, "null");
        return;
    }
    if (!*st)
        *st = sr_buf_adds(b, "{\"low\":");
    if (!*st)
        *st = sr_buf_num(b, f->best_lo);
    key_bound(b, "high", f->best_hi, st);
    char day[24];
    ymd_text(f->best_as_of, day);
    key_cstr(b, "as_of", day, st);
    if (!*st)
        *st = sr_buf_addc(b, '}');
}

static sr_status figure_json(sr_buf *b, const sr_figure *f)
{
    sr_status st = sr_buf_adds(b, "{\"kind\":\"figure\"");
    key_cstr(b, "key", f->key, &st);
    key_cstr(b, "label", f->label, &st);
    key_cstr(b, "actor", f->actor, &st);
    key_cstr(b, "noun", f->noun, &st);
    key_cstr(b, "qualifier", f->qualifier, &st);
    key_cstr(b, "unit", f->unit, &st);
    place_json(b, f, &st);
    best_json(b, f, &st);
    json_key_num(b, "sources", (double)f->sources, &st);
    json_key_num(b, "documents", (double)f->documents, &st);
    json_key_num(b, "conflicts", (double)f->conflicts, &st);
    labels_json(b, f->labels, &st);
    if (!st)
        st = add_key(b, "timeline");
    if (!st)
        st = sr_buf_addc(b, '[');
    for (size_t i = 0; i < f->n && !st; i++) {
        if (i)
            st = sr_buf_addc(b, ',');
        entry_json(b, &f->entries[i], &st);
    }
    if (!st)
        st = sr_buf_adds(b, "]}\n");
    return st;
}

sr_status sr_figures_emit_jsonl(sr_buf *out, const sr_figures *fs)
{
    for (size_t i = 0; i < fs->n; i++) {
        sr_status st = figure_json(out, &fs->f[i]);
        if (st)
            return st;
    }
    return SR_OK;
}
