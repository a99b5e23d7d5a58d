/* verbs_petrarch.c: PETRARCH's verb dictionary format (CAMEO.2.0.txt) read into an sr_verbs.
 *
 *   &NAME  then  +member ...     a synset; "&NAME_" makes no plurals, nor "+member_"
 *   --- DESCRIPTION [code] ---   opens a block of synonymous verbs that share patterns
 *   VERB {FORM FORM} [code]      a verb, all its forms when irregular, its own code
 *   +BEEF_UP   WIRE_+TAP         a multi-word verb; "+" marks the verb word
 *   - {A B} * (PREP NOUN) [code] a pattern of the block
 *   ~ ...                        a transformation: skipped, counted, one warning at the end
 *   # comment (outside [...]), <!-- comment --> lines, blank lines.
 *
 * A block becomes one group (VS_VERB, the block's code) whose forms are the block's verbs;
 * a verb line whose own code differs from the block's gets a group of its own, named
 * after the verb. Every group of a block points at the same run of patterns (the
 * block's), so patterns are stored once; sr_verbs_finish sorts that run once per group,
 * which changes nothing after the first time.
 *
 * Forms are whole words (VM_EXACT): a verb without {...} gets its regular forms as
 * separate forms (VERB, VERBS or VERBES or VERBIES, VERBED or VERBD or VERBIED, VERBING
 * with a final E dropped after a consonant); a verb with {...} gets exactly the forms
 * written plus itself. Hyphens split words ("RE-ADMIT" is RE ADMIT), as the tokenizer
 * splits them and the coder drops the hyphen.
 *
 * Patterns go through sr_verbs_parse_pattern(petrarch) after a rewrite: a synset
 * reference ("&FIGHT_OF_WORDS", "FIGHTER_&AIRCRAFT", "{&WEAPON ATTACK}") and an "A/B"
 * alternative become a placeholder word "\1<set index>" that is turned into a PE_SET
 * element afterwards; a hyphen inside a word becomes "_" (two adjacent words). Every
 * literal word of a pattern is then VM_REGULAR (PETRARCH has no stems; "_" only joins).
 * A pattern naming an undeclared synset is skipped with a warning, as PETRARCH ignores
 * it. Deliberate differences from PETRARCH's own reader: "A/B" is read as alternatives
 * (PETRARCH keeps "TO/FOR" as one word that never matches); plurals and verb endings
 * follow English a little more closely (DELAYS, not DELAIES); "[:173]", the reverse
 * event only, is a null code with pair "173". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "verbs_int.h"

#define NO_GROUP UINT32_MAX
#define SET_MARK '\x01' /* first byte of a placeholder word for a set */

#define FAIL(r, ...) sr_verbs_fail((r)->v, SR_DICT, (r)->name, (r)->line, __VA_ARGS__)

typedef struct {
    sr_verbs *v;
    const char *name;
    uint32_t line;
    /* the open block */
    bool in_block, broken;  /* broken: its header was malformed, its lines are skipped */
    const char *block_name; /* in the arena */
    uint32_t block_line;
    vcode block_code;
    uint32_t block_group; /* the group for verbs with the block's code; NO_GROUP yet */
    size_t first_group;   /* groups [first_group, ngroups) belong to the block */
    size_t first_pat;     /* and patterns [first_pat, npats) */
    /* the open synset */
    bool syn_open;
    const char *syn_name; /* NULL when its line was malformed: members are skipped */
    bool syn_plurals;
    uint32_t syn_line;
    size_t syn_first_seq; /* its members are seqs [syn_first_seq, nseqs) */
    bool in_comment;      /* inside a <!-- ... --> spanning lines */
    size_t transforms;    /* "~" lines skipped */
    sr_buf buf;           /* a pattern's rewritten text */
} preader;

/* Table sizes before a line, to drop what a malformed line added. */
typedef struct {
    size_t els, seqs, sets, groups, forms, pats;
} mark;

static mark mark_of(const sr_verbs *v)
{
    return (mark){v->nels, v->nseqs, v->nsets, v->ngroups, v->nforms, v->npats};
}

static void rollback(preader *r, const mark *m)
{
    sr_verbs *v = r->v;
    v->nels = m->els;
    v->nseqs = m->seqs;
    v->nsets = m->sets;
    v->ngroups = m->groups;
    v->nforms = m->forms;
    v->npats = m->pats;
    if (r->block_group != NO_GROUP && r->block_group >= v->ngroups)
        r->block_group = NO_GROUP;
}

static bool blank(char c)
{
    return c == ' ' || c == '\t';
}

static bool vowel(char c)
{
    return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
}

