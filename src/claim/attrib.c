/* attrib.c: who says so. Finds, in each sentence, the sources news writing attributes
 * statements to, and what each source is said to have said.
 *
 * Forms read (token rules, no parser):
 *   pre-posed    "Seoul's spy agency said (on Friday) (that) CLAIM"   scope: after the verb
 *   post-posed   "CLAIM, the ministry said (on Tuesday)."              scope: before the source
 *   inverted     "\"CLAIM,\" said Jeon Ha-kyou, a spokesman."          scope: before the verb
 *   quotation    "\"CLAIM,\" he wrote."  (pronoun: resolved to the named speaker before it)
 *   appositive   "Jeon, a spokesman for the ministry, said CLAIM"
 *   according    "according to X" / "citing X": X, scope the whole sentence
 *   unnamed      "is said to", "are believed to", "reportedly", "officials said"
 *   chains       "Yonhap reported that the NIS said CLAIM": the NIS's scope lies inside
 *                Yonhap's, so the NIS is the source and Yonhap the reporter (via)
 * A claim takes the innermost attribution whose scope holds it (claims.c). */
#include "claim_int.h"

static const char *const say_strong[] = {
    "said", "says", "told", "wrote", "added", "stated", "warned", "announced", "confirmed",
    "claimed", "reported", "insisted", "explained", "noted", "revealed", "argued",
    "acknowledged", "admitted", "predicted", "asserted", "alleged", "disclosed", "declared",
    "stressed", "emphasised", "emphasized", "cautioned", "testified", "tweeted", "estimated",
    "concluded", "conceded", "assessed", "believed", "believes", "thinks", "wrote", "writes",
    "tells", "warns", "insists", "argues", "alleges", "adds", "announces", "confirms",
    "predicts", "stresses", "showed", "suggested", "indicated", "calculated", "saying",
    "telling", "mentioning", "claiming", "estimating", "warning", "adding", "reporting", NULL};
static const char *const say_weak[] = {
    "say", "reports", "claims", "estimates", "believe", "think", "warn", "claim",
    "estimate", "report", "confirm", "tell", "suggest", "suggests", "indicate", "indicates",
    "show", "shows", "predict", "calculate", "calculates", "reckon", "reckons", "forecast",
    "forecasts", "projects", "found", "finds", NULL};
static const char *const stop[] = {
    "that", "which", "who", "whom", "whose", "while", "whereas", "but", "as", "because",
    "when", "where", "if", "although", "though", "after", "before", "since", "so", "than",
    "whether", "however", "meanwhile", "or", "nor", "yet", "and", "is", "are", "was",
    "were", "be", "been", "being", "not", "also", "to", "there", "here", "this", "these",
    "those", "we", "i", "you", "will", "would", "could", "should", "might", "may", "can",
    "did", "do", "does", "had", "has", "have", "until", "unless", "once", "now", "with",
    "without", NULL};
static const char *const skip[] = {
    "also", "has", "have", "had", "previously", "earlier", "later", "again", "then",
    "repeatedly", "separately", "publicly", "recently", "reportedly", "further", "once",
    "last", "all", "both", "each", "quite", "very", "just", "only", "even", "still", NULL};
static const char *const pronoun[] = {"he", "she", "they", "it", NULL};
static const char *const unnamed[] = {
    "official", "officials", "source", "sources", "reports", "media", "diplomat",
    "diplomats", "analyst", "analysts", "expert", "experts", "observer", "observers",
    "insider", "insiders", "people", "witnesses", "residents", "estimates", "rumours",
    "rumors", "someone", "others", "critics", "some", "figures", "statistics", "data", NULL};
/* Plural or collective subjects that "say", "estimate", "believe" in news prose. */
static const char *const agentive[] = {
    "police", "economists", "scientists", "researchers", "campaigners", "doctors", "unions",
    "figures", "data", "statistics", "studies", "polls", "surveys", "forecasters",
    "analysts", "experts", "officials", "sources", "reports", "observers", "critics",
    "diplomats", "residents", "witnesses", "estimates", "lawyers", "prosecutors",
    "investigators", "organisers", "organizers", "authorities", "leaders", "ministers",
    "activists", "groups", "agencies", "officers", "commanders", "troops", "people",
    "he", "she", "they", "it", "we", "i", "you", NULL};
static const char *const det[] = {"the", "a", "an", "this", "its", "his", "her", "their",
                                  "some", "these", "those", "our", "my", "your", NULL};
static const char *const reportish[] = {
    "proposals", "plans", "figures", "report", "estimate", "estimates", "statement", "data",
    "study", "research", "forecast", "forecasts", "survey", "document", "analysis",
    "statistics", "findings", "numbers", "projections", "accounts", "results", NULL};
