/* claims.c: scores sitrep's claim records on the hand-labelled development set
 * tests/eval/claims.gold (format in its header; annotation and scoring rules, documents and
 * figures in tests/eval/README.md).
 *
 * It reads the listed documents from the shared folder, runs `build/sitrep extract --only
 * claims --published DAY` on them ($SITREP_BIN overrides the program) and matches predicted
 * and gold claims of a document one-to-one by overlapping byte spans, largest overlap
 * first; a gold span is the N-th standalone occurrence of its quantity text. For each field
 * (detect, value, hedge, source, date, modality) precision = correct / predicted and
 * recall = correct / gold; the suites claims-FIELD report F1 = 2*correct/(predicted+gold)
 * against tests/conformance/floors.txt. Gold claims marked optional are never missed and a
 * prediction on one is left out of every count; "*" dates are not scored.
 *
 * First the scorer tests itself on tests/eval/selftest.gold and the hand-made predictions
 * tests/eval/selftest.pred.jsonl (expected counts in the gold file's "expect" lines).
 * Usage: claims [--self-test] [--gold FILE] [--pred FILE]; --pred scores saved predictions
 * instead of running sitrep. SITREP_CONF_VERBOSE=1 lists each miss, wrong field and
 * spurious prediction. */
#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include "../conformance_util.h"

enum { SRC_NONE, SRC_UNNAMED, SRC_NAMED };
enum { F_DETECT, F_VALUE, F_HEDGE, F_SOURCE, F_DATE, F_MODALITY, NFIELDS };
static const char *const field_name[NFIELDS] = {"detect", "value", "hedge",
                                                "source", "date",  "modality"};
static const char *const hedges[] = {"exact",   "about",     "at_least", "more_than",
                                     "at_most", "less_than", "range",    NULL};
static const char *const modalities[] = {"reported", "projection", "hypothetical", NULL};
static const char *const src_kind_name[] = {"none", "unnamed", "named"};

typedef struct {
    char *id, *path;
    char *record; /* the JSONL line as read, without its newline */
    char *text;   /* the decoded "text" string */
    size_t len;
} edoc;

/* The scored fields of a claim, gold or predicted (a gold value is its low end). */
typedef struct {
    double value, lo, hi;
    char hedge[16], modality[16], date[32], code[16]; /* date "" = null */
    int src;
    char *src_text;
} fields;

typedef struct {
    fields c;
    int doc, occ, lineno;
    size_t start, end;
    char *qty;
    bool range, date_scored, optional;
} gclaim;

typedef struct {
    fields c;
    int doc;
    size_t start, end;
} pclaim;

typedef struct {
    size_t correct, predicted, gold;
} tally;

typedef struct {
    const char *path;
    char published[16];
    edoc *docs;
    size_t ndocs;
    gclaim *gold;
    size_t ngold;
    pclaim *pred;
    size_t npred, outside;
    long expect[NFIELDS][3];
    bool has_expect[NFIELDS];
} evalset;

/* Prints a one-line error and exits 2: bad data fails loudly. */
static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "conformance claims: ");
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(2);
}

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        die("out of memory");
    return q;
}

static char *xstrdup(const char *s)
{
    char *d = strdup(s ? s : "");
    if (!d)
        die("out of memory");
    return d;
}

/* Copies s into a fixed field, failing loudly when it does not fit. */
static void set_field(char *dst, size_t cap, const char *s, const char *what)
{
    if (strlen(s) >= cap)
        die("%s too long: %s", what, s);
    strcpy(dst, s);
}

static bool in_list(const char *s, const char *const *list)
{
    for (; *list; list++)
        if (!strcmp(s, *list))
            return true;
    return false;
}

/* ---- the gold file ------------------------------------------------------------------ */

/* Splits the next token off *s: whitespace separates tokens, and a '"' opens a quoted part
 * (up to the next '"') that may hold spaces. Returns NULL at the end of the line or at a
 * comment (a token starting with '#'). */
