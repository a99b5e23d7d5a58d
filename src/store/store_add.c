/* store_add.c: storing an analysed document: its content hash (a document stored once
 * however often it is added), its row, its mentions and its claims.
 *
 * Every value is bound by index into statements prepared once per handle; text is
 * bound in place (SQLITE_STATIC: spans of the document, names from static tables or
 * the lexicon) and only the few strings built here are copied by SQLite. Each
 * statement's bindings are cleared before a row is bound, so a column left unbound
 * is NULL and no binding outlives the document it points into. */
#include "store_int.h"

/* ---- statements -------------------------------------------------------------------- */

#define SR_COL_STR(c) ", " #c

sr_status sr_store_prepare_add(sr_store *s)
{
    static const char doc_cols[] = SR_DOC_COLS(SR_COL_STR);
    static const char mention_cols[] = SR_MENTION_COLS(SR_COL_STR);
    static const char claim_cols[] = SR_CLAIM_COLS(SR_COL_STR);
    char sql[2048];
    sr_status st = sr_store_prepare(s, ST_BEGIN, "BEGIN IMMEDIATE");
    if (!st)
        st = sr_store_prepare(s, ST_COMMIT, "COMMIT");
    if (!st)
        st = sr_store_prepare(s, ST_ROLLBACK, "ROLLBACK");
    if (!st)
        st = sr_store_prepare(s, ST_NEXT_ID, "SELECT coalesce(max(id), 0) + 1 FROM documents");
    if (!st)
        st = sr_store_prepare(s, ST_FIND_HASH, "SELECT 1 FROM documents WHERE hash = ?1");
    if (!st)
        st = sr_store_prepare(
            s, ST_ADD_DOC,
            sr_store_insert_sql(sql, sizeof sql, "documents", doc_cols + 2, DC_COUNT));
    if (!st)
        st = sr_store_prepare(
            s, ST_ADD_MENTION,
            sr_store_insert_sql(sql, sizeof sql, "mentions", mention_cols + 2, MC_COUNT));
    if (!st)
        st = sr_store_prepare(
            s, ST_ADD_CLAIM,
            sr_store_insert_sql(sql, sizeof sql, "claims", claim_cols + 2, CC_COUNT));
    if (!st)
        st = sr_store_prepare_near(s);
    return st;
}

/* ---- binding ----------------------------------------------------------------------- */

/* Binds n bytes at p as TEXT, or leaves the column NULL when there are none. The bytes
 * must stay valid until the statement is stepped. */
static inline void bind_str(sqlite3_stmt *st, int col, const char *p, size_t n)
{
    if (p && n)
        sqlite3_bind_text(st, col + 1, p, (int)n, SQLITE_STATIC);
}

static inline void bind_cstr(sqlite3_stmt *st, int col, const char *p)
{
    if (p && *p)
        sqlite3_bind_text(st, col + 1, p, -1, SQLITE_STATIC);
}

/* The bytes [a, b) of the document text, NULL when empty. */
static inline void bind_span(sqlite3_stmt *st, int col, const char *text, uint32_t a, uint32_t b)
{
    if (b > a)
        sqlite3_bind_text(st, col + 1, text + a, (int)(b - a), SQLITE_STATIC);
}

static inline void bind_int(sqlite3_stmt *st, int col, int64_t v)
{
    sqlite3_bind_int64(st, col + 1, v);
}

static inline void bind_real(sqlite3_stmt *st, int col, double v)
{
    sqlite3_bind_double(st, col + 1, v);
}

/* A day as 'YYYY-MM-DD' (copied), NULL when unknown. */
static void bind_day(sqlite3_stmt *st, int col, sr_ymd d)
{
    char day[16];
    int n = sr_store_day(d, day);
    if (n)
        sqlite3_bind_text(st, col + 1, day, n, SQLITE_TRANSIENT);
}

/* ---- the content hash -------------------------------------------------------------- */

static void hash_field(XXH3_state_t *x, const char *p, size_t n)
{
    uint8_t len[8];
    for (int i = 0; i < 8; i++)
        len[i] = (uint8_t)((uint64_t)n >> (8 * i));
    XXH3_128bits_update(x, len, sizeof len);
    if (n)
        XXH3_128bits_update(x, p, n);
}

/* XXH3-128 over url, outlet, title, publication day and text, each length-prefixed so
 * that moving bytes from one field to the next changes the hash. */
