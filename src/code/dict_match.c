/* dict_match.c: finding dictionary phrases in a document's tokens.
 *
 * From a start token the matcher follows WHOLE edges of the trie, one token per step,
 * keyed by the hash each word token already carries (other tokens are hashed here) and
 * verified against the interned word. At every step the token may also end a phrase as
 * a stem (a STEM edge for each stem length the dictionary has, probed with the token's
 * prefix hashes) or as a whole word plus "S"; those are candidates, never continued,
 * so the walk is a single path of at most SR_DICT_MAX_PHRASE_TOKENS steps. The longest
 * candidate wins; at equal length an exact word beats a plural, which beats a stem. */
#include "dict_int.h"

static bool same_folded(const char *word, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z')
            c |= 0x20;
        if ((unsigned char)word[i] != c)
            return false;
    }
    return true;
}

uint32_t sr_dict_edge_find(const sr_dict *d, uint32_t parent, uint32_t hash, int kind,
                           const char *s, size_t n)
{
    if (!d->cap_edges || !sr_dict_filter_maybe(d, parent, hash, kind))
        return 0;
    size_t mask = d->cap_edges - 1;
    for (size_t j = sr_dict_edge_slot(parent, hash, kind, d->cap_edges);; j = (j + 1) & mask) {
        const dict_edge *e = &d->edges[j];
        if (!e->child)
            return 0;
        if (e->parent != parent || e->hash != hash || e->kind != kind)
            continue;
        const dict_word *w = &d->words[e->word];
        if (w->len == n && same_folded(w->s, s, n))
            return e->child;
    }
}

typedef struct {
    const sr_dict *d;
    unsigned kinds;
    uint32_t phrase; /* id + 1; 0: no candidate yet */
    uint32_t end;
    uint8_t how;
} best_match;

/* The phrase of a requested kind ending at node (actors first), id + 1 or 0. */
static uint32_t node_phrase(const sr_dict *d, uint32_t node, unsigned kinds)
{
    for (int k = 0; k < 2; k++)
        if ((kinds >> k & 1) && d->nodes[node].entry[k])
            return d->nodes[node].entry[k];
    return 0;
}

static void consider(best_match *b, uint32_t node, uint32_t end, int how)
{
    if (!node || (b->phrase && end <= b->end))
        return;
    uint32_t ph = node_phrase(b->d, node, b->kinds);
    if (!ph || (how == SR_MATCH_PLURAL && !b->d->phrases[ph - 1].plural_ok))
        return;
    b->phrase = ph;
    b->end = end;
    b->how = (uint8_t)how;
}

/* A hyphen or an underscore between words: TABARI reads both as joining blanks. */
static bool is_hyphen(const sr_doc *doc, const sr_token *t)
{
    return t->kind == SR_TOK_PUNCT && t->end - t->start == 1 &&
           (doc->clean[t->start] == '-' || doc->clean[t->start] == '_');
}

/* Punctuation a skip in a gapped phrase may not pass: clause and sentence marks. */
static bool stops_gap(const sr_doc *doc, const sr_token *t)
{
    return t->kind == SR_TOK_PUNCT && t->end - t->start == 1 &&
           strchr(",;:.!?()[]", doc->clean[t->start]);
}

/* Offers the endings of word s[0..n) other than the exact word: plural and stems, along
 * edges of kind gap (0 or EDGE_GAP). */
static void inexact_endings(best_match *b, uint32_t node, const char *s, size_t n, uint32_t h,
                            uint32_t end, int gap)
{
    const sr_dict *d = b->d;
    bool plural = n >= 2 && (s[n - 1] | 0x20) == 's';
    if (!d->stem_lens) { /* no stems (the built-in set): only the plural */
        if (plural)
            consider(b,
                     sr_dict_edge_find(d, node, sr_word_hash_unstep(h, (unsigned char)s[n - 1]),
                                       EDGE_WHOLE | gap, s, n - 1),
                     end, SR_MATCH_PLURAL);
        return;
    }
    uint32_t pre[SR_DICT_MAX_WORD + 1];
    size_t m = n < SR_DICT_MAX_WORD ? n : SR_DICT_MAX_WORD;
    uint32_t ph = SR_WORD_HASH_SEED;
    for (size_t k = 0; k < m; k++) {
        ph = sr_word_hash_step(ph, (unsigned char)s[k]);
        pre[k + 1] = ph;
    }
    if (n >= 2 && n - 1 <= m && (s[n - 1] | 0x20) == 's')
        consider(b, sr_dict_edge_find(d, node, pre[n - 1], EDGE_WHOLE | gap, s, n - 1), end,
                 SR_MATCH_PLURAL);
    /* stem lengths up to m, longest first: only lengths some stem has are probed */
    uint64_t lens = m >= 64 ? d->stem_lens : d->stem_lens & (((uint64_t)1 << m) - 1);
    while (lens) {
        size_t k = 64 - (size_t)__builtin_clzll(lens);
        lens &= ~((uint64_t)1 << (k - 1));
        consider(b, sr_dict_edge_find(d, node, pre[k], EDGE_STEM | gap, s, k), end, SR_MATCH_STEM);
    }
}