static char *next_token(char **s)
{
    char *p = *s;
    while (*p == ' ' || *p == '\t')
        p++;
    if (!*p || *p == '\n' || *p == '\r' || *p == '#') {
        *s = p;
        return NULL;
    }
    char *start = p;
    bool quoted = false;
    for (; *p && *p != '\n' && *p != '\r' && (quoted || (*p != ' ' && *p != '\t')); p++)
        if (*p == '"')
            quoted = !quoted;
    if (*p)
        *p++ = 0;
    *s = p;
    return start;
}

/* For a token "TEXT"REST returns TEXT (NUL-terminated in place) and sets *rest; NULL when
 * the token does not open with a quoted part. */
static char *unquote(char *tok, char **rest)
{
    if (!tok || tok[0] != '"')
        return NULL;
    char *close = strchr(tok + 1, '"');
    if (!close)
        return NULL;
    *close = 0;
    *rest = close + 1;
    return tok + 1;
}

static int find_doc(const evalset *E, const char *id)
{
    for (size_t i = 0; id && i < E->ndocs; i++)
        if (!strcmp(E->docs[i].id, id))
            return (int)i;
    return -1;
}

/* A path in the gold file: "$SHARED/..." names the shared folder, anything else is
 * relative to the working directory (the repository root). Caller frees. */
static char *expand_path(const char *p)
{
    if (strncmp(p, "$SHARED", 7))
        return xstrdup(p);
    const char *sh = conf_shared();
    char *out = xrealloc(NULL, strlen(sh) + strlen(p));
    sprintf(out, "%s%s", sh, p + 7);
    return out;
}

/* "N" or "LOW..HIGH" (tok is split in place). */
static bool parse_value(gclaim *g, char *tok)
{
    char *dots = strstr(tok, ".."), *end;
    if (dots)
        *dots = 0;
    g->range = dots != NULL;
    g->c.value = g->c.lo = g->c.hi = strtod(tok, &end);
    if (end == tok || *end)
        return false;
    if (dots) {
        g->c.hi = strtod(dots + 2, &end);
        return end != dots + 2 && *end == 0;
    }
    return true;
}

static bool parse_source(gclaim *g, char *tok)
{
    g->c.src_text = xstrdup("");
    if (!strcmp(tok, "-")) {
        g->c.src = SRC_NONE;
        return true;
    }
    if (!strcmp(tok, "unnamed")) {
        g->c.src = SRC_UNNAMED;
        return true;
    }
    char *rest;
    char *text = strncmp(tok, "named:", 6) ? NULL : unquote(tok + 6, &rest);
    if (!text || (*rest && *rest != '|') || strlen(rest) >= sizeof g->c.code)
        return false;
    g->c.src = SRC_NAMED;
    free(g->c.src_text);
    g->c.src_text = xstrdup(text);
    strcpy(g->c.code, *rest ? rest + 1 : "");
    return true;
}

static bool parse_date(gclaim *g, const char *tok)
{
    g->date_scored = strcmp(tok, "*") != 0;
    if (!g->date_scored || !strcmp(tok, "null"))
        return true;
    if (strlen(tok) >= sizeof g->c.date || strspn(tok, "0123456789-/WQSUPFAIXE") != strlen(tok))
        return false;
    strcpy(g->c.date, tok);
    return true;
}

/* Parses the columns of a claim line after the document id (see the gold file header).
 * Returns the name of the first bad column, or NULL. */
static const char *parse_claim(gclaim *g, char **s)
{
    char *tok = next_token(s), *rest;
    char *qty = unquote(tok, &rest);
    if (!qty || !*qty || (*rest && (*rest != '#' || atoi(rest + 1) < 1)))
        return "quantity";
    g->qty = xstrdup(qty);
    g->occ = *rest ? atoi(rest + 1) : 1;
    if (!(tok = next_token(s)) || !parse_value(g, tok))
        return "value";
    if (!(tok = next_token(s)) || !in_list(tok, hedges) || g->range != !strcmp(tok, "range"))
        return "hedge";
    strcpy(g->c.hedge, tok);
    if (!next_token(s)) /* unit: documentation only */
        return "unit";
    if (!(tok = next_token(s)) || !parse_date(g, tok))
        return "date";
    if (!(tok = next_token(s)) || !in_list(tok, modalities))
        return "modality";
    strcpy(g->c.modality, tok);
    if (!(tok = next_token(s)) || !parse_source(g, tok))
        return "source";
    if ((tok = next_token(s)) && strcmp(tok, "optional"))
        return "flags";
    g->optional = tok != NULL;
    return next_token(s) ? "end of line" : NULL;
}

