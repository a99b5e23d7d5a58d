/* test_ingest.c: the reader: formats, line numbers, limits, and bounded memory. */
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>
#include <zlib.h>

#include "../../src/core/internal.h"
#include "../../src/ingest/record.h"
#include "../harness.h"

static sr_status sr_record_json_for_tests(const char *line, size_t len,
                                          const sr_reader_options *opt, sr_doc **d, char *err)
{
    return sr_record_from_json(line, len, "test", 1, opt, d, err, 512);
}

static char *temp_path(const char *suffix)
{
    static char path[256];
    snprintf(path, sizeof path, "/tmp/sitrep-test-%d%s", (int)getpid(), suffix);
    return path;
}

static void write_file(const char *path, const char *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (f) {
        CHECK(fwrite(data, 1, n, f) == n);
        fclose(f);
    }
}

/* Writes data to a fresh temporary file named with suffix and opens a reader on it;
 * *path receives the file's name for messages and unlink. */
static sr_reader *reader_over(const char *suffix, const char *data, const sr_reader_options *opt,
                              char **path)
{
    *path = temp_path(suffix);
    write_file(*path, data, strlen(data));
    const char *paths[] = {*path};
    return sr_reader_new(paths, 1, opt);
}

TEST(reader_jsonl_fields_and_lines)
{
    const char *data = "{\"id\":\"r1\",\"outlet\":\"ex\",\"published\":\"2024-10-18T09:00:00Z\","
                       "\"title\":\"T\",\"text\":\"Caf\\u00e9 1\"}\n\n"
                       "{\"id\":7,\"text\":\"second\",\"extra\":[1,2]}\n";
    char *path;
    sr_reader *r = reader_over(".jsonl", data, NULL, &path);
    sr_doc *d = NULL;
    CHECK(sr_reader_next(r, &d) == SR_OK);
    if (d) {
        CHECK(d->id.n == 2 && !memcmp(d->id.p, "r1", 2));
        CHECK(d->published.year == 2024 && d->published.month == 10 && d->published.day == 18);
        CHECK(d->len == 7 && !memcmp(d->text, "Caf\xc3\xa9 1", 7)); /* offsets count decoded bytes */
        CHECK_EQ_INT(d->line, 1);
        sr_doc_free(d);
    }
    CHECK(sr_reader_next(r, &d) == SR_OK);
    if (d) {
        CHECK(d->id.n == 1 && d->id.p[0] == '7');
        CHECK_EQ_INT(d->line, 3);
        CHECK(d->extra_json.n && strstr(d->extra_json.p, "\"extra\":[1,2]"));
        CHECK(d->published.year == 0);
        sr_doc_free(d);
    }
    CHECK(sr_reader_next(r, &d) == SR_EOF);
    sr_reader_free(r);
    unlink(path);
}

TEST(reader_error_names_input_and_line_then_continues)
{
    const char *data = "{\"text\":\"a\"}\n{\"text\":\n{\"text\":\"c\"}\n";
    char *path;
    sr_reader *r = reader_over("-bad.jsonl", data, NULL, &path);
    sr_doc *d = NULL;
    CHECK(sr_reader_next(r, &d) == SR_OK);
    sr_doc_free(d);
    CHECK(sr_reader_next(r, &d) == SR_JSON);
    char want[300];
    snprintf(want, sizeof want, "%s:2: malformed JSON", path);
    CHECK_MSG(strstr(sr_reader_error(r), want) != NULL, "error was: %s", sr_reader_error(r));
    CHECK(strchr(sr_reader_error(r), '\n') == NULL);
    CHECK(sr_reader_next(r, &d) == SR_OK);
    if (d)
        CHECK(d->text[0] == 'c');
    sr_doc_free(d);
    sr_reader_free(r);
    unlink(path);
}

TEST(reader_default_published_only_when_missing)
{
    const char *data = "{\"text\":\"a\"}\n{\"text\":\"b\",\"published\":\"2020-01-02\"}\n";
    sr_reader_options opt = {{2024, 11, 5}, 0, 0};
    char *path;
    sr_reader *r = reader_over("-pub.jsonl", data, &opt, &path);
    sr_doc *d = NULL;
    CHECK(sr_reader_next(r, &d) == SR_OK && d && d->published.year == 2024 && d->published.day == 5);
    sr_doc_free(d);
    CHECK(sr_reader_next(r, &d) == SR_OK && d && d->published.year == 2020);
    sr_doc_free(d);
    sr_reader_free(r);
    unlink(path);
}

#if !defined(__SANITIZE_ADDRESS__)
static long peak_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}
#endif

