/* coder.c: the event coder's driver (manual §5.8, §6.6, §7.6-7.10, §8.5-8.7): after
 * words, actors and compounds, it drops comma-delimited nonrestrictive clauses, applies
 * the complexity filter, shifts the date on a <TIME> phrase, splits the sentence into
 * clauses at free conjunctions, and in each clause tries the verbs left to right, each
 * verb's patterns longest first, then its own code; the source and target come from the
 * pattern or TABARI's default search and are reversed in the passive voice. Events of a
 * clause (or sentence, or all, per CODE BY) are expanded over compounds and paired codes;
 * subordinate codes are kept only when nothing else is coded, dominant ones win. */
#include <stdlib.h>
#include <string.h>

#include "coder_match.h"

sr_coder *sr_coder_new(const sr_dict *actors, const sr_verbs *verbs, const sr_coder_options *opt)
{
    sr_coder *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->actors = actors;
    c->verbs = verbs;
    if (opt)
        c->opt = *opt;
    else {
        sr_verbs_stats st;
        sr_verbs_get_stats(verbs, &st);
        sr_coder_options_default(&c->opt, st.time_section);
    }
    return c;
}

void sr_coder_free(sr_coder *c)
{
    if (!c)
        return;
    free(c->w);
    free(c->text);
    free(c->units);
    free(c->comps);
    free(c->codes);
    free(c->dcodes);
    free(c->pool);
    free(c->events);
    free(c->live);
    free(c);
}

void sr_coder_follow(sr_coder *c, bool follows)
{
    c->follows = follows && c->opt.forward[0];
}

sr_coder_options *sr_coder_opts(sr_coder *c)
{
    return &c->opt;
}

/* ---- comma clauses and clauses ---------------------------------------------------------- */

static bool in_range(int n, int lo, int hi)
{
    return n > lo && n <= hi;
}

static void drop_words(sr_coder *c, size_t lo, size_t hi)
{
    for (size_t k = lo; k < hi; k++)
        c->w[k].deleted = 1;
    c->dropped++;
}

static bool free_comma(const sr_coder *c, size_t i)
{
    return c->w[i].type == W_COMMA && !c->w[i].joined && !c->w[i].deleted;
}

/* Internal clauses first, each with both its commas ("A, in remarks on Monday, urged
 * B"); then the initial phrase before the first comma left and the terminal one after
 * the last, each with that comma. */
static void drop_comma_clauses(sr_coder *c)
{
    const sr_coder_options *o = &c->opt;
    if (o->comma_off)
        return;
    size_t prev = SIZE_MAX;
    for (size_t i = 0; i < c->nw; i++) {
        if (!free_comma(c, i))
            continue;
        if (prev != SIZE_MAX && in_range((int)(i - prev - 1), o->comma_min, o->comma_max))
            drop_words(c, prev, i + 1);
        prev = i;
    }
    size_t first = 0, last = c->nw;
    while (first < c->nw && !free_comma(c, first))
        first++;
    if (first == c->nw)
        return;
    while (last > 0 && !free_comma(c, last - 1))
        last--;
    last--;
    if (in_range((int)first, o->comma_bmin, o->comma_bmax))
        drop_words(c, 0, first + 1);
    if (in_range((int)(c->nw - last - 1), o->comma_emin, o->comma_emax))
        drop_words(c, last, c->nw);
}

/* ---- events ----------------------------------------------------------------------------- */

static const char *first_code(const sr_coder *c, cref r)
{
    if (r.code)
        return r.code;
    if (r.unit < 0 || !c->units[r.unit].ncodes)
        return NULL;
    return c->codes[c->units[r.unit].code_first];
}

