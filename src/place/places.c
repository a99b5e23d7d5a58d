/* places.c: the place stage: finds place names among a document's tokens; the resolver
 * (places_resolve.c) then picks one gazetteer entry for each, or none.
 *
 * The rules, for an analyst who wants few false places and the right one of many:
 *
 *  Finding a name
 *  1. A name starts at a capitalised word that no earlier recogniser consumed (dates
 *     take "March", "May"), so "reading" or "nice" never start one. It is the longest
 *     run of tokens (at most SR_GAZ_MAX_NAME_TOKENS, never across a sentence end or a
 *     line break) that spells a gazetteer name; the match is checked against the name's
 *     text, white space aside, and a capital in the name must be a capital in the text
 *     ("New York", not "New york"); capitals-only names ("US", "UK") must be exact, and
 *     a short capitals-only word ("NATO") never matches a mixed-case name ("Nato").
 *     Page furniture is skipped.
 *  2. "<name> region" (oblast, province, governorate, prefecture, state, krai) makes a
 *     region of a name that is a region or the seat of one (GeoNames PPLA, or a capital
 *     for its own division): "Kursk region" is Kurskaja oblast', not the city. A plural
 *     ("the Kursk and Belgorod regions") does so for every name of the list.
 *
 *  Telling a place from a word or a person (names are marked in the file: "~" common
 *  English word, "@" common first name)
 *  3. After an honorific or title ("Mr", "Dr", "President") nothing is a place. A name
 *     listed as no place ("Asia", "Latin America") wins its match and gives nothing.
 *  4. A first name after or before another capitalised word ("Michael Jordan", "Jordan
 *     Bardella", "Chad Smith") is a person's, even a country's name.
 *  5. No city or region (countries are exempt) after a capitalised word in mid-sentence
 *     that is no preposition, article or direction ("Real Madrid", "Barack Obama";
 *     "Eastern Ukraine", "In Kursk" stay), after another name's possessive ("People's
 *     Republic", but "Russia's Kursk" stays), glued after "<word>-" ("Indo-Pacific"); no
 *     city after "the" ("the Pacific", "the Duma") unless a city of 100,000 people is
 *     used as an adjective ("the Kursk offensive"), nor a region after "the" before a
 *     capitalised word ("The New York Times").
 *  6. A common word ("Reading", "Split", "Police") is a place only in mid-sentence after
 *     a locative word ("in", "at", "near", "to", "from", "visited", ...) or before ",
 *     <its country or region>", never first in its sentence, before "of" or before a
 *     capitalised word; and under 100,000 people (a region: a million) only when the
 *     document also names its country.
 *  7. Cities need more evidence the smaller they are. A place under 15,000 people needs
 *     its region named in the document, a region of fewer than 10 million people
 *     ("England" vouches for no village), or ", <its country or region>" after it. One
 *     under 500,000 needs a locative word (or "of") and its country named, or its region
 *     named, and is no place before "said", "of" or a capitalised word ("Kress said",
 *     "University of Lille", "Manchester United"). Larger cities stand alone. A region
 *     needs its country named unless it is large (its places hold a million people),
 *     and a small one is no place before "said", "of" or a capitalised word.
 *
 *  Resolving (places_resolve.c)
 *  8. Context is what the document says without doubt: each country it names and each
 *     name all of whose plausible readings lie in one country (a region likewise). The
 *     names are resolved once with that context, and again with the countries and
 *     regions of those first choices (a name never vouching for itself or for the same
 *     name elsewhere), so "Atlanta" makes "Georgia" American.
 *  9. Among the readings the rules allow, the best scores: log10 of the population (a
 *     country's or region's is that of its places) plus 1 for a country, minus 1 for a
 *     region, plus 0.5 for a national capital, plus 1 for a country the document names
 *     (1.5 from three mentions), plus 1 for a region it names. So "Paris" alone is
 *     France's, "Paris" in a story about Texas is Paris, Texas, "Georgia" is the country
 *     unless the story is American. ", <region or country>" after a name that is no
 *     country keeps only the readings there ("Paris, Texas"; not in a list "Chile,
 *     Colombia, Mexico").
 *
 * Cost: one hash probe per capitalised word, a few more per name found; the resolver
 * weighs at most SR_GAZ_MAX_CANDIDATES readings per name. Linear in the tokens. */
#include "gaz_int.h"

enum {
    W_LOCATIVE = 1,
    W_HONORIFIC = 2,
    W_EXEMPT = 4,    /* may stand capitalised before a place name */
    W_SUFFIX = 8,    /* "region", "oblast", ... */
    W_SUFFIXES = 16, /* "regions", "oblasts", ... */
    W_AND = 32,
    W_SAY = 64,
    W_OF = 128,
    W_THE = 256,
};

