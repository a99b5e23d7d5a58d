/* dict_supp.c: reads sitrep's own dictionary format, the supplement (docs/DICTIONARIES.md).
 *
 * One record a line: "KIND NAME | NAME ... = CODESET, CODESET ...", where KIND is person,
 * group, seat or agent, and a code set is "CODE[/CODE...]" with an optional ISO date
 * range "FROM..TO" (either end may be left open). "#" starts a comment. Names are matched
 * as whole words, ignoring case; an agent's last word also matches its regular plural.
 * One pass over the lines; each record goes into the dictionary at once and its names
 * are queued, then added to the trie in one batch (dict_build.c) with the right to take
 * over phrases that older files gave other codes. A bad line is reported with its file
 * and line and skipped; the rest of the file is still read. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "actors.h"
#include "dict_int.h"

typedef struct {
    sr_dict *d;
    const char *name;
    uint32_t line;
    uint32_t replace_below; /* records before this file's first */
    sr_status first;
    dict_pending *pend;
    size_t npend, cap;
} supp;

static const struct {
    const char *word;
    uint8_t entry; /* SR_ENTRY_*; 0 for agents */
} kinds[] = {
    {"person", SR_ENTRY_PERSON},
    {"group", SR_ENTRY_GROUP},
    {"seat", SR_ENTRY_SEAT},
    {"agent", 0},
};

static bool blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

static void trim(const char **s, size_t *n)
{
    while (*n && blank(**s))
        (*s)++, (*n)--;
    while (*n && blank((*s)[*n - 1]))
        (*n)--;
}

static sr_status fail(supp *r, sr_status st, const char *msg)
{
    sr_dict_fail(r->d, st, r->name, r->line, "%s", msg);
    if (r->first == SR_OK)
        r->first = st;
    return st;
}

/* ---- names ----------------------------------------------------------------------- */

/* Queues name s[0..n) (copied into the dictionary arena) for record rec. */
static sr_status queue(supp *r, const char *s, size_t n, uint32_t rec, uint8_t kind, bool generated,
                       const char **copy_out)
{
    char *copy = sr_arena_strndup(r->d->arena, s, n);
    if (!copy)
        return SR_NOMEM;
    dict_pending *p = sr_dict_push((void **)&r->pend, &r->npend, &r->cap, sizeof *p, 256);
    if (!p)
        return SR_NOMEM;
    p->text = copy;
    p->len = (uint32_t)n;
    p->record = rec;
    p->line = r->line;
    p->kind = kind;
    p->generated = generated;
    p->replace_below = r->replace_below;
    if (copy_out)
        *copy_out = copy;
    return SR_OK;
}

static bool lower_is(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    if (n < k)
        return false;
    for (size_t i = 0; i < k; i++)
        if ((s[n - k + i] | 0x20) != w[i])
            return false;
    return true;
}

/* Queues the regular English plural of an agent name's last word: -man -> -men,
 * consonant + y -> -ies, -s -x -z -ch -sh -> -es, else -s. A name already ending in "s"
 * ("troops", "forces") is taken to be written in the plural and gets none. */
static sr_status queue_plural(supp *r, const char *s, size_t n, uint32_t rec)
{
    char last = (char)(s[n - 1] | 0x20);
    if (last == 's' || !((last >= 'a' && last <= 'z')))
        return SR_OK;
    char buf[256];
    if (n + 3 > sizeof buf)
        return SR_OK; /* no agent name is this long; the plural is only a convenience */
    memcpy(buf, s, n);
    size_t k = n;
    char before = n >= 2 ? (char)(s[n - 2] | 0x20) : 0;
    if (lower_is(s, n, "man")) {
        buf[k - 2] = s[n - 2] == 'A' ? 'E' : 'e';
    } else if (last == 'y' && !strchr("aeiou", before)) {
        memcpy(buf + k - 1, "ies", 3);
        k += 2;
    } else if (last == 'x' || last == 'z' || lower_is(s, n, "ch") || lower_is(s, n, "sh")) {
        memcpy(buf + k, "es", 2);
        k += 2;
    } else {
        buf[k++] = 's';
    }
    return queue(r, buf, k, rec, SR_DICT_AGENT, true, NULL);
}

/* Queues the "|"-separated names of s[0..n) for record rec; the first becomes the
 * record's primary phrase. */
