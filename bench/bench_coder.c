/* bench_coder.c: speed of the event coder alone, with the built-in lexicon (Phoenix
 * actors and agents, CAMEO 2.0 verbs). Times loading the dictionaries (best of a few
 * loads), then codes real news sentences with one coder on one core: PETRARCH's GigaWord
 * sample (each <Text> one sentence, dated by its record, repeated to run at least a
 * second) and the BBC corpus (tokenised and split into sentences as the pipeline does,
 * dated 2005-01-01 when undated). Prints sentences per second of CPU time, coding only
 * and with tokenising, the events coded and a hash of them, so an optimisation that
 * changes the output is caught.
 *
 * Usage: bench_coder GIGAWORD.xml BBC.jsonl.gz [RUNS]
 * Build: see bench/run (links build/libsitrep.a and libxml2). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../src/code/actors.h"
#include "../src/code/coder.h"
#include "../src/pipeline/lexicon.h"

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(const char *what, const char *detail)
{
    fprintf(stderr, "bench_coder: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    exit(1);
}

/* ---- loading ------------------------------------------------------------------------ */

extern const char sr_data_cameo_verbs_start[], sr_data_cameo_verbs_end[];

/* One load of what the coder needs: actors and agents, then the verbs. */
static void load_coder_dicts(void)
{
    sr_dict *d = sr_dict_new(0);
    sr_verbs *v = sr_verbs_new();
    if (!d || !v || sr_dict_load_default(d) ||
        sr_verbs_load_mem(v, SR_VERBS_PETRARCH, "CAMEO.2.0.verbs.txt", sr_data_cameo_verbs_start,
                          (size_t)(sr_data_cameo_verbs_end - sr_data_cameo_verbs_start)) ||
        sr_verbs_finish(v))
        die("cannot load the built-in dictionaries", NULL);
    sr_verbs_free(v);
    sr_dict_free(d);
}

static void load_gazetteer(void)
{
    sr_gazetteer *g = sr_gazetteer_new();
    if (!g || sr_gazetteer_load_default(g))
        die("cannot load the gazetteer", NULL);
    sr_gazetteer_free(g);
}

static void load_lexicon(void)
{
    sr_lexicon *lx = sr_lexicon_new();
    if (!lx || sr_lexicon_load_defaults(lx))
        die("cannot load the lexicon", lx ? sr_lexicon_error(lx) : NULL);
    sr_lexicon_free(lx);
}

/* Best CPU time of runs calls of f, in milliseconds. */
static double best_ms(void (*f)(void), int runs)
{
    double best = 1e30;
    for (int i = 0; i < runs; i++) {
        double t0 = cpu_now();
        f();
        double t = cpu_now() - t0;
        if (t < best)
            best = t;
    }
    return best * 1000;
}

/* ---- sentences ---------------------------------------------------------------------- */

typedef struct {
    sr_doc **v;
    size_t n, cap;
    size_t sentences;
} corpus;

static void add_doc(corpus *c, sr_doc *d)
{
    if (c->n == c->cap && !(c->v = realloc(c->v, (c->cap = c->cap * 2 + 256) * sizeof *c->v)))
        die("out of memory", NULL);
    c->v[c->n++] = d;
}

/* "20080804" as a day (year 0 when it is not one). */
static sr_ymd parse_day(const char *s)
{
    sr_ymd d = {0, 0, 0};
    if (s && strlen(s) == 8) {
        long v = strtol(s, NULL, 10);
        d = (sr_ymd){(int16_t)(v / 10000), (int8_t)(v / 100 % 100), (int8_t)(v % 100)};
    }
    return d;
}

/* The GigaWord sample: one document per <Sentence>, its <Text> tokenised whole (PETRARCH
 * codes each record as one sentence). */
static void read_gigaword(const char *path, corpus *c)
{
    xmlDoc *x = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS);
    if (!x)
        die("cannot parse", path);
    xmlNode *root = xmlDocGetRootElement(x);
    for (xmlNode *s = root ? root->children : NULL; s; s = s->next) {
        if (s->type != XML_ELEMENT_NODE || strcmp((const char *)s->name, "Sentence"))
            continue;
        xmlChar *date = xmlGetProp(s, (const xmlChar *)"date");
        sr_ymd day = parse_day((const char *)date);
        xmlFree(date);
        for (xmlNode *t = s->children; t; t = t->next) {
            if (t->type != XML_ELEMENT_NODE || strcmp((const char *)t->name, "Text"))
                continue;
            xmlChar *text = xmlNodeGetContent(t);
            sr_doc *d =
                sr_doc_new("gigaword", (const char *)text, strlen((const char *)text), &day);
            xmlFree(text);
            if (!d || sr_tokenize(d))
                die("out of memory", NULL);
            add_doc(c, d);
            c->sentences++;
        }
    }
    xmlFreeDoc(x);
}

