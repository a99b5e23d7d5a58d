/* reader.c: walks the inputs (files, directories recursively in name order, "-" for
 * stdin) and yields one document per report.
 *
 * Each input is sniffed after decompression, whatever it is called: a WARC file starts
 * (after blank lines) with "WARC/1."; JSONL (one report per line) with "{"; an HTML
 * page, after an optional byte-order mark and blanks, with "<!doctype", "<!--", "<?xml"
 * or the tag of an element pages open with (sr_looks_like_html: a text report that
 * happens to start with "<" and another word stays text); anything else is one
 * plain-text report. An HTML file is one document; a WARC file yields one per HTML page
 * (warc.c), its other records skipped and counted.
 * Memory is bounded by the largest record: lines, files and WARC records are assembled
 * in one growing buffer that never holds much more than max_record; a longer line is
 * skipped to its end and reported. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "record.h"
#include "stream.h"
#include "warc.h"

enum { FMT_UNKNOWN, FMT_TEXT, FMT_JSONL, FMT_HTML, FMT_WARC };

/* Bytes read before sniffing an input's format: enough for blank lines, a BOM and the
 * first tag of a page. */
enum { SNIFF_BYTES = 1024 };

struct sr_reader {
    char **queue; /* inputs still to read, directories already expanded */
    size_t nqueue, cap, next;
    sr_reader_options opt;
    sr_stream *s;
    const char *name; /* current input */
    int open, fmt;
    uint64_t line;
    char *buf; /* decompressed bytes [pos, n) not yet consumed */
    size_t n, pos, bufcap;
    int eof;
    uint64_t bytes;
    uint64_t raw_done;     /* on-disk bytes of inputs already closed */
    sr_warc *warc;         /* the current input's WARC reader, when it is one */
    sr_warc_src src;       /* the buffer above as the WARC reader's byte source */
    int src_failed;        /* the last fill() under the WARC reader failed (err is set) */
    uint64_t warc_skipped; /* records of closed WARC inputs that were not pages */
    char err[1024];
};

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool queue_push(sr_reader *r, size_t at, char *path)
{
    if (r->nqueue == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 16;
        char **q = realloc(r->queue, cap * sizeof *q);
        if (!q)
            return false;
        r->queue = q;
        r->cap = cap;
    }
    memmove(r->queue + at + 1, r->queue + at, (r->nqueue - at) * sizeof *r->queue);
    r->queue[at] = path;
    r->nqueue++;
    return true;
}

sr_reader *sr_reader_new(const char *const *paths, size_t npaths, const sr_reader_options *opt)
{
    sr_reader *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    if (opt)
        r->opt = *opt;
    if (!r->opt.max_record || r->opt.max_record > SR_MAX_RECORD_HARD)
        r->opt.max_record = r->opt.max_record ? SR_MAX_RECORD_HARD : SR_MAX_RECORD_DEFAULT;
    r->s = malloc(sizeof *r->s);
    if (!r->s) {
        free(r);
        return NULL;
    }
    for (size_t i = 0; i < npaths; i++) {
        char *p = strdup(paths[i]);
        if (!p || !queue_push(r, r->nqueue, p)) {
            free(p);
            sr_reader_free(r);
            return NULL;
        }
    }
    return r;
}

/* Replaces the directory at queue[at] by its entries (sorted; hidden names skipped).
 * Subdirectories stay in the queue and are expanded when reached. */
