/* golden.c: runs the spec-like cases in tests/golden/ (files ending .test).
 *
 * A file is a list of cases separated by blank lines. Lines:
 *   # comment
 *   published: 2024-11-05          publication day for the next input (optional)
 *   input: text                    the report text; \n and \t escapes allowed
 *   expect: KIND "TEXT" k=v k="v"  a mention of that kind and exact text must exist with
 *                                  those fields (see field_value for the keys)
 *   absent: KIND "TEXT"            no mention of that kind with that text (KIND may be *)
 *   expect: claim "QUANTITY" k=v   a claim whose quantity reads QUANTITY (claim_field keys;
 *                                  k="" for an absent source, place or date)
 *   sentence: text                 the next sentence, in order; give all or none
 *   furniture: text                the next sentence, which must be marked furniture
 * A bug report becomes a test by pasting the sentence and the expected record. */
#include <dirent.h>
#include <stdlib.h>

#include "../src/core/internal.h"
#include "harness.h"

#define MAXLINE 8192

typedef struct {
    const char *file;
    int line;
} where;

static void unescape(char *s)
{
    char *o = s;
    for (; *s; s++) {
        if (*s == '\\' && s[1] == 'n') {
            *o++ = '\n';
            s++;
        } else if (*s == '\\' && s[1] == 't') {
            *o++ = '\t';
            s++;
        } else {
            *o++ = *s;
        }
    }
    *o = 0;
}

static void ymd(char out[24], sr_ymd d)
{
    if (d.year)
        snprintf(out, 24, "%04d-%02d-%02d", d.year, d.month, d.day);
    else
        out[0] = 0;
}

static void num(char *out, size_t n, double v)
{
    sr_buf b = {0};
    sr_buf_num(&b, v);
    snprintf(out, n, "%s", b.p ? b.p : "");
    sr_buf_free(&b);
}

static void span(char *out, size_t n, const sr_doc *d, uint32_t s, uint32_t e)
{
    snprintf(out, n, "%.*s", (int)(e - s), d->clean + s);
}

/* Actor fields: code, entry, and the flags as yes/no keys (person=true). */
static bool actor_field(const sr_actor *a, const char *k, char *out, size_t n)
{
    static const char *const flag[] = {"person", "role", "metonym", "compound"};
    if (!strcmp(k, "code"))
        snprintf(out, n, "%s", a->code ? a->code : "");
    else if (!strcmp(k, "entry"))
        snprintf(out, n, "%s", a->name ? a->name : "");
    else {
        for (unsigned i = 0; i < sizeof flag / sizeof flag[0]; i++)
            if (!strcmp(k, flag[i])) {
                snprintf(out, n, "%s", a->flags & (1u << i) ? "true" : "false");
                return true;
            }
        return false;
    }
    return true;
}

/* Place fields: id, name, country (alpha-3), place_kind. */
static bool place_field(const sr_place *p, const char *k, char *out, size_t n)
{
    if (!strcmp(k, "id"))
        snprintf(out, n, "%s", p->id ? p->id : "");
    else if (!strcmp(k, "name"))
        snprintf(out, n, "%s", p->name ? p->name : "");
    else if (!strcmp(k, "country"))
        snprintf(out, n, "%s", p->country);
    else if (!strcmp(k, "place_kind"))
        snprintf(out, n, "%s", sr_place_kind_name(p->kind));
    else
        return false;
    return true;
}

