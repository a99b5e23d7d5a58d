/* store.c: the store handle: opening (recognising, initialising and upgrading the
 * file), one-line errors naming the file, and batched write transactions.
 *
 * A handle is one SQLite connection in WAL mode with synchronous=NORMAL: a commit is
 * durable against a crash of the process and atomic against power loss. Writes happen
 * in batches (BEGIN IMMEDIATE ... COMMIT); an error inside a batch rolls the whole batch
 * back, so the file only ever holds whole batches. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "store_int.h"

/* ---- errors ------------------------------------------------------------------------ */

/* Replaces s->err with msg (malloc'd, taken over), newlines turned into spaces. */
static void set_message(sr_store *s, char *msg)
{
    for (char *p = msg; *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = ' ';
    free(s->err);
    s->err = msg;
}

sr_status sr_store_fail(sr_store *s, sr_status st, const char *fmt, ...)
{
    char detail[512] = "";
    if (fmt) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(detail, sizeof detail, fmt, ap);
        va_end(ap);
    }
    char *msg = NULL;
    if (asprintf(&msg, "%s: %s%s%s", s->path, sr_strerror(st), fmt ? " " : "", detail) >= 0)
        set_message(s, msg);
    return st;
}

sr_status sr_store_db_fail(sr_store *s, int rc, const char *what)
{
    const char *why = s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc);
    switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return sr_store_fail(s, SR_BUSY, "(gave up %s after %d ms)", what, s->busy_ms);
    case SQLITE_READONLY: return sr_store_fail(s, SR_READONLY, "(%s: %s)", what, why);
    case SQLITE_FULL: return sr_store_fail(s, SR_FULL, "(%s)", what);
    case SQLITE_NOTADB: return sr_store_fail(s, SR_NOTDB, NULL);
    case SQLITE_NOMEM: return sr_store_fail(s, SR_NOMEM, "(%s)", what);
    case SQLITE_TOOBIG: return sr_store_fail(s, SR_TOOBIG, "(%s)", what);
    case SQLITE_CANTOPEN: {
        int e = s->db ? sqlite3_system_errno(s->db) : 0;
        if (e == ENOENT)
            return sr_store_fail(s, SR_NOTFOUND, NULL);
        return sr_store_fail(s, SR_DB, "(%s: %s)", what, e ? strerror(e) : why);
    }
    default: return sr_store_fail(s, SR_DB, "(%s: %s)", what, why);
    }
}

sr_status sr_store_exec(sr_store *s, sqlite3_stmt *st, const char *what)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? SR_OK : sr_store_db_fail(s, rc, what);
}

/* The last message, owned by the handle: valid until the next failing call. */
const char *sr_store_error(const sr_store *s)
{
    return s && s->err ? s->err : "";
}

sr_status sr_store_prepare(sr_store *s, sr_store_stmt which, const char *sql)
{
    if (!sql)
        return sr_store_fail(s, SR_DB, "(statement too long)");
    int rc = sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s->st[which], NULL);
    return rc == SQLITE_OK ? SR_OK : sr_store_db_fail(s, rc, "preparing a statement");
}

char *sr_store_insert_sql(char *out, size_t cap, const char *table, const char *cols, int ncols)
{
    size_t n = (size_t)snprintf(out, cap, "INSERT INTO %s (%s) VALUES (?", table, cols);
    for (int i = 1; i < ncols && n < cap; i++)
        n += (size_t)snprintf(out + n, cap - n, ", ?");
    if (n < cap)
        n += (size_t)snprintf(out + n, cap - n, ")");
    return n < cap ? out : NULL;
}

/* ---- opening ----------------------------------------------------------------------- */

/* Settings for every connection: wait for locks, keep a larger page cache than the
 * 2 MB default (the LSH index is written at random places). */
static sr_status tune(sr_store *s)
{
    sqlite3_busy_timeout(s->db, s->busy_ms);
    int rc = sqlite3_exec(s->db, "PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY", NULL,
                          NULL, NULL);
    return rc == SQLITE_OK ? SR_OK : sr_store_db_fail(s, rc, "configuring the connection");
}

