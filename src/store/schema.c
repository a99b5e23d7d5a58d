/* schema.c: the sitrep database: its tables, how a file is recognised as one, and the
 * migrations that bring an older one to this build's schema.
 *
 * A sitrep database is an SQLite file (WAL journal) with PRAGMA application_id =
 * 0x53525450 ("SRTP") and PRAGMA user_version = its schema version. migrations[i]
 * takes version i to i + 1; opening an older database runs the missing ones, and sets
 * user_version, in one transaction, so a failed upgrade leaves the file as it was. A
 * database newer than this build is refused (SR_NEWER), never written. Nothing stored
 * depends on the clock or the run: the same documents added in the same order give
 * the same rows, whether in one run or in an interrupted run and its re-run.
 *
 * Offsets are byte offsets into documents.text, end exclusive. SQLite's substr counts
 * characters in TEXT, so a span is read as substr(CAST(text AS BLOB), start + 1,
 * end - start). Enumerations are stored by the names extract prints ("at_least").
 *
 * documents: one row per stored report (version 1; cluster, similarity since 2;
 *   author, lang since 3)
 *   id          INTEGER PRIMARY KEY: 1, 2, 3 ... in the order documents were stored
 *   hash        BLOB NOT NULL UNIQUE: 16-byte XXH3-128 (canonical, big-endian) over url,
 *               outlet, title, published day and text, each preceded by its length as
 *               8 little-endian bytes; a document whose hash is stored is not stored again
 *   doc_key     TEXT NOT NULL: the report's id (extract's doc `id`)
 *   url, outlet, title  TEXT, NULL when absent
 *   published   TEXT 'YYYY-MM-DD', NULL when undated
 *   origin      TEXT: the input it was read from ("-" for stdin); line INTEGER: its JSONL
 *               line, 0 for a whole file
 *   text        TEXT NOT NULL: the text analysed, valid UTF-8 (an invalid input byte is
 *               stored as 0x1A, so lengths and offsets are those of the input)
 *   cluster     INTEGER: id of the first document of its near-duplicate cluster; its
 *               own id when it copies no earlier document
 *   similarity  REAL: Jaccard similarity of its word 5-shingles with the document it
 *               was found to copy (>= 0.7); NULL when none
 *   author, lang  TEXT: a web page's author(s) and language; NULL when not known
 *
 * mentions: every mention the pipeline found, WITHOUT ROWID, PRIMARY KEY (doc, idx)
 *   doc, idx    documents.id; position in the document's mentions (text order)
 *   kind        'number', 'quantity', 'date', 'actor' or 'place'
 *   sentence, start, end   sentence index; byte span of the expression
 *   value       number and quantity: REAL; date: the ISO value as TEXT ('2024-10',
 *               '2024-W44'), NULL when unresolved. Declared without a type, so neither
 *               is converted.
 *   quantity:   low, high REAL; hedge, unit_kind, currency, unit, per TEXT (NULL when
 *               absent); vague 0/1
 *   date:       grain TEXT; from_day, to_day TEXT 'YYYY-MM-DD': the interval named
 *   actor:      code (valid on the publication day), name (dictionary entry), flags
 *               TEXT ('person', 'role', 'metonym', 'compound', comma-separated; '' none)
 *   place:      place_id, name, country (alpha-3), region (id of its first-level
 *               region), place_kind ('country', 'region', 'city'), lat, lon
 *   Columns that do not apply to the mention's kind are NULL.
 *
 * claims: one per figure (quantity, or bare number >= 100), in document order
 *   id          INTEGER PRIMARY KEY, in insertion order, hence in (doc, idx) order
 *   doc, idx    documents.id; position in the document's claims (UNIQUE (doc, idx))
 *   mention     mentions.idx of the figure
 *   sentence, start, end   the figure's sentence and bytes
 *   text_start, text_end   the context shown with it: the sentence, or in a sentence
 *               over 512 bytes the 256 bytes either side of the figure
 *   quantity    TEXT: the figure as written ("more than 10,000")
 *   value, low, high REAL; hedge TEXT; unit_kind TEXT (NULL for a bare number);
 *   vague 0/1; currency (ISO 4217), unit (head noun or unit) TEXT
 *   counted     TEXT: what is counted, as written; counted_actor: its actor code
 *   place, place_id, place_name, place_country, place_region, place_kind: the place as
 *               written and as resolved; all NULL when the claim has none
 *   as_of       TEXT as extract prints it ('2024-10-18', '2024-12-31', '2025-01')
 *   as_of_begin, as_of_end  TEXT 'YYYY-MM-DD': the inclusive interval it names (a
 *               single day for a day); the publication day when the text gives none
 *   dated       1: the date is written in the text; 0: it is the publication day
 *   modality    'reported', 'projection', 'hypothetical'
 *   source_kind 'none' (the outlet's own statement), 'named', 'unnamed'
 *   source, via TEXT as written (NULL when none); source_actors, via_actors: their
 *               actor codes, comma-separated
 *
 * lsh: near-duplicate index (version 2), WITHOUT ROWID, PRIMARY KEY (key, doc)
 *   key         INTEGER: one of a document's 32 MinHash band keys (src/dedup/dedup.h);
 *               documents with fewer than 8 shingles have none
 *   doc         documents.id */
