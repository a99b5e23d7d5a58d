/* emit_claim.c: writes claims as JSONL records or TSV rows (docs/SCHEMA.md). */
#include "emit_int.h"

const char *sr_source_kind_name(sr_source_kind k)
{
    static const char *const n[] = {"none", "named", "unnamed"};
    return (unsigned)k < sizeof n / sizeof n[0] ? n[k] : "none";
}

const char *sr_modality_name(sr_modality m)
{
    static const char *const n[] = {"reported", "projection", "hypothetical"};
    return (unsigned)m < sizeof n / sizeof n[0] ? n[m] : "reported";
}

const char sr_claim_tsv_header[] =
    "doc\tsentence\tstart\tend\tquantity\tvalue\tlow\thigh\thedge\tunit\tcounted"
    "\tcounted_actor\tplace\tplace_country\tplace_id\tdate\tsource\tsource_kind"
    "\tsource_actors\tvia\tmodality\tpublished\toutlet\ttext\n";

static void json_raw(sr_buf *b, const char *s, sr_status *st)
{
    if (!*st)
        *st = sr_buf_adds(b, s);
}

/* ,"key":{"text":..,"actor":..,"kind":..} or null for a source. */
static void source_json(sr_buf *b, const char *key, const sr_doc *d, const sr_source *s,
                        sr_status *st)
{
    if (!*st)
        *st = add_key(b, key);
    if (s->kind == SR_SOURCE_NONE) {
        json_raw(b, "null", st);
        return;
    }
    json_raw(b, "{\"text\":", st);
    if (!*st)
        *st = sr_buf_json_str(b, d->clean + s->start, s->end - s->start);
    json_key_str(b, "actor", s->nactors ? s->actors[0] : NULL,
                 s->nactors ? strlen(s->actors[0]) : 0, st);
    if (s->nactors > 1) {
        json_raw(b, ",\"actors\":[", st);
        for (unsigned i = 0; i < s->nactors && !*st; i++) {
            if (i)
                json_raw(b, ",", st);
            if (!*st)
                *st = sr_buf_json_str(b, s->actors[i], strlen(s->actors[i]));
        }
        json_raw(b, "]", st);
    }
    const char *k = sr_source_kind_name(s->kind);
    json_key_str(b, "kind", k, strlen(k), st);
    json_key_span(b, "pronoun", d, s->pronoun_start, s->pronoun_end, st);
    json_raw(b, "}", st);
}

static void place_json(sr_buf *b, const sr_doc *d, const sr_claim *c, sr_status *st)
{
    if (!*st)
        *st = add_key(b, "place");
    if (c->place < 0) {
        json_raw(b, "null", st);
        return;
    }
    const sr_mention *m = &d->mentions[c->place];
    json_raw(b, "{\"text\":", st);
    if (!*st)
        *st = sr_buf_json_str(b, d->clean + m->start, m->end - m->start);
    const sr_place *p = &m->u.place;
    json_key_str(b, "country", p->country, strlen(p->country), st);
    json_key_str(b, "id", p->id, p->id ? strlen(p->id) : 0, st);
    json_key_str(b, "region", p->region, p->region ? strlen(p->region) : 0, st);
    json_raw(b, "}", st);
}

static sr_status claim_json(sr_buf *b, const sr_doc *d, const sr_claim *c)
{
    const sr_mention *m = &d->mentions[c->mention];
    sr_status st = sr_buf_adds(b, "{\"kind\":\"claim\"");
    json_key_str(b, "doc", d->id.p, d->id.n, &st);
    json_key_num(b, "sentence", c->sentence, &st);
    json_key_num(b, "start", m->start, &st);
    json_key_num(b, "end", m->end, &st);
    json_key_str(b, "quantity", d->clean + m->start, m->end - m->start, &st);
    bool isq = m->kind == SR_MENTION_QUANTITY;
    const sr_quantity *q = &m->u.quantity;
    json_key_num(b, "value", isq ? q->value : m->u.number, &st);
    json_key_num(b, "low", isq ? q->low : m->u.number, &st);
    json_key_num(b, "high", isq ? q->high : m->u.number, &st);
    const char *h = sr_hedge_name(isq ? q->hedge : SR_HEDGE_EXACT);
    json_key_str(b, "hedge", h, strlen(h), &st);
    json_key_str(b, "unit", isq && q->unit.n ? q->unit.p : NULL, isq ? q->unit.n : 0, &st);
    json_key_str(b, "currency", isq && q->currency[0] ? q->currency : NULL,
                 isq ? strlen(q->currency) : 0, &st);
    if (!st)
        st = add_key(b, "counted");
    json_raw(b, "{\"text\":", &st);
    if (c->counted_end > c->counted_start && !st)
        st = sr_buf_json_str(b, d->clean + c->counted_start, c->counted_end - c->counted_start);
    else
        json_raw(b, "null", &st);
    json_key_str(b, "actor", c->counted_actor, c->counted_actor ? strlen(c->counted_actor) : 0,
                 &st);
    json_key_bool(b, "inferred", c->counted_inferred, &st);
    json_raw(b, "}", &st);
    place_json(b, d, c, &st);
    json_key_str(b, "date", c->as_of[0] ? c->as_of : NULL, strlen(c->as_of), &st);
    source_json(b, "source", d, &c->source, &st);
    source_json(b, "via", d, &c->via, &st);
    const char *mo = sr_modality_name(c->modality);
    json_key_str(b, "modality", mo, strlen(mo), &st);
    char day[24];
    ymd_text(d->published, day);
    json_key_str(b, "published", day[0] ? day : NULL, strlen(day), &st);
    json_key_str(b, "outlet", d->outlet.n ? d->outlet.p : NULL, d->outlet.n, &st);
    uint32_t from, to;
    sr_claim_context(d, c, &from, &to);
    json_key_num(b, "text_start", from, &st);
    json_key_str(b, "text", d->clean + from, to - from, &st);
    json_raw(b, "}\n", &st);
    return st;
}

