/* thing.c: what a stored claim counts, the values it allows, the days it speaks for and
 * who it counts as, reduced to what reconciliation compares.
 *
 * Two reports speak of the same figure when they count the same thing: the same counted
 * actor ("North Korean soldiers" and "North Korean troops" are both PRKMIL people), or
 * without an actor the same counted phrase; with the same qualifier ("killed",
 * "wounded": 300 killed is not 300 deployed) and the same unit. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "reconcile_int.h"

/* Heads that name people generically: the actor code says which people. */
static const char *const people_heads[] = {
    "soldier", "troop", "personnel", "serviceman", "servicemen", "fighter", "man", "men",
    "force", "people", "person", "recruit", "combatant", "mercenary", "member", "staff",
    "military", NULL,
};

/* Words that change what is counted, and the qualifier they give. Matched in the
 * counted phrase and in the words right after the figure ("300 were killed"). */
static const char *const qualifiers[][2] = {
    {"killed", "killed"},     {"dead", "killed"},        {"died", "killed"},
    {"deaths", "killed"},     {"death", "killed"},       {"fatalities", "killed"},
    {"lives", "killed"},      {"wounded", "wounded"},    {"injured", "wounded"},
    {"injuries", "wounded"},  {"hurt", "wounded"},       {"casualties", "casualties"},
    {"captured", "captured"}, {"prisoners", "captured"}, {"prisoner", "captured"},
    {"missing", "missing"},   {"arrested", "detained"},  {"detained", "detained"},
    {"displaced", "displaced"}, {"refugees", "displaced"}, {"evacuated", "evacuated"},
    {NULL, NULL},
};

/* Determiners and other words a counted phrase may start with that do not change it. */
static const char *const lead_words[] = {"the", "a", "an", "of", "some", "about", NULL};

static bool in_list(const char *const *list, const char *w)
{
    for (size_t i = 0; list[i]; i++)
        if (!strcmp(list[i], w))
            return true;
    return false;
}

/* Copies the next word (letters, digits, inner hyphens and apostrophes) of s at *pos
 * into w (lower case, at most cap - 1 bytes); returns false at the end of s or at a
 * clause break (, ; : . ! ? or a bracket) when stop_at_break. */
static bool next_word(const char *s, size_t n, size_t *pos, char *w, size_t cap, bool stop_at_break)
{
    size_t i = *pos;
    while (i < n && !isalnum((unsigned char)s[i]) && !((unsigned char)s[i] & 0x80)) {
        if (stop_at_break && strchr(",;:.!?()[]\"", s[i]))
            return false;
        i++;
    }
    if (i >= n)
        return false;
    size_t k = 0;
    while (i < n && (isalnum((unsigned char)s[i]) || ((unsigned char)s[i] & 0x80) ||
                     ((s[i] == '-' || s[i] == '\'') && i + 1 < n && isalnum((unsigned char)s[i + 1])))) {
        if (k + 1 < cap)
            w[k++] = (char)tolower((unsigned char)s[i]);
        i++;
    }
    w[k] = 0;
    *pos = i;
    return true;
}

/* English plural to singular for the regular cases news counts in. */
static void singular(char *w)
{
    size_t n = strlen(w);
    if (n > 4 && !strcmp(w + n - 3, "ies"))
        strcpy(w + n - 3, "y");
    else if (n > 4 && (!strcmp(w + n - 4, "sses") || !strcmp(w + n - 4, "shes") ||
                       !strcmp(w + n - 4, "ches") || !strcmp(w + n - 3, "xes")))
        w[n - 2] = 0;
    else if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u')
        w[n - 1] = 0;
}

static const char *qualifier_of(const char *w)
{
    for (size_t i = 0; qualifiers[i][0]; i++)
        if (!strcmp(qualifiers[i][0], w))
            return qualifiers[i][1];
    return NULL;
}

/* The counted phrase normalised (lower case, single spaces, without leading
 * determiners), its last word as the head, and a qualifier among its words. */