/* What a supposition is about: "such a move could", "the plan would". */
static const char *const plan[] = {
    "proposal", "proposals", "plan", "plans", "move", "policy", "policies", "scheme", "change",
    "changes", "measure", "measures", "pledge", "pledges", "idea", "reform", "reforms", "cut",
    "cuts", "ban", "tax", NULL};
static const char *const modal[] = {"would", "could", "might", NULL};
static const char *const hedged[] = {"reportedly", "allegedly", "purportedly", "supposedly",
                                     "rumoured", "rumored", NULL};
static const char *const future[] = {
    "will", "shall", "expected", "expects", "expect", "forecast", "forecasts", "projected",
    "projects", "projection", "plans", "planned", "plan", "planning", "scheduled", "set",
    "likely", "going", "intends", "intend", "pledged",
    "promised", "promises", "predicted", "predicts", "anticipated", "envisaged", "ll",
    "would", NULL};
static const char *const if_words[] = {"if", "unless", "suppose", "supposing", "imagine",
                                       "hypothetical", "hypothetically", "assuming",
                                       "example", "instance", NULL};
static const char *const maybe[] = {"could", "might", "may", NULL};
static const char *const be[] = {"is", "are", "was", "were", "be", "been", "being", NULL};
static const char *const passive[] = {"said", "reported", "believed", "thought", "estimated",
                                      "understood", "rumoured", "rumored", "alleged",
                                      "claimed", "feared", "known", NULL};

static const sr_wordpart parts[] = {
    SR_WORDPART(say_strong, SR_CW_SAY),   SR_WORDPART(say_weak, SR_CW_SAY_WEAK),
    SR_WORDPART(stop, SR_CW_STOP),        SR_WORDPART(skip, SR_CW_SKIP),
    SR_WORDPART(pronoun, SR_CW_PRONOUN),  SR_WORDPART(unnamed, SR_CW_UNNAMED),
    SR_WORDPART(hedged, SR_CW_HEDGED),    SR_WORDPART(future, SR_CW_FUTURE),
    SR_WORDPART(if_words, SR_CW_IF),      SR_WORDPART(maybe, SR_CW_MAYBE),
    SR_WORDPART(be, SR_CW_BE),            SR_WORDPART(passive, SR_CW_PASSIVE),
    SR_WORDPART(agentive, SR_CW_AGENTIVE), SR_WORDPART(det, SR_CW_DET),
    SR_WORDPART(reportish, SR_CW_REPORTISH), SR_WORDPART(plan, SR_CW_PLAN),
    SR_WORDPART(modal, SR_CW_MODAL),
    {NULL, 0, 0},
};
static sr_wordclass words = {parts, NULL};

uint32_t sr_claim_word(const sr_claim_ctx *c, size_t i)
{
    return sr_wordclass_find(&words, c->d, &c->d->tokens[i]);
}

/* Quotation marks count as boundaries: a source never runs into a quotation. */
bool sr_claim_boundary(const sr_doc *d, size_t i)
{
    const sr_token *t = &d->tokens[i];
    if (t->kind != SR_TOK_PUNCT)
        return false;
    const char *s = d->clean + t->start;
    size_t n = t->end - t->start;
    if (n == 1)
        return strchr(",;:()\"", s[0]) != NULL; /* [brackets] are editorial, not clauses */
    /* multi-byte: curly quotes U+2018..U+201F, en and em dashes U+2013, U+2014 */
    return n == 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
           ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94 ||
            ((unsigned char)s[2] >= 0x98 && (unsigned char)s[2] <= 0x9F));
}

static bool is_word(const sr_doc *d, size_t i)
{
    return d->tokens[i].kind == SR_TOK_WORD;
}

/* Token i is a comma and not the sentence's first token. */
static bool is_comma(const sr_doc *d, size_t i, size_t first)
{
    return i > first && i < d->ntokens && sr_claim_punct(d, i, ',');
}

static bool is_hyphen(const sr_doc *d, size_t i)
{
    return sr_claim_punct(d, i, '-');
}

uint32_t sr_claim_sentence(const sr_doc *d, size_t p)
{
    return sr_doc_sentence_at(d, d->tokens[p].start);
}

static bool ends_with(const sr_doc *d, size_t v, const char *suffix)
{
    const sr_token *t = &d->tokens[v];
    size_t n = strlen(suffix);
    return t->end - t->start > n + 2 && !memcmp(d->clean + t->end - n, suffix, n);
}

