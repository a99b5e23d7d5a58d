/* test_warc.c: the WARC reader (framing, HTTP decoding, errors and resynchronisation),
 * format sniffing, and web pages through the reader (HTML files, WARC files plain and
 * gzip'd, JSONL reports carrying "html"). Test WARCs are built here. */
#include <stdlib.h>
#include <unistd.h>
#include <zlib.h>

#include "../../src/core/internal.h"
#include "../../src/ingest/record.h"
#include "../../src/ingest/warc.h"
#include "../harness.h"

/* ---- building test files ---- */

typedef struct {
    char *p;
    size_t n, cap;
} bytes;

static void put(bytes *b, const void *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2;
        b->p = realloc(b->p, b->cap);
        if (!b->p)
            abort();
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
}

static void puts_(bytes *b, const char *s)
{
    put(b, s, strlen(s));
}

/* Appends a record whose header lines (without the version line and Content-Length)
 * are head; eol is "\r\n" or "\n"; len_field overrides the Content-Length value. */
static void record_ex(bytes *b, const char *head, const char *content, size_t n, const char *eol,
                      const char *len_field)
{
    puts_(b, "WARC/1.0");
    puts_(b, eol);
    for (const char *h = head; *h;) {
        size_t k = strcspn(h, "\n");
        put(b, h, k);
        puts_(b, eol);
        h += k + (h[k] == '\n');
    }
    if (len_field) {
        puts_(b, "Content-Length: ");
        puts_(b, len_field);
        puts_(b, eol);
    }
    puts_(b, eol);
    put(b, content, n);
    puts_(b, eol);
    puts_(b, eol);
}

static void record(bytes *b, const char *type, const char *id, const char *ctype,
                   const char *content, size_t n)
{
    char head[512], len[32];
    snprintf(head, sizeof head,
             "WARC-Type: %s\nWARC-Record-ID: <urn:uuid:%s>\nWARC-Date: 2024-11-05T10:00:00Z\n"
             "WARC-Target-URI: https://www.example.org/%s\nContent-Type: %s",
             type, id, id, ctype);
    snprintf(len, sizeof len, "%zu", n);
    record_ex(b, head, content, n, "\r\n", len);
}

/* An HTTP response with status, extra header lines (each ending "\r\n") and body. */
static bytes http(int status, const char *headers, const char *body, size_t n)
{
    bytes r = {0};
    char line[64];
    snprintf(line, sizeof line, "HTTP/1.1 %d X\r\n", status);
    puts_(&r, line);
    puts_(&r, headers);
    puts_(&r, "\r\n");
    put(&r, body, n);
    return r;
}

static void response(bytes *b, const char *id, int status, const char *headers, const char *body,
                     size_t n)
{
    bytes h = http(status, headers, body, n);
    record(b, "response", id, "application/http; msgtype=response", h.p, h.n);
    free(h.p);
}

static const char PAGE[] =
    "<!doctype html><html lang=\"en\"><head><title>Page one</title>"
    "<meta name=\"author\" content=\"Jane Roe\"></head><body><nav>Home | World</nav>"
    "<article><h1>Page one</h1><p>More than 10,000 soldiers have arrived in Russia, the "
    "ministry said on Tuesday.</p><p>Officials said the troops were moved by train over "
    "three weeks.</p></article><footer>Copyright</footer></body></html>";

static void good(bytes *b, const char *id)
{
    response(b, id, 200, "Content-Type: text/html; charset=utf-8\r\n", PAGE, strlen(PAGE));
}

static bytes gzip_of(const char *s, size_t n, int wbits)
{
    bytes r = {0};
    z_stream z;
    memset(&z, 0, sizeof z);
    deflateInit2(&z, 9, Z_DEFLATED, wbits, 8, Z_DEFAULT_STRATEGY);
    size_t cap = deflateBound(&z, n);
    r.p = malloc(cap + 1);
    z.next_in = (Bytef *)s;
    z.avail_in = (uInt)n;
    z.next_out = (Bytef *)r.p;
    z.avail_out = (uInt)cap;
    deflate(&z, Z_FINISH);
    r.n = cap - z.avail_out;
    deflateEnd(&z);
    return r;
}