static void read_counted(const char *s, sr_thing *t, char head[48])
{
    size_t pos = 0, n = strlen(s), k = 0;
    char w[48];
    head[0] = 0;
    while (next_word(s, n, &pos, w, sizeof w, false)) {
        const char *q = qualifier_of(w);
        if (q && !*t->qualifier)
            t->qualifier = q;
        if (k == 0 && in_list(lead_words, w))
            continue;
        size_t wl = strlen(w);
        if (k + wl + 2 < sizeof t->phrase) {
            if (k)
                t->phrase[k++] = ' ';
            memcpy(t->phrase + k, w, wl + 1);
            k += wl;
        }
        snprintf(head, 48, "%s", w);
    }
}

/* A qualifier among the first words after the figure, within its clause. */
static const char *qualifier_after(const sr_stored_claim *c)
{
    size_t tl = strlen(c->text);
    if (c->end < c->text_start || c->end - c->text_start > tl)
        return NULL;
    size_t pos = c->end - c->text_start;
    char w[48];
    for (int i = 0; i < 6 && next_word(c->text, tl, &pos, w, sizeof w, true); i++) {
        const char *q = qualifier_of(w);
        if (q)
            return q;
    }
    return NULL;
}

static void unit_of(const sr_stored_claim *c, sr_thing *t)
{
    switch (c->unit_kind) {
    case SR_UNIT_PERCENT:
        snprintf(t->unit, sizeof t->unit, "percent");
        break;
    case SR_UNIT_MONEY:
        snprintf(t->unit, sizeof t->unit, "%s", *c->currency ? c->currency : "money");
        break;
    case SR_UNIT_MEASURE: {
        size_t i = 0;
        for (; c->unit[i] && i + 1 < sizeof t->unit; i++)
            t->unit[i] = (char)tolower((unsigned char)c->unit[i]);
        t->unit[i] = 0;
        singular(t->unit);
        break;
    }
    default:
        snprintf(t->unit, sizeof t->unit, "count");
    }
}

bool sr_thing_of(const sr_stored_claim *c, sr_thing *t)
{
    memset(t, 0, sizeof *t);
    t->actor = c->counted_actor;
    t->qualifier = "";
    unit_of(c, t);
    char head[48];
    read_counted(c->counted, t, head);
    if (!*t->qualifier) {
        const char *q = qualifier_after(c);
        t->qualifier = q ? q : "";
    }
    singular(head);
    bool people = in_list(people_heads, head);
    if (*t->actor) {
        snprintf(t->noun, sizeof t->noun, "%s", people ? "people" : head);
        t->phrase[0] = 0;
        return true;
    }
    snprintf(t->noun, sizeof t->noun, "%s", head);
    /* Without an actor only a phrase tied to a place says what is counted. */
    return *t->phrase && *c->place_id;
}

/* Half the rounding step a written figure implies: a quarter of its last non-zero
 * digit's place ("1.3 million": 25,000; "12,000": 250; "1,271": 0.25). */
static double rounding(double v)
{
    if (!(v >= 1) || v > 1e15)
        return 0;
    double step = 1;
    while (step * 10 <= v && fmod(v, step * 10) == 0)
        step *= 10;
    return step / 4;
}

/* The interval with an allowance of r for rounding (r_of gives it per value). */
static void interval(const sr_stored_claim *c, double (*r_of)(double), double *lo, double *hi)
{
    double v = c->value, r = r_of(v);
    *lo = v - r;
    *hi = v + r;
    if (c->vague) { /* "thousands of": at least one thousand */
        *lo = v;
        *hi = INFINITY;
        return;
    }
    switch (c->hedge) {
    case SR_HEDGE_ABOUT:
        *lo = v - v / 10 - r, *hi = v + v / 10 + r;
        break;
    case SR_HEDGE_AT_LEAST:
    case SR_HEDGE_MORE_THAN:
        *lo = v, *hi = INFINITY;
        break;
    case SR_HEDGE_AT_MOST:
    case SR_HEDGE_LESS_THAN:
        *lo = 0, *hi = v;
        break;
    case SR_HEDGE_RANGE:
        *lo = c->low - r_of(c->low), *hi = c->high + r_of(c->high);
        break;
    default:
        break;
    }
}

