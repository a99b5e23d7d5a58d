/* store_int.h: the store's internals shared by its files: the handle, its prepared
 * statements, the bind order of the insert statements, error helpers, and setters that
 * only tests use (schema.c, store.c, store_add.c, store_near.c, store_load.c).
 *
 * The handle owns one SQLite connection and every statement prepared on it; statements
 * are prepared once (the load statements on first use) and reset after each use, so no
 * statement is left running between calls. */
#ifndef SR_STORE_INT_H
#define SR_STORE_INT_H

#include <sqlite3.h>
#include <xxhash.h>

#include "../core/internal.h"
#include "../dedup/dedup.h"
#include "sitrep_store.h"

/* PRAGMA application_id of a sitrep database: "SRTP". */
#define SR_STORE_APP_ID 0x53525450

/* How long a writer waits for another process's lock before SR_BUSY. */
#define SR_STORE_BUSY_MS 5000

/* Near-duplicate candidates examined per document: the ones sharing the most LSH keys,
 * then the earliest. Bounds the work for a document with many stored copies. */
#define SR_STORE_MAX_CANDIDATES 64

/* Documents read per LSH key: the earliest that have it. A text stored a thousand times
 * would otherwise make each new copy read every older one, quadratic in the copies. */
#define SR_STORE_PER_KEY 64

/* ---- statements -------------------------------------------------------------------- */

typedef enum {
    ST_BEGIN, /* BEGIN IMMEDIATE: take the write lock now, waiting up to the timeout */
    ST_COMMIT,
    ST_ROLLBACK,
    ST_NEXT_ID,   /* the id the next document gets */
    ST_FIND_HASH, /* is a content hash stored? */
    ST_ADD_DOC,
    ST_ADD_MENTION,
    ST_ADD_CLAIM,
    ST_CANDIDATES, /* documents sharing LSH keys with a new one */
    ST_DOC_TEXT,   /* a candidate's text and cluster */
    ST_ADD_LSH,
    ST_LOAD_ALL, /* prepared on first load */
    ST_LOAD_ABOUT,
    ST_COUNT
} sr_store_stmt;

/* Columns the insert statements write, in bind order: parameter i + 1 is column i.
 * The SQL is built from the same lists (sr_store_insert_sql), so the two cannot drift. */
/* clang-format off */
#define SR_DOC_COLS(X)                                                                  \
    X(id) X(hash) X(doc_key) X(url) X(outlet) X(title) X(published) X(origin) X(line)   \
    X(text) X(cluster) X(similarity) X(author) X(lang)

#define SR_MENTION_COLS(X)                                                              \
    X(doc) X(idx) X(kind) X(sentence) X(start) X(end) X(value) X(low) X(high) X(hedge)  \
    X(unit_kind) X(currency) X(unit) X(per) X(vague) X(grain) X(from_day) X(to_day)     \
    X(code) X(name) X(flags) X(place_id) X(country) X(region) X(place_kind) X(lat)      \
    X(lon)

#define SR_CLAIM_COLS(X)                                                                \
    X(doc) X(idx) X(mention) X(sentence) X(start) X(end) X(text_start) X(text_end)      \
    X(quantity) X(value) X(low) X(high) X(hedge) X(unit_kind) X(vague) X(currency)      \
    X(unit) X(counted) X(counted_actor) X(place) X(place_id) X(place_name)              \
    X(place_country) X(place_region) X(place_kind) X(as_of) X(as_of_begin)              \
    X(as_of_end) X(dated) X(modality) X(source_kind) X(source) X(source_actors) X(via)  \
    X(via_actors)
/* clang-format on */

#define SR_COL_ENUM_DOC(c) DC_##c,
#define SR_COL_ENUM_MEN(c) MC_##c,
#define SR_COL_ENUM_CLM(c) CC_##c,
enum { SR_DOC_COLS(SR_COL_ENUM_DOC) DC_COUNT };
enum { SR_MENTION_COLS(SR_COL_ENUM_MEN) MC_COUNT };
enum { SR_CLAIM_COLS(SR_COL_ENUM_CLM) CC_COUNT };

/* ---- the handle -------------------------------------------------------------------- */

/* A near-duplicate candidate: a stored document and how many LSH keys it shares. */
typedef struct {
    int64_t doc;
    int shared;
} sr_candidate;

struct sr_store {
    sqlite3 *db;
    char *path;  /* as given to sr_store_open (malloc'd) */
    char *err;   /* the last error, one line (malloc'd), or NULL */
    int flags;   /* SR_STORE_* */
    int version; /* the open database's schema version */
    int busy_ms;
    int in_batch;         /* between a successful begin and commit/rollback */
    sr_status batch_err;  /* the error that rolled the batch back, for commit */
    int64_t next_id;      /* documents.id of the next stored document */
    sr_store_stats stats; /* committed */
    sr_store_stats batch; /* this batch, folded into stats at commit */
    XXH3_state_t *xx;     /* content hash state, reused */
    sqlite3_stmt *st[ST_COUNT];
    /* scratch for finding candidates (store_near.c), kept off the caller's stack */
    int64_t cand_rows[SR_MH_BANDS * SR_STORE_PER_KEY];
    sr_candidate cand[SR_MH_BANDS * SR_STORE_PER_KEY];
};

