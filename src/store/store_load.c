/* store_load.c: reading stored claims back with what reconciliation and reports need
 * of their documents, optionally only those of documents about something; and the
 * sr_contains SQL function that decides "about" (Unicode lower-casing, so "KURSK"
 * finds "Kursk" and "КУРСК" finds "Курск").
 *
 * A claim set lives in one arena: the array of claims (grown by doubling) and their
 * strings. Strings of a document (its key, outlet, url, title, day) are copied once per
 * document and shared by its claims; absent strings point to a shared "". */
#include <stdlib.h>
#include <utf8proc.h>

#include "store_int.h"

/* ---- "about": case-insensitive containment ----------------------------------------- */

/* Lower-cases n bytes of UTF-8 code point by code point (utf8proc's simple mapping,
 * ASCII inline) into a malloc'd buffer; *len receives the length. A byte that is not
 * UTF-8 is kept as it is. NULL when memory is short. */
static uint8_t *lower(const uint8_t *s, size_t n, size_t *len)
{
    uint8_t *out = malloc(n + n / 2 + 4); /* a 2-byte letter may lower to 3 bytes */
    size_t o = 0;
    for (size_t i = 0; out && i < n;) {
        if (s[i] < 0x80) {
            out[o++] = (uint8_t)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] | 0x20 : s[i]);
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k < 1) {
            out[o++] = s[i++];
            continue;
        }
        o += (size_t)utf8proc_encode_char(utf8proc_tolower(cp), out + o);
        i += (size_t)k;
    }
    *len = o;
    return out;
}

/* sr_contains(haystack, needle): 1 when needle occurs in haystack ignoring case, else 0
 * (also for NULL). The lower-cased needle is kept between rows; without memory the
 * result is an error. */
static void sql_contains(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const uint8_t *h = sqlite3_value_text(argv[0]), *n = sqlite3_value_text(argv[1]);
    size_t hn = (size_t)sqlite3_value_bytes(argv[0]), nn = (size_t)sqlite3_value_bytes(argv[1]);
    if (!h || !n) {
        sqlite3_result_int(cx, 0);
        return;
    }
    size_t *ln = sqlite3_get_auxdata(cx, 1); /* lower-cased needle: length, then bytes */
    if (!ln) {
        size_t len = 0;
        uint8_t *f = lower(n, nn, &len);
        if (f && (ln = malloc(sizeof *ln + len + 1)) != NULL) {
            ln[0] = len;
            memcpy(ln + 1, f, len);
            sqlite3_set_auxdata(cx, 1, ln, free);
            ln = sqlite3_get_auxdata(cx, 1); /* SQLite may have freed it already */
        }
        free(f);
    }
    size_t hl = 0;
    uint8_t *lh = ln ? lower(h, hn, &hl) : NULL;
    if (!lh) {
        sqlite3_result_error_nomem(cx);
        return;
    }
    sqlite3_result_int(cx, ln[0] == 0 || memmem(lh, hl, ln + 1, ln[0]) != NULL);
    free(lh);
}

sr_status sr_store_register_functions(sr_store *s)
{
    int rc = sqlite3_create_function_v2(s->db, "sr_contains", 2,
                                        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                                        sql_contains, NULL, NULL, NULL);
    return rc == SQLITE_OK ? SR_OK : sr_store_db_fail(s, rc, "registering sr_contains");
}

/* ---- the load query ---------------------------------------------------------------- */

/* Result columns: name (for the L_ index) and SQL expression. The context is read from
 * the document text as bytes: substr on TEXT would count characters. */
/* clang-format off */
#define LOAD_COLS(X)                                                                    \
    X(id, "c.id") X(doc, "c.doc") X(cluster, "coalesce(d.cluster, d.id)")               \
    X(sentence, "c.sentence") X(start, "c.start") X(end, "c.end")                       \
    X(text_start, "c.text_start") X(value, "c.value") X(low, "c.low") X(high, "c.high") \
    X(hedge, "c.hedge") X(unit_kind, "c.unit_kind") X(vague, "c.vague")                 \
    X(modality, "c.modality") X(source_kind, "c.source_kind") X(dated, "c.dated")       \
    X(place_kind, "c.place_kind") X(as_of_begin, "c.as_of_begin")                       \
    X(as_of_end, "c.as_of_end") X(as_of, "c.as_of") X(quantity, "c.quantity")           \
    X(unit, "c.unit") X(currency, "c.currency") X(counted, "c.counted")                 \
    X(counted_actor, "c.counted_actor") X(place, "c.place") X(place_id, "c.place_id")   \
    X(place_name, "c.place_name") X(place_country, "c.place_country")                   \
    X(place_region, "c.place_region") X(source, "c.source")                             \
    X(source_actors, "c.source_actors") X(via, "c.via") X(doc_key, "d.doc_key")         \
    X(outlet, "d.outlet") X(url, "d.url") X(title, "d.title")                           \
    X(published, "d.published")                                                         \
    X(text, "substr(CAST(d.text AS BLOB), c.text_start + 1, c.text_end - c.text_start)")
