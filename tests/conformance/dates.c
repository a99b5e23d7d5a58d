/* dates.c: scores the date recogniser on Recognizers-Text (Specs/DateTime/English) and
 * Duckling (duckling_en_time.jsonl) cases from ../shared/data/recognizers.
 *
 * Suites and what a pass means:
 *  - rt-datetime (DateTimeModel.json, end to end, Context.ReferenceDateTime as the
 *    publication day): every expected datetimeV2.date / daterange result is found as a
 *    date mention with the same span (.NET UTF-16 offsets), and, when we resolve it, with
 *    the value of one of the listed resolutions (Recognizers-Text lists the past and the
 *    future reading of ambiguous dates; either is accepted, since news reads the past).
 *    A daterange compares begin with start and end + 1 day with its exclusive end.
 *    Results with a "Mod" (before/after/since/until/start/end/mid/approx) compare the span
 *    only, and a leading "before/after/since/until/by/on/in" may be left out of our span:
 *    sitrep does not model open intervals, and names parts by thirds, not by RT's halves.
 *    Every date mention of ours must overlap some expected result (of any type), so
 *    false positives fail a case; cases expecting nothing pass only if we find no date.
 *    Cases whose expected results are all time / datetime / duration / set / timezone
 *    are out of scope (sitrep has no clock times) and are excluded and counted.
 *  - rt-date-extractor, rt-dateperiod-extractor (DateExtractor.json,
 *    DatePeriodExtractor.json): spans only, same rules for spans.
 *  - duckling-time and duckling-holidays (reference 2013-02-12, a Tuesday; the whole
 *    text is one expression): one date mention must span the whole text, less a leading
 *    preposition ("on", "in", "at", "for", "during") and final punctuation; its begin must
 *    be Duckling's start (an interval's end + 1 day its exclusive end). Duckling resolves
 *    ambiguous dates to the future, news reads the past: ours may instead be an earlier
 *    occurrence (on or before the reference, Duckling's after it, less than 400 days
 *    apart) when re-reading the text as published on either day gives that very day
 *    (see past_variant; "Tuesday" a week earlier, "Easter" a year earlier pass, "next
 *    week" resolved to this week does not). Open intervals
 *    ("since 2014") compare their point, with the direction word left out of the span.
 *    Hour/minute/second grains are excluded and counted; "negative" cases pass when no
 *    date is found. Holidays are scored as their own suite.
 * SITREP_CONF_VERBOSE=1 prints the failing cases. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../conformance_util.h"
#include "internal.h"

typedef struct {
    size_t passed, total, excluded;
} tally;

static sr_pipeline *pipe_;

/* UTF-16 code units in the first n bytes of s (how .NET counts Start/End). */
static size_t u16_units(const char *s, size_t n)
{
    size_t u = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c & 0xC0) != 0x80)
            u += c >= 0xF0 ? 2 : 1;
    }
    return u;
}

static int32_t day_of(const char *s)
{
    sr_ymd d;
    if (!s || sr_ymd_parse(s, strlen(s), &d))
        return INT32_MIN;
    return sr_ymd_to_days(d);
}

static bool ci_prefix(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    if (n <= k || s[k] != ' ')
        return false;
    for (size_t i = 0; i < k; i++)
        if ((s[i] | 0x20) != w[i])
            return false;
    return true;
}

/* Length of a leading modifier word and its space that our spans leave out, or 0. */
static size_t lead_word(const char *s, size_t n)
{
    static const char *const w[] = {"before", "after", "since", "until", "till", "by", "on",
                                    "in",     "at",    "for",   "during", "from", "starting",
                                    NULL};
    for (int k = 0; w[k]; k++)
        if (ci_prefix(s, n, w[k]))
            return strlen(w[k]) + 1;
    return 0;
}

/* ---- Recognizers-Text ------------------------------------------------------------ */

static bool is_date_type(const char *type)
{
    return type && (!strcmp(type, "datetimeV2.date") || !strcmp(type, "datetimeV2.daterange") ||
                    !strcmp(type, "date") || !strcmp(type, "daterange"));
}

/* Expected [start, end) in UTF-16 units for an RT result (model: End inclusive;
 * extractor: Length). */