static void span_cell(sr_buf *b, const sr_doc *d, uint32_t s, uint32_t e, sr_status *st)
{
    tsv_cell(b, e > s ? d->clean + s : NULL, e > s ? e - s : 0, false, st);
}

static void str_cell(sr_buf *b, const char *s, sr_status *st)
{
    tsv_cell(b, s, s ? strlen(s) : 0, false, st);
}

static sr_status claim_tsv(sr_buf *b, const sr_doc *d, const sr_claim *c)
{
    const sr_mention *m = &d->mentions[c->mention];
    bool isq = m->kind == SR_MENTION_QUANTITY;
    const sr_quantity *q = &m->u.quantity;
    sr_status st = SR_OK;
    tsv_cell(b, d->id.p, d->id.n, false, &st);
    if (!st)
        st = sr_buf_printf(b, "%u\t%u\t%u\t", c->sentence, m->start, m->end);
    span_cell(b, d, m->start, m->end, &st);
    tsv_num(b, isq ? q->value : m->u.number, &st);
    tsv_num(b, isq ? q->low : m->u.number, &st);
    tsv_num(b, isq ? q->high : m->u.number, &st);
    str_cell(b, sr_hedge_name(isq ? q->hedge : SR_HEDGE_EXACT), &st);
    tsv_cell(b, isq ? q->unit.p : NULL, isq ? q->unit.n : 0, false, &st);
    span_cell(b, d, c->counted_start, c->counted_end, &st);
    str_cell(b, c->counted_actor, &st);
    const sr_mention *p = c->place >= 0 ? &d->mentions[c->place] : NULL;
    if (p)
        span_cell(b, d, p->start, p->end, &st);
    else
        str_cell(b, NULL, &st);
    str_cell(b, p ? p->u.place.country : NULL, &st);
    str_cell(b, p ? p->u.place.id : NULL, &st);
    str_cell(b, c->as_of, &st);
    span_cell(b, d, c->source.start, c->source.end, &st);
    str_cell(b, sr_source_kind_name(c->source.kind), &st);
    sr_buf codes = {0};
    for (unsigned i = 0; i < c->source.nactors && !st; i++)
        if ((i && sr_buf_addc(&codes, ',')) || sr_buf_adds(&codes, c->source.actors[i]))
            st = SR_NOMEM;
    tsv_cell(b, codes.p, codes.n, false, &st);
    sr_buf_free(&codes);
    span_cell(b, d, c->via.start, c->via.end, &st);
    str_cell(b, sr_modality_name(c->modality), &st);
    char day[24];
    ymd_text(d->published, day);
    str_cell(b, day, &st);
    tsv_cell(b, d->outlet.p, d->outlet.n, false, &st);
    uint32_t from, to;
    sr_claim_context(d, c, &from, &to);
    tsv_cell(b, d->clean + from, to - from, true, &st);
    return st;
}

sr_status sr_emit_claims(sr_buf *b, const sr_doc *d, sr_format fmt)
{
    sr_status st = SR_OK;
    for (size_t i = 0; i < d->nclaims && !st; i++)
        st = fmt == SR_FORMAT_TSV ? claim_tsv(b, d, &d->claims[i]) : claim_json(b, d, &d->claims[i]);
    return st;
}