static sr_status names(supp *r, const char *s, size_t n, uint32_t rec, uint8_t kind)
{
    for (size_t i = 0, from = 0; i <= n; i++) /* check first: a record is all or nothing */
        if (i == n || s[i] == '|') {
            const char *nm = s + from;
            size_t len = i - from;
            trim(&nm, &len);
            if (len == 0)
                return fail(r, SR_DICT_SYNTAX, "expected a name before '=' and between '|'");
            from = i + 1;
        }
    bool firstname = true;
    while (true) {
        const char *bar = memchr(s, '|', n);
        size_t k = bar ? (size_t)(bar - s) : n;
        const char *nm = s;
        size_t len = k;
        trim(&nm, &len);
        const char *copy = NULL;
        sr_status st = queue(r, nm, len, rec, kind, false, &copy);
        if (st == SR_OK && kind == SR_DICT_AGENT)
            st = queue_plural(r, nm, len, rec);
        if (st != SR_OK)
            return st;
        if (firstname)
            r->d->records[rec].primary = copy;
        firstname = false;
        if (!bar)
            return SR_OK;
        s += k + 1;
        n -= k + 1;
    }
}

/* ---- codes ------------------------------------------------------------------------- */

/* Parses an ISO day "YYYY-MM-DD" in s[0..n) into days since 1970. */
static sr_status iso_day(supp *r, const char *s, size_t n, int32_t *days)
{
    sr_ymd y;
    if (n != 10 || sr_ymd_parse(s, n, &y) != SR_OK || !sr_ymd_valid(y))
        return fail(r, SR_DATE, "expected a date YYYY-MM-DD");
    *days = sr_ymd_to_days(y);
    return SR_OK;
}

/* The range "FROM..TO" of s[0..n) (either end empty: open). */
static sr_status range(supp *r, const char *s, size_t n, int32_t *lo, int32_t *hi)
{
    const char *dots = NULL;
    for (size_t i = 0; i + 1 < n && !dots; i++)
        if (s[i] == '.' && s[i + 1] == '.')
            dots = s + i;
    if (!dots)
        return fail(r, SR_DATE, "expected a date range FROM..TO (either end may be empty)");
    const char *a = s, *b = dots + 2;
    size_t an = (size_t)(dots - s), bn = n - an - 2;
    trim(&a, &an);
    trim(&b, &bn);
    *lo = INT32_MIN;
    *hi = INT32_MAX;
    sr_status st = SR_OK;
    if (an)
        st = iso_day(r, a, an, lo);
    if (st == SR_OK && bn)
        st = iso_day(r, b, bn, hi);
    if (st == SR_OK && *lo > *hi)
        return fail(r, SR_DATE, "expected a date range that ends after it begins");
    return st;
}

/* Interns one code of s[0..n); agents take "~GOV" or "GOV" (after) and "NGO~" (before),
 * "---" is "not an actor". NULL with *st set on error. */