static void trim(const char **s, size_t *n)
{
    while (*n && blank(**s))
        (*s)++, (*n)--;
    while (*n && (blank((*s)[*n - 1]) || (*s)[*n - 1] == '\r'))
        (*n)--;
}

/* Length of s before a "#" comment; a "#" inside [...] ("[###]") is not one. */
static size_t cut_hash(const char *s, size_t n)
{
    int depth = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '[')
            depth++;
        else if (s[i] == ']' && depth)
            depth--;
        else if (s[i] == '#' && !depth)
            return i;
    }
    return n;
}

/* Reads code text s[0..n) (no brackets) into *out. "[:173]", only the reverse event, is
 * a null code whose pair is "173". SR_OK or SR_DICT (message on v). */
static sr_status read_code(preader *r, const char *s, size_t n, vcode *out)
{
    trim(&s, &n);
    if (!n || s[0] != ':')
        return sr_verbs_parse_code(r->v, r->name, r->line, s, n, false, out);
    sr_status st = sr_verbs_parse_code(r->v, r->name, r->line, s + 1, n - 1, false, out);
    if (st)
        return st;
    if (!out->code || out->pair)
        return FAIL(r, "expected one event code after ':' in [:CODE]");
    out->pair = out->code;
    out->code = NULL;
    out->flags |= VC_NULL;
    return SR_OK;
}

static bool same_str(const char *a, const char *b)
{
    return a == b || (a && b && !strcmp(a, b));
}

static bool same_code(const vcode *a, const vcode *b)
{
    return same_str(a->code, b->code) && same_str(a->pair, b->pair) && a->flags == b->flags;
}

/* Appends a PE_WORD element for s[0..n) (upper-cased). SR_OK, SR_DICT or SR_NOMEM. */
static sr_status push_word(preader *r, const char *s, size_t n, bool adjacent, uint8_t match)
{
    if (n > SR_DICT_MAX_WORD)
        return FAIL(r, "expected words of at most %d bytes, not %.*s", SR_DICT_MAX_WORD, (int)n, s);
    vel *e = sr_verbs_el(r->v);
    if (!e)
        return SR_NOMEM;
    e->kind = PE_WORD;
    e->adjacent = adjacent;
    e->match = match;
    e->len = (uint16_t)n;
    e->s = sr_verbs_str(r->v, s, n);
    return e->s ? SR_OK : SR_NOMEM;
}

static sr_status push_seq(sr_verbs *v, size_t first)
{
    vseq *q = sr_verbs_seq(v);
    if (!q)
        return SR_NOMEM;
    q->first = (uint32_t)first;
    q->n = (uint32_t)(v->nels - first);
    return SR_OK;
}

/* TABARI's length of a set: the letters of its longest member. */
static int32_t set_len(const sr_verbs *v, uint32_t set)
{
    int32_t best = 0;
    const vset *st = &v->sets[set];
    for (uint32_t k = 0; k < st->n; k++) {
        const vseq *q = &v->seqs[st->first + k];
        int32_t l = 0;
        for (uint32_t m = 0; m < q->n; m++)
            l += v->els[q->first + m].len;
        if (l > best)
            best = l;
    }
    return best;
}

/* The synset named t[0..e), or with a trailing "_" added or dropped (a label "&X_" may be
 * written "&X" and the other way round). UINT32_MAX when none. */
static uint32_t find_set_either(const sr_verbs *v, const char *t, size_t e)
{
    uint32_t id = sr_verbs_find_set(v, t, e);
    if (id != UINT32_MAX || e < 2)
        return id;
    if (t[e - 1] == '_')
        return sr_verbs_find_set(v, t, e - 1);
    char name[SR_DICT_MAX_WORD + 3];
    if (e + 1 >= sizeof name)
        return UINT32_MAX;
    memcpy(name, t, e);
    name[e] = '_';
    return sr_verbs_find_set(v, name, e + 1);
}

/* The synset that "&..." at t[0..n) (no blanks) names: the longest declared name ending at
 * a "_" or at the end ("&FIGHT_OF_WORDS" is one name, "&NEGATIVE_EVER" a set and a word).
 * *used receives its length. UINT32_MAX when no prefix is declared. Names are at most
 * SR_DICT_MAX_WORD + 1 bytes (open_synset), so a long run of "&X_&X_..." costs linear time. */
static uint32_t resolve_set(const sr_verbs *v, const char *t, size_t n, size_t *used)
{
    for (size_t e = n < SR_DICT_MAX_WORD + 2 ? n : SR_DICT_MAX_WORD + 2; e > 1; e--) {
        if (e < n && t[e] != '_')
            continue;
        uint32_t id = find_set_either(v, t, e);
        if (id != UINT32_MAX) {
            *used = e;
            return id;
        }
    }
    return UINT32_MAX;
}

