/* numbers.c: scores the number and quantity recogniser on external suites
 * (../shared/data/recognizers): Recognizers-Text Number and NumberWithUnit (English),
 * Duckling numeral / amount-of-money / quantity, and quantulum3.
 *
 * Scoring, per case:
 *  - Recognizers-Text: every expected result must be found: a number or quantity
 *    mention with the same value (and for ranges the same bounds or hedge, for percent
 *    and money and dimensions the same kind of unit, for money the ISO code when the
 *    suite gives one) whose span contains the expected span, the extra text holding no
 *    digit (sitrep's spans include hedge words and currency: "more than $5"). A case
 *    expecting nothing passes only when no number or quantity is mentioned. Results
 *    with no value (a bare unit word, "dollar") are dropped: sitrep mentions amounts.
 *    Cases whose NotSupported lists "dotnet" are excluded: the reference
 *    implementation itself fails them. All other cases count, including those other
 *    ports do not support.
 *  - Duckling: the whole text is one expression: a mention must start at the text's
 *    first byte and end (or its counted noun phrase end) at its last, with the same
 *    value, bounds and currency. Units are not converted ("0.002 kg" is 0.002, and fails
 *    a case expecting 2 grams). A "negative" case passes when nothing is mentioned.
 *  - quantulum3: every expected surface must be covered by a mention with its value.
 * SITREP_CONF_VERBOSE=1 prints each failing case. */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../conformance_util.h"

enum { RT_NUMBER, RT_RANGE, RT_PERCENT, RT_CURRENCY, RT_DIMENSION, RT_AGE };

static bool same(double a, double b)
{
    return fabs(a - b) <= 1e-6 * fmax(1.0, fabs(b));
}

static double mention_value(const sr_mention *m)
{
    return m->kind == SR_MENTION_NUMBER ? m->u.number : m->u.quantity.value;
}

static bool is_amount(const sr_mention *m)
{
    return m->kind == SR_MENTION_NUMBER || m->kind == SR_MENTION_QUANTITY;
}

static size_t amounts(const sr_doc *d)
{
    size_t n = 0;
    for (size_t i = 0; i < d->nmentions; i++)
        n += is_amount(&d->mentions[i]);
    return n;
}

/* True when m's span contains [bs, be) and the extra bytes hold no digit. */
static bool covers(const sr_doc *d, const sr_mention *m, size_t bs, size_t be)
{
    if (m->start > bs || m->end < be)
        return false;
    for (size_t k = m->start; k < m->end; k++)
        if ((k < bs || k >= be) && d->clean[k] >= '0' && d->clean[k] <= '9')
            return false;
    return true;
}

/* Byte offset of character index ci in UTF-8 s (n bytes). */
static size_t byte_of_char(const char *s, size_t n, size_t ci)
{
    size_t b = 0;
    for (size_t c = 0; c < ci && b < n; c++) {
        b++;
        while (b < n && ((unsigned char)s[b] & 0xC0) == 0x80)
            b++;
    }
    return b;
}

/* Parses a Recognizers-Text range "[20,30)", "(30,)", "(,100]" into bounds and the
 * hedge sitrep would give it. */
static bool parse_range(const char *v, double *lo, double *hi, sr_hedge *h)
{
    size_t n = strlen(v);
    if (n < 3)
        return false;
    const char *comma = strchr(v, ',');
    if (!comma)
        return false;
    bool has_lo = comma > v + 1, has_hi = comma[1] != ')' && comma[1] != ']';
    *lo = has_lo ? strtod(v + 1, NULL) : 0;
    *hi = has_hi ? strtod(comma + 1, NULL) : 0;
    if (has_lo && has_hi)
        *h = same(*lo, *hi) ? SR_HEDGE_EXACT : SR_HEDGE_RANGE;
    else if (has_lo)
        *h = v[0] == '[' ? SR_HEDGE_AT_LEAST : SR_HEDGE_MORE_THAN;
    else
        *h = v[n - 1] == ']' ? SR_HEDGE_AT_MOST : SR_HEDGE_LESS_THAN;
    return has_lo || has_hi;
}

