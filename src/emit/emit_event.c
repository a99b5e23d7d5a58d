/* emit_event.c: writes coded events (sr_doc.events) as JSONL records, TSV rows, or GDELT
 * 2.0 event-export rows (docs/SCHEMA.md, "event" and "GDELT columns").
 *
 * An event's context is its sentence: the place and date mentions the sentence holds.
 * Mentions are in text order, so their sentence indexes never decrease and the first
 * mention of a sentence is found by binary search; writing a document's events costs
 * its events times the mentions of their own sentences, never the whole document. */
#include <stdio.h>
#include <stdlib.h>

#include "../code/plover.h"
#include "emit_int.h"

/* ---- the event's code and sentence ------------------------------------------------ */

/* A CAMEO code's hierarchy: root (2 digits), base (3 digits, or the root for a 2-digit
 * code), quad class (1-4, 0 unknown); all empty for a code that is not 2-4 digits. */
typedef struct {
    char root[3], base[4];
    int quad;
} code_parts;

static void split_code(const char *code, code_parts *cp)
{
    memset(cp, 0, sizeof *cp);
    if (!sr_cameo_code_valid(code))
        return;
    memcpy(cp->root, code, 2);
    memcpy(cp->base, code, code[2] ? 3 : 2);
    cp->quad = sr_cameo_quad_class(code);
}

/* Index of the first mention in sentence s or after it (d->nmentions when none). */
static size_t first_mention_of(const sr_doc *d, uint32_t s)
{
    size_t lo = 0, hi = d->nmentions;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->mentions[mid].sentence < s)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The first place mention of sentence s with a gazetteer entry, or NULL. */
static const sr_mention *first_place(const sr_doc *d, uint32_t s)
{
    for (size_t i = first_mention_of(d, s); i < d->nmentions && d->mentions[i].sentence == s; i++)
        if (d->mentions[i].kind == SR_MENTION_PLACE && d->mentions[i].u.place.id)
            return &d->mentions[i];
    return NULL;
}

/* The first resolved date mention of sentence s, or NULL. */
static const sr_mention *first_date(const sr_doc *d, uint32_t s)
{
    for (size_t i = first_mention_of(d, s); i < d->nmentions && d->mentions[i].sentence == s; i++)
        if (d->mentions[i].kind == SR_MENTION_DATE && d->mentions[i].u.date.value[0])
            return &d->mentions[i];
    return NULL;
}

static size_t len0(const char *s)
{
    return s ? strlen(s) : 0;
}

/* ---- JSONL ----------------------------------------------------------------------- */

/* ,"key":"s", or null when s is NULL or empty. */
static void json_key_code(sr_buf *b, const char *key, const char *s, sr_status *st)
{
    json_key_str(b, key, s && *s ? s : NULL, len0(s), st);
}

/* ,"key":[start,end], or null for an empty span (a default actor). */
static void json_key_pair(sr_buf *b, const char *key, uint32_t s, uint32_t e, sr_status *st)
{
    if (!*st)
        *st = add_key(b, key);
    if (!*st)
        *st = e > s ? sr_buf_printf(b, "[%u,%u]", s, e) : sr_buf_add(b, "null", 4);
}

/* ,"places":[{...},...]: the gazetteer entries the sentence names, in text order. */
static void json_places(sr_buf *b, const sr_doc *d, uint32_t s, sr_status *st)
{
    if (!*st)
        *st = sr_buf_adds(b, ",\"places\":[");
    const char *sep = "{";
    for (size_t i = first_mention_of(d, s); i < d->nmentions && d->mentions[i].sentence == s; i++) {
        const sr_mention *m = &d->mentions[i];
        if (m->kind != SR_MENTION_PLACE || !m->u.place.id)
            continue;
        const sr_place *p = &m->u.place;
        if (!*st)
            *st = sr_buf_adds(b, sep);
        if (!*st)
            *st = sr_buf_adds(b, "\"id\":");
        if (!*st)
            *st = sr_buf_json_str(b, p->id, strlen(p->id));
        json_key_str(b, "name", p->name, len0(p->name), st);
        json_key_str(b, "text", d->clean + m->start, m->end - m->start, st);
        json_key_code(b, "country", p->country, st);
        json_key_num(b, "lat", p->lat, st);
        json_key_num(b, "lon", p->lon, st);
        if (!*st)
            *st = sr_buf_addc(b, '}');
        sep = ",{";
    }
    if (!*st)
        *st = sr_buf_addc(b, ']');
}