static void content_hash(sr_store *s, const sr_doc *d, uint8_t out[16])
{
    char day[16];
    int n = sr_store_day(d->published, day);
    XXH3_128bits_reset(s->xx);
    hash_field(s->xx, d->url.p, d->url.n);
    hash_field(s->xx, d->outlet.p, d->outlet.n);
    hash_field(s->xx, d->title.p, d->title.n);
    hash_field(s->xx, day, (size_t)n);
    hash_field(s->xx, d->text, d->len);
    XXH128_canonical_t c;
    XXH128_canonicalFromHash(&c, XXH3_128bits_digest(s->xx));
    memcpy(out, c.digest, 16);
}

/* *found = 1 when a document with this hash is stored (or added earlier in the batch). */
static sr_status known(sr_store *s, const uint8_t hash[16], int *found)
{
    sqlite3_stmt *st = s->st[ST_FIND_HASH];
    sqlite3_bind_blob(st, 1, hash, 16, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    *found = rc == SQLITE_ROW;
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? SR_OK
                                                 : sr_store_db_fail(s, rc, "looking up a hash");
}

/* ---- mentions ---------------------------------------------------------------------- */

static void bind_quantity(sqlite3_stmt *st, const sr_quantity *q)
{
    bind_real(st, MC_value, q->value);
    bind_real(st, MC_low, q->low);
    bind_real(st, MC_high, q->high);
    bind_cstr(st, MC_hedge, sr_hedge_name(q->hedge));
    bind_cstr(st, MC_unit_kind, sr_unit_kind_name(q->unit_kind));
    bind_cstr(st, MC_currency, q->currency);
    bind_str(st, MC_unit, q->unit.p, q->unit.n);
    bind_cstr(st, MC_per, sr_period_name(q->per));
    bind_int(st, MC_vague, q->vague);
}

static void bind_date(sqlite3_stmt *st, const sr_date *t)
{
    bind_cstr(st, MC_value, t->value);
    bind_cstr(st, MC_grain, sr_grain_name(t->grain));
    bind_day(st, MC_from_day, t->begin);
    bind_day(st, MC_to_day, t->end);
}

static void bind_actor(sqlite3_stmt *st, const sr_actor *a)
{
    /* every combination of the four SR_ACTOR_* bits, as extract lists them */
    /* clang-format off */
    static const char *const flags[16] = {
        "", "person", "role", "person,role", "metonym", "person,metonym", "role,metonym",
        "person,role,metonym", "compound", "person,compound", "role,compound",
        "person,role,compound", "metonym,compound", "person,metonym,compound",
        "role,metonym,compound", "person,role,metonym,compound"};
    /* clang-format on */
    bind_cstr(st, MC_code, a->code);
    bind_cstr(st, MC_name, a->name);
    sqlite3_bind_text(st, MC_flags + 1, flags[a->flags & 15], -1, SQLITE_STATIC);
}

static void bind_place(sqlite3_stmt *st, const sr_place *p)
{
    bind_cstr(st, MC_place_id, p->id);
    bind_cstr(st, MC_name, p->name);
    bind_cstr(st, MC_country, p->country);
    bind_cstr(st, MC_region, p->region);
    bind_cstr(st, MC_place_kind, sr_place_kind_name(p->kind));
    bind_real(st, MC_lat, p->lat);
    bind_real(st, MC_lon, p->lon);
}

static sr_status add_mention(sr_store *s, const sr_doc *d, int64_t id, size_t i)
{
    const sr_mention *m = &d->mentions[i];
    sqlite3_stmt *st = s->st[ST_ADD_MENTION];
    sqlite3_clear_bindings(st);
    bind_int(st, MC_doc, id);
    bind_int(st, MC_idx, (int64_t)i);
    bind_cstr(st, MC_kind, sr_mention_kind_name(m->kind));
    bind_int(st, MC_sentence, m->sentence);
    bind_int(st, MC_start, m->start);
    bind_int(st, MC_end, m->end);
    switch (m->kind) {
    case SR_MENTION_NUMBER: bind_real(st, MC_value, m->u.number); break;
    case SR_MENTION_QUANTITY: bind_quantity(st, &m->u.quantity); break;
    case SR_MENTION_DATE: bind_date(st, &m->u.date); break;
    case SR_MENTION_ACTOR: bind_actor(st, &m->u.actor); break;
    default: bind_place(st, &m->u.place); break;
    }
    return sr_store_exec(s, st, "adding a mention");
}

/* ---- claims ------------------------------------------------------------------------ */

/* The figure: a quantity's values, or a bare number as an exact figure. */
static void bind_figure(sqlite3_stmt *st, const sr_mention *m)
{
    if (m->kind != SR_MENTION_QUANTITY) {
        bind_real(st, CC_value, m->u.number);
        bind_real(st, CC_low, m->u.number);
        bind_real(st, CC_high, m->u.number);
        bind_cstr(st, CC_hedge, sr_hedge_name(SR_HEDGE_EXACT));
        bind_int(st, CC_vague, 0);
        return;
    }
    const sr_quantity *q = &m->u.quantity;
    bind_real(st, CC_value, q->value);
    bind_real(st, CC_low, q->low);
    bind_real(st, CC_high, q->high);
    bind_cstr(st, CC_hedge, sr_hedge_name(q->hedge));
    bind_cstr(st, CC_unit_kind, sr_unit_kind_name(q->unit_kind));
    bind_int(st, CC_vague, q->vague);
    bind_cstr(st, CC_currency, q->currency);
    bind_str(st, CC_unit, q->unit.p, q->unit.n);
}

static void bind_claim_place(sqlite3_stmt *st, const sr_doc *d, const char *text, const sr_claim *c)
{
    if (c->place < 0)
        return;
    const sr_mention *m = &d->mentions[c->place];
    const sr_place *p = &m->u.place;
    bind_span(st, CC_place, text, m->start, m->end);
    bind_cstr(st, CC_place_id, p->id);
    bind_cstr(st, CC_place_name, p->name);
    bind_cstr(st, CC_place_country, p->country);
    bind_cstr(st, CC_place_region, p->region);
    bind_cstr(st, CC_place_kind, sr_place_kind_name(p->kind));
}

/* as_of as extract prints it, and the interval of days it names: a single day when it
 * is one ("by the end of December" is its last day), else the date mention's interval;
 * the publication day when the text gives no date (dated 0). */
static void bind_as_of(sqlite3_stmt *st, const sr_doc *d, const sr_claim *c)
{
    sr_ymd b = d->published, e = d->published;
    if (c->date >= 0) {
        const sr_date *t = &d->mentions[c->date].u.date;
        size_t n = strlen(c->as_of);
        if (n == 10 && sr_ymd_parse(c->as_of, n, &b) == SR_OK)
            e = b;
        else
            b = t->begin, e = t->end;
    }
    bind_cstr(st, CC_as_of, c->as_of);
    bind_day(st, CC_as_of_begin, b);
    bind_day(st, CC_as_of_end, e);
    bind_int(st, CC_dated, c->date >= 0);
}

/* A source or via: its text and its actor codes, comma-separated (copied). */
static void bind_source(sqlite3_stmt *st, int text_col, int actors_col, const char *text,
                        const sr_source *src)
{
    if (src->kind == SR_SOURCE_NONE)
        return;
    bind_span(st, text_col, text, src->start, src->end);
    char codes[SR_SOURCE_MAX_ACTORS * (SR_ACTOR_MAX_CODE + 2)];
    size_t n = 0;
    for (unsigned i = 0; i < src->nactors && i < SR_SOURCE_MAX_ACTORS; i++) {
        size_t k = src->actors[i] ? strlen(src->actors[i]) : 0;
        if (!k || n + k + 1 >= sizeof codes)
            continue;
        if (n)
            codes[n++] = ',';
        memcpy(codes + n, src->actors[i], k);
        n += k;
    }
    if (n)
        sqlite3_bind_text(st, actors_col + 1, codes, (int)n, SQLITE_TRANSIENT);
}

static sr_status add_claim(sr_store *s, const sr_doc *d, const char *text, int64_t id, size_t i)
{
    const sr_claim *c = &d->claims[i];
    const sr_mention *m = &d->mentions[c->mention];
    sqlite3_stmt *st = s->st[ST_ADD_CLAIM];
    sqlite3_clear_bindings(st);
    bind_int(st, CC_doc, id);
    bind_int(st, CC_idx, (int64_t)i);
    bind_int(st, CC_mention, c->mention);
    bind_int(st, CC_sentence, c->sentence);
    bind_int(st, CC_start, m->start);
    bind_int(st, CC_end, m->end);
    uint32_t from, to;
    sr_claim_context(d, c, &from, &to);
    bind_int(st, CC_text_start, from);
    bind_int(st, CC_text_end, to);
    sqlite3_bind_text(st, CC_quantity + 1, text + m->start, (int)(m->end - m->start),
                      SQLITE_STATIC);
    bind_figure(st, m);
    bind_span(st, CC_counted, text, c->counted_start, c->counted_end);
    bind_cstr(st, CC_counted_actor, c->counted_actor);
    bind_claim_place(st, d, text, c);
    bind_as_of(st, d, c);
    bind_cstr(st, CC_modality, sr_modality_name(c->modality));
    sqlite3_bind_text(st, CC_source_kind + 1, sr_source_kind_name(c->source.kind), -1,
                      SQLITE_STATIC);
    bind_source(st, CC_source, CC_source_actors, text, &c->source);
    bind_source(st, CC_via, CC_via_actors, text, &c->via);
    return sr_store_exec(s, st, "adding a claim");
}

/* ---- the document ------------------------------------------------------------------ */

static sr_status add_doc_row(sr_store *s, const sr_doc *d, const char *text, const uint8_t hash[16],
                             const sr_near *near)
{
    sqlite3_stmt *st = s->st[ST_ADD_DOC];
    sqlite3_clear_bindings(st);
    bind_int(st, DC_id, s->next_id);
    sqlite3_bind_blob(st, DC_hash + 1, hash, 16, SQLITE_STATIC);
    sqlite3_bind_text(st, DC_doc_key + 1, d->id.p ? d->id.p : "", (int)d->id.n, SQLITE_STATIC);
    bind_str(st, DC_url, d->url.p, d->url.n);
    bind_str(st, DC_outlet, d->outlet.p, d->outlet.n);
    bind_str(st, DC_title, d->title.p, d->title.n);
    bind_str(st, DC_author, d->author.p, d->author.n);
    bind_str(st, DC_lang, d->lang.p, d->lang.n);
    bind_day(st, DC_published, d->published);
    bind_cstr(st, DC_origin, d->origin);
    bind_int(st, DC_line, (int64_t)d->line);
    sqlite3_bind_text64(st, DC_text + 1, text, d->len, SQLITE_STATIC, SQLITE_UTF8);
    bind_int(st, DC_cluster, near->cluster);
    if (near->has_similarity)
        bind_real(st, DC_similarity, near->similarity);
    return sr_store_exec(s, st, "adding a document");
}

/* The row, mentions, claims and LSH keys of a new document. */
static sr_status add_rows(sr_store *s, const sr_doc *d, const char *text, const uint8_t hash[16],
                          const sr_near *near)
{
    sr_status st = add_doc_row(s, d, text, hash, near);
    for (size_t i = 0; i < d->nmentions && !st; i++)
        st = add_mention(s, d, s->next_id, i);
    for (size_t i = 0; i < d->nclaims && !st; i++)
        st = add_claim(s, d, text, s->next_id, i);
    if (!st)
        st = sr_store_near_index(s, s->next_id, near);
    return st;
}

/* The document's valid UTF-8 view; made (in the document's arena) for a document the
 * pipeline has not seen. NULL on out-of-memory. */
static const char *clean_text(const sr_doc *d)
{
    size_t replaced = 0;
    return d->clean ? d->clean : sr_utf8_clean(d->arena, d->text, d->len, &replaced);
}

/* Stores d unless its content hash is stored (see sitrep_store.h). d is borrowed: nothing
 * of it is kept after the call (only a document never analysed gets its clean view made
 * in its own arena). An error rolls the whole batch back (sr_store_abort_batch). */
sr_status sr_store_add_doc(sr_store *s, const sr_doc *d, int *added)
{
    if (added)
        *added = 0;
    if (!s->in_batch)
        return sr_store_fail(s, SR_USAGE, "(sr_store_add_doc outside sr_store_begin/commit)");
    uint8_t hash[16];
    content_hash(s, d, hash);
    int found = 0;
    sr_status st = known(s, hash, &found);
    if (!st && found) {
        s->batch.known++;
        return SR_OK;
    }
    const char *text = st ? NULL : clean_text(d);
    if (!st && !text)
        st = sr_store_fail(s, SR_NOMEM, "(checking the text)");
    sr_near near;
    if (!st)
        st = sr_store_near_find(s, text, d->len, s->next_id, &near);
    if (!st)
        st = add_rows(s, d, text, hash, &near);
    if (st)
        return sr_store_abort_batch(s, st);
    s->next_id++;
    s->batch.docs++;
    s->batch.mentions += d->nmentions;
    s->batch.claims += d->nclaims;
    s->batch.near_dups += (uint64_t)near.has_similarity;
    if (added)
        *added = 1;
    return SR_OK;
}