/* The field k of mention m as text, as the golden files write it; false if unknown. */
static bool field_value(const sr_doc *d, const sr_mention *m, const char *k, char *out, size_t n)
{
    const sr_quantity *q = &m->u.quantity;
    const sr_date *t = &m->u.date;
    bool isq = m->kind == SR_MENTION_QUANTITY, isd = m->kind == SR_MENTION_DATE;
    if (!strcmp(k, "value") && m->kind == SR_MENTION_NUMBER)
        num(out, n, m->u.number);
    else if (!strcmp(k, "value") && isq)
        num(out, n, q->value);
    else if (!strcmp(k, "value") && isd)
        snprintf(out, n, "%s", t->value);
    else if (!strcmp(k, "low") && isq)
        num(out, n, q->low);
    else if (!strcmp(k, "high") && isq)
        num(out, n, q->high);
    else if (!strcmp(k, "hedge") && isq)
        snprintf(out, n, "%s", sr_hedge_name(q->hedge));
    else if (!strcmp(k, "unit_kind") && isq)
        snprintf(out, n, "%s", sr_unit_kind_name(q->unit_kind));
    else if (!strcmp(k, "unit") && isq)
        snprintf(out, n, "%.*s", (int)q->unit.n, q->unit.p ? q->unit.p : "");
    else if (!strcmp(k, "currency") && isq)
        snprintf(out, n, "%s", q->currency);
    else if (!strcmp(k, "per") && isq)
        snprintf(out, n, "%s", sr_period_name(q->per));
    else if (!strcmp(k, "vague") && isq)
        snprintf(out, n, "%s", q->vague ? "true" : "false");
    else if (!strcmp(k, "magnitude") && isq)
        snprintf(out, n, "%d", q->magnitude);
    else if (!strcmp(k, "counted") && isq)
        span(out, n, d, q->counted_start, q->counted_end);
    else if (!strcmp(k, "head") && isq)
        span(out, n, d, q->head_start, q->head_end);
    else if (!strcmp(k, "grain") && isd)
        snprintf(out, n, "%s", sr_grain_name(t->grain));
    else if (!strcmp(k, "from") && isd)
        ymd(out, t->begin);
    else if (!strcmp(k, "to") && isd)
        ymd(out, t->end);
    else if (!strcmp(k, "resolved") && isd)
        snprintf(out, n, "%s", t->resolved ? "true" : "false");
    else if (!strcmp(k, "relative") && isd)
        snprintf(out, n, "%s", t->relative ? "true" : "false");
    else if (!strcmp(k, "approx") && isd)
        snprintf(out, n, "%s", t->approx ? "true" : "false");
    else if (!strcmp(k, "sentence"))
        snprintf(out, n, "%u", m->sentence);
    else if (m->kind == SR_MENTION_ACTOR)
        return actor_field(&m->u.actor, k, out, n);
    else if (m->kind == SR_MENTION_PLACE)
        return place_field(&m->u.place, k, out, n);
    else
        return false;
    return true;
}

/* Reads a possibly quoted token at *p; returns it (NUL-terminated in place). */
static char *next_word(char **p)
{
    char *s = *p;
    while (*s == ' ')
        s++;
    if (!*s)
        return NULL;
    char *w = s;
    if (*s == '"') {
        w = ++s;
        while (*s && *s != '"')
            s++;
    } else {
        while (*s && *s != ' ')
            s++;
    }
    if (*s)
        *s++ = 0;
    *p = s;
    return w;
}

/* Reads "key=value" or "key=\"a value\"" at *p into *key and *val (NULL when the
 * field is malformed); returns false at the end of the line. */
static bool next_field(char **p, char **key, char **val)
{
    char *s = *p;
    while (*s == ' ')
        s++;
    if (!*s)
        return false;
    *key = s;
    while (*s && *s != '=' && *s != ' ')
        s++;
    *val = NULL;
    if (*s != '=') {
        *p = s;
        return true;
    }
    *s++ = 0;
    char stop = ' ';
    if (*s == '"')
        stop = *s++;
    *val = s;
    while (*s && *s != stop)
        s++;
    if (*s)
        *s++ = 0;
    *p = s;
    return true;
}

static int kind_of(const char *k)
{
    if (!strcmp(k, "number"))
        return SR_MENTION_NUMBER;
    if (!strcmp(k, "quantity"))
        return SR_MENTION_QUANTITY;
    if (!strcmp(k, "date"))
        return SR_MENTION_DATE;
    if (!strcmp(k, "actor"))
        return SR_MENTION_ACTOR;
    if (!strcmp(k, "place"))
        return SR_MENTION_PLACE;
    return -1; /* any */
}

static void describe(const sr_doc *d)
{
    for (size_t i = 0; i < d->nmentions; i++) {
        const sr_mention *m = &d->mentions[i];
        fprintf(stderr, "    found %s \"%.*s\"", sr_mention_kind_name(m->kind),
                (int)(m->end - m->start), d->clean + m->start);
        char v[256];
        if (field_value(d, m, "value", v, sizeof v))
            fprintf(stderr, " value=%s", v);
        if (m->kind == SR_MENTION_QUANTITY) {
            field_value(d, m, "hedge", v, sizeof v);
            fprintf(stderr, " hedge=%s", v);
            field_value(d, m, "counted", v, sizeof v);
            fprintf(stderr, " counted=\"%s\"", v);
        }
        fputc('\n', stderr);
    }
}

/* Claim fields: those of its quantity (value, hedge, counted, ...) and place,
 * place_country, date, source, source_kind, source_actor, source_actors, via, pronoun,
 * counted_actor, modality. An absent span or code reads as "". */
