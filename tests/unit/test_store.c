/* test_store.c: the SQLite store: a round trip of the seed reports' claims, content-hash
 * idempotency, near-duplicate clusters, the upgrade from schema version 1, refusing
 * files that are not sitrep databases or are newer, and the read-only, full and
 * locked cases; an interrupted and resumed ingest gives the same database as one run.
 * Every database lives in a fresh mkdtemp directory that is removed afterwards. */
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../../src/store/store_int.h"
#include "../harness.h"

/* ---- fixtures ---------------------------------------------------------------------- */

enum { NSEEDS = 5 };

/* Reads and analyses the seed reports into docs (caller frees each with sr_doc_free).
 * Returns how many were read. */
static size_t read_seeds(sr_doc **docs)
{
    char path[512];
    snprintf(path, sizeof path, "%s/corpus/seeds/seeds.jsonl", sr_test_shared());
    const char *paths[] = {path};
    sr_reader *r = sr_reader_new(paths, 1, NULL);
    sr_pipeline *p = sr_pipeline_new(sr_test_lexicon());
    size_t n = 0;
    sr_doc *d = NULL;
    while (r && p && n < NSEEDS && sr_reader_next(r, &d) == SR_OK) {
        CHECK(sr_pipeline_run(p, d) == SR_OK);
        /* origin points into the reader, which is freed below */
        d->origin = sr_arena_strndup(d->arena, d->origin, strlen(d->origin));
        docs[n++] = d;
    }
    sr_pipeline_free(p);
    sr_reader_free(r);
    CHECK_EQ_INT(n, NSEEDS);
    return n;
}

static void free_docs(sr_doc **docs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        sr_doc_free(docs[i]);
}

/* An analysed document from text, with a url (copied into its arena). Caller frees. */
static sr_doc *make_doc(const char *id, const char *url, const char *text, size_t len)
{
    sr_ymd day = {2024, 11, 5};
    sr_doc *d = sr_doc_new(id, text, len, &day);
    sr_pipeline *p = sr_pipeline_new(sr_test_lexicon());
    if (d && url) {
        d->url.p = sr_arena_strndup(d->arena, url, strlen(url));
        d->url.n = d->url.p ? strlen(url) : 0;
    }
    CHECK(d && p && sr_pipeline_run(p, d) == SR_OK);
    sr_pipeline_free(p);
    return d;
}

/* A scratch directory and database paths in it. */
typedef struct {
    char dir[64];
    char path[128];
} scratch;

static void scratch_open(scratch *t, const char *name)
{
    snprintf(t->dir, sizeof t->dir, "/tmp/sitrep-store-XXXXXX");
    CHECK(mkdtemp(t->dir) != NULL);
    snprintf(t->path, sizeof t->path, "%s/%s", t->dir, name);
}

