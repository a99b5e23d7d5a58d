/* actors.c: the actor stage: dictionary matches in a document become actor mentions.
 *
 * In each sentence the stage reads, from every token no earlier recogniser used, a chain
 * of dictionary matches that touch one another (or are joined by a possessive "'s", or
 * by "of [the]" after a role) and composes it the way the event-data field codes and
 * news writes:
 *
 *   ACTOR [ACTOR of the same country] ['s] AGENT* [PERSON]   "the US Pentagon",
 *       "South Korea's spy agency" KORSPY, "North Korean soldiers" PRKMIL,
 *       "Ukrainian President Volodymyr Zelensky" (the person's code)
 *   AGENT+ of [the] ACTOR                                    "the president of Ukraine"
 *   AGENT+ [PERSON]                                          "President Zelensky";
 *       alone: "soldiers" MIL, a role for later stages to resolve
 *
 * One mention per chain, spanning it whole. Codes are the record's codes valid on the
 * publication day; composing appends the agents' three-letter parts (docs/DICTIONARIES.md
 * gives the rules). Lone countries, capitals and demonyms used as places or modifiers
 * are left out. Each phrase consumes at least one token and looks ahead at most a few
 * times MAX_CHAIN matches, each of at most SR_DICT_MAX_PHRASE_TOKENS steps, so the
 * stage stays linear in the tokens. */
#include "actors.h"

enum { MAX_CHAIN = 8 };

typedef enum { LINK_NONE, LINK_ADJ, LINK_POSS, LINK_OF } link_kind;

typedef struct {
    sr_dict_match m;
    uint8_t link; /* link_kind: how it joins the previous match */
} piece;

typedef struct {
    const sr_dict *d;
    sr_doc *doc;
    sr_ymd day;
    size_t first;     /* the sentence's first token */
    size_t limit;     /* end of the run of tokens no recogniser used */
    size_t place_end; /* after the last name read as a place in this sentence, or 0 */
} scan;

/* ---- tokens ----------------------------------------------------------------------- */

static bool tok_is(const scan *s, size_t i, const char *w)
{
    return i < s->limit && sr_tok_is(s->doc, &s->doc->tokens[i], w);
}

/* A possessive "'s" / "’s" (a token of its own) or the bare apostrophe of "Koreas'". */
static bool is_possessive(const scan *s, size_t i)
{
    if (i >= s->limit || i == s->first)
        return false;
    const sr_token *t = &s->doc->tokens[i];
    sr_str w = sr_tok_str(s->doc, t);
    if (t->flags & SR_TF_SPACE)
        return false;
    if (w.n == 1 && w.p[0] == '\'')
        return true;
    if (w.n == 3 && memcmp(w.p, "\xE2\x80\x99", 3) == 0)
        return true;
    return t->kind == SR_TOK_WORD && (tok_is(s, i, "'s") || tok_is(s, i, "\xE2\x80\x99s"));
}

static bool has_upper(const sr_doc *doc, const sr_dict_match *m)
{
    for (uint32_t k = m->first; k < m->end; k++)
        if (doc->tokens[k].flags & SR_TF_UPPER)
            return true;
    return false;
}

/* ---- matches ---------------------------------------------------------------------- */

/* The longest actor or agent phrase at token i. An actor is a name, so at least one of
 * its words must be capitalised ("us" is not the US); failing that, an agent is sought. */
static bool match_at(const scan *s, size_t i, sr_dict_match *m)
{
    if (i >= s->limit)
        return false;
    if (!sr_dict_find(s->d, s->doc, i, s->limit, s->day, 3, m))
        return false;
    if (m->kind == SR_DICT_AGENT || has_upper(s->doc, m))
        return true;
    return sr_dict_find(s->d, s->doc, i, s->limit, s->day, 1u << SR_DICT_AGENT, m);
}

/* "---" or "###": a phrase listed so that it is not taken for an actor. */
static bool is_null(const sr_dict_match *m)
{
    const sr_dict_code *c = m->ncodes ? m->codes[0] : m->first_code;
    return !c || (c->flags & (SR_CODE_NULL | SR_CODE_DISCARD));
}

static bool is_person(const sr_dict_match *m)
{
    return m->kind == SR_DICT_ACTOR && (m->entry & SR_ENTRY_PERSON);
}

static bool is_group(const sr_dict_match *m)
{
    return m->kind == SR_DICT_ACTOR && !(m->entry & SR_ENTRY_PERSON);
}

/* The code an actor match stands for on the day: its first valid code, or when none is
 * valid (a dated entry in an undated report, a date outside every range) the country
 * its first code begins with. n receives the length; NULL when it has no code. */
