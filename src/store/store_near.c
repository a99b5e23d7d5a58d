/* store_near.c: near-duplicate documents in the store (src/dedup/dedup.h).
 *
 * Each stored document with enough words has its SR_MH_BANDS LSH band keys in the lsh
 * table. A new document's keys find the candidates that share any of them (the first
 * SR_STORE_PER_KEY documents of each key); the SR_STORE_MAX_CANDIDATES sharing the
 * most keys (then the earliest) are confirmed by
 * the exact Jaccard similarity of their shingle sets, made again from their stored
 * text. The most similar one at or above SR_NEAR_DUP gives the new document its
 * cluster; ties go to the candidate met first, so the result depends only on what is
 * stored and in which order. */
#include <stdlib.h>

#include "store_int.h"

_Static_assert(SR_MH_BANDS < 999, "LSH keys are bound as ?1 .. ?N, the document after");

sr_status sr_store_prepare_near(sr_store *s)
{
    char sql[SR_MH_BANDS * 16 + 96];
    snprintf(sql, sizeof sql, "SELECT doc FROM lsh WHERE key = ?1 ORDER BY doc LIMIT %d",
             SR_STORE_PER_KEY);
    sr_status st = sr_store_prepare(s, ST_CANDIDATES, sql);
    if (!st)
        st = sr_store_prepare(s, ST_DOC_TEXT, "SELECT text, cluster FROM documents WHERE id = ?1");
    /* all of a document's keys in one statement: a statement costs more than a row */
    size_t n = (size_t)snprintf(
        sql, sizeof sql, "INSERT OR IGNORE INTO lsh (key, doc) VALUES (?1, ?%d)", SR_MH_BANDS + 1);
    for (int i = 2; i <= SR_MH_BANDS && n < sizeof sql; i++)
        n += (size_t)snprintf(sql + n, sizeof sql - n, ", (?%d, ?%d)", i, SR_MH_BANDS + 1);
    if (!st)
        st = sr_store_prepare(s, ST_ADD_LSH, n < sizeof sql ? sql : NULL);
    return st;
}

static int by_doc(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* More shared keys first, then the earlier document. */
static int by_shared(const void *a, const void *b)
{
    const sr_candidate *x = a, *y = b;
    if (x->shared != y->shared)
        return y->shared - x->shared;
    return (x->doc > y->doc) - (x->doc < y->doc);
}

/* Turns the rows read (a document id per shared key) into candidates, best first, in
 * s->cand. Returns how many to examine (at most SR_STORE_MAX_CANDIDATES). */
static int rank(sr_store *s, int nrows)
{
    qsort(s->cand_rows, (size_t)nrows, sizeof *s->cand_rows, by_doc);
    int nc = 0;
    for (int i = 0; i < nrows; i++) {
        if (nc && s->cand[nc - 1].doc == s->cand_rows[i])
            s->cand[nc - 1].shared++;
        else
            s->cand[nc++] = (sr_candidate){s->cand_rows[i], 1};
    }
    qsort(s->cand, (size_t)nc, sizeof *s->cand, by_shared);
    return nc < SR_STORE_MAX_CANDIDATES ? nc : SR_STORE_MAX_CANDIDATES;
}

/* Reads the stored documents sharing LSH keys with near->keys (at most
 * SR_STORE_PER_KEY per key) and ranks them into s->cand; *n how many to examine. One
 * lookup per key: as fast as one statement with all keys, and simpler. */
static sr_status candidates(sr_store *s, const sr_near *near, int *n)
{
    sqlite3_stmt *st = s->st[ST_CANDIDATES];
    int nrows = 0;
    for (int i = 0; i < SR_MH_BANDS; i++) {
        sqlite3_bind_int64(st, 1, near->keys[i]);
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW && nrows < SR_MH_BANDS * SR_STORE_PER_KEY)
            s->cand_rows[nrows++] = sqlite3_column_int64(st, 0);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE && rc != SQLITE_ROW)
            return sr_store_db_fail(s, rc, "finding near-duplicate candidates");
    }
    *n = nrows ? rank(s, nrows) : 0;
    return SR_OK;
}

/* The Jaccard similarity of stored document `doc` with the shingles `mine`, and the
 * document's cluster. */
static sr_status similarity(sr_store *s, int64_t doc, const sr_shingles *mine, double *j,
                            int64_t *cluster)
{
    sqlite3_stmt *st = s->st[ST_DOC_TEXT];
    sqlite3_bind_int64(st, 1, doc);
    int rc = sqlite3_step(st);
    *j = 0;
    *cluster = doc;
    sr_status res = SR_OK;
    if (rc == SQLITE_ROW) {
        const char *text = (const char *)sqlite3_column_text(st, 0);
        size_t len = (size_t)sqlite3_column_bytes(st, 0);
        if (sqlite3_column_type(st, 1) == SQLITE_INTEGER)
            *cluster = sqlite3_column_int64(st, 1);
        sr_shingles theirs = {0};
        res = text ? sr_shingles_make(text, len, &theirs) : SR_OK;
        if (!res)
            *j = sr_jaccard(mine, &theirs);
        sr_shingles_free(&theirs);
        if (res)
            res = sr_store_fail(s, res, "(comparing with document %lld)", (long long)doc);
    } else if (rc != SQLITE_DONE) {
        res = sr_store_db_fail(s, rc, "reading a near-duplicate candidate");
    }
    sqlite3_reset(st);
    return res;
}

/* Confirms the candidates against the shingles and keeps the best at SR_NEAR_DUP. */
static sr_status confirm(sr_store *s, const sr_shingles *mine, sr_near *out)
{
    int n = 0;
    sr_status st = candidates(s, out, &n);
    double best = 0;
    for (int i = 0; i < n && !st && best < 1.0; i++) {
        double j = 0;
        int64_t cluster = 0;
        st = similarity(s, s->cand[i].doc, mine, &j, &cluster);
        if (!st && j >= SR_NEAR_DUP && j > best) {
            best = j;
            out->cluster = cluster;
            out->similarity = j;
            out->has_similarity = 1;
        }
    }
    return st;
}

sr_status sr_store_near_find(sr_store *s, const char *text, size_t len, int64_t id, sr_near *out)
{
    memset(out, 0, sizeof *out);
    out->cluster = id;
    sr_shingles mine = {0};
    sr_status st = sr_shingles_make(text, len, &mine);
    if (st)
        return sr_store_fail(s, st, "(making shingles)");
    if (mine.n >= SR_SHINGLE_MIN) {
        uint32_t sig[SR_MH_PERM];
        sr_minhash(&mine, sig);
        sr_lsh_keys(sig, out->keys);
        out->nkeys = SR_MH_BANDS;
        st = confirm(s, &mine, out);
    }
    sr_shingles_free(&mine);
    return st;
}

sr_status sr_store_near_index(sr_store *s, int64_t id, const sr_near *near)
{
    if (near->nkeys != SR_MH_BANDS)
        return SR_OK;
    sqlite3_stmt *st = s->st[ST_ADD_LSH];
    for (int i = 0; i < SR_MH_BANDS; i++)
        sqlite3_bind_int64(st, i + 1, near->keys[i]);
    sqlite3_bind_int64(st, SR_MH_BANDS + 1, id);
    return sr_store_exec(s, st, "adding near-duplicate keys");
}
