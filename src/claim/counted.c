/* counted.c: the actor a claim counts. The longest actor mention inside the counted
 * phrase ("North Korean soldiers": PRKMIL). A lone role ("3,000 soldiers": MIL) names no
 * country; news leaves it to the context, and so does this:
 *   1. the nearest country-coded actor in the sentence that is neither the source, nor
 *      inside it, nor a place the figure is sent to or found in ("North Korea has sent
 *      thousands of soldiers to Russia": PRK, not RUS), before the figure, then after;
 *   2. else the country the document most often gives this role, when one country has
 *      at least two such mentions and more than half of them ("North Korean troops"
 *      throughout a story makes its "1,500 soldiers" North Korean).
 * A code so completed is the country's code and the role's ("PRK" + "MIL") and the claim
 * says it was inferred. A prefix is a country code when a place the document names lies
 * in that country. */
#include <stdlib.h>
#include <strings.h>

#include "claim_int.h"
#include "claims.h"

/* Words after which a place is where something goes or is, not who acts. */
static const char *const locatives[] = {
    "to", "in", "into", "at", "from", "near", "inside", "within", "across", "toward",
    "towards", "throughout", "on", "onto", "via", NULL,
};
static sr_wordlist locatives_w = SR_WORDLIST(locatives);

static int cmp3(const void *a, const void *b)
{
    return memcmp(a, b, 3);
}

/* Whether the document names a place in the country with alpha-3 code p (the codes are
 * gathered and sorted on first use). */
static bool names_country(sr_claim_ctx *c, const char *p)
{
    const sr_doc *d = c->d;
    if (!c->countries_made) {
        c->countries_made = 1;
        c->countries = sr_arena_alloc(d->arena, (d->nmentions + 1) * sizeof *c->countries);
        for (size_t i = 0; c->countries && i < d->nmentions; i++)
            if (d->mentions[i].kind == SR_MENTION_PLACE)
                memcpy(c->countries[c->ncountries++], d->mentions[i].u.place.country, 4);
        if (c->countries)
            qsort(c->countries, c->ncountries, sizeof *c->countries, cmp3);
    }
    return c->countries && bsearch(p, c->countries, c->ncountries, sizeof *c->countries, cmp3);
}

/* Actor mention a at token k may name the counted group's country: a bare country
 * ("North Korea") or the country with this very role ("North Korean troops"), neither
 * inside an attribution nor a place gone to or found in. */
static bool country_actor(const sr_claim_ctx *c, int32_t a, size_t k, const char *role)
{
    const sr_doc *d = c->d;
    const sr_actor *ac = &c->m[a].u.actor;
    size_t n = strlen(ac->code);
    if ((ac->flags & SR_ACTOR_ROLE) || c->in_att[k] ||
        !(n == 3 || (n == 3 + strlen(role) && !strcmp(ac->code + 3, role))))
        return false;
    int32_t p = c->place_at[k];
    if (p >= 0 && c->m[p].u.place.kind != SR_PLACE_COUNTRY)
        return false; /* a city named as an actor is where, not whose */
    if (p >= 0) {
        size_t first = k;
        while (first > 0 && c->place_at[first - 1] == p)
            first--;
        if (first > 0 && sr_wordlist_find(&locatives_w, d, &d->tokens[first - 1]) >= 0)
            return false;
    }
    return true;
}

/* Rule 1: the country of the sentence's candidates before token q when they agree on
 * one; else, when there are none before, the first in the rest of the clause [q, b).
 * "": none; NULL: candidates that disagree. */
static const char *sentence_country(const sr_claim_ctx *c, uint32_t s, size_t q, size_t b,
                                    size_t skip_a, size_t skip_b, const char *role)
{
    const sr_sentence *se = &c->d->sentences[s];
    size_t lo = q > se->first_token + SR_CLAIM_SCAN ? q - SR_CLAIM_SCAN : se->first_token;
    const char *found = "";
    for (size_t k = lo; k < q; k++) {
        int32_t a = c->actor_at[k];
        if (a < 0 || (k >= skip_a && k < skip_b) || !country_actor(c, a, k, role))
            continue;
        if (*found && memcmp(found, c->m[a].u.actor.code, 3))
            return NULL;
        found = c->m[a].u.actor.code;
    }
    for (size_t k = skip_b; !*found && k < b && k < q + SR_CLAIM_SCAN; k++)
        if (c->actor_at[k] >= 0 && country_actor(c, c->actor_at[k], k, role))
            found = c->m[c->actor_at[k]].u.actor.code;
    return found;
}

