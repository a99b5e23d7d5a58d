/* emit.c: writes documents and mentions as JSONL records or TSV rows (claims and events:
 * emit_claim.c, emit_event.c).
 * Field names and meanings are documented in docs/SCHEMA.md. Text is always taken from
 * the clean copy, so output is valid UTF-8 whatever the input held. */
#include <stdio.h>

#include "emit_int.h"

const char *sr_hedge_name(sr_hedge h)
{
    static const char *const n[] = {"exact", "about", "at_least", "more_than",
                                    "at_most", "less_than", "range"};
    return (unsigned)h < sizeof n / sizeof n[0] ? n[h] : "exact";
}

const char *sr_grain_name(sr_grain g)
{
    static const char *const n[] = {"day", "week", "month", "season", "quarter", "year", "decade"};
    return (unsigned)g < sizeof n / sizeof n[0] ? n[g] : "day";
}

const char *sr_mention_kind_name(sr_mention_kind k)
{
    static const char *const n[] = {"number", "quantity", "date", "actor", "place"};
    return (unsigned)k < sizeof n / sizeof n[0] ? n[k] : "number";
}

const char *sr_period_name(sr_period p)
{
    static const char *const n[] = {"", "hour", "day", "week", "month", "year"};
    return (unsigned)p < sizeof n / sizeof n[0] ? n[p] : "";
}

const char *sr_unit_kind_name(sr_unit_kind k)
{
    static const char *const n[] = {"count", "percent", "money", "measure"};
    return (unsigned)k < sizeof n / sizeof n[0] ? n[k] : "count";
}

static sr_status emit_doc_json(sr_buf *b, const sr_doc *d)
{
    sr_status st = sr_buf_adds(b, "{\"kind\":\"doc\"");
    json_key_str(b, "id", d->id.p, d->id.n, &st);
    json_key_str(b, "url", d->url.n ? d->url.p : NULL, d->url.n, &st);
    json_key_str(b, "outlet", d->outlet.n ? d->outlet.p : NULL, d->outlet.n, &st);
    json_key_str(b, "title", d->title.n ? d->title.p : NULL, d->title.n, &st);
    json_key_str(b, "author", d->author.n ? d->author.p : NULL, d->author.n, &st);
    json_key_str(b, "lang", d->lang.n ? d->lang.p : NULL, d->lang.n, &st);
    char day[24];
    ymd_text(d->published, day);
    json_key_str(b, "published", day[0] ? day : NULL, strlen(day), &st);
    json_key_num(b, "sentences", (double)d->nsentences, &st);
    json_key_num(b, "invalid_bytes", (double)d->invalid_bytes, &st);
    json_key_str(b, "text", d->clean, d->len, &st);
    if (!st && d->extra_json.n)
        st = sr_buf_add(b, d->extra_json.p, d->extra_json.n);
    if (!st)
        st = sr_buf_adds(b, "}\n");
    return st;
}

static void emit_quantity_json(sr_buf *b, const sr_doc *d, const sr_quantity *q, sr_status *st)
{
    json_key_num(b, "value", q->value, st);
    json_key_num(b, "low", q->low, st);
    json_key_num(b, "high", q->high, st);
    json_key_str(b, "hedge", sr_hedge_name(q->hedge), strlen(sr_hedge_name(q->hedge)), st);
    const char *uk = sr_unit_kind_name(q->unit_kind);
    json_key_str(b, "unit_kind", uk, strlen(uk), st);
    json_key_str(b, "unit", q->unit.n ? q->unit.p : NULL, q->unit.n, st);
    json_key_str(b, "currency", q->currency[0] ? q->currency : NULL, strlen(q->currency), st);
    const char *per = sr_period_name(q->per);
    json_key_str(b, "per", per[0] ? per : NULL, strlen(per), st);
    json_key_bool(b, "vague", q->vague, st);
    json_key_num(b, "magnitude", q->magnitude, st);
    json_key_span(b, "counted", d, q->counted_start, q->counted_end, st);
    json_key_span(b, "head", d, q->head_start, q->head_end, st);
}