static const char *main_code(const sr_dict_match *m, size_t *n)
{
    if (m->ncodes) {
        *n = m->codes[0]->len;
        return m->codes[0]->text;
    }
    if (!m->first_code || m->first_code->len < 3)
        return NULL;
    *n = 3;
    return m->first_code->text;
}

/* b names something inside a's country, and more precisely ("US" + "Pentagon"). */
static bool refines(const sr_dict_match *a, const sr_dict_match *b)
{
    size_t an = 0, bn = 0;
    const char *ac = main_code(a, &an), *bc = main_code(b, &bn);
    return ac && bc && an >= 3 && bn > an && memcmp(ac, bc, 3) == 0;
}

/* ---- chains ------------------------------------------------------------------------- */

/* Words that may stand between an actor and its agent: "Pyongyang's first troops",
 * "Russia's elite special forces". */
static const char *const modifiers[] = {"first",  "top", "main",    "own",  "elite", "senior",
                                        "former", "new", "regular", "best", NULL};

static bool word_in(const scan *s, size_t i, const char *const *list)
{
    for (size_t k = 0; list[k]; k++)
        if (tok_is(s, i, list[k]))
            return true;
    return false;
}

/* The match after an actor at token at, passing over up to two modifiers when an agent
 * follows them. */
static bool after_actor(const scan *s, size_t at, sr_dict_match *m)
{
    if (match_at(s, at, m))
        return true;
    size_t j = at;
    while (j < at + 2 && word_in(s, j, modifiers))
        j++;
    return j > at && match_at(s, j, m) && m->kind == SR_DICT_AGENT;
}

/* Reads the chain of matches that begins with m0 at token m0->first into c; returns its
 * length. Each further piece touches the last (or follows a possessive, or "of [the]"
 * after agents) and is not a "---" phrase. */
static size_t read_chain(const scan *s, const sr_dict_match *m0, piece *c)
{
    size_t n = 1;
    bool agents_only = m0->kind == SR_DICT_AGENT;
    c[0].m = *m0;
    c[0].link = LINK_NONE;
    while (n < MAX_CHAIN && !is_person(&c[n - 1].m)) {
        const sr_dict_match *last = &c[n - 1].m;
        size_t at = last->end;
        uint8_t link = LINK_ADJ;
        if (is_possessive(s, at) && last->kind == SR_DICT_ACTOR) {
            at++;
            link = LINK_POSS;
        } else if (agents_only && tok_is(s, at, "of")) {
            link = LINK_OF;
            at += 1 + tok_is(s, at + 1, "the");
        }
        bool found =
            last->kind == SR_DICT_ACTOR ? after_actor(s, at, &c[n].m) : match_at(s, at, &c[n].m);
        if (!found || is_null(&c[n].m))
            break;
        c[n].link = link;
        agents_only &= c[n].m.kind == SR_DICT_AGENT;
        n++;
    }
    return n;
}

typedef struct {
    const sr_dict_match *actor, *person;
    const sr_dict_match *agents[MAX_CHAIN]; /* in the order their codes are added */
    size_t nagents;
    size_t used; /* pieces the phrase takes */
} phrase;

/* Takes the actor at c[*k] and the actors of its country that refine it ("US" +
 * "Pentagon"), then the agents that follow it, into p. */
static void actor_and_agents(const piece *c, size_t n, size_t *k, phrase *p)
{
    p->actor = &c[(*k)++].m;
    while (*k < n && is_group(&c[*k].m) && c[*k].link <= LINK_POSS && refines(p->actor, &c[*k].m))
        p->actor = &c[(*k)++].m;
    while (*k < n && c[*k].m.kind == SR_DICT_AGENT && c[*k].link <= LINK_POSS)
        p->agents[p->nagents++] = &c[(*k)++].m;
}

/* Reads a phrase off the front of chain c[0..n): the grammar at the top of the file. */
static void parse_chain(const piece *c, size_t n, phrase *p)
{
    memset(p, 0, sizeof *p);
    size_t k = 0;
    if (is_person(&c[0].m)) {
        p->person = &c[0].m;
        p->used = 1;
        return;
    }
    if (is_group(&c[0].m)) {
        actor_and_agents(c, n, &k, p);
    } else {
        while (k < n && c[k].m.kind == SR_DICT_AGENT && c[k].link <= LINK_ADJ)
            k++;
        if (k < n && c[k].link == LINK_OF && is_group(&c[k].m)) {
            /* "the commander of the Estonian defence ministry": the actor and its own
             * agents first, then the roles before "of" */
            size_t head = k;
            actor_and_agents(c, n, &k, p);
            for (size_t j = 0; j < head; j++)
                p->agents[p->nagents++] = &c[j].m;
        } else {
            for (size_t j = 0; j < k; j++)
                p->agents[p->nagents++] = &c[j].m;
        }
    }
    if (k < n && is_person(&c[k].m) && c[k].link <= LINK_POSS)
        p->person = &c[k++].m; /* a title before a name: "Ukrainian President Zelensky" */
    p->used = k;
}