/* ---- reading ---- */

typedef struct {
    sr_warc *w;
    sr_warc_src src;
    sr_warc_mem mem;
    char err[512];
} warc_reader;

static void open_mem(warc_reader *r, const bytes *b, size_t max_record)
{
    r->w = sr_warc_new(max_record);
    sr_warc_src_mem(&r->src, &r->mem, b->p, b->n);
    r->err[0] = 0;
}

static sr_status next(warc_reader *r, sr_warc_record *rec)
{
    return sr_warc_next(r->w, &r->src, rec, r->err, sizeof r->err);
}

/* The next record is a page with id's URI and the payload PAGE. */
static void expect_page(warc_reader *r, const char *id)
{
    sr_warc_record rec;
    sr_status st = next(r, &rec);
    CHECK_MSG(st == SR_OK, "expected page %s, got status %d: %s", id, st, r->err);
    if (st)
        return;
    char uri[128];
    snprintf(uri, sizeof uri, "https://www.example.org/%s", id);
    CHECK_EQ_STR(rec.uri, uri);
    CHECK_MSG(rec.len == strlen(PAGE) && !memcmp(rec.payload, PAGE, rec.len),
              "payload of %s differs (%zu bytes)", id, rec.len);
}

/* The next call is an error st whose message holds want. */
static void expect_error(warc_reader *r, sr_status want, const char *text)
{
    sr_warc_record rec;
    sr_status st = next(r, &rec);
    CHECK_MSG(st == want, "expected status %d, got %d: %s", want, st, r->err);
    CHECK_MSG(strstr(r->err, text) != NULL, "message \"%s\" lacks \"%s\"", r->err, text);
    CHECK_MSG(strncmp(r->err, "WARC record ", 12) == 0, "message names no record: %s", r->err);
}

static void expect_eof(warc_reader *r)
{
    sr_warc_record rec;
    sr_status st = next(r, &rec);
    CHECK_MSG(st == SR_EOF, "expected the end, got %d: %s", st, r->err);
    sr_warc_free(r->w);
}

TEST(warc_pages_among_other_records)
{
    bytes b = {0};
    record(&b, "warcinfo", "info", "application/warc-fields", "software: test\r\n", 16);
    record(&b, "request", "req", "application/http; msgtype=request",
           "GET / HTTP/1.1\r\nHost: x\r\n\r\n", 27);
    good(&b, "a");
    record(&b, "metadata", "meta", "application/warc-fields", "fetchTimeMs: 5\r\n", 16);
    response(&b, "redirect", 301, "Location: /b\r\nContent-Type: text/html\r\n", "<p>moved</p>",
             12);
    response(&b, "png", 200, "Content-Type: image/png\r\n", "\x89PNG....", 8);
    response(&b, "untyped", 200, "", PAGE, strlen(PAGE)); /* sniffed as HTML */
    record(&b, "resource", "res", "text/html", PAGE, strlen(PAGE));
    record(&b, "revisit", "rev", "application/http; msgtype=response", "HTTP/1.1 200 OK\r\n\r\n",
           19);
    warc_reader r;
    open_mem(&r, &b, 1 << 20);
    sr_warc_record rec;
    CHECK(next(&r, &rec) == SR_OK);
    CHECK_EQ_STR(rec.id, "<urn:uuid:a>");
    CHECK_EQ_STR(rec.date, "2024-11-05T10:00:00Z");
    CHECK_EQ_STR(rec.content_type, "text/html; charset=utf-8");
    CHECK_EQ_INT(rec.number, 3);
    CHECK(rec.len == strlen(PAGE) && !memcmp(rec.payload, PAGE, rec.len));
    expect_page(&r, "untyped");
    expect_page(&r, "res");
    CHECK_EQ_INT(sr_warc_skipped(r.w), 5);
    expect_eof(&r);
    free(b.p);
}

