/* coder_words.c: a sentence's words as TABARI sees them (manual §7.3-7.4): upper case,
 * hyphens, quotes, "?" "!" and final periods dropped, ";" read as ",", a possessive "'s"
 * joined to its word; then each word typed: actors and agents from the actor dictionary
 * (longest match), verbs, nouns, adjectives, time and attribution roots from the verb
 * dictionary, and the closed classes. A verb after a determiner, or capitalised inside a
 * mixed-case sentence, is a noun. */
#include <stdlib.h>
#include <string.h>

#include "coder_int.h"
#include "dict_int.h"

void *sr_coder_grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return *p;
    size_t c = *cap ? *cap : 64;
    while (c < need)
        c *= 2;
    void *q = realloc(*p, c * elem);
    if (q) {
        *p = q;
        *cap = c;
    }
    return q;
}

const char *sr_coder_keep(sr_coder *c, const char *s, size_t n)
{
    /* The pool never moves while a sentence is coded: it is sized before use. */
    if (c->npool + n + 1 > c->cap_pool)
        return NULL;
    char *p = c->pool + c->npool;
    memcpy(p, s, n);
    p[n] = 0;
    c->npool += n + 1;
    return p;
}

/* Tokens TABARI's input filter drops: hyphens, quotes, ? ! . and brackets, and three-byte
 * punctuation such as curly quotes, dashes and ellipses. */
static bool dropped(const sr_doc *doc, const sr_token *t)
{
    if (t->kind != SR_TOK_PUNCT && t->kind != SR_TOK_SYMBOL)
        return false;
    size_t n = t->end - t->start;
    const unsigned char *s = (const unsigned char *)doc->clean + t->start;
    if (n == 1)
        return strchr("-\"?!.()[]'`", s[0]) != NULL;
    return n == 3 && s[0] == 0xE2 && (t->kind == SR_TOK_PUNCT || s[1] == 0x80);
}

/* The closed word classes (manual §7.1), looked up by the token's word hash. */
static const struct {
    const char *word;
    uint8_t type;
} closed_words[] = {
    {"a", W_DET},     {"an", W_DET},     {"the", W_DET},  {"and", W_CONJ}, {"but", W_CONJ},
    {"or", W_CONJ},   {"nor", W_CONJ},   {"he", W_PRON},  {"she", W_PRON}, {"it", W_PRON},
    {"its", W_PRON},  {"his", W_PRON},   {"her", W_PRON}, {"him", W_PRON}, {"they", W_PRON},
    {"them", W_PRON}, {"their", W_PRON}, {"was", W_AUX},  {"were", W_AUX}, {"been", W_AUX},
    {"by", W_BY},     {NULL, 0},
};
static sr_wordlist closed_list = SR_WORDLIST(closed_words);

/* Longest verb-dictionary form starting at word i. */
typedef struct {
    const sr_coder *c;
    size_t i;
    uint32_t best_form, best_n;
} form_find;

static void try_form(uint32_t form, void *ctx)
{
    form_find *ff = ctx;
    const sr_coder *c = ff->c;
    const sr_verbs *v = c->verbs;
    const vform *f = &v->forms[form];
    if (f->n <= ff->best_n && ff->best_form != UINT32_MAX)
        return;
    bool verb = v->groups[f->group].section == VS_VERB;
    for (uint32_t k = 0; k < f->n; k++) {
        size_t at = ff->i + k;
        if (at >= c->nw)
            return;
        const vel *e = &v->els[f->first + k];
        if (!sr_verbs_word_matches(e->s, e->len, e->match, verb && k + 1 == f->n, c->w[at].s,
                                   c->w[at].n))
            return;
    }
    ff->best_form = form;
    ff->best_n = f->n;
}