static void parse_directive(evalset *E, const char *kw, char **s, const char *where)
{
    char *a = next_token(s), *b = next_token(s);
    if (!strcmp(kw, "published") && a && !b) {
        set_field(E->published, sizeof E->published, a, "published day");
    } else if (!strcmp(kw, "doc") && a && b && !next_token(s)) {
        if (find_doc(E, a) >= 0)
            die("%s: document %s listed twice", where, a);
        E->docs = xrealloc(E->docs, (E->ndocs + 1) * sizeof *E->docs);
        E->docs[E->ndocs++] = (edoc){xstrdup(a), expand_path(b), NULL, NULL, 0};
    } else if (!strcmp(kw, "expect") && a && b) {
        int f = 0;
        while (f < NFIELDS && strcmp(field_name[f], a))
            f++;
        char *c = next_token(s), *d = next_token(s);
        if (f == NFIELDS || !c || !d)
            die("%s: expect FIELD CORRECT PREDICTED GOLD", where);
        E->expect[f][0] = atol(b), E->expect[f][1] = atol(c), E->expect[f][2] = atol(d);
        E->has_expect[f] = true;
    } else {
        die("%s: bad directive %s", where, kw);
    }
}

static void read_gold(evalset *E, const char *path)
{
    size_t len;
    char *buf = conf_slurp(path, &len), *line = buf, where[1200];
    E->path = path;
    for (int lineno = 1; line && *line; lineno++) {
        char *nl = strchr(line, '\n'), *s = line;
        if (nl)
            *nl = 0;
        snprintf(where, sizeof where, "%s:%d", path, lineno);
        char *first = next_token(&s);
        if (first &&
            (!strcmp(first, "doc") || !strcmp(first, "published") || !strcmp(first, "expect"))) {
            parse_directive(E, first, &s, where);
        } else if (first) {
            gclaim g = {.doc = find_doc(E, first), .lineno = lineno};
            if (g.doc < 0)
                die("%s: document %s has no doc line before it", where, first);
            const char *bad = parse_claim(&g, &s);
            if (bad)
                die("%s: bad %s column", where, bad);
            E->gold = xrealloc(E->gold, (E->ngold + 1) * sizeof *E->gold);
            E->gold[E->ngold++] = g;
        }
        line = nl ? nl + 1 : NULL;
    }
    free(buf);
    if (!E->ndocs)
        die("%s: no documents", path);
}

/* ---- documents ---------------------------------------------------------------------- */

/* Reads one line of any length from f into *buf; NULL at the end of the file. */
static char *gz_line(gzFile f, char **buf, size_t *cap)
{
    size_t n = 0;
    for (;;) {
        if (*cap - n < 2) {
            *cap = *cap ? *cap * 2 : 1 << 16;
            *buf = xrealloc(*buf, *cap);
        }
        if (!gzgets(f, *buf + n, (int)(*cap - n)))
            return n ? *buf : NULL;
        n += strlen(*buf + n);
        if ((*buf)[n - 1] == '\n') {
            (*buf)[n - 1] = 0;
            return *buf;
        }
    }
}

/* Takes from the JSONL file at path (gzip'd or not) the records of the listed documents
 * that name this path. */
static void load_path(evalset *E, const char *path)
{
    gzFile f = gzopen(path, "rb");
    if (!f)
        die("cannot open %s", path);
    char *buf = NULL;
    size_t cap = 0;
    while (gz_line(f, &buf, &cap)) {
        json_error_t err;
        json_t *o = json_loads(buf, 0, &err);
        if (!o)
            die("%s: %s", path, err.text);
        int d = find_doc(E, json_string_value(json_object_get(o, "id")));
        json_t *text = json_object_get(o, "text");
        if (d >= 0 && !strcmp(E->docs[d].path, path) && !E->docs[d].record && text) {
            E->docs[d].record = xstrdup(buf);
            E->docs[d].len = json_string_length(text);
            E->docs[d].text = xrealloc(NULL, E->docs[d].len + 1);
            memcpy(E->docs[d].text, json_string_value(text), E->docs[d].len + 1);
        }
        json_decref(o);
    }
    free(buf);
    gzclose(f);
}