/* ---- synsets ------------------------------------------------------------------------ */

static sr_status close_synset(preader *r)
{
    sr_verbs *v = r->v;
    if (!r->syn_open)
        return SR_OK;
    r->syn_open = false;
    if (!r->syn_name)
        return SR_OK;
    vset *set = sr_verbs_set(v);
    if (!set)
        return SR_NOMEM;
    set->name = r->syn_name;
    set->first = (uint32_t)r->syn_first_seq;
    set->n = (uint32_t)(v->nseqs - r->syn_first_seq);
    if (!set->n)
        sr_verbs_warn(v, r->name, r->syn_line, "synset %s has no members", r->syn_name);
    return SR_OK;
}

/* "&NAME": opens a synset (it is stored when the next non-member line closes it). */
static sr_status open_synset(preader *r, const char *s, size_t n)
{
    sr_verbs *v = r->v;
    r->syn_open = true;
    r->syn_name = NULL;
    size_t k = 1;
    while (k < n && !blank(s[k]))
        k++;
    if (k < 2 || k < n)
        return FAIL(r, "expected &NAME alone on a synset line");
    if (k > SR_DICT_MAX_WORD + 1)
        return FAIL(r, "expected a synset name of at most %d bytes", SR_DICT_MAX_WORD + 1);
    if (sr_verbs_find_set(v, s, k) != UINT32_MAX) {
        v->duplicates++;
        sr_verbs_warn(v, r->name, r->line, "synset %.*s declared again; first kept", (int)k, s);
    }
    r->syn_name = sr_verbs_str(v, s, k);
    r->syn_plurals = s[k - 1] != '_';
    r->syn_first_seq = v->nseqs;
    r->syn_line = r->line;
    return r->syn_name ? SR_OK : SR_NOMEM;
}

/* The regular plural of upper-case w[0..n) written into out (room for n + 2): S; IES for
 * a consonant and Y; ES after SS X Z CH SH. 0 when there is none (another final S: the
 * word is most likely plural already). */
static size_t plural(const char *w, size_t n, char *out)
{
    char last = w[n - 1], before = n > 1 ? w[n - 2] : 0;
    memcpy(out, w, n);
    if (last == 'Y' && n > 1 && !vowel(before)) {
        memcpy(out + n - 1, "IES", 3);
        return n + 2;
    }
    if ((last == 'S' && before == 'S') || last == 'X' || last == 'Z' ||
        (last == 'H' && (before == 'C' || before == 'S'))) {
        memcpy(out + n, "ES", 2);
        return n + 2;
    }
    if (last == 'S')
        return 0;
    out[n] = 'S';
    return n + 1;
}

/* Appends the elements of member text s[0..n): words joined by blanks, "_" or "-" into a
 * consecutive phrase, "&SET" a declared synset. *skip is set for an undeclared synset. */
static sr_status member_words(preader *r, const char *s, size_t n, bool *skip)
{
    size_t i = 0, count = 0;
    while (i < n) {
        if (blank(s[i]) || s[i] == '_' || s[i] == '-') {
            i++;
            continue;
        }
        size_t e = i;
        while (e < n && !blank(s[e]) && (s[i] == '&' || (s[e] != '_' && s[e] != '-')))
            e++;
        if (++count > SR_DICT_MAX_PHRASE_TOKENS)
            return FAIL(r, "expected at most %d words in a member", SR_DICT_MAX_PHRASE_TOKENS);
        if (s[i] != '&') {
            sr_status st = push_word(r, s + i, e - i, count > 1, VM_EXACT);
            if (st)
                return st;
            i = e;
            continue;
        }
        size_t used = 0;
        uint32_t id = resolve_set(r->v, s + i, e - i, &used);
        if (id == UINT32_MAX) {
            sr_verbs_warn(r->v, r->name, r->line, "synset %.*s is not declared: member skipped",
                          (int)(e - i), s + i);
            *skip = true;
            return SR_OK;
        }
        vel *el = sr_verbs_el(r->v);
        if (!el)
            return SR_NOMEM;
        el->kind = PE_SET;
        el->adjacent = count > 1;
        el->set = id;
        i += used;
    }
    return count ? SR_OK : FAIL(r, "expected a word or phrase after '+'");
}

/* "+member" of the open synset; a member that ends in a word also gets its plural as a
 * second member unless the label or the member ends with "_". */