sr_status sr_coder_words(sr_coder *c, size_t first, size_t end)
{
    const sr_doc *doc = c->doc;
    c->nw = 0;
    c->ntext = 0;
    c->ndcodes = 0;
    if (end > doc->ntokens)
        end = doc->ntokens;
    size_t need_text = 0;
    for (size_t t = first; t < end; t++)
        need_text += doc->tokens[t].end - doc->tokens[t].start + 3;
    if (!sr_coder_grow((void **)&c->text, &c->cap_text, need_text + 1, 1) ||
        !sr_coder_grow((void **)&c->w, &c->cap_w, end - first + 1, sizeof *c->w))
        return SR_NOMEM;
    bool lower_seen = false;
    for (size_t t = first; t < end && c->nw < SR_CODER_MAX_WORDS; t++) {
        const sr_token *tk = &doc->tokens[t];
        const char *s = doc->clean + tk->start;
        size_t n = tk->end - tk->start;
        if (dropped(doc, tk))
            continue;
        /* "'s" joins the word before it: GONDOR'S */
        if (c->nw && tk->kind == SR_TOK_WORD && n == 2 && (s[0] == '\'') &&
            (s[1] == 's' || s[1] == 'S') && !(tk->flags & SR_TF_SPACE)) {
            cword *p = &c->w[c->nw - 1];
            c->text[c->ntext - 1] = '\'';
            c->text[c->ntext++] = 'S';
            c->text[c->ntext++] = 0;
            p->n += 2;
            p->end = tk->end;
            continue;
        }
        cword *w = &c->w[c->nw++];
        memset(w, 0, sizeof *w);
        w->tok = (uint32_t)t;
        w->start = tk->start;
        w->end = tk->end;
        w->unit = w->ref = -1;
        w->span = 1;
        w->upper = (tk->flags & SR_TF_UPPER) != 0;
        char *o = c->text + c->ntext;
        for (size_t k = 0; k < n; k++) {
            char ch = s[k];
            if (ch >= 'a' && ch <= 'z') {
                ch = (char)(ch - 32);
                lower_seen = true;
            }
            o[k] = ch;
        }
        if (n == 1 && s[0] == ';')
            o[0] = ',';
        o[n] = 0;
        w->s = o;
        w->n = (uint16_t)n;
        c->ntext += n + 1;
    }
    /* Types. */
    for (size_t i = 0; i < c->nw;) {
        cword *w = &c->w[i];
        sr_dict_match m;
        size_t dict_words = 0;
        if (c->actors && sr_dict_find(c->actors, doc, w->tok, end, c->day,
                                      (1u << SR_DICT_ACTOR) | (1u << SR_DICT_AGENT), &m)) {
            while (i + dict_words < c->nw && c->w[i + dict_words].tok < m.end)
                dict_words++;
        }
        form_find ff = {c, i, UINT32_MAX, 0};
        if (c->verbs)
            sr_verbs_candidates(c->verbs, w->s, w->n, try_form, &ff);
        if (dict_words && dict_words >= ff.best_n) {
            uint8_t type = m.kind == SR_DICT_AGENT ? W_AGENT : W_ACTOR;
            bool null = m.ncodes == 0 || (m.codes[0]->flags & SR_CODE_NULL);
            for (uint32_t k = 0; k < m.ncodes; k++) {
                if (m.codes[k]->flags & SR_CODE_DISCARD) {
                    c->discard = true;
                    c->why = "discard code in an actor";
                }
                if (m.codes[k]->flags & SR_CODE_COMPLEX) {
                    c->complex = true;
                    c->why = "complex code in an actor";
                }
            }
            w->type = null ? W_NOUN : type;
            w->span = (uint32_t)dict_words;
            if (!sr_coder_grow((void **)&c->dcodes, &c->cap_dcodes, c->ndcodes + m.ncodes + 1,
                               sizeof *c->dcodes))
                return SR_NOMEM;
            w->code_first = (uint32_t)c->ndcodes;
            w->ncodes = null ? 0 : m.ncodes;
            for (uint32_t k = 0; k < w->ncodes; k++)
                c->dcodes[c->ndcodes++] = m.codes[k];
            w->group = UINT32_MAX;
            for (size_t k = 1; k < dict_words; k++)
                c->w[i + k].type = null ? W_NOUN : W_LITR;
            i += dict_words;
            continue;
        }
        if (ff.best_form != UINT32_MAX) {
            const vform *f = &c->verbs->forms[ff.best_form];
            const vgroup *g = &c->verbs->groups[f->group];
            static const uint8_t of_section[] = {[VS_VERB] = W_VERB,
                                                 [VS_TIME] = W_TIME,
                                                 [VS_ATTRIB] = W_ATTRIB,
                                                 [VS_NOUN] = W_NOUN,
                                                 [VS_ADJ] = W_ADJ};
            w->type = of_section[g->section];
            w->group = f->group;
            w->form = ff.best_form;
            w->span = f->n;
            if (w->type == W_VERB && (g->code.flags & VC_NULL) && !g->npat)
                w->type = W_NULL;
            for (size_t k = 1; k < f->n; k++)
                c->w[i + k].type = W_LITR;
            i += f->n;
            continue;
        }
        const sr_token *tk = &doc->tokens[w->tok];
        int cc = tk->end - tk->start == w->n ? sr_wordlist_find(&closed_list, doc, tk) : -1;
        if (cc >= 0)
            w->type = closed_words[cc].type;
        else if (w->n == 1 && w->s[0] == ',')
            w->type = W_COMMA;
        else if (w->s[0] >= '0' && w->s[0] <= '9')
            w->type = W_NUM;
        i++;
    }
    /* A verb after a determiner, or capitalised inside a mixed-case sentence, is a noun. */
    for (size_t i = 0; i < c->nw; i++) {
        cword *w = &c->w[i];
        if (w->type != W_VERB)
            continue;
        const vgroup *g = &c->verbs->groups[w->group];
        if (g->code.flags & (VC_DISCARD | VC_COMPLEX))
            continue;
        if ((i > 0 && c->w[i - 1].type == W_DET) || (i > 0 && w->upper && lower_seen))
            w->type = W_NOUN;
    }
    for (size_t i = 0; i < c->nw; i++) {
        const cword *w = &c->w[i];
        if (w->type != W_VERB && w->type != W_TIME && w->type != W_ATTRIB)
            continue;
        const vgroup *g = &c->verbs->groups[w->group];
        if (g->code.flags & VC_DISCARD) {
            c->discard = true;
            c->why = "discard code in a verb";
        }
        if (g->code.flags & VC_COMPLEX) {
            c->complex = true;
            c->why = "complex code in a verb";
        }
    }
    return SR_OK;
}