/* A lower-case word ending in "ly": "quite rightly said", "previously told". */
static bool is_adverb(const sr_doc *d, size_t i)
{
    return is_word(d, i) && !(d->tokens[i].flags & SR_TF_UPPER) && ends_with(d, i, "ly");
}

/* Tokens that may belong to a source phrase: words that are not clause words, numbers
 * inside a name, hyphens, and "." of abbreviations; dates and quantities never do. */
static bool np_token(const sr_claim_ctx *c, size_t i)
{
    const sr_doc *d = c->d;
    if (c->date_at[i] >= 0)
        return false;
    if (is_hyphen(d, i))
        return true;
    if (!is_word(d, i))
        return false;
    uint32_t w = sr_claim_word(c, i);
    return !(w & (SR_CW_STOP | SR_CW_SAY));
}

enum { NP_MAX = 14 };

/* The source phrase ending just before token end (exclusive), not before first:
 * returns its first token (== end when empty). */
static size_t np_back(const sr_claim_ctx *c, size_t first, size_t end)
{
    const sr_doc *d = c->d;
    size_t j = end;
    bool list = false;
    for (;;) {
        while (j > first && end - j < NP_MAX && np_token(c, j - 1))
            j--;
        /* a number after a determiner: "a report on the 20 biggest projects says" */
        if (j >= first + 2 && j < end && end - j < NP_MAX && d->tokens[j - 1].kind == SR_TOK_NUM &&
            (sr_claim_word(c, j - 2) & SR_CW_DET)) {
            j -= 2;
            continue;
        }
        /* an abbreviation in brackets: "the Office for National Statistics (ONS)" */
        if (j >= first + 4 && end - j < NP_MAX && sr_claim_punct(d, j - 1, ')') &&
            np_token(c, j - 2) && sr_claim_punct(d, j - 3, '(') && np_token(c, j - 4)) {
            j -= 3;
            continue;
        }
        /* a list of names before one head: "Ukrainian, South Korean and US sources" */
        if (j < first + 2 || j >= end || end - j >= NP_MAX || !(d->tokens[j].flags & SR_TF_UPPER) ||
            !np_token(c, j - 2) || !(d->tokens[j - 2].flags & SR_TF_UPPER))
            break;
        bool and = sr_tok_is(d, &d->tokens[j - 1], "and");
        bool comma = d->tokens[j - 1].kind == SR_TOK_PUNCT && d->clean[d->tokens[j - 1].start] == ',';
        if (!and && !(comma && list))
            break;
        list = true;
        j -= 2;
    }
    while (j < end && is_hyphen(d, j))
        j++;
    /* "to discuss newspaper reports": after "to", a lower-case first word is a verb */
    if (j > first && j + 1 < end && sr_tok_is(d, &d->tokens[j - 1], "to") &&
        !(d->tokens[j].flags & SR_TF_UPPER) && !sr_tok_is(d, &d->tokens[j], "the"))
        j++;
    return j;
}

/* The source phrase starting at token i, up to end: returns its end. */
static size_t np_forward(const sr_claim_ctx *c, size_t i, size_t end)
{
    const sr_doc *d = c->d;
    size_t j = i;
    for (;;) {
        while (j < end && j - i < NP_MAX && np_token(c, j))
            j++;
        /* "the Trade and Industry Secretary": "and" between capitalised words */
        if (j > i && j + 1 < end && sr_tok_is(d, &d->tokens[j], "and") &&
            (d->tokens[j - 1].flags & SR_TF_UPPER) && (d->tokens[j + 1].flags & SR_TF_UPPER) &&
            np_token(c, j + 1))
            j++;
        else
            break;
    }
    while (j > i && is_hyphen(c->d, j - 1))
        j--;
    return j;
}

/* Words and numbers in [a, b): is there content (something a claim could be)? */
static bool content(const sr_doc *d, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (d->tokens[i].kind == SR_TOK_WORD || d->tokens[i].kind == SR_TOK_NUM)
            return true;
    return false;
}

/* A new attribution of the current sentence with source [s, e), clause [c0, c1) and
 * kind, undated; or NULL: out of memory (c->nomem) or past the sentence's limit (then
 * nothing is recorded). */
static sr_attrib *push(sr_claim_ctx *c, size_t s, size_t e, size_t c0, size_t c1, uint8_t kind)
{
    if (c->natt - c->cur_first >= SR_MAX_ATTRIBS_PER_SENTENCE)
        return NULL;
    sr_attrib *a =
        sr_arena_push(c->d->arena, (void **)&c->att, &c->natt, &c->cap_att, sizeof *c->att, 16);
    if (!a) {
        c->nomem = 1;
        return NULL;
    }
    a->src_first = (uint32_t)s;
    a->src_end = (uint32_t)e;
    a->clause_first = (uint32_t)c0;
    a->clause_end = (uint32_t)c1;
    a->date = -1;
    a->kind = kind;
    return a;
}