/* Codes of a reference, expanded over compounds and coded compounds. */
static size_t ref_codes(const sr_coder *c, cref r, const char **out, size_t cap)
{
    size_t n = 0;
    if (r.code) {
        out[0] = r.code;
        return 1;
    }
    if (r.unit < 0)
        return 0;
    uint32_t lo = (uint32_t)r.unit, hi = lo + 1;
    if (r.compound && c->units[r.unit].compound >= 0) {
        const ccompound *cp = &c->comps[c->units[r.unit].compound];
        lo = cp->first_unit;
        hi = lo + cp->nunits;
    }
    for (uint32_t u = lo; u < hi; u++)
        for (uint32_t k = 0; k < c->units[u].ncodes && n < cap; k++) {
            const char *s = c->codes[c->units[u].code_first + k];
            bool seen = false;
            for (size_t j = 0; j < n; j++)
                seen |= !strcmp(out[j], s);
            if (!seen)
                out[n++] = s;
        }
    return n;
}

static sr_span unit_span(const sr_coder *c, cref r)
{
    if (r.unit < 0 || r.code)
        return (sr_span){0, 0};
    const cunit *u = &c->units[r.unit];
    return (sr_span){c->w[u->first].start, c->w[u->end - 1].end};
}

static sr_status emit(sr_coder *c, const cfound *f, uint32_t clause)
{
    const char *src[32], *tgt[32];
    size_t ns = ref_codes(c, f->source, src, 32), nt = ref_codes(c, f->target, tgt, 32);
    for (size_t i = 0; i < ns; i++)
        for (size_t j = 0; j < nt; j++) {
            if (!strcmp(src[i], tgt[j]))
                continue;
            for (int pair = 0; pair < (f->code->pair ? 2 : 1); pair++) {
                if (c->nevents >= SR_CODER_MAX_EVENTS)
                    return SR_OK;
                const char *es = pair ? tgt[j] : src[i], *et = pair ? src[i] : tgt[j],
                           *ec = pair ? f->code->pair : f->code->code;
                bool dup = false;
                for (size_t k = 0; k < c->nevents && !dup; k++)
                    dup = !strcmp(c->events[k].source, es) && !strcmp(c->events[k].target, et) &&
                          !strcmp(c->events[k].code, ec);
                if (dup)
                    continue;
                if (!sr_coder_grow((void **)&c->events, &c->cap_events, c->nevents + 1,
                                   sizeof *c->events))
                    return SR_NOMEM;
                sr_event *e = &c->events[c->nevents++];
                memset(e, 0, sizeof *e);
                e->source = pair ? tgt[j] : src[i];
                e->target = pair ? src[i] : tgt[j];
                e->code = pair ? f->code->pair : f->code->code;
                e->source_span = unit_span(c, pair ? f->target : f->source);
                e->target_span = unit_span(c, pair ? f->source : f->target);
                const cword *v = &c->w[f->verb];
                e->verb_span = (sr_span){v->start, c->w[f->verb + v->span - 1].end};
                e->pattern_span = e->verb_span;
                e->pattern = f->g->name;
                e->clause = clause;
                e->flags = (uint8_t)((f->passive ? SR_EV_PASSIVE : 0) | (pair ? SR_EV_PAIRED : 0) |
                                     ((f->source.code || f->target.code) ? SR_EV_DEFAULT : 0));
                if (f->code->flags & VC_DOMINANT)
                    e->flags |= SR_EV_DOMINANT;
            }
        }
    return SR_OK;
}

/* ---- one verb --------------------------------------------------------------------------- */

typedef struct {
    size_t first, end; /* the clause's words */
    uint32_t *live;    /* its live words */
    size_t n;
    cref carried; /* the source carried over from earlier clauses */
    bool clause0;
} cclause;

/* First actor reference among live positions [lo, hi) whose code differs from avoid. */
static cref find_actor(const sr_coder *c, const cclause *cl, size_t lo, size_t hi,
                       const char *avoid)
{
    for (size_t q = lo; q < hi && q < cl->n; q++) {
        size_t wi = cl->live[q];
        int32_t u = sr_coder_unit_at(c, wi);
        if (u < 0)
            continue;
        cref r = {u, c->units[u].compound >= 0, NULL};
        if (c->w[wi].type == W_PRON && c->units[u].compound < 0)
            r.compound = false;
        const char *fc = first_code(c, r);
        if (!fc)
            continue;
        if (avoid && !strcmp(fc, avoid))
            continue;
        return r;
    }
    return (cref){-1, false, NULL};
}