/* ---- codes -------------------------------------------------------------------------- */

typedef struct {
    char s[SR_ACTOR_MAX_CODE + 1];
    size_t n;
} code_buf;

/* Whether the three-letter part seg is already one of b's parts. */
static bool has_part(const code_buf *b, const char *seg)
{
    for (size_t i = 0; i + 3 <= b->n; i += 3)
        if (memcmp(b->s + i, seg, 3) == 0)
            return true;
    return false;
}

static void append(code_buf *b, const char *s, size_t n)
{
    if (b->n + n <= SR_ACTOR_MAX_CODE) {
        memcpy(b->s + b->n, s, n);
        b->n += n;
    }
}

/* Adds agent code c to b, whose first three letters are a country (or an IGO) when
 * actor is set: "NGO~" codes go before, others after, part by part; a part already there
 * is not repeated, and a bare GOV (an official, a spokesman, a ministry) adds nothing to
 * a code that already names a body ("USAMIL" + "spokesman" is USAMIL). */
static void add_agent(code_buf *b, const sr_dict_code *c, bool actor)
{
    if (c->flags & (SR_CODE_NULL | SR_CODE_DISCARD))
        return;
    if (c->flags & SR_CODE_AGENT_BEFORE) {
        if ((b->n < c->len || memcmp(b->s, c->text, c->len) != 0) &&
            b->n + c->len <= SR_ACTOR_MAX_CODE) {
            memmove(b->s + c->len, b->s, b->n);
            memcpy(b->s, c->text, c->len);
            b->n += c->len;
        }
        return;
    }
    if (c->len == 3 && memcmp(c->text, "GOV", 3) == 0 && b->n > (actor ? 3u : 0u))
        return;
    if (c->len % 3) {
        append(b, c->text, c->len);
        return;
    }
    for (size_t i = 0; i < c->len; i += 3)
        if (!has_part(b, c->text + i))
            append(b, c->text + i, 3);
}

/* The code of phrase p into b and its flags; returns the match it is named after, or
 * NULL when it has no code. */
static const sr_dict_match *compose(const phrase *p, code_buf *b, uint8_t *flags)
{
    size_t n = 0;
    const char *base;
    b->n = 0;
    if (p->person && (base = main_code(p->person, &n))) {
        *flags = SR_ACTOR_PERSON;
        append(b, base, n);
        return p->person;
    }
    const sr_dict_match *named = p->agents[0];
    bool actor = p->actor && (base = main_code(p->actor, &n));
    *flags = SR_ACTOR_ROLE;
    if (actor) {
        append(b, base, n);
        named = p->actor;
        *flags = (p->actor->entry & SR_ENTRY_SEAT) ? SR_ACTOR_METONYM : 0;
        if (p->nagents)
            *flags |= SR_ACTOR_COMPOUND;
    }
    for (size_t i = 0; i < p->nagents; i++)
        for (uint32_t k = 0; k < p->agents[i]->ncodes; k++)
            add_agent(b, p->agents[i]->codes[k], actor);
    return b->n ? named : NULL;
}

/* ---- places that are not actors ------------------------------------------------------ */

static const char *const locatives[] = {"in",      "at",     "near",   "inside",
                                        "outside", "around", "across", "throughout",
                                        "within",  "into",   NULL};
static const char *const place_nouns[] = {
    "region",   "regions",  "oblast",    "province",  "provinces",   "border",
    "borders",  "area",     "areas",     "city",      "town",        "village",
    "villages", "district", "peninsula", "territory", "territories", "soil",
    "front",    "coast",    "capital",   "airspace",  "waters",      NULL};

/* A demonym as Phoenix lists it: an adjective form ("Russian", "Chinese", "British",
 * "Israeli", "French"), told apart from a name by its ending. Entries the supplement
 * typed are names. */