/* Tokens and sentences of d, as sr_pipeline_run makes them. */
static void split(sr_doc *d)
{
    if (sr_tokenize(d) || sr_split_sentences(d))
        die("out of memory", NULL);
}

static size_t prose_sentences(const sr_doc *d)
{
    size_t n = 0;
    for (size_t i = 0; i < d->nsentences; i++)
        n += !d->sentences[i].furniture && d->sentences[i].ntokens;
    return n;
}

/* The BBC corpus: documents with their text only; tokenised by the caller. */
static void read_bbc(const char *path, corpus *c)
{
    sr_reader_options o = {.default_published = {2005, 1, 1}};
    const char *paths[] = {path};
    sr_reader *r = sr_reader_new(paths, 1, &o);
    sr_doc *d;
    sr_status st;
    while (r && (st = sr_reader_next(r, &d)) != SR_EOF) {
        if (st)
            die("cannot read", sr_reader_error(r));
        d->origin = "bbc"; /* it pointed into the reader */
        add_doc(c, d);
    }
    sr_reader_free(r);
}

/* ---- coding ------------------------------------------------------------------------- */

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 1099511628211ull;
    return h;
}

static uint64_t fnv_str(uint64_t h, const char *s)
{
    return fnv(h, s ? s : "", s ? strlen(s) + 1 : 1);
}

typedef struct {
    size_t sentences, events;
    uint64_t hash;
} tally;

/* Codes one sentence and folds what came out into t. */
static void code_one(sr_coder *c, const sr_doc *d, size_t first, size_t end, tally *t)
{
    sr_coded r;
    if (sr_coder_code(c, d, first, end, d->published, &r))
        die("coding failed", NULL);
    t->sentences++;
    uint32_t head[] = {(uint32_t)r.status, (uint32_t)r.nevents, (uint32_t)r.shifted,
                       (uint32_t)r.shift};
    t->hash = fnv(t->hash, head, sizeof head);
    for (size_t k = 0; k < r.nevents; k++) {
        const sr_event *e = &r.events[k];
        uint32_t v[] = {e->source_span.start,
                        e->source_span.end,
                        e->target_span.start,
                        e->target_span.end,
                        e->verb_span.start,
                        e->verb_span.end,
                        e->clause,
                        e->flags};
        t->hash = fnv(t->hash, v, sizeof v);
        t->hash = fnv_str(t->hash, e->source);
        t->hash = fnv_str(t->hash, e->target);
        t->hash = fnv_str(t->hash, e->code);
        t->hash = fnv_str(t->hash, e->pattern);
    }
    t->events += r.nevents;
}

/* Every prose sentence of d, as sr_events_find takes them. */
static void code_doc(sr_coder *c, const sr_doc *d, tally *t)
{
    for (size_t si = 0; si < d->nsentences; si++) {
        const sr_sentence *s = &d->sentences[si];
        if (!s->furniture && s->ntokens)
            code_one(c, d, s->first_token, s->first_token + s->ntokens, t);
    }
}

static void print_tally(const char *what, const tally *t, double secs, size_t reps)
{
    printf("%-34s %8.0f sentences/s  (%zu sentences x %zu, %.2f s CPU; events %zu, hash "
           "%016llx)\n",
           what, (double)(t->sentences * reps) / secs, t->sentences, reps, secs, t->events,
           (unsigned long long)t->hash);
}

static const uint64_t HASH0 = 1469598103934665603ull;

