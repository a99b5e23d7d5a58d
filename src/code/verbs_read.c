/* verbs_read.c: TABARI's .verbs format (manual §5.5-5.7, §10.4-10.5) and the
 * <NOUN>/<ADJECTIVE> sections of a .actors file.
 *
 *   <SYNSETS> &NAME / +member ... </SYNSETS>
 *   <TIME> root [+7] / - pattern [-1] ... </TIME>     <ATTRIB> ... </ATTRIB>
 *   ROOT [code] ;comment        a verb root; "ROOT_" whole word, "ROOT=" no endings
 *   {FORM_ FORM2_}               irregular forms of the root above
 *   - PATTERN [code]             a pattern of the root above
 *   # or / at the start: a comment line; ~FINISH ends the file. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "verbs_int.h"

typedef struct {
    sr_verbs *v;
    const char *name;
    uint32_t line;
    uint8_t section;  /* VS_* */
    uint32_t group;   /* the current root; UINT32_MAX before the first */
    bool in_synsets;
    const char *pending_name; /* the synset being read ("&NAME"), NULL when none */
    vseq members[512];
    size_t nmembers;
} reader;

static sr_status close_synset(reader *r);

static void trim(const char **s, size_t *n)
{
    while (*n && ((*s)[0] == ' ' || (*s)[0] == '\t'))
        (*s)++, (*n)--;
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' || (*s)[*n - 1] == '\r'))
        (*n)--;
}

/* Cuts a ";" comment (TABARI) or "#" comment (PETRARCH) outside brackets. */
static void cut_comment(const char *s, size_t *n, bool hash)
{
    int depth = 0;
    for (size_t i = 0; i < *n; i++) {
        if (s[i] == '[')
            depth++;
        else if (s[i] == ']')
            depth--;
        else if (depth <= 0 && (s[i] == ';' || (hash && s[i] == '#'))) {
            *n = i;
            return;
        }
    }
}

/* Splits "TEXT [CODE]" at the last '['; *code_n is 0 when there is no code. */
static sr_status split_code(reader *r, const char *s, size_t n, size_t *text_n,
                            const char **code, size_t *code_n)
{
    const char *open = NULL;
    for (size_t i = n; i-- > 0;)
        if (s[i] == '[') {
            open = s + i;
            break;
        }
    *code = NULL;
    *code_n = 0;
    *text_n = n;
    if (!open) {
        for (size_t i = 0; i < n; i++)
            if (s[i] == ']')
                return sr_verbs_fail(r->v, SR_DICT, r->name, r->line, "expected '[' before ']'");
        return SR_OK;
    }
    const char *close = memchr(open, ']', (size_t)(s + n - open));
    if (!close)
        return sr_verbs_fail(r->v, SR_DICT, r->name, r->line, "expected ']' closing the code");
    *text_n = (size_t)(open - s);
    *code = open + 1;
    *code_n = (size_t)(close - open - 1);
    return SR_OK;
}

/* A root's text into a form: consecutive words, joined by blanks or "_", each matching
 * as its ending says ("_" the whole word with regular endings, "=" no endings, else a
 * stem: "BURN DOWN" is "burned down"). */
static sr_status add_form(reader *r, uint32_t group, const char *s, size_t n)
{
    sr_verbs *v = r->v;
    uint32_t first = (uint32_t)v->nels, count = 0;
    size_t i = 0;
    bool adjacent = false;
    while (i < n) {
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '_' || s[i] == '-') {
            i++;
            continue;
        }
        size_t w = i;
        while (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '_' && s[i] != '=' &&
               s[i] != '-')
            i++;
        vel *e = sr_verbs_el(v);
        if (!e)
            return SR_NOMEM;
        e->kind = PE_WORD;
        e->adjacent = adjacent;
        e->match = VM_STEM;
        if (i < n && s[i] == '=') {
            e->match = VM_EXACT;
            i++;
        } else if (i < n && (s[i] == '_' || s[i] == '-'))
            e->match = VM_REGULAR;
        /* TABARI's hyphens are underscores: "RE-ADMIT" is two joined words */
        e->s = sr_verbs_str(v, s + w, i - w - (s[i - 1] == '=' ? 1 : 0));
        if (!e->s)
            return SR_NOMEM;
        e->len = (uint16_t)strlen(e->s);
        adjacent = true;
        count++;
    }
    if (!count)
        return sr_verbs_fail(v, SR_DICT, r->name, r->line, "expected a verb before the code");
    vform *f = sr_verbs_form(v);
    if (!f)
        return SR_NOMEM;
    f->group = group;
    f->first = first;
    f->n = count;
    return SR_OK;
}