/* ---- errors (store.c) -------------------------------------------------------------- */

/* Sets s's message to "PATH: <sr_strerror(st)>" followed by the printf detail when fmt
 * is not NULL ("PATH: database error: adding a claim: disk I/O error"); newlines become
 * spaces. Returns st. Without memory for the message, the message is left as it was. */
sr_status sr_store_fail(sr_store *s, sr_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Maps an SQLite result code to a status (BUSY/LOCKED, READONLY, FULL, NOTADB, NOMEM,
 * TOOBIG, else SR_DB) and sets the message with what was being done. Returns it. */
sr_status sr_store_db_fail(sr_store *s, int rc, const char *what);

/* Steps a statement that returns no rows and resets it. SR_OK, or the error mapped
 * through sr_store_db_fail with what. */
sr_status sr_store_exec(sr_store *s, sqlite3_stmt *st, const char *what);

/* Ends a batch after an error: rolls the transaction back (nothing of it stays), drops
 * the batch's counts and keeps st for sr_store_commit. Returns st. */
sr_status sr_store_abort_batch(sr_store *s, sr_status st);

/* Prepares statement `which` (kept in s->st until sr_store_close) from sql; NULL sql
 * (a statement that did not fit its buffer) is an error. SR_OK or the error. */
sr_status sr_store_prepare(sr_store *s, sr_store_stmt which, const char *sql);

/* Builds "INSERT INTO table (c1, c2, ...) VALUES (?, ?, ...)" from a column list joined
 * by commas into out (cap bytes). Returns out, or NULL when it does not fit. */
char *sr_store_insert_sql(char *out, size_t cap, const char *table, const char *cols, int ncols);

/* ---- schema (schema.c) ------------------------------------------------------------- */

/* Reads what the open file is: its schema version into *version (0 for an empty file
 * or an empty SQLite database, which will be initialised). SR_NOTDB for a file that is
 * not SQLite or a database of another program, SR_NEWER for a newer schema; the
 * message is set. Writes nothing. */
sr_status sr_schema_identify(sr_store *s, int *version);

/* Brings the database to schema version `to` in one transaction: re-reads the version
 * under the write lock, runs the migrations from there, sets application_id and
 * user_version. On failure the transaction is rolled back and the file is as before. */
sr_status sr_schema_upgrade(sr_store *s, int to);

/* For tests: creates a new sitrep database at path at an older schema version (1 ..
 * sr_store_schema_version()), empty. The file must not exist or be empty. Returns SR_OK
 * or an error (the message is lost: tests only). */
sr_status sr_store_create_at_version(const char *path, int version);

/* ---- settings for tests (store.c) -------------------------------------------------- */

/* Caps the database at pages pages (PRAGMA max_page_count), so a test can fill it.
 * A cap below the current size leaves the size as the cap. */
sr_status sr_store_set_max_pages(sr_store *s, uint32_t pages);

/* How long to wait for another process's lock before SR_BUSY, in milliseconds. */
void sr_store_set_busy_timeout(sr_store *s, int ms);

/* ---- adding (store_add.c, store_near.c) -------------------------------------------- */

/* Prepares the statements sr_store_add_doc uses. SR_OK or an error with the message. */
sr_status sr_store_prepare_add(sr_store *s);

/* Prepares the near-duplicate statements (store_near.c). */
sr_status sr_store_prepare_near(sr_store *s);

/* A document's near-duplicate record: its LSH keys (nkeys 0 when the text is too short
 * to take part), its cluster, and the similarity to the document it copies. */
typedef struct {
    int64_t keys[SR_MH_BANDS];
    int nkeys;
    int64_t cluster;
    int has_similarity;
    double similarity;
} sr_near;

/* Finds the stored document the text (len bytes of valid UTF-8) is a near-duplicate
 * of, for a document that will get id `id`; fills *out (cluster = id when none).
 * Allocates only while it runs. SR_OK, SR_NOMEM or a database error. */
sr_status sr_store_near_find(sr_store *s, const char *text, size_t len, int64_t id, sr_near *out);

/* Stores the document's LSH keys so later documents find it. */
sr_status sr_store_near_index(sr_store *s, int64_t id, const sr_near *near);

/* Writes a day as "YYYY-MM-DD" into out; returns its length, 0 for an unknown day. */
static inline int sr_store_day(sr_ymd d, char out[16])
{
    if (d.year <= 0 || d.year > 9999 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) {
        out[0] = 0;
        return 0;
    }
    int y = d.year;
    out[0] = (char)('0' + y / 1000), out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10), out[3] = (char)('0' + y % 10), out[4] = '-';
    out[5] = (char)('0' + d.month / 10), out[6] = (char)('0' + d.month % 10), out[7] = '-';
    out[8] = (char)('0' + d.day / 10), out[9] = (char)('0' + d.day % 10), out[10] = 0;
    return 10;
}

/* ---- loading (store_load.c) -------------------------------------------------------- */

/* Registers the SQL functions the load statements use (sr_contains) on the connection. */
sr_status sr_store_register_functions(sr_store *s);

#endif