static bool is_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* An occurrence at [p, p+n) counts when no letter or digit touches it and it does not
 * continue a number ("10,000" is not in "110,000" nor in "10,000,000"). */
static bool standalone(const char *t, size_t len, size_t p, size_t n)
{
    size_t q = p + n;
    const unsigned char *u = (const unsigned char *)t;
    if (p > 0 && (is_alnum(u[p - 1]) || ((u[p - 1] == '.' || u[p - 1] == ',') && p >= 2 &&
                                         u[p - 2] >= '0' && u[p - 2] <= '9')))
        return false;
    return q >= len || !(is_alnum(u[q]) || ((u[q] == '.' || u[q] == ',') && q + 1 < len &&
                                            u[q + 1] >= '0' && u[q + 1] <= '9'));
}

static void locate(const evalset *E, gclaim *g)
{
    const edoc *d = &E->docs[g->doc];
    size_t n = strlen(g->qty);
    int seen = 0;
    for (const char *at = d->text; (at = memmem(at, d->len - (size_t)(at - d->text), g->qty, n));
         at++) {
        size_t p = (size_t)(at - d->text);
        if (standalone(d->text, d->len, p, n) && ++seen == g->occ) {
            g->start = p, g->end = p + n;
            return;
        }
    }
    char where[1200];
    snprintf(where, sizeof where, "%s:%d", E->path, g->lineno);
    die("%s: quantity \"%s\" not found that many times in the document", where, g->qty);
}

static void load_docs(evalset *E)
{
    for (size_t i = 0; i < E->ndocs; i++) {
        bool done = false;
        for (size_t j = 0; j < i && !done; j++)
            done = !strcmp(E->docs[j].path, E->docs[i].path);
        if (!done)
            load_path(E, E->docs[i].path);
        if (!E->docs[i].record)
            die("document %s not found in %s", E->docs[i].id, E->docs[i].path);
    }
    for (size_t i = 0; i < E->ngold; i++)
        locate(E, &E->gold[i]);
}

/* ---- predictions -------------------------------------------------------------------- */

/* The string member key of o, or "" when absent or not a string. */
static const char *str_of(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s ? s : "";
}

/* The number member key of o, or fallback when absent or not a number. */
static double num_of(json_t *o, const char *key, double fallback)
{
    json_t *v = json_object_get(o, key);
    return json_is_number(v) ? json_number_value(v) : fallback;
}

/* Adds o to the predictions when it is a claim record of a listed document. */
static void add_pred(evalset *E, json_t *o)
{
    if (!json_is_object(o) || strcmp(str_of(o, "kind"), "claim"))
        return;
    int d = find_doc(E, json_string_value(json_object_get(o, "doc")));
    if (d < 0) {
        E->outside++;
        return;
    }
    pclaim p = {.doc = d};
    p.start = (size_t)num_of(o, "start", 0);
    p.end = (size_t)num_of(o, "end", 0);
    p.c.value = num_of(o, "value", NAN);
    p.c.lo = num_of(o, "low", p.c.value);
    p.c.hi = num_of(o, "high", p.c.value);
    set_field(p.c.hedge, sizeof p.c.hedge, str_of(o, "hedge"), "hedge");
    set_field(p.c.modality, sizeof p.c.modality, str_of(o, "modality"), "modality");
    set_field(p.c.date, sizeof p.c.date, str_of(o, "date"), "date");
    json_t *src = json_object_get(o, "source");
    p.c.src = !json_is_object(src)                      ? SRC_NONE
              : !strcmp(str_of(src, "kind"), "unnamed") ? SRC_UNNAMED
                                                        : SRC_NAMED;
    p.c.src_text = xstrdup(str_of(src, "text"));
    set_field(p.c.code, sizeof p.c.code, str_of(src, "actor"), "actor code");
    E->pred = xrealloc(E->pred, (E->npred + 1) * sizeof *E->pred);
    E->pred[E->npred++] = p;
}