static sr_status expand_dir(sr_reader *r, size_t at)
{
    char *dir = r->queue[at];
    int depth = 0;
    for (const char *c = dir; *c; c++)
        depth += *c == '/';
    if (depth > SR_MAX_DIR_DEPTH) {
        snprintf(r->err, sizeof r->err, "%s: directories nested too deep", dir);
        return SR_LIMIT;
    }
    DIR *d = opendir(dir);
    if (!d) {
        snprintf(r->err, sizeof r->err, "%s: %s", dir, strerror(errno));
        return SR_IO;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    sr_status st = SR_OK;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn) {
                st = SR_NOMEM;
                break;
            }
            names = nn;
        }
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        names[n] = malloc(len);
        if (!names[n]) {
            st = SR_NOMEM;
            break;
        }
        snprintf(names[n], len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", e->d_name);
        n++;
    }
    closedir(d);
    if (!st)
        qsort(names, n, sizeof *names, cmp_str);
    /* remove the directory itself, then insert its entries in order */
    memmove(r->queue + at, r->queue + at + 1, (r->nqueue - at - 1) * sizeof *r->queue);
    r->nqueue--;
    for (size_t i = 0; i < n; i++) {
        if (st || !queue_push(r, at + i, names[i])) {
            st = SR_NOMEM;
            free(names[i]);
        }
    }
    free(names);
    free(dir);
    if (st)
        snprintf(r->err, sizeof r->err, "out of memory listing a directory");
    return st;
}

static sr_status fill(sr_reader *r)
{
    if (r->pos > 0 && r->pos == r->n)
        r->pos = r->n = 0;
    /* move the unread tail to the front only when the free space runs short */
    if (r->pos > 0 && r->bufcap - r->n < SR_STREAM_CHUNK) {
        memmove(r->buf, r->buf + r->pos, r->n - r->pos);
        r->n -= r->pos;
        r->pos = 0;
    }
    if (r->bufcap - r->n < SR_STREAM_CHUNK) {
        size_t cap = r->bufcap ? r->bufcap * 2 : 4 * SR_STREAM_CHUNK;
        char *b = realloc(r->buf, cap + 1);
        if (!b) {
            snprintf(r->err, sizeof r->err, "%s: out of memory", r->name);
            return SR_NOMEM;
        }
        r->buf = b;
        r->bufcap = cap;
    }
    size_t got;
    sr_status st = sr_stream_read(r->s, r->buf + r->n, r->bufcap - r->n, &got);
    if (st) {
        snprintf(r->err, sizeof r->err, "%s: %s", r->name, r->s->err);
        return st;
    }
    r->n += got;
    r->bytes += got;
    if (got == 0)
        r->eof = 1;
    return SR_OK;
}

static void close_input(sr_reader *r)
{
    if (r->warc) {
        r->warc_skipped += sr_warc_skipped(r->warc);
        sr_warc_free(r->warc);
        r->warc = NULL;
    }
    if (r->open) {
        r->raw_done += r->s->raw_bytes;
        sr_stream_close(r->s);
    }
    r->open = 0;
    r->n = r->pos = 0;
    r->eof = 0;
}

/* Opens the next file in the queue (expanding directories). SR_EOF when none is left. */
static sr_status open_next(sr_reader *r)
{
    while (r->next < r->nqueue) {
        const char *path = r->queue[r->next];
        struct stat sb;
        if (strcmp(path, "-") && stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
            sr_status st = expand_dir(r, r->next);
            if (st) {
                return st;
            }
            continue;
        }
        r->name = path;
        r->next++;
        r->line = 0;
        r->fmt = FMT_UNKNOWN;
        sr_status st = sr_stream_open(r->s, path);
        r->open = 1;
        if (st) {
            snprintf(r->err, sizeof r->err, "%s: %s", path, r->s->err);
            close_input(r);
            return st;
        }
        return SR_OK;
    }
    return SR_EOF;
}