static sr_status root_line(reader *r, const char *s, size_t n)
{
    sr_verbs *v = r->v;
    size_t tn, cn;
    const char *code;
    sr_status st = split_code(r, s, n, &tn, &code, &cn);
    if (st)
        return st;
    trim(&s, &tn);
    if (tn < 2)
        return sr_verbs_fail(v, SR_DICT, r->name, r->line,
                             "expected a verb root of at least two characters");
    vgroup *g = sr_verbs_group(v);
    if (!g)
        return SR_NOMEM;
    uint32_t gid = (uint32_t)(v->ngroups - 1);
    g->section = r->section;
    g->line = r->line;
    g->first_pat = (uint32_t)v->npats;
    g->name = sr_verbs_str(v, s, tn);
    if (!g->name)
        return SR_NOMEM;
    if (cn)
        st = sr_verbs_parse_code(v, r->name, r->line, code, cn, r->section == VS_TIME,
                                 &g->code);
    else
        g->code.flags = VC_NONE;
    if (st) {
        v->ngroups--;
        return st;
    }
    r->group = gid;
    return add_form(r, gid, s, tn);
}

/* "{FORM_ FORM2_ ...}": more ways of writing the current root. */
static sr_status forms_line(reader *r, const char *s, size_t n)
{
    if (r->group == UINT32_MAX)
        return sr_verbs_fail(r->v, SR_DICT, r->name, r->line, "expected a verb root before {...}");
    const char *close = memchr(s, '}', n);
    if (!close)
        return sr_verbs_fail(r->v, SR_DICT, r->name, r->line, "expected '}' closing the forms");
    size_t i = 1, end = (size_t)(close - s);
    bool any = false;
    while (i < end) {
        while (i < end && (s[i] == ' ' || s[i] == '\t'))
            i++;
        size_t w = i;
        while (i < end && s[i] != ' ' && s[i] != '\t')
            i++;
        if (i > w) {
            sr_status st = add_form(r, r->group, s + w, i - w);
            if (st)
                return st;
            any = true;
        }
    }
    if (!any)
        return sr_verbs_fail(r->v, SR_DICT, r->name, r->line, "expected verb forms inside {...}");
    return SR_OK;
}

static sr_status pattern_line(reader *r, const char *s, size_t n)
{
    sr_verbs *v = r->v;
    if (r->group == UINT32_MAX)
        return sr_verbs_fail(v, SR_DICT, r->name, r->line, "expected a verb root before a pattern");
    size_t tn, cn;
    const char *code;
    sr_status st = split_code(r, s, n, &tn, &code, &cn);
    if (st)
        return st;
    if (!cn)
        return sr_verbs_fail(v, SR_DICT, r->name, r->line, "expected [code] after the pattern");
    vcode c;
    if ((st = sr_verbs_parse_code(v, r->name, r->line, code, cn, r->section == VS_TIME, &c)))
        return st;
    uint32_t first, count;
    int32_t len;
    size_t mark = v->nels;
    if ((st = sr_verbs_parse_pattern(v, r->name, r->line, s, tn, false, &first, &count, &len)))
        return st;
    size_t verbs = 0;
    uint32_t at = 0;
    for (uint32_t k = 0; k < count; k++)
        if (v->els[first + k].kind == PE_VERB) {
            verbs++;
            at = k;
        }
    if (verbs != 1) {
        v->nels = mark;
        return sr_verbs_fail(v, SR_DICT, r->name, r->line,
                             verbs ? "expected one verb marker '*' in the pattern, not %zu"
                                   : "expected the verb marker '*' in the pattern%.0zu",
                             verbs);
    }
    vgroup *g = &v->groups[r->group];
    if (g->first_pat + g->npat != v->npats) {
        /* a root seen again after others: TABARI adds its patterns to the first entry */
        sr_verbs_warn(v, r->name, r->line, "patterns of root %s are not together", g->name);
    }
    vpattern *p = sr_verbs_pat(v);
    if (!p)
        return SR_NOMEM;
    p->first = first;
    p->n = count;
    p->verb = at;
    p->len = len;
    p->code = c;
    p->line = r->line;
    g->npat++;
    return SR_OK;
}