static sr_status member_line(preader *r, const char *s, size_t n)
{
    sr_verbs *v = r->v;
    if (!r->syn_name)
        return SR_OK;
    trim(&s, &n);
    bool skip = false, plurals = r->syn_plurals && n && s[n - 1] != '_';
    size_t first = v->nels;
    sr_status st = member_words(r, s, n, &skip);
    if (skip)
        v->nels = first;
    if (st || skip || (st = push_seq(v, first)))
        return st;
    size_t count = v->nels - first;
    const vel *last = &v->els[first + count - 1];
    char word[SR_DICT_MAX_WORD + 3];
    size_t wn = plurals && last->kind == PE_WORD ? plural(last->s, last->len, word) : 0;
    if (!wn)
        return SR_OK;
    size_t again = v->nels;
    for (size_t k = 0; k + 1 < count; k++) {
        vel *e = sr_verbs_el(v);
        if (!e)
            return SR_NOMEM;
        *e = v->els[first + k];
    }
    if ((st = push_word(r, word, wn, count > 1, VM_EXACT)))
        return st;
    return push_seq(v, again);
}

/* ---- blocks and verbs --------------------------------------------------------------- */

/* Ends the open block: each of its groups gets the block's run of patterns. */
static void close_block(preader *r)
{
    sr_verbs *v = r->v;
    if (!r->in_block)
        return;
    r->in_block = false;
    uint32_t np = (uint32_t)(v->npats - r->first_pat);
    for (size_t g = r->first_group; g < v->ngroups; g++) {
        v->groups[g].first_pat = (uint32_t)r->first_pat;
        v->groups[g].npat = np;
    }
    if (np && r->first_group == v->ngroups)
        sr_verbs_warn(v, r->name, r->block_line, "block %s has patterns but no verbs",
                      r->block_name);
}

/* "--- DESCRIPTION [code] ---": opens a block; no code is the null code. On a malformed
 * header the block is opened broken, so its verbs and patterns are skipped quietly
 * instead of landing in the block before it. */
static sr_status block_line(preader *r, const char *s, size_t n)
{
    sr_verbs *v = r->v;
    close_block(r);
    r->in_block = r->broken = true;
    r->block_group = NO_GROUP;
    r->first_group = v->ngroups;
    r->first_pat = v->npats;
    size_t i = 0, end = n;
    while (i < n && s[i] == '-')
        i++;
    while (end > i && (s[end - 1] == '-' || blank(s[end - 1])))
        end--;
    const char *open = memchr(s + i, '[', end - i);
    const char *d = s + i;
    size_t dn = open ? (size_t)(open - d) : end - i;
    trim(&d, &dn);
    if (!dn)
        return FAIL(r, "expected a description in --- DESCRIPTION [code] ---");
    vcode c = {.flags = VC_NULL};
    if (open) {
        const char *close = memchr(open, ']', (size_t)(s + end - open));
        if (!close)
            return FAIL(r, "expected ']' closing the block's code");
        for (const char *p = close + 1; p < s + end; p++)
            if (!blank(*p) && *p != '-')
                return FAIL(r, "expected only '---' after the block's [code]");
        sr_status st = read_code(r, open + 1, (size_t)(close - open - 1), &c);
        if (st)
            return st;
    }
    if (!(r->block_name = sr_verbs_str(v, d, dn)))
        return SR_NOMEM;
    r->block_code = c;
    r->block_line = r->line;
    r->broken = false;
    return SR_OK;
}

static sr_status new_group(preader *r, const char *name, const vcode *c, uint32_t *gid)
{
    vgroup *g = sr_verbs_group(r->v);
    if (!g)
        return SR_NOMEM;
    g->code = *c;
    g->section = VS_VERB;
    g->name = name;
    g->line = r->line;
    *gid = (uint32_t)(r->v->ngroups - 1);
    return SR_OK;
}

/* The group for a verb line: the block's (made on first use), or a group of the verb's
 * own when it has a code different from the block's. */
static sr_status verb_group(preader *r, const char *verb, size_t vn, const char *code, size_t cn,
                            uint32_t *gid)
{
    vcode c;
    if (code) {
        sr_status st = read_code(r, code, cn, &c);
        if (st)
            return st;
        if (!same_code(&c, &r->block_code)) {
            const char *name = sr_verbs_str(r->v, verb, vn);
            return name ? new_group(r, name, &c, gid) : SR_NOMEM;
        }
    }
    if (r->block_group == NO_GROUP) {
        sr_status st = new_group(r, r->block_name, &r->block_code, &r->block_group);
        if (st)
            return st;
    }
    *gid = r->block_group;
    return SR_OK;
}