#include <stdlib.h>

#include "store_int.h"

static const char *const migrations[] = {
    /* 0 -> 1: documents, mentions, claims */
    "CREATE TABLE documents (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  hash BLOB NOT NULL UNIQUE,\n"
    "  doc_key TEXT NOT NULL,\n"
    "  url TEXT, outlet TEXT, title TEXT, published TEXT,\n"
    "  origin TEXT, line INTEGER,\n"
    "  text TEXT NOT NULL);\n"
    "CREATE TABLE mentions (\n"
    "  doc INTEGER NOT NULL REFERENCES documents (id), idx INTEGER NOT NULL,\n"
    "  kind TEXT NOT NULL, sentence INTEGER NOT NULL,\n"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL,\n"
    "  value, low REAL, high REAL, hedge TEXT, unit_kind TEXT, currency TEXT,\n"
    "  unit TEXT, per TEXT, vague INTEGER,\n"
    "  grain TEXT, from_day TEXT, to_day TEXT,\n"
    "  code TEXT, name TEXT, flags TEXT,\n"
    "  place_id TEXT, country TEXT, region TEXT, place_kind TEXT, lat REAL, lon REAL,\n"
    "  PRIMARY KEY (doc, idx)) WITHOUT ROWID;\n"
    "CREATE TABLE claims (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  doc INTEGER NOT NULL REFERENCES documents (id), idx INTEGER NOT NULL,\n"
    "  mention INTEGER NOT NULL, sentence INTEGER NOT NULL,\n"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL,\n"
    "  text_start INTEGER NOT NULL, text_end INTEGER NOT NULL,\n"
    "  quantity TEXT NOT NULL, value REAL, low REAL, high REAL,\n"
    "  hedge TEXT NOT NULL, unit_kind TEXT, vague INTEGER NOT NULL,\n"
    "  currency TEXT, unit TEXT, counted TEXT, counted_actor TEXT,\n"
    "  place TEXT, place_id TEXT, place_name TEXT, place_country TEXT,\n"
    "  place_region TEXT, place_kind TEXT,\n"
    "  as_of TEXT, as_of_begin TEXT, as_of_end TEXT, dated INTEGER NOT NULL,\n"
    "  modality TEXT NOT NULL, source_kind TEXT NOT NULL,\n"
    "  source TEXT, source_actors TEXT, via TEXT, via_actors TEXT);\n"
    "CREATE UNIQUE INDEX claims_doc ON claims (doc, idx);\n",

    /* 1 -> 2: near-duplicates. Documents stored before have no LSH keys, so they stay
     * clusters of their own and later documents are not matched against them. */
    "ALTER TABLE documents ADD COLUMN cluster INTEGER;\n"
    "ALTER TABLE documents ADD COLUMN similarity REAL;\n"
    "UPDATE documents SET cluster = id;\n"
    "CREATE TABLE lsh (\n"
    "  key INTEGER NOT NULL, doc INTEGER NOT NULL REFERENCES documents (id),\n"
    "  PRIMARY KEY (key, doc)) WITHOUT ROWID;\n",

    /* 2 -> 3: what web pages tell of themselves. Earlier documents have neither. */
    "ALTER TABLE documents ADD COLUMN author TEXT;\n"
    "ALTER TABLE documents ADD COLUMN lang TEXT;\n",
};