/* Synset section lines: "&NAME" opens a set, "+member" adds a consecutive phrase. */
static sr_status synset_line(reader *r, const char *s, size_t n)
{
    sr_verbs *v = r->v;
    if (s[0] == '&') {
        sr_status st = close_synset(r);
        if (st)
            return st;
        size_t k = 1;
        while (k < n && s[k] != ' ' && s[k] != '\t')
            k++;
        if (sr_verbs_find_set(v, s, k) != UINT32_MAX) {
            v->duplicates++;
            sr_verbs_warn(v, r->name, r->line, "synset %.*s declared again; first kept",
                          (int)k, s);
        }
        r->nmembers = 0;
        r->pending_name = sr_verbs_str(v, s, k);
        return r->pending_name ? SR_OK : SR_NOMEM;
    }
    if (s[0] != '+')
        return sr_verbs_fail(v, SR_DICT, r->name, r->line, "expected &NAME or +member in <SYNSETS>");
    if (!r->pending_name)
        return sr_verbs_fail(v, SR_DICT, r->name, r->line, "expected &NAME before +member");
    if (r->nmembers == 511)
        return sr_verbs_fail(v, SR_DICT, r->name, r->line, "expected at most 511 members");
    /* A member follows the connector rules of patterns: blanks let words be skipped,
       "_" joins, a word without "_" is a stem. */
    uint32_t first, count;
    int32_t len;
    sr_status st = sr_verbs_parse_pattern(v, r->name, r->line, s + 1, n - 1, false, &first, &count,
                                          &len);
    if (st)
        return st;
    r->members[r->nmembers++] = (vseq){first, count};
    return SR_OK;
}

static sr_status close_synset(reader *r)
{
    sr_verbs *v = r->v;
    if (!r->pending_name)
        return SR_OK;
    vset *set = sr_verbs_set(v);
    if (!set)
        return SR_NOMEM;
    set->name = r->pending_name;
    set->first = (uint32_t)v->nseqs;
    set->n = (uint32_t)r->nmembers;
    for (size_t k = 0; k < r->nmembers; k++) {
        vseq *q = sr_verbs_seq(v);
        if (!q)
            return SR_NOMEM;
        *q = r->members[k];
    }
    r->pending_name = NULL;
    r->nmembers = 0;
    return SR_OK;
}

static bool tag(const char *s, size_t n, const char *t)
{
    size_t k = strlen(t);
    return n >= k && !strncasecmp(s, t, k);
}

/* One line of a .verbs file. */
static sr_status verbs_line(reader *r, const char *s, size_t n)
{
    cut_comment(s, &n, false);
    trim(&s, &n);
    if (!n)
        return SR_OK;
    if (s[0] == '<') {
        sr_status st = SR_OK;
        if (tag(s, n, "<SYNSETS>") || tag(s, n, "<SYNSET>"))
            r->in_synsets = true;
        else if (tag(s, n, "</SYNSET")) {
            st = close_synset(r);
            r->in_synsets = false;
        } else if (tag(s, n, "<TIME>")) {
            r->section = VS_TIME;
            r->v->time_section = true;
        } else if (tag(s, n, "<ATTRIB")) {
            r->section = VS_ATTRIB;
        } else if (tag(s, n, "</TIME>") || tag(s, n, "</ATTRIB")) {
            r->section = VS_VERB;
        } else
            return sr_verbs_fail(r->v, SR_DICT, r->name, r->line,
                                 "expected <SYNSETS>, <TIME>, <ATTRIB> or their end tags");
        r->group = UINT32_MAX;
        return st;
    }
    if (r->in_synsets)
        return synset_line(r, s, n);
    if (s[0] == '{')
        return forms_line(r, s, n);
    if (s[0] == '-' && n > 1 && (s[1] == ' ' || s[1] == '\t'))
        return pattern_line(r, s + 1, n - 1);
    return root_line(r, s, n);
}