/* Switches a writable database to WAL with synchronous=NORMAL (after it has been
 * recognised: nothing is written to a file that is not a sitrep database). */
static sr_status use_wal(sr_store *s)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, "PRAGMA journal_mode = WAL", -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    int wal = rc == SQLITE_ROW && !strcmp((const char *)sqlite3_column_text(st, 0), "wal");
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW)
        return sr_store_db_fail(s, rc, "switching to WAL mode");
    if (!wal)
        return sr_store_fail(s, SR_DB, "(cannot use WAL mode)");
    rc = sqlite3_exec(s->db, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL);
    return rc == SQLITE_OK ? SR_OK : sr_store_db_fail(s, rc, "setting synchronous");
}

/* Opens the connection: a missing file is SR_NOTFOUND unless it may be created; a file
 * the process may not write, opened for writing, is SR_READONLY. */
static sr_status open_connection(sr_store *s)
{
    struct stat sb;
    int create = (s->flags & SR_STORE_CREATE) && !(s->flags & SR_STORE_READONLY);
    if (!create && stat(s->path, &sb) != 0 && errno == ENOENT)
        return sr_store_fail(s, SR_NOTFOUND, NULL);
    int oflags = s->flags & SR_STORE_READONLY ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (create)
        oflags |= SQLITE_OPEN_CREATE;
    oflags |= SQLITE_OPEN_NOMUTEX; /* one handle per thread: no connection mutex */
    int rc = sqlite3_open_v2(s->path, &s->db, oflags, NULL);
    if (rc != SQLITE_OK) {
        if (!s->db)
            return sr_store_fail(s, SR_NOMEM, NULL);
        return sr_store_db_fail(s, rc, "opening");
    }
    sqlite3_extended_result_codes(s->db, 1);
    if (!(s->flags & SR_STORE_READONLY) && sqlite3_db_readonly(s->db, "main") == 1)
        return sr_store_fail(s, SR_READONLY, "(the file cannot be written)");
    return tune(s);
}

/* Recognises the file, then initialises or upgrades it (read-write handles only). */
static sr_status bring_up_to_date(sr_store *s)
{
    int version = 0;
    sr_status st = sr_schema_identify(s, &version);
    if (st)
        return st;
    s->version = version;
    int want = sr_store_schema_version();
    if (s->flags & SR_STORE_READONLY) {
        if (version == 0)
            return sr_store_fail(s, SR_NOTDB, "(empty: nothing was ever stored in it)");
        if (version < want)
            return sr_store_fail(s, SR_READONLY,
                                 "(schema version %d needs an upgrade to %d: open it for "
                                 "writing once)",
                                 version, want);
        return SR_OK;
    }
    st = use_wal(s);
    if (!st && version < want)
        st = sr_schema_upgrade(s, want);
    return st;
}

/* Ends a failed open: hands the message to the caller (or frees it) and the handle. */
static sr_status give_up(sr_store *s, sr_status st, char **errmsg)
{
    if (errmsg) {
        *errmsg = s->err ? s->err : strdup(sr_strerror(st));
        s->err = NULL;
    }
    sr_store_close(s);
    return st;
}

/* Opens path (see sitrep_store.h): the handle owns the connection, its statements and
 * its messages; close with sr_store_close. On failure *out is NULL and *errmsg, when
 * asked for, is a malloc'd line the caller frees (NULL only without memory). */
sr_status sr_store_open(const char *path, int flags, sr_store **out, char **errmsg)
{
    *out = NULL;
    if (errmsg)
        *errmsg = NULL;
    sr_store *s = calloc(1, sizeof *s);
    if (s)
        s->path = strdup(path ? path : "");
    if (!s || !s->path || !(s->xx = XXH3_createState())) {
        sr_store_close(s);
        return SR_NOMEM;
    }
    s->flags = flags;
    s->busy_ms = SR_STORE_BUSY_MS;
    sr_status st = path ? open_connection(s) : sr_store_fail(s, SR_USAGE, "(no database path)");
    if (!st)
        st = bring_up_to_date(s);
    if (!st)
        st = sr_store_register_functions(s);
    if (!st && !(flags & SR_STORE_READONLY))
        st = sr_store_prepare_add(s);
    if (st)
        return give_up(s, st, errmsg);
    *out = s;
    return SR_OK;
}