static bool rt_result_found(const sr_doc *d, json_t *r, const char *input, int kind)
{
    json_t *res = json_object_get(r, "Resolution");
    const char *val = json_string_value(json_object_get(res, "value"));
    const char *iso = json_string_value(json_object_get(res, "isoCurrency"));
    size_t n = strlen(input);
    size_t bs = byte_of_char(input, n, (size_t)json_integer_value(json_object_get(r, "Start")));
    size_t be = byte_of_char(input, n, (size_t)json_integer_value(json_object_get(r, "End")) + 1);
    double lo = 0, hi = 0, v = val ? strtod(val, NULL) : 0;
    sr_hedge h = SR_HEDGE_EXACT;
    if (kind == RT_RANGE && !parse_range(val, &lo, &hi, &h))
        return false;
    for (size_t i = 0; i < d->nmentions; i++) {
        const sr_mention *m = &d->mentions[i];
        if (!is_amount(m) || !covers(d, m, bs, be))
            continue;
        const sr_quantity *q = &m->u.quantity;
        bool isq = m->kind == SR_MENTION_QUANTITY;
        switch (kind) {
        case RT_NUMBER:
            if (same(mention_value(m), v))
                return true;
            break;
        case RT_RANGE: {
            sr_hedge mh = isq ? (sr_hedge)q->hedge : SR_HEDGE_EXACT;
            if (mh != h)
                break;
            if (h == SR_HEDGE_RANGE ? same(q->low, lo) && same(q->high, hi)
                                    : same(mention_value(m), h == SR_HEDGE_AT_MOST ||
                                                                     h == SR_HEDGE_LESS_THAN
                                                                 ? hi
                                                                 : lo))
                return true;
            break;
        }
        case RT_PERCENT:
            if (isq && q->unit_kind == SR_UNIT_PERCENT && same(q->value, v))
                return true;
            break;
        case RT_CURRENCY:
            if (isq && q->unit_kind == SR_UNIT_MONEY && same(q->value, v) &&
                (!iso || !strcmp(iso, q->currency)))
                return true;
            break;
        default:
            if (isq && q->unit_kind == SR_UNIT_MEASURE && same(q->value, v))
                return true;
            break;
        }
    }
    return false;
}

static bool rt_suite(sr_pipeline *p, const char *suite, const char *file, int kind)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/data/recognizers/recognizers-text/Specs/%s", conf_shared(), file);
    json_t *cases = conf_json_array(path);
    size_t passed = 0, total = 0, i;
    json_t *cs;
    json_array_foreach(cases, i, cs) {
        const char *ns = json_string_value(json_object_get(cs, "NotSupported"));
        if (ns && strstr(ns, "dotnet"))
            continue;
        const char *input = json_string_value(json_object_get(cs, "Input"));
        json_t *results = json_object_get(cs, "Results");
        if (!input || !json_is_array(results))
            continue;
        total++;
        sr_doc *d = conf_analyse(p, input, strlen(input), NULL);
        size_t expected = 0, k;
        bool ok = true;
        json_t *r;
        json_array_foreach(results, k, r) {
            json_t *res = json_object_get(r, "Resolution");
            if (!json_string_value(json_object_get(res, "value")))
                continue;
            expected++;
            if (!rt_result_found(d, r, input, kind)) {
                ok = false;
                if (conf_verbose())
                    printf("  %s: \"%s\": missed \"%s\" = %s\n", suite, input,
                           json_string_value(json_object_get(r, "Text")),
                           json_string_value(json_object_get(res, "value")));
            }
        }
        if (!expected && amounts(d)) {
            ok = false;
            if (conf_verbose())
                printf("  %s: \"%s\": expected nothing, found %zu\n", suite, input, amounts(d));
        }
        passed += ok;
        sr_doc_free(d);
    }
    json_decref(cases);
    return conf_report(suite, passed, total);
}

/* ---- Duckling ------------------------------------------------------------------- */

static bool duckling_match(const sr_mention *m, json_t *parsed, size_t bs,
                           size_t be, bool money)
{
    if (!is_amount(m) || m->start != bs)
        return false;
    const sr_quantity *q = &m->u.quantity;
    bool isq = m->kind == SR_MENTION_QUANTITY;
    if (m->end != be && !(isq && q->counted_end == be && q->counted_end > q->counted_start))
        return false;
    const char *kind = json_string_value(json_object_get(parsed, "kind"));
    const char *unit = json_string_value(json_object_get(parsed, "unit"));
    double v = json_number_value(json_object_get(parsed, "value"));
    if (kind && !strcmp(kind, "between")) {
        double lo = json_number_value(json_object_get(parsed, "from"));
        double hi = json_number_value(json_object_get(parsed, "to"));
        if (!isq || q->hedge != SR_HEDGE_RANGE || !same(q->low, lo) || !same(q->high, hi))
            return false;
    } else if (kind && (!strcmp(kind, "under") || !strcmp(kind, "above"))) {
        bool under = !strcmp(kind, "under");
        if (!isq || !same(q->value, v) ||
            (under ? q->hedge != SR_HEDGE_LESS_THAN && q->hedge != SR_HEDGE_AT_MOST
                   : q->hedge != SR_HEDGE_MORE_THAN && q->hedge != SR_HEDGE_AT_LEAST))
            return false;
    } else if (!same(mention_value(m), v)) {
        return false;
    }
    if (!unit || !strcmp(unit, "Unnamed"))
        return true;
    if (!isq)
        return false;
    if (!money)
        return q->unit_kind == SR_UNIT_MEASURE || q->unit_kind == SR_UNIT_COUNT;
    if (q->unit_kind != SR_UNIT_MONEY)
        return false;
    if (strlen(unit) == 3 && unit[0] >= 'A' && unit[0] <= 'Z' && unit[2] >= 'A' && unit[2] <= 'Z')
        return !strcmp(unit, q->currency);
    if (!strcmp(unit, "Dollar"))
        return q->currency[2] == 'D';
    if (!strcmp(unit, "Pound"))
        return !strcmp(q->currency, "GBP");
    return true;
}