TEST(warc_http_chunked_gzip_deflate)
{
    bytes b = {0}, chunked = {0};
    size_t n = strlen(PAGE), half = n / 2;
    char line[32];
    snprintf(line, sizeof line, "%zx;ext=1\r\n", half);
    puts_(&chunked, line);
    put(&chunked, PAGE, half);
    snprintf(line, sizeof line, "\r\n%zX\r\n", n - half);
    puts_(&chunked, line);
    put(&chunked, PAGE + half, n - half);
    puts_(&chunked, "\r\n0\r\nX-Trailer: 1\r\n\r\n");
    response(&b, "chunked", 200, "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
             chunked.p, chunked.n);
    bytes gz = gzip_of(PAGE, n, 16 + MAX_WBITS);
    response(&b, "gzip", 200, "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", gz.p, gz.n);
    bytes zl = gzip_of(PAGE, n, MAX_WBITS), raw = gzip_of(PAGE, n, -MAX_WBITS);
    response(&b, "zlib", 200, "Content-Type: text/html\r\nContent-Encoding: deflate\r\n", zl.p,
             zl.n);
    response(&b, "raw", 200, "Content-Type: text/html\r\nContent-Encoding: deflate\r\n", raw.p,
             raw.n);
    /* gzip, then chunked: the chunks carry the compressed bytes */
    bytes both = {0};
    snprintf(line, sizeof line, "%zx\r\n", gz.n);
    puts_(&both, line);
    put(&both, gz.p, gz.n);
    puts_(&both, "\r\n0\r\n\r\n");
    response(&b, "both", 200,
             "Content-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n",
             both.p, both.n);
    /* declared but already decoded by the archiver */
    response(&b, "decoded", 200,
             "Content-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n",
             PAGE, n);
    warc_reader r;
    open_mem(&r, &b, 1 << 20);
    const char *ids[] = {"chunked", "gzip", "zlib", "raw", "both", "decoded"};
    for (size_t i = 0; i < 6; i++)
        expect_page(&r, ids[i]);
    expect_eof(&r);
    free(b.p), free(chunked.p), free(gz.p), free(zl.p), free(raw.p), free(both.p);
}

TEST(warc_lf_only_and_folded_headers)
{
    bytes b = {0};
    char len[32];
    const char *h = "HTTP/1.0 200 OK\nContent-Type: text/html\n\n";
    bytes body = {0};
    puts_(&body, h);
    puts_(&body, PAGE);
    snprintf(len, sizeof len, "%zu", body.n);
    record_ex(&b,
              "WARC-Type: response\nWARC-Target-URI:\n https://www.example.org/lf\n"
              "Content-Type: application/http",
              body.p, body.n, "\n", len);
    warc_reader r;
    open_mem(&r, &b, 1 << 20);
    expect_page(&r, "lf");
    expect_eof(&r);
    free(b.p), free(body.p);
}