/* After the verb: dates ("on Tuesday"), "in a statement", "that", and an audience
 * ("told reporters") belong to the attribution clause. Returns the clause end. */
static size_t clause_tail(const sr_claim_ctx *c, size_t v, size_t end, int32_t *date)
{
    const sr_doc *d = c->d;
    size_t j = v + 1;
    for (int guard = 0; j < end && guard < 8; guard++) {
        if (c->date_at[j] >= 0) {
            *date = c->date_at[j];
            while (j < end && c->date_at[j] == *date)
                j++;
        } else if (sr_tok_is(d, &d->tokens[j], "on") && j + 1 < end && c->date_at[j + 1] >= 0) {
            j++;
        } else if (sr_tok_is(d, &d->tokens[j], "that")) {
            return j + 1;
        } else if (sr_tok_is(d, &d->tokens[j], "in") && j + 2 < end &&
                   (sr_tok_is(d, &d->tokens[j + 1], "a") ||
                    sr_tok_is(d, &d->tokens[j + 1], "its")) &&
                   (sr_tok_is(d, &d->tokens[j + 2], "statement") ||
                    sr_tok_is(d, &d->tokens[j + 2], "report"))) {
            j += 3;
        } else {
            break;
        }
    }
    return j;
}

/* A weak reporting verb ("reports", "say") reads as a verb only after a noun-like word
 * and before something a statement can start with. */
static bool weak_verb_ok(const sr_claim_ctx *c, size_t v, size_t first, size_t end)
{
    const sr_doc *d = c->d;
    if (v == first || v + 1 >= end)
        return false;
    if (is_comma(d, v - 1, first)) /* "Barclays, which owns ..., forecast" */
        return d->tokens[v + 1].kind == SR_TOK_WORD && !(d->tokens[v + 1].flags & SR_TF_UPPER);
    if (!is_word(d, v - 1))
        return false;
    uint32_t prev = sr_claim_word(c, v - 1);
    if (prev & (SR_CW_STOP | SR_CW_SAY | SR_CW_SAY_WEAK | SR_CW_MAYBE))
        return (prev & SR_CW_PRONOUN) != 0;
    static const char *const prep[] = {"of", "in", "to", "for", "by", "with", "on", "from",
                                       "such", "no", "any"};
    if (prev & SR_CW_DET)
        return false;
    for (size_t k = 0; k < sizeof prep / sizeof prep[0]; k++)
        if (sr_tok_is(d, &d->tokens[v - 1], prep[k]))
            return false;
    const sr_token *n = &d->tokens[v + 1];
    if (n->kind == SR_TOK_NUM || c->date_at[v + 1] >= 0)
        return true; /* not before a comma: "beat profit forecasts, posting ..." */
    if (n->kind != SR_TOK_WORD)
        return false;
    return (n->flags & SR_TF_UPPER) || sr_tok_is(d, n, "that") || sr_tok_is(d, n, "the") ||
           sr_tok_is(d, n, "there") || sr_tok_is(d, n, "about") ||
           sr_tok_is(d, n, "more") || sr_tok_is(d, n, "at") ||
           (sr_claim_word(c, v + 1) & SR_CW_PRONOUN);
}

/* Sets the scope from where the clause sits in the sentence [first, end). */
static void set_scope(const sr_claim_ctx *c, sr_attrib *a, size_t first, size_t end)
{
    const sr_doc *d = c->d;
    size_t lead = a->src_first;
    bool intro = lead == first || sr_tok_is(d, &d->tokens[lead - 1], "that") ||
                 (sr_claim_word(c, lead - 1) & SR_CW_STOP) || !content(d, first, lead);
    bool before = !intro && content(d, first, a->src_first);
    bool after = content(d, a->clause_end, end);
    if (before && after) {
        a->scope_first = (uint32_t)first;
        a->scope_end = (uint32_t)end;
    } else if (before) {
        a->scope_first = (uint32_t)first;
        a->scope_end = a->clause_first;
    } else {
        a->scope_first = a->clause_end;
        a->scope_end = (uint32_t)end;
    }
}

/* Source before the verb, with an appositive ("Jeon, a spokesman, said") folded in. */
/* "Jeon, a spokesman for the ministry said": an appositive that starts with a
 * determiner folds the name before it into the source [s, k). Returns the start. */