/* GigaWord: every record as one sentence, repeated to at least a second per run. */
static void bench_gigaword(sr_coder *c, const corpus *g, int runs)
{
    tally once = {0, 0, HASH0};
    for (size_t i = 0; i < g->n; i++)
        code_one(c, g->v[i], 0, g->v[i]->ntokens, &once);
    /* passes enough for a second: from the time of one pass, doubled while short */
    double t0 = cpu_now();
    tally t = {0, 0, HASH0};
    for (size_t i = 0; i < g->n; i++)
        code_one(c, g->v[i], 0, g->v[i]->ntokens, &t);
    size_t reps = (size_t)(1.2 / (cpu_now() - t0 + 1e-9)) + 1;
    double best = 1e30;
    for (int run = 0; run < runs; run++) {
        double secs;
        for (;;) {
            t0 = cpu_now();
            for (size_t r = 0; r < reps; r++) {
                t = (tally){0, 0, HASH0};
                for (size_t i = 0; i < g->n; i++)
                    code_one(c, g->v[i], 0, g->v[i]->ntokens, &t);
            }
            secs = cpu_now() - t0;
            if (t.hash != once.hash)
                die("GigaWord: a repeated run coded differently", NULL);
            if (secs >= 1.0)
                break;
            reps *= 2;
        }
        if (secs < best)
            best = secs;
    }
    print_tally("GigaWord sample, coding", &once, best, reps);
}

/* BBC: coding the pre-split sentences; then from the text, tokenising included. */
static void bench_bbc(sr_coder *c, const corpus *b, int runs)
{
    tally first = {0, 0, HASH0};
    for (size_t i = 0; i < b->n; i++)
        code_doc(c, b->v[i], &first);
    double best = 1e30;
    for (int run = 0; run < runs; run++) {
        tally t = {0, 0, HASH0};
        double t0 = cpu_now();
        for (size_t i = 0; i < b->n; i++)
            code_doc(c, b->v[i], &t);
        double secs = cpu_now() - t0;
        if (t.hash != first.hash)
            die("BBC: a repeated run coded differently", NULL);
        if (secs < best)
            best = secs;
    }
    print_tally("BBC corpus, coding", &first, best, 1);
    best = 1e30;
    for (int run = 0; run < runs; run++) {
        tally t = {0, 0, HASH0};
        double t0 = cpu_now();
        for (size_t i = 0; i < b->n; i++) {
            const sr_doc *o = b->v[i];
            sr_doc *d = sr_doc_new("bbc", o->text, o->len, &o->published);
            if (!d)
                die("out of memory", NULL);
            split(d);
            code_doc(c, d, &t);
            sr_doc_free(d);
        }
        double secs = cpu_now() - t0;
        if (t.hash != first.hash)
            die("BBC: coding after tokenising gave other events", NULL);
        if (secs < best)
            best = secs;
    }
    print_tally("BBC corpus, tokenising + coding", &first, best, 1);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench_coder GIGAWORD.xml BBC.jsonl.gz [RUNS]\n");
        return 2;
    }
    int runs = argc > 3 ? atoi(argv[3]) : 3;
    if (runs < 1)
        runs = 1;
    printf("load (CPU ms, best of 5): actors + agents + CAMEO 2.0 verbs %.1f ms; "
           "gazetteer %.1f ms; whole lexicon %.1f ms\n",
           best_ms(load_coder_dicts, 5), best_ms(load_gazetteer, 5), best_ms(load_lexicon, 5));
    sr_lexicon *lx = sr_lexicon_new();
    if (!lx || sr_lexicon_load_defaults(lx))
        die("cannot load the lexicon", lx ? sr_lexicon_error(lx) : NULL);
    sr_coder *c = sr_coder_new(lx->dict, lx->verbs, &lx->coder_opt);
    if (!c)
        die("out of memory", NULL);
    corpus g = {0}, b = {0};
    read_gigaword(argv[1], &g);
    read_bbc(argv[2], &b);
    size_t words = 0;
    for (size_t i = 0; i < b.n; i++) {
        split(b.v[i]);
        b.sentences += prose_sentences(b.v[i]);
        words += b.v[i]->ntokens;
    }
    printf("sentences: GigaWord %zu, BBC %zu (%zu documents, %zu tokens); one core, best of "
           "%d\n",
           g.sentences, b.sentences, b.n, words, runs);
    bench_gigaword(c, &g, runs);
    bench_bbc(c, &b, runs);
    for (size_t i = 0; i < g.n; i++)
        sr_doc_free(g.v[i]);
    for (size_t i = 0; i < b.n; i++)
        sr_doc_free(b.v[i]);
    free(g.v);
    free(b.v);
    sr_coder_free(c);
    sr_lexicon_free(lx);
    xmlCleanupParser();
    return 0;
}