/* 48 MB of JSONL in 4 KB reports, gzip'd: memory must not follow the input size. */
TEST(reader_streams_in_bounded_memory)
{
    char *path = temp_path("-big.jsonl.gz");
    gzFile gz = gzopen(path, "wb1");
    CHECK(gz != NULL);
    if (!gz)
        return;
    char line[4200];
    int k = snprintf(line, sizeof line, "{\"text\":\"");
    for (; k < 4090; k++)
        line[k] = (char)('a' + k % 26);
    k += snprintf(line + k, sizeof line - (size_t)k, "\"}\n");
    for (int i = 0; i < 12000; i++)
        gzwrite(gz, line, (unsigned)k);
    gzclose(gz);
#if !defined(__SANITIZE_ADDRESS__)
    long before = peak_rss_kb();
#endif
    const char *paths[] = {path};
    sr_reader *r = sr_reader_new(paths, 1, NULL);
    sr_doc *d;
    int n = 0;
    while (sr_reader_next(r, &d) == SR_OK) {
        n++;
        sr_doc_free(d);
    }
    CHECK_EQ_INT(n, 12000);
    CHECK(sr_reader_bytes(r) > 48000000u);
    sr_reader_free(r);
#if !defined(__SANITIZE_ADDRESS__)
    long grown = peak_rss_kb() - before;
    CHECK_MSG(grown < 8 * 1024, "peak memory grew by %ld KB reading 48 MB", grown);
#endif
    unlink(path);
}

TEST(reader_truncated_gzip_is_an_error)
{
    char *path = temp_path("-trunc.gz");
    gzFile gz = gzopen(path, "wb");
    for (int i = 0; i < 20000; i++)
        gzprintf(gz, "{\"text\":\"report %d\"}\n", i);
    gzclose(gz);
    FILE *f = fopen(path, "rb");
    char buf[4000];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    write_file(path, buf, n);
    const char *paths[] = {path};
    sr_reader *r = sr_reader_new(paths, 1, NULL);
    sr_doc *d;
    sr_status st;
    int docs = 0;
    while ((st = sr_reader_next(r, &d)) == SR_OK) {
        docs++;
        sr_doc_free(d);
    }
    CHECK(st == SR_GZIP);
    CHECK(strstr(sr_reader_error(r), "truncated") != NULL);
    CHECK(docs > 0 && docs < 20000);
    CHECK(sr_reader_next(r, &d) == SR_EOF);
    sr_reader_free(r);
    unlink(path);
}

/* Reads a one-line JSONL report through the record parser. */
static sr_status one_json(const char *line, int repair, sr_doc **d, char *err)
{
    sr_reader_options opt = {{0, 0, 0}, 0, repair};
    return sr_record_json_for_tests(line, strlen(line), &opt, d, err);
}

TEST(json_pass_through_and_field_types)
{
    sr_doc *d;
    char err[512];
    CHECK(one_json("{\"text\":\"t\",\"meta\":{\"a\":[1,2.5,true,null,\"x\\\"y\"]},\"sentences\":3}", 0, &d, err) == SR_OK);
    if (d) {
        CHECK_MSG(d->extra_json.n && !strcmp(d->extra_json.p,
                  ",\"meta\":{\"a\":[1,2.5,true,null,\"x\\\"y\"]},\"input_sentences\":3"),
                  "extra: %s", d->extra_json.p);
        sr_doc_free(d);
    }
    CHECK(one_json("[1,2]", 0, &d, err) == SR_JSON && strstr(err, "must be a JSON object"));
    CHECK(one_json("{\"text\":\"a\",\"text\":\"b\"}", 0, &d, err) == SR_JSON && strstr(err, "duplicate"));
    CHECK(one_json("{\"text\":5}", 0, &d, err) == SR_FIELD);
    CHECK(one_json("{\"text\":\"a\",\"title\":[\"x\"]}", 0, &d, err) == SR_FIELD && strstr(err, "title"));
    CHECK(one_json("{\"text\":\"a\"} {}", 0, &d, err) == SR_JSON);
    CHECK(one_json("{\"text\":\"a\",\"published\":null}", 0, &d, err) == SR_OK && d && d->published.year == 0);
    sr_doc_free(d);
}

TEST(json_invalid_utf8_policy)
{
    sr_doc *d;
    char err[512];
    CHECK(one_json("{\"title\":\"bad \xff\",\"text\":\"ok\"}", 0, &d, err) == SR_UTF8);
    CHECK(one_json("{\"title\":\"bad \xff\",\"text\":\"ok\"}", 1, &d, err) == SR_OK);
    if (d) {
        CHECK(d->title.n == 7 && !memcmp(d->title.p, "bad \xEF\xBF\xBD", 7));
        CHECK_EQ_INT(d->invalid_bytes, 1);
        sr_doc_free(d);
    }
    /* in the text, the bad byte stays and offsets after it stay true */
    CHECK(one_json("{\"text\":\"a\xff 12\"}", 1, &d, err) == SR_OK);
    if (d) {
        CHECK(d->len == 5 && (unsigned char)d->text[1] == 0xff && d->clean[1] == 0x1A);
        sr_doc_free(d);
    }
    CHECK(one_json("{\"text\":\"a\\u0000b\"}", 0, &d, err) == SR_NUL);
}

TEST(json_deep_nesting_is_an_error)
{
    char line[2200];
    size_t n = (size_t)snprintf(line, sizeof line, "{\"text\":\"a\",\"x\":");
    for (int i = 0; i < 1000; i++)
        line[n++] = '[';
    line[n] = 0;
    sr_doc *d;
    char err[512];
    CHECK(one_json(line, 1, &d, err) == SR_LIMIT);
}
