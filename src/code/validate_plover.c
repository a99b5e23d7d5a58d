/* validate_plover.c: PLOVER's gold-standard records run through the pipeline
 * (validate_gold.h): the JSON array read with yajl's tree after a nesting check, each
 * record's text coded with the built-in lexicon, and the PLOVER types of its events
 * compared with the gold event type.
 *
 * The disagreements are also tallied by (gold type, first coded type) for the verbose
 * summary: a short list of pairs, counted by a linear scan, capped so a file of
 * made-up types cannot make the tally quadratic. */
#include <stdlib.h>

#include <yajl/yajl_tree.h>

#include "plover.h"
#include "validate_gold.h"

/* ---- reading the JSON ---------------------------------------------------------------- */

/* The deepest nesting of arrays and objects in p[0, n), strings skipped. Malformed text
 * gets a number all the same; the parser reports it afterwards. */
static size_t json_depth(const char *p, size_t n)
{
    size_t d = 0, max = 0;
    bool str = false;
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        if (str) {
            if (c == '\\')
                i++;
            else if (c == '"')
                str = false;
        } else if (c == '"') {
            str = true;
        } else if (c == '[' || c == '{') {
            max = ++d > max ? d : max;
        } else if ((c == ']' || c == '}') && d) {
            d--;
        }
    }
    return max;
}

/* The string member key of obj, NULL when absent or not a string. */
static const char *member(yajl_val obj, const char *key)
{
    for (size_t i = 0; i < obj->u.object.len; i++)
        if (!strcmp(obj->u.object.keys[i], key) && YAJL_IS_STRING(obj->u.object.values[i]))
            return obj->u.object.values[i]->u.string;
    return NULL;
}

/* A copy of s in the arena, NULL for NULL; *oom is set when the copy fails. */
static const char *keep(sr_arena *a, const char *s, bool *oom)
{
    if (!s)
        return NULL;
    const char *c = sr_arena_strndup(a, s, strlen(s));
    *oom |= !c;
    return c;
}

static sr_status take_records(sr_plover_gold *g, yajl_val root)
{
    size_t n = root->u.array.len;
    g->records = sr_arena_alloc(g->arena, (n ? n : 1) * sizeof *g->records);
    if (!g->records)
        return SR_NOMEM;
    bool oom = false;
    for (size_t i = 0; i < n; i++) {
        yajl_val v = root->u.array.values[i];
        sr_plover_record *r = &g->records[g->nrecords++];
        memset(r, 0, sizeof *r);
        if (!YAJL_IS_OBJECT(v))
            continue;
        r->id = keep(g->arena, member(v, "id"), &oom);
        r->text = keep(g->arena, member(v, "text"), &oom);
        r->event = keep(g->arena, member(v, "event"), &oom);
        const char *date = member(v, "date");
        if (date && sr_ymd_parse(date, strlen(date), &r->day) != SR_OK)
            r->day = (sr_ymd){0, 0, 0};
    }
    return oom ? SR_NOMEM : SR_OK;
}

/* yajl's message, cut to its first line ("lexical error: invalid char in json text."). */
static void first_line(char *s)
{
    for (; *s; s++)
        if (*s == '\n' || *s == '\r') {
            *s = 0;
            return;
        }
}

/* Parses data[0, n) into *root (yajl needs NUL-terminated text: a copy is made). */
static sr_status parse_json(const char *name, const char *data, size_t n, yajl_val *root, char *err,
                            size_t errn)
{
    if (memchr(data, 0, n))
        return sr_gold_fail(err, errn, SR_JSON, "%s: malformed JSON: a NUL byte", name);
    if (json_depth(data, n) > SR_GOLD_MAX_JSON_DEPTH)
        return sr_gold_fail(err, errn, SR_LIMIT, "%s: JSON nested more than %d deep", name,
                            SR_GOLD_MAX_JSON_DEPTH);
    char *text = malloc(n + 1), msg[256] = "";
    if (!text)
        return sr_gold_fail(err, errn, SR_NOMEM, "%s: %s", name, sr_strerror(SR_NOMEM));
    memcpy(text, data, n);
    text[n] = 0;
    *root = yajl_tree_parse(text, msg, sizeof msg);
    free(text);
    first_line(msg);
    if (!*root)
        return sr_gold_fail(err, errn, SR_JSON, "%s: malformed JSON: %s", name,
                            msg[0] ? msg : "cannot be parsed");
    if (!YAJL_IS_ARRAY(*root)) {
        yajl_tree_free(*root);
        *root = NULL;
        return sr_gold_fail(err, errn, SR_JSON, "%s: not a JSON array of records", name);
    }
    return SR_OK;
}