static int sniff(sr_reader *r)
{
    const char *p = r->buf + r->pos;
    size_t n = r->n - r->pos, i = 0;
    if (sr_looks_like_html(p, n))
        return FMT_HTML;
    if (n >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
        i += 3;
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n'))
        i++;
    if (n - i >= 7 && !memcmp(p + i, "WARC/1.", 7))
        return FMT_WARC;
    return i < n && p[i] == '{' ? FMT_JSONL : FMT_TEXT;
}

/* Reads the whole input as one text report, or one web page when html is set. */
static sr_status next_text(sr_reader *r, bool html, sr_doc **out)
{
    while (!r->eof) {
        if (r->n - r->pos > r->opt.max_record) {
            snprintf(r->err, sizeof r->err, "%s: report larger than %zu bytes (--max-record)",
                     r->name, r->opt.max_record);
            close_input(r);
            return SR_TOOBIG;
        }
        sr_status st = fill(r);
        if (st) {
            close_input(r);
            return st;
        }
    }
    size_t len = r->n - r->pos;
    const char *text = r->buf + r->pos;
    char err[512];
    sr_status st;
    if (html) {
        /* the page's BOM is the first word on its charset: it stays */
        st = sr_record_from_html(text, len, r->name, NULL, &r->opt, out, err, sizeof err);
    } else {
        if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) {
            /* a BOM is not text; offsets then count from after it */
            text += 3;
            len -= 3;
        }
        st = sr_record_from_text(text, len, r->name, &r->opt, out, err, sizeof err);
    }
    if (st)
        snprintf(r->err, sizeof r->err, "%s: %s", r->name, err);
    close_input(r);
    return st;
}

/* Finds the next line and points line and len at it (inside the buffer, valid until
 * the next fill). */
static sr_status next_line(sr_reader *r, const char **line, size_t *len)
{
    size_t scanned = r->pos;
    for (;;) {
        char *nl = memchr(r->buf + scanned, '\n', r->n - scanned);
        if (nl) {
            *line = r->buf + r->pos;
            *len = (size_t)(nl - (r->buf + r->pos));
            r->pos = (size_t)(nl - r->buf) + 1;
            r->line++;
            return SR_OK;
        }
        if (r->eof) {
            if (r->pos == r->n)
                return SR_EOF;
            *line = r->buf + r->pos;
            *len = r->n - r->pos;
            r->pos = r->n;
            r->line++;
            return SR_OK;
        }
        if (r->n - r->pos > r->opt.max_record) {
            /* skip to the end of this line without keeping it */
            r->line++;
            uint64_t bad = r->line;
            for (;;) {
                char *e = memchr(r->buf + r->pos, '\n', r->n - r->pos);
                if (e) {
                    r->pos = (size_t)(e - r->buf) + 1;
                    break;
                }
                r->pos = r->n;
                if (r->eof)
                    break;
                sr_status st = fill(r);
                if (st)
                    return st;
            }
            snprintf(r->err, sizeof r->err, "%s:%llu: line longer than %zu bytes (--max-record)",
                     r->name, (unsigned long long)bad, r->opt.max_record);
            return SR_TOOBIG;
        }
        size_t keep = r->n - r->pos;
        sr_status st = fill(r);
        if (st)
            return st;
        scanned = r->pos + keep;
    }
}

static sr_status next_jsonl(sr_reader *r, sr_doc **out)
{
    for (;;) {
        const char *line;
        size_t len;
        sr_status st = next_line(r, &line, &len);
        if (st == SR_EOF) {
            close_input(r);
            return SR_EOF;
        }
        if (st) {
            if (st != SR_TOOBIG)
                close_input(r);
            return st;
        }
        while (len && (line[len - 1] == '\r' || line[len - 1] == ' ' || line[len - 1] == '\t'))
            len--;
        size_t lead = 0;
        while (lead < len && (line[lead] == ' ' || line[lead] == '\t'))
            lead++;
        if (lead == len)
            continue; /* blank lines separate nothing */
        char err[512];
        st = sr_record_from_json(line + lead, len - lead, r->name, r->line, &r->opt, out, err,
                                 sizeof err);
        if (st)
            snprintf(r->err, sizeof r->err, "%s:%llu: %s", r->name, (unsigned long long)r->line,
                     err);
        else
            (*out)->line = r->line;
        return st;
    }
}