static void emit_date_json(sr_buf *b, const sr_date *t, sr_status *st)
{
    json_key_str(b, "value", t->value[0] ? t->value : NULL, strlen(t->value), st);
    const char *g = sr_grain_name(t->grain);
    json_key_str(b, "grain", g, strlen(g), st);
    char from[24], to[24];
    ymd_text(t->begin, from);
    ymd_text(t->end, to);
    json_key_str(b, "from", from[0] ? from : NULL, strlen(from), st);
    json_key_str(b, "to", to[0] ? to : NULL, strlen(to), st);
    json_key_bool(b, "resolved", t->resolved, st);
    json_key_bool(b, "relative", t->relative, st);
    json_key_bool(b, "approx", t->approx, st);
}

const char *sr_place_kind_name(sr_place_kind k)
{
    static const char *const n[] = {"country", "region", "city"};
    return (unsigned)k < sizeof n / sizeof n[0] ? n[k] : "city";
}

static void emit_actor_json(sr_buf *b, const sr_actor *a, sr_status *st)
{
    json_key_str(b, "code", a->code, a->code ? strlen(a->code) : 0, st);
    json_key_str(b, "entry", a->name, a->name ? strlen(a->name) : 0, st);
    static const char *const flag[] = {"person", "role", "metonym", "compound"};
    if (!*st)
        *st = add_key(b, "flags");
    if (!*st)
        *st = sr_buf_addc(b, '[');
    const char *sep = "";
    for (unsigned i = 0; i < sizeof flag / sizeof flag[0] && !*st; i++)
        if (a->flags & (1u << i)) {
            if (!(*st = sr_buf_adds(b, sep)))
                *st = sr_buf_printf(b, "\"%s\"", flag[i]);
            sep = ",";
        }
    if (!*st)
        *st = sr_buf_addc(b, ']');
}

static void emit_place_json(sr_buf *b, const sr_place *p, sr_status *st)
{
    json_key_str(b, "id", p->id, p->id ? strlen(p->id) : 0, st);
    json_key_str(b, "name", p->name, p->name ? strlen(p->name) : 0, st);
    json_key_str(b, "country", p->country[0] ? p->country : NULL, strlen(p->country), st);
    json_key_str(b, "region", p->region, p->region ? strlen(p->region) : 0, st);
    const char *k = sr_place_kind_name(p->kind);
    json_key_str(b, "place_kind", k, strlen(k), st);
    json_key_num(b, "lat", p->lat, st);
    json_key_num(b, "lon", p->lon, st);
    json_key_num(b, "population", p->population, st);
}

static sr_status emit_mention_json(sr_buf *b, const sr_doc *d, const sr_mention *m)
{
    const char *kind = sr_mention_kind_name(m->kind);
    sr_status st = sr_buf_add(b, "{\"kind\":\"", 9);
    if (!st)
        st = sr_buf_adds(b, kind);
    if (!st)
        st = sr_buf_add(b, "\"", 1);
    json_key_str(b, "doc", d->id.p, d->id.n, &st);
    json_key_num(b, "sentence", m->sentence, &st);
    json_key_num(b, "start", m->start, &st);
    json_key_num(b, "end", m->end, &st);
    json_key_str(b, "text", d->clean + m->start, m->end - m->start, &st);
    if (m->kind == SR_MENTION_NUMBER)
        json_key_num(b, "value", m->u.number, &st);
    else if (m->kind == SR_MENTION_QUANTITY)
        emit_quantity_json(b, d, &m->u.quantity, &st);
    else if (m->kind == SR_MENTION_DATE)
        emit_date_json(b, &m->u.date, &st);
    else if (m->kind == SR_MENTION_ACTOR)
        emit_actor_json(b, &m->u.actor, &st);
    else
        emit_place_json(b, &m->u.place, &st);
    if (!st)
        st = sr_buf_adds(b, "}\n");
    return st;
}