static bool is_demonym(const scan *s, const sr_dict_match *m)
{
    if ((m->entry & SR_ENTRY_TYPED) || m->text == m->primary)
        return false; /* a primary phrase is the name itself: "Japan", "Iran" */
    sr_str w = sr_tok_str(s->doc, &s->doc->tokens[m->end - 1]);
    static const char *const ends[] = {"an", "ese", "ish", "i", "ch", NULL};
    for (size_t k = 0; ends[k]; k++) {
        size_t e = strlen(ends[k]);
        if (w.n > e + 2) {
            size_t j = 0;
            while (j < e && (w.p[w.n - e + j] | 0x20) == ends[k][j])
                j++;
            if (j == e)
                return true;
        }
    }
    return false;
}

/* Whether token first continues a list of places begun before it ("in Vladivostok,
 * Ussuriysk, Khabarovsk"): only commas, "and", "or" and capitalised names stand between
 * it and the last name read as a place. */
static bool in_place_list(const scan *s, size_t first)
{
    if (!s->place_end || first < s->place_end || first - s->place_end > 8)
        return false;
    for (size_t i = s->place_end; i < first; i++) {
        const sr_token *t = &s->doc->tokens[i];
        if (!tok_is(s, i, ",") && !tok_is(s, i, "and") && !tok_is(s, i, "or") &&
            !(t->kind == SR_TOK_WORD && (t->flags & SR_TF_UPPER)))
            return false;
    }
    return first > s->place_end;
}

enum { USE_ACTOR, USE_PLACE, USE_MODIFIER };

/* Whether a lone country, capital or demonym (no agent, no person) is a place or a
 * modifier rather than an actor: a place after "in", "at", "near" ("troops in Russia",
 * "talks in Seoul") or "region of" ("the border region of Kursk"), before a place noun
 * ("the Kursk region", "Ukrainian territory") or further on in a list of places; a
 * modifier when it is a demonym not used as a noun ("Russian uniforms", "Ukrainian,
 * South Korean and US sources"; but "the British said"). */
static int is_place_use(const scan *s, const phrase *p, size_t first, size_t end)
{
    if (!p->actor || p->nagents || p->person)
        return USE_ACTOR;
    size_t n;
    const char *code = main_code(p->actor, &n);
    if (!code || (n != 3 && !(p->actor->entry & SR_ENTRY_SEAT)))
        return USE_ACTOR;
    size_t before = first;
    bool the = before > s->first && tok_is(s, before - 1, "the");
    before -= the;
    if (before > s->first && word_in(s, before - 1, locatives))
        return USE_PLACE;
    if (before > s->first + 1 && tok_is(s, before - 1, "of") && word_in(s, before - 2, place_nouns))
        return USE_PLACE;
    if (word_in(s, end, place_nouns) || in_place_list(s, first))
        return USE_PLACE;
    if (!is_demonym(s, p->actor))
        return USE_ACTOR;
    const sr_token *t = end < s->limit ? &s->doc->tokens[end] : NULL;
    bool noun = the && !(t && t->kind == SR_TOK_WORD && !(t->flags & SR_TF_UPPER));
    return noun ? USE_ACTOR : USE_MODIFIER;
}

static const char *const determiners[] = {"the", "a",  "an",   "its",  "their", "his", "her",
                                          "our", "my", "your", "this", "that",  NULL};
static const char *const function_words[] = {
    "and",  "or",   "but",   "of",     "to",    "in",  "on",   "at",   "for",   "with",
    "from", "by",   "as",    "that",   "which", "who", "said", "say",  "says",  "told",
    "has",  "have", "had",   "is",     "are",   "was", "were", "will", "would", "could",
    "can",  "may",  "might", "should", "must",  "did", "does", "do",   "also",  "not",
    "be",   "been", "now",   "still",  "then",  NULL};

/* Whether a lone agent is a noun used as a modifier ("military aid", "artillery
 * ammunition", "government spending") rather than an actor: one lower-case word in the
 * singular, no determiner before it, and a lower-case word after it that is neither a
 * function word nor shaped like a verb or a plural ("-ed", "-s": "police arrested",
 * "the military said" stay actors). */
static bool is_modifier_agent(const scan *s, const phrase *p, size_t first, size_t end)
{
    if (p->actor || p->person || p->nagents != 1 || end != first + 1 || end >= s->limit)
        return false;
    const sr_token *t = &s->doc->tokens[first], *u = &s->doc->tokens[end];
    sr_str w = sr_tok_str(s->doc, t), v = sr_tok_str(s->doc, u);
    if ((t->flags & SR_TF_UPPER) || (w.p[w.n - 1] | 0x20) == 's')
        return false;
    if (first > s->first && word_in(s, first - 1, determiners))
        return false;
    if (u->kind != SR_TOK_WORD || (u->flags & SR_TF_UPPER) || word_in(s, end, function_words))
        return false;
    char last = (char)(v.p[v.n - 1] | 0x20), before = v.n > 1 ? (char)(v.p[v.n - 2] | 0x20) : 0;
    return last != 's' && !(before == 'e' && last == 'd');
}