TEST(warc_bad_headers_resynchronise)
{
    bytes b = {0};
    const char *head = "WARC-Type: resource\nContent-Type: text/html\n"
                       "WARC-Target-URI: https://www.example.org/x";
    good(&b, "a");
    record_ex(&b, head, PAGE, strlen(PAGE), "\r\n", NULL); /* no length */
    good(&b, "b");
    record_ex(&b, head, PAGE, strlen(PAGE), "\r\n", "12abc"); /* not a number */
    good(&b, "c");
    record_ex(&b, head, PAGE, strlen(PAGE), "\r\n", "-5"); /* negative */
    good(&b, "d");
    record_ex(&b, head, PAGE, strlen(PAGE), "\r\n", "99999999999999999999999"); /* huge */
    good(&b, "e");
    record_ex(&b, head, PAGE, strlen(PAGE), "\r\n", "900000000"); /* over the limit */
    good(&b, "f");
    puts_(&b, "WARC/0.9\r\nContent-Length: 0\r\n\r\n\r\n\r\n"); /* bad version */
    good(&b, "g");
    puts_(&b, "WARC/1.0\r\nthis is no header line\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n");
    good(&b, "h");
    record_ex(&b, head, PAGE, strlen(PAGE), "\r\n", "10"); /* too short */
    good(&b, "i");
    record_ex(&b, head, PAGE, strlen(PAGE), "\r\n", "700"); /* too long */
    good(&b, "j");
    puts_(&b, "garbage between records\r\n\x01\x02\xff\r\n");
    good(&b, "k");
    warc_reader r;
    open_mem(&r, &b, 1 << 20);
    expect_page(&r, "a");
    expect_error(&r, SR_WARC, "no Content-Length");
    expect_page(&r, "b");
    expect_error(&r, SR_WARC, "invalid Content-Length \"12abc\"");
    expect_page(&r, "c");
    expect_error(&r, SR_WARC, "invalid Content-Length \"-5\"");
    expect_page(&r, "d");
    expect_error(&r, SR_WARC, "invalid Content-Length");
    expect_page(&r, "e");
    expect_error(&r, SR_TOOBIG, "record of 900000000 bytes exceeds");
    expect_page(&r, "f");
    expect_error(&r, SR_WARC, "not a WARC header");
    expect_page(&r, "g");
    expect_error(&r, SR_WARC, "malformed header line 2");
    expect_page(&r, "h");
    expect_error(&r, SR_WARC, "does not end where its Content-Length (10) says");
    expect_page(&r, "i");
    expect_error(&r, SR_WARC, "does not end where its Content-Length (700) says");
    expect_page(&r, "j");
    expect_error(&r, SR_WARC, "not a WARC header");
    expect_page(&r, "k");
    expect_eof(&r);
    free(b.p);
}

TEST(warc_truncated_last_record)
{
    bytes b = {0};
    good(&b, "a");
    good(&b, "b");
    b.n -= 200; /* cut into b's content */
    warc_reader r;
    open_mem(&r, &b, 1 << 20);
    expect_page(&r, "a");
    expect_error(&r, SR_WARC, "record cut short");
    expect_eof(&r);
    /* and an input that ends inside a header */
    bytes c = {0};
    good(&c, "a");
    puts_(&c, "WARC/1.0\r\nWARC-Type: resp");
    open_mem(&r, &c, 1 << 20);
    expect_page(&r, "a");
    expect_error(&r, SR_WARC, "header cut short");
    expect_eof(&r);
    free(b.p), free(c.p);
}

TEST(warc_limits_and_gzip_bomb)
{
    bytes b = {0}, big = {0};
    for (int i = 0; i < 2000; i++)
        puts_(&big, "<p>padding</p>");
    good(&b, "a");
    response(&b, "big", 200, "Content-Type: text/html\r\n", big.p, big.n); /* 28 KB */
    good(&b, "b");
    size_t bomb_n = 16u << 20;
    char *zeros = calloc(1, bomb_n);
    bytes bomb = gzip_of(zeros, bomb_n, 16 + MAX_WBITS); /* 16 MiB from about 16 KB */
    free(zeros);
    response(&b, "bomb", 200, "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", bomb.p,
             bomb.n);
    good(&b, "c");
    response(&b, "br", 200, "Content-Type: text/html\r\nContent-Encoding: br\r\n", "xyz", 3);
    good(&b, "d");
    /* a gzip header, then a deflate block of the reserved type 3 */
    static const char badgz[] = "\x1f\x8b\x08\x00\0\0\0\0\0\x03\x07garbage";
    response(&b, "badgz", 200, "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", badgz,
             sizeof badgz - 1);
    good(&b, "e");
    response(&b, "badchunk", 200, "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
             "5\r\nabcde\r\nzz\r\n", 14);
    good(&b, "f");
    record(&b, "response", "nohttp", "application/http", "HTCPCP/1.0 418\r\n\r\n", 18);
    good(&b, "g");
    warc_reader r;
    open_mem(&r, &b, 16384 + 8192);
    expect_page(&r, "a");
    expect_error(&r, SR_TOOBIG, "(--max-record)");
    expect_page(&r, "b");
    expect_error(&r, SR_TOOBIG, "inflates past 24576 bytes");
    expect_page(&r, "c");
    expect_error(&r, SR_GZIP, "unsupported Content-Encoding \"br\"");
    expect_page(&r, "d");
    expect_error(&r, SR_GZIP, "corrupt compressed body");
    expect_page(&r, "e");
    expect_error(&r, SR_WARC, "malformed chunk size");
    expect_page(&r, "f");
    expect_error(&r, SR_WARC, "malformed HTTP status line");
    expect_page(&r, "g");
    expect_eof(&r);
    free(b.p), free(big.p), free(bomb.p);
}