/* The WARC reader's source: the reader's buffer, filled from the stream. */
static sr_status src_need(void *ctx, size_t want, const char **p, size_t *avail)
{
    sr_reader *r = ctx;
    while (!r->eof && r->n - r->pos < want) {
        sr_status st = fill(r);
        if (st) {
            r->src_failed = 1;
            return st;
        }
    }
    *p = r->buf + r->pos;
    *avail = r->n - r->pos;
    return SR_OK;
}

static void src_skip(void *ctx, size_t n)
{
    sr_reader *r = ctx;
    r->pos += n;
}

/* The next HTML page of a WARC input as a document. A bad record is an error naming
 * the input and the record; the next call goes on with the record after it. */
static sr_status next_warc(sr_reader *r, sr_doc **out)
{
    if (!r->warc) {
        r->warc = sr_warc_new(r->opt.max_record);
        if (!r->warc) {
            snprintf(r->err, sizeof r->err, "%s: out of memory", r->name);
            close_input(r);
            return SR_NOMEM;
        }
        r->src = (sr_warc_src){r, src_need, src_skip};
    }
    sr_warc_record rec;
    char err[512];
    r->src_failed = 0;
    sr_status st = sr_warc_next(r->warc, &r->src, &rec, err, sizeof err);
    if (st == SR_EOF || r->src_failed || st == SR_NOMEM) {
        if (st == SR_NOMEM && !r->src_failed)
            snprintf(r->err, sizeof r->err, "%s: %s", r->name, err);
        close_input(r); /* the end, or the input is unreadable from here */
        return st;
    }
    if (st) {
        snprintf(r->err, sizeof r->err, "%s: %s", r->name, err);
        return st;
    }
    st = sr_record_from_warc(&rec, r->name, &r->opt, out, err, sizeof err);
    if (st)
        snprintf(r->err, sizeof r->err, "%s: WARC record %llu at byte %llu (%.200s): %s", r->name,
                 (unsigned long long)rec.number, (unsigned long long)rec.offset,
                 *rec.uri ? rec.uri : "no URI", err);
    return st;
}

sr_status sr_reader_next(sr_reader *r, sr_doc **out)
{
    *out = NULL;
    for (;;) {
        if (!r->open) {
            sr_status st = open_next(r);
            if (st)
                return st;
        }
        if (r->fmt == FMT_UNKNOWN) {
            while (!r->eof && r->n - r->pos < SNIFF_BYTES) {
                sr_status st = fill(r);
                if (st) {
                    close_input(r);
                    return st;
                }
            }
            if (r->eof && r->n == r->pos) {
                close_input(r); /* an empty input holds no report */
                continue;
            }
            r->fmt = sniff(r);
        }
        sr_status st = r->fmt == FMT_JSONL  ? next_jsonl(r, out)
                       : r->fmt == FMT_WARC ? next_warc(r, out)
                                            : next_text(r, r->fmt == FMT_HTML, out);
        if (st == SR_EOF)
            continue;
        if (*out)
            (*out)->origin = r->name;
        return st;
    }
}

const char *sr_reader_error(const sr_reader *r)
{
    return r->err;
}

uint64_t sr_reader_bytes(const sr_reader *r)
{
    return r->bytes;
}

uint64_t sr_reader_skipped_records(const sr_reader *r)
{
    return r->warc_skipped + (r->warc ? sr_warc_skipped(r->warc) : 0);
}

uint64_t sr_reader_raw_bytes(const sr_reader *r)
{
    return r->raw_done + (r->open ? r->s->raw_bytes : 0);
}

void sr_reader_free(sr_reader *r)
{
    if (!r)
        return;
    close_input(r);
    for (size_t i = 0; i < r->nqueue; i++)
        free(r->queue[i]);
    free(r->queue);
    free(r->buf);
    free(r->s);
    free(r);
}
