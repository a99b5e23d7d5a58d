/* coder_actors.c: from typed words to the actors an event can name (manual §5.4, §7.5,
 * §7.7): an agent joins the actor right before it ("Gondor's prime minister"), right
 * after it ("President Peres") or after OF/IN ("the ambassadors of Arnor"), its code
 * placed as its "~" says and not repeated when the actor code already holds it; "former"
 * makes the agent ELI. Lists "A, B and C" of actors (each after any determiners and
 * adjectives) become parsed compounds, "noun and adjective* noun" and "adjective and
 * adjective" compound phrases; their conjunctions and commas then split no clause.
 * Pronouns stand for an actor: HE SHE IT HIM the first of the sentence, ITS HIS HER the
 * first before them, THEY THEM THEIR the first compound, else the first actor; with
 * forwarding, a pronoun before any actor is an actor itself, the last sentence's first. */
#include <string.h>

#include "coder_int.h"

static bool word_is(const cword *w, const char *s)
{
    return strlen(s) == w->n && !memcmp(w->s, s, w->n);
}

/* The code of actor code a joined with agent code g (flags SR_CODE_AGENT_*). */
static const char *join(sr_coder *c, const char *a, const sr_dict_code *g, bool former)
{
    const char *gs = former ? "ELI" : g->text;
    size_t an = strlen(a), gn = strlen(gs);
    bool before = !former && (g->flags & SR_CODE_AGENT_BEFORE);
    for (size_t k = 0; k + gn <= an; k += 3)
        if (!memcmp(a + k, gs, gn))
            return a;
    char buf[96];
    if (an + gn + 1 > sizeof buf)
        return a;
    if (before) {
        memcpy(buf, gs, gn);
        memcpy(buf + gn, a, an);
    } else {
        memcpy(buf, a, an);
        memcpy(buf + an, gs, gn);
    }
    const char *k = sr_coder_keep(c, buf, an + gn);
    return k ? k : a;
}

static cunit *new_unit(sr_coder *c, uint32_t first, uint32_t end)
{
    if (!sr_coder_grow((void **)&c->units, &c->cap_units, c->nunits + 1, sizeof *c->units))
        return NULL;
    cunit *u = &c->units[c->nunits++];
    u->first = first;
    u->end = end;
    u->code_first = (uint32_t)c->ncodes;
    u->ncodes = 0;
    u->compound = -1;
    return u;
}

static bool add_code(sr_coder *c, cunit *u, const char *code)
{
    for (uint32_t k = 0; k < u->ncodes; k++)
        if (!strcmp(c->codes[u->code_first + k], code))
            return true;
    if (!sr_coder_grow((void **)&c->codes, &c->cap_codes, c->ncodes + 1, sizeof *c->codes))
        return false;
    c->codes[c->ncodes++] = code;
    u->ncodes++;
    return true;
}

/* The agent item starting at word j attached to the actor item starting at word a. */
static sr_status make_unit(sr_coder *c, size_t a, size_t j, bool have_agent)
{
    const cword *aw = &c->w[a];
    size_t lo = a, hi = a + aw->span;
    if (have_agent) {
        if (j < lo)
            lo = j;
        if (j + c->w[j].span > hi)
            hi = j + c->w[j].span;
    }
    bool former_before = lo > 0 && word_is(&c->w[lo - 1], "FORMER");
    bool former = former_before || (have_agent && j > a && word_is(&c->w[j - 1], "FORMER"));
    if (former_before)
        lo--;
    cunit *u = new_unit(c, (uint32_t)lo, (uint32_t)hi);
    if (!u)
        return SR_NOMEM;
    int32_t id = (int32_t)(c->nunits - 1);
    for (uint32_t k = 0; k < aw->ncodes; k++) {
        const char *code = c->dcodes[aw->code_first + k]->text;
        if (have_agent && c->w[j].ncodes)
            code = join(c, code, c->dcodes[c->w[j].code_first], former);
        if (!add_code(c, u, code))
            return SR_NOMEM;
    }
    for (size_t k = lo; k < hi; k++)
        c->w[k].unit = id;
    return SR_OK;
}

static bool is_of_in(const cword *w)
{
    return word_is(w, "OF") || word_is(w, "IN");
}