/* clang-format on */

#define L_ENUM(name, expr) L_##name,
#define L_SQL(name, expr) ", " expr
enum { LOAD_COLS(L_ENUM) L_COUNT };

static sr_status prepare_load(sr_store *s, int about)
{
    static const char cols[] = LOAD_COLS(L_SQL);
    static const char where[] = " WHERE c.doc IN (SELECT id FROM documents"
                                " WHERE sr_contains(title, ?1) OR sr_contains(text, ?1))";
    sr_store_stmt which = about ? ST_LOAD_ABOUT : ST_LOAD_ALL;
    if (s->st[which])
        return SR_OK;
    char sql[2048];
    int n = snprintf(sql, sizeof sql,
                     "SELECT %s FROM claims c JOIN documents d ON d.id = c.doc%s"
                     " ORDER BY c.doc, c.idx",
                     cols + 2, about ? where : "");
    return sr_store_prepare(s, which, n > 0 && (size_t)n < sizeof sql ? sql : NULL);
}

/* ---- rows -------------------------------------------------------------------------- */

/* What a load carries from row to row: the arena, and the strings of the document of
 * the previous row, shared by all its claims. */
typedef struct {
    sr_arena *a;
    int nomem;
    int64_t doc;
    const char *doc_key, *outlet, *url, *title, *published;
} loader;

/* A column's text copied into the arena; "" for NULL or empty. */
static const char *col_str(loader *l, sqlite3_stmt *st, int col)
{
    const char *p = (const char *)sqlite3_column_text(st, col);
    int n = sqlite3_column_bytes(st, col);
    if (!p || n <= 0)
        return "";
    char *c = sr_arena_strndup(l->a, p, (size_t)n);
    if (!c)
        l->nomem = 1;
    return c ? c : "";
}

/* The position of a column's name among an enumeration's names, else dflt. */
static int col_enum(sqlite3_stmt *st, int col, const char *(*name)(int), int count, int dflt)
{
    const char *v = (const char *)sqlite3_column_text(st, col);
    for (int i = 0; v && i < count; i++)
        if (!strcmp(name(i), v))
            return i;
    return dflt;
}

static const char *hedge_name(int i)
{
    return sr_hedge_name((sr_hedge)i);
}
static const char *unit_kind_name(int i)
{
    return sr_unit_kind_name((sr_unit_kind)i);
}
static const char *modality_name(int i)
{
    return sr_modality_name((sr_modality)i);
}
static const char *source_kind_name(int i)
{
    return sr_source_kind_name((sr_source_kind)i);
}
static const char *place_kind_name(int i)
{
    return sr_place_kind_name((sr_place_kind)i);
}

static sr_ymd col_day(sqlite3_stmt *st, int col)
{
    sr_ymd d = {0, 0, 0};
    const char *v = (const char *)sqlite3_column_text(st, col);
    int n = sqlite3_column_bytes(st, col);
    if (v && n >= 10)
        sr_ymd_parse(v, (size_t)n, &d);
    return d;
}

/* The numbers and enumerations of a row. */
static void fill_values(sr_stored_claim *c, sqlite3_stmt *st)
{
    c->id = sqlite3_column_int64(st, L_id);
    c->doc = sqlite3_column_int64(st, L_doc);
    c->cluster = sqlite3_column_int64(st, L_cluster);
    c->sentence = (uint32_t)sqlite3_column_int64(st, L_sentence);
    c->start = (uint32_t)sqlite3_column_int64(st, L_start);
    c->end = (uint32_t)sqlite3_column_int64(st, L_end);
    c->text_start = (uint32_t)sqlite3_column_int64(st, L_text_start);
    c->value = sqlite3_column_double(st, L_value);
    c->low = sqlite3_column_double(st, L_low);
    c->high = sqlite3_column_double(st, L_high);
    c->hedge = (uint8_t)col_enum(st, L_hedge, hedge_name, SR_HEDGE_RANGE + 1, SR_HEDGE_EXACT);
    c->unit_kind =
        (uint8_t)col_enum(st, L_unit_kind, unit_kind_name, SR_UNIT_MEASURE + 1, SR_UNIT_COUNT);
    c->vague = sqlite3_column_int(st, L_vague) != 0;
    c->modality = (uint8_t)col_enum(st, L_modality, modality_name, SR_MODALITY_HYPOTHETICAL + 1,
                                    SR_MODALITY_REPORTED);
    c->source_kind = (uint8_t)col_enum(st, L_source_kind, source_kind_name, SR_SOURCE_UNNAMED + 1,
                                       SR_SOURCE_NONE);
    c->dated = sqlite3_column_int(st, L_dated) != 0;
    c->place_kind = (int8_t)col_enum(st, L_place_kind, place_kind_name, SR_PLACE_CITY + 1, -1);
    c->as_of_begin = col_day(st, L_as_of_begin);
    c->as_of_end = col_day(st, L_as_of_end);
}

