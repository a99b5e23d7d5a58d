/* test_reconcile.c: figures from stored claims: grouping by thing, place and magnitude;
 * update, agreement, conflict, projection and copy labels; best range; independent
 * sources; and time on a large synthetic set. */
#include <math.h>
#include <stdlib.h>
#include <time.h>

#include "../harness.h"
#include "sitrep_store.h"

#include "../../src/core/internal.h"

enum { MAXC = 32 };

typedef struct {
    sr_stored_claim c[MAXC];
    size_t n;
} set;

/* A claim with every string "" and the given essentials. as_of is YYYY-MM-DD. */
static sr_stored_claim *add(set *s, const char *actor, double v, int hedge, const char *as_of,
                            const char *source_actors, const char *outlet)
{
    sr_stored_claim *c = &s->c[s->n];
    memset(c, 0, sizeof *c);
    c->id = (int64_t)s->n + 1;
    c->doc = c->cluster = (int64_t)s->n + 1;
    c->start = 10, c->end = 16;
    c->value = c->low = c->high = v;
    c->hedge = (uint8_t)hedge;
    c->place_kind = -1;
    c->dated = 1;
    sr_ymd_parse(as_of, strlen(as_of), &c->as_of_begin);
    c->as_of_end = c->as_of_begin;
    c->as_of = as_of;
    const char **str[] = {&c->quantity, &c->unit, &c->currency, &c->counted, &c->place,
                          &c->place_id, &c->place_name, &c->place_country, &c->place_region,
                          &c->source, &c->via, &c->doc_key, &c->url, &c->title,
                          &c->published, &c->text};
    for (size_t i = 0; i < sizeof str / sizeof str[0]; i++)
        *str[i] = "";
    c->counted_actor = actor;
    c->counted = "soldiers";
    c->unit = "soldiers";
    c->source_actors = source_actors;
    c->source_kind = *source_actors ? SR_SOURCE_NAMED : SR_SOURCE_NONE;
    c->outlet = outlet;
    c->published = as_of;
    s->n++;
    return c;
}

static void at(sr_stored_claim *c, const char *id, const char *name, int kind, const char *country,
               const char *region)
{
    c->place_id = id, c->place_name = name, c->place_kind = (int8_t)kind;
    c->place_country = country, c->place_region = region;
}

static void russia(sr_stored_claim *c)
{
    at(c, "iso3166:RUS", "Russia", SR_PLACE_COUNTRY, "RUS", "");
}

static void kursk(sr_stored_claim *c)
{
    at(c, "geonames:538560", "Kursk", SR_PLACE_CITY, "RUS", "iso3166-2:RU-KRS");
}

static sr_figures build(set *s)
{
    sr_claimset cs = {s->c, s->n, NULL};
    sr_figures fs;
    CHECK(sr_figures_build(&cs, &fs) == SR_OK);
    return fs;
}

/* The figure holding claim c, or NULL; *i its timeline index. */
static const sr_figure *figure_of(const sr_figures *fs, const sr_stored_claim *c, size_t *i)
{
    for (size_t f = 0; f < fs->n; f++)
        for (size_t k = 0; k < fs->f[f].n; k++)
            if (fs->f[f].entries[k].claim == c) {
                *i = k;
                return &fs->f[f];
            }
    return NULL;
}

static uint32_t labels_of(const sr_figures *fs, const sr_stored_claim *c)
{
    size_t i;
    const sr_figure *f = figure_of(fs, c, &i);
    return f ? f->entries[i].labels : 0xFFFFFFFFu;
}