enum { SCHEMA_VERSION = sizeof migrations / sizeof migrations[0] };

/* The schema version this build writes: the number of migrations. */
int sr_store_schema_version(void)
{
    return SCHEMA_VERSION;
}

/* Runs a one-value query into *out. An SQLite result code (SQLITE_OK on success). */
static int query_int(sqlite3 *db, const char *sql, int64_t *out)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            *out = sqlite3_column_int64(st, 0);
            rc = SQLITE_OK;
        } else if (rc == SQLITE_DONE) {
            rc = SQLITE_ERROR;
        }
    }
    sqlite3_finalize(st);
    return rc;
}

/* Reads application_id, user_version and the number of schema objects. */
static int read_header(sqlite3 *db, int64_t *app, int64_t *version, int64_t *objects)
{
    int rc = query_int(db, "PRAGMA application_id", app);
    if (rc == SQLITE_OK)
        rc = query_int(db, "PRAGMA user_version", version);
    if (rc == SQLITE_OK)
        rc = query_int(db, "SELECT count(*) FROM sqlite_master", objects);
    return rc;
}

sr_status sr_schema_identify(sr_store *s, int *version)
{
    int64_t app = 0, ver = 0, objects = 0;
    int rc = read_header(s->db, &app, &ver, &objects);
    if (rc != SQLITE_OK)
        return sr_store_db_fail(s, rc, "reading the database header");
    if (app == 0 && ver == 0 && objects == 0) { /* new, or an empty SQLite database */
        *version = 0;
        return SR_OK;
    }
    if (app != SR_STORE_APP_ID)
        return sr_store_fail(s, SR_NOTDB, NULL);
    if (ver > SCHEMA_VERSION)
        return sr_store_fail(s, SR_NEWER, "(schema version %lld; this build reads up to %d)",
                             (long long)ver, SCHEMA_VERSION);
    if (ver < 1)
        return sr_store_fail(s, SR_NOTDB, "(schema version %lld)", (long long)ver);
    *version = (int)ver;
    return SR_OK;
}

/* Runs migrations from..to-1 and stamps the file, inside the caller's transaction. */
static sr_status migrate(sr_store *s, int from, int to)
{
    for (int v = from; v < to; v++) {
        int rc = sqlite3_exec(s->db, migrations[v], NULL, NULL, NULL);
        if (rc != SQLITE_OK) {
            char what[64];
            snprintf(what, sizeof what, "upgrading the schema to version %d", v + 1);
            return sr_store_db_fail(s, rc, what);
        }
    }
    char sql[96];
    snprintf(sql, sizeof sql, "PRAGMA application_id = %d; PRAGMA user_version = %d",
             SR_STORE_APP_ID, to);
    int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? SR_OK : sr_store_db_fail(s, rc, "setting the schema version");
}

sr_status sr_schema_upgrade(sr_store *s, int to)
{
    int rc = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return sr_store_db_fail(s, rc, "locking the database to upgrade it");
    int from = 0;
    /* another process may have upgraded it while this one waited for the lock */
    sr_status st = sr_schema_identify(s, &from);
    if (!st && from < to)
        st = migrate(s, from, to);
    if (!st) {
        rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
        if (rc != SQLITE_OK)
            st = sr_store_db_fail(s, rc, "committing the schema upgrade");
    }
    if (st) {
        if (!sqlite3_get_autocommit(s->db))
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return st;
    }
    s->version = from > to ? from : to;
    return SR_OK;
}

sr_status sr_store_create_at_version(const char *path, int version)
{
    if (version < 1 || version > SCHEMA_VERSION)
        return SR_USAGE;
    sr_store s = {.path = (char *)path};
    int rc = sqlite3_open_v2(path, &s.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    int have = -1;
    sr_status st = rc == SQLITE_OK ? sr_schema_identify(&s, &have) : SR_DB;
    if (!st && have != 0)
        st = SR_USAGE;
    if (!st && sqlite3_exec(s.db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) != SQLITE_OK)
        st = SR_DB;
    if (!st)
        st = sr_schema_upgrade(&s, version);
    sqlite3_close(s.db);
    free(s.err);
    return st;
}