static size_t with_determined_appositive(const sr_claim_ctx *c, size_t first, size_t s, size_t k)
{
    const sr_doc *d = c->d;
    if (s < k && is_comma(d, s - 1, first) &&
        (sr_tok_is(d, &d->tokens[s], "a") || sr_tok_is(d, &d->tokens[s], "an") ||
         sr_tok_is(d, &d->tokens[s], "the"))) {
        size_t name = np_back(c, first, s - 1);
        if (name < s - 1 && (d->tokens[name].flags & SR_TF_UPPER))
            return name;
    }
    return s;
}

static size_t subject_of(const sr_claim_ctx *c, size_t first, size_t v)
{
    const sr_doc *d = c->d;
    size_t k = v;
    while (k > first && c->date_at[k - 1] < 0 &&
           ((sr_claim_word(c, k - 1) & SR_CW_SKIP) || is_adverb(d, k - 1)))
        k--; /* "has also said", "quite rightly said" */
    while (k > first && c->date_at[k - 1] >= 0)
        k--; /* "the ministry on Tuesday said" */
    size_t s = np_back(c, first, k);
    if (s < k)
        return with_determined_appositive(c, first, s, k);
    if (!is_comma(d, k - 1, first))
        return v; /* nothing that can speak: "We have quite rightly said" */
    /* a comma right before the verb closes an appositive or a relative clause: "Rod
     * Eddington, BA's chief executive, said", "Barclays, which owns the Woolwich,
     * forecast", "The research, carried out by X, says" */
    size_t app = np_back(c, first, k - 1);
    if (app > first && (sr_claim_word(c, app - 1) & SR_CW_STOP) &&
        (sr_tok_is(d, &d->tokens[app - 1], "which") || sr_tok_is(d, &d->tokens[app - 1], "who")))
        app--;
    if (app == k - 1 || !is_comma(d, app - 1, first))
        return v;
    size_t name = np_back(c, first, app - 1);
    return name < app - 1 ? name : v;
}

/* ", a customs officer" after a name: returns the end of the appositive, or e. */
static size_t appositive_after(const sr_claim_ctx *c, size_t e, size_t end)
{
    const sr_doc *d = c->d;
    if (e + 2 >= end || d->tokens[e].kind != SR_TOK_PUNCT || d->clean[d->tokens[e].start] != ',')
        return e;
    if (!sr_tok_is(d, &d->tokens[e + 1], "a") && !sr_tok_is(d, &d->tokens[e + 1], "an") &&
        !sr_tok_is(d, &d->tokens[e + 1], "the"))
        return e;
    size_t f = np_forward(c, e + 1, end);
    return f > e + 2 ? f : e;
}

/* A subject fit for a weak verb ("analysts say", "Oxfam estimates"): a name, a pronoun,
 * or a head such as "officials" or "figures". */
static bool weak_subject_ok(const sr_claim_ctx *c, size_t first, size_t s, size_t e)
{
    if (sr_claim_word(c, e - 1) & SR_CW_AGENTIVE)
        return true;
    for (size_t k = s; k < e; k++)
        if ((c->d->tokens[k].flags & SR_TF_UPPER) &&
            (k > first || !(sr_claim_word(c, k) & (SR_CW_STOP | SR_CW_DET))))
            return true;
    return false;
}

static bool ends_ing(const sr_doc *d, size_t v)
{
    const sr_token *t = &d->tokens[v];
    return t->end - t->start > 4 && !memcmp(d->clean + t->end - 3, "ing", 3);
}

/* One reporting verb at token v of the sentence [first, end); weak: the verb may be a
 * noun ("reports") and needs a subject that can report. */