/* Units in text order. */
static sr_status units(sr_coder *c)
{
    c->nunits = 0;
    c->ncodes = 0;
    for (size_t i = 0; i < c->nw;) {
        const cword *w = &c->w[i];
        if (w->type == W_ACTOR) {
            size_t after = i + w->span;
            /* agent right after the actor ("Gondor's prime minister", "Osgiliath soldiers",
               "Arnor former security officials") */
            if (after + 1 < c->nw && word_is(&c->w[after], "FORMER") &&
                c->w[after + 1].type == W_AGENT)
                after++;
            if (after < c->nw && c->w[after].type == W_AGENT) {
                sr_status st = make_unit(c, i, after, true);
                if (st)
                    return st;
                i = after + c->w[after].span;
                continue;
            }
            sr_status st = make_unit(c, i, 0, false);
            if (st)
                return st;
            i = after;
            continue;
        }
        if (w->type == W_PRON && !c->nunits && c->follows && c->carry[0]) {
            /* FORWARD: a pronoun before any actor stands for the last sentence's first */
            const char *code = sr_coder_keep(c, c->carry, strlen(c->carry));
            cunit *u = new_unit(c, (uint32_t)i, (uint32_t)i + 1);
            if (!u || !code || !add_code(c, u, code))
                return SR_NOMEM;
            c->w[i++].unit = 0;
            continue;
        }
        if (w->type == W_AGENT) {
            size_t after = i + w->span;
            /* an actor right after ("President Peres") or after OF / IN */
            size_t a = SIZE_MAX;
            if (after < c->nw && c->w[after].type == W_ACTOR)
                a = after;
            else if (after + 1 < c->nw && is_of_in(&c->w[after]) && c->w[after + 1].type == W_ACTOR)
                a = after + 1;
            else if (after + 2 < c->nw && is_of_in(&c->w[after]) && c->w[after + 1].type == W_DET &&
                     c->w[after + 2].type == W_ACTOR)
                a = after + 2;
            if (a != SIZE_MAX) {
                sr_status st = make_unit(c, a, i, true);
                if (st)
                    return st;
                i = a + c->w[a].span;
                continue;
            }
            if (c->opt.convert_agents && w->ncodes) {
                /* the agent code stands alone, its "~" kept: "~COP", "NGO~" */
                const sr_dict_code *g = c->dcodes[w->code_first];
                char buf[64];
                size_t gn = g->len < sizeof buf - 2 ? g->len : sizeof buf - 2;
                bool before = g->flags & SR_CODE_AGENT_BEFORE;
                memcpy(buf + !before, g->text, gn);
                buf[before ? gn : 0] = '~';
                const char *code = sr_coder_keep(c, buf, gn + 1);
                cunit *u = new_unit(c, (uint32_t)i, (uint32_t)after);
                if (!u || !code || !add_code(c, u, code))
                    return SR_NOMEM;
                for (size_t k = i; k < after; k++)
                    c->w[k].unit = (int32_t)(c->nunits - 1);
            }
            i = after;
            continue;
        }
        i++;
    }
    return SR_OK;
}

/* After word i, skip determiners and adjectives; the unit starting there, or -1. */
static int32_t np_unit(const sr_coder *c, size_t i)
{
    while (i < c->nw && (c->w[i].type == W_DET || c->w[i].type == W_ADJ))
        i++;
    if (i < c->nw && c->w[i].unit >= 0 && c->units[c->w[i].unit].first == i)
        return c->w[i].unit;
    return -1;
}

static bool is_conj_and_or(const cword *w)
{
    return w->type == W_CONJ && (word_is(w, "AND") || word_is(w, "OR"));
}