TEST(reconcile_deployment_updates_and_best_range)
{
    set s = {0};
    sr_stored_claim *a = add(&s, "PRKMIL", 1500, SR_HEDGE_EXACT, "2024-10-18", "KORSPY", "dw.com");
    at(a, "geonames:2013348", "Vladivostok", SR_PLACE_CITY, "RUS", "iso3166-2:RU-PRI");
    sr_stored_claim *b = add(&s, "PRKMIL", 3000, SR_HEDGE_EXACT, "2024-10-23", "KORSPY", "stern.de");
    russia(b);
    sr_stored_claim *c = add(&s, "PRKMIL", 10000, SR_HEDGE_MORE_THAN, "2024-11-05", "KORGOVMIL", "aljazeera.com");
    russia(c);
    sr_stored_claim *d = add(&s, "PRKMIL", 12000, SR_HEDGE_ABOUT, "2024-11-05", "UKRSPY", "aljazeera.com");
    sr_stored_claim *e = add(&s, "PRKMIL", 11000, SR_HEDGE_EXACT, "2024-11-05", "UKRGOV", "aljazeera.com");
    kursk(e);
    sr_stored_claim *p = add(&s, "PRKMIL", 10000, SR_HEDGE_EXACT, "2024-12-31", "KORSPY", "stern.de");
    p->modality = SR_MODALITY_PROJECTION;
    sr_figures fs = build(&s);
    CHECK_EQ_INT(fs.n, 1);
    const sr_figure *f = &fs.f[0];
    CHECK_EQ_STR(f->actor, "PRKMIL");
    CHECK_EQ_STR(f->country, "RUS");
    CHECK_EQ_STR(f->place_name, "Russia");
    CHECK_EQ_INT(f->n, 6);
    CHECK(f->entries[0].claim == a && f->entries[1].claim == b); /* by as-of date */
    CHECK(labels_of(&fs, b) & SR_FIG_UPDATE);
    CHECK(labels_of(&fs, c) & SR_FIG_UPDATE);
    CHECK(labels_of(&fs, d) & SR_FIG_AGREEMENT);
    CHECK(labels_of(&fs, e) & SR_FIG_AGREEMENT); /* Kursk is inside Russia: no conflict */
    CHECK_EQ_INT(labels_of(&fs, p), SR_FIG_PROJECTION);
    CHECK_EQ_INT(f->conflicts, 0);
    /* latest: more than 10,000 in Russia, about 12,000, 11,000 of them in Kursk */
    CHECK(f->has_best);
    CHECK(fabs(f->best_lo - 11000) < 1e-6);
    CHECK(fabs(f->best_hi - 13200) < 1e-6);
    CHECK_EQ_INT(f->best_as_of.day, 5);
    CHECK_EQ_INT(f->sources, 4); /* KORSPY, KORGOVMIL, UKRSPY, UKRGOV */
    sr_figures_free(&fs);
}

TEST(reconcile_conflict_between_background_figures)
{
    set s = {0};
    sr_stored_claim *a = add(&s, "PRKMIL", 1.2e6, SR_HEDGE_EXACT, "2024-10-18", "", "dw.com");
    sr_stored_claim *b = add(&s, "PRKMIL", 1.3e6, SR_HEDGE_EXACT, "2024-11-01", "", "dw.com");
    a->dated = b->dated = 0; /* the outlets' own, undated: background */
    sr_stored_claim *t = add(&s, "PRKMIL", 12000, SR_HEDGE_EXACT, "2024-11-01", "UKRGOV", "x");
    sr_figures fs = build(&s);
    CHECK_EQ_INT(fs.n, 2); /* the army and the deployment are different figures */
    size_t i;
    const sr_figure *army = figure_of(&fs, a, &i);
    CHECK(army && army == figure_of(&fs, b, &i) && army != figure_of(&fs, t, &i));
    CHECK(labels_of(&fs, b) & SR_FIG_CONFLICT);
    CHECK(army && army->conflicts == 1 && army->entries[1].ref == 0);
    sr_figures_free(&fs);

    /* dated a month apart, the same two figures are an update, not a conflict */
    a->dated = b->dated = 1;
    fs = build(&s);
    CHECK_EQ_INT(labels_of(&fs, b), SR_FIG_UPDATE);
    sr_figures_free(&fs);

    /* an unattributed figure in the past tense with no date held at some unknown time:
     * it contradicts nothing */
    a->dated = b->dated = 0;
    b->text = "The first figure was 1,300,000 men.";
    b->text_start = 0, b->start = 21, b->end = 30;
    fs = build(&s);
    CHECK_EQ_INT(labels_of(&fs, b), 0);
    sr_figures_free(&fs);
    b->text = "";

    /* the same figure twice is agreement */
    b->value = b->low = b->high = 1.2e6;
    a->dated = b->dated = 0;
    fs = build(&s);
    CHECK_EQ_INT(labels_of(&fs, b), SR_FIG_AGREEMENT);
    sr_figures_free(&fs);
}