static sr_status emit_sentence(sr_buf *b, const sr_doc *d, size_t i, sr_format fmt)
{
    const sr_sentence *s = &d->sentences[i];
    sr_status st = SR_OK;
    if (fmt == SR_FORMAT_TSV) {
        tsv_cell(b, d->id.p, d->id.n, false, &st);
        if (!st)
            st = sr_buf_printf(b, "%zu\t%u\t%u\t%s\t", i, s->start, s->end,
                               s->furniture ? "true" : "false");
        tsv_cell(b, d->clean + s->start, s->end - s->start, true, &st);
        return st;
    }
    st = sr_buf_adds(b, "{\"kind\":\"sentence\"");
    json_key_str(b, "doc", d->id.p, d->id.n, &st);
    json_key_num(b, "sentence", (double)i, &st);
    json_key_num(b, "start", s->start, &st);
    json_key_num(b, "end", s->end, &st);
    json_key_bool(b, "furniture", s->furniture, &st);
    json_key_str(b, "text", d->clean + s->start, s->end - s->start, &st);
    if (!st)
        st = sr_buf_adds(b, "}\n");
    return st;
}

/* ---- TSV ------------------------------------------------------------------------- */

static const char doc_header[] = "id\turl\toutlet\tpublished\ttitle\ttext\n";
static const char sentence_header[] = "doc\tsentence\tstart\tend\tfurniture\ttext\n";
static const char mention_header[] =
    "doc\tsentence\tstart\tend\tkind\ttext\tvalue\tlow\thigh\thedge\tunit_kind\tunit\tcurrency"
    "\tper\tvague\tcounted\thead\tgrain\tfrom\tto\tresolved\tcode\tplace_id\tcountry\tlat\tlon\n";

sr_status sr_emit_tsv_header(sr_buf *out, int what)
{
    return sr_buf_adds(out, what == SR_ONLY_DOCS        ? doc_header
                            : what == SR_ONLY_SENTENCES ? sentence_header
                            : what == SR_ONLY_CLAIMS    ? sr_claim_tsv_header
                            : what == SR_ONLY_EVENTS    ? sr_event_tsv_header
                                                        : mention_header);
}

static sr_status emit_doc_tsv(sr_buf *b, const sr_doc *d)
{
    sr_status st = SR_OK;
    char day[24];
    ymd_text(d->published, day);
    tsv_cell(b, d->id.p, d->id.n, false, &st);
    tsv_cell(b, d->url.p, d->url.n, false, &st);
    tsv_cell(b, d->outlet.p, d->outlet.n, false, &st);
    tsv_cell(b, day, strlen(day), false, &st);
    tsv_cell(b, d->title.p, d->title.n, false, &st);
    tsv_cell(b, d->clean, d->len, true, &st);
    return st;
}

/* The last five cells of a mention row: code, place_id, country, lat, lon. */
#define NO_CODE_CELLS "\t\t\t\t\t\n"

static void coded_cells(sr_buf *b, const sr_mention *m, sr_status *st)
{
    if (m->kind == SR_MENTION_ACTOR) {
        const char *code = m->u.actor.code ? m->u.actor.code : "";
        tsv_cell(b, code, strlen(code), false, st);
        if (!*st)
            *st = sr_buf_adds(b, "\t\t\t\n");
        return;
    }
    const sr_place *p = &m->u.place;
    tsv_cell(b, NULL, 0, false, st);
    tsv_cell(b, p->id, p->id ? strlen(p->id) : 0, false, st);
    tsv_cell(b, p->country, strlen(p->country), false, st);
    tsv_num(b, p->lat, st);
    if (!*st)
        *st = sr_buf_num(b, p->lon);
    if (!*st)
        *st = sr_buf_addc(b, '\n');
}