static void rt_span(json_t *r, size_t *s, size_t *e)
{
    *s = (size_t)json_integer_value(json_object_get(r, "Start"));
    json_t *len = json_object_get(r, "Length");
    *e = len ? *s + (size_t)json_integer_value(len)
             : (size_t)json_integer_value(json_object_get(r, "End")) + 1;
}

static bool has_mod(json_t *r)
{
    json_t *vals = json_object_get(json_object_get(r, "Resolution"), "values");
    size_t i;
    json_t *v;
    json_array_foreach(vals, i, v) if (json_object_get(v, "Mod")) return true;
    return false;
}

/* The date mention with the span of result r, or NULL. */
static const sr_mention *rt_find(const sr_doc *d, const char *input, json_t *r)
{
    size_t es, ee;
    rt_span(r, &es, &ee);
    const char *text = json_string_value(json_object_get(r, "Text"));
    size_t skip = text && has_mod(r) ? lead_word(text, strlen(text)) : 0;
    for (size_t i = 0; i < d->nmentions; i++) {
        const sr_mention *m = &d->mentions[i];
        if (m->kind != SR_MENTION_DATE)
            continue;
        size_t s = u16_units(input, m->start), e = u16_units(input, m->end);
        if (e == ee && (s == es || (skip && s == es + skip)))
            return m;
    }
    return NULL;
}

/* For a range ("2014/2018"), the first day of its end unit: Recognizers-Text reads
 * "from 2014 to 2018" as half-open, ending where 2018 begins. INT32_MIN otherwise. */
static int32_t range_end_unit(const sr_date *t)
{
    const char *slash = strchr(t->value, '/');
    if (!slash)
        return INT32_MIN;
    char buf[16] = "";
    snprintf(buf, sizeof buf, "%s", slash + 1);
    size_t n = strlen(buf);
    if (n == 4)
        strcat(buf, "-01-01");
    else if (n == 7 && buf[4] == '-' && buf[5] != 'W' && buf[5] != 'Q')
        strcat(buf, "-01");
    return day_of(buf);
}

static bool rt_value_ok(const sr_mention *m, json_t *r)
{
    json_t *vals = json_object_get(json_object_get(r, "Resolution"), "values");
    if (!json_is_array(vals) || !json_array_size(vals) || has_mod(r))
        return true;
    const sr_date *t = &m->u.date;
    size_t i;
    json_t *v;
    json_array_foreach(vals, i, v) {
        const char *val = json_string_value(json_object_get(v, "value"));
        const char *st = json_string_value(json_object_get(v, "start"));
        const char *en = json_string_value(json_object_get(v, "end"));
        if (val && !strcmp(val, "not resolved"))
            return true;
        if (!t->resolved)
            continue;
        int32_t b = sr_ymd_to_days(t->begin), e = sr_ymd_to_days(t->end);
        if (val && day_of(val) == b && b == e)
            return true;
        if ((st || en) && (!st || day_of(st) == b) &&
            (!en || day_of(en) == e + 1 || day_of(en) == range_end_unit(t)))
            return true;
    }
    return false;
}

static bool overlaps_any(json_t *results, const char *input, const sr_mention *m)
{
    size_t s = u16_units(input, m->start), e = u16_units(input, m->end), i;
    json_t *r;
    json_array_foreach(results, i, r) {
        size_t rs, re;
        rt_span(r, &rs, &re);
        if (s < re && rs < e)
            return true;
    }
    return false;
}

static void print_case(const char *input, const sr_doc *d, const char *why)
{
    fprintf(stderr, "  FAIL (%s) %s\n", why, input);
    for (size_t i = 0; i < d->nmentions; i++)
        if (d->mentions[i].kind == SR_MENTION_DATE)
            fprintf(stderr, "      got \"%.*s\" %s\n",
                    (int)(d->mentions[i].end - d->mentions[i].start),
                    d->text + d->mentions[i].start, d->mentions[i].u.date.value);
}