TEST(html_sniffing)
{
    const char *html[] = {"<!DOCTYPE html><html>",
                          "\xEF\xBB\xBF\n  <html lang=en>",
                          "<!-- saved -->",
                          "<?xml version=\"1.0\"?><html",
                          "<meta charset=utf-8>",
                          "\n\n<HEAD>",
                          "<p>Hello",
                          "<div\nclass=x>",
                          NULL};
    const char *text[] = {"<Reuters> says", "<3 love", "< html", "plain text", "{\"text\":1}",
                          "<htmlish>",      "",        "<",      NULL};
    for (size_t i = 0; html[i]; i++)
        CHECK_MSG(sr_looks_like_html(html[i], strlen(html[i])), "not HTML: %s", html[i]);
    for (size_t i = 0; text[i]; i++)
        CHECK_MSG(!sr_looks_like_html(text[i], strlen(text[i])), "HTML: %s", text[i]);
    const char u16[] = "\xFF\xFE<\0h\0t\0m\0l\0>\0";
    CHECK(sr_looks_like_html(u16, sizeof u16 - 1));
    char id[64];
    sr_record_base_id("dir/page.html.gz", id, sizeof id);
    CHECK_EQ_STR(id, "page");
    sr_record_base_id("cc-news.warc.gz", id, sizeof id);
    CHECK_EQ_STR(id, "cc-news");
    sr_record_base_id("x.htm", id, sizeof id);
    CHECK_EQ_STR(id, "x");
}

static char *write_temp(const char *suffix, const char *data, size_t n)
{
    static char path[256];
    snprintf(path, sizeof path, "/tmp/sitrep-warc-%d%s", (int)getpid(), suffix);
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (f) {
        CHECK(fwrite(data, 1, n, f) == n);
        fclose(f);
    }
    return path;
}

/* Reads path to the end; returns the documents read and checks each is the test page. */
static int read_docs(const char *path, int *errors, const char *first_id)
{
    const char *paths[] = {path};
    sr_reader *rd = sr_reader_new(paths, 1, NULL);
    sr_doc *d;
    sr_status st;
    int docs = 0;
    *errors = 0;
    while ((st = sr_reader_next(rd, &d)) != SR_EOF) {
        if (st) {
            ++*errors;
            CHECK_MSG(strstr(sr_reader_error(rd), path) != NULL, "error names no input: %s",
                      sr_reader_error(rd));
            continue;
        }
        if (docs++ == 0 && first_id)
            CHECK_MSG(d->id.n == strlen(first_id) && !memcmp(d->id.p, first_id, d->id.n),
                      "id %.*s, expected %s", (int)d->id.n, d->id.p, first_id);
        CHECK(d->len > 20 && !memcmp(d->text, "More than 10,000 soldiers", 25));
        CHECK(d->title.n == 8 && !memcmp(d->title.p, "Page one", 8));
        CHECK(d->author.n == 8 && !memcmp(d->author.p, "Jane Roe", 8));
        CHECK(d->lang.n == 2 && !memcmp(d->lang.p, "en", 2));
        sr_doc_free(d);
    }
    if (strstr(path, ".warc"))
        CHECK_EQ_INT(sr_reader_skipped_records(rd), 1); /* the request */
    sr_reader_free(rd);
    return docs;
}