static sr_status verb_at(sr_claim_ctx *c, size_t first, size_t end, size_t v, bool weak)
{
    const sr_doc *d = c->d;
    if (v > first && (sr_tok_is(d, &d->tokens[v - 1], "an") || sr_tok_is(d, &d->tokens[v - 1], "a") ||
                      sr_tok_is(d, &d->tokens[v - 1], "the")))
        return SR_OK; /* "an estimated 1,000", "the reported figure" */
    if (v > first && d->tokens[v - 1].kind == SR_TOK_NUM)
        return SR_OK; /* "1,000 confirmed cases" */
    if (v > first && d->tokens[v - 1].kind == SR_TOK_WORD && d->tokens[v - 1].end - d->tokens[v - 1].start > 2 &&
        !memcmp(d->clean + d->tokens[v - 1].end - 2, "'s", 2))
        return SR_OK; /* "BA's estimated revenues" */
    int32_t date = -1;
    size_t s = subject_of(c, first, v), e = v;
    bool inverted = false;
    if (s == v) {
        /* nothing before the verb: "\"...,\" said the minister" */
        size_t f = np_forward(c, v + 1, end);
        if (f == v + 1 || v == first || !sr_claim_boundary(d, v - 1))
            return SR_OK;
        e = appositive_after(c, f, end);
        if (e < end && !sr_claim_boundary(d, e) && d->tokens[e].kind != SR_TOK_PUNCT)
            return SR_OK; /* "said the results were ...": an object, not a speaker */
        s = v + 1, inverted = true;
    } else {
        /* trim "skip" words and dates kept between the source and the verb */
        while (e > s && (!np_token(c, e - 1) || (sr_claim_word(c, e - 1) & SR_CW_SKIP) ||
                         is_adverb(d, e - 1)))
            e--;
        if (e == s)
            return SR_OK;
        if (weak && !weak_subject_ok(c, first, s, e))
            return SR_OK;
        if (s > first && d->tokens[s - 1].kind == SR_TOK_NUM && ends_with(d, v, "ed"))
            return SR_OK; /* "the 246,570 cases reported": a participle after the figure */
        /* a participle reports only after "with" or a comma: "with some reports saying" */
        if (ends_ing(d, v) && s > first && !sr_tok_is(d, &d->tokens[s - 1], "with") &&
            !is_comma(d, s - 1, first))
            return SR_OK;
    }
    size_t c1 = inverted ? e : clause_tail(c, v, end, &date);
    sr_attrib *a = push(c, s, e, s, c1, SR_SOURCE_NAMED);
    if (!a)
        return c->nomem ? SR_NOMEM : SR_OK;
    a->date = date;
    for (size_t k = s; k < v && date < 0; k++)
        if (c->date_at[k] >= 0)
            a->date = c->date_at[k];
    a->pronoun = e - s == 1 && (sr_claim_word(c, s) & SR_CW_PRONOUN);
    set_scope(c, a, first, end);
    return SR_OK;
}

/* "according to X", "citing X": the phrase after the cue. */
static sr_status cite_at(sr_claim_ctx *c, size_t first, size_t end, size_t cue, size_t np)
{
    size_t e = np_forward(c, np, end);
    if (e == np)
        return SR_OK;
    sr_attrib *a = push(c, np, e, cue, e, SR_SOURCE_NAMED);
    if (!a)
        return c->nomem ? SR_NOMEM : SR_OK;
    a->cites = 1;
    a->scope_first = (uint32_t)first;
    a->scope_end = (uint32_t)end;
    return SR_OK;
}

/* "weekend newspaper reports that CLAIM": an anonymous source whose phrase ends with the
 * noun; scope after "that". Reports nobody names stay unnamed (classify keeps names). */
static sr_status noun_report_at(sr_claim_ctx *c, size_t first, size_t end, size_t n)
{
    size_t s = np_back(c, first, n);
    sr_attrib *a = push(c, s, n + 1, s, n + 2, SR_SOURCE_NAMED);
    if (!a)
        return c->nomem ? SR_NOMEM : SR_OK;
    a->scope_first = a->clause_end;
    a->scope_end = (uint32_t)end;
    return SR_OK;
}

/* An unnamed source marked in the text itself: "is said to", "reportedly". */
static sr_status unnamed_at(sr_claim_ctx *c, size_t first, size_t end, size_t a0, size_t a1)
{
    sr_attrib *a = push(c, a0, a1, a0, a1, SR_SOURCE_UNNAMED);
    if (!a)
        return c->nomem ? SR_NOMEM : SR_OK;
    a->marker = 1;
    a->scope_first = (uint32_t)first;
    a->scope_end = (uint32_t)end;
    return SR_OK;
}

/* "is said to", "are currently believed to", "it is estimated that", "is estimated
 * 1,000": a passive reporting verb after the form of "be" at i. Returns the end of the
 * phrase (after "to"/"that"; before a number), or i when there is none. */
static size_t passive_at(const sr_claim_ctx *c, size_t i, size_t end)
{
    const sr_doc *d = c->d;
    size_t v = i + 1;
    if (v < end && is_word(d, v) && !(sr_claim_word(c, v) & SR_CW_PASSIVE) &&
        d->clean[d->tokens[v].end - 1] == 'y' && d->clean[d->tokens[v].end - 2] == 'l')
        v++; /* an adverb: "currently", "widely" */
    if (v + 1 >= end || !(sr_claim_word(c, v) & SR_CW_PASSIVE))
        return i;
    const sr_token *n = &d->tokens[v + 1];
    if (sr_tok_is(d, n, "to") || sr_tok_is(d, n, "that"))
        return v + 2;
    return n->kind == SR_TOK_NUM ? v + 1 : i;
}