static bool duckling_suite(sr_pipeline *p, const char *suite, const char *file, bool money)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/data/recognizers/duckling/%s", conf_shared(), file);
    char *text = conf_slurp(path, NULL);
    size_t passed = 0, total = 0;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        json_error_t err;
        json_t *cs = json_loads(line, 0, &err);
        if (!cs) {
            fprintf(stderr, "conformance: %s: %s\n", path, err.text);
            exit(2);
        }
        const char *input = json_string_value(json_object_get(cs, "text"));
        json_t *parsed = json_object_get(cs, "parsed");
        if (!input) {
            json_decref(cs);
            continue;
        }
        total++;
        size_t n = strlen(input), bs = 0, be = n;
        while (bs < n && input[bs] == ' ')
            bs++;
        while (be > bs && input[be - 1] == ' ')
            be--;
        sr_doc *d = conf_analyse(p, input, n, NULL);
        const char *kind = json_string_value(json_object_get(parsed, "kind"));
        bool ok = false;
        if (kind && !strcmp(kind, "negative"))
            ok = amounts(d) == 0;
        for (size_t i = 0; i < d->nmentions && !ok; i++)
            ok = duckling_match(&d->mentions[i], parsed, bs, be, money);
        if (!ok && conf_verbose())
            printf("  %s: \"%s\" (%s)\n", suite, input,
                   json_string_value(json_object_get(cs, "expect")));
        passed += ok;
        sr_doc_free(d);
        json_decref(cs);
    }
    free(text);
    return conf_report(suite, passed, total);
}

/* ---- quantulum3 ----------------------------------------------------------------- */

static bool quantulum_suite(sr_pipeline *p, const char *suite)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/data/recognizers/quantulum3/quantities.json", conf_shared());
    json_t *cases = conf_json_array(path);
    size_t passed = 0, total = 0, i;
    json_t *cs;
    json_array_foreach(cases, i, cs) {
        const char *input = json_string_value(json_object_get(cs, "req"));
        json_t *res = json_object_get(cs, "res");
        if (!input || !json_is_array(res))
            continue;
        total++;
        sr_doc *d = conf_analyse(p, input, strlen(input), NULL);
        bool ok = true;
        const char *from = input;
        size_t k;
        json_t *r;
        json_array_foreach(res, k, r) {
            const char *surface = json_string_value(json_object_get(r, "surface"));
            double v = json_number_value(json_object_get(r, "value"));
            const char *at = surface ? strstr(from, surface) : NULL;
            bool found = false;
            if (at) {
                size_t bs = (size_t)(at - input), be = bs + strlen(surface);
                from = at + 1;
                for (size_t m = 0; m < d->nmentions && !found; m++)
                    found = is_amount(&d->mentions[m]) && covers(d, &d->mentions[m], bs, be) &&
                            same(mention_value(&d->mentions[m]), v);
            }
            if (!found) {
                ok = false;
                if (conf_verbose())
                    printf("  %s: \"%s\": missed \"%s\" = %g\n", suite, input,
                           surface ? surface : "?", v);
            }
        }
        passed += ok;
        sr_doc_free(d);
    }
    json_decref(cases);
    return conf_report(suite, passed, total);
}

int main(void)
{
    sr_pipeline *p = sr_pipeline_new(NULL);
    if (!p)
        return 2;
    bool ok = true;
    ok &= rt_suite(p, "rt-number", "Number/English/NumberModel.json", RT_NUMBER);
    ok &= rt_suite(p, "rt-number-range", "Number/English/NumberRangeModel.json", RT_RANGE);
    ok &= rt_suite(p, "rt-percent", "Number/English/PercentModel.json", RT_PERCENT);
    ok &= rt_suite(p, "rt-currency", "NumberWithUnit/English/CurrencyModel.json", RT_CURRENCY);
    ok &= rt_suite(p, "rt-dimension", "NumberWithUnit/English/DimensionModel.json", RT_DIMENSION);
    ok &= rt_suite(p, "rt-age", "NumberWithUnit/English/AgeModel.json", RT_AGE);
    ok &= duckling_suite(p, "duckling-numeral", "duckling_en_numeral.jsonl", false);
    ok &= duckling_suite(p, "duckling-money", "duckling_en_amountofmoney.jsonl", true);
    ok &= duckling_suite(p, "duckling-quantity", "duckling_en_quantity.jsonl", false);
    ok &= quantulum_suite(p, "quantulum3");
    sr_pipeline_free(p);
    return ok ? 0 : 1;
}