/* Rule 2: the country the document most often composes with role code r, into cc
 * ("" when none). One pass over the mentions, tallying up to 16 countries. */
static void tally_country(const sr_claim_ctx *c, const char *r, char cc[4])
{
    size_t rl = strlen(r), total = 0, n = 0, count[16] = {0};
    const char *pre[16];
    for (size_t i = 0; i < c->d->nmentions; i++) {
        const char *code = c->m[i].u.actor.code;
        if (c->m[i].kind != SR_MENTION_ACTOR || strlen(code) != rl + 3 || strcmp(code + 3, r))
            continue;
        total++;
        size_t j = 0;
        while (j < n && memcmp(pre[j], code, 3))
            j++;
        if (j == n && n < 16)
            pre[n++] = code;
        if (j < n)
            count[j]++;
    }
    size_t best = 0;
    for (size_t j = 1; j < n; j++)
        if (count[j] > count[best])
            best = j;
    cc[0] = 0;
    if (n && count[best] >= 2 && 2 * count[best] > total)
        memcpy(cc, pre[best], 3), cc[3] = 0;
}

/* Rule 2, remembered per role code for the document. NULL when none. */
static const char *document_country(sr_claim_ctx *c, const char *r)
{
    size_t i = 0;
    while (i < c->nrole_country && strcmp(c->role_country[i].role, r))
        i++;
    if (i == c->nrole_country) {
        if (i == sizeof c->role_country / sizeof c->role_country[0])
            return NULL;
        c->role_country[i].role = r;
        tally_country(c, r, c->role_country[i].cc);
        c->nrole_country++;
    }
    return c->role_country[i].cc[0] ? c->role_country[i].cc : NULL;
}

/* The longest actor mention in the counted phrase that reaches its last word (the
 * counted group itself, not a modifier: "artillery shells" count no MIL), or -1. Sets
 * [*a, *k) to the phrase's tokens. */
static int32_t counted_mention(const sr_claim_ctx *c, const sr_claim *cl, size_t *a, size_t *k)
{
    const sr_doc *d = c->d;
    int32_t best = -1;
    *a = sr_claim_token_at(d, cl->counted_start);
    for (*k = *a; *k < d->ntokens && d->tokens[*k].end <= cl->counted_end; (*k)++) {
        int32_t m = c->actor_at[*k];
        if (m >= 0 && (best < 0 || c->m[m].end - c->m[m].start > c->m[best].end - c->m[best].start))
            best = m;
    }
    return best >= 0 && c->m[best].end == d->tokens[*k - 1].end ? best : -1;
}

const char *sr_claim_counted_actor(sr_claim_ctx *c, sr_claim *cl, size_t q, size_t b)
{
    if (cl->counted_end <= cl->counted_start)
        return NULL;
    size_t a, k;
    int32_t best = counted_mention(c, cl, &a, &k);
    if (best < 0)
        return NULL;
    const sr_actor *role = &c->m[best].u.actor;
    if (!(role->flags & SR_ACTOR_ROLE))
        return role->code;
    const char *country = sentence_country(c, cl->sentence, q, b, a, k, role->code);
    if (!country || !*country)
        country = document_country(c, role->code);
    if (!country || !names_country(c, country))
        return role->code;
    size_t rl = strlen(role->code);
    char *code = sr_arena_alloc(c->d->arena, rl + 4);
    if (!code)
        return role->code;
    memcpy(code, country, 3);
    memcpy(code + 3, role->code, rl + 1);
    cl->counted_inferred = 1;
    return code;
}