enum { INFL_NONE, INFL_S, INFL_ED, INFL_ING };

/* Writes the regular form how (INFL_*) of upper-case verb word w[0..n) in place (w has
 * room for n + 3) and returns its length. */
static size_t inflect(char *w, size_t n, int how)
{
    char last = w[n - 1], before = n > 1 ? w[n - 2] : 0;
    bool cons_y = last == 'Y' && n > 1 && !vowel(before);
    const char *end = "";
    size_t keep = n;
    if (how == INFL_S) {
        bool es = last == 'S' || last == 'X' || last == 'Z' ||
                  (last == 'H' && (before == 'C' || before == 'S'));
        end = cons_y ? "IES" : es ? "ES" : "S";
        keep = cons_y ? n - 1 : n;
    } else if (how == INFL_ED) {
        end = last == 'E' ? "D" : cons_y ? "IED" : "ED";
        keep = cons_y ? n - 1 : n;
    } else if (how == INFL_ING) {
        bool ie = last == 'E' && before == 'I', drop_e = last == 'E' && n > 2 && !vowel(before);
        end = ie ? "YING" : "ING";
        keep = ie ? n - 2 : drop_e ? n - 1 : n;
    }
    size_t k = strlen(end);
    memcpy(w + keep, end, k);
    return keep + k;
}

/* Checks the "+" marks of form text s[0..n): at most one, at the start of a word, and
 * one is needed when the form has more than one "_"-separated word. *head_at receives
 * where the verb word starts: after the "+", else at the first word. */
static sr_status check_marks(preader *r, const char *s, size_t n, size_t *head_at)
{
    size_t words = 0, marks = 0;
    *head_at = n;
    for (size_t i = 0; i < n;) {
        size_t e = i;
        while (e < n && s[e] != '_')
            e++;
        bool marked = e > i && s[i] == '+';
        if (marked && e == i + 1)
            return FAIL(r, "expected a word after '+' in %.*s", (int)n, s);
        if (memchr(s + i + marked, '+', e - i - marked))
            return FAIL(r, "expected '+' only at the start of a word in %.*s", (int)n, s);
        if (e > i && (marked || !words))
            *head_at = i + marked;
        marks += marked;
        words += e > i;
        i = e + 1;
    }
    if (!words)
        return FAIL(r, "expected a verb, not %.*s", (int)n, s);
    if (marks > 1)
        return FAIL(r, "expected one '+' in %.*s", (int)n, s);
    if (words > 1 && !marks)
        return FAIL(r, "expected '+' marking the verb word of %.*s", (int)n, s);
    return SR_OK;
}

/* Appends one form of group gid for verb text s[0..n) ("+ASK_FOR", "RE-ADMIT"), the verb
 * word given its regular ending how (INFL_*). Words are whole (VM_EXACT) and consecutive;
 * vform.head is the verb word's element (its last piece when hyphenated: RE-ADMIT). */
static sr_status add_form(preader *r, uint32_t gid, const char *s, size_t n, int how)
{
    sr_verbs *v = r->v;
    size_t head_at, first = v->nels, head = 0, word_at = 0;
    sr_status st = check_marks(r, s, n, &head_at);
    for (size_t i = 0; !st && i < n;) {
        if (s[i] == '_' || s[i] == '+' || s[i] == '-') {
            word_at = s[i] == '-' ? word_at : i + 1;
            i++;
            continue;
        }
        size_t e = i;
        while (e < n && s[e] != '_' && s[e] != '+' && s[e] != '-')
            e++;
        bool verb = word_at == head_at && (e == n || s[e] != '-');
        const char *w = s + i;
        size_t wn = e - i;
        char buf[SR_DICT_MAX_WORD + 4];
        if (verb && how != INFL_NONE && wn <= SR_DICT_MAX_WORD) {
            for (size_t k = 0; k < wn; k++)
                buf[k] = (w[k] >= 'a' && w[k] <= 'z') ? (char)(w[k] - 32) : w[k];
            wn = inflect(buf, wn, how);
            w = buf;
        }
        if (verb)
            head = v->nels - first;
        if (v->nels - first == SR_DICT_MAX_PHRASE_TOKENS)
            st = FAIL(r, "expected at most %d words in a verb", SR_DICT_MAX_PHRASE_TOKENS);
        else
            st = push_word(r, w, wn, v->nels > first, VM_EXACT);
        i = e;
    }
    if (st)
        return st;
    if (v->nels == first) /* "---" or "+_": marks without a word */
        return FAIL(r, "expected a verb word, not only '-', '_' or '+'");
    vform *f = sr_verbs_form(v);
    if (!f)
        return SR_NOMEM;
    f->group = gid;
    f->first = (uint32_t)first;
    f->n = (uint32_t)(v->nels - first);
    f->head = (uint32_t)head;
    return SR_OK;
}

