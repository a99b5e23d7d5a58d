/* coder_match.c: one verb pattern against the words of a clause (manual §5.5.3, §5.7).
 * Elements are matched in order from the start of the clause's phrase scope; a word
 * joined to the one before by "_" or "~" must follow it at once, others may skip words;
 * "*" must land on the verb. $ + % ^ @ take the next actor (a parsed compound whole).
 * Alternatives take their first matching member. Backtracking over skipped words is
 * bounded by a step budget per pattern and one per sentence (the coder's), so no
 * sentence costs more than a fixed amount however many verbs it repeats. */
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

/* One element at exactly position q; the position after it, or -1. */
static long el_at(cmatch *m, const vel *e, size_t q, size_t limit)
{
    const sr_coder *c = m->c;
    if (m->budget && (*m->budget == 0 || !--*m->budget)) /* every word tried counts */
        return -1;
    if (e->kind == PE_VERB)
        return q == m->verb ? (long)(q + m->verb_n) : -1;
    if (q >= limit)
        return -1;
    switch (e->kind) {
    case PE_WORD: {
        const cword *w = &c->w[m->live[q]];
        return sr_verbs_word_matches(e->s, e->len, e->match, false, w->s, w->n) ? (long)q + 1
                                                                                : -1;
    }
    case PE_SET: {
        const vset *s = &c->verbs->sets[e->set];
        for (uint32_t k = 0; k < s->n; k++) {
            const vseq *sq = &c->verbs->seqs[s->first + k];
            long end = seq_at(m, c->verbs->els + sq->first, sq->n, q, limit);
            if (end >= 0)
                return end;
        }
        return -1;
    }
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
        for (size_t at = p; at <= hi && at < limit && end < 0; at++)
            end = el_at(m, &els[k], at, limit);
        if (end < 0)
            return -1;
        p = (size_t)end;
    }
    return (long)p;
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
    }
    for (size_t q = lo; q <= hi && q <= m->n; q++) {
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