static const char *const locative[] = {
    "in",     "at",      "near",    "to",      "from",    "into",    "outside",    "inside",
    "around", "across",  "towards", "toward",  "via",     "through", "throughout", "within",
    "beyond", "between", "nearby",  "entered", "visited", "visit",   NULL};
static const char *const honorific[] = {
    "mr",       "mrs",        "ms",          "miss",          "mx",         "dr",
    "sir",      "dame",       "lord",        "lady",          "prof",       "professor",
    "rev",      "reverend",   "gen",         "general",       "col",        "colonel",
    "lt",       "lieutenant", "sgt",         "sergeant",      "capt",       "captain",
    "cpl",      "corporal",   "maj",         "major",         "president",  "senator",
    "sen",      "rep",        "congressman", "congresswoman", "governor",   "gov",
    "mayor",    "minister",   "chancellor",  "king",          "queen",      "prince",
    "princess", "pope",       "judge",       "justice",       "officer",    "detective",
    "coach",    "striker",    "midfielder",  "defender",      "goalkeeper", "actor",
    "actress",  "singer",     "father",      "sister",        "brother",    "uncle",
    "aunt",     NULL};
static const char *const exempt[] = {"the",
                                     "a",
                                     "an",
                                     "and",
                                     "or",
                                     "but",
                                     "nor",
                                     "of",
                                     "for",
                                     "on",
                                     "by",
                                     "with",
                                     "as",
                                     "if",
                                     "when",
                                     "while",
                                     "after",
                                     "before",
                                     "since",
                                     "until",
                                     "during",
                                     "over",
                                     "under",
                                     "against",
                                     "along",
                                     "both",
                                     "all",
                                     "neither",
                                     "either",
                                     "even",
                                     "only",
                                     "also",
                                     "like",
                                     "unlike",
                                     "besides",
                                     "then",
                                     "today",
                                     "yesterday",
                                     "tomorrow",
                                     "meanwhile",
                                     "last",
                                     "next",
                                     "this",
                                     "that",
                                     "these",
                                     "those",
                                     "here",
                                     "there",
                                     "where",
                                     "why",
                                     "how",
                                     "what",
                                     "which",
                                     "who",
                                     "whether",
                                     "north",
                                     "south",
                                     "east",
                                     "west",
                                     "northern",
                                     "southern",
                                     "eastern",
                                     "western",
                                     "central",
                                     "northeast",
                                     "northwest",
                                     "southeast",
                                     "southwest",
                                     "northeastern",
                                     "northwestern",
                                     "southeastern",
                                     "southwestern",
                                     "upper",
                                     "lower",
                                     "inner",
                                     "outer",
                                     "greater",
                                     "downtown",
                                     "occupied",
                                     "liberated",
                                     "rural",
                                     "urban",
                                     "coastal",
                                     "mainland",
                                     "metropolitan",
                                     "suburban",
                                     "besieged",
                                     "annexed",
                                     "war",
                                     "torn",
                                     "held",
                                     "controlled",
                                     "based",
                                     "bound",
                                     "born",
                                     "led",
                                     "backed",
                                     "made",
                                     "per",
                                     "than",
                                     "says",
                                     "said",
                                     "told",
                                     "about",
                                     "not",
                                     "no",
                                     "so",
                                     "yet",
                                     "because",
                                     "although",
                                     NULL};
static const char *const suffix[] = {"region", "oblast", "province", "governorate", "prefecture",
                                     "state",  "krai",   "kray",     NULL};
static const char *const suffixes[] = {"regions",     "oblasts", "provinces", "governorates",
                                       "prefectures", "states",  NULL};
static const char *const and_words[] = {"and", NULL};
static const char *const say[] = {"said",  "says",      "say",    "told",     "tells",  "added",
                                  "adds",  "stated",    "wrote",  "writes",   "argued", "argues",
                                  "noted", "explained", "warned", "believes", "thinks", NULL};
static const char *const of_words[] = {"of", NULL};
static const char *const the_words[] = {"the", NULL};

static const sr_wordpart parts[] = {
    SR_WORDPART(locative, W_LOCATIVE), SR_WORDPART(honorific, W_HONORIFIC),
    SR_WORDPART(exempt, W_EXEMPT),     SR_WORDPART(suffix, W_SUFFIX),
    SR_WORDPART(suffixes, W_SUFFIXES), SR_WORDPART(and_words, W_AND),
    SR_WORDPART(say, W_SAY),           SR_WORDPART(of_words, W_OF),
    SR_WORDPART(the_words, W_THE),     {NULL, 0, 0},
};
static sr_wordclass words = {parts, NULL};