TEST(reader_html_and_warc_files)
{
    int errors;
    char *path = write_temp("-p.html", PAGE, strlen(PAGE));
    CHECK_EQ_INT(read_docs(path, &errors, NULL), 1);
    unlink(path);
    bytes gz = gzip_of(PAGE, strlen(PAGE), 16 + MAX_WBITS);
    path = write_temp(".htm.gz", gz.p, gz.n);
    CHECK_EQ_INT(read_docs(path, &errors, NULL), 1);
    unlink(path);
    /* a WARC with a bad record, plain and as one gzip member per record */
    bytes w = {0}, wgz = {0};
    const char *ids[] = {"aaa", "bbb", "ccc"};
    for (int i = 0; i < 3; i++) {
        bytes one = {0};
        good(&one, ids[i]);
        if (i == 1)
            record_ex(&one, "WARC-Type: response", "x", 1, "\r\n", "oops");
        if (i == 2)
            record(&one, "request", "rq", "application/http; msgtype=request",
                   "GET / HTTP/1.1\r\n\r\n", 18);
        put(&w, one.p, one.n);
        bytes z = gzip_of(one.p, one.n, 16 + MAX_WBITS);
        put(&wgz, z.p, z.n);
        free(one.p), free(z.p);
    }
    path = write_temp(".warc", w.p, w.n);
    CHECK_EQ_INT(read_docs(path, &errors, "aaa"), 3);
    CHECK_EQ_INT(errors, 1);
    unlink(path);
    path = write_temp(".warc.gz", wgz.p, wgz.n);
    CHECK_EQ_INT(read_docs(path, &errors, "aaa"), 3);
    CHECK_EQ_INT(errors, 1);
    unlink(path);
    free(gz.p), free(w.p), free(wgz.p);
}

TEST(jsonl_report_with_html)
{
    const char *line = "{\"url\":\"https://www.example.org/news/1\",\"title\":\"Explicit\","
                       "\"published\":\"2024-11-05\",\"lang\":\"en-GB\",\"html\":\"<html><head>"
                       "<title>Page one</title><meta charset=windows-1252><meta name=author "
                       "content='Jane Roe'></head><body><article><p>More than 10,000 soldiers "
                       "\\u2014 caf\\u00e9 \\u2014 have arrived in Russia, the ministry said "
                       "on Tuesday.</p></article></body></html>\"}";
    sr_reader_options opt = {{0, 0, 0}, 0, 0};
    sr_doc *d = NULL;
    char err[512];
    sr_status st = sr_record_from_json(line, strlen(line), "t", 1, &opt, &d, err, sizeof err);
    CHECK_MSG(st == SR_OK, "%s", err);
    if (!d)
        return;
    const char *want = "More than 10,000 soldiers \xE2\x80\x94 caf\xC3\xA9 \xE2\x80\x94 have";
    CHECK_MSG(d->len > strlen(want) && !memcmp(d->text, want, strlen(want)), "text: %.80s",
              d->text);
    CHECK(d->title.n == 8 && !memcmp(d->title.p, "Explicit", 8));
    CHECK(d->author.n == 8 && !memcmp(d->author.p, "Jane Roe", 8));
    CHECK(d->lang.n == 5 && !memcmp(d->lang.p, "en-GB", 5));
    CHECK(d->outlet.n == 11 && !memcmp(d->outlet.p, "example.org", 11));
    CHECK(d->published.year == 2024 && d->published.day == 5);
    CHECK(d->extra_json.n == 0);
    sr_doc_free(d);
    const char *neither = "{\"id\":\"x\"}";
    st = sr_record_from_json(neither, strlen(neither), "t", 1, &opt, &d, err, sizeof err);
    CHECK(st == SR_FIELD && strstr(err, "no \"text\" field"));
}
