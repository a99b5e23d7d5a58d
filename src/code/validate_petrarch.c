/* validate_petrarch.c: PETRARCH's unit-test records run against the event coder
 * (validate_gold.h): the XML read with libxml2 into records held in one arena, the
 * dictionaries its <Environment> names loaded into one dictionary and one verb set, then
 * each record's text coded and its events compared with the expected ones as sets of
 * (source, target, code) triples.
 *
 * The document is walked two levels deep (<Validation>, then <Environment> and
 * <Sentences>, then their children), with no recursion. <Config> elements wait in a
 * pending list that the next <Sentence> takes over, so the run applies each change just
 * before the record it precedes. */
#include <stdlib.h>
#include <strings.h>
#include <sys/stat.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "validate_gold.h"

/* ---- small helpers ------------------------------------------------------------------- */

static bool blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

/* Copies s into the arena with every run of blanks folded to one blank and none at either
 * end. NULL on out-of-memory. */
static char *fold(sr_arena *a, const char *s)
{
    size_t n = strlen(s), k = 0;
    char *o = sr_arena_alloc(a, n + 1);
    if (!o)
        return NULL;
    bool gap = false;
    for (size_t i = 0; i < n; i++) {
        if (blank(s[i])) {
            gap = k > 0;
            continue;
        }
        if (gap)
            o[k++] = ' ';
        gap = false;
        o[k++] = s[i];
    }
    o[k] = 0;
    return o;
}

/* ---- reading the XML ----------------------------------------------------------------- */

typedef struct {
    sr_petr_suite *s;
    size_t cap_records;
    sr_petr_config *pend; /* <Config> elements waiting for the next record */
    size_t npend, cap_pend;
} xreader;

static bool named(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && !xmlStrcmp(n->name, (const xmlChar *)name);
}

/* An attribute's value, folded, in the arena ("" when absent); NULL on out-of-memory. */
static const char *attr(sr_arena *a, xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    const char *s = fold(a, v ? (const char *)v : "");
    xmlFree(v);
    return s;
}

/* An element's text, folded, in the arena; NULL on out-of-memory. */
static const char *content(sr_arena *a, xmlNode *n)
{
    xmlChar *v = xmlNodeGetContent(n);
    const char *s = fold(a, v ? (const char *)v : "");
    xmlFree(v);
    return s;
}

/* "YYYYMMDD" (or "YYYY-MM-DD") as a day; year 0 when it is neither or not a valid day. */
static sr_ymd read_day(const char *s)
{
    sr_ymd d = {0, 0, 0};
    size_t n = strlen(s);
    bool digits = n == 8;
    for (size_t i = 0; i < n && digits; i++)
        digits = s[i] >= '0' && s[i] <= '9';
    if (digits) {
        int v = atoi(s);
        d = (sr_ymd){(int16_t)(v / 10000), (int8_t)(v / 100 % 100), (int8_t)(v % 100)};
    } else if (sr_ymd_parse(s, n, &d) != SR_OK) {
        return (sr_ymd){0, 0, 0};
    }
    return sr_ymd_valid(d) ? d : (sr_ymd){0, 0, 0};
}

static sr_status read_config(xreader *x, xmlNode *n)
{
    sr_petr_config *c =
        sr_arena_push(x->s->arena, (void **)&x->pend, &x->npend, &x->cap_pend, sizeof *c, 4);
    if (!c || !(c->option = attr(x->s->arena, n, "option")) ||
        !(c->value = attr(x->s->arena, n, "value")))
        return SR_NOMEM;
    return SR_OK;
}

static sr_status read_environment(xreader *x, xmlNode *env)
{
    sr_petr_suite *s = x->s;
    for (xmlNode *c = env->children; c; c = c->next) {
        const char **slot = named(c, "Verbfile")      ? &s->verbfile
                            : named(c, "Actorfile")   ? &s->actorfile
                            : named(c, "Agentfile")   ? &s->agentfile
                            : named(c, "Discardfile") ? &s->discardfile
                            : named(c, "Include")     ? &s->include
                                                      : NULL;
        if (slot && !(*slot = content(s->arena, c)))
            return SR_NOMEM;
        if (named(c, "Config") && read_config(x, c) != SR_OK)
            return SR_NOMEM;
    }
    return SR_OK;
}