/* find_actor for a target: actors of compound own (>= 0), or pronouns standing for it,
 * are passed over. */
static cref find_target(const sr_coder *c, const cclause *cl, size_t lo, size_t hi,
                        const char *avoid, int32_t own)
{
    for (;;) {
        cref r = find_actor(c, cl, lo, hi, avoid);
        if (r.unit < 0 || own < 0 || c->units[r.unit].compound != own)
            return r;
        while (lo < cl->n && lo < hi && sr_coder_unit_at(c, cl->live[lo]) != r.unit)
            lo++;
        while (lo < cl->n && lo < hi && sr_coder_unit_at(c, cl->live[lo]) == r.unit)
            lo++;
    }
}

static bool is_word(const cword *w, const char *s)
{
    return strlen(s) == w->n && !memcmp(w->s, s, w->n);
}

/* Words at the start of a clause after a conjunction where its own subject may begin. */
enum { CLAUSE_SUBJECT_WORDS = 3 };

/* Tries verb at live position vq of the clause: fills *f and returns true when it gives
 * a code (null codes return true with f->code NULL: the verb is spent). */
static bool try_verb(sr_coder *c, cclause *cl, size_t vq, cfound *f)
{
    size_t wi = cl->live[vq];
    const cword *w = &c->w[wi];
    const vgroup *g = &c->verbs->groups[w->group];
    /* The phrase scope: between the free commas around the verb. */
    size_t lo = vq, hi = vq;
    while (lo > 0 && !(c->w[cl->live[lo - 1]].type == W_COMMA && !c->w[cl->live[lo - 1]].joined))
        lo--;
    while (hi < cl->n && !(c->w[cl->live[hi]].type == W_COMMA && !c->w[cl->live[hi]].joined))
        hi++;
    size_t verb_n = 1;
    while (vq + verb_n < hi && cl->live[vq + verb_n] < wi + w->span)
        verb_n++;
    cmatch m = {c, cl->live + lo,     hi - lo,           0, vq - lo,   verb_n,
                0, {-1, false, NULL}, {-1, false, NULL}, 0, &c->budget};
    const vcode *code = NULL;
    const vpattern *pat = NULL;
    for (uint32_t k = 0; k < g->npat; k++) {
        const vpattern *p = &c->verbs->pats[g->first_pat + k];
        if (sr_coder_match(&m, p)) {
            code = &p->code;
            pat = p;
            break;
        }
    }
    if (!code)
        code = &g->code;
    memset(f, 0, sizeof *f);
    f->verb = wi;
    f->g = g;
    f->p = pat;
    if (code->flags & VC_DISCARD) {
        c->discard = true;
        c->why = "discard code in a verb pattern";
        return false;
    }
    if (code->flags & VC_COMPLEX) {
        c->complex = true;
        c->why = "complex code in a verb pattern";
        return false;
    }
    if ((code->flags & (VC_NULL | VC_NONE)) || !code->code)
        return true;
    f->code = code;
    bool designated = pat && (m.source.unit >= 0 || m.target.unit >= 0);
    /* Source. */
    cref src = m.source, tgt = m.target;
    bool after_src = false;
    const char *tcode = tgt.unit >= 0 ? first_code(c, tgt) : NULL;
    if (src.unit < 0) {
        if (!cl->clause0 && cl->carried.unit >= 0) {
            /* an actor opening the clause overrides the carried source: after its
               determiners and adjectives, within its first CLAUSE_SUBJECT_WORDS words
               ("and cool minister Calimehtar", "and pigs of Gondor") */
            size_t q = 0;
            while (q < cl->n &&
                   (c->w[cl->live[q]].type == W_DET || c->w[cl->live[q]].type == W_ADJ))
                q++;
            size_t top = q + CLAUSE_SUBJECT_WORDS < vq ? q + CLAUSE_SUBJECT_WORDS : vq;
            cref r = q < vq ? find_actor(c, cl, q, top, tcode) : (cref){-1, false, NULL};
            src = r.unit >= 0 ? r : cl->carried;
        } else {
            src = find_actor(c, cl, 0, vq, tcode);
            if (src.unit < 0 && !(c->opt.default_source[0] && c->opt.default_prior)) {
                /* no actor before the verb: the first after it, alone, and the target
                 * is looked for after that */
                src = find_actor(c, cl, vq + verb_n, cl->n, tcode);
                src.compound = false;
                after_src = src.unit >= 0;
            }
        }
    }
    if (src.unit < 0 && c->opt.default_source[0])
        src.code = c->opt.default_source;
    const char *scode = first_code(c, src);
    if (tgt.unit < 0) {
        size_t from = vq + verb_n;
        if (after_src)
            while (from < cl->n && sr_coder_unit_at(c, cl->live[from]) != src.unit)
                from++;
        /* not the source's own compound ("Elrond and Gondor urged Bree to assist
           them": them is not the target), unless nothing else is found */
        int32_t own = src.unit >= 0 && src.compound ? c->units[src.unit].compound : -1;
        tgt = find_target(c, cl, from, cl->n, scode, own);
        if (tgt.unit < 0 && !(c->opt.default_target[0] && c->opt.default_after)) {
            tgt = find_target(c, cl, 0, vq, scode, own);
            if (tgt.unit < 0)
                tgt = find_actor(c, cl, 0, vq, scode);
            /* a member of the source's compound is the target alone: "Bree and Arnor
               restore" gives BRE ARN, not both ways */
            if (tgt.unit >= 0 && own >= 0 && c->units[tgt.unit].compound == own)
                tgt.compound = false;
        }
        /* a compound source with no target is its own, unless a default target is set */
        if (tgt.unit < 0 && src.unit >= 0 && src.compound && !c->opt.default_target[0])
            tgt = src;
    }
    if (tgt.unit < 0 && c->opt.default_target[0])
        tgt.code = c->opt.default_target;
    /* Passive voice: WAS / WERE / BEEN one or two words before, BY right after the verb
       or after one untyped word. */
    if (!designated) {
        bool aux = (vq >= 1 && c->w[cl->live[vq - 1]].type == W_AUX) ||
                   (vq >= 2 && c->w[cl->live[vq - 2]].type == W_AUX);
        size_t b = vq + verb_n; /* BY right after, or after one modifier ("earlier") */
        bool by = (b < cl->n && is_word(&c->w[cl->live[b]], "BY")) ||
                  (b + 1 < cl->n && c->w[cl->live[b]].type == W_NULL &&
                   is_word(&c->w[cl->live[b + 1]], "BY"));
        if (aux && by) {
            cref t = src;
            src = tgt;
            tgt = t;
            f->passive = true;
        }
    }
    f->source = src;
    f->target = tgt;
    return true;
}

