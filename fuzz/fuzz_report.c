/* fuzz_report.c: libFuzzer target for reconciliation and the situation report. The
 * input, cut at newlines, fills the text fields of a few stored claims (sentence,
 * source, outlet, title, url, place, counted phrase, as-of) and its bytes pick their
 * values, hedges, places and dates; the claims are reconciled and rendered as Markdown
 * and HTML. Whatever the text, the HTML must never contain a tag, attribute or link the
 * report did not write itself: no "<script", "<img" or "<iframe", no "javascript:" link. */
#include <stdlib.h>
#include <string.h>

#include "sitrep_store.h"

enum { CLAIMS = 6, FIELDS = 9 };

static const char *field(char **f, int i)
{
    return f[i % FIELDS];
}

static void fill(sr_stored_claim *c, char **f, int i, const uint8_t *data, size_t size)
{
    uint8_t b = size ? data[(size_t)i * 7 % size] : 0;
    memset(c, 0, sizeof *c);
    c->id = i + 1;
    c->doc = c->cluster = i / 2 + 1;
    if (b & 0x80)
        c->cluster = 1;
    c->value = c->low = c->high = (double)(b % 50 + 1) * (b & 1 ? 1000 : 13);
    c->hedge = (uint8_t)(b % 7);
    if (c->hedge == SR_HEDGE_RANGE)
        c->high = c->value * 2;
    c->modality = (uint8_t)(b / 7 % 3);
    c->source_kind = (uint8_t)(b / 3 % 3);
    c->dated = b & 2;
    c->vague = (b & 0x44) == 0x44;
    c->place_kind = (int8_t)(b % 4) - 1;
    sr_ymd d = {2024, (int8_t)(1 + b % 12), (int8_t)(1 + b % 28)};
    c->as_of_begin = c->as_of_end = d;
    c->start = (uint32_t)(b % 40), c->end = c->start + (b % 9), c->text_start = b % 3;
    c->text = field(f, i);
    c->source = c->source_actors = field(f, i + 1);
    c->outlet = c->doc_key = field(f, i + 2);
    c->title = field(f, i + 3);
    c->url = field(f, i + 4);
    c->place = c->place_name = c->place_id = field(f, i + 5);
    c->place_country = c->place_kind == SR_PLACE_COUNTRY ? "RUS" : field(f, i + 6);
    c->place_region = "";
    c->counted = c->unit = field(f, i + 7);
    c->counted_actor = b & 4 ? "PRKMIL" : "";
    c->as_of = c->published = c->quantity = field(f, i + 8);
    c->currency = c->via = "";
}

static void check(const sr_buf *b)
{
    /* text from reports may read "onerror=" or "javascript:" once escaped; what must not
     * appear is markup made of it */
    static const char *const never[] = {"<script", "<img", "href=\"javascript:", "<iframe", NULL};
    for (int i = 0; never[i]; i++)
        if (b->n && memmem(b->p, b->n, never[i], strlen(never[i])))
            abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *copy = malloc(size + 1);
    if (!copy)
        return 0;
    memcpy(copy, data, size);
    copy[size] = 0;
    char *f[FIELDS];
    char *p = copy;
    for (int i = 0; i < FIELDS; i++) { /* NUL-terminated fields, "" when the input runs out */
        f[i] = p;
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = 0, p = nl + 1;
        else
            p += strlen(p);
    }
    sr_stored_claim c[CLAIMS];
    for (int i = 0; i < CLAIMS; i++)
        fill(&c[i], f, i, data, size);
    sr_claimset cs = {c, CLAIMS, NULL};
    sr_figures fs;
    if (sr_figures_build(&cs, &fs) == SR_OK) {
        sr_buf b = {0};
        if (sr_figures_emit_jsonl(&b, &fs) != SR_OK)
            abort();
        b.n = 0;
        sr_report_options o = {field(f, 3), field(f, 4), 0};
        if (sr_report_render(&b, &fs, SR_REPORT_HTML, &o) != SR_OK)
            abort();
        check(&b);
        b.n = 0;
        if (sr_report_render(&b, &fs, SR_REPORT_MD, &o) != SR_OK)
            abort();
        sr_buf_free(&b);
        sr_figures_free(&fs);
    }
    free(copy);
    return 0;
}