static bool is_true(const char *s)
{
    return !strcasecmp(s, "true") || !strcasecmp(s, "t") || !strcmp(s, "1");
}

/* One <EventCoding>: an error, noevents, or a triple. */
static sr_status read_coding(sr_arena *a, sr_petr_record *r, xmlNode *n, size_t *cap)
{
    r->ncodings++;
    const char *error = attr(a, n, "error"), *none = attr(a, n, "noevents");
    if (!error || !none)
        return SR_NOMEM;
    if (error[0]) {
        r->error = error;
        return SR_OK;
    }
    if (is_true(none)) {
        r->noevents = true;
        return SR_OK;
    }
    sr_gold_triple *t = sr_arena_push(a, (void **)&r->triples, &r->ntriples, cap, sizeof *t, 2);
    if (!t || !(t->source = attr(a, n, "sourcecode")) || !(t->target = attr(a, n, "targetcode")) ||
        !(t->code = attr(a, n, "eventcode")))
        return SR_NOMEM;
    return SR_OK;
}

static sr_status read_sentence(xreader *x, xmlNode *n)
{
    sr_arena *a = x->s->arena;
    sr_petr_record *r =
        sr_arena_push(a, (void **)&x->s->records, &x->s->nrecords, &x->cap_records, sizeof *r, 64);
    if (!r)
        return SR_NOMEM;
    const char *date = attr(a, n, "date"), *use = attr(a, n, "sentence");
    r->id = attr(a, n, "id");
    r->category = attr(a, n, "category");
    r->text = r->error = "";
    if (!date || !use || !r->id || !r->category)
        return SR_NOMEM;
    r->day = read_day(date);
    r->in_use = strcasecmp(use, "false") != 0;
    r->line = xmlGetLineNo(n);
    r->config = x->pend;
    r->nconfig = x->npend;
    x->pend = NULL;
    x->npend = x->cap_pend = 0;
    size_t cap = 0;
    for (xmlNode *c = n->children; c; c = c->next) {
        sr_status st = SR_OK;
        if (named(c, "EventCoding"))
            st = read_coding(a, r, c, &cap);
        else if (named(c, "Text") && !(r->text = content(a, c)))
            st = SR_NOMEM;
        if (st)
            return st;
    }
    return SR_OK;
}

/* A child of the root or of <Sentences>. */
static sr_status read_item(xreader *x, xmlNode *n)
{
    if (named(n, "Sentence"))
        return read_sentence(x, n);
    if (named(n, "Config"))
        return read_config(x, n);
    if (named(n, "Environment"))
        return read_environment(x, n);
    return SR_OK;
}

static sr_status read_tree(xreader *x, xmlDoc *doc)
{
    xmlNode *root = xmlDocGetRootElement(doc);
    sr_status st = SR_OK;
    for (xmlNode *n = root ? root->children : NULL; n && !st; n = n->next) {
        if (!named(n, "Sentences")) {
            st = read_item(x, n);
            continue;
        }
        for (xmlNode *c = n->children; c && !st; c = c->next)
            st = read_item(x, c);
    }
    return st;
}

