/* describe.c: what a figure is about, in words: its thing (from the key), the place it
 * speaks of, and a label a reader recognises ("North Korean soldiers in Russia"). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reconcile_int.h"

const char *sr_figure_label_name(uint32_t label)
{
    switch (label) {
    case SR_FIG_UPDATE: return "update";
    case SR_FIG_AGREEMENT: return "agreement";
    case SR_FIG_CONFLICT: return "conflict";
    case SR_FIG_PROJECTION: return "projection";
    case SR_FIG_HYPOTHETICAL: return "hypothetical";
    case SR_FIG_COPY: return "copy";
    default: return "";
    }
}

/* Splits the key "actor|noun|phrase|qualifier|unit" (a copy in the arena) into f. */
static sr_status split_key(sr_arena *a, sr_figure *f, const char **phrase)
{
    char *k = sr_arena_strndup(a, f->key, strlen(f->key));
    if (!k)
        return SR_NOMEM;
    const char **parts[5] = {&f->actor, &f->noun, phrase, &f->qualifier, &f->unit};
    for (int i = 0; i < 5; i++) {
        *parts[i] = k;
        char *bar = strchr(k, '|');
        if (bar && i < 4) {
            *bar = 0;
            k = bar + 1;
        } else {
            k += strlen(k);
        }
    }
    return SR_OK;
}

/* The place the figure speaks of: the one place all its placed entries name, else its
 * country (named as an entry names it, or by its code). */
static void place_of(sr_figure *f)
{
    const char *one = NULL, *country_name = NULL, *country_id = NULL;
    bool several = false;
    for (size_t i = 0; i < f->n; i++) {
        const sr_stored_claim *c = f->entries[i].claim;
        if (!*c->place_id)
            continue;
        if (!one)
            one = c->place_id, f->place_name = c->place_name;
        else if (strcmp(one, c->place_id))
            several = true;
        if (c->place_kind == SR_PLACE_COUNTRY && !strcmp(c->place_country, f->country))
            country_id = c->place_id, country_name = c->place_name;
    }
    if (one && !several) {
        f->place_id = one;
        return;
    }
    if (!one) { /* no entry names a place: the figure has none (the country it is
                   filed under only kept it apart from other countries' figures) */
        f->place_id = f->place_name = f->country = "";
        return;
    }
    f->place_id = country_id ? country_id : "";
    f->place_name = country_name ? country_name : f->country;
}

/* Whether a phrase has a capitalised word: it names whose. */
static bool names(const char *t)
{
    for (const char *p = t; *p; p++)
        if (isupper((unsigned char)*p) && (p == t || p[-1] == ' '))
            return true;
    return false;
}

/* The counted phrase most entries use, preferring one with a name in it (ties: the
 * longest), of the first 32 entries: how reports name the thing. */
static const char *common_counted(const sr_figure *f)
{
    const char *best = "";
    size_t best_n = 0, m = f->n < 32 ? f->n : 32;
    for (size_t i = 0; i < m; i++) {
        const char *t = f->entries[i].claim->counted;
        if (!*t)
            continue;
        size_t n = 0;
        for (size_t j = 0; j < m; j++)
            n += !strcasecmp(t, f->entries[j].claim->counted);
        if (names(t))
            n += m; /* "North Korean soldiers" says whose soldiers */
        if (n > best_n || (n == best_n && strlen(t) > strlen(best)))
            best = t, best_n = n;
    }
    return best;
}

sr_status sr_figure_describe(sr_arena *a, sr_figure *f, int magnitude)
{
    const char *phrase;
    sr_status st = split_key(a, f, &phrase);
    if (st)
        return st;
    place_of(f);
    char key[320], label[320];
    snprintf(key, sizeof key, "%s|%s|%d", f->key, f->country, magnitude);
    const char *what = common_counted(f);
    int n = snprintf(label, sizeof label, "%s", *what ? what : *f->noun ? f->noun : f->unit);
    if (*f->qualifier && !strstr(label, f->qualifier) && n < (int)sizeof label)
        n += snprintf(label + n, sizeof label - (size_t)n, " (%s)", f->qualifier);
    if (*f->place_name && n < (int)sizeof label)
        snprintf(label + n, sizeof label - (size_t)n, " in %s", f->place_name);
    f->key = sr_arena_strndup(a, key, strlen(key));
    f->label = sr_arena_strndup(a, label, strlen(label));
    if (!f->place_name)
        f->place_name = "";
    return f->key && f->label ? SR_OK : SR_NOMEM;
}