static bool claim_field(const sr_doc *d, const sr_claim *c, const char *k, char *out, size_t n)
{
    const sr_mention *p = c->place >= 0 ? &d->mentions[c->place] : NULL;
    const sr_source *src = !strncmp(k, "via", 3) ? &c->via : &c->source;
    out[0] = 0;
    if (!strcmp(k, "place")) {
        if (p)
            span(out, n, d, p->start, p->end);
    } else if (!strcmp(k, "place_country")) {
        snprintf(out, n, "%s", p ? p->u.place.country : "");
    } else if (!strcmp(k, "date")) {
        snprintf(out, n, "%s", c->as_of);
    } else if (!strcmp(k, "source") || !strcmp(k, "via")) {
        span(out, n, d, src->start, src->end);
    } else if (!strcmp(k, "source_kind")) {
        snprintf(out, n, "%s", sr_source_kind_name(src->kind));
    } else if (!strcmp(k, "source_actor") || !strcmp(k, "via_actor")) {
        snprintf(out, n, "%s", src->nactors ? src->actors[0] : "");
    } else if (!strcmp(k, "source_actors")) {
        for (unsigned i = 0; i < src->nactors; i++)
            snprintf(out + strlen(out), n - strlen(out), "%s%s", i ? "," : "", src->actors[i]);
    } else if (!strcmp(k, "pronoun")) {
        span(out, n, d, src->pronoun_start, src->pronoun_end);
    } else if (!strcmp(k, "counted")) {
        span(out, n, d, c->counted_start, c->counted_end);
    } else if (!strcmp(k, "counted_actor")) {
        snprintf(out, n, "%s", c->counted_actor ? c->counted_actor : "");
    } else if (!strcmp(k, "modality")) {
        snprintf(out, n, "%s", sr_modality_name(c->modality));
    } else {
        return field_value(d, &d->mentions[c->mention], k, out, n);
    }
    return true;
}

static void describe_claims(const sr_doc *d)
{
    static const char *const keys[] = {"hedge", "counted_actor", "place", "date", "source",
                                       "source_kind", "source_actors", "via", "modality"};
    for (size_t i = 0; i < d->nclaims; i++) {
        const sr_mention *m = &d->mentions[d->claims[i].mention];
        fprintf(stderr, "    found claim \"%.*s\"", (int)(m->end - m->start), d->clean + m->start);
        for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
            char v[256];
            claim_field(d, &d->claims[i], keys[k], v, sizeof v);
            if (v[0])
                fprintf(stderr, " %s=\"%s\"", keys[k], v);
        }
        fputc('\n', stderr);
    }
}

/* expect/absent for claims, found by the text of their quantity. */
static void check_claim(const sr_doc *d, const char *text, char *spec, where w, bool absent)
{
    const sr_claim *found = NULL;
    for (size_t i = 0; i < d->nclaims && !found; i++) {
        const sr_mention *m = &d->mentions[d->claims[i].mention];
        size_t n = m->end - m->start;
        if (strlen(text) == n && !memcmp(d->clean + m->start, text, n))
            found = &d->claims[i];
    }
    if (!found != absent) {
        sr_test_fail(w.file, w.line, absent ? "unexpected claim \"%s\"" : "no claim \"%s\"", text);
        describe_claims(d);
        return;
    }
    char *key, *want;
    while (found && next_field(&spec, &key, &want)) {
        char got[1024];
        if (!want) {
            sr_test_fail(w.file, w.line, "malformed field %s", key);
            break;
        }
        if (!claim_field(d, found, key, got, sizeof got))
            sr_test_fail(w.file, w.line, "unknown field %s for claim", key);
        else if (strcmp(got, want)) {
            sr_test_fail(w.file, w.line, "claim \"%s\": %s=\"%s\", expected \"%s\"", text, key,
                         got, want);
            describe_claims(d);
        }
    }
}

static void check_expect(const sr_doc *d, char *spec, where w, bool absent)
{
    char *kind = next_word(&spec), *text = next_word(&spec);
    if (!kind || !text) {
        sr_test_fail(w.file, w.line, "malformed expectation");
        return;
    }
    if (!strcmp(kind, "claim")) {
        check_claim(d, text, spec, w, absent);
        return;
    }
    int k = kind_of(kind);
    const sr_mention *found = NULL;
    for (size_t i = 0; i < d->nmentions && !found; i++) {
        const sr_mention *m = &d->mentions[i];
        size_t n = m->end - m->start;
        if ((k < 0 || m->kind == k) && strlen(text) == n && !memcmp(d->clean + m->start, text, n))
            found = m;
    }
    if (absent) {
        if (found) {
            sr_test_fail(w.file, w.line, "unexpected %s \"%s\"", kind, text);
            describe(d);
        }
        return;
    }
    if (!found) {
        sr_test_fail(w.file, w.line, "no %s \"%s\"", kind, text);
        describe(d);
        return;
    }
    char *key, *want;
    while (next_field(&spec, &key, &want)) {
        if (!want) {
            sr_test_fail(w.file, w.line, "malformed field %s", key);
            break;
        }
        char got[1024];
        if (!field_value(d, found, key, got, sizeof got))
            sr_test_fail(w.file, w.line, "unknown field %s for %s", key, kind);
        else if (strcmp(got, want))
            sr_test_fail(w.file, w.line, "%s \"%s\": %s=\"%s\", expected \"%s\"", kind, text, key,
                         got, want);
    }
}