/* libxml2's message for the last error of ctxt, as one line. */
static void xml_problem(xmlParserCtxt *ctxt, long *line, char *msg, size_t cap)
{
    const xmlError *e = xmlCtxtGetLastError(ctxt);
    *line = e ? e->line : 0;
    snprintf(msg, cap, "%s", e && e->message ? e->message : "not well-formed");
    for (char *p = msg; *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = *(p + 1) ? ' ' : 0;
}

sr_status sr_petr_read(const char *name, const char *data, size_t n, sr_petr_suite *out, char *err,
                       size_t errn)
{
    memset(out, 0, sizeof *out);
    if (n > SR_GOLD_MAX_FILE)
        return sr_gold_fail(err, errn, SR_TOOBIG, "%s: more than %u bytes", name, SR_GOLD_MAX_FILE);
    xmlParserCtxt *ctxt = xmlNewParserCtxt();
    if (!ctxt || !(out->arena = sr_arena_new())) {
        xmlFreeParserCtxt(ctxt);
        return sr_gold_fail(err, errn, SR_NOMEM, "%s: %s", name, sr_strerror(SR_NOMEM));
    }
    /* no network, no DTD or entity loading; libxml2's own depth and size limits stay on */
    int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES;
    xmlDoc *doc = xmlCtxtReadMemory(ctxt, data, (int)n, name, NULL, opts);
    sr_status st = SR_OK;
    if (!doc || !ctxt->wellFormed) {
        char msg[200];
        long line;
        xml_problem(ctxt, &line, msg, sizeof msg);
        st = sr_gold_fail(err, errn, SR_XML, "%s:%ld: malformed XML: %s", name, line, msg);
    } else {
        xreader x = {.s = out};
        out->verbfile = out->actorfile = out->agentfile = out->discardfile = out->include = "";
        st = read_tree(&x, doc);
        if (st)
            sr_gold_fail(err, errn, st, "%s: %s", name, sr_strerror(st));
    }
    xmlFreeDoc(doc);
    xmlFreeParserCtxt(ctxt);
    if (st)
        sr_petr_suite_free(out);
    return st;
}

void sr_petr_suite_free(sr_petr_suite *s)
{
    if (!s)
        return;
    sr_arena_free(s->arena);
    memset(s, 0, sizeof *s);
}

/* ---- which records are scored -------------------------------------------------------- */

/* Whether word is one of the blank-separated words of list. */
static bool listed(const char *list, const char *word)
{
    size_t w = strlen(word);
    for (const char *p = list; *p;) {
        while (*p == ' ')
            p++;
        size_t k = 0;
        while (p[k] && p[k] != ' ')
            k++;
        if (k && k == w && !memcmp(p, word, k))
            return true;
        p += k;
    }
    return false;
}

static bool discard_error(const char *e)
{
    return !strcmp(e, "storydiscard") || !strcmp(e, "sentencediscard");
}

const char *sr_petr_unscored(const sr_petr_suite *s, const sr_petr_record *r, long new_actor_length)
{
    if (!r->in_use)
        return "marked sentence=\"false\": PETRARCH does not run it";
    if (s->include[0] && !listed(s->include, r->category))
        return "its category is not in <Include>";
    if (r->error[0] && !discard_error(r->error))
        return "tests an input check PETRARCH makes before coding";
    if (new_actor_length > 0)
        return "new_actor_length > 0: PETRARCH codes unknown actors as quoted words";
    if (!r->ncodings)
        return "no <EventCoding>";
    if (!r->text[0])
        return "no <Text>";
    return NULL;
}

/* ---- the dictionaries ---------------------------------------------------------------- */

enum { PATH_CAP = 4096 };

/* The directory part of path ("." when none) into out. */
static void dir_of(const char *path, char *out, size_t cap)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(out, cap, ".");
    else
        snprintf(out, cap, "%.*s", (int)(slash == path ? 1 : slash - path), path);
}