/* ,"dates":["2024-10-18",...]: the ISO values of the sentence's resolved dates. */
static void json_dates(sr_buf *b, const sr_doc *d, uint32_t s, sr_status *st)
{
    if (!*st)
        *st = sr_buf_adds(b, ",\"dates\":[");
    const char *sep = "";
    for (size_t i = first_mention_of(d, s); i < d->nmentions && d->mentions[i].sentence == s; i++) {
        const sr_mention *m = &d->mentions[i];
        if (m->kind != SR_MENTION_DATE || !m->u.date.value[0])
            continue;
        if (!*st)
            *st = sr_buf_adds(b, sep);
        if (!*st)
            *st = sr_buf_json_str(b, m->u.date.value, strlen(m->u.date.value));
        sep = ",";
    }
    if (!*st)
        *st = sr_buf_addc(b, ']');
}

static sr_status event_json(sr_buf *b, const sr_doc *d, const sr_doc_event *ev)
{
    code_parts cp;
    split_code(ev->code, &cp);
    sr_plover pl;
    sr_plover_lookup(ev->code, &pl);
    sr_status st = sr_buf_adds(b, "{\"kind\":\"event\"");
    json_key_str(b, "doc", d->id.p, d->id.n, &st);
    json_key_num(b, "sentence", ev->sentence, &st);
    json_key_num(b, "clause", ev->clause, &st);
    json_key_code(b, "source", ev->source, &st);
    json_key_code(b, "target", ev->target, &st);
    json_key_code(b, "code", ev->code, &st);
    json_key_code(b, "base_code", cp.base, &st);
    json_key_code(b, "root_code", cp.root, &st);
    if (cp.quad)
        json_key_num(b, "quad_class", cp.quad, &st);
    else if (!st && !(st = add_key(b, "quad_class")))
        st = sr_buf_add(b, "null", 4);
    json_key_code(b, "plover", ev->plover && *ev->plover ? ev->plover : pl.type, &st);
    json_key_code(b, "plover_mode", pl.mode, &st);
    json_key_code(b, "plover_context", pl.context, &st);
    char day[24];
    ymd_text(ev->day, day);
    json_key_code(b, "day", day, &st);
    json_key_pair(b, "source_span", ev->source_start, ev->source_end, &st);
    json_key_pair(b, "target_span", ev->target_start, ev->target_end, &st);
    json_key_pair(b, "verb_span", ev->verb_start, ev->verb_end, &st);
    json_key_span(b, "source_text", d, ev->source_start, ev->source_end, &st);
    json_key_span(b, "target_text", d, ev->target_start, ev->target_end, &st);
    json_key_span(b, "verb_text", d, ev->verb_start, ev->verb_end, &st);
    json_key_code(b, "pattern", ev->pattern, &st);
    json_key_bool(b, "passive", ev->flags & SR_EVENT_PASSIVE, &st);
    json_key_bool(b, "paired", ev->flags & SR_EVENT_PAIRED, &st);
    json_key_bool(b, "default", ev->flags & SR_EVENT_DEFAULT, &st);
    json_places(b, d, ev->sentence, &st);
    json_dates(b, d, ev->sentence, &st);
    if (!st)
        st = sr_buf_adds(b, "}\n");
    return st;
}

/* ---- TSV ------------------------------------------------------------------------- */

const char sr_event_tsv_header[] =
    "doc\tsentence\tclause\tsource\ttarget\tcode\troot_code\tquad_class\tplover\tday"
    "\tsource_start\tsource_end\tsource_text\ttarget_start\ttarget_end\ttarget_text"
    "\tverb_start\tverb_end\tverb_text\tpattern\tpassive\tpaired\tdefault\tplace_id"
    "\tplace_country\tdate\n";

static void str_cell(sr_buf *b, const char *s, bool last, sr_status *st)
{
    tsv_cell(b, s, len0(s), last, st);
}

/* start, end and text cells of a span; all empty for an empty span. */
static void span_cells(sr_buf *b, const sr_doc *d, uint32_t s, uint32_t e, sr_status *st)
{
    if (e <= s) {
        if (!*st)
            *st = sr_buf_add(b, "\t\t\t", 3);
        return;
    }
    if (!*st)
        *st = sr_buf_printf(b, "%u\t%u\t", s, e);
    tsv_cell(b, d->clean + s, e - s, false, st);
}