/* Reads JSONL predictions from f; returns false on a line that is not JSON. */
static bool read_preds(evalset *E, FILE *f, const char *what)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    bool ok = true;
    while (ok && (n = getline(&line, &cap, f)) > 0) {
        json_error_t err;
        json_t *o = json_loads(line, 0, &err);
        if (!o)
            fprintf(stderr, "conformance claims: %s: not JSON: %s\n", what, err.text);
        ok = o != NULL;
        add_pred(E, o);
        json_decref(o);
    }
    free(line);
    return ok;
}

/* Single-quotes s for the shell into out (cap bytes). */
static void shell_quote(char *out, size_t cap, const char *s)
{
    size_t n = 0;
    out[n++] = '\'';
    for (; *s && n + 6 < cap; s++) {
        if (*s == '\'') {
            memcpy(out + n, "'\\''", 4);
            n += 4;
        } else {
            out[n++] = *s;
        }
    }
    out[n++] = '\'';
    out[n] = 0;
}

/* Writes the documents to a temporary JSONL file, runs sitrep on it and reads the claims. */
static void run_sitrep(evalset *E)
{
    const char *bin = getenv("SITREP_BIN") ? getenv("SITREP_BIN") : "build/sitrep";
    const char *tmpdir = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    char tmp[1024], qbin[2200], qtmp[2200], cmd[4600];
    snprintf(tmp, sizeof tmp, "%s/sitrep-claims-XXXXXX", tmpdir);
    int fd = mkstemp(tmp);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f)
        die("cannot create a temporary file in %s", tmpdir);
    for (size_t i = 0; i < E->ndocs; i++)
        fprintf(f, "%s\n", E->docs[i].record);
    fclose(f);
    shell_quote(qbin, sizeof qbin, bin);
    shell_quote(qtmp, sizeof qtmp, tmp);
    snprintf(cmd, sizeof cmd, "%s extract --only claims%s%s %s", qbin,
             E->published[0] ? " --published " : "", E->published, qtmp);
    FILE *out = popen(cmd, "r");
    bool ok = out && read_preds(E, out, bin);
    int status = out ? pclose(out) : -1;
    unlink(tmp);
    if (!ok || status != 0)
        die("`%s` failed (status %d); does it support --only claims?", cmd,
            status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

/* ---- matching and scoring ----------------------------------------------------------- */

typedef struct {
    size_t g, p, overlap, gap;
} pair;

static int pair_cmp(const void *a, const void *b)
{
    const pair *x = a, *y = b;
    if (x->overlap != y->overlap)
        return x->overlap > y->overlap ? -1 : 1;
    if (x->gap != y->gap)
        return x->gap < y->gap ? -1 : 1;
    return x->g != y->g ? (x->g < y->g ? -1 : 1) : (x->p < y->p ? -1 : x->p > y->p);
}

/* Fills gm[g] / pm[p] with the matched partner's index, or -1: overlapping spans in the
 * same document, one-to-one, largest overlap first (then nearest start). */
static void match(const evalset *E, long *gm, long *pm)
{
    pair *pairs = NULL;
    size_t n = 0;
    for (size_t g = 0; g < E->ngold; g++) {
        gm[g] = -1;
        for (size_t p = 0; p < E->npred; p++) {
            const gclaim *G = &E->gold[g];
            const pclaim *P = &E->pred[p];
            size_t lo = G->start > P->start ? G->start : P->start;
            size_t hi = G->end < P->end ? G->end : P->end;
            if (G->doc != P->doc || lo >= hi)
                continue;
            pairs = xrealloc(pairs, (n + 1) * sizeof *pairs);
            size_t gap = G->start > P->start ? G->start - P->start : P->start - G->start;
            pairs[n++] = (pair){g, p, hi - lo, gap};
        }
    }
    for (size_t p = 0; p < E->npred; p++)
        pm[p] = -1;
    qsort(pairs, n, sizeof *pairs, pair_cmp);
    for (size_t i = 0; i < n; i++)
        if (gm[pairs[i].g] < 0 && pm[pairs[i].p] < 0)
            gm[pairs[i].g] = (long)pairs[i].p, pm[pairs[i].p] = (long)pairs[i].g;
    free(pairs);
}

static bool near(double p, double g)
{
    return fabs(p - g) <= 0.005 * fabs(g) + 1e-9;
}

static bool stop_word(const char *w, size_t n)
{
    static const char *const stop[] = {
        "the",       "a",           "an",    "of",     "and",       "for",      "in",
        "on",        "at",          "to",    "by",     "from",      "with",     "its",
        "his",       "her",         "their", "our",    "mr",        "mrs",      "ms",
        "dr",        "sir",         "lord",  "chief",  "president", "minister", "secretary",
        "spokesman", "spokeswoman", "head",  "leader", "executive", "official", "officials",
        "general",   NULL};
    for (const char *const *s = stop; *s; s++)
        if (strlen(*s) == n && !strncasecmp(*s, w, n))
            return true;
    return false;
}

/* Length of the apostrophe at u (' or U+2019), or 0. */
static size_t apostrophe(const unsigned char *u)
{
    if (u[0] == '\'')
        return 1;
    return u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0x99 ? 3 : 0;
}

/* Length of the word at u: ASCII letters and digits and non-ASCII letters (any UTF-8
 * sequence but the punctuation block U+2000..U+206F: quotes, dashes). */
static size_t word_len(const unsigned char *u)
{
    size_t n = 0;
    for (;;) {
        if (is_alnum(u[n]))
            n++;
        else if (u[n] >= 0xC0 && !(u[n] == 0xE2 && (u[n + 1] == 0x80 || u[n + 1] == 0x81)))
            for (n++; (u[n] & 0xC0) == 0x80; n++)
                ;
        else
            return n;
    }
}

/* Splits s into lower-cased content words, leaving out a possessive 's (or a final
 * apostrophe: "James' proposals") and stop words (function words and titles, which name
 * no one in particular); writes them NUL-separated into out and returns how many. */
static size_t words(const char *s, char *out, size_t cap)
{
    size_t count = 0, o = 0;
    for (const unsigned char *u = (const unsigned char *)s; *u;) {
        size_t n = word_len(u);
        if (!n) {
            u++;
            continue;
        }
        if (!stop_word((const char *)u, n) && o + n + 1 < cap) {
            for (size_t i = 0; i < n; i++)
                out[o++] = (char)(u[i] >= 'A' && u[i] <= 'Z' ? u[i] | 0x20 : u[i]);
            out[o++] = 0;
            count++;
        }
        u += n;
        size_t a = apostrophe(u);
        if (a && u[a] == 's' && !is_alnum(u[a + 1]))
            u += a + 1;
    }
    return count;
}

static bool words_overlap(const char *a, const char *b)
{
    char wa[2048], wb[2048];
    size_t na = words(a, wa, sizeof wa), nb = words(b, wb, sizeof wb);
    const char *x = wa;
    for (size_t i = 0; i < na; i++, x += strlen(x) + 1) {
        const char *y = wb;
        for (size_t j = 0; j < nb; j++, y += strlen(y) + 1)
            if (!strcmp(x, y))
                return true;
    }
    return false;
}

static bool field_ok(const gclaim *gc, const fields *p, int f)
{
    const fields *g = &gc->c;
    switch (f) {
    case F_DETECT: return true;
    case F_VALUE:
        return gc->range ? near(p->lo, g->lo) && near(p->hi, g->hi) : near(p->value, g->value);
    case F_HEDGE: return !strcmp(p->hedge, g->hedge);
    case F_DATE: return !strcmp(p->date, g->date);
    case F_MODALITY: return !strcmp(p->modality, g->modality);
    default:
        if (p->src != g->src)
            return false;
        if (g->src != SRC_NAMED)
            return true;
        if (g->code[0] && p->code[0] && !strncmp(g->code, p->code, 3))
            return true;
        return words_overlap(g->src_text, p->src_text);
    }
}

static void describe_gold(const evalset *E, const gclaim *g, char *out, size_t cap)
{
    snprintf(out, cap, "%s \"%s\"#%d (%s:%d)", E->docs[g->doc].id, g->qty, g->occ, E->path,
             g->lineno);
}

/* Writes field f of c for a verbose listing. */
static void show_field(char *out, size_t cap, int f, const fields *c)
{
    switch (f) {
    case F_VALUE:
        if (c->lo != c->hi)
            snprintf(out, cap, "%g..%g", c->lo, c->hi);
        else
            snprintf(out, cap, "%g", c->value);
        break;
    case F_HEDGE: snprintf(out, cap, "%s", c->hedge); break;
    case F_DATE: snprintf(out, cap, "%s", *c->date ? c->date : "null"); break;
    case F_MODALITY: snprintf(out, cap, "%s", c->modality); break;
    default:
        if (c->src == SRC_NAMED)
            snprintf(out, cap, "named:\"%s\"%s%s", c->src_text, *c->code ? "|" : "", c->code);
        else
            snprintf(out, cap, "%s", src_kind_name[c->src]);
    }
}

static void report_wrong(const evalset *E, const gclaim *g, const pclaim *p, int f)
{
    char where[1400], gv[600], pv[600];
    describe_gold(E, g, where, sizeof where);
    show_field(gv, sizeof gv, f, &g->c);
    show_field(pv, sizeof pv, f, &p->c);
    printf("  WRONG %-8s %s: gold %s, predicted %s\n", field_name[f], where, gv, pv);
}

static void report_miss(const evalset *E, const gclaim *g)
{
    char where[1400], v[64], src[600];
    describe_gold(E, g, where, sizeof where);
    show_field(v, sizeof v, F_VALUE, &g->c);
    show_field(src, sizeof src, F_SOURCE, &g->c);
    printf("  MISS  %s: %s %s %s %s %s\n", where, v, g->c.hedge,
           g->date_scored ? (*g->c.date ? g->c.date : "null") : "*", g->c.modality, src);
}

static void report_spurious(const evalset *E, const pclaim *p)
{
    const edoc *d = &E->docs[p->doc];
    int n = p->end > p->start && p->end <= d->len ? (int)(p->end - p->start) : 0;
    printf("  SPURIOUS %s [%zu,%zu) \"%.*s\" value %g\n", d->id, p->start, p->end, n,
           n ? d->text + p->start : "", p->c.value);
}

/* Scores the matched set into t[NFIELDS]; with verbose, lists the errors. */
static void score(const evalset *E, const long *gm, const long *pm, tally *t, bool verbose)
{
    memset(t, 0, NFIELDS * sizeof *t);
    for (size_t p = 0; p < E->npred; p++) {
        const gclaim *g = pm[p] >= 0 ? &E->gold[pm[p]] : NULL;
        if (g && g->optional)
            continue;
        for (int f = 0; f < NFIELDS; f++)
            t[f].predicted += f != F_DATE || !g || g->date_scored;
        if (!g && verbose)
            report_spurious(E, &E->pred[p]);
    }
    for (size_t i = 0; i < E->ngold; i++) {
        const gclaim *g = &E->gold[i];
        if (g->optional)
            continue;
        for (int f = 0; f < NFIELDS; f++)
            t[f].gold += f != F_DATE || g->date_scored;
        if (gm[i] < 0) {
            if (verbose)
                report_miss(E, g);
            continue;
        }
        for (int f = 0; f < NFIELDS; f++) {
            if (f == F_DATE && !g->date_scored)
                continue;
            bool ok = field_ok(g, &E->pred[gm[i]].c, f);
            t[f].correct += ok;
            if (!ok && verbose)
                report_wrong(E, g, &E->pred[gm[i]], f);
        }
    }
}

static double pct(size_t a, size_t b)
{
    return b ? 100.0 * (double)a / (double)b : 0.0;
}

static void print_table(const evalset *E, const tally *t)
{
    size_t opt = 0, on_opt = 0;
    for (size_t i = 0; i < E->ngold; i++)
        opt += E->gold[i].optional;
    on_opt = E->npred - t[F_DETECT].predicted;
    printf("claims: %zu documents, %zu gold claims (+%zu optional), %zu predicted (%zu on "
           "optional gold, left out)\n",
           E->ndocs, E->ngold - opt, opt, E->npred, on_opt);
    if (E->outside)
        printf("claims: %zu predictions on documents outside the set ignored\n", E->outside);
    printf("%-9s %8s %10s %6s %10s %7s %7s\n", "field", "correct", "predicted", "gold", "precision",
           "recall", "F1");
    for (int f = 0; f < NFIELDS; f++)
        printf("%-9s %8zu %10zu %6zu %9.1f%% %6.1f%% %6.1f%%\n", field_name[f], t[f].correct,
               t[f].predicted, t[f].gold, pct(t[f].correct, t[f].predicted),
               pct(t[f].correct, t[f].gold), pct(2 * t[f].correct, t[f].predicted + t[f].gold));
}

static void free_set(evalset *E)
{
    for (size_t i = 0; i < E->ndocs; i++) {
        free(E->docs[i].id), free(E->docs[i].path);
        free(E->docs[i].record), free(E->docs[i].text);
    }
    for (size_t i = 0; i < E->ngold; i++)
        free(E->gold[i].qty), free(E->gold[i].c.src_text);
    for (size_t i = 0; i < E->npred; i++)
        free(E->pred[i].c.src_text);
    free(E->docs), free(E->gold), free(E->pred);
}

/* Loads the gold file and its documents, then the predictions (from pred_path, or by
 * running sitrep when it is NULL), and scores them into t. */
static void evaluate(evalset *E, const char *gold_path, const char *pred_path, tally *t,
                     bool verbose)
{
    read_gold(E, gold_path);
    load_docs(E);
    if (pred_path) {
        FILE *f = fopen(pred_path, "r");
        if (!f)
            die("cannot open %s", pred_path);
        bool ok = read_preds(E, f, pred_path);
        fclose(f);
        if (!ok)
            exit(2);
    } else {
        run_sitrep(E);
    }
    long *gm = xrealloc(NULL, (E->ngold + 1) * sizeof *gm);
    long *pm = xrealloc(NULL, (E->npred + 1) * sizeof *pm);
    match(E, gm, pm);
    score(E, gm, pm, t, verbose);
    free(gm), free(pm);
}

/* Scores the hand-made predictions against the small gold file and compares every count
 * with the gold file's "expect" lines (all six fields must have one). */
static bool self_test(bool verbose)
{
    evalset E = {0};
    tally t[NFIELDS];
    evaluate(&E, "tests/eval/selftest.gold", "tests/eval/selftest.pred.jsonl", t, verbose);
    print_table(&E, t);
    size_t bad = 0, checked = 0;
    for (int f = 0; f < NFIELDS; f++) {
        if (!E.has_expect[f])
            continue;
        checked++;
        long got[3] = {(long)t[f].correct, (long)t[f].predicted, (long)t[f].gold};
        if (memcmp(got, E.expect[f], sizeof got)) {
            bad++;
            printf("claims self-test: %s: got %ld/%ld/%ld, expected %ld/%ld/%ld\n", field_name[f],
                   got[0], got[1], got[2], E.expect[f][0], E.expect[f][1], E.expect[f][2]);
        }
    }
    printf("claims self-test: %zu of %zu fields as expected\n", checked - bad, checked);
    free_set(&E);
    return checked == NFIELDS && !bad;
}

int main(int argc, char **argv)
{
    const char *gold = "tests/eval/claims.gold", *pred = NULL;
    bool only_self = false;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--self-test"))
            only_self = true;
        else if (!strcmp(argv[i], "--gold") && i + 1 < argc)
            gold = argv[++i];
        else if (!strcmp(argv[i], "--pred") && i + 1 < argc)
            pred = argv[++i];
        else
            die("usage: claims [--self-test] [--gold FILE] [--pred FILE]");
    }
    bool ok = self_test(only_self && conf_verbose());
    if (only_self)
        return ok ? 0 : 1;
    evalset E = {0};
    tally t[NFIELDS];
    evaluate(&E, gold, pred, t, conf_verbose());
    print_table(&E, t);
    static const char *const suite[NFIELDS] = {"claims-detect", "claims-value", "claims-hedge",
                                               "claims-source", "claims-date",  "claims-modality"};
    for (int f = 0; f < NFIELDS; f++)
        ok &= conf_report(suite[f], 2 * t[f].correct, t[f].predicted + t[f].gold);
    free_set(&E);
    return ok ? 0 : 1;
}
