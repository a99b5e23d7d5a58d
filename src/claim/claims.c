/* claims.c: every figure becomes a claim: the quantity with what it counts, where, as
 * of when, in which modality, and who says so (attrib.c).
 *
 * A claim's own clause is the run of tokens around the quantity up to clause
 * punctuation or an attribution clause. Its place is a place in that clause (the most
 * specific of adjacent ones: "Russia's Vladivostok" is Vladivostok), else the nearest
 * place before it in the sentence, never one inside a source. Its as-of date is a date in the
 * clause, else the attribution's date ("said on Tuesday"), else an earlier date in the
 * sentence, else the publication day. A date keeps the grain the text gives ("by July
 * 2025" is 2025-07), except that "the end of December" is its last day. */
#include <strings.h>

#include "claims.h"

#include "claim_int.h"

/* Marks each token with the mention of a kind that covers it (the longest, for nested
 * actor mentions: sorted by start then end, a longer one comes later). */
static void index_mentions(sr_claim_ctx *c)
{
    const sr_doc *d = c->d;
    size_t t = 0;
    for (size_t i = 0; i < d->nmentions; i++) {
        const sr_mention *m = &d->mentions[i];
        int32_t *at = m->kind == SR_MENTION_DATE    ? c->date_at
                      : m->kind == SR_MENTION_ACTOR ? c->actor_at
                      : m->kind == SR_MENTION_PLACE ? c->place_at
                                                    : NULL;
        while (t > 0 && d->tokens[t - 1].start >= m->start)
            t--;
        while (t < d->ntokens && d->tokens[t].start < m->start)
            t++;
        for (size_t k = t; at && k < d->ntokens && d->tokens[k].end <= m->end; k++)
            at[k] = (int32_t)i;
    }
}

