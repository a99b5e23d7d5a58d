/* figures.c: times reconciliation and report rendering on synthetic claims, the sizes
 * the issue names: sr_figures_build over 1,000,000 claims and sr_report_render (HTML and
 * Markdown) for 100,000. The claims are drawn from a fixed pseudo-random sequence: 60
 * actors, 3 nouns, 20 countries with 5 places each, a year of days, 300 sources, 80
 * outlets, every hedge, 10% projections and hypotheticals, 5% near-duplicate copies.
 * Usage: figures [RECONCILE-N [REPORT-N]] */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "sitrep_store.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint32_t draw(uint32_t n)
{
    rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
    return (uint32_t)(rng % n);
}

enum { ACTORS = 60, COUNTRIES = 20, PLACES = 5, SOURCES = 300, OUTLETS = 80 };
static char actor[ACTORS][16], country[COUNTRIES][16], place_id[COUNTRIES][PLACES][32];
static char source[SOURCES][16], outlet[OUTLETS][16], day[366][11];

static void tables(void)
{
    for (int i = 0; i < ACTORS; i++)
        snprintf(actor[i], sizeof actor[i], "%c%c%cMIL", 'A' + i % 26, 'A' + i / 26, 'X');
    for (int c = 0; c < COUNTRIES; c++) {
        snprintf(country[c], sizeof country[c], "C%02d", c);
        for (int p = 0; p < PLACES; p++)
            snprintf(place_id[c][p], sizeof place_id[c][p], p ? "geonames:%d%d" : "iso3166:C%02d", c, p);
    }
    for (int i = 0; i < SOURCES; i++)
        snprintf(source[i], sizeof source[i], "SRC%03dGOV", i);
    for (int i = 0; i < OUTLETS; i++)
        snprintf(outlet[i], sizeof outlet[i], "outlet%02d.com", i);
    for (int i = 0; i < 366; i++) {
        sr_ymd d = {2024, (int8_t)(1 + i / 31 % 12), (int8_t)(1 + i % 28)};
        snprintf(day[i], sizeof day[i], "%04d-%02d-%02d", d.year, d.month, d.day);
    }
}

static void make_claim(sr_stored_claim *c, size_t i)
{
    static const char *const nouns[] = {"soldiers", "troops", "shells"};
    static const char *const text =
        "Officials said that <b>about 12,000</b> soldiers & \"others\" had arrived in the region.";
    memset(c, 0, sizeof *c);
    int a = (int)draw(ACTORS), k = (int)draw(COUNTRIES), p = (int)draw(PLACES), d = (int)draw(366);
    c->id = (int64_t)i + 1;
    c->doc = (int64_t)(i / 5) + 1;
    c->cluster = draw(20) ? c->doc : (c->doc > 10 ? c->doc - 10 : c->doc);
    c->sentence = (uint32_t)(i % 40);
    c->start = 31, c->end = 43;
    double v = (double)(100 + draw(10)) * (draw(3) ? 100 : 10000);
    c->value = c->low = c->high = v;
    c->hedge = (uint8_t)draw(7);
    if (c->hedge == SR_HEDGE_RANGE)
        c->high = v * 1.2;
    c->modality = draw(10) ? SR_MODALITY_REPORTED : (uint8_t)(1 + draw(2));
    c->source_kind = (uint8_t)draw(3);
    c->dated = (uint8_t)draw(2);
    c->place_kind = (int8_t)(p ? SR_PLACE_CITY : SR_PLACE_COUNTRY);
    sr_ymd_parse(day[d], 10, &c->as_of_begin);
    c->as_of_end = c->as_of_begin;
    c->as_of = c->published = day[d];
    c->quantity = "about 12,000";
    c->unit = c->counted = nouns[draw(3)];
    c->currency = c->via = c->url = c->title = c->place_region = "";
    c->counted_actor = actor[a];
    c->place = c->place_name = c->place_id = place_id[k][p];
    c->place_country = country[k];
    c->source = c->source_actors = c->source_kind == SR_SOURCE_NAMED ? source[draw(SOURCES)] : "";
    c->outlet = outlet[draw(OUTLETS)];
    c->doc_key = c->outlet;
    c->text = text;
}

static double peak_mb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss / 1024.0;
}

static int time_report(const sr_figures *fs, sr_report_format fmt, const char *name, size_t n)
{
    sr_buf b = {0};
    double t0 = now();
    sr_status st = sr_report_render(&b, fs, fmt, NULL);
    double secs = now() - t0;
    printf("report %-4s for %zu claims: %.3f s, %.1f MB of output\n", name, n, secs, b.n / 1e6);
    sr_buf_free(&b);
    return st != SR_OK;
}

int main(int argc, char **argv)
{
    size_t n = argc > 1 ? strtoull(argv[1], NULL, 10) : 1000000;
    size_t nr = argc > 2 ? strtoull(argv[2], NULL, 10) : 100000;
    tables();
    sr_stored_claim *c = malloc((n > nr ? n : nr) * sizeof *c);
    if (!c)
        return 2;
    for (size_t i = 0; i < n; i++)
        make_claim(&c[i], i);
    sr_claimset cs = {c, n, NULL};
    sr_figures fs;
    double t0 = now();
    if (sr_figures_build(&cs, &fs))
        return 1;
    printf("reconcile %zu claims: %.2f s, %zu figures, peak memory %.0f MB\n", n, now() - t0,
           fs.n, peak_mb());
    sr_figures_free(&fs);
    cs.n = nr;
    if (sr_figures_build(&cs, &fs))
        return 1;
    int bad = time_report(&fs, SR_REPORT_HTML, "html", nr) | time_report(&fs, SR_REPORT_MD, "md", nr);
    printf("peak memory %.0f MB\n", peak_mb());
    sr_figures_free(&fs);
    free(c);
    return bad;
}