static sr_status event_tsv(sr_buf *b, const sr_doc *d, const sr_doc_event *ev)
{
    code_parts cp;
    split_code(ev->code, &cp);
    sr_status st = SR_OK;
    tsv_cell(b, d->id.p, d->id.n, false, &st);
    if (!st)
        st = sr_buf_printf(b, "%u\t%u\t", ev->sentence, ev->clause);
    str_cell(b, ev->source, false, &st);
    str_cell(b, ev->target, false, &st);
    str_cell(b, ev->code, false, &st);
    str_cell(b, cp.root, false, &st);
    if (cp.quad && !st)
        st = sr_buf_printf(b, "%d", cp.quad);
    str_cell(b, "", false, &st);
    str_cell(b, ev->plover && *ev->plover ? ev->plover : sr_plover_type(ev->code), false, &st);
    char day[24];
    ymd_text(ev->day, day);
    str_cell(b, day, false, &st);
    span_cells(b, d, ev->source_start, ev->source_end, &st);
    span_cells(b, d, ev->target_start, ev->target_end, &st);
    span_cells(b, d, ev->verb_start, ev->verb_end, &st);
    str_cell(b, ev->pattern, false, &st);
    str_cell(b, ev->flags & SR_EVENT_PASSIVE ? "true" : "false", false, &st);
    str_cell(b, ev->flags & SR_EVENT_PAIRED ? "true" : "false", false, &st);
    str_cell(b, ev->flags & SR_EVENT_DEFAULT ? "true" : "false", false, &st);
    const sr_mention *p = first_place(d, ev->sentence);
    str_cell(b, p ? p->u.place.id : NULL, false, &st);
    str_cell(b, p ? p->u.place.country : NULL, false, &st);
    const sr_mention *t = first_date(d, ev->sentence);
    str_cell(b, t ? t->u.date.value : NULL, true, &st);
    return st;
}

/* ---- GDELT 2.0 event export ------------------------------------------------------- */