/* ---- the sentence ----------------------------------------------------------------------- */

static bool complexity(sr_coder *c)
{
    const sr_coder_options *o = &c->opt;
    size_t verbs = 0, conj = 0, pron = 0, first_verb = SIZE_MAX;
    for (size_t i = 0; i < c->nw; i++) {
        const cword *w = &c->w[i];
        if (w->deleted)
            continue;
        if (w->type == W_VERB) {
            verbs++;
            if (first_verb == SIZE_MAX)
                first_verb = i;
        }
        conj += w->type == W_CONJ && !w->joined;
        pron += w->type == W_PRON;
    }
    const char *why = NULL;
    if (o->cx_verbs && verbs >= (size_t)o->cx_verbs)
        why = "too many verbs";
    else if (o->cx_conj && conj >= (size_t)o->cx_conj)
        why = "too many conjunctions";
    else if (o->cx_actors && c->nunits >= (size_t)o->cx_actors)
        why = "too many actors";
    else if (o->cx_pronouns && pron >= (size_t)o->cx_pronouns)
        why = "too many pronouns";
    else if (o->cx_comma && c->dropped >= (size_t)o->cx_comma)
        why = "too many comma-delimited clauses";
    else if ((o->cx_noverb || o->cx_lateverb) && first_verb == SIZE_MAX)
        why = "no verb";
    else if (o->cx_lateverb && first_verb >= (size_t)o->cx_lateverb)
        why = "late verb";
    else if (o->cx_noactprior && first_verb != SIZE_MAX &&
             !(c->nunits && c->units[0].first < first_verb)) {
        bool pron_before = false;
        for (size_t i = 0; i < first_verb; i++)
            pron_before |= c->w[i].type == W_PRON && c->w[i].ref >= 0 && !c->w[i].deleted;
        if (!pron_before)
            why = "no actor before the first verb";
    } else if (o->cx_noactafter && first_verb != SIZE_MAX &&
               !(c->nunits && c->units[c->nunits - 1].first > first_verb))
        why = "no actor after the first verb";
    if (why) {
        c->complex = true;
        c->why = why;
    }
    return why != NULL;
}