typedef struct {
    char input[MAXLINE];
    int input_line;
    sr_ymd published;
    char lines[64][MAXLINE];
    int kinds[64]; /* 0 expect, 1 absent, 2 sentence, 3 furniture */
    int lineno[64];
    int n;
} gcase;

static void run_case(gcase *c, const char *file, sr_pipeline *p)
{
    if (!c->input[0])
        return;
    sr_doc *d = sr_doc_new("golden", c->input, strlen(c->input),
                           c->published.year ? &c->published : NULL);
    if (!d || sr_pipeline_run(p, d) != SR_OK) {
        sr_test_fail(file, c->input_line, "pipeline failed");
        sr_doc_free(d);
        return;
    }
    size_t sent = 0;
    for (int i = 0; i < c->n; i++) {
        where w = {file, c->lineno[i]};
        if (c->kinds[i] <= 1) {
            check_expect(d, c->lines[i], w, c->kinds[i] == 1);
            continue;
        }
        if (sent >= d->nsentences) {
            sr_test_fail(file, w.line, "only %zu sentences", d->nsentences);
            continue;
        }
        const sr_sentence *s = &d->sentences[sent++];
        size_t n = s->end - s->start;
        if (strlen(c->lines[i]) != n || memcmp(d->clean + s->start, c->lines[i], n))
            sr_test_fail(file, w.line, "sentence %zu is \"%.*s\"", sent - 1, (int)n,
                         d->clean + s->start);
        else if ((c->kinds[i] == 3) != (s->furniture != 0))
            sr_test_fail(file, w.line, "sentence %zu furniture=%d", sent - 1, s->furniture);
    }
    if (sent && sent != d->nsentences)
        sr_test_fail(file, c->input_line, "%zu sentences, expected %zu", d->nsentences, sent);
    sr_doc_free(d);
}

static void run_file(const char *path, sr_pipeline *p)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        sr_test_fail(path, 0, "cannot open");
        return;
    }
    static gcase c;
    memset(&c, 0, sizeof c);
    char line[MAXLINE];
    int lineno = 0;
    sr_ymd published = {0, 0, 0};
    while (fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\n")] = 0;
        if (line[0] == '#')
            continue;
        if (!line[0]) {
            run_case(&c, path, p);
            memset(&c, 0, sizeof c);
            continue;
        }
        char *colon = strchr(line, ':');
        if (!colon) {
            sr_test_fail(path, lineno, "no key");
            continue;
        }
        *colon = 0;
        char *val = colon + 1 + (colon[1] == ' ');
        if (!strcmp(line, "published")) {
            if (sr_ymd_parse(val, strlen(val), &published))
                published.year = 0;
            c.published = published;
        } else if (!strcmp(line, "input")) {
            if (c.input[0])
                run_case(&c, path, p), memset(&c, 0, sizeof c);
            snprintf(c.input, sizeof c.input, "%s", val);
            unescape(c.input);
            c.input_line = lineno;
            c.published = published;
        } else if (c.n < 64) {
            int k = !strcmp(line, "expect") ? 0 : !strcmp(line, "absent") ? 1
                  : !strcmp(line, "sentence") ? 2 : !strcmp(line, "furniture") ? 3 : -1;
            if (k < 0) {
                sr_test_fail(path, lineno, "unknown key %s", line);
                continue;
            }
            snprintf(c.lines[c.n], MAXLINE, "%s", val);
            if (k >= 2)
                unescape(c.lines[c.n]);
            c.kinds[c.n] = k;
            c.lineno[c.n++] = lineno;
        }
    }
    run_case(&c, path, p);
    fclose(f);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

TEST(golden_files)
{
    const char *dir = getenv("SITREP_GOLDEN") ? getenv("SITREP_GOLDEN") : "tests/golden";
    DIR *dd = opendir(dir);
    CHECK_MSG(dd != NULL, "cannot open %s", dir);
    if (!dd)
        return;
    char *names[256];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(dd)) && n < 256) {
        size_t len = strlen(e->d_name);
        if (len > 5 && !strcmp(e->d_name + len - 5, ".test"))
            names[n++] = strdup(e->d_name);
    }
    closedir(dd);
    qsort(names, n, sizeof names[0], cmp_str);
    /* the built-in lexicon, as `sitrep extract` codes with it */
    sr_lexicon *lx = sr_lexicon_new();
    CHECK(lx && sr_lexicon_load_defaults(lx) == SR_OK);
    sr_pipeline *p = sr_pipeline_new(lx);
    for (size_t i = 0; i < n; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        run_file(path, p);
        free(names[i]);
    }
    sr_pipeline_free(p);
    sr_lexicon_free(lx);
    CHECK(n > 0);
}