static uint32_t word_bits(const sr_doc *d, size_t i)
{
    return sr_wordclass_find(&words, d, &d->tokens[i]);
}

static bool is_punct(const sr_doc *d, size_t i, char c)
{
    const sr_token *t = &d->tokens[i];
    return t->kind != SR_TOK_WORD && t->end - t->start == 1 && d->clean[t->start] == c;
}

/* A capitalised, unconsumed word. */
static bool cap_word(const sr_token *t)
{
    return t->kind == SR_TOK_WORD && (t->flags & SR_TF_UPPER) && !(t->flags & SR_TF_USED);
}

/* "NATO", "ISIS": a capitals-only ASCII word of 2 to 5 letters. */
static bool acronym(const sr_doc *d, const sr_token *t)
{
    size_t n = t->end - t->start;
    if (n < 2 || n > 5)
        return false;
    for (size_t i = 0; i < n; i++)
        if (d->clean[t->start + i] < 'A' || d->clean[t->start + i] > 'Z')
            return false;
    return true;
}

/* Whether a name has no lower-case ASCII letter ("US", "U.S."). */
static bool caps_only(const char *s)
{
    for (; *s; s++)
        if (*s >= 'a' && *s <= 'z')
            return false;
    return true;
}

/* Whether any reading of node is a region or the seat of one. */
static bool regionable(const sr_gazetteer *g, uint32_t node)
{
    size_t seen = 0;
    for (uint32_t p = g->nodes[node].head; p && seen < SR_GAZ_MAX_CANDIDATES;
         p = g->posts[p - 1].next, seen++) {
        const gz_entry *e = &g->entries[g->posts[p - 1].entry];
        if (e->kind == SR_PLACE_REGION || ((e->flags & (GZ_SEAT | GZ_CAPITAL)) && e->region))
            return true;
    }
    return false;
}

/* The longest verified name starting at token i, before token b: its node (0 none) and
 * its end token in *end. */
static uint32_t longest(const sr_gazetteer *g, const sr_doc *d, size_t i, size_t b, size_t *end)
{
    uint32_t path[SR_GAZ_MAX_NAME_TOKENS], node = 0;
    size_t np = 0;
    for (size_t k = i; k < b && np < SR_GAZ_MAX_NAME_TOKENS; k++) {
        const sr_token *u = &d->tokens[k];
        if (k > i && (u->flags & (SR_TF_USED | SR_TF_NEWLINE)))
            break;
        if (!(node = sr_gaz_child(g, node, sr_gaz_tok_hash(d, u))))
            break;
        path[np++] = node;
    }
    while (np--) {
        const gz_node *nd = &g->nodes[path[np]];
        uint32_t s = d->tokens[i].start, e = d->tokens[i + np].end;
        if (!nd->head || !sr_gaz_verify(nd->rep, d->clean + s, e - s))
            continue;
        if (np == 0 && acronym(d, &d->tokens[i]) && !caps_only(nd->rep))
            continue;
        *end = i + np + 1;
        return path[np];
    }
    return 0;
}

/* The cues of match m in the sentence of tokens [a, b) whose first word is fw; the
 * previous match ended at token prev (a when none). */
static uint16_t cues_of(const sr_doc *d, const gz_match *m, size_t a, size_t b, size_t fw,
                        size_t prev)
{
    uint16_t c = 0;
    const sr_token *t = &d->tokens[m->first];
    if (m->first == fw || (t->flags & SR_TF_NEWLINE))
        c |= M_INITIAL;
    if (m->first > a && !(t->flags & SR_TF_NEWLINE)) {
        size_t p = m->first - 1;
        uint32_t bits = word_bits(d, p);
        if (is_punct(d, p, '.') && p > a)
            bits = word_bits(d, p - 1) & W_HONORIFIC; /* "Mr. Jordan" */
        if (bits & W_HONORIFIC)
            c |= M_HONORIFIC;
        if ((bits & W_LOCATIVE) || ((bits & W_THE) && p > a && (word_bits(d, p - 1) & W_LOCATIVE)))
            c |= M_LOCATIVE;
        if (bits & W_OF)
            c |= M_OF;
        if (bits & W_THE)
            c |= M_ARTICLE;
        if (is_punct(d, p, '-') && p > a && !(t->flags & SR_TF_SPACE) &&
            !(d->tokens[p].flags & SR_TF_SPACE) && d->tokens[p - 1].kind == SR_TOK_WORD)
            c |= M_GLUED;
        if (cap_word(&d->tokens[p]) && !(bits & (W_LOCATIVE | W_EXEMPT | W_HONORIFIC)))
            c |= p == fw || (d->tokens[p].flags & SR_TF_NEWLINE) ? M_PREVCAP0 : M_PREVCAP;
        /* "People's Republic": a name's possessive, unless that name is a place
           ("Russia's Kursk") */
        const sr_token *pt = &d->tokens[p];
        if (p > a && pt->kind == SR_TOK_WORD && !(pt->flags & SR_TF_SPACE) &&
            (d->clean[pt->start] == '\'' || (unsigned char)d->clean[pt->start] == 0xE2) &&
            cap_word(&d->tokens[p - 1]))
            c |= prev == p ? M_OWNED : M_PREVCAP;
    }
    if (m->stop < b && cap_word(&d->tokens[m->stop]) && !(d->tokens[m->stop].flags & SR_TF_NEWLINE))
        c |= M_NEXTCAP;
    if (m->stop < b && d->tokens[m->stop].kind == SR_TOK_WORD &&
        !(d->tokens[m->stop].flags & SR_TF_UPPER))
        c |= M_NEXTWORD;
    uint32_t next = m->stop < b ? word_bits(d, m->stop) : 0;
    if (next & W_SAY)
        c |= M_SAY;
    if (next & W_OF)
        c |= M_NEXTOF;
    return c;
}

