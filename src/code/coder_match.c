/* coder_match.c: one verb pattern against the words of a clause (manual §5.5.3, §5.7).
 * Elements are matched in order from the start of the clause's phrase scope; a word
 * joined to the one before by "_" or "~" must follow it at once, others may skip words;
 * "*" must land on the verb. $ + % ^ @ take the next actor (a parsed compound whole).
 * Alternatives take their first matching member. Backtracking over skipped words is
 * bounded by a step budget per pattern and one per sentence (the coder's), so no
 * sentence costs more than a fixed amount however many verbs it repeats. Literal words
 * and synset members, most of what is tried, are matched in place (word_from, set_at)
 * spending exactly the steps and budget el_at would, so a sentence that runs out of
 * budget still codes as it did. */
#include <string.h>

#include "coder_match.h"

enum { MATCH_STEPS = 4096 };

/* The actor reference at live position q and how many live positions it covers. */
static bool actor_at(const cmatch *m, size_t q, int32_t *unit, size_t *covers, bool *comp)
{
    const sr_coder *c = m->c;
    size_t wi = m->live[q];
    int32_t u = sr_coder_unit_at(c, wi);
    if (u < 0)
        return false;
    const cword *w = &c->w[wi];
    size_t end_word;
    bool in_comp = false;
    if (w->type == W_PRON) {
        end_word = wi + 1;
    } else {
        const cunit *un = &c->units[u];
        if (un->first != wi)
            return false;
        end_word = un->end;
        if (un->compound >= 0) {
            const ccompound *cp = &c->comps[un->compound];
            if (cp->first == un->first) {
                end_word = cp->end;
                in_comp = true;
            }
        }
    }
    size_t k = q;
    while (k < m->n && m->live[k] < end_word)
        k++;
    *unit = u;
    *covers = k - q;
    *comp = in_comp || (w->type == W_PRON && c->units[u].compound >= 0) ||
            c->units[u].ncodes > 1;
    return true;
}

static long seq_at(cmatch *m, const vel *els, size_t n, size_t q, size_t limit);

/* Spends one step of the sentence's budget; false when none was left or this step used
 * the last one (either way the word is not tried). */
static inline bool spend(cmatch *m)
{
    return !m->budget || (*m->budget && --*m->budget);
}

/* Whether literal e matches word w; the first byte turns away most words before the
 * full comparison. */
static inline bool word_is(const vel *e, const cword *w)
{
    if (w->n < e->len || (e->len && w->s[0] != e->s[0]))
        return false;
    return sr_verbs_word_matches(e->s, e->len, e->match, false, w->s, w->n);
}

/* Counts r word-led set members whose first word failed at a word, as seq_at and el_at
 * count them one by one: a step each, and budget while the pattern has steps left. */
static void words_fail(cmatch *m, uint32_t r)
{
    unsigned left = m->steps < MATCH_STEPS ? MATCH_STEPS - m->steps : 0;
    uint32_t spent = r < left ? r : left;
    m->steps += r;
    if (m->budget)
        *m->budget = *m->budget > spent ? *m->budget - spent : 0;
}

/* Set `set` at position q (< limit): its first member sequence that matches there.
 * Synsets such as &WEAPON have hundreds of members led by a literal word, tried at every
 * word: when none opens with the word's first two bytes (vsetix) only the other members
 * are tried and the rest counted in bulk; otherwise a member whose first word fails is
 * counted without seq_at. Either way the steps and budget spent are exactly those of
 * seq_at on every member. */
static long set_at(cmatch *m, uint32_t set, size_t q, size_t limit)
{
    const sr_verbs *v = m->c->verbs;
    const vset *s = &v->sets[set];
    if (!s->n)
        return -1; /* (a set without members may have no seqs table at all) */
    const vseq *sq = v->seqs + s->first;
    const cword *w = &m->c->w[m->live[q]];
    if (set < v->nsetix && v->setix[set].usable) {
        const vsetix *x = &v->setix[set];
        unsigned b = w->n >= 2 ? vset_opening((unsigned char)w->s[0], (unsigned char)w->s[1]) : 0;
        if (w->n < 2 || !(x->opening[b >> 6] >> (b & 63) & 1)) {
            uint32_t done = 0;
            for (uint32_t j = 0; j < x->nother; j++) {
                uint32_t k = v->set_other[x->first_other + j];
                words_fail(m, k - done);
                long end = seq_at(m, v->els + sq[k].first, sq[k].n, q, limit);
                if (end >= 0)
                    return end;
                done = k + 1;
            }
            words_fail(m, s->n - done);
            return -1;
        }
    }
    for (uint32_t k = 0; k < s->n; k++) {
        const vel *x = &v->els[sq[k].first];
        long end;
        if (sq[k].n >= 1 && x->kind == PE_WORD && !word_is(x, w)) {
            words_fail(m, 1); /* its first word fails: seq_at would stop there */
            continue;
        }
        if (sq[k].n == 1 && x->kind == PE_WORD) {
            if (++m->steps > MATCH_STEPS || !spend(m))
                continue;
            end = (long)q + 1;
        } else {
            end = seq_at(m, x, sq[k].n, q, limit);
        }
        if (end >= 0)
            return end;
    }
    return -1;
}