/* The forms of one verb line: the verb, then either the forms in {...} (a form equal to
 * the verb is not added twice) or the three regular ones. */
static sr_status verb_forms(preader *r, uint32_t gid, const char *verb, size_t vn,
                            const char *forms, size_t fn, bool irregular)
{
    sr_status st = add_form(r, gid, verb, vn, INFL_NONE);
    for (int how = INFL_S; !st && !irregular && how <= INFL_ING; how++)
        st = add_form(r, gid, verb, vn, how);
    for (size_t i = 0; !st && irregular && i < fn;) {
        if (blank(forms[i]) || forms[i] == ',') {
            i++;
            continue;
        }
        size_t e = i;
        while (e < fn && !blank(forms[e]) && forms[e] != ',')
            e++;
        if (e - i != vn || strncasecmp(forms + i, verb, vn))
            st = add_form(r, gid, forms + i, e - i, INFL_NONE);
        i = e;
    }
    return st;
}

/* "VERB", "VERB {FORMS} [code]" in any order after the verb, ";" starting a comment
 * (TABARI's, left on two lines of CAMEO.2.0.txt). */
static sr_status verb_line(preader *r, const char *s, size_t n)
{
    if (!r->in_block)
        return FAIL(r, "expected a --- DESCRIPTION [code] --- line before the verb");
    if (r->broken)
        return SR_OK;
    size_t i = 0;
    while (i < n && !blank(s[i]) && s[i] != '{' && s[i] != '[' && s[i] != ';')
        i++;
    size_t vn = i, fn = 0, cn = 0;
    const char *forms = NULL, *code = NULL;
    while (i < n && s[i] != ';') {
        char c = s[i];
        if (blank(c)) {
            i++;
            continue;
        }
        if ((c == '{' && forms) || (c == '[' && code))
            return FAIL(r, "expected at most one {forms} and one [code] after the verb");
        if (c != '{' && c != '[')
            return FAIL(r, "expected {forms}, [code] or a comment after the verb %.*s", (int)vn, s);
        const char *close = memchr(s + i, c == '{' ? '}' : ']', n - i);
        if (!close)
            return FAIL(r, c == '{' ? "expected '}' closing the verb's forms"
                                    : "expected ']' closing the verb's code");
        *(c == '{' ? &forms : &code) = s + i + 1;
        *(c == '{' ? &fn : &cn) = (size_t)(close - (s + i + 1));
        i = (size_t)(close - s) + 1;
    }
    if (!vn)
        return FAIL(r, "expected a verb before {forms} or [code]");
    uint32_t gid;
    sr_status st = verb_group(r, s, vn, code, cn, &gid);
    return st ? st : verb_forms(r, gid, s, vn, forms, fn, forms != NULL);
}

/* ---- patterns ----------------------------------------------------------------------- */

static sr_status put_set_mark(preader *r, size_t set)
{
    return sr_buf_printf(&r->buf, "%c%zu", SET_MARK, set);
}

/* "A/B/C" (a piece without "_"): a new unnamed set of the alternatives, each a word or
 * hyphenated words, and its placeholder. */
static sr_status alternatives(preader *r, const char *t, size_t n)
{
    sr_verbs *v = r->v;
    size_t first_seq = v->nseqs;
    for (size_t i = 0; i <= n;) {
        size_t e = i, first = v->nels;
        while (e < n && t[e] != '/')
            e++;
        if (e == i || strchr("&*$+%^@", t[i]))
            return FAIL(r, "expected a word on both sides of '/' in %.*s", (int)n, t);
        for (size_t p = i; p < e;) {
            size_t q = p;
            while (q < e && t[q] != '-')
                q++;
            sr_status st = q > p ? push_word(r, t + p, q - p, v->nels > first, VM_REGULAR) : SR_OK;
            if (st)
                return st;
            p = q + 1;
        }
        sr_status st = push_seq(v, first);
        if (st)
            return st;
        i = e + 1;
    }
    vset *set = sr_verbs_set(v);
    if (!set)
        return SR_NOMEM;
    set->first = (uint32_t)first_seq;
    set->n = (uint32_t)(v->nseqs - first_seq);
    return put_set_mark(r, v->nsets - 1);
}

/* One blank-free token of a pattern: synset references and alternatives become
 * placeholders, a hyphen inside a word "_". *skip is set for an undeclared synset. */