static void time_shift(sr_coder *c)
{
    /* patterns of a time phrase are matched over the sentence's live words */
    size_t n = 0;
    for (size_t k = 0; k < c->nw; k++)
        if (!c->w[k].deleted)
            c->live[n++] = (uint32_t)k;
    for (size_t vq = 0; vq < n; vq++) {
        const cword *w = &c->w[c->live[vq]];
        if (w->type != W_TIME)
            continue;
        const vgroup *g = &c->verbs->groups[w->group];
        cmatch m = {c, c->live,   n, 0, vq, w->span, 0, {-1, false, NULL}, {-1, false, NULL},
                    0, &c->budget};
        const vcode *code = &g->code;
        for (uint32_t k = 0; k < g->npat; k++)
            if (sr_coder_match(&m, &c->verbs->pats[g->first_pat + k])) {
                code = &c->verbs->pats[g->first_pat + k].code;
                break;
            }
        if (code->flags & VC_NULL)
            continue;
        if (code->flags & VC_DISCARD) {
            c->discard = true;
            c->why = "discard code in a time phrase";
        } else if (code->flags & VC_COMPLEX) {
            c->complex = true;
            c->why = "complex code in a time phrase";
        } else {
            c->shift = code->shift;
            c->shifted = true;
        }
        return;
    }
}