/* One element at exactly position q; the position after it, or -1. */
static long el_at(cmatch *m, const vel *e, size_t q, size_t limit)
{
    const sr_coder *c = m->c;
    if (!spend(m)) /* every word tried counts */
        return -1;
    if (e->kind == PE_VERB)
        return q == m->verb ? (long)(q + m->verb_n) : -1;
    if (q >= limit)
        return -1;
    switch (e->kind) {
    case PE_WORD: return word_is(e, &c->w[m->live[q]]) ? (long)q + 1 : -1;
    case PE_SET: return set_at(m, e->set, q, limit);
    default: {
        int32_t u;
        size_t covers;
        bool comp;
        if (!actor_at(m, q, &u, &covers, &comp))
            return -1;
        if (e->kind == PE_COMPOUND && !comp)
            return -1;
        cref r = {u, comp, NULL};
        if (e->kind == PE_SOURCE)
            m->source = r;
        else if (e->kind == PE_TARGET)
            m->target = r;
        else if (e->kind == PE_COMPOUND)
            m->source = m->target = r;
        return (long)(q + covers);
    }
    }
}

/* A member sequence at exactly q: later elements skip words unless joined; greedy. */
static long seq_at(cmatch *m, const vel *els, size_t n, size_t q, size_t limit)
{
    size_t p = q;
    for (size_t k = 0; k < n; k++) {
        if (++m->steps > MATCH_STEPS)
            return -1;
        size_t hi = k == 0 || els[k].adjacent ? p : limit;
        long end = -1;
        if (els[k].kind == PE_WORD) {
            /* el_at's PE_WORD case inlined: the same budget, spent per word tried */
            for (size_t at = p; at <= hi && at < limit; at++) {
                if (!spend(m))
                    return -1; /* every later try would fail, changing nothing */
                if (word_is(&els[k], &m->c->w[m->live[at]])) {
                    end = (long)at + 1;
                    break;
                }
            }
        } else {
            for (size_t at = p; at <= hi && at < limit && end < 0; at++)
                end = el_at(m, &els[k], at, limit);
        }
        if (end < 0)
            return -1;
        p = (size_t)end;
    }
    return (long)p;
}

static bool from(cmatch *m, const vel *els, size_t n, size_t k, size_t p, bool first);

/* from() for a literal word element tried at positions [lo, hi]: the loop of from()
 * with el_at's PE_WORD case inlined, spending the same budget. Positions at or past
 * limit are tried and fail, as el_at's are. */
static bool word_from(cmatch *m, const vel *els, size_t n, size_t k, size_t lo, size_t hi,
                      size_t limit)
{
    const vel *e = &els[k];
    const cword *w = m->c->w;
    const char first = e->len ? e->s[0] : 0;
    const uint16_t len = e->len;
    size_t top = hi < limit ? hi + 1 : limit; /* [lo, top) can match */
    for (size_t q = lo; q < top; q++) {
        /* once the budget is spent every later try fails, changing nothing */
        if (!spend(m))
            return false;
        const cword *x = &w[m->live[q]];
        if (x->n < len || (len && x->s[0] != first) ||
            !sr_verbs_word_matches(e->s, len, e->match, false, x->s, x->n))
            continue;
        if (from(m, els, n, k + 1, q + 1, false))
            return true;
    }
    for (size_t q = lo > top ? lo : top; q <= hi; q++)
        if (!spend(m))
            return false;
    return false;
}

static bool from(cmatch *m, const vel *els, size_t n, size_t k, size_t p, bool first)
{
    if (k == n)
        return true;
    if (++m->steps > MATCH_STEPS || (m->budget && *m->budget == 0))
        return false;
    const vel *e = &els[k];
    bool before = k < m->verb_el;
    size_t limit = before ? m->verb : m->n;
    size_t lo = p, hi = (e->adjacent && !first) ? p : limit;
    if (e->kind == PE_VERB) {
        if (m->verb < p || (e->adjacent && !first && m->verb != p))
            return false;
        lo = hi = m->verb;
    } else if (e->kind == PE_WORD) {
        return word_from(m, els, n, k, lo, hi < m->n ? hi : m->n, limit);
    }
    if (hi > m->n)
        hi = m->n;
    /* an actor token before the verb takes the actor nearest the verb that lets the rest
       match (TABARI matches the part before "*" outward from the verb) */
    bool outward = before && e->kind != PE_SET && e->kind != PE_VERB;
    for (size_t i = lo; i <= hi; i++) {
        size_t q = outward ? hi - (i - lo) : i;
        cref s = m->source, t = m->target;
        long end = el_at(m, e, q, e->kind == PE_VERB ? m->n : limit);
        if (end >= 0 && from(m, els, n, k + 1, (size_t)end, false))
            return true;
        m->source = s;
        m->target = t;
    }
    return false;
}

bool sr_coder_match(cmatch *m, const vpattern *p)
{
    const sr_verbs *v = m->c->verbs;
    m->source = m->target = (cref){-1, false, NULL};
    m->steps = 0;
    m->verb_el = p->verb;
    return from(m, v->els + p->first, p->n, 0, m->start, true);
}