/* The columns of the GDELT 2.0 Event Codebook, in order. */
/* clang-format off */
#define GD_ACTOR(X, n)                                                                       \
    X(Actor##n##Code) X(Actor##n##Name) X(Actor##n##CountryCode) X(Actor##n##KnownGroupCode) \
    X(Actor##n##EthnicCode) X(Actor##n##Religion1Code) X(Actor##n##Religion2Code)            \
    X(Actor##n##Type1Code) X(Actor##n##Type2Code) X(Actor##n##Type3Code)
#define GD_GEO(X, g)                                                                         \
    X(g##_Type) X(g##_FullName) X(g##_CountryCode) X(g##_ADM1Code) X(g##_ADM2Code)           \
    X(g##_Lat) X(g##_Long) X(g##_FeatureID)
#define GD_COLUMNS(X)                                                                        \
    X(GlobalEventID) X(Day) X(MonthYear) X(Year) X(FractionDate)                             \
    GD_ACTOR(X, 1) GD_ACTOR(X, 2)                                                            \
    X(IsRootEvent) X(EventCode) X(EventBaseCode) X(EventRootCode) X(QuadClass)               \
    X(GoldsteinScale) X(NumMentions) X(NumSources) X(NumArticles) X(AvgTone)                 \
    GD_GEO(X, Actor1Geo) GD_GEO(X, Actor2Geo) GD_GEO(X, ActionGeo)                          \
    X(DATEADDED) X(SOURCEURL)

enum {
#define GD_ENUM(name) GD_##name,
    GD_COLUMNS(GD_ENUM)
#undef GD_ENUM
    GD_NCOLS
};
_Static_assert(GD_NCOLS == 61, "a GDELT 2.0 event row has 61 columns");
/* clang-format on */

typedef struct {
    const char *p; /* NULL: an empty cell */
    size_t n;
    double v; /* the cell's number when num is set */
    bool num;
} gd_cell;

/* The gazetteer's countries as a bit per alpha-3 code (26^3 bits), read once from the
 * built-in gazetteer's country lines (kind "C", alpha-3 in the fourth column) and
 * published like the other constant caches. */
extern const char sr_gazetteer_data_start[], sr_gazetteer_data_end[];
enum { ALPHA3 = 26 * 26 * 26 };
static void *_Atomic country_bits;

static int alpha3_index(const char *c)
{
    for (int i = 0; i < 3; i++)
        if (c[i] < 'A' || c[i] > 'Z')
            return -1;
    return ((c[0] - 'A') * 26 + (c[1] - 'A')) * 26 + (c[2] - 'A');
}

static unsigned char *build_countries(void)
{
    unsigned char *bits = calloc(ALPHA3 / 8 + 1, 1);
    const char *s = sr_gazetteer_data_start, *end = sr_gazetteer_data_end;
    while (bits && s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s)), *e = nl ? nl : end;
        const char *tab = memchr(s, '\t', (size_t)(e - s));
        /* id \t C \t alpha-2 \t alpha-3 \t ... */
        if (*s != '#' && tab && e - tab > 9 && tab[1] == 'C' && tab[2] == '\t') {
            const char *t2 = memchr(tab + 3, '\t', (size_t)(e - tab - 3));
            int k = t2 && e - t2 > 4 && t2[4] == '\t' ? alpha3_index(t2 + 1) : -1;
            if (k >= 0)
                bits[k / 8] |= (unsigned char)(1u << (k % 8));
        }
        s = nl ? nl + 1 : end;
    }
    return bits;
}

/* Whether the 3 letters at c are a country's alpha-3 code in the built-in gazetteer
 * (false, too, when there was no memory to read it). */
static bool is_country(const char *c)
{
    int k = alpha3_index(c);
    if (k < 0)
        return false;
    unsigned char *bits = sr_cache_get(&country_bits);
    if (!bits && (bits = build_countries()) != NULL)
        bits = sr_cache_publish(&country_bits, bits);
    return bits && (bits[k / 8] >> (k % 8) & 1);
}

static void set_cell(gd_cell *c, const char *s, size_t n)
{
    if (s && n)
        c->p = s, c->n = n;
}

/* Actor code, name (the span as written), country (the code's first 3 letters when a
 * gazetteer country) and Type1-3 (the following 3-letter parts: GOV, MIL, ...). */
static void actor_cells(gd_cell *row, int first, const sr_doc *d, const char *code, uint32_t s,
                        uint32_t e)
{
    size_t n = len0(code);
    set_cell(&row[first], code, n);
    if (e > s)
        set_cell(&row[first + 1], d->clean + s, e - s);
    size_t at = 0;
    if (n >= 3 && is_country(code)) {
        set_cell(&row[first + 2], code, 3);
        at = 3;
    }
    int type = first + GD_Actor1Type1Code - GD_Actor1Code;
    for (int k = 0; k < 3 && at + 3 <= n; k++, at += 3)
        set_cell(&row[type + k], code + at, 3);
}

/* ActionGeo from the sentence's first place: type 1 country, 2/5 a region of the US /
 * elsewhere, 3/4 a city of the US / elsewhere; alpha-3 country; gazetteer id. */
static void action_geo(gd_cell *row, const sr_mention *m, char type[2])
{
    const sr_place *p = &m->u.place;
    bool us = !strcmp(p->country, "USA");
    type[0] = p->kind == SR_PLACE_COUNTRY  ? '1'
              : p->kind == SR_PLACE_REGION ? (us ? '2' : '5')
                                           : (us ? '3' : '4');
    type[1] = 0;
    set_cell(&row[GD_ActionGeo_Type], type, 1);
    set_cell(&row[GD_ActionGeo_FullName], p->name, len0(p->name));
    set_cell(&row[GD_ActionGeo_CountryCode], p->country, strlen(p->country));
    row[GD_ActionGeo_Lat] = (gd_cell){"", 0, p->lat, true};
    row[GD_ActionGeo_Long] = (gd_cell){"", 0, p->lon, true};
    set_cell(&row[GD_ActionGeo_FeatureID], p->id, strlen(p->id));
}

/* FNV-1a, 64 bits, continued from h over n bytes. */
static uint64_t fnv64(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ s[i]) * 0x100000001b3ull;
    return h;
}

/* GlobalEventID: FNV-1a 64 of "<doc id>\t<sentence>\t<index of the event in the
 * document>", its low 53 bits (exact as a double, for tools that read numbers so). */
static uint64_t event_id(const sr_doc *d, const sr_doc_event *ev, size_t index)
{
    char tail[48];
    int n = snprintf(tail, sizeof tail, "\t%u\t%zu", ev->sentence, index);
    uint64_t h = fnv64(0xcbf29ce484222325ull, d->id.p, d->id.n);
    return fnv64(h, tail, (size_t)n) & ((1ull << 53) - 1);
}

typedef struct {
    char id[24], day[8], added[14], fraction[16], type[2], quad[2];
} gd_text;

/* The date columns: Day YYYYMMDD, MonthYear, Year, FractionDate (year + day of the
 * year / 365, 4 decimals, as GDELT computes it), DATEADDED (the day at 00:00:00). */
static void date_cells(gd_cell *row, sr_ymd day, gd_text *t)
{
    if (!sr_ymd_valid(day) || day.year > 9999)
        return;
    sr_ymd jan1 = {day.year, 1, 1};
    int doy = (int)(sr_ymd_to_days(day) - sr_ymd_to_days(jan1)) + 1;
    char iso[24]; /* YYYY-MM-DD */
    ymd_text(day, iso);
    memcpy(t->day, iso, 4);
    memcpy(t->day + 4, iso + 5, 2);
    memcpy(t->day + 6, iso + 8, 2);
    memcpy(t->added, t->day, 8);
    memcpy(t->added + 8, "000000", 6);
    snprintf(t->fraction, sizeof t->fraction, "%.4f", day.year + doy / 365.0);
    set_cell(&row[GD_Day], t->day, 8);
    set_cell(&row[GD_MonthYear], t->day, 6);
    set_cell(&row[GD_Year], t->day, 4);
    set_cell(&row[GD_FractionDate], t->fraction, strlen(t->fraction));
    set_cell(&row[GD_DATEADDED], t->added, 14);
}

static sr_status event_gdelt(sr_buf *b, const sr_doc *d, const sr_doc_event *ev, size_t index,
                             bool lead)
{
    gd_cell row[GD_NCOLS];
    gd_text t;
    memset(row, 0, sizeof row);
    snprintf(t.id, sizeof t.id, "%llu", (unsigned long long)event_id(d, ev, index));
    set_cell(&row[GD_GlobalEventID], t.id, strlen(t.id));
    date_cells(row, ev->day, &t);
    actor_cells(row, GD_Actor1Code, d, ev->source, ev->source_start, ev->source_end);
    actor_cells(row, GD_Actor2Code, d, ev->target, ev->target_start, ev->target_end);
    set_cell(&row[GD_IsRootEvent], lead ? "1" : "0", 1);
    code_parts cp;
    split_code(ev->code, &cp);
    set_cell(&row[GD_EventCode], ev->code, len0(ev->code));
    set_cell(&row[GD_EventBaseCode], cp.base, strlen(cp.base));
    set_cell(&row[GD_EventRootCode], cp.root, strlen(cp.root));
    t.quad[0] = (char)('0' + cp.quad), t.quad[1] = 0;
    if (cp.quad)
        set_cell(&row[GD_QuadClass], t.quad, 1);
    set_cell(&row[GD_NumMentions], "1", 1);
    set_cell(&row[GD_NumSources], "1", 1);
    set_cell(&row[GD_NumArticles], "1", 1);
    const sr_mention *place = first_place(d, ev->sentence);
    if (place)
        action_geo(row, place, t.type);
    set_cell(&row[GD_SOURCEURL], d->url.p, d->url.n);
    sr_status st = SR_OK;
    for (int i = 0; i < GD_NCOLS && !st; i++) {
        if (row[i].num)
            st = sr_buf_num(b, row[i].v);
        else if (row[i].p)
            st = sr_buf_tsv_str(b, row[i].p, row[i].n);
        if (!st)
            st = sr_buf_addc(b, i + 1 < GD_NCOLS ? '\t' : '\n');
    }
    return st;
}

/* Index of the document's lead: the first sentence that is prose, not furniture (a
 * headline before it counts as lead too); 0 when every sentence is furniture. */
static uint32_t lead_sentence(const sr_doc *d)
{
    for (size_t i = 0; i < d->nsentences; i++)
        if (!d->sentences[i].furniture)
            return (uint32_t)i;
    return 0;
}

sr_status sr_emit_events(sr_buf *b, const sr_doc *d, sr_format fmt)
{
    sr_status st = SR_OK;
    uint32_t lead = fmt == SR_FORMAT_GDELT ? lead_sentence(d) : 0;
    for (size_t i = 0; i < d->nevents && !st; i++) {
        const sr_doc_event *ev = &d->events[i];
        st = fmt == SR_FORMAT_GDELT ? event_gdelt(b, d, ev, i, ev->sentence <= lead)
             : fmt == SR_FORMAT_TSV ? event_tsv(b, d, ev)
                                    : event_json(b, d, ev);
    }
    return st;
}