static bool is_file(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

/* out = a + b + c; false when the path does not fit. */
static bool join(char *out, const char *a, const char *b, const char *c)
{
    int k = snprintf(out, PATH_CAP, "%s%s%s", a, b, c);
    return k > 0 && k < PATH_CAP;
}

/* Where the file an environment tag names is: as written when absolute, else beside the
 * XML file, else in ../dictionaries/ beside it. SR_NOTFOUND naming both when neither. */
static sr_status locate(const char *xml, const char *tag, const char *name, char *out, char *err,
                        size_t errn)
{
    char dir[PATH_CAP];
    dir_of(xml, dir, sizeof dir);
    bool abs = name[0] == '/';
    if (abs ? join(out, name, "", "") && is_file(out)
            : (join(out, dir, "/", name) && is_file(out)) ||
                  (join(out, dir, "/../dictionaries/", name) && is_file(out)))
        return SR_OK;
    return sr_gold_fail(err, errn, SR_NOTFOUND,
                        "%s: <%s> %s: no such file in %s or %s/../dictionaries", xml, tag, name,
                        dir, dir);
}

/* Rewrites PETRARCH's discard list as actor lines with TABARI's discard code: "+TYPHOON
 * # note" becomes "TYPHOON [###]". Comment lines ("#", and "<!-- -->" over one or more
 * lines) pass through for the dictionary reader to skip, so its line numbers stay true. */
static sr_status discard_lines(const char *p, size_t n, sr_buf *out)
{
    bool comment = false;
    sr_status st = SR_OK;
    for (size_t i = 0; i < n && !st;) {
        size_t e = i;
        while (e < n && p[e] != '\n')
            e++;
        const char *l = p + i;
        size_t k = e - i, h = 0;
        i = e + 1;
        while (h < k && l[h] != '#')
            h++;
        while (h && blank(l[h - 1]))
            h--;
        size_t s = 0;
        while (s < h && blank(l[s]))
            s++;
        bool opens = s + 4 <= h && !memcmp(l + s, "<!--", 4);
        bool closes = k >= 3 && memmem(l, k, "-->", 3) != NULL;
        if (comment || opens || s == h) {
            comment = (comment || opens) && !closes;
            st = sr_buf_add(out, l, k);
        } else {
            s += l[s] == '+';
            st = sr_buf_printf(out, "%.*s [###]", (int)(h - s), l + s);
        }
        if (!st)
            st = sr_buf_addc(out, '\n');
    }
    return st;
}

typedef struct {
    sr_dict *dict;
    sr_verbs *verbs;
    sr_coder *coder;
    long new_actor_length;
    unsigned flags;
    FILE *out;
    sr_petrarch_result *res;
} prun;

/* Keeps the first message of a file's malformed lines (which its reader skipped). */
static sr_status skipped_lines(prun *r, const char *msg)
{
    if (!r->res->dict_error[0])
        snprintf(r->res->dict_error, sizeof r->res->dict_error, "%s", msg);
    return SR_OK;
}

/* A dictionary file's load status: malformed lines were skipped and are noted; a file
 * that cannot be read is an error with one line in err. */
static sr_status dict_status(prun *r, sr_status st, const char *path, char *err, size_t errn)
{
    if (st == SR_NOTFOUND || st == SR_IO || st == SR_NOMEM)
        return sr_gold_fail(err, errn, st, "%s: %s", path, sr_strerror(st));
    return st ? skipped_lines(r, sr_dict_error(r->dict)) : SR_OK;
}

static sr_status load_discards(prun *r, const char *path, char *err, size_t errn)
{
    sr_buf raw = {0}, lines = {0};
    sr_status st = sr_gold_slurp(path, &raw, err, errn);
    if (!st && (st = discard_lines(raw.p, raw.n, &lines)) != SR_OK)
        sr_gold_fail(err, errn, st, "%s: %s", path, sr_strerror(st));
    if (!st)
        st = dict_status(r, sr_dict_load_mem(r->dict, SR_DICT_ACTOR, path, lines.p, lines.n), path,
                         err, errn);
    sr_buf_free(&raw);
    sr_buf_free(&lines);
    return st;
}

/* The actors, agents and discards, into one dictionary with PETRARCH's whole words. */
static sr_status load_actors(prun *r, const char *xml, const sr_petr_suite *s, char *err,
                             size_t errn)
{
    char path[PATH_CAP];
    if (!(r->dict = sr_dict_new(SR_DICT_WHOLE_WORDS)))
        return sr_gold_fail(err, errn, SR_NOMEM, "%s", sr_strerror(SR_NOMEM));
    sr_status st = locate(xml, "Actorfile", s->actorfile, path, err, errn);
    if (!st)
        st = dict_status(r, sr_dict_load_file(r->dict, SR_DICT_ACTOR, path), path, err, errn);
    if (!st && s->agentfile[0] && !(st = locate(xml, "Agentfile", s->agentfile, path, err, errn)))
        st = dict_status(r, sr_dict_load_file(r->dict, SR_DICT_AGENT, path), path, err, errn);
    if (!st && s->discardfile[0] &&
        !(st = locate(xml, "Discardfile", s->discardfile, path, err, errn)))
        st = load_discards(r, path, err, errn);
    sr_dict_stats ds;
    sr_dict_get_stats(r->dict, &ds);
    r->res->dict_errors += ds.errors;
    return st;
}

/* PETRARCH's defaults (its PETR_config.ini): comma clauses of 2-8 words in the middle
 * and at the end are set aside, none at the start; no minimum sentence length. */
static void petrarch_options(sr_coder_options *o, bool time_section)
{
    sr_coder_options_default(o, time_section);
    o->comma_min = o->comma_emin = 2;
    o->comma_max = o->comma_emax = 8;
    o->comma_bmin = o->comma_bmax = 0;
    o->min_words = 0;
}

static sr_status load(prun *r, const char *xml, const sr_petr_suite *s, char *err, size_t errn)
{
    if (!s->verbfile[0] || !s->actorfile[0])
        return sr_gold_fail(err, errn, SR_USAGE, "%s: <Environment> names no <%s>", xml,
                            !s->verbfile[0] ? "Verbfile" : "Actorfile");
    sr_status st = load_actors(r, xml, s, err, errn);
    char path[PATH_CAP];
    if (!st)
        st = locate(xml, "Verbfile", s->verbfile, path, err, errn);
    if (st)
        return st;
    if (!(r->verbs = sr_verbs_new()))
        return sr_gold_fail(err, errn, SR_NOMEM, "%s", sr_strerror(SR_NOMEM));
    st = sr_verbs_load_file(r->verbs, SR_VERBS_PETRARCH, path);
    if (st == SR_NOTFOUND || st == SR_IO)
        return sr_gold_fail(err, errn, st, "%s: %s", path, sr_strerror(st));
    if (st && st != SR_NOMEM)
        st = skipped_lines(r, sr_verbs_error(r->verbs));
    if (!st)
        st = sr_verbs_finish(r->verbs);
    if (st)
        return sr_gold_fail(err, errn, st, "%s",
                            sr_verbs_error(r->verbs)[0] ? sr_verbs_error(r->verbs)
                                                        : sr_strerror(st));
    sr_verbs_stats vs;
    sr_verbs_get_stats(r->verbs, &vs);
    r->res->dict_errors += vs.errors;
    sr_coder_options o;
    petrarch_options(&o, vs.time_section);
    if (!(r->coder = sr_coder_new(r->dict, r->verbs, &o)))
        return sr_gold_fail(err, errn, SR_NOMEM, "%s", sr_strerror(SR_NOMEM));
    return SR_OK;
}

/* ---- options between records --------------------------------------------------------- */

/* One <Config>: comma_min and the like become COMMA limits, new_actor_length is kept;
 * other options (require_dyad: the coder codes only events with both actors;
 * stop_on_error) change nothing here. SR_USAGE with err for a value that cannot be read. */
static sr_status apply_config(prun *r, const char *xml, const sr_petr_record *rec,
                              const sr_petr_config *c, char *err, size_t errn)
{
    char line[160], msg[160];
    if (!strncmp(c->option, "comma_", 6)) {
        snprintf(line, sizeof line, "COMMA: %s=%s", c->option + 6, c->value);
        if (sr_coder_option_line(sr_coder_opts(r->coder), line, strlen(line), msg, sizeof msg))
            return sr_gold_fail(err, errn, SR_USAGE, "%s:%ld: <Config option=\"%s\">: %s", xml,
                                rec->line, c->option, msg);
    } else if (!strcmp(c->option, "new_actor_length")) {
        char *end;
        long v = strtol(c->value, &end, 10);
        if (end == c->value || *end)
            return sr_gold_fail(
                err, errn, SR_USAGE,
                "%s:%ld: <Config option=\"new_actor_length\">: '%s' is not a number", xml,
                rec->line, c->value);
        r->new_actor_length = v;
    }
    return SR_OK;
}

/* ---- scoring one record -------------------------------------------------------------- */

static bool same_triple(const sr_gold_triple *t, const char *s, const char *g, const char *c)
{
    return !strcmp(t->source, s) && !strcmp(t->target, g) && !strcmp(t->code, c);
}

static bool coded(const sr_coded *got, const sr_gold_triple *t)
{
    for (size_t i = 0; got->status == SR_CODED_EVENTS && i < got->nevents; i++) {
        const sr_event *e = &got->events[i];
        if (same_triple(t, e->source, e->target, e->code))
            return true;
    }
    return false;
}

/* Counts the record's distinct expected triples (*expected) and those coded (the
 * return); the coder codes each triple once, so the coded set is its event list. */
static size_t matched(const sr_petr_record *r, const sr_coded *got, size_t *expected)
{
    size_t m = 0;
    *expected = 0;
    for (size_t i = 0; i < r->ntriples; i++) {
        const sr_gold_triple *t = &r->triples[i];
        bool repeat = false;
        for (size_t j = 0; j < i && !repeat; j++)
            repeat = same_triple(&r->triples[j], t->source, t->target, t->code);
        if (repeat)
            continue;
        ++*expected;
        m += coded(got, t);
    }
    return m;
}

/* Does the record agree with what was coded? Adds its triples to the totals. */
static bool judge(prun *r, const sr_petr_record *rec, const sr_coded *got)
{
    size_t ncoded = got->status == SR_CODED_EVENTS ? got->nevents : 0, nexp;
    size_t m = matched(rec, got, &nexp);
    r->res->expected += nexp;
    r->res->coded += ncoded;
    r->res->matched += m;
    if (rec->ntriples)
        return got->status == SR_CODED_EVENTS && m == nexp && ncoded == nexp;
    if (rec->error[0])
        return got->status == SR_CODED_DISCARD;
    return ncoded == 0;
}

/* ---- printing ------------------------------------------------------------------------ */

static void print_expected(FILE *f, const sr_petr_record *rec)
{
    if (!rec->ntriples) {
        fputs(rec->error[0] ? " {###}" : " {---}", f);
        return;
    }
    for (size_t i = 0; i < rec->ntriples; i++)
        fprintf(f, " {%s / %s / %s}", rec->triples[i].source, rec->triples[i].target,
                rec->triples[i].code);
}

static void print_got(FILE *f, const sr_coded *got)
{
    const char *why = got->explain && got->explain[0] ? got->explain : NULL;
    if (got->status == SR_CODED_DISCARD || got->status == SR_CODED_COMPLEX) {
        fprintf(f, " %s%s%s%s", got->status == SR_CODED_DISCARD ? "{###}" : "{+++}",
                why ? " (" : "", why ? why : "", why ? ")" : "");
        return;
    }
    if (got->status != SR_CODED_EVENTS || !got->nevents)
        fputs(" {---}", f);
    for (size_t i = 0; got->status == SR_CODED_EVENTS && i < got->nevents; i++)
        fprintf(f, " {%s / %s / %s}", got->events[i].source, got->events[i].target,
                got->events[i].code);
}

static void verdict(prun *r, const sr_petr_record *rec, bool pass, const sr_coded *got)
{
    if (pass)
        r->res->agreed++;
    else
        r->res->disagreed++;
    if (!r->out || (r->flags & SR_VALIDATE_QUIET) || (pass && (r->flags & SR_VALIDATE_FAILURES)))
        return;
    if (pass) {
        fprintf(r->out, "PASS %s\n", rec->id);
        return;
    }
    fprintf(r->out, "FAIL %s  expected:", rec->id);
    print_expected(r->out, rec);
    fputs("  got:", r->out);
    print_got(r->out, got);
    fputc('\n', r->out);
}

static void skipped(prun *r, const sr_petr_record *rec, const char *why)
{
    r->res->unscored++;
    if (r->out && (r->flags & SR_VALIDATE_VERBOSE) && !(r->flags & SR_VALIDATE_QUIET))
        fprintf(r->out, "SKIP %s  %s%s%s\n", rec->id[0] ? rec->id : "(no id)", why,
                rec->error[0] ? ": error=" : "", rec->error);
}

/* ---- the run ------------------------------------------------------------------------- */

static sr_status code_record(prun *r, const sr_petr_record *rec)
{
    sr_doc *doc = sr_doc_new(rec->id, rec->text, strlen(rec->text), &rec->day);
    if (!doc)
        return SR_NOMEM;
    sr_coded got;
    sr_status st = sr_tokenize(doc);
    if (!st)
        st = sr_coder_code(r->coder, doc, 0, doc->ntokens, rec->day, &got);
    if (!st)
        verdict(r, rec, judge(r, rec, &got), &got);
    sr_doc_free(doc);
    return st;
}

static sr_status run_records(prun *r, const char *xml, const sr_petr_suite *s, char *err,
                             size_t errn)
{
    for (size_t i = 0; i < s->nrecords; i++) {
        const sr_petr_record *rec = &s->records[i];
        r->res->records++;
        for (size_t k = 0; k < rec->nconfig; k++) {
            sr_status st = apply_config(r, xml, rec, &rec->config[k], err, errn);
            if (st)
                return st;
        }
        const char *why = sr_petr_unscored(s, rec, r->new_actor_length);
        sr_status st = why ? (skipped(r, rec, why), SR_OK) : code_record(r, rec);
        if (st)
            return sr_gold_fail(err, errn, st, "%s: %s: %s", xml, rec->id, sr_strerror(st));
    }
    return SR_OK;
}

static double percent(size_t a, size_t b)
{
    return b ? 100.0 * (double)a / (double)b : 0.0;
}

sr_status sr_validate_petrarch(const char *path, unsigned flags, FILE *out, sr_petrarch_result *res,
                               char *err, size_t errn)
{
    if (err && errn)
        err[0] = 0;
    memset(res, 0, sizeof *res);
    prun r = {.flags = flags, .out = out, .res = res};
    sr_petr_suite s = {0};
    sr_buf data = {0};
    sr_status st = sr_gold_slurp(path, &data, err, errn);
    if (!st)
        st = sr_petr_read(path, data.p ? data.p : "", data.n, &s, err, errn);
    sr_buf_free(&data);
    if (!st)
        st = load(&r, path, &s, err, errn);
    if (!st)
        st = run_records(&r, path, &s, err, errn);
    if (!st && out && res->dict_errors)
        fprintf(out, "note: %zu malformed dictionary lines skipped; the first: %s\n",
                res->dict_errors, res->dict_error);
    if (!st && out)
        fprintf(out,
                "%zu agree, %zu disagree, %zu not scored (%zu records); triples: "
                "precision %.1f%% (%zu/%zu), recall %.1f%% (%zu/%zu)\n",
                res->agreed, res->disagreed, res->unscored, res->records,
                percent(res->matched, res->coded), res->matched, res->coded,
                percent(res->matched, res->expected), res->matched, res->expected);
    sr_petr_suite_free(&s);
    sr_coder_free(r.coder);
    sr_verbs_free(r.verbs);
    sr_dict_free(r.dict);
    return st;
}