/* Rolls back a batch left open, finalises the statements and frees the handle. NULL is
 * a no-op. */
void sr_store_close(sr_store *s)
{
    if (!s)
        return;
    if (s->in_batch)
        sr_store_rollback(s);
    for (int i = 0; i < ST_COUNT; i++)
        sqlite3_finalize(s->st[i]);
    sqlite3_close(s->db);
    if (s->xx)
        XXH3_freeState(s->xx);
    free(s->err);
    free(s->path);
    free(s);
}

int sr_store_version(const sr_store *s)
{
    return s->version;
}

const sr_store_stats *sr_store_stats_get(const sr_store *s)
{
    return &s->stats;
}

/* ---- batches ----------------------------------------------------------------------- */

/* Reads the id the next document gets: ids follow insertion order. */
static sr_status read_next_id(sr_store *s)
{
    sqlite3_stmt *st = s->st[ST_NEXT_ID];
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        s->next_id = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? SR_OK : sr_store_db_fail(s, rc, "reading the next id");
}

/* Starts a batch, taking the write lock (waiting up to the busy timeout, then SR_BUSY).
 * SR_READONLY on a handle opened for reading. */
sr_status sr_store_begin(sr_store *s)
{
    if (s->flags & SR_STORE_READONLY)
        return sr_store_fail(s, SR_READONLY, "(opened for reading)");
    if (s->in_batch)
        return sr_store_fail(s, SR_USAGE, "(sr_store_begin inside a batch)");
    sr_status st = sr_store_exec(s, s->st[ST_BEGIN], "waiting for the write lock");
    if (st)
        return st;
    s->in_batch = 1;
    s->batch_err = SR_OK;
    memset(&s->batch, 0, sizeof s->batch);
    st = read_next_id(s);
    return st ? sr_store_abort_batch(s, st) : SR_OK;
}

/* Commits the batch and counts it in the stats. When the batch was rolled back by an
 * error, returns that error once (its message is kept); an error here rolls back. */
sr_status sr_store_commit(sr_store *s)
{
    if (!s->in_batch) {
        sr_status st = s->batch_err;
        s->batch_err = SR_OK;
        return st ? st : sr_store_fail(s, SR_USAGE, "(sr_store_commit without sr_store_begin)");
    }
    sr_status st = sr_store_exec(s, s->st[ST_COMMIT], "committing");
    if (st)
        return sr_store_abort_batch(s, st);
    s->in_batch = 0;
    s->stats.docs += s->batch.docs;
    s->stats.known += s->batch.known;
    s->stats.mentions += s->batch.mentions;
    s->stats.claims += s->batch.claims;
    s->stats.near_dups += s->batch.near_dups;
    return SR_OK;
}

/* Drops the open batch, if any; always safe. The message of an earlier error stays. */
void sr_store_rollback(sr_store *s)
{
    /* the ROLLBACK's own result is ignored: it must not replace the error reported */
    if (s->db && !sqlite3_get_autocommit(s->db)) {
        if (s->st[ST_ROLLBACK]) {
            sqlite3_step(s->st[ST_ROLLBACK]);
            sqlite3_reset(s->st[ST_ROLLBACK]);
        } else {
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        }
    }
    s->in_batch = 0;
    memset(&s->batch, 0, sizeof s->batch);
}

sr_status sr_store_abort_batch(sr_store *s, sr_status st)
{
    sr_store_rollback(s);
    s->batch_err = st;
    return st;
}

/* ---- settings for tests ------------------------------------------------------------ */

sr_status sr_store_set_max_pages(sr_store *s, uint32_t pages)
{
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA max_page_count = %u", pages);
    int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? SR_OK : sr_store_db_fail(s, rc, "setting max_page_count");
}

void sr_store_set_busy_timeout(sr_store *s, int ms)
{
    s->busy_ms = ms;
    sqlite3_busy_timeout(s->db, ms);
}