/* One line of a .actors file, of which only the <NOUN> and <ADJECTIVE> sections count. */
static sr_status words_line(reader *r, const char *s, size_t n, int *sect)
{
    cut_comment(s, &n, false);
    trim(&s, &n);
    if (!n)
        return SR_OK;
    if (tag(s, n, "<NOUN>") || tag(s, n, "<ADJECTIVE>") || tag(s, n, "<ADJ>")) {
        *sect = s[1] == 'N' || s[1] == 'n' ? VS_NOUN : VS_ADJ;
        return SR_OK;
    }
    if (tag(s, n, "</NOUN>") || tag(s, n, "</ADJ")) {
        *sect = -1;
        return SR_OK;
    }
    if (*sect < 0)
        return SR_OK;
    if (memchr(s, '[', n))
        return sr_verbs_fail(r->v, SR_DICT, r->name, r->line,
                             "expected a word without a code in <NOUN>/<ADJECTIVE>");
    r->section = (uint8_t)*sect;
    sr_status st = root_line(r, s, n);
    if (st == SR_OK)
        r->v->groups[r->group].code.flags = VC_NULL;
    return st;
}

sr_status sr_verbs_load_mem(sr_verbs *v, sr_verbs_format f, const char *name, const char *data,
                            size_t len)
{
    if (f == SR_VERBS_PETRARCH)
        return sr_verbs_read_petrarch(v, name, data, len);
    reader r = {.v = v, .name = name, .section = VS_VERB, .group = UINT32_MAX};
    int sect = -1;
    sr_status first = SR_OK;
    v->finished = false;
    size_t i = 0;
    while (i < len) {
        const char *s = data + i;
        const char *nl = memchr(s, '\n', len - i);
        size_t n = nl ? (size_t)(nl - s) : len - i;
        i += n + 1;
        r.line++;
        if (r.line == 1 && n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
            s += 3, n -= 3;
        if (n && (s[0] == '#' || s[0] == '/'))
            continue;
        if (n && s[0] == '~') {
            const char *t = s;
            size_t tn = n;
            while (tn && *t == '~')
                t++, tn--;
            if (tag(t, tn, "FINISH"))
                break;
        }
        if (memchr(s, 0, n)) {
            sr_status st = sr_verbs_fail(v, SR_DICT, name, r.line, "expected text, found a NUL byte");
            if (!first)
                first = st;
            continue;
        }
        sr_status st = f == SR_VERBS_WORDS ? words_line(&r, s, n, &sect) : verbs_line(&r, s, n);
        if (st == SR_NOMEM)
            return st;
        if (st && !first)
            first = st;
    }
    sr_status st = close_synset(&r);
    if (st)
        return st;
    if (r.in_synsets && !first)
        first = sr_verbs_fail(v, SR_DICT, name, r.line, "expected </SYNSETS> before the end");
    return first;
}

sr_status sr_verbs_load_file(sr_verbs *v, sr_verbs_format f, const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return sr_verbs_fail(v, errno == ENOENT ? SR_NOTFOUND : SR_IO, path, 0,
                             "cannot open the file");
    sr_buf b = {0};
    sr_status st = sr_buf_read_stream(&b, fp, 0);
    if (st == SR_IO)
        sr_verbs_fail(v, SR_IO, path, 0, "cannot read the file");
    fclose(fp);
    if (st == SR_OK)
        st = sr_verbs_load_mem(v, f, path, b.p ? b.p : "", b.n);
    sr_buf_free(&b);
    return st;
}