/* A demonym in a list whose last member has agents ("Russian and North Korean
 * soldiers") shares them: fills p's agents from store and returns true. */
static bool shared_agents(const scan *s, size_t end, phrase *p, sr_dict_match *store)
{
    if (!p->actor || p->nagents || p->person || !is_demonym(s, p->actor))
        return false;
    size_t j = end;
    for (int hop = 0; hop < 3; hop++) {
        bool comma = tok_is(s, j, ",");
        j += comma;
        bool conj = tok_is(s, j, "and") || tok_is(s, j, "or");
        j += conj;
        if (!comma && !conj)
            return false;
        if (!match_at(s, j, &store[0]) || !is_group(&store[0]) || is_null(&store[0]))
            return false;
        j = store[0].end;
        size_t k = 0;
        while (k < MAX_CHAIN && match_at(s, j, &store[k]) && store[k].kind == SR_DICT_AGENT &&
               !is_null(&store[k]))
            j = store[k++].end;
        for (size_t i = 0; i < k; i++)
            p->agents[p->nagents++] = &store[i];
        if (k)
            return true;
    }
    return false;
}

/* ---- the stage ------------------------------------------------------------------------ */

/* Reads the phrase at token i (a match m0 starts there), appends its mention, and
 * returns the token after it. */
static sr_status phrase_at(scan *s, const sr_dict_match *m0, sr_mentions *out, size_t *next)
{
    if (is_null(m0)) { /* its words are spoken for: no shorter phrase inside them */
        *next = m0->end;
        return SR_OK;
    }
    piece chain[MAX_CHAIN];
    size_t n = read_chain(s, m0, chain);
    phrase p;
    parse_chain(chain, n, &p);
    size_t first = m0->first, end = chain[p.used - 1].m.end;
    *next = end;
    sr_dict_match store[MAX_CHAIN];
    int use = shared_agents(s, end, &p, store) ? USE_ACTOR : is_place_use(s, &p, first, end);
    if (use == USE_ACTOR && is_modifier_agent(s, &p, first, end))
        use = USE_MODIFIER;
    if (use == USE_PLACE)
        s->place_end = end;
    if (use != USE_ACTOR)
        return SR_OK;
    code_buf b;
    uint8_t flags;
    const sr_dict_match *named = compose(&p, &b, &flags);
    if (!named)
        return SR_OK;
    const char *code = NULL;
    size_t own;
    const char *given = main_code(named, &own);
    if (given && own == b.n && memcmp(given, b.s, b.n) == 0 && named->ncodes)
        code = given; /* the dictionary's own string lives as long as the document */
    else if (!(code = sr_arena_strndup(s->doc->arena, b.s, b.n)))
        return SR_NOMEM;
    sr_mention *m = sr_mention_push(out);
    if (!m)
        return SR_NOMEM;
    const sr_token *t = s->doc->tokens;
    m->kind = SR_MENTION_ACTOR;
    m->start = t[first].start;
    m->end = t[end - 1].end;
    m->u.actor.code = code;
    m->u.actor.name = named->primary;
    m->u.actor.flags = flags;
    return SR_OK;
}

/* Finds the actors of sentence tokens [first, end). */
static sr_status sentence_actors(scan *s, size_t first, size_t end, sr_mentions *out)
{
    const sr_token *t = s->doc->tokens;
    s->first = first;
    s->limit = first;
    s->place_end = 0;
    for (size_t i = first; i < end;) {
        if (t[i].flags & SR_TF_USED) {
            i++;
            continue;
        }
        if (s->limit <= i) { /* the run of unused tokens that starts here */
            s->limit = i;
            while (s->limit < end && !(t[s->limit].flags & SR_TF_USED))
                s->limit++;
        }
        sr_dict_match m;
        if (!match_at(s, i, &m)) {
            i++;
            continue;
        }
        sr_status st = phrase_at(s, &m, out, &i);
        if (st != SR_OK)
            return st;
    }
    return SR_OK;
}

sr_status sr_actors_find(const sr_dict *d, sr_doc *doc, sr_mentions *out)
{
    scan s = {d, doc, doc->published, 0, 0, 0};
    for (size_t k = 0; k < doc->nsentences; k++) {
        const sr_sentence *se = &doc->sentences[k]; /* furniture too: headlines name actors */
        sr_status st = sentence_actors(&s, se->first_token, se->first_token + se->ntokens, out);
        if (st != SR_OK)
            return st;
    }
    return SR_OK;
}