static sr_status rewrite_token(preader *r, const char *t, size_t n, bool *skip)
{
    sr_status st = SR_OK;
    for (size_t i = 0; !st && i < n;) {
        if (t[i] == '_') {
            st = sr_buf_addc(&r->buf, '_');
            i++;
        } else if (t[i] == '&') {
            size_t used = 0;
            uint32_t id = resolve_set(r->v, t + i, n - i, &used);
            if (id == UINT32_MAX) {
                sr_verbs_warn(r->v, r->name, r->line,
                              "synset %.*s is not declared: pattern skipped", (int)(n - i), t + i);
                *skip = true;
                return SR_OK;
            }
            st = put_set_mark(r, id);
            i += used;
        } else {
            size_t e = i;
            while (e < n && t[e] != '_')
                e++;
            if (memchr(t + i, '/', e - i))
                st = alternatives(r, t + i, e - i);
            else
                for (size_t k = i; !st && k < e; k++)
                    st = sr_buf_addc(&r->buf, t[k] == '-' && k > i && k + 1 < e ? '_' : t[k]);
            i = e;
        }
    }
    return st;
}

/* Rewrites pattern text s[0..n) (no code) into r->buf for sr_verbs_parse_pattern,
 * checking that "(" ")" and "{" "}" pair up without nesting. */
static sr_status rewrite_pattern(preader *r, const char *s, size_t n, bool *skip)
{
    int paren = 0, brace = 0;
    sr_status st = SR_OK;
    r->buf.n = 0;
    for (size_t i = 0; !st && !*skip && i < n;) {
        char c = s[i];
        if ((unsigned char)c < 0x20 && c != '\t')
            return FAIL(r, "expected printable text in the pattern");
        if (c == '(' || c == '{') {
            /* "(OF {BANNED PARTIES})": a phrase may sit inside a prepositional phrase */
            if (brace || (paren && c == '('))
                return FAIL(r, "expected '%c' before '%c'", brace ? '}' : ')', c);
            *(c == '(' ? &paren : &brace) = 1;
        } else if (c == ')' || c == '}') {
            if (c == ')' && brace)
                return FAIL(r, "expected '}' before ')'");
            if (!*(c == ')' ? &paren : &brace))
                return FAIL(r, "expected '%c' before '%c'", c == ')' ? '(' : '{', c);
            *(c == ')' ? &paren : &brace) = 0;
        }
        if (blank(c) || strchr("(){}", c)) {
            st = sr_buf_addc(&r->buf, c);
            i++;
            continue;
        }
        size_t e = i;
        while (e < n && !blank(s[e]) && !strchr("(){}", s[e]) && (unsigned char)s[e] >= 0x20)
            e++;
        st = rewrite_token(r, s + i, e - i, skip);
        i = e;
    }
    if (!st && !*skip && (paren || brace))
        return FAIL(r, "expected '%c' closing '%c'", paren ? ')' : '}', paren ? '(' : '{');
    return st;
}

/* After parsing: placeholders become PE_SET elements, literal words VM_REGULAR; *verb
 * receives the index of the one "*". */
static sr_status settle(preader *r, uint32_t first, uint32_t count, int32_t *len, uint32_t *verb)
{
    sr_verbs *v = r->v;
    size_t verbs = 0;
    for (uint32_t k = 0; k < count; k++) {
        vel *e = &v->els[first + k];
        if (e->kind == PE_VERB) {
            verbs++;
            *verb = k;
        }
        if (e->kind != PE_WORD)
            continue;
        if (e->s[0] != SET_MARK) {
            e->match = VM_REGULAR;
            continue;
        }
        uint32_t id = (uint32_t)strtoul(e->s + 1, NULL, 10);
        *len += set_len(v, id) - e->len;
        e->kind = PE_SET;
        e->set = id;
        e->s = NULL;
        e->len = 0;
        e->match = 0;
    }
    if (!verbs)
        return FAIL(r, "expected the verb marker '*' in the pattern");
    if (verbs > 1)
        return FAIL(r, "expected one verb marker '*' in the pattern, not %zu", verbs);
    return SR_OK;
}

/* Splits "PATTERN [code] ; comment" at the last "[". */
static sr_status split_code(preader *r, const char *s, size_t n, size_t *text_n, vcode *c)
{
    const char *open = NULL;
    for (size_t i = n; !open && i-- > 0;)
        if (s[i] == '[')
            open = s + i;
    if (!open)
        return FAIL(r, memchr(s, ']', n) ? "expected '[' before ']'"
                                         : "expected [code] after the pattern");
    const char *close = memchr(open, ']', (size_t)(s + n - open));
    if (!close)
        return FAIL(r, "expected ']' closing the pattern's code");
    for (const char *p = close + 1; p < s + n && *p != ';'; p++)
        if (!blank(*p))
            return FAIL(r, "expected only a comment after the pattern's [code]");
    *text_n = (size_t)(open - s);
    return read_code(r, open + 1, (size_t)(close - open - 1), c);
}