static sr_status compounds(sr_coder *c)
{
    c->ncomps = 0;
    for (size_t u = 0; u < c->nunits;) {
        /* Try to extend from unit u: (, np)* ,? AND np */
        size_t last = u, k = c->units[u].end;
        bool closed = false;
        size_t joins[64];
        size_t njoins = 0;
        while (k < c->nw && njoins + 2 < 64) {
            const cword *w = &c->w[k];
            if (w->type == W_COMMA) {
                size_t n2 = k + 1;
                if (n2 < c->nw && is_conj_and_or(&c->w[n2])) {
                    int32_t nu = np_unit(c, n2 + 1);
                    if (nu >= 0 && (size_t)nu == last + 1) {
                        joins[njoins++] = k;
                        joins[njoins++] = n2;
                        last = (size_t)nu;
                        closed = true;
                        break;
                    }
                    break;
                }
                int32_t nu = np_unit(c, n2);
                if (nu >= 0 && (size_t)nu == last + 1) {
                    joins[njoins++] = k;
                    last = (size_t)nu;
                    k = c->units[last].end;
                    continue;
                }
                break;
            }
            if (is_conj_and_or(w)) {
                int32_t nu = np_unit(c, k + 1);
                if (nu >= 0 && (size_t)nu == last + 1) {
                    joins[njoins++] = k;
                    last = (size_t)nu;
                    closed = true;
                }
                break;
            }
            break;
        }
        if (!closed || last == u) {
            u++;
            continue;
        }
        if (!sr_coder_grow((void **)&c->comps, &c->cap_comps, c->ncomps + 1, sizeof *c->comps))
            return SR_NOMEM;
        ccompound *cp = &c->comps[c->ncomps];
        cp->first_unit = (uint32_t)u;
        cp->nunits = (uint32_t)(last - u + 1);
        cp->first = c->units[u].first;
        cp->end = c->units[last].end;
        for (size_t q = u; q <= last; q++)
            c->units[q].compound = (int32_t)c->ncomps;
        for (size_t q = 0; q < njoins; q++)
            c->w[joins[q]].joined = 1;
        c->ncomps++;
        u = last + 1;
    }
    /* noun CONJ adjective* noun; adjective CONJ adjective */
    for (size_t i = 1; i + 1 < c->nw; i++) {
        cword *w = &c->w[i];
        if (w->type != W_CONJ || w->joined)
            continue;
        uint8_t before = c->w[i - 1].type;
        size_t j = i + 1;
        if (before == W_NOUN) {
            while (j < c->nw && c->w[j].type == W_ADJ)
                j++;
            if (j < c->nw && c->w[j].type == W_NOUN)
                w->joined = 1;
        } else if (before == W_ADJ && c->w[j].type == W_ADJ)
            w->joined = 1;
    }
    return SR_OK;
}

void sr_coder_pronouns(sr_coder *c)
{
    /* the first unit and compound outside removed comma clauses */
    int32_t first = -1, comp = -1;
    for (size_t u = 0; u < c->nunits && first < 0; u++)
        if (!c->w[c->units[u].first].deleted)
            first = (int32_t)u;
    for (size_t k = 0; k < c->ncomps && comp < 0; k++)
        if (!c->w[c->comps[k].first].deleted)
            comp = (int32_t)c->comps[k].first_unit;
    for (size_t i = 0; i < c->nw; i++) {
        cword *w = &c->w[i];
        if (w->type != W_PRON || w->unit >= 0)
            continue;
        w->ref = -1;
        if (first < 0)
            continue;
        if (word_is(w, "THEY") || word_is(w, "THEM") || word_is(w, "THEIR")) {
            w->ref = comp >= 0 ? comp : first;
        } else if (word_is(w, "ITS") || word_is(w, "HIS") || word_is(w, "HER")) {
            if (c->units[first].first < i)
                w->ref = first;
        } else
            w->ref = first;
    }
}

/* The first actor word's first code, for the next sentence's pronouns. */
static void remember_first_actor(sr_coder *c)
{
    c->carry[0] = 0;
    for (size_t i = 0; i < c->nw; i++) {
        const cword *w = &c->w[i];
        if (w->type != W_ACTOR || !w->ncodes)
            continue;
        const sr_dict_code *code = c->dcodes[w->code_first];
        if (code->len < sizeof c->carry) {
            memcpy(c->carry, code->text, code->len);
            c->carry[code->len] = 0;
        }
        return;
    }
}

sr_status sr_coder_actors(sr_coder *c)
{
    sr_status st = units(c);
    c->follows = false;
    remember_first_actor(c);
    if (st)
        return st;
    if ((st = compounds(c)))
        return st;
    sr_coder_pronouns(c);
    return SR_OK;
}

int32_t sr_coder_unit_at(const sr_coder *c, size_t i)
{
    const cword *w = &c->w[i];
    if (w->unit >= 0)
        return w->unit;
    return w->type == W_PRON ? w->ref : -1;
}