sr_status sr_plover_gold_read(const char *name, const char *data, size_t n, sr_plover_gold *out,
                              char *err, size_t errn)
{
    memset(out, 0, sizeof *out);
    if (n > SR_GOLD_MAX_FILE)
        return sr_gold_fail(err, errn, SR_TOOBIG, "%s: more than %u bytes", name, SR_GOLD_MAX_FILE);
    if (n >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
        data += 3, n -= 3;
    yajl_val root = NULL;
    sr_status st = parse_json(name, data, n, &root, err, errn);
    if (st)
        return st;
    if (!(out->arena = sr_arena_new()) || (st = take_records(out, root)) != SR_OK) {
        sr_plover_gold_free(out);
        st = sr_gold_fail(err, errn, SR_NOMEM, "%s: %s", name, sr_strerror(SR_NOMEM));
    }
    yajl_tree_free(root);
    return st;
}

void sr_plover_gold_free(sr_plover_gold *g)
{
    if (!g)
        return;
    sr_arena_free(g->arena);
    memset(g, 0, sizeof *g);
}

/* ---- the run ------------------------------------------------------------------------- */

/* Distinct (gold, first coded) pairs tallied; later pairs are counted as "other". */
enum { MAX_PAIRS = 256, TOP_PAIRS = 12 };

typedef struct {
    const char *gold, *got;
    size_t n;
} mismatch;

/* PLOVER types the conversion table gives any CAMEO code (it uses 16). */
enum { MAX_TYPES = 64 };

typedef struct {
    sr_lexicon *lx;
    const char *types[MAX_TYPES];
    size_t ntypes;
    sr_pipeline *p;
    unsigned flags;
    FILE *out;
    sr_plover_result *res;
    mismatch pairs[MAX_PAIRS];
    size_t npairs, other;
} vrun;

static bool printing(const vrun *r, bool pass)
{
    return r->out && !(r->flags & SR_VALIDATE_QUIET) &&
           !(pass && (r->flags & SR_VALIDATE_FAILURES));
}

static void tally(vrun *r, const char *gold, const char *got)
{
    for (size_t i = 0; i < r->npairs; i++)
        if (!strcmp(r->pairs[i].gold, gold) && !strcmp(r->pairs[i].got, got)) {
            r->pairs[i].n++;
            return;
        }
    if (r->npairs < MAX_PAIRS)
        r->pairs[r->npairs++] = (mismatch){gold, got, 1};
    else
        r->other++;
}

/* The first event's type for the tally (a string that lives for the whole process). */
static const char *first_type(const sr_doc *d)
{
    if (!d->nevents)
        return "(no event)";
    return d->events[0].plover[0] ? d->events[0].plover : "(unmapped)";
}

static void print_events(FILE *f, const sr_doc *d)
{
    if (!d->nevents)
        fputs(" (no event)", f);
    for (size_t i = 0; i < d->nevents; i++)
        fprintf(f, " %s:%s", d->events[i].code, d->events[i].plover[0] ? d->events[i].plover : "-");
}

static void add_type(vrun *r, const char *cameo)
{
    const char *t = sr_plover_type(cameo);
    for (size_t i = 0; i < r->ntypes; i++)
        if (!strcmp(r->types[i], t))
            return;
    if (t[0] && r->ntypes < MAX_TYPES)
        r->types[r->ntypes++] = t;
}

/* Collects the types of every CAMEO code, roots 01-20 and their 3- and 4-digit codes, so
 * that a gold type no code maps to (another PLOVER version's name) can be counted. */
static void collect_types(vrun *r)
{
    char code[48]; /* room for any int, as the compiler cannot see the ranges */
    for (int root = 1; root <= 20; root++) {
        snprintf(code, sizeof code, "%02d", root);
        add_type(r, code);
        for (int three = 0; three < 10; three++) {
            snprintf(code, sizeof code, "%02d%d", root, three);
            add_type(r, code);
            for (int four = 0; four < 10; four++) {
                snprintf(code, sizeof code, "%02d%d%d", root, three, four);
                add_type(r, code);
            }
        }
    }
}

static bool reachable(const vrun *r, const char *type)
{
    for (size_t i = 0; i < r->ntypes; i++)
        if (!strcmp(r->types[i], type))
            return true;
    return false;
}

static void judge(vrun *r, const sr_plover_record *rec, const char *id, const sr_doc *d)
{
    bool any = false;
    for (size_t i = 0; i < d->nevents && !any; i++)
        any = !strcmp(d->events[i].plover, rec->event);
    r->res->no_event += d->nevents == 0;
    r->res->unreachable += !reachable(r, rec->event);
    r->res->first_agreed += d->nevents && !strcmp(d->events[0].plover, rec->event);
    if (any)
        r->res->agreed++;
    else
        r->res->disagreed++;
    if (!any)
        tally(r, rec->event, first_type(d));
    if (!printing(r, any))
        return;
    if (any) {
        fprintf(r->out, "PASS %s %s\n", id, rec->event);
        return;
    }
    fprintf(r->out, "FAIL %s  expected: %s  got:", id, rec->event);
    print_events(r->out, d);
    fputc('\n', r->out);
}

static sr_status code_record(vrun *r, const sr_plover_record *rec, const char *id)
{
    sr_doc *doc = sr_doc_new(id, rec->text, strlen(rec->text), &rec->day);
    if (!doc)
        return SR_NOMEM;
    sr_status st = sr_pipeline_run(r->p, doc);
    if (!st)
        judge(r, rec, id, doc);
    sr_doc_free(doc);
    return st;
}

static sr_status run_record(vrun *r, const sr_plover_record *rec, size_t i)
{
    if (rec->event && !strcmp(rec->event, "DOCUMENT"))
        return SR_OK;
    char id[32];
    snprintf(id, sizeof id, "#%zu", i + 1);
    const char *name = rec->id ? rec->id : id;
    r->res->records++;
    if (rec->text && rec->event)
        return code_record(r, rec, name);
    r->res->unscored++;
    if (r->out && (r->flags & SR_VALIDATE_VERBOSE) && !(r->flags & SR_VALIDATE_QUIET))
        fprintf(r->out, "SKIP %s  %s\n", name,
                !rec->id && !rec->text && !rec->event ? "not an object with \"text\" and \"event\""
                : !rec->text                          ? "no string \"text\""
                                                      : "no string \"event\"");
    return SR_OK;
}

static int by_count(const void *a, const void *b)
{
    const mismatch *x = a, *y = b;
    if (x->n != y->n)
        return x->n < y->n ? 1 : -1;
    int c = strcmp(x->gold, y->gold);
    return c ? c : strcmp(x->got, y->got);
}

static void print_mismatches(vrun *r)
{
    qsort(r->pairs, r->npairs, sizeof *r->pairs, by_count);
    for (size_t i = 0; i < r->npairs && i < TOP_PAIRS; i++)
        fprintf(r->out, "MISMATCH %zu  expected %s  first coded %s\n", r->pairs[i].n,
                r->pairs[i].gold, r->pairs[i].got);
    if (r->other)
        fprintf(r->out, "MISMATCH %zu  other pairs\n", r->other);
}

static sr_status load(vrun *r, char *err, size_t errn)
{
    collect_types(r);
    if (!(r->lx = sr_lexicon_new()))
        return sr_gold_fail(err, errn, SR_NOMEM, "%s", sr_strerror(SR_NOMEM));
    sr_status st = sr_lexicon_load_defaults(r->lx);
    if (st)
        return sr_gold_fail(err, errn, st, "built-in lexicon: %s",
                            sr_lexicon_error(r->lx)[0] ? sr_lexicon_error(r->lx) : sr_strerror(st));
    if (!(r->p = sr_pipeline_new(r->lx)))
        return sr_gold_fail(err, errn, SR_NOMEM, "%s", sr_strerror(SR_NOMEM));
    return SR_OK;
}

sr_status sr_validate_plover(const char *path, unsigned flags, FILE *out, sr_plover_result *res,
                             char *err, size_t errn)
{
    if (err && errn)
        err[0] = 0;
    memset(res, 0, sizeof *res);
    vrun *r = calloc(1, sizeof *r);
    if (!r)
        return sr_gold_fail(err, errn, SR_NOMEM, "%s", sr_strerror(SR_NOMEM));
    *r = (vrun){.flags = flags, .out = out, .res = res};
    sr_plover_gold g = {0};
    sr_buf data = {0};
    sr_status st = sr_gold_slurp(path, &data, err, errn);
    if (!st)
        st = sr_plover_gold_read(path, data.p ? data.p : "", data.n, &g, err, errn);
    sr_buf_free(&data);
    if (!st)
        st = load(r, err, errn);
    for (size_t i = 0; !st && i < g.nrecords; i++)
        if ((st = run_record(r, &g.records[i], i)) != SR_OK)
            sr_gold_fail(err, errn, st, "%s: record %zu: %s", path, i + 1, sr_strerror(st));
    if (!st && out && (flags & SR_VALIDATE_VERBOSE) && !(flags & SR_VALIDATE_QUIET))
        print_mismatches(r);
    if (!st && out)
        fprintf(out,
                "%zu agree, %zu disagree, %zu not scored (%zu records); no event coded: %zu; "
                "first event agrees: %zu; gold type no CAMEO code maps to: %zu\n",
                res->agreed, res->disagreed, res->unscored, res->records, res->no_event,
                res->first_agreed, res->unreachable);
    sr_pipeline_free(r->p);
    sr_lexicon_free(r->lx);
    sr_plover_gold_free(&g);
    free(r);
    return st;
}