TEST(reconcile_part_cannot_exceed_whole)
{
    set s = {0};
    sr_stored_claim *a = add(&s, "PRKMIL", 12000, SR_HEDGE_AT_MOST, "2024-11-05", "USAMIL", "a");
    russia(a);
    sr_stored_claim *c = add(&s, "PRKMIL", 9000, SR_HEDGE_EXACT, "2024-11-05", "UKRSPY", "b");
    kursk(c);
    sr_stored_claim *b = add(&s, "PRKMIL", 20000, SR_HEDGE_EXACT, "2024-11-05", "UKRGOV", "b");
    kursk(b);
    sr_figures fs = build(&s);
    CHECK(labels_of(&fs, b) & SR_FIG_CONFLICT);
    CHECK_EQ_INT(labels_of(&fs, c), SR_FIG_AGREEMENT); /* 9,000 of at most 12,000 */
    sr_figures_free(&fs);
}

TEST(reconcile_things_places_and_qualifiers_apart)
{
    set s = {0};
    sr_stored_claim *a = add(&s, "PRKMIL", 12000, SR_HEDGE_EXACT, "2024-11-05", "", "a");
    russia(a);
    sr_stored_claim *b = add(&s, "RUSMIL", 12000, SR_HEDGE_EXACT, "2024-11-05", "", "a");
    russia(b);
    sr_stored_claim *c = add(&s, "PRKMIL", 3000, SR_HEDGE_EXACT, "2024-11-05", "", "a");
    at(c, "iso3166:UKR", "Ukraine", SR_PLACE_COUNTRY, "UKR", "");
    sr_stored_claim *d = add(&s, "PRKMIL", 2000, SR_HEDGE_EXACT, "2024-11-05", "", "a");
    d->counted = "wounded soldiers";
    russia(d);
    sr_stored_claim *e = add(&s, "PRKMIL", 300, SR_HEDGE_EXACT, "2024-11-05", "", "a");
    e->counted = "";
    e->text = "North Korea had 300 killed and 2,700 wounded.";
    e->text_start = 0, e->start = 16, e->end = 19;
    russia(e);
    sr_stored_claim *f = add(&s, "PRKMIL", 1e6, SR_HEDGE_EXACT, "2024-11-05", "", "a");
    f->counted = "artillery shells", f->unit = "shells";
    russia(f);
    sr_stored_claim *g = add(&s, "PRKMIL", 9000, SR_HEDGE_EXACT, "2024-11-05", "", "a");
    g->counted = "North Korean troops", g->unit = "troops"; /* troops and soldiers: people */
    sr_figures fs = build(&s);
    CHECK_EQ_INT(fs.n, 6);
    size_t i;
    const sr_figure *fa = figure_of(&fs, a, &i);
    CHECK(fa && fa == figure_of(&fs, g, &i)); /* placeless g joins the Russia figure */
    CHECK(figure_of(&fs, d, &i) && !strcmp(figure_of(&fs, d, &i)->qualifier, "wounded"));
    CHECK(figure_of(&fs, e, &i) && !strcmp(figure_of(&fs, e, &i)->qualifier, "killed"));
    CHECK(figure_of(&fs, f, &i) && !strcmp(figure_of(&fs, f, &i)->noun, "shell"));
    CHECK(fa && fa->conflicts == 1); /* 12,000 and 9,000 exactly, the same day */
    sr_figures_free(&fs);
}