/* Removes a database and its WAL files. */
static void remove_db(const char *path)
{
    char p[160];
    unlink(path);
    snprintf(p, sizeof p, "%s-wal", path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", path);
    unlink(p);
    snprintf(p, sizeof p, "%s-journal", path);
    unlink(p);
}

static void scratch_close(scratch *t)
{
    remove_db(t->path);
    CHECK(rmdir(t->dir) == 0);
}

/* One integer from a query on its own connection to path; -1 on error. */
static int64_t raw_int(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    int64_t v = -1;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    CHECK_MSG(v != -1, "%s: %s", sql, db ? sqlite3_errmsg(db) : "");
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

static int raw_exec(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
    CHECK_MSG(rc == SQLITE_OK, "%s: %s", sql, db ? sqlite3_errmsg(db) : "");
    sqlite3_close(db);
    return rc;
}

/* The whole file (caller frees); *n its size. */
static char *file_bytes(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    char *b = malloc(1 << 20);
    *n = f && b ? fread(b, 1, 1 << 20, f) : 0;
    if (f)
        fclose(f);
    return b;
}

static sr_store *open_ok(const char *path, int flags)
{
    sr_store *s = NULL;
    char *err = NULL;
    sr_status st = sr_store_open(path, flags, &s, &err);
    CHECK_MSG(st == SR_OK, "open %s: %s", path, err ? err : sr_strerror(st));
    free(err);
    return s;
}

/* Stores docs in one batch. */
static void add_all(sr_store *s, sr_doc **docs, size_t n)
{
    CHECK(sr_store_begin(s) == SR_OK);
    for (size_t i = 0; i < n; i++)
        CHECK_MSG(sr_store_add_doc(s, docs[i], NULL) == SR_OK, "%s", sr_store_error(s));
    CHECK_MSG(sr_store_commit(s) == SR_OK, "%s", sr_store_error(s));
}

/* ---- round trip -------------------------------------------------------------------- */

static int span_is(const sr_doc *d, uint32_t a, uint32_t b, const char *s)
{
    size_t n = b > a ? b - a : 0;
    return strlen(s) == n && !memcmp(d->clean + a, s, n);
}

/* A stored claim against the claim the pipeline made. */
static void check_claim(const sr_doc *d, const sr_claim *c, const sr_stored_claim *k)
{
    const sr_mention *m = &d->mentions[c->mention];
    int isq = m->kind == SR_MENTION_QUANTITY;
    CHECK_EQ_INT(k->sentence, c->sentence);
    CHECK_EQ_INT(k->start, m->start);
    CHECK_EQ_INT(k->end, m->end);
    CHECK(span_is(d, m->start, m->end, k->quantity));
    CHECK(k->value == (isq ? m->u.quantity.value : m->u.number));
    CHECK(k->low == (isq ? m->u.quantity.low : m->u.number));
    CHECK(k->high == (isq ? m->u.quantity.high : m->u.number));
    CHECK_EQ_INT(k->hedge, isq ? m->u.quantity.hedge : SR_HEDGE_EXACT);
    CHECK_EQ_STR(k->as_of, c->as_of);
    CHECK_EQ_INT(k->dated, c->date >= 0);
    CHECK_EQ_INT(k->modality, c->modality);
    CHECK_EQ_INT(k->source_kind, c->source.kind);
    CHECK(span_is(d, c->source.start, c->source.end, k->source));
    CHECK(span_is(d, c->counted_start, c->counted_end, k->counted));
    CHECK_EQ_STR(k->counted_actor, c->counted_actor ? c->counted_actor : "");
    if (c->place >= 0) {
        const sr_mention *p = &d->mentions[c->place];
        CHECK(span_is(d, p->start, p->end, k->place));
        CHECK_EQ_STR(k->place_id, p->u.place.id);
        CHECK_EQ_INT(k->place_kind, p->u.place.kind);
    } else {
        CHECK_EQ_STR(k->place, "");
        CHECK_EQ_INT(k->place_kind, -1);
    }
    /* the context is the document's bytes at text_start */
    CHECK(k->text_start <= k->start && k->text_start + strlen(k->text) >= k->end);
    CHECK(!memcmp(d->clean + k->text_start, k->text, strlen(k->text)));
}

/* Checks the loaded claims against the documents' claims, in order. */
static void check_claims(sr_doc **docs, size_t ndocs, const sr_claimset *cs)
{
    size_t k = 0;
    for (size_t i = 0; i < ndocs; i++) {
        for (size_t j = 0; j < docs[i]->nclaims && k < cs->n; j++, k++) {
            const sr_stored_claim *c = &cs->claims[k];
            CHECK_EQ_INT(c->doc, (int64_t)i + 1);
            CHECK_EQ_INT(c->cluster, c->doc);
            CHECK(c->doc_key && !memcmp(c->doc_key, docs[i]->id.p, docs[i]->id.n));
            CHECK(!strcmp(c->outlet, "") ||
                  !memcmp(c->outlet, docs[i]->outlet.p, docs[i]->outlet.n));
            CHECK(c->url && c->title && c->published && c->place_name && c->via);
            check_claim(docs[i], &docs[i]->claims[j], c);
        }
    }
    CHECK_EQ_INT(k, cs->n);
}

TEST(store_round_trip_of_seed_claims)
{
    sr_doc *docs[NSEEDS];
    size_t n = read_seeds(docs), claims = 0, mentions = 0;
    for (size_t i = 0; i < n; i++)
        claims += docs[i]->nclaims, mentions += docs[i]->nmentions;
    CHECK(claims > 20);
    scratch t;
    scratch_open(&t, "rt.db");
    sr_store *s = open_ok(t.path, SR_STORE_CREATE);
    CHECK_EQ_INT(sr_store_version(s), sr_store_schema_version());
    CHECK_EQ_INT(sr_store_schema_version(), 3);
    add_all(s, docs, n);
    const sr_store_stats *ss = sr_store_stats_get(s);
    CHECK_EQ_INT(ss->docs, n);
    CHECK_EQ_INT(ss->claims, claims);
    CHECK_EQ_INT(ss->mentions, mentions);
    sr_store_close(s);
    CHECK_EQ_INT(raw_int(t.path, "SELECT count(*) FROM mentions"), mentions);
    CHECK_EQ_INT(raw_int(t.path, "PRAGMA application_id"), SR_STORE_APP_ID);
    s = open_ok(t.path, SR_STORE_READONLY);
    sr_claimset cs;
    CHECK(s && sr_store_load_claims(s, NULL, &cs) == SR_OK);
    CHECK_EQ_INT(cs.n, claims);
    check_claims(docs, n, &cs);
    sr_claimset_free(&cs);
    sr_store_close(s);
    free_docs(docs, n);
    scratch_close(&t);
}

TEST(store_about_filter_is_case_insensitive_and_literal)
{
    static const char ru[] = "В Курске находятся 11,000 северокорейских солдат, сообщил "
                             "источник. Их число может вырасти до 15,000 к декабрю.";
    static const char en[] = "About 100 per cent of 50% of the 1,200 troops_x left Kursk.";
    sr_doc *docs[2] = {make_doc("ru", NULL, ru, sizeof ru - 1),
                       make_doc("en", NULL, en, sizeof en - 1)};
    scratch t;
    scratch_open(&t, "about.db");
    sr_store *s = open_ok(t.path, SR_STORE_CREATE);
    add_all(s, docs, 2);
    struct {
        const char *about;
        size_t docs; /* bit 0: ru, bit 1: en */
    } cases[] = {
        {"КУРСКЕ", 1}, {"kursk", 2}, {"KURSK", 2}, {"50%", 2}, {"%", 2},
        {"0% o", 2},   {"s_x", 2},   {"s%x", 0},   {"_", 2},   {"'; DROP TABLE claims; --", 0},
        {"", 3},       {"\\", 0}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sr_claimset cs;
        CHECK(sr_store_load_claims(s, cases[i].about, &cs) == SR_OK);
        size_t seen = 0;
        for (size_t k = 0; k < cs.n; k++)
            seen |= (size_t)1 << (cs.claims[k].doc - 1);
        CHECK_MSG(seen == cases[i].docs, "about \"%s\": docs %zu, expected %zu", cases[i].about,
                  seen, cases[i].docs);
        sr_claimset_free(&cs);
    }
    CHECK_EQ_INT(raw_int(t.path, "SELECT count(*) FROM claims"),
                 docs[0]->nclaims + docs[1]->nclaims);
    sr_store_close(s);
    free_docs(docs, 2);
    scratch_close(&t);
}

/* ---- idempotency and near-duplicates ----------------------------------------------- */

TEST(store_same_document_is_stored_once)
{
    static const char text[] = "Officials said 1,500 soldiers arrived in Kursk on Monday.";
    sr_doc *a = make_doc("a", "https://example.org/a", text, sizeof text - 1);
    sr_doc *b = make_doc("b-other-id", "https://example.org/a", text, sizeof text - 1);
    sr_doc *c = make_doc("c", "https://example.org/c", text, sizeof text - 1);
    scratch t;
    scratch_open(&t, "idem.db");
    sr_store *s = open_ok(t.path, SR_STORE_CREATE);
    int added = -1;
    CHECK(sr_store_begin(s) == SR_OK);
    CHECK(sr_store_add_doc(s, a, &added) == SR_OK && added == 1);
    CHECK(sr_store_add_doc(s, a, &added) == SR_OK && added == 0); /* same batch */
    CHECK(sr_store_add_doc(s, b, &added) == SR_OK && added == 0); /* the id is not content */
    CHECK(sr_store_commit(s) == SR_OK);
    CHECK(sr_store_begin(s) == SR_OK);
    CHECK(sr_store_add_doc(s, a, &added) == SR_OK && added == 0); /* a later batch */
    CHECK(sr_store_add_doc(s, c, &added) == SR_OK && added == 1); /* another url */
    CHECK(sr_store_commit(s) == SR_OK);
    const sr_store_stats *ss = sr_store_stats_get(s);
    CHECK_EQ_INT(ss->docs, 2);
    CHECK_EQ_INT(ss->known, 3);
    CHECK_EQ_INT(ss->claims, 2 * a->nclaims);
    sr_store_close(s);
    CHECK_EQ_INT(raw_int(t.path, "SELECT count(*) FROM documents"), 2);
    CHECK_EQ_INT(raw_int(t.path, "SELECT count(*) FROM claims"), 2 * a->nclaims);
    sr_doc_free(a);
    sr_doc_free(b);
    sr_doc_free(c);
    scratch_close(&t);
}

/* A copy of d's text with a few words changed and a line added. Caller frees. */
static char *edited_copy(const sr_doc *d, size_t *len)
{
    static const char tail[] = "\n\nAdditional reporting by our correspondent in Seoul.";
    char *t = malloc(d->len + sizeof tail);
    memcpy(t, d->text, d->len);
    memcpy(t + d->len, tail, sizeof tail);
    *len = d->len + sizeof tail - 1;
    size_t changed = 0;
    for (size_t i = 200; i + 8 < d->len && changed < 6; i += d->len / 7) {
        char *w = strstr(t + i, " the ");
        if (w && (size_t)(w - t) + 5 < d->len)
            memcpy(w, " one ", 5), changed++;
    }
    return t;
}

TEST(store_near_duplicates_share_a_cluster)
{
    sr_doc *docs[NSEEDS];
    size_t n = read_seeds(docs), len = 0;
    char *copy = edited_copy(docs[0], &len);
    sr_doc *dup = make_doc("copy", "https://elsewhere.example/copy", copy, len);
    static const char other[] =
        "The city council voted on Tuesday to close three libraries and a swimming pool, "
        "citing a budget shortfall of 2 million pounds. Residents said the decision would "
        "hurt families, and a petition against it had gathered 4,000 signatures by noon.";
    sr_doc *unrelated = make_doc("other", NULL, other, sizeof other - 1);
    sr_doc *all[] = {docs[0], docs[1], docs[2], docs[3], docs[4], dup, unrelated};
    scratch t;
    scratch_open(&t, "near.db");
    sr_store *s = open_ok(t.path, SR_STORE_CREATE);
    add_all(s, all, 7);
    CHECK_EQ_INT(sr_store_stats_get(s)->near_dups, 1);
    sr_store_close(s);
    CHECK_EQ_INT(raw_int(t.path, "SELECT cluster FROM documents WHERE doc_key = 'copy'"), 1);
    CHECK(raw_int(t.path, "SELECT similarity >= 0.7 AND similarity < 1 FROM documents "
                          "WHERE doc_key = 'copy'") == 1);
    CHECK_EQ_INT(raw_int(t.path, "SELECT count(*) FROM documents WHERE cluster = id"), 6);
    CHECK_EQ_INT(raw_int(t.path, "SELECT count(*) FROM documents WHERE similarity IS NULL"), 6);
    CHECK_EQ_INT(raw_int(t.path, "SELECT cluster FROM documents WHERE doc_key = 'other'"), 7);
    CHECK_EQ_INT(raw_int(t.path, "SELECT count(DISTINCT doc) FROM lsh"), 7);
    free(copy);
    sr_doc_free(dup);
    sr_doc_free(unrelated);
    free_docs(docs, n);
    scratch_close(&t);
}

/* Every row of every table, in key order, as text: two databases with the same rows
 * give the same dump. Caller frees. */
static char *dump(const char *path)
{
    static const char *const q[] = {
        "SELECT * FROM documents ORDER BY id", "SELECT * FROM mentions ORDER BY doc, idx",
        "SELECT * FROM claims ORDER BY id", "SELECT * FROM lsh ORDER BY key, doc"};
    sqlite3 *db = NULL;
    sr_buf b = {0};
    CHECK(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK);
    for (size_t i = 0; i < sizeof q / sizeof q[0]; i++) {
        sqlite3_stmt *st = NULL;
        CHECK(sqlite3_prepare_v2(db, q[i], -1, &st, NULL) == SQLITE_OK);
        while (st && sqlite3_step(st) == SQLITE_ROW)
            for (int c = 0; c < sqlite3_column_count(st); c++) {
                const char *v = (const char *)sqlite3_column_text(st, c);
                sr_buf_adds(&b, v ? v : "NULL");
                sr_buf_add(&b, "|", 1);
            }
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    sr_buf_add(&b, "", 1);
    return b.p;
}

TEST(store_interrupted_ingest_resumes_to_the_same_database)
{
    sr_doc *docs[NSEEDS];
    size_t n = read_seeds(docs);
    scratch a, b;
    scratch_open(&a, "one.db");
    scratch_open(&b, "two.db");
    sr_store *s = open_ok(a.path, SR_STORE_CREATE);
    add_all(s, docs, n);
    sr_store_close(s);
    s = open_ok(b.path, SR_STORE_CREATE);
    add_all(s, docs, 2);
    CHECK(sr_store_begin(s) == SR_OK);
    CHECK(sr_store_add_doc(s, docs[2], NULL) == SR_OK);
    sr_store_close(s); /* the process dies in the middle of a batch */
    s = open_ok(b.path, SR_STORE_CREATE);
    add_all(s, docs, n);
    CHECK_EQ_INT(sr_store_stats_get(s)->known, 2);
    sr_store_close(s);
    char *x = dump(a.path), *y = dump(b.path);
    CHECK(x && y && strlen(x) > 10000 && !strcmp(x, y));
    free(x);
    free(y);
    free_docs(docs, n);
    scratch_close(&a);
    scratch_close(&b);
}

/* ---- schema versions --------------------------------------------------------------- */

static const char v1_rows[] =
    "INSERT INTO documents (id, hash, doc_key, outlet, published, origin, line, text) VALUES"
    " (1, x'0102', 'old-1', 'example.org', '2024-11-05', 'old.jsonl', 1,"
    " 'Officials said 1,500 soldiers arrived.');"
    "INSERT INTO mentions (doc, idx, kind, sentence, start, end, value, low, high, hedge,"
    " unit_kind, vague) VALUES (1, 0, 'quantity', 0, 15, 20, 1500, 1500, 1500, 'exact',"
    " 'count', 0);"
    "INSERT INTO claims (doc, idx, mention, sentence, start, end, text_start, text_end,"
    " quantity, value, low, high, hedge, unit_kind, vague, counted, as_of, as_of_begin,"
    " as_of_end, dated, modality, source_kind, source) VALUES (1, 0, 0, 0, 15, 20, 0, 38,"
    " '1,500', 1500, 1500, 1500, 'about', 'count', 0, 'soldiers', '2024-11-05',"
    " '2024-11-05', '2024-11-05', 0, 'projection', 'named', 'Officials');";

TEST(store_upgrades_version_1_with_its_data)
{
    scratch t;
    scratch_open(&t, "v1.db");
    CHECK(sr_store_create_at_version(t.path, 1) == SR_OK);
    CHECK_EQ_INT(raw_int(t.path, "PRAGMA user_version"), 1);
    raw_exec(t.path, v1_rows);
    sr_store *s = NULL;
    char *err = NULL;
    CHECK(sr_store_open(t.path, SR_STORE_READONLY, &s, &err) == SR_READONLY);
    CHECK(err && strstr(err, t.path) && strstr(err, "upgrade"));
    free(err);
    s = open_ok(t.path, 0);
    CHECK_EQ_INT(sr_store_version(s), 3);
    sr_claimset cs;
    CHECK(s && sr_store_load_claims(s, NULL, &cs) == SR_OK);
    CHECK_EQ_INT(cs.n, 1);
    if (cs.n == 1) {
        const sr_stored_claim *c = &cs.claims[0];
        CHECK_EQ_INT(c->cluster, 1);
        CHECK_EQ_STR(c->text, "Officials said 1,500 soldiers arrived.");
        CHECK_EQ_STR(c->quantity, "1,500");
        CHECK_EQ_INT(c->hedge, SR_HEDGE_ABOUT);
        CHECK_EQ_INT(c->modality, SR_MODALITY_PROJECTION);
        CHECK_EQ_INT(c->source_kind, SR_SOURCE_NAMED);
        CHECK_EQ_INT(c->as_of_end.day, 5);
        CHECK_EQ_STR(c->doc_key, "old-1");
    }
    sr_claimset_free(&cs);
    static const char text[] = "Officials said 2,000 soldiers arrived in Kursk.";
    sr_doc *d = make_doc("new", NULL, text, sizeof text - 1);
    if (d) { /* a web page's author and language are kept (version 3) */
        d->author = (sr_str){"A. Writer", 9};
        d->lang = (sr_str){"en", 2};
    }
    add_all(s, &d, 1);
    sr_store_close(s);
    CHECK_EQ_INT(raw_int(t.path, "PRAGMA user_version"), 3);
    CHECK_EQ_INT(raw_int(t.path, "SELECT count(*) FROM documents WHERE cluster = id"), 2);
    CHECK_EQ_INT(raw_int(t.path, "SELECT count(*) FROM documents WHERE author IS NULL"), 1);
    CHECK_EQ_INT(raw_int(t.path, "SELECT count(*) FROM documents WHERE author = 'A. Writer' "
                                 "AND lang = 'en' AND doc_key = 'new'"),
                 1);
    CHECK_EQ_INT(raw_int(t.path, "SELECT count(*) FROM mentions WHERE doc = 1"), 1);
    CHECK_EQ_INT(raw_int(t.path, "SELECT id FROM documents WHERE doc_key = 'new'"), 2);
    sr_doc_free(d);
    scratch_close(&t);
}

TEST(store_failed_upgrade_leaves_the_file_as_it_was)
{
    scratch t;
    scratch_open(&t, "v1bad.db");
    CHECK(sr_store_create_at_version(t.path, 1) == SR_OK);
    raw_exec(t.path, v1_rows);
    raw_exec(t.path, "CREATE TABLE lsh (x)"); /* makes the step to version 2 fail */
    sr_store *s = NULL;
    char *err = NULL;
    CHECK(sr_store_open(t.path, 0, &s, &err) == SR_DB && !s);
    CHECK(err && !strncmp(err, t.path, strlen(t.path)) && !strchr(err, '\n'));
    free(err);
    CHECK_EQ_INT(raw_int(t.path, "PRAGMA user_version"), 1);
    CHECK_EQ_INT(raw_int(t.path, "SELECT count(*) FROM pragma_table_info('documents') "
                                 "WHERE name = 'cluster'"),
                 0);
    CHECK_EQ_INT(raw_int(t.path, "SELECT count(*) FROM claims"), 1);
    scratch_close(&t);
}

/* Opening path gives want, with a message naming the file, and leaves no handle. */
static void check_refused(const char *path, int flags, sr_status want, const char *says)
{
    sr_store *s = (sr_store *)1;
    char *err = NULL;
    sr_status st = sr_store_open(path, flags, &s, &err);
    CHECK_MSG(st == want, "%s: %s, expected %s", path, sr_strerror(st), sr_strerror(want));
    CHECK(s == NULL);
    CHECK_MSG(err && !strncmp(err, path, strlen(path)) && strstr(err, says) && !strchr(err, '\n'),
              "message: %s", err ? err : "(none)");
    free(err);
}

TEST(store_refuses_files_that_are_not_sitrep_databases)
{
    scratch t;
    scratch_open(&t, "x.db");
    char noise[4096];
    uint32_t x = 12345;
    for (size_t i = 0; i < sizeof noise; i++)
        noise[i] = (char)((x = x * 1103515245u + 12345u) >> 24);
    FILE *f = fopen(t.path, "wb");
    CHECK(f && fwrite(noise, 1, sizeof noise, f) == sizeof noise);
    if (f)
        fclose(f);
    check_refused(t.path, SR_STORE_CREATE, SR_NOTDB, ": not a sitrep database");
    size_t n = 0;
    char *after = file_bytes(t.path, &n);
    CHECK(n == sizeof noise && !memcmp(after, noise, n));
    free(after);
    remove_db(t.path);
    raw_exec(t.path, "CREATE TABLE notes (x); INSERT INTO notes VALUES ('mine')");
    char *before = file_bytes(t.path, &n);
    size_t m = 0;
    check_refused(t.path, SR_STORE_CREATE, SR_NOTDB, ": not a sitrep database");
    after = file_bytes(t.path, &m);
    CHECK(n > 0 && m == n && !memcmp(before, after, n));
    char wal[160];
    snprintf(wal, sizeof wal, "%s-wal", t.path);
    CHECK(access(wal, F_OK) != 0);
    free(before);
    free(after);
    scratch_close(&t);
}

TEST(store_refuses_newer_missing_and_empty_read_only)
{
    scratch t;
    scratch_open(&t, "newer.db");
    check_refused(t.path, 0, SR_NOTFOUND, "no such file");
    check_refused(t.path, SR_STORE_READONLY, SR_NOTFOUND, "no such file");
    FILE *f = fopen(t.path, "wb"); /* an empty file */
    if (f)
        fclose(f);
    check_refused(t.path, SR_STORE_READONLY, SR_NOTDB, "not a sitrep database");
    sr_store *s = open_ok(t.path, 0); /* initialised */
    CHECK(s && sr_store_version(s) == 3);
    sr_store_close(s);
    raw_exec(t.path, "PRAGMA user_version = 99");
    check_refused(t.path, SR_STORE_CREATE, SR_NEWER, "schema version 99");
    check_refused(t.path, SR_STORE_READONLY, SR_NEWER, "newer sitrep");
    CHECK_EQ_INT(raw_int(t.path, "PRAGMA user_version"), 99);
    scratch_close(&t);
}

/* ---- read-only, full, locked ------------------------------------------------------- */

TEST(store_read_only)
{
    static const char text[] = "Officials said 1,500 soldiers arrived in Kursk on Monday.";
    sr_doc *d = make_doc("a", NULL, text, sizeof text - 1);
    scratch t;
    scratch_open(&t, "ro.db");
    sr_store *s = open_ok(t.path, SR_STORE_CREATE);
    add_all(s, &d, 1);
    sr_store_close(s);
    s = open_ok(t.path, SR_STORE_READONLY);
    CHECK(s && sr_store_begin(s) == SR_READONLY);
    CHECK(s && strstr(sr_store_error(s), t.path) == sr_store_error(s));
    sr_claimset cs;
    CHECK(s && sr_store_load_claims(s, NULL, &cs) == SR_OK && cs.n == d->nclaims);
    sr_claimset_free(&cs);
    sr_store_close(s);
    if (geteuid() != 0) { /* root writes whatever the mode says */
        CHECK(chmod(t.path, 0444) == 0);
        check_refused(t.path, 0, SR_READONLY, "read-only");
        s = open_ok(t.path, SR_STORE_READONLY); /* reading a write-protected file works */
        CHECK(s && sr_store_load_claims(s, NULL, &cs) == SR_OK && cs.n == d->nclaims);
        sr_claimset_free(&cs);
        sr_store_close(s);
        CHECK(chmod(t.path, 0644) == 0);
    }
    sr_doc_free(d);
    scratch_close(&t);
}

/* A document with a distinct url (so a distinct content hash) made from d. */
static sr_doc *variant(const sr_doc *d, int i)
{
    char url[64];
    snprintf(url, sizeof url, "https://example.org/%d", i);
    return make_doc("v", url, d->text, d->len);
}

TEST(store_full_rolls_back_the_batch)
{
    sr_doc *docs[NSEEDS];
    size_t n = read_seeds(docs);
    scratch t;
    scratch_open(&t, "full.db");
    sr_store *s = open_ok(t.path, SR_STORE_CREATE);
    add_all(s, docs, 2);
    int64_t pages = raw_int(t.path, "PRAGMA page_count");
    CHECK(sr_store_set_max_pages(s, (uint32_t)pages + 8) == SR_OK);
    sr_status st = sr_store_begin(s);
    for (int i = 0; i < 200 && !st; i++) {
        sr_doc *v = variant(docs[2 + i % 3], i);
        st = sr_store_add_doc(s, v, NULL);
        sr_doc_free(v);
    }
    if (!st)
        st = sr_store_commit(s);
    CHECK_MSG(st == SR_FULL, "%s", sr_strerror(st));
    CHECK(strstr(sr_store_error(s), "full") != NULL);
    CHECK(sr_store_commit(s) == SR_FULL); /* the batch is gone; commit says why */
    CHECK_EQ_INT(sr_store_stats_get(s)->docs, 2);
    CHECK_EQ_INT(raw_int(t.path, "SELECT count(*) FROM documents"), 2);
    CHECK_EQ_INT(raw_int(t.path, "SELECT count(*) FROM claims"),
                 docs[0]->nclaims + docs[1]->nclaims);
    CHECK(sr_store_set_max_pages(s, 1u << 30) == SR_OK);
    add_all(s, docs + 2, 1); /* usable again once there is room */
    CHECK_EQ_INT(sr_store_stats_get(s)->docs, 3);
    sr_store_close(s);
    CHECK_EQ_INT(raw_int(t.path, "SELECT count(*) FROM documents"), 3);
    free_docs(docs, n);
    scratch_close(&t);
}

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

TEST(store_busy_when_another_process_writes)
{
    static const char text[] = "Officials said 1,500 soldiers arrived in Kursk on Monday.";
    sr_doc *d = make_doc("a", NULL, text, sizeof text - 1);
    scratch t;
    scratch_open(&t, "busy.db");
    sr_store *s = open_ok(t.path, SR_STORE_CREATE);
    sr_store_set_busy_timeout(s, 200);
    sqlite3 *other = NULL;
    CHECK(sqlite3_open_v2(t.path, &other, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK);
    CHECK(sqlite3_exec(other, "BEGIN EXCLUSIVE", NULL, NULL, NULL) == SQLITE_OK);
    double t0 = seconds();
    CHECK(sr_store_begin(s) == SR_BUSY);
    double waited = seconds() - t0;
    CHECK_MSG(waited >= 0.15 && waited < 3.0, "waited %.2f s", waited);
    CHECK(strstr(sr_store_error(s), "locked") && strstr(sr_store_error(s), t.path));
    CHECK(sr_store_add_doc(s, d, NULL) == SR_USAGE); /* no batch */
    CHECK(sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL) == SQLITE_OK);
    add_all(s, &d, 1);
    CHECK_EQ_INT(sr_store_stats_get(s)->docs, 1);
    sqlite3_close(other);
    sr_store_close(s);
    sr_doc_free(d);
    scratch_close(&t);
}