/* The strings of a row; the document's are copied when the document changes. */
static void fill_strings(sr_stored_claim *c, sqlite3_stmt *st, loader *l)
{
    if (!l->doc_key || l->doc != c->doc) {
        l->doc = c->doc;
        l->doc_key = col_str(l, st, L_doc_key);
        l->outlet = col_str(l, st, L_outlet);
        l->url = col_str(l, st, L_url);
        l->title = col_str(l, st, L_title);
        l->published = col_str(l, st, L_published);
    }
    c->doc_key = l->doc_key, c->outlet = l->outlet, c->url = l->url;
    c->title = l->title, c->published = l->published;
    c->as_of = col_str(l, st, L_as_of);
    c->quantity = col_str(l, st, L_quantity);
    c->unit = col_str(l, st, L_unit);
    c->currency = col_str(l, st, L_currency);
    c->counted = col_str(l, st, L_counted);
    c->counted_actor = col_str(l, st, L_counted_actor);
    c->place = col_str(l, st, L_place);
    c->place_id = col_str(l, st, L_place_id);
    c->place_name = col_str(l, st, L_place_name);
    c->place_country = col_str(l, st, L_place_country);
    c->place_region = col_str(l, st, L_place_region);
    c->source = col_str(l, st, L_source);
    c->source_actors = col_str(l, st, L_source_actors);
    c->via = col_str(l, st, L_via);
    c->text = col_str(l, st, L_text);
}

/* Appends one element to the arena array of claims. NULL on out-of-memory. */
static sr_stored_claim *push(sr_claimset *cs, size_t *cap)
{
    if (cs->n == *cap) {
        size_t ncap = *cap ? 2 * *cap : 256;
        void *grown = sr_arena_grow(cs->arena, cs->claims, cs->n, ncap, sizeof *cs->claims);
        if (!grown)
            return NULL;
        cs->claims = grown;
        *cap = ncap;
    }
    return &cs->claims[cs->n++];
}

/* Steps the load statement to its end, appending a claim per row. */
static sr_status read_rows(sr_store *s, sqlite3_stmt *st, sr_claimset *cs)
{
    loader l = {.a = cs->arena};
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        sr_stored_claim *c = push(cs, &cap);
        if (!c)
            return sr_store_fail(s, SR_NOMEM, "(loading claims)");
        memset(c, 0, sizeof *c);
        fill_values(c, st);
        fill_strings(c, st, &l);
        if (l.nomem)
            return sr_store_fail(s, SR_NOMEM, "(loading claims)");
    }
    return rc == SQLITE_DONE ? SR_OK : sr_store_db_fail(s, rc, "loading claims");
}

/* Loads the claims into *out, which owns them (one arena); free with sr_claimset_free.
 * about is borrowed for the call. On failure *out is empty and the message set. */
sr_status sr_store_load_claims(sr_store *s, const char *about, sr_claimset *out)
{
    memset(out, 0, sizeof *out);
    sr_status res = prepare_load(s, about != NULL);
    if (res)
        return res;
    if (!(out->arena = sr_arena_new()))
        return sr_store_fail(s, SR_NOMEM, "(loading claims)");
    sqlite3_stmt *st = s->st[about ? ST_LOAD_ABOUT : ST_LOAD_ALL];
    if (about)
        sqlite3_bind_text(st, 1, about, -1, SQLITE_STATIC);
    res = read_rows(s, st, out);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (res)
        sr_claimset_free(out);
    return res;
}

/* Frees the claims and their strings and empties *cs. NULL is a no-op. */
void sr_claimset_free(sr_claimset *cs)
{
    if (!cs)
        return;
    sr_arena_free(cs->arena);
    memset(cs, 0, sizeof *cs);
}