static const sr_dict_code *one_code(supp *r, const char *s, size_t n, bool agent, sr_status *st)
{
    uint32_t f = 0;
    if (n == 3 && memcmp(s, "---", 3) == 0) {
        f = SR_CODE_NULL;
    } else if (agent && n > 1 && s[n - 1] == '~') {
        f = SR_CODE_AGENT_BEFORE;
        n--;
    } else if (agent) {
        f = SR_CODE_AGENT_AFTER;
        if (n > 1 && s[0] == '~')
            s++, n--;
    }
    bool ok = n > 0 && n < SR_ACTOR_MAX_CODE;
    for (size_t i = 0; i < n && ok && !(f & SR_CODE_NULL); i++)
        ok = (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9');
    if (!ok) {
        *st = fail(r, SR_DICT_SYNTAX, "expected a code of capital letters and digits");
        return NULL;
    }
    const sr_dict_code *c = sr_dict_intern_code(r->d, s, n, f);
    if (!c)
        *st = SR_NOMEM;
    return c;
}

/* One code set "CODE[/CODE...] [FROM..TO]" of s[0..n), appended to record rec. */
static sr_status codeset(supp *r, const char *s, size_t n, uint32_t rec, bool agent)
{
    trim(&s, &n);
    size_t k = 0;
    while (k < n && !blank(s[k]))
        k++;
    if (k == 0)
        return fail(r, SR_DICT_SYNTAX, "expected a code after '=' or ','");
    const char *rest = s + k;
    size_t rn = n - k;
    trim(&rest, &rn);
    int32_t lo = INT32_MIN, hi = INT32_MAX;
    sr_status st = rn ? range(r, rest, rn, &lo, &hi) : SR_OK;
    const sr_dict_code *codes[SR_DICT_MAX_COMPOUND];
    size_t nc = 0;
    for (size_t i = 0; st == SR_OK && i <= k;) {
        const char *slash = memchr(s + i, '/', k - i);
        size_t e = slash ? (size_t)(slash - s) : k;
        if (nc == SR_DICT_MAX_COMPOUND)
            return fail(r, SR_LIMIT, "too many codes joined by '/'");
        if ((codes[nc] = one_code(r, s + i, e - i, agent, &st)))
            nc++;
        i = e + 1;
    }
    if (st != SR_OK)
        return st;
    st = sr_dict_codeset_add(r->d, rec, rn > 0, lo, hi, codes, nc);
    return st == SR_LIMIT ? fail(r, st, "too many code sets for one entry") : st;
}

/* ---- lines --------------------------------------------------------------------------- */

static sr_status record_line(supp *r, const char *s, size_t n)
{
    size_t k = 0;
    while (k < n && !blank(s[k]))
        k++;
    int kind = -1;
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds && kind < 0; i++)
        if (strlen(kinds[i].word) == k && memcmp(s, kinds[i].word, k) == 0)
            kind = (int)i;
    if (kind < 0)
        return fail(r, SR_DICT_SYNTAX, "expected a kind: person, group, seat or agent");
    const char *eq = memchr(s + k, '=', n - k);
    if (!eq)
        return fail(r, SR_DICT_SYNTAX, "expected '=' and the codes after the names");
    bool agent = kinds[kind].entry == 0;
    uint8_t entry = agent ? 0 : (uint8_t)(kinds[kind].entry | SR_ENTRY_TYPED);
    uint32_t rec = sr_dict_record_new(r->d, NULL, entry);
    if (rec == UINT32_MAX)
        return SR_NOMEM;
    const char *c = eq + 1;
    size_t cn = n - (size_t)(c - s);
    while (true) { /* the codes first: a bad code leaves the names out of the trie */
        const char *comma = memchr(c, ',', cn);
        size_t e = comma ? (size_t)(comma - c) : cn;
        sr_status st = codeset(r, c, e, rec, agent);
        if (st != SR_OK)
            return st;
        if (!comma)
            break;
        c += e + 1;
        cn -= e + 1;
    }
    return names(r, s + k, (size_t)(eq - s) - k, rec, agent ? SR_DICT_AGENT : SR_DICT_ACTOR);
}

static sr_status read_lines(supp *r, const char *data, size_t len)
{
    size_t i = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < len) {
        const char *nl = memchr(data + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - data) : len;
        const char *s = data + i;
        size_t n = e - i;
        r->line++;
        i = e + 1;
        if (n > SR_DICT_MAX_LINE) {
            fail(r, SR_LIMIT, "line longer than the limit; skipped");
            continue;
        }
        const char *hash = memchr(s, '#', n);
        if (hash)
            n = (size_t)(hash - s);
        trim(&s, &n);
        if (n && record_line(r, s, n) == SR_NOMEM)
            return SR_NOMEM;
    }
    return SR_OK;
}

sr_status sr_dict_load_supplement(sr_dict *d, const char *name, const char *data, size_t len)
{
    supp r;
    memset(&r, 0, sizeof r);
    r.d = d;
    r.name = name ? name : "<memory>";
    r.replace_below = (uint32_t)d->nrecords;
    sr_status st = read_lines(&r, data, len);
    if (st == SR_OK && r.npend)
        st = sr_dict_add_pending(d, r.name, r.pend, r.npend);
    free(r.pend);
    if (st == SR_NOMEM)
        return st;
    return r.first != SR_OK ? r.first : st;
}

sr_status sr_dict_load_supplement_file(sr_dict *d, const char *path)
{
    sr_buf b = {0};
    sr_status st = sr_dict_slurp(d, path, &b);
    if (st == SR_OK)
        st = sr_dict_load_supplement(d, path, b.p ? b.p : "", b.n);
    sr_buf_free(&b);
    return st;
}