/* Picks the code sets of record r valid on day: the first restricted set whose interval
 * holds the day, else the first default, else none; and fills in what the record names
 * and its first code. */
static void resolve(const sr_dict *d, uint32_t r, bool dated, int32_t day, sr_dict_match *m)
{
    const dict_record *rec = &d->records[r];
    const dict_codeset *def = NULL, *hit = NULL;
    for (uint32_t k = 0; k < rec->nsets && !hit; k++) {
        const dict_codeset *s = &d->sets[rec->first_set + k];
        if (!s->restricted) {
            if (!def)
                def = s;
        } else if (dated && s->lo <= day && day <= s->hi) {
            hit = s;
        }
    }
    if (!hit)
        hit = def;
    m->ncodes = hit ? hit->n : 0;
    m->codes = hit ? d->code_refs + hit->first : NULL;
    const dict_codeset *first = rec->nsets ? &d->sets[rec->first_set] : NULL;
    m->first_code = first && first->n ? d->code_refs[first->first] : NULL;
    m->entry = sr_dict_record_entry(d, r);
}

/* Token k tried as the next word after node along edges of kind gap: the phrases it
 * ends are offered to b; the node it continues to, or 0. */
static uint32_t step(best_match *b, const sr_doc *doc, uint32_t node, size_t k, int gap)
{
    const sr_token *t = &doc->tokens[k];
    const char *s = doc->clean + t->start;
    size_t n = t->end - t->start;
    uint32_t h = t->kind == SR_TOK_WORD ? t->hash : sr_word_hash(s, n);
    uint32_t next = sr_dict_edge_find(b->d, node, h, EDGE_WHOLE | gap, s, n);
    consider(b, next, (uint32_t)k + 1, SR_MATCH_EXACT);
    if (t->kind == SR_TOK_WORD)
        inexact_endings(b, node, s, n, h, (uint32_t)k + 1, gap);
    return next;
}

/* The phrase continued from node (steps words matched, the last before token k) in a
 * dictionary with gap edges: the next word at once, then each of the next
 * SR_DICT_MAX_GAP + 1 tokens along gap edges, depth first, while *probes last. Words
 * found without a skip are offered first, so they win ties. */
static void walk_gapped(best_match *b, const sr_doc *doc, uint32_t node, size_t k, size_t end,
                        size_t steps, unsigned *probes)
{
    if (steps >= SR_DICT_MAX_PHRASE_TOKENS)
        return;
    size_t at = k;
    while (at < end && is_hyphen(doc, &doc->tokens[at]))
        at++; /* TABARI reads a hyphen as a blank */
    if (at < end && *probes) {
        --*probes;
        uint32_t next = step(b, doc, node, at, 0);
        if (next)
            walk_gapped(b, doc, next, at + 1, end, steps + 1, probes);
    }
    for (size_t q = k; q < end && q <= k + SR_DICT_MAX_GAP && *probes; q++) {
        if (stops_gap(doc, &doc->tokens[q]))
            break;
        if (is_hyphen(doc, &doc->tokens[q]))
            continue;
        --*probes;
        uint32_t next = step(b, doc, node, q, EDGE_GAP);
        if (next)
            walk_gapped(b, doc, next, q + 1, end, steps + 1, probes);
    }
}

bool sr_dict_find(const sr_dict *d, const sr_doc *doc, size_t i, size_t end, sr_ymd day,
                  unsigned kinds, sr_dict_match *m)
{
    if (end > doc->ntokens)
        end = doc->ntokens;
    if (i >= end || is_hyphen(doc, &doc->tokens[i]) || !d->cap_edges)
        return false;
    best_match b = {d, kinds, 0, 0, 0};
    uint32_t node = step(&b, doc, 0, i, 0);
    if (node && d->gapped) {
        unsigned probes = SR_DICT_GAP_PROBES;
        walk_gapped(&b, doc, node, i + 1, end, 1, &probes);
    } else {
        for (size_t k = i + 1, steps = 1; node && k < end && steps < SR_DICT_MAX_PHRASE_TOKENS;
             k++) {
            if (is_hyphen(doc, &doc->tokens[k]))
                continue; /* TABARI reads a hyphen as a blank */
            node = step(&b, doc, node, k, 0);
            steps++;
        }
    }
    if (!b.phrase)
        return false;
    const dict_phrase *ph = &d->phrases[b.phrase - 1];
    m->first = (uint32_t)i;
    m->end = b.end;
    m->kind = ph->kind;
    m->how = b.how;
    m->phrase = b.phrase - 1;
    m->text = ph->text;
    m->primary = d->records[ph->record].primary;
    bool dated = day.year != 0 && sr_ymd_valid(day);
    resolve(d, ph->record, dated, dated ? sr_ymd_to_days(day) : 0, m);
    return true;
}

bool sr_dict_next(const sr_dict *d, const sr_doc *doc, size_t *i, size_t end, sr_ymd day,
                  unsigned kinds, sr_dict_match *m)
{
    if (end > doc->ntokens)
        end = doc->ntokens;
    for (; *i < end; (*i)++) {
        if (sr_dict_find(d, doc, *i, end, day, kinds, m)) {
            *i = m->end;
            return true;
        }
    }
    return false;
}