/* Scores one RT case; returns -1 when out of scope, else 1 pass / 0 fail. */
static int rt_case(json_t *c, bool values)
{
    const char *input = json_string_value(json_object_get(c, "Input"));
    json_t *results = json_object_get(c, "Results");
    if (!input || !json_is_array(results))
        return -1;
    size_t i, ndate = 0;
    json_t *r;
    json_array_foreach(results, i, r) {
        const char *type = json_string_value(json_object_get(r, "TypeName"));
        if (!type)
            type = json_string_value(json_object_get(r, "Type"));
        ndate += is_date_type(type);
    }
    if (json_array_size(results) && !ndate)
        return -1;
    sr_ymd ref = {0, 0, 0};
    const char *refs = json_string_value(
        json_object_get(json_object_get(c, "Context"), "ReferenceDateTime"));
    if (refs && sr_ymd_parse(refs, strlen(refs), &ref))
        ref.year = 0;
    sr_doc *d = conf_analyse(pipe_, input, strlen(input), ref.year ? &ref : NULL);
    const char *why = NULL;
    json_array_foreach(results, i, r) {
        const char *type = json_string_value(json_object_get(r, "TypeName"));
        if (!type)
            type = json_string_value(json_object_get(r, "Type"));
        if (!is_date_type(type))
            continue;
        const sr_mention *m = rt_find(d, input, r);
        if (!m)
            why = why ? why : "span";
        else if (values && !rt_value_ok(m, r))
            why = why ? why : "value";
    }
    for (size_t k = 0; k < d->nmentions && !why; k++)
        if (d->mentions[k].kind == SR_MENTION_DATE && !overlaps_any(results, input, &d->mentions[k]))
            why = "extra";
    if (why && conf_verbose()) {
        print_case(input, d, why);
        char *x = json_dumps(results, JSON_COMPACT);
        fprintf(stderr, "      want %.300s\n", x ? x : "");
        free(x);
    }
    sr_doc_free(d);
    return !why;
}

static void rt_suite(const char *file, bool values, tally *t)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/data/recognizers/recognizers-text/Specs/DateTime/English/%s",
             conf_shared(), file);
    json_t *cases = conf_json_array(path);
    size_t i;
    json_t *c;
    json_array_foreach(cases, i, c) {
        int k = rt_case(c, values);
        if (k < 0) {
            t->excluded++;
            continue;
        }
        t->total++;
        t->passed += (size_t)k;
    }
    json_decref(cases);
}

/* ---- Duckling -------------------------------------------------------------------- */

/* The begin of the one date mention spanning [s, e) of text when published on day pub,
 * or INT32_MIN. */
static int32_t begin_at(const char *text, size_t s, size_t e, int32_t pub)
{
    sr_ymd p = sr_days_to_ymd(pub);
    sr_doc *d = conf_analyse(pipe_, text, strlen(text), &p);
    int32_t r = INT32_MIN;
    for (size_t i = 0; i < d->nmentions; i++) {
        const sr_mention *m = &d->mentions[i];
        if (m->kind == SR_MENTION_DATE && m->start == s && m->end == e && m->u.date.resolved)
            r = sr_ymd_to_days(m->u.date.begin);
    }
    sr_doc_free(d);
    return r;
}

/* Whether ours differs from Duckling's future reading only by choosing the past: ours
 * is on or before the reference, Duckling's after it and less than 400 days later, and
 * both are occurrences of what the text names: published on either day, the text
 * resolves to that very day (so "next week" read as this week, or a wrong holiday rule,
 * does not pass). */
static bool past_variant(const char *text, size_t s, size_t e, int32_t ours, int32_t theirs,
                         int32_t ref)
{
    if (ours == theirs)
        return true;
    if (theirs <= ref || ours > ref || theirs - ours > 400)
        return false;
    return begin_at(text, s, e, ours) == ours && begin_at(text, s, e, theirs) == theirs;
}

/* Span of the text our mention must have: [s, e) after a leading preposition (or the
 * direction word of an open interval) and trailing punctuation. */
static void duck_span(const char *text, bool open, size_t *s, size_t *e)
{
    size_t n = strlen(text);
    while (n && (text[n - 1] == '.' || text[n - 1] == ' ' || text[n - 1] == '?'))
        n--;
    *s = 0;
    if (open || ci_prefix(text, n, "on") || ci_prefix(text, n, "in") ||
        ci_prefix(text, n, "at") || ci_prefix(text, n, "for") || ci_prefix(text, n, "during"))
        *s = lead_word(text, n);
    *e = n;
}