/* Marks the names listed before a plural region word: "Kursk, Bryansk and Belgorod
 * regions". ms[0..n) are the sentence's matches so far, the last being the one before
 * the plural word. */
static void list_regions(const sr_gazetteer *g, const sr_doc *d, gz_match *ms, size_t n)
{
    for (size_t k = n - 1; k > 0; k--) {
        gz_match *prev = &ms[k - 1];
        for (size_t t = prev->stop; t < ms[k].first; t++)
            if (!is_punct(d, t, ',') && !(word_bits(d, t) & W_AND) && !is_punct(d, t, '&'))
                return;
        if (!regionable(g, prev->node))
            return;
        prev->cues |= M_REGION;
    }
}

typedef struct {
    gz_match *v;
    size_t n, cap;
} match_vec;

/* Collects the matches of sentence [a, b) into mv. */
static sr_status collect(const sr_gazetteer *g, sr_doc *d, size_t a, size_t b, match_vec *mv)
{
    size_t fw = a, from = mv->n;
    while (fw < b && d->tokens[fw].kind != SR_TOK_WORD && d->tokens[fw].kind != SR_TOK_NUM)
        fw++;
    for (size_t i = a; i < b; i++) {
        size_t end;
        uint32_t node;
        if (!cap_word(&d->tokens[i]) || !(node = longest(g, d, i, b, &end)))
            continue;
        gz_match *m = sr_arena_push(d->arena, (void **)&mv->v, &mv->n, &mv->cap, sizeof *m, 64);
        if (!m)
            return SR_NOMEM;
        *m = (gz_match){(uint32_t)i, (uint32_t)end, (uint32_t)end, node, 0, 0};
        uint32_t next = end < b ? word_bits(d, end) : 0;
        if ((next & (W_SUFFIX | W_SUFFIXES)) && regionable(g, node)) {
            m->stop = (uint32_t)end + 1;
            m->cues |= M_REGION;
            if (next & W_SUFFIXES)
                list_regions(g, d, mv->v + from, mv->n - from);
        }
        m->cues |= cues_of(d, m, a, b, fw, mv->n - from > 1 ? m[-1].stop : a);
        if (mv->n - from > 1) {
            gz_match *prev = m - 1;
            /* "Paris, Texas"; not in a list "Chile, Colombia, Mexico" */
            bool listed = prev > mv->v + from && prev[-1].stop + 1 == prev->first &&
                          is_punct(d, prev[-1].stop, ',');
            if (prev->stop + 1 == m->first && is_punct(d, prev->stop, ',') && !listed)
                prev->cues |= M_COMMA;
        }
        i = m->stop - 1;
    }
    return SR_OK;
}

sr_status sr_places_find(const sr_gazetteer *g, sr_doc *doc, sr_mentions *out)
{
    if (!g || !g->nentries || !doc->ntokens)
        return SR_OK;
    match_vec mv = {NULL, 0, 0};
    for (size_t s = 0; s < doc->nsentences; s++) {
        const sr_sentence *sn = &doc->sentences[s];
        if (sn->furniture)
            continue;
        size_t a = sn->first_token, b = a + sn->ntokens;
        if (b > doc->ntokens)
            b = doc->ntokens;
        sr_status st = collect(g, doc, a, b, &mv);
        if (st)
            return st;
    }
    return mv.n ? sr_places_resolve(g, doc, mv.v, mv.n, out) : SR_OK;
}