static double none(double v)
{
    (void)v;
    return 0;
}

void sr_claim_interval(const sr_stored_claim *c, double *lo, double *hi)
{
    interval(c, rounding, lo, hi);
}

void sr_claim_bounds(const sr_stored_claim *c, double *lo, double *hi)
{
    interval(c, none, lo, hi);
}

enum { RECENT_DAYS = 3, BACKGROUND_DAYS = 60 };

void sr_claim_window(const sr_stored_claim *c, int32_t *from, int32_t *to)
{
    *from = c->as_of_begin.year ? sr_ymd_to_days(c->as_of_begin) : 0;
    *to = c->as_of_end.year ? sr_ymd_to_days(c->as_of_end) : *from;
    if (!c->dated && c->as_of_begin.year)
        *from -= c->source_kind == SR_SOURCE_NONE ? BACKGROUND_DAYS : RECENT_DAYS;
}

bool sr_claim_timeless(const sr_stored_claim *c)
{
    static const char *const past[] = {"was", "were", "had", NULL};
    size_t tl = strlen(c->text);
    if (c->dated || c->source_kind != SR_SOURCE_NONE || c->start < c->text_start ||
        c->start - c->text_start > tl)
        return false;
    size_t fig = c->start - c->text_start, from = fig;
    while (from > 0 && !strchr(",;:", c->text[from - 1]))
        from--; /* the clause before the figure */
    size_t pos = from;
    char w[48];
    for (int after = 0; after < 6 && next_word(c->text, tl, &pos, w, sizeof w, pos >= fig);) {
        if (in_list(past, w))
            return true;
        after += pos > fig;
    }
    return false;
}

/* Lower case, without a leading "the ", at most cap - 1 bytes. */
static void norm_text(const char *s, char *out, size_t cap)
{
    if (!strncasecmp(s, "the ", 4))
        s += 4;
    size_t i = 0;
    for (; s[i] && i + 1 < cap; i++)
        out[i] = (char)tolower((unsigned char)s[i]);
    out[i] = 0;
}

void sr_claim_source_key(const sr_stored_claim *c, char *out, size_t cap)
{
    char t[128];
    switch (c->source_kind) {
    case SR_SOURCE_NAMED:
        if (*c->source_actors) {
            snprintf(out, cap, "%s", c->source_actors);
            return;
        }
        norm_text(c->source, t, sizeof t);
        snprintf(out, cap, "src:%s", t);
        return;
    case SR_SOURCE_UNNAMED:
        snprintf(out, cap, "unnamed:%s", c->outlet);
        return;
    default:
        snprintf(out, cap, "outlet:%s", c->outlet);
    }
}

int sr_place_relation(const sr_stored_claim *a, const sr_stored_claim *b)
{
    /* no place speaks of the figure's whole place: the same as a country, around a
     * city or region */
    bool a_whole = !*a->place_id || a->place_kind == SR_PLACE_COUNTRY;
    bool b_whole = !*b->place_id || b->place_kind == SR_PLACE_COUNTRY;
    if ((!*a->place_id || !*b->place_id) && a_whole != b_whole)
        return a_whole ? SR_PLACE_CONTAINS : SR_PLACE_INSIDE;
    if (!*a->place_id || !*b->place_id || !strcmp(a->place_id, b->place_id))
        return SR_PLACE_SAME;
    if (strcmp(a->place_country, b->place_country))
        return SR_PLACE_APART;
    /* within one country: country > region > city */
    if (b->place_kind == SR_PLACE_COUNTRY ||
        (b->place_kind == SR_PLACE_REGION && !strcmp(a->place_region, b->place_id)))
        return SR_PLACE_INSIDE;
    if (a->place_kind == SR_PLACE_COUNTRY ||
        (a->place_kind == SR_PLACE_REGION && !strcmp(b->place_region, a->place_id)))
        return SR_PLACE_CONTAINS;
    return SR_PLACE_APART;
}