static int duck_case(json_t *c, bool *holiday)
{
    json_t *p = json_object_get(c, "parsed");
    const char *text = json_string_value(json_object_get(c, "text"));
    const char *kind = json_string_value(json_object_get(p, "kind"));
    const char *grain = json_string_value(json_object_get(p, "grain"));
    *holiday = json_object_get(p, "holiday") != NULL;
    if (!text || !kind)
        return -1;
    bool neg = !strcmp(kind, "negative"), open = !strcmp(kind, "open_interval");
    if (!neg && (!grain || !strcmp(grain, "Hour") || !strcmp(grain, "Minute") ||
                 !strcmp(grain, "Second")))
        return -1;
    sr_ymd refd = {2013, 2, 12};
    int32_t ref = sr_ymd_to_days(refd);
    sr_doc *d = conf_analyse(pipe_, text, strlen(text), &refd);
    const sr_mention *m = NULL;
    size_t ndates = 0;
    for (size_t i = 0; i < d->nmentions; i++)
        if (d->mentions[i].kind == SR_MENTION_DATE)
            m = &d->mentions[i], ndates++;
    const char *why = NULL;
    if (neg) {
        why = ndates ? "extra" : NULL;
    } else {
        size_t s, e;
        duck_span(text, open, &s, &e);
        const sr_date *t = m ? &m->u.date : NULL;
        if (ndates != 1 || m->start != s || m->end != e) {
            why = "span";
        } else if (!t->resolved) {
            why = "value";
        } else {
            int32_t b = sr_ymd_to_days(t->begin), en = sr_ymd_to_days(t->end) + 1;
            const char *st = json_string_value(json_object_get(p, open ? "point" : "start"));
            int32_t xs = day_of(st);
            if (!past_variant(text, s, e, b, xs, ref))
                why = "value";
            else if (!strcmp(kind, "interval") &&
                     en - b != day_of(json_string_value(json_object_get(p, "end"))) - xs)
                why = "value";
        }
    }
    if (why && conf_verbose())
        print_case(text, d, why);
    sr_doc_free(d);
    return !why;
}

static void duck_suite(tally *days, tally *hol)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/data/recognizers/duckling/duckling_en_time.jsonl",
             conf_shared());
    size_t len;
    char *buf = conf_slurp(path, &len), *line = buf, *nl;
    for (; line < buf + len; line = nl + 1) {
        nl = memchr(line, '\n', (size_t)(buf + len - line));
        if (!nl)
            nl = buf + len;
        if (nl == line)
            continue;
        json_error_t err;
        json_t *c = json_loadb(line, (size_t)(nl - line), 0, &err);
        if (!c) {
            fprintf(stderr, "conformance: %s: %s\n", path, err.text);
            exit(2);
        }
        bool holiday;
        int k = duck_case(c, &holiday);
        tally *t = holiday ? hol : days;
        if (k < 0)
            t->excluded++;
        else
            t->total++, t->passed += (size_t)k;
        json_decref(c);
    }
    free(buf);
}

int main(void)
{
    pipe_ = sr_pipeline_new(NULL);
    if (!pipe_)
        return 2;
    tally model = {0}, dex = {0}, pex = {0}, duck = {0}, hol = {0};
    rt_suite("DateTimeModel.json", true, &model);
    rt_suite("DateExtractor.json", false, &dex);
    rt_suite("DatePeriodExtractor.json", false, &pex);
    duck_suite(&duck, &hol);
    sr_pipeline_free(pipe_);
    bool ok = true;
    ok &= conf_report("rt-datetime", model.passed, model.total);
    ok &= conf_report("rt-date-extractor", dex.passed, dex.total);
    ok &= conf_report("rt-dateperiod-extractor", pex.passed, pex.total);
    ok &= conf_report("duckling-time", duck.passed, duck.total);
    ok &= conf_report("duckling-holidays", hol.passed, hol.total);
    printf("excluded as time-of-day only: rt-datetime %zu, rt-date-extractor %zu, "
           "rt-dateperiod-extractor %zu, duckling-time %zu, duckling-holidays %zu\n",
           model.excluded, dex.excluded, pex.excluded, duck.excluded, hol.excluded);
    return ok ? 0 : 1;
}