size_t sr_claim_token_at(const sr_doc *d, uint32_t offset)
{
    size_t lo = 0, hi = d->ntokens;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->tokens[mid].start < offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static bool in_clause_of(const sr_claim_ctx *c, size_t k)
{
    return c->in_att[k];
}

enum { ASIDE_LEVELS = 2 };

/* The first token a look back from token q of sentence se reaches (SR_CLAIM_SCAN). */
static size_t scan_from(const sr_sentence *se, size_t q)
{
    return q > se->first_token + SR_CLAIM_SCAN ? q - SR_CLAIM_SCAN : se->first_token;
}

/* After a short aside in brackets that opens at token j ("($6.13bn)"), or j itself. */
static size_t aside_end(const sr_doc *d, size_t j, size_t end)
{
    if (j >= end || !sr_claim_punct(d, j, '('))
        return j;
    for (size_t k = j + 1; k < end && k < j + 8; k++)
        if (sr_claim_punct(d, k, ')'))
            return k + 1;
    return j;
}

/* The claim's clause [*a, *b) around token q of sentence s. */
static void clause(const sr_claim_ctx *c, uint32_t s, size_t q, size_t *a, size_t *b)
{
    const sr_doc *d = c->d;
    const sr_sentence *se = &d->sentences[s];
    size_t first = se->first_token, end = first + se->ntokens, i, j;
    for (int level = 0;; level++) { /* at most ASIDE_LEVELS asides out: linear cost */
        i = q;
        size_t lo = scan_from(se, q);
        size_t hi = q + SR_CLAIM_SCAN < end ? q + SR_CLAIM_SCAN : end;
        while (i > lo && !sr_claim_boundary(d, i - 1) && !in_clause_of(c, i - 1))
            i--;
        j = q + 1;
        for (;;) {
            while (j < hi && !sr_claim_boundary(d, j) && !in_clause_of(c, j))
                j++;
            size_t after = aside_end(d, j, end);
            if (after == j)
                break;
            j = after; /* "£3.24bn ($6.13bn) in 2003": the aside belongs to the figure */
        }
        /* a figure inside an aside ("($6.13bn)") shares the clause around the aside */
        if (level < ASIDE_LEVELS && i > first + 1 && j < end && sr_claim_punct(d, i - 1, '(') &&
            sr_claim_punct(d, j, ')') && !sr_claim_punct(d, i - 2, ')') && !sr_claim_boundary(d, i - 2))
            q = i - 2;
        else
            break;
    }
    *a = i;
    *b = j;
}

/* Marks the sentences that open inside a quotation, or with one: a quote runs on
 * across sentences until it closes, and a new paragraph that opens with a quotation
 * mark goes on with the same speaker (news prints no closing mark between quoted
 * paragraphs), so the count restarts at each line break. */
static void mark_quoted(sr_claim_ctx *c)
{
    const sr_doc *d = c->d;
    bool open = false;
    size_t s = 0;
    for (size_t k = 0; k < d->ntokens; k++) {
        const sr_token *t = &d->tokens[k];
        if (t->flags & SR_TF_NEWLINE)
            open = false;
        while (s < d->nsentences && d->sentences[s].first_token + d->sentences[s].ntokens <= k)
            s++;
        const unsigned char *p = (const unsigned char *)d->clean + t->start;
        size_t n = t->end - t->start;
        bool straight = n == 1 && p[0] == '"';
        bool opens = n == 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x9C;
        bool closes = n == 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x9D;
        if (s < d->nsentences && k == d->sentences[s].first_token)
            c->quoted[s] = open || straight || opens;
        if (straight)
            open = !open;
        else if (opens || closes)
            open = opens;
    }
}

/* For a quoted sentence with no source of its own: the speaker of the nearest named
 * attribution in the sentences before it (within REFERENT_SENTENCES), or -1. */
static int32_t quote_speaker(const sr_claim_ctx *c, uint32_t s)
{
    uint32_t lo = s >= REFERENT_SENTENCES ? s - REFERENT_SENTENCES : 0;
    for (uint32_t a = c->sent_att[s]; a-- > c->sent_att[lo];)
        if (c->att[a].kind == SR_SOURCE_NAMED && !c->att[a].cites)
            return (int32_t)a;
    return -1;
}

/* The innermost attribution whose scope holds token q, and the reporter around it. */
static void pick_source(const sr_claim_ctx *c, uint32_t s, size_t q, int32_t *src, int32_t *via)
{
    *src = *via = -1;
    uint32_t best = UINT32_MAX;
    for (uint32_t k = c->sent_att[s]; k < c->sent_att[s + 1]; k++) {
        const sr_attrib *a = &c->att[k];
        if (q < a->scope_first || q >= a->scope_end || (q >= a->src_first && q < a->src_end))
            continue;
        uint32_t size = a->scope_end - a->scope_first;
        if (size < best)
            best = size, *src = (int32_t)k;
    }
    if (*src < 0)
        return;
    /* "According to X, North Korea is said to ...": the named source stands; a hedge
     * inside it is not a second source */
    if (c->att[*src].marker)
        for (uint32_t k = c->sent_att[s]; k < c->sent_att[s + 1]; k++) {
            const sr_attrib *a = &c->att[k];
            if (a->kind == SR_SOURCE_NAMED && q >= a->scope_first && q < a->scope_end &&
                !(q >= a->src_first && q < a->src_end))
                *src = (int32_t)k;
        }
    const sr_attrib *in = &c->att[*src];
    best = UINT32_MAX;
    for (uint32_t k = c->sent_att[s]; k < c->sent_att[s + 1]; k++) {
        const sr_attrib *a = &c->att[k];
        if ((int32_t)k == *src || in->src_first < a->scope_first ||
            in->src_first >= a->scope_end || a->kind != SR_SOURCE_NAMED)
            continue;
        uint32_t size = a->scope_end - a->scope_first;
        if (size < best)
            best = size, *via = (int32_t)k;
    }
    /* "X reported, citing Y": Y is the source and X the reporter */
    if (*via >= 0 && c->att[*via].cites && !in->cites &&
        c->att[*via].clause_first <= in->scope_first + 2) {
        int32_t t = *src;
        *src = *via;
        *via = t;
    }
}

/* The first word of p[0..n) is a unit of time ("months", "months old"). */
static bool is_time_word(const char *p, size_t n)
{
    const char *sp = p ? memchr(p, ' ', n) : NULL;
    if (sp)
        n = (size_t)(sp - p);
    static const char *const units[] = {"year", "years", "month", "months", "week", "weeks",
                                        "day", "days", "hour", "hours", "minute", "minutes",
                                        "second", "seconds", "decade", "decades",
                                        "year-old", "years-old", "month-old"};
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (n == strlen(units[i]) && !strncasecmp(p, units[i], n))
            return true;
    return false;
}

/* Figures that are claims: counts, money, percentages, measures other than durations
 * and ages ("six months", "three months old"), and bare numbers of a hundred or more
 * (years and clock times never reach here). */
static bool is_claim(const sr_doc *d, const sr_mention *m)
{
    if (m->kind == SR_MENTION_NUMBER) /* "restate 2000 and 2003 results": years */
        return m->u.number >= 100 &&
               !(m->end - m->start == 4 && m->u.number >= 1800 && m->u.number <= 2100);
    if (m->kind != SR_MENTION_QUANTITY)
        return false;
    const sr_quantity *q = &m->u.quantity;
    if (q->unit_kind == SR_UNIT_MONEY || q->unit_kind == SR_UNIT_PERCENT)
        return true;
    if (q->unit_kind == SR_UNIT_COUNT && q->hedge == SR_HEDGE_EXACT && q->value == 1)
        return false; /* "one of the largest" */
    if (q->unit_kind == SR_UNIT_COUNT && q->counted_end == q->counted_start && q->high < 100)
        return false; /* "18 or over", "under 55": ages and small bare counts */
    if (m->end - m->start == 4 && q->value >= 1800 && q->value <= 2100 && q->low == q->high)
        return false; /* "a 1998 document" */
    if (is_time_word(q->unit.p, q->unit.n))
        return false;
    return !is_time_word(d->clean + q->head_start, q->head_end - q->head_start);
}

static uint8_t place_rank(const sr_claim_ctx *c, int32_t m)
{
    return c->m[m].u.place.kind; /* country < region < city */
}

/* The place of a claim at q in clause [a, b) of sentence s, or -1: after the figure in
 * its clause ("arrived in Russia"), else the nearest before it ("In Kursk, 500 ..."). */
static int32_t pick_place(const sr_claim_ctx *c, uint32_t s, size_t q, size_t a, size_t b)
{
    int32_t best = -1;
    for (size_t k = q; k < b; k++) { /* after the figure: "arrived in Russia" */
        int32_t m = c->place_at[k];
        if (m < 0 || in_clause_of(c, k))
            continue;
        if (best < 0) {
            best = m;
            b = k + 4 < b ? k + 4 : b; /* adjacent ones: "Russia's Vladivostok" */
        } else if (place_rank(c, m) > place_rank(c, best)) {
            best = m;
        }
    }
    /* before it, nearest first, in earlier clauses too: "In Kursk, 500 ..." */
    const sr_sentence *se = &c->d->sentences[s];
    size_t lo = scan_from(se, q);
    for (size_t k = q; best < 0 && k-- > lo;) {
        int32_t m = c->place_at[k];
        if (m >= 0 && !in_clause_of(c, k))
            best = m;
    }
    return best;
}

static bool is_subordinator(const sr_doc *d, size_t k)
{
    static const char *const w[] = {"since", "when", "after", "before", "while", "because",
                                    "although", "which", "who", "where"};
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
        if (sr_tok_is(d, &d->tokens[k], w[i]))
            return true;
    return false;
}

/* Whether the date mention at token k can date a claim: resolved, not in
 * an attribution clause, not the start of a period ("since the 2001 attacks"). */
static bool usable_date(const sr_claim_ctx *c, size_t k)
{
    int32_t m = c->date_at[k];
    if (m < 0 || !c->m[m].u.date.resolved || in_clause_of(c, k))
        return false;
    return !(k > 0 && c->date_at[k - 1] != m && sr_tok_is(c->d, &c->d->tokens[k - 1], "since"));
}

/* The date of a figure at token near within [a, b): the nearest after it ("$1.3bn bill
 * in 2005", "4.2% in 2006"), up to a subordinate clause ("since records began in
 * 1971"; "before 2015" is a bound, not a clause); else the nearest before it. */
static int32_t date_in(const sr_claim_ctx *c, size_t a, size_t b, size_t near)
{
    const sr_doc *d = c->d;
    for (size_t k = near > a ? near : a; k < b; k++) {
        if (k > near && is_subordinator(d, k) && !(k + 1 < b && c->date_at[k + 1] >= 0))
            break;
        if (usable_date(c, k))
            return c->date_at[k];
    }
    for (size_t k = near < b ? near : b; k-- > a;)
        if (usable_date(c, k))
            return c->date_at[k];
    return -1;
}

static void set_as_of(const sr_claim_ctx *c, sr_claim *cl, int32_t dm)
{
    const sr_doc *d = c->d;
    cl->date = dm;
    if (dm < 0) {
        if (d->published.year)
            snprintf(cl->as_of, sizeof cl->as_of, "%04d-%02d-%02d", d->published.year,
                     d->published.month, d->published.day);
        return;
    }
    const sr_mention *m = &c->m[dm];
    bool end_of = m->end - m->start > 7 && !strncasecmp(d->clean + m->start, "the end", 7);
    if (end_of && m->u.date.end.year)
        snprintf(cl->as_of, sizeof cl->as_of, "%04d-%02d-%02d", m->u.date.end.year,
                 m->u.date.end.month, m->u.date.end.day);
    else
        snprintf(cl->as_of, sizeof cl->as_of, "%s", m->u.date.value);
}

/* "cutting the limit would save 65 lives", "such a move could save 50": "would",
 * "could" or "might" after a proposal or a gerund in the clause [a, b) suppose it. */
static bool conditional(const sr_claim_ctx *c, size_t first, size_t a, size_t b)
{
    const sr_doc *d = c->d;
    bool supposed = false;
    for (size_t k = a; k < b; k++) {
        const sr_token *t = &d->tokens[k];
        if (t->kind != SR_TOK_WORD)
            continue;
        uint32_t w = sr_claim_word(c, k);
        if (supposed && (w & SR_CW_MODAL))
            return true;
        size_t n = t->end - t->start;
        if (w & SR_CW_PLAN)
            supposed = true;
        else if ((!(t->flags & SR_TF_UPPER) || k == first) && n > 5 &&
                 !memcmp(d->clean + t->end - 3, "ing", 3) && !sr_tok_is(d, t, "during") &&
                 !sr_tok_is(d, t, "according"))
            supposed = true;
    }
    return false;
}

/* Projection, hypothetical or reported, from the words of the clause [a, b) and the
 * few words before the figure ("of, for example, 100,000"). */
static uint8_t modality(const sr_claim_ctx *c, const sr_claim *cl, size_t q, size_t a, size_t b)
{
    const sr_doc *d = c->d;
    uint32_t seen = 0;
    size_t from = q >= 6 ? q - 6 : 0;
    if (from > a)
        from = a;
    const sr_sentence *se = &d->sentences[cl->sentence];
    if (from < se->first_token)
        from = se->first_token;
    for (size_t k = from; k < b; k++)
        if (d->tokens[k].kind == SR_TOK_WORD && !in_clause_of(c, k))
            seen |= sr_claim_word(c, k) & (k >= a || k + 6 >= q ? ~0u : SR_CW_IF);
    bool later = false;
    if (cl->date >= 0 && d->published.year) {
        const sr_date *t = &c->m[cl->date].u.date;
        later = t->begin.year && sr_ymd_to_days(t->begin) > sr_ymd_to_days(d->published);
    }
    if ((seen & SR_CW_IF) || conditional(c, se->first_token, a, b))
        return SR_MODALITY_HYPOTHETICAL;
    if ((seen & SR_CW_FUTURE) || later)
        return SR_MODALITY_PROJECTION;
    return SR_MODALITY_REPORTED; /* "could be in Russia" is an estimate, not a supposition */
}

/* What the figure counts: the quantity's counted phrase, or for a bare number an
 * editor's insertion right after it ("eleven thousand [North Korean troops]"). */
static void counted_span(const sr_claim_ctx *c, const sr_mention *m, sr_claim *cl)
{
    const sr_doc *d = c->d;
    if (m->kind == SR_MENTION_QUANTITY) {
        cl->counted_start = m->u.quantity.counted_start;
        cl->counted_end = m->u.quantity.counted_end;
        return;
    }
    size_t k = sr_claim_token_at(d, m->end);
    if (k + 2 >= d->ntokens || d->tokens[k].kind != SR_TOK_PUNCT || d->clean[d->tokens[k].start] != '[')
        return;
    const sr_sentence *se = &d->sentences[m->sentence];
    for (size_t j = k + 1; j < se->first_token + se->ntokens && j < k + 12; j++)
        if (d->tokens[j].kind == SR_TOK_PUNCT && d->clean[d->tokens[j].start] == ']') {
            if (j > k + 1) {
                cl->counted_start = d->tokens[k + 1].start;
                cl->counted_end = d->tokens[j - 1].end;
            }
            return;
        }
}

/* Fills cl (zeroed) with the claim of figure mention mi. */
static void make_claim(sr_claim_ctx *c, size_t mi, sr_claim *cl)
{
    sr_doc *d = c->d;
    const sr_mention *m = &d->mentions[mi];
    uint32_t s = m->sentence;
    size_t q = sr_claim_token_at(d, m->start), a, b;
    clause(c, s, q, &a, &b);
    cl->mention = (uint32_t)mi;
    cl->sentence = s;
    counted_span(c, m, cl);
    cl->counted_actor = sr_claim_counted_actor(c, cl, q, b);
    cl->place = pick_place(c, s, q, a, b);
    int32_t src, via;
    pick_source(c, s, q, &src, &via);
    if (src < 0 && c->quoted[s])
        src = quote_speaker(c, s);
    if (src >= 0)
        cl->source = *sr_attrib_source(c, &c->att[src]);
    if (via >= 0)
        cl->via = *sr_attrib_source(c, &c->att[via]);
    const sr_sentence *se = &d->sentences[s];
    int32_t dm = date_in(c, a, b, q);
    if (dm < 0 && src >= 0)
        dm = c->att[src].date;
    if (dm < 0 && via >= 0)
        dm = c->att[via].date;
    if (dm < 0)
        dm = date_in(c, scan_from(se, q), q, q);
    if (dm >= 0 && !c->m[dm].u.date.resolved)
        dm = -1;
    set_as_of(c, cl, dm);
    cl->modality = modality(c, cl, q, a, b);
}

/* "3,000 soldiers ..., and by the end of December there will be a total of 10,000": a
 * count with nothing counted after a count of something in the same sentence counts the
 * same thing; its counted phrase is the earlier one's, where it is written. */
static void elided_count(const sr_doc *d, const sr_claim *prev, sr_claim *cl)
{
    const sr_mention *m = &d->mentions[cl->mention], *pm = &d->mentions[prev->mention];
    bool count = m->kind == SR_MENTION_NUMBER ||
                 (m->kind == SR_MENTION_QUANTITY && m->u.quantity.unit_kind == SR_UNIT_COUNT &&
                  m->u.quantity.unit.n == 0);
    bool prev_count = pm->kind == SR_MENTION_NUMBER ||
                      (pm->kind == SR_MENTION_QUANTITY && pm->u.quantity.unit_kind == SR_UNIT_COUNT);
    if (!count || !prev_count || cl->counted_end > cl->counted_start || prev->sentence != cl->sentence ||
        prev->counted_end <= prev->counted_start)
        return;
    cl->counted_start = prev->counted_start;
    cl->counted_end = prev->counted_end;
    cl->counted_actor = prev->counted_actor;
    cl->counted_inferred = prev->counted_inferred;
}

/* n zeroed bytes in the document's arena, or NULL. */
static void *zeroed(sr_doc *d, size_t n)
{
    void *p = sr_arena_alloc(d->arena, n);
    if (p)
        memset(p, 0, n);
    return p;
}

sr_status sr_claims_find(sr_doc *d)
{
    /* the figures that are claims; attribution then runs only in their sentences and
     * in the sentences a pronoun there may refer back to */
    uint32_t *fig = sr_arena_alloc(d->arena, (d->nmentions + 1) * sizeof *fig);
    uint8_t *need = zeroed(d, d->nsentences + 1);
    if (!fig || !need)
        return SR_NOMEM;
    size_t nfig = 0;
    for (size_t i = 0; i < d->nmentions; i++) {
        uint32_t s = d->mentions[i].sentence;
        if (!is_claim(d, &d->mentions[i]) || !sr_claim_prose(&d->sentences[s]))
            continue;
        fig[nfig++] = (uint32_t)i;
        for (uint32_t k = s >= REFERENT_SENTENCES ? s - REFERENT_SENTENCES : 0; k <= s; k++)
            need[k] = 1;
    }
    if (!nfig)
        return SR_OK;
    size_t nt = d->ntokens;
    sr_claim_ctx c = {.d = d, .m = d->mentions, .need = need};
    c.date_at = sr_arena_alloc(d->arena, 3 * (nt + 1) * sizeof(int32_t));
    c.in_att = zeroed(d, nt + 1);
    c.quoted = zeroed(d, d->nsentences + 1);
    sr_claim *v = zeroed(d, nfig * sizeof *v);
    if (!c.date_at || !c.in_att || !c.quoted || !v)
        return SR_NOMEM;
    c.actor_at = c.date_at + nt + 1;
    c.place_at = c.actor_at + nt + 1;
    memset(c.date_at, 0xFF, 3 * (nt + 1) * sizeof(int32_t));
    mark_quoted(&c);
    index_mentions(&c);
    sr_status st = sr_attrib_find(&c);
    for (size_t i = 0; i < nfig && !st; i++) {
        make_claim(&c, fig[i], &v[i]);
        if (i > 0)
            elided_count(d, &v[i - 1], &v[i]);
    }
    if (st)
        return st;
    d->claims = v;
    d->nclaims = nfig;
    return SR_OK;
}