sr_status sr_coder_code(sr_coder *c, const sr_doc *doc, size_t first, size_t end, sr_ymd day,
                        sr_coded *out)
{
    memset(out, 0, sizeof *out);
    out->explain = "";
    c->doc = doc;
    c->day = day;
    c->nevents = 0;
    c->npool = 0;
    c->nunits = c->ncomps = c->ncodes = 0;
    c->discard = c->complex = c->shifted = false;
    c->shift = 0;
    c->dropped = 0;
    c->budget = SR_CODER_MATCH_BUDGET;
    c->why = "";
    if (end > doc->ntokens)
        end = doc->ntokens;
    if (first >= end) {
        c->follows = false;
        c->carry[0] = 0;
        return SR_OK;
    }
    size_t need_pool = (end - first) * 128 + 1024;
    if (need_pool > c->cap_pool) {
        char *p = realloc(c->pool, need_pool);
        if (!p)
            return SR_NOMEM;
        c->pool = p;
        c->cap_pool = need_pool;
    }
    sr_status st = sr_coder_words(c, first, end);
    if (st == SR_OK)
        st = sr_coder_actors(c);
    if (st)
        return st;
    if (!sr_coder_grow((void **)&c->live, &c->cap_live, c->nw + 1, sizeof *c->live))
        return SR_NOMEM;
    if (c->opt.min_words && c->nw < (size_t)c->opt.min_words) {
        out->status = SR_CODED_SHORT;
        return SR_OK;
    }
    drop_comma_clauses(c);
    if (c->dropped)
        sr_coder_pronouns(c);
    if (c->opt.time_shift && !c->discard)
        time_shift(c);
    if (!c->discard && !c->complex)
        complexity(c);
    if (c->discard || c->complex)
        goto done;

    /* Clauses: split at free conjunctions. */
    cclause cl = {0};
    cl.carried = (cref){-1, false, NULL};
    cl.clause0 = true;
    uint32_t clause = 0;
    bool sentence_done = false;
    for (size_t i = 0; i <= c->nw && !sentence_done; i++) {
        bool brk = i == c->nw || (c->w[i].type == W_CONJ && !c->w[i].joined && !c->w[i].deleted);
        if (!brk)
            continue;
        cl.end = i;
        cl.live = c->live;
        cl.n = 0;
        for (size_t k = cl.first; k < cl.end; k++)
            if (!c->w[k].deleted)
                c->live[cl.n++] = (uint32_t)k;
        size_t before = c->nevents;
        cfound sub;
        bool have_sub = false, coded = false;
        for (size_t q = 0; q < cl.n && !c->discard && !c->complex; q++) {
            const cword *w = &c->w[c->live[q]];
            if (w->type != W_VERB)
                continue;
            cfound f;
            if (!try_verb(c, &cl, q, &f) || !f.code)
                continue;
            if (f.source.unit < 0 && !f.source.code)
                continue;
            if (f.target.unit < 0 && !f.target.code)
                continue;
            if (f.code->flags & VC_SUBORD) {
                if (!have_sub) {
                    sub = f;
                    have_sub = true;
                }
                continue;
            }
            if ((st = emit(c, &f, clause)))
                return st;
            coded = c->nevents > before;
            if (!coded)
                continue;
            if (cl.clause0 || cl.carried.unit < 0 || f.source.unit >= 0)
                cl.carried = f.source;
            if (c->opt.code_by != SR_CODE_ALL)
                break;
        }
        if (!coded && have_sub && c->opt.code_by == SR_CODE_BY_CLAUSE) {
            if ((st = emit(c, &sub, clause)))
                return st;
            coded = c->nevents > before;
            if (coded)
                cl.carried = sub.source;
        } else if (!coded && have_sub && !c->have_sub) {
            c->sub = sub;
            c->sub_clause = clause;
            c->have_sub = true;
        }
        if (cl.clause0 && !coded && cl.carried.unit < 0)
            cl.carried = find_actor(c, &cl, 0, cl.n, NULL);
        if (coded && c->opt.code_by == SR_CODE_BY_SENTENCE)
            sentence_done = true;
        cl.clause0 = false;
        cl.first = i + 1;
        clause++;
    }
    if (!c->nevents && c->have_sub && (st = emit(c, &c->sub, c->sub_clause)))
        return st;
    c->have_sub = false;
    /* Dominant codes win. */
    bool dominant = false;
    for (size_t i = 0; i < c->nevents; i++)
        dominant |= (c->events[i].flags & SR_EV_DOMINANT) != 0;
    if (dominant) {
        size_t k = 0;
        for (size_t i = 0; i < c->nevents; i++)
            if (c->events[i].flags & SR_EV_DOMINANT)
                c->events[k++] = c->events[i];
        c->nevents = k;
    }
done:
    out->status = c->discard ? SR_CODED_DISCARD : c->complex ? SR_CODED_COMPLEX : SR_CODED_EVENTS;
    out->events = c->events;
    out->nevents = out->status == SR_CODED_EVENTS ? c->nevents : 0;
    out->shift = c->shift;
    out->shifted = c->shifted;
    out->explain = c->why ? c->why : "";
    return SR_OK;
}