TEST(reconcile_copies_and_independent_sources)
{
    set s = {0};
    sr_stored_claim *a = add(&s, "PRKMIL", 3000, SR_HEDGE_EXACT, "2024-10-23", "KORSPY", "stern.de");
    sr_stored_claim *b = add(&s, "PRKMIL", 3000, SR_HEDGE_EXACT, "2024-10-23", "KORSPY", "dw.com");
    sr_stored_claim *c = add(&s, "PRKMIL", 3000, SR_HEDGE_EXACT, "2024-10-23", "", "copycat.com");
    c->cluster = a->doc; /* a near-duplicate of a's document */
    sr_stored_claim *d = add(&s, "PRKMIL", 3000, SR_HEDGE_EXACT, "2024-10-23", "", "dw.com");
    sr_stored_claim *h = add(&s, "PRKMIL", 5000, SR_HEDGE_EXACT, "2024-10-23", "", "other.com");
    h->modality = SR_MODALITY_HYPOTHETICAL;
    sr_figures fs = build(&s);
    CHECK_EQ_INT(fs.n, 1);
    CHECK_EQ_INT(labels_of(&fs, c), SR_FIG_COPY);
    CHECK_EQ_INT(labels_of(&fs, h), SR_FIG_HYPOTHETICAL);
    CHECK(labels_of(&fs, b) & SR_FIG_AGREEMENT);
    /* KORSPY once (two outlets repeating it), dw.com's own statement once; the copy and
     * the hypothetical count for nothing */
    CHECK_EQ_INT(fs.f[0].sources, 2);
    CHECK_EQ_INT(fs.f[0].documents, 5);
    size_t i;
    const sr_figure *f = figure_of(&fs, c, &i);
    CHECK(f && f->entries[i].ref >= 0 && f->entries[f->entries[i].ref].claim == a);
    (void)d;
    sr_figures_free(&fs);
}

TEST(reconcile_jsonl)
{
    set s = {0};
    add(&s, "PRKMIL", 1500, SR_HEDGE_EXACT, "2024-10-18", "KORSPY", "dw.com")->quantity = "1,500";
    add(&s, "PRKMIL", 10000, SR_HEDGE_AT_LEAST, "2024-11-05", "USAMIL", "aljazeera.com")->text =
        "the \"Pentagon\" said";
    sr_figures fs = build(&s);
    sr_buf b = {0};
    CHECK(sr_figures_emit_jsonl(&b, &fs) == SR_OK);
    CHECK(sr_buf_addc(&b, 0) == SR_OK);
    CHECK(strstr(b.p, "\"kind\":\"figure\"") != NULL);
    CHECK(strstr(b.p, "\"labels\":[\"update\"]") != NULL);
    CHECK(strstr(b.p, "\"high\":null") != NULL); /* at least: unbounded above */
    CHECK(strstr(b.p, "the \\\"Pentagon\\\" said") != NULL);
    CHECK(strstr(b.p, "\"best\":{\"low\":10000,\"high\":null,\"as_of\":\"2024-11-05\"}") != NULL);
    CHECK_EQ_INT(strchr(b.p, '\n') - b.p + 1, (long long)b.n - 1); /* one line */
    sr_buf_free(&b);
    sr_figures_free(&fs);
}

/* Many claims of few things on the same days: grouping sorts, labelling looks back a
 * bounded number of entries, so time grows with n log n. */
TEST(reconcile_large_set_is_fast)
{
    enum { N = 200000 };
    static const char *const actors[] = {"PRKMIL", "RUSMIL", "UKRMIL", "USAMIL", "KORSPY"};
    static const char *const days[] = {"2024-10-18", "2024-10-23", "2024-11-05", "2024-11-06"};
    sr_stored_claim *c = calloc(N, sizeof *c);
    CHECK(c != NULL);
    if (!c)
        return;
    for (size_t i = 0; i < N; i++) {
        set one = {0};
        sr_stored_claim *x = add(&one, actors[i % 5], (double)(1000 + i % 977 * 13), SR_HEDGE_EXACT,
                                 days[i / 7 % 4], i % 3 ? "KORSPY" : "", "outlet");
        x->doc = x->cluster = (int64_t)i + 1;
        c[i] = *x;
    }
    sr_claimset cs = {c, N, NULL};
    sr_figures fs;
    clock_t t0 = clock();
    CHECK(sr_figures_build(&cs, &fs) == SR_OK);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    fprintf(stderr, "  reconciled %d claims into %zu figures in %.2f s\n", N, fs.n, secs);
    CHECK(secs < 20);
    size_t total = 0;
    for (size_t i = 0; i < fs.n; i++)
        total += fs.f[i].n;
    CHECK_EQ_INT(total, N);
    sr_figures_free(&fs);
    free(c);
}
