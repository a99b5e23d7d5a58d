/* plover.c: the CAMEO-to-PLOVER conversion table, read from the bytes plover_data.S
 * embeds (the reading rules are in plover.h).
 *
 * The table is one malloc'd block: a count, the entries sorted by code (ties kept in
 * file order, then all but the first of each code dropped), and the entries' type, mode
 * and context strings after them. It is built on first use and published with
 * sr_cache_publish, so a racing thread's copy is simply freed; lookups are a binary
 * search on the code, then on its parents. */
#include <stdlib.h>

#include "plover.h"

extern const char sr_data_plover_start[], sr_data_plover_end[];

enum { CODE_MAX = 4 }; /* CAMEO codes have 2 to 4 digits */

typedef struct {
    char code[CODE_MAX + 1];
    uint32_t line; /* order in the file: the first line of a code wins */
    sr_plover p;
} entry;

typedef struct {
    size_t n;
    entry e[]; /* then the strings */
} table;

static void *_Atomic plover_cache;

bool sr_cameo_code_valid(const char *cameo)
{
    size_t n = 0;
    if (!cameo)
        return false;
    while (n <= CODE_MAX && cameo[n] >= '0' && cameo[n] <= '9')
        n++;
    return n >= 2 && n <= CODE_MAX && cameo[n] == 0;
}

int sr_cameo_quad_class(const char *cameo)
{
    if (!cameo || cameo[0] < '0' || cameo[0] > '9' || cameo[1] < '0' || cameo[1] > '9')
        return 0;
    int root = (cameo[0] - '0') * 10 + (cameo[1] - '0');
    return root < 1 ? 0 : root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : root <= 20 ? 4 : 0;
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

/* Copies the bytes of [s, e) that are not blanks to *o, NUL-terminated, and returns the
 * copy ("" when nothing is left, without using *o). */
static const char *squeeze(const char *s, const char *e, char **o)
{
    char *start = *o, *w = *o;
    for (; s < e; s++)
        if (!is_blank(*s))
            *w++ = *s;
    if (w == start)
        return "";
    *w++ = 0;
    *o = w;
    return start;
}

/* Reads one line [s, e) into *out, its strings into *store. Returns false for a line
 * that is not a mapping (comments, blank lines, the end mark, a line with no type). */
static bool parse_line(const char *s, const char *e, entry *out, char **store)
{
    size_t k = 0;
    while (s + k < e && k <= CODE_MAX && s[k] >= '0' && s[k] <= '9')
        k++;
    if (k < 2 || k > CODE_MAX)
        return false;
    const char *p = s + k;
    while (p < e && is_blank(*p))
        p++;
    if (p == e || *p != ':')
        return false;
    p++;
    const char *end = memchr(p, '#', (size_t)(e - p));
    if (!end)
        end = e;
    const char *c1 = memchr(p, ',', (size_t)(end - p));
    const char *c2 = c1 ? memchr(c1 + 1, ',', (size_t)(end - c1 - 1)) : NULL;
    char *mark = *store;
    const char *type = squeeze(p, c1 ? c1 : end, store);
    if (!*type) {
        *store = mark;
        return false;
    }
    memcpy(out->code, s, k);
    out->code[k] = 0;
    out->p.type = type;
    out->p.mode = c1 ? squeeze(c1 + 1, c2 ? c2 : end, store) : "";
    out->p.context = c2 ? squeeze(c2 + 1, end, store) : "";
    return true;
}

static int entry_cmp(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    int c = strcmp(x->code, y->code);
    return c ? c : x->line < y->line ? -1 : x->line > y->line;
}

/* Parses the embedded table into one malloc'd block. NULL on out-of-memory. */
static table *build(void)
{
    const char *s = sr_data_plover_start, *end = sr_data_plover_end;
    size_t len = (size_t)(end - s), lines = 1;
    for (const char *p = s; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        lines++;
    /* a line's strings with their NULs never outgrow the line: its code and ':' are
       not copied and pay for the three NULs */
    table *t = malloc(sizeof *t + lines * sizeof(entry) + len + 1);
    if (!t)
        return NULL;
    char *store = (char *)(t->e + lines);
    t->n = 0;
    for (uint32_t line = 0; s < end; line++) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *e = nl ? nl : end;
        if (parse_line(s, e, &t->e[t->n], &store))
            t->e[t->n++].line = line;
        s = nl ? nl + 1 : end;
    }
    qsort(t->e, t->n, sizeof(entry), entry_cmp);
    size_t w = 0;
    for (size_t i = 0; i < t->n; i++)
        if (!w || strcmp(t->e[w - 1].code, t->e[i].code))
            t->e[w++] = t->e[i];
    t->n = w;
    return t;
}

static const table *get_table(void)
{
    table *t = sr_cache_get(&plover_cache);
    if (t)
        return t;
    t = build();
    return t ? sr_cache_publish(&plover_cache, t) : NULL;
}

static const entry *find(const table *t, const char *code)
{
    size_t lo = 0, hi = t->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(t->e[mid].code, code);
        if (!c)
            return &t->e[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

bool sr_plover_lookup(const char *cameo, sr_plover *out)
{
    out->type = out->mode = out->context = "";
    const table *t;
    if (!sr_cameo_code_valid(cameo) || !(t = get_table()))
        return false;
    char key[CODE_MAX + 1];
    size_t n = strlen(cameo);
    memcpy(key, cameo, n + 1);
    for (; n >= 2; key[--n] = 0) {
        const entry *e = find(t, key);
        if (e) {
            *out = e->p;
            return true;
        }
    }
    return false;
}

const char *sr_plover_type(const char *cameo)
{
    sr_plover p;
    sr_plover_lookup(cameo, &p);
    return p.type;
}