static sr_status sentence_attribs(sr_claim_ctx *c, size_t first, size_t end)
{
    const sr_doc *d = c->d;
    sr_status st = SR_OK;
    size_t p;
    for (size_t i = first; i < end && !st; i++) {
        if (!is_word(d, i) || c->date_at[i] >= 0)
            continue;
        uint32_t w = sr_claim_word(c, i);
        if (!w && !sr_tok_is(d, &d->tokens[i], "according") &&
            !sr_tok_is(d, &d->tokens[i], "citing"))
            continue;
        if (sr_tok_is(d, &d->tokens[i], "according") && i + 1 < end &&
            sr_tok_is(d, &d->tokens[i + 1], "to"))
            st = cite_at(c, first, end, i, i + 2);
        else if (sr_tok_is(d, &d->tokens[i], "citing"))
            st = cite_at(c, first, end, i, i + 1);
        else if ((w & SR_CW_BE) && (p = passive_at(c, i, end)) > i)
            st = unnamed_at(c, first, end, i, p), i = p - 1;
        else if (w & SR_CW_HEDGED)
            st = unnamed_at(c, first, end, i, i + 1);
        else if ((w & (SR_CW_SAY | SR_CW_SAY_WEAK)) && i + 1 < end && i > first &&
                 sr_tok_is(d, &d->tokens[i + 1], "by") &&
                 (sr_claim_word(c, i - 1) & SR_CW_REPORTISH))
            st = cite_at(c, first, end, i, i + 2); /* "proposals announced by X" */
        else if ((w & SR_CW_SAY_WEAK) && i + 1 < end && sr_tok_is(d, &d->tokens[i + 1], "that") &&
                 (w & SR_CW_AGENTIVE))
            st = noun_report_at(c, first, end, i); /* "newspaper reports that ..." */
        else if (i + 1 < end && sr_tok_is(d, &d->tokens[i + 1], "by"))
            continue; /* "fraud reported by consumers": a passive, nobody reports */
        else if (w & SR_CW_SAY)
            st = verb_at(c, first, end, i, false);
        else if ((w & SR_CW_SAY_WEAK) && weak_verb_ok(c, i, first, end))
            st = verb_at(c, first, end, i, true);
    }
    return st;
}

/* A source phrase whose head is "officials", "sources", "reports" and that names no
 * country or organisation is anonymous. */
static void classify(sr_claim_ctx *c, sr_attrib *a)
{
    if (a->kind != SR_SOURCE_NAMED || a->pronoun)
        return;
    size_t head = a->src_end - 1;
    if (!(sr_claim_word(c, head) & SR_CW_UNNAMED))
        return;
    for (size_t k = a->src_first; k < a->src_end; k++) {
        if (k > a->src_first && (c->d->tokens[k].flags & SR_TF_UPPER))
            return; /* "ONS figures", "Pentagon officials" */
        int32_t m = c->actor_at[k];
        if (m >= 0 && !(c->m[m].u.actor.flags & SR_ACTOR_ROLE))
            return;
        if (c->place_at[k] >= 0)
            return;
    }
    a->kind = SR_SOURCE_UNNAMED;
}

sr_status sr_attrib_find(sr_claim_ctx *c)
{
    sr_doc *d = c->d;
    c->sent_att = sr_arena_alloc(d->arena, (d->nsentences + 1) * sizeof *c->sent_att);
    if (!c->sent_att)
        return SR_NOMEM;
    for (size_t s = 0; s < d->nsentences; s++) {
        c->sent_att[s] = (uint32_t)c->natt;
        c->cur_first = c->natt;
        const sr_sentence *se = &d->sentences[s];
        if (!sr_claim_prose(se) || !c->need[s])
            continue;
        sr_status st = sentence_attribs(c, se->first_token, se->first_token + se->ntokens);
        if (st)
            return st;
    }
    c->sent_att[d->nsentences] = (uint32_t)c->natt;
    for (size_t k = 0; k < c->natt; k++) {
        classify(c, &c->att[k]);
        for (size_t t = c->att[k].clause_first; t < c->att[k].clause_end; t++)
            c->in_att[t] = 1;
    }
    return SR_OK;
}

/* "the minister said" after "Ukraine's defence minister": a role without a country
 * ("GOV") stands for the nearest actor before token p, within ROLE_SENTENCES
 * sentences, whose code holds that role after a country or organisation ("UKRGOVMIL").
 * Returns that code, or role itself when none does. */