static sr_status emit_mention_tsv(sr_buf *b, const sr_doc *d, const sr_mention *m)
{
    sr_status st = SR_OK;
    tsv_cell(b, d->id.p, d->id.n, false, &st);
    if (!st)
        st = sr_buf_printf(b, "%u\t%u\t%u\t%s\t", m->sentence, m->start, m->end,
                           sr_mention_kind_name(m->kind));
    tsv_cell(b, d->clean + m->start, m->end - m->start, false, &st);
    if (m->kind == SR_MENTION_NUMBER) {
        tsv_num(b, m->u.number, &st);
        if (!st)
            st = sr_buf_adds(b, "\t\t\t\t\t\t\t\t\t\t\t\t\t" NO_CODE_CELLS);
        return st;
    }
    if (m->kind == SR_MENTION_QUANTITY) {
        const sr_quantity *q = &m->u.quantity;
        tsv_num(b, q->value, &st);
        tsv_num(b, q->low, &st);
        tsv_num(b, q->high, &st);
        tsv_cell(b, sr_hedge_name(q->hedge), strlen(sr_hedge_name(q->hedge)), false, &st);
        tsv_cell(b, sr_unit_kind_name(q->unit_kind), strlen(sr_unit_kind_name(q->unit_kind)),
                 false, &st);
        tsv_cell(b, q->unit.p, q->unit.n, false, &st);
        tsv_cell(b, q->currency, strlen(q->currency), false, &st);
        tsv_cell(b, sr_period_name(q->per), strlen(sr_period_name(q->per)), false, &st);
        tsv_cell(b, q->vague ? "true" : "false", q->vague ? 4 : 5, false, &st);
        tsv_cell(b, d->clean + q->counted_start, q->counted_end - q->counted_start, false, &st);
        tsv_cell(b, d->clean + q->head_start, q->head_end - q->head_start, false, &st);
        if (!st)
            st = sr_buf_adds(b, "\t\t\t" NO_CODE_CELLS);
        return st;
    }
    if (m->kind == SR_MENTION_ACTOR || m->kind == SR_MENTION_PLACE) {
        if (!st) /* value .. resolved do not apply */
            st = sr_buf_adds(b, "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t");
        coded_cells(b, m, &st);
        return st;
    }
    const sr_date *t = &m->u.date;
    char from[24], to[24];
    ymd_text(t->begin, from);
    ymd_text(t->end, to);
    tsv_cell(b, t->value, strlen(t->value), false, &st);
    if (!st)
        st = sr_buf_adds(b, "\t\t\t\t\t\t\t\t\t\t");
    tsv_cell(b, sr_grain_name(t->grain), strlen(sr_grain_name(t->grain)), false, &st);
    tsv_cell(b, from, strlen(from), false, &st);
    tsv_cell(b, to, strlen(to), false, &st);
    tsv_cell(b, t->resolved ? "true" : "false", t->resolved ? 4 : 5, false, &st);
    if (!st)
        st = sr_buf_adds(b, &NO_CODE_CELLS[1]);
    return st;
}

sr_status sr_emit_doc(sr_buf *out, const sr_doc *d, sr_format fmt, int what)
{
    sr_status st = SR_OK;
    if (fmt == SR_FORMAT_GDELT) /* GDELT rows are events; no other record has that form */
        return what & SR_ONLY_EVENTS ? sr_emit_events(out, d, fmt) : SR_OK;
    if (what & SR_ONLY_DOCS)
        st = fmt == SR_FORMAT_TSV ? emit_doc_tsv(out, d) : emit_doc_json(out, d);
    if (what & SR_ONLY_SENTENCES)
        for (size_t i = 0; !st && i < d->nsentences; i++)
            st = emit_sentence(out, d, i, fmt);
    if (what & SR_ONLY_MENTIONS)
        for (size_t i = 0; !st && i < d->nmentions; i++)
            st = fmt == SR_FORMAT_TSV ? emit_mention_tsv(out, d, &d->mentions[i])
                                      : emit_mention_json(out, d, &d->mentions[i]);
    if ((what & SR_ONLY_CLAIMS) && !st)
        st = sr_emit_claims(out, d, fmt);
    if ((what & SR_ONLY_EVENTS) && !st)
        st = sr_emit_events(out, d, fmt);
    return st;
}