/* "- PATTERN [code]": a pattern of the open block. */
static sr_status pattern_line(preader *r, const char *s, size_t n)
{
    sr_verbs *v = r->v;
    if (!r->in_block)
        return FAIL(r, "expected a --- DESCRIPTION [code] --- line before the pattern");
    if (r->broken)
        return SR_OK;
    size_t tn = 0;
    vcode c;
    bool skip = false;
    sr_status st = split_code(r, s, n, &tn, &c);
    if (st || (st = rewrite_pattern(r, s, tn, &skip)) || skip)
        return st;
    uint32_t first, count, verb = 0;
    int32_t len;
    st = sr_verbs_parse_pattern(v, r->name, r->line, r->buf.p ? r->buf.p : "", r->buf.n, true,
                                &first, &count, &len);
    if (st || (st = settle(r, first, count, &len, &verb)))
        return st;
    vpattern *p = sr_verbs_pat(v);
    if (!p)
        return SR_NOMEM;
    *p = (vpattern){
        .first = first, .n = count, .verb = verb, .len = len, .code = c, .line = r->line};
    return SR_OK;
}

/* ---- lines -------------------------------------------------------------------------- */

static sr_status dispatch(preader *r, const char *s, size_t n)
{
    if (s[0] == '&')
        return open_synset(r, s, n);
    if (s[0] == '~') {
        /* PETRARCH's verb-verb transformations ("~ a (a b ATTACK) SAY = a b 015") rewrite
         * coded events, which this coder does not do. */
        r->transforms++;
        return SR_OK;
    }
    if (n >= 3 && !memcmp(s, "---", 3))
        return block_line(r, s, n);
    if (s[0] == '-')
        return pattern_line(r, s + 1, n - 1);
    return verb_line(r, s, n);
}

/* One line: comments, then a member of the open synset or any other line (which closes
 * the synset). What a malformed line added is taken back. */
static sr_status read_line(preader *r, const char *s, size_t n)
{
    if (r->in_comment) {
        if (memmem(s, n, "-->", 3))
            r->in_comment = false;
        return SR_OK;
    }
    trim(&s, &n);
    if (n >= 2 && s[0] == '<' && s[1] == '!') {
        r->in_comment = !memmem(s, n, "-->", 3);
        return SR_OK;
    }
    n = cut_hash(s, n);
    trim(&s, &n);
    if (!n)
        return SR_OK;
    sr_status st = SR_OK;
    if (!(r->syn_open && s[0] == '+') && (st = close_synset(r)))
        return st;
    mark m = mark_of(r->v);
    st = r->syn_open ? member_line(r, s + 1, n - 1) : dispatch(r, s, n);
    if (st && st != SR_NOMEM)
        rollback(r, &m);
    return st;
}

sr_status sr_verbs_read_petrarch(sr_verbs *v, const char *name, const char *data, size_t len)
{
    preader r = {.v = v, .name = name, .block_group = NO_GROUP};
    sr_status first = SR_OK, st = SR_OK;
    v->finished = false;
    for (size_t i = 0; i < len && st != SR_NOMEM;) {
        const char *s = data + i;
        const char *nl = memchr(s, '\n', len - i);
        size_t n = nl ? (size_t)(nl - s) : len - i;
        i += n + 1;
        r.line++;
        if (r.line == 1 && n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
            s += 3, n -= 3;
        if (n > SR_DICT_MAX_LINE)
            st = sr_verbs_fail(v, SR_LIMIT, name, r.line, "expected a line of at most %d bytes",
                               SR_DICT_MAX_LINE);
        else if (memchr(s, 0, n))
            st = FAIL(&r, "expected text, found a NUL byte");
        else
            st = read_line(&r, s, n);
        if (st && !first)
            first = st;
    }
    sr_buf_free(&r.buf);
    if (st == SR_NOMEM || close_synset(&r) == SR_NOMEM)
        return SR_NOMEM;
    close_block(&r);
    if (r.in_comment && (st = FAIL(&r, "expected '-->' closing the comment")) && !first)
        first = st;
    if (r.transforms)
        sr_verbs_warn(v, name, 0, "%zu '~' transformation lines skipped (not supported)",
                      r.transforms);
    return first;
}