static const char *role_holder(const sr_claim_ctx *c, size_t p, const char *role)
{
    const sr_doc *d = c->d;
    size_t n = strlen(role);
    if (!n || p >= d->ntokens)
        return role;
    size_t from = sr_claim_back(d, sr_claim_sentence(d, p), ROLE_SENTENCES);
    for (size_t k = p; k-- > from;) {
        int32_t m = c->actor_at[k];
        if (m < 0 || (c->m[m].u.actor.flags & SR_ACTOR_ROLE))
            continue;
        const char *code = c->m[m].u.actor.code;
        const char *at = code ? strstr(code + 1, role) : NULL;
        if (at && at - code >= 3)
            return code;
    }
    return role;
}

/* Actor codes named inside tokens [a, b), in order, at most SR_SOURCE_MAX_ACTORS; a
 * bare role takes the code of the actor holding it before (role_holder). */
static void actors_in(const sr_claim_ctx *c, size_t a, size_t b, sr_source *out)
{
    int32_t last = -1;
    for (size_t k = a; k < b && out->nactors < SR_SOURCE_MAX_ACTORS; k++) {
        int32_t m = c->actor_at[k];
        if (m < 0 || m == last)
            continue;
        last = m;
        const sr_actor *act = &c->m[m].u.actor;
        out->actors[out->nactors++] =
            act->flags & SR_ACTOR_ROLE ? role_holder(c, a, act->code) : act->code;
    }
}

/* The named speaker a pronoun at token p refers to, as a token range [*rs, *re), within
 * the three sentences before it: the nearest actor that is a person (for he/she) or not
 * (for they/it); else the nearest named, non-pronoun source; else (he/she) the nearest
 * name of two capitalised words or a title and a name ("Mr Eddington"). */
static bool referent(const sr_claim_ctx *c, size_t p, bool person, size_t *rs, size_t *re)
{
    const sr_doc *d = c->d;
    uint32_t sent = sr_claim_sentence(d, p);
    size_t stop_tok = sr_claim_back(d, sent, REFERENT_SENTENCES);
    for (size_t k = p; k-- > stop_tok;) {
        int32_t m = c->actor_at[k];
        if (m < 0)
            continue;
        uint8_t f = c->m[m].u.actor.flags;
        if (person ? (f & SR_ACTOR_PERSON) != 0 : !(f & (SR_ACTOR_PERSON | SR_ACTOR_ROLE))) {
            for (*re = k + 1; k > stop_tok && c->actor_at[k - 1] == m; k--)
                ;
            *rs = k;
            return true;
        }
    }
    for (size_t a = c->sent_att[sent];
         a-- > c->sent_att[sent >= REFERENT_SENTENCES ? sent - REFERENT_SENTENCES : 0];) {
        const sr_attrib *at = &c->att[a];
        if (at->kind == SR_SOURCE_NAMED && !at->pronoun && at->src_end <= p) {
            *rs = at->src_first, *re = at->src_end;
            return true;
        }
    }
    for (size_t k = p; person && k-- > stop_tok + 1;) {
        const sr_token *t = &d->tokens[k], *u = &d->tokens[k - 1];
        if (t->kind == SR_TOK_WORD && u->kind == SR_TOK_WORD && (t->flags & SR_TF_UPPER) &&
            (u->flags & SR_TF_UPPER) && !(sr_claim_word(c, k - 1) & (SR_CW_STOP | SR_CW_DET))) {
            *rs = k - 1, *re = k + 1;
            return true;
        }
    }
    return false;
}

static void make_source(const sr_claim_ctx *c, const sr_attrib *a, sr_source *out)
{
    const sr_doc *d = c->d;
    memset(out, 0, sizeof *out);
    out->kind = a->kind;
    out->start = d->tokens[a->src_first].start;
    out->end = d->tokens[a->src_end - 1].end;
    if (!a->pronoun) {
        actors_in(c, a->src_first, a->src_end, out);
        return;
    }
    bool person = sr_tok_is(d, &d->tokens[a->src_first], "he") ||
                  sr_tok_is(d, &d->tokens[a->src_first], "she");
    size_t rs, re;
    if (!referent(c, a->src_first, person, &rs, &re))
        return; /* an unresolved pronoun stays as written */
    out->pronoun_start = out->start;
    out->pronoun_end = out->end;
    out->start = d->tokens[rs].start;
    out->end = d->tokens[re - 1].end;
    actors_in(c, rs, re, out);
}

const sr_source *sr_attrib_source(const sr_claim_ctx *c, sr_attrib *a)
{
    if (!a->resolved) {
        make_source(c, a, &a->source);
        a->resolved = 1;
    }
    return &a->source;
}
