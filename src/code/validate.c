/* validate.c: TABARI's validation suite run against the event coder (validate.h): the
 * project file, the dictionaries and options it names, then each record of the text
 * file coded and compared with the blocks in its comment.
 *
 * How a record is read and judged follows TABARI's own reader and checker rather than
 * its manual where the two differ: a record ends at an empty line; the expected blocks
 * are looked for from the first comment opener to the end of the record (the suite has
 * stray closers inside comments, PATTERN-26, and an unclosed OPTION block, MINWRD-*);
 * the special codes decide before any event block; the first block's date is checked
 * when time shifting is on. Where TABARI is looser than its manual, this runner follows
 * the manual: "-{" stops checking wherever it is reached (TABARI fails a record whose
 * coder stops short of it), a record whose first block is "-{" checks nothing and is not
 * scored (TABARI passes it), and a time-shifted date needs an event to be checked on. */
#include <errno.h>
#include <stdlib.h>
#include <strings.h>
#include <sys/stat.h>

#include "validate.h"

/* The text file is read whole: suites are hand-written records (TABARI's is 170 KB). */
#define VALIDATE_MAX_FILE (64u << 20)

/* ---- small text helpers -------------------------------------------------------------- */

static bool blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

static bool digit(char c)
{
    return c >= '0' && c <= '9';
}

static sr_str trim(const char *p, size_t n)
{
    while (n && blank(*p))
        p++, n--;
    while (n && blank(p[n - 1]))
        n--;
    return (sr_str){p, n};
}

/* Copies s into out (cap bytes); false when it does not fit. */
static bool copy_str(char *out, size_t cap, sr_str s)
{
    if (s.n >= cap)
        return false;
    memcpy(out, s.p, s.n);
    out[s.n] = 0;
    return true;
}

static const char *find2(const char *p, const char *end, char a, char b)
{
    for (; p + 1 < end; p++)
        if (p[0] == a && p[1] == b)
            return p;
    return NULL;
}

static const char *find2_last(const char *p, const char *end, char a, char b)
{
    const char *last = NULL;
    for (; p + 1 < end; p++)
        if (p[0] == a && p[1] == b)
            last = p;
    return last;
}

/* ---- records ------------------------------------------------------------------------- */

/* The line at *pos: its bytes without the break; *pos moves past the break. */
static sr_str take_line(const char *text, size_t n, size_t *pos)
{
    size_t a = *pos, b = a;
    while (b < n && text[b] != '\n')
        b++;
    *pos = b < n ? b + 1 : b;
    if (b > a && text[b - 1] == '\r')
        b--;
    return (sr_str){text + a, b - a};
}

bool sr_tabari_next(const char *text, size_t n, size_t *pos, size_t *line, sr_tabari_record *r)
{
    while (*pos < n) {
        sr_str l = take_line(text, n, pos);
        ++*line;
        if (!l.n || !digit(l.p[0]))
            continue;
        r->header = l;
        r->line = *line;
        r->body = (sr_str){text + *pos, 0};
        while (*pos < n) {
            size_t at = *pos;
            sr_str b = take_line(text, n, pos);
            if (!trim(b.p, b.n).n) {
                *pos = at; /* leave the empty line to the next search */
                break;
            }
            ++*line;
            r->body.n = (size_t)(b.p + b.n - r->body.p);
        }
        return true;
    }
    return false;
}

static int number(const char *p, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (p[i] - '0');
    return v;
}

bool sr_tabari_header(sr_str header, bool yyyy, sr_ymd *day, char *id, size_t idn)
{
    size_t w = yyyy ? 8 : 6, k = 0;
    while (k < w && k < header.n && digit(header.p[k]))
        k++;
    size_t rest = header.n < w ? header.n : w;
    sr_str s = trim(header.p + rest, header.n - rest);
    if (idn) {
        size_t m = s.n < idn - 1 ? s.n : idn - 1;
        memcpy(id, s.p, m);
        id[m] = 0;
    }
    memset(day, 0, sizeof *day);
    if (k < w)
        return false;
    int y = yyyy ? number(header.p, 4) : number(header.p, 2);
    if (!yyyy)
        y += y <= 30 ? 2000 : 1900; /* TABARI's pivot (manual 6.5.2) */
    sr_ymd d = {(int16_t)y, (int8_t)number(header.p + w - 4, 2),
                (int8_t)number(header.p + w - 2, 2)};
    if (!sr_ymd_valid(d))
        return false;
    *day = d;
    return true;
}

/* The comment's bytes: [*from, *to) from the first opener to the last closer, or to
 * the end of the body. False when the body has no comment. */
static bool comment_span(const sr_tabari_record *r, const char **from, const char **to)
{
    const char *b = r->body.p, *e = r->body.p + r->body.n;
    const char *open = find2(b, e, '/', '*');
    if (!open)
        return false;
    const char *close = find2_last(open + 2, e, '*', '/');
    *from = open;
    *to = close ? close + 2 : e;
    return true;
}

static sr_status add_blanked(sr_buf *out, const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        sr_status st = sr_buf_addc(out, blank(p[i]) ? ' ' : p[i]);
        if (st)
            return st;
    }
    return SR_OK;
}

sr_status sr_tabari_sentence(const sr_tabari_record *r, sr_buf *out)
{
    const char *b = r->body.p, *e = r->body.p + r->body.n, *from = e, *to = e;
    comment_span(r, &from, &to);
    sr_str before = trim(b, (size_t)(from - b)), after = trim(to, (size_t)(e - to));
    sr_status st = add_blanked(out, before.p, before.n);
    if (!st && before.n && after.n)
        st = sr_buf_addc(out, ' ');
    if (!st)
        st = add_blanked(out, after.p, after.n);
    return st;
}

/* ---- expected blocks ----------------------------------------------------------------- */

/* The content without blanks, for the special codes ("{ - - - }" is {---}). */
static bool special_is(sr_str s, const char *code)
{
    size_t k = 0;
    for (size_t i = 0; i < s.n; i++) {
        if (blank(s.p[i]))
            continue;
        if (s.p[i] != code[k])
            return false;
        k++;
    }
    return code[k] == 0;
}

/* "SRC / TGT / CODE" into b; false when it has not three fields that fit. */
static bool read_event(sr_str s, sr_tabari_block *b)
{
    const char *p = s.p, *e = s.p + s.n;
    const char *s1 = memchr(p, '/', s.n);
    const char *s2 = s1 ? memchr(s1 + 1, '/', (size_t)(e - s1 - 1)) : NULL;
    if (!s2 || memchr(s2 + 1, '/', (size_t)(e - s2 - 1)))
        return false;
    return copy_str(b->source, sizeof b->source, trim(p, (size_t)(s1 - p))) &&
           copy_str(b->target, sizeof b->target, trim(s1 + 1, (size_t)(s2 - s1 - 1))) &&
           copy_str(b->code, sizeof b->code, trim(s2 + 1, (size_t)(e - s2 - 1)));
}

/* The date after a block's "}": digits after blanks on the same line. */
static void read_date(const char *p, const char *end, char *out, size_t cap)
{
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    size_t k = 0;
    while (p < end && digit(*p) && k + 1 < cap)
        out[k++] = *p++;
    out[k] = 0;
}

static void note_problem(sr_tabari_expect *e, const char *what, sr_str s)
{
    if (!e->problem[0])
        snprintf(e->problem, sizeof e->problem, "%s {%.*s}", what, (int)(s.n < 48 ? s.n : 48), s.p);
}

enum { SAW_NONE = 1, SAW_DISCARD = 2, SAW_COMPLEX = 4, SAW_EVENT = 8 /* or an attempt */ };

/* Takes one block's content s (not empty); after: the bytes after its "}" when closed
 * (NULL when not), for the date. *saw collects the special codes. */
static void take_block(sr_tabari_expect *e, sr_str s, bool dash, const char *after, const char *end,
                       unsigned *saw)
{
    if (s.n >= 7 && !strncasecmp(s.p, "OPTION:", 7)) {
        if (e->noptions == SR_TABARI_MAX_OPTIONS)
            note_problem(e, "too many OPTION blocks at", s);
        else
            e->options[e->noptions++] = trim(s.p + 7, s.n - 7);
        return;
    }
    if (!*saw)
        e->first_dash = dash;
    unsigned special = special_is(s, "---")   ? SAW_NONE
                       : special_is(s, "###") ? SAW_DISCARD
                       : special_is(s, "+++") ? SAW_COMPLEX
                                              : 0;
    *saw |= special ? special : SAW_EVENT;
    if (special)
        return;
    if (e->nblocks == SR_TABARI_MAX_BLOCKS) {
        note_problem(e, "more blocks than the coder makes events, at", s);
        return;
    }
    sr_tabari_block *b = &e->blocks[e->nblocks];
    if (!read_event(s, b)) {
        note_problem(e, "expected SRC / TGT / CODE in", s);
        return;
    }
    b->dash = dash;
    if (after)
        read_date(after, end, b->date, sizeof b->date);
    e->nblocks++;
}

void sr_tabari_expect_read(const sr_tabari_record *r, sr_tabari_expect *e)
{
    memset(e, 0, sizeof *e);
    const char *p, *end;
    if (!comment_span(r, &p, &end))
        return;
    /* TABARI reads blocks to the end of the record, past a stray closer */
    end = r->body.p + r->body.n;
    unsigned saw = 0;
    while ((p = memchr(p, '{', (size_t)(end - p))) != NULL) {
        bool dash = p > r->body.p && p[-1] == '-';
        const char *q = p + 1;
        while (q < end && *q != '}' && *q != '{' && !(*q == '*' && q + 1 < end && q[1] == '/'))
            q++;
        sr_str s = trim(p + 1, (size_t)(q - p - 1));
        bool closed = q < end && *q == '}';
        p = closed ? q + 1 : q;
        if (s.n) /* "{}" in prose is no block */
            take_block(e, s, dash, closed ? p : NULL, end, &saw);
    }
    e->kind = saw & SAW_COMPLEX   ? SR_EXPECT_COMPLEX
              : saw & SAW_DISCARD ? SR_EXPECT_DISCARD
              : saw & SAW_NONE    ? SR_EXPECT_NONE
              : saw               ? SR_EXPECT_EVENTS
                                  : SR_EXPECT_NOTHING;
}

const char *sr_tabari_unscored(const sr_tabari_expect *e, bool time_shift)
{
    switch (e->kind) {
    case SR_EXPECT_COMPLEX: return "{+++}: complex sentences are not scored";
    case SR_EXPECT_NOTHING: return e->noptions ? "options" : "no expected events";
    default: break;
    }
    if (e->first_dash && !(time_shift && e->kind == SR_EXPECT_EVENTS && e->blocks[0].date[0]))
        return "the first block is -{: nothing is checked";
    return NULL;
}

static const char *text_of(const char *s)
{
    return s ? s : "";
}

/* The coded day as the suite writes it. */
static void day_digits(sr_ymd d, bool yyyy, char *out, size_t cap)
{
    if (yyyy)
        snprintf(out, cap, "%04d%02d%02d", d.year, d.month, d.day);
    else
        snprintf(out, cap, "%02d%02d%02d", d.year % 100, d.month, d.day);
}

static sr_ymd shifted(sr_ymd day, const sr_coded *got)
{
    if (!got->shifted || !sr_ymd_valid(day))
        return day;
    return sr_days_to_ymd(sr_ymd_to_days(day) + got->shift);
}

bool sr_tabari_matches(const sr_tabari_expect *e, const sr_coded *got, sr_ymd day, bool time_shift,
                       bool yyyy)
{
    if (e->problem[0])
        return false;
    if (e->kind == SR_EXPECT_NONE)
        return (got->status == SR_CODED_EVENTS && got->nevents == 0) ||
               got->status == SR_CODED_SHORT; /* TABARI counts a short sentence as none */
    if (e->kind == SR_EXPECT_DISCARD)
        return got->status == SR_CODED_DISCARD;
    if (e->kind != SR_EXPECT_EVENTS || got->status != SR_CODED_EVENTS)
        return false;
    if (time_shift && e->nblocks) {
        char want[24];
        day_digits(shifted(day, got), yyyy, want, sizeof want);
        if (!got->nevents || strcmp(want, e->blocks[0].date) != 0)
            return false;
    }
    for (size_t i = 0; i < e->nblocks; i++) {
        const sr_tabari_block *b = &e->blocks[i];
        if (b->dash)
            return true;
        if (i >= got->nevents)
            return false;
        const sr_event *v = &got->events[i];
        if (strcmp(b->source, text_of(v->source)) || strcmp(b->target, text_of(v->target)) ||
            strcmp(b->code, text_of(v->code)))
            return false;
    }
    return got->nevents == e->nblocks;
}

/* ---- the project --------------------------------------------------------------------- */

enum { PATH_CAP = 4096 };

typedef struct {
    char project[PATH_CAP];
    char actors[PATH_CAP], agents[PATH_CAP], verbs[PATH_CAP], options[PATH_CAP], text[PATH_CAP];
} project_files;

static sr_status fail(char *err, size_t errn, sr_status st, const char *fmt, const char *a,
                      const char *b)
{
    if (err && errn)
        snprintf(err, errn, fmt, a, b ? b : "");
    return st;
}

/* Reads a whole file into a NUL-terminated buffer the caller frees. */
static sr_status slurp(const char *path, char **data, size_t *n, char *err, size_t errn)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return fail(err, errn, errno == ENOENT ? SR_NOTFOUND : SR_IO, "%s: %s", path,
                    strerror(errno));
    sr_buf b = {0};
    sr_status st = sr_buf_read_stream(&b, f, VALIDATE_MAX_FILE);
    if (!st)
        st = sr_buf_addc(&b, 0);
    fclose(f);
    if (st) {
        sr_buf_free(&b);
        return fail(err, errn, st, "%s: %s", path, sr_strerror(st));
    }
    *data = b.p;
    *n = b.n - 1;
    return SR_OK;
}

/* The directory part of path ("." when none) into out. */
static void dir_of(const char *path, char *out, size_t cap)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(out, cap, ".");
    else
        snprintf(out, cap, "%.*s", (int)(slash == path ? 1 : slash - path), path);
}

/* A project tag's file: "<actorsfile>  TABARI.Demo.actors" gives base/TABARI.Demo.actors. */
static bool tag_file(sr_str line, const char *tag, const char *base, char *out)
{
    size_t t = strlen(tag);
    if (line.n < t + 2 || line.p[0] != '<' || strncasecmp(line.p + 1, tag, t) != 0)
        return false;
    const char *gt = memchr(line.p, '>', line.n);
    if (!gt)
        return false;
    const char *e = line.p + line.n, *lt = memchr(gt + 1, '<', (size_t)(e - gt - 1));
    sr_str v = trim(gt + 1, (size_t)((lt ? lt : e) - gt - 1));
    if (!v.n)
        return false;
    if (v.p[0] == '/')
        snprintf(out, PATH_CAP, "%.*s", (int)v.n, v.p);
    else
        snprintf(out, PATH_CAP, "%s/%.*s", base, (int)v.n, v.p);
    return true;
}

static sr_status read_project(const char *arg, project_files *pf, char *err, size_t errn)
{
    memset(pf, 0, sizeof *pf);
    struct stat sb;
    if (stat(arg, &sb) == 0 && S_ISDIR(sb.st_mode))
        snprintf(pf->project, PATH_CAP, "%s/Validate.project", arg);
    else
        snprintf(pf->project, PATH_CAP, "%s", arg);
    char base[PATH_CAP], *data;
    size_t n, pos = 0;
    dir_of(pf->project, base, sizeof base);
    sr_status st = slurp(pf->project, &data, &n, err, errn);
    if (st)
        return st;
    while (pos < n) {
        sr_str l = take_line(data, n, &pos);
        l = trim(l.p, l.n);
        if (!tag_file(l, "actor", base, pf->actors) && !tag_file(l, "agent", base, pf->agents) &&
            !tag_file(l, "verb", base, pf->verbs) && !tag_file(l, "option", base, pf->options))
            tag_file(l, "text", base, pf->text);
    }
    free(data);
    const char *missing = !pf->actors[0]  ? "<actorsfile>"
                          : !pf->verbs[0] ? "<verbsfile>"
                          : !pf->text[0]  ? "<textfile>"
                                          : NULL;
    if (missing)
        return fail(err, errn, SR_USAGE, "%s: no %s tag", pf->project, missing);
    return SR_OK;
}

/* ---- the run ------------------------------------------------------------------------- */

typedef struct {
    sr_dict *dict;
    sr_verbs *verbs;
    sr_coder *coder;
    bool yyyy; /* SET: YYYY = TRUE: headers carry four-digit years */
    unsigned flags;
    FILE *out;
    sr_validate_result *res;
    sr_buf sentence;
    char prev_id[64]; /* the record coded last, for FORWARD */
} run;

/* "SET: YYYY = TRUE|FALSE" sets *on: four-digit years change how the runner reads the
 * headers, so it reads this line itself (the coder ignores it). */
static bool yyyy_line(sr_str l, bool *on)
{
    char s[64];
    size_t k = 0;
    for (size_t i = 0; i < l.n && k + 1 < sizeof s; i++)
        if (!blank(l.p[i]))
            s[k++] = (char)(l.p[i] >= 'a' && l.p[i] <= 'z' ? l.p[i] - 32 : l.p[i]);
    s[k] = 0;
    if (strncmp(s, "SET:YYYY=", 9) != 0)
        return false;
    if (!strcmp(s + 9, "TRUE") || !strcmp(s + 9, "T"))
        *on = true;
    else if (!strcmp(s + 9, "FALSE") || !strcmp(s + 9, "F"))
        *on = false;
    else
        return false;
    return true;
}

static sr_status apply_option(run *r, sr_coder_options *o, sr_str l, char *err, size_t errn)
{
    yyyy_line(l, &r->yyyy);
    return sr_coder_option_line(o, l.p, l.n, err, errn);
}

/* The .options file, line by line, onto o; a line starting with "~" ends it, as it ends
 * TABARI's dictionary files ("~~~~~" closes the suite's Validate.options). */
static sr_status read_options(run *r, const char *path, sr_coder_options *o, char *err, size_t errn)
{
    char *data, msg[160];
    size_t n, pos = 0, line = 0;
    sr_status st = slurp(path, &data, &n, err, errn);
    if (st)
        return st;
    while (!st && pos < n) {
        sr_str l = take_line(data, n, &pos);
        line++;
        if (l.n && l.p[0] == '~')
            break;
        if (apply_option(r, o, l, msg, sizeof msg) != SR_OK) {
            if (err && errn)
                snprintf(err, errn, "%s:%zu: %s", path, line, msg);
            st = SR_USAGE;
        }
    }
    free(data);
    return st;
}

static sr_status load(run *r, const project_files *pf, sr_coder_options *o, char *err, size_t errn)
{
    r->dict = sr_dict_new(SR_DICT_GAPS);
    r->verbs = sr_verbs_new();
    if (!r->dict || !r->verbs)
        return fail(err, errn, SR_NOMEM, "%s%s", sr_strerror(SR_NOMEM), NULL);
    sr_status st = sr_dict_load_file(r->dict, SR_DICT_ACTOR, pf->actors);
    if (!st && pf->agents[0])
        st = sr_dict_load_file(r->dict, SR_DICT_AGENT, pf->agents);
    if (st)
        return fail(err, errn, st, "%s%s", sr_dict_error(r->dict), NULL);
    st = sr_verbs_load_file(r->verbs, SR_VERBS_TABARI, pf->verbs);
    if (!st)
        st = sr_verbs_load_file(r->verbs, SR_VERBS_WORDS, pf->actors);
    if (!st)
        st = sr_verbs_finish(r->verbs);
    if (st)
        return fail(err, errn, st, "%s%s",
                    sr_verbs_error(r->verbs)[0] ? sr_verbs_error(r->verbs) : pf->verbs,
                    sr_verbs_error(r->verbs)[0] ? NULL : ": cannot finish the verbs");
    sr_verbs_stats vs;
    sr_verbs_get_stats(r->verbs, &vs);
    sr_coder_options_default(o, vs.time_section);
    /* TABARI's MIN_LEX, in force before any SET: MINIMUM WORDS: MINWRD-01 expects no
     * event from a six-word sentence, and MINWRD-Cancel restores 8 as "the default" */
    o->min_words = 8;
    if (pf->options[0] && (st = read_options(r, pf->options, o, err, errn)) != SR_OK)
        return st;
    r->coder = sr_coder_new(r->dict, r->verbs, o);
    return r->coder ? SR_OK : fail(err, errn, SR_NOMEM, "%s%s", sr_strerror(SR_NOMEM), NULL);
}

/* ---- printing ------------------------------------------------------------------------ */

static void print_expected(FILE *f, const sr_tabari_expect *e, bool dates)
{
    if (e->kind == SR_EXPECT_NONE || e->kind == SR_EXPECT_DISCARD) {
        fputs(e->kind == SR_EXPECT_NONE ? " {---}" : " {###}", f);
        return;
    }
    for (size_t i = 0; i < e->nblocks; i++) {
        const sr_tabari_block *b = &e->blocks[i];
        fprintf(f, " %s{%s / %s / %s}", b->dash ? "-" : "", b->source, b->target, b->code);
        if (dates && i == 0)
            fprintf(f, " %s", b->date[0] ? b->date : "(no date)");
    }
}

static void print_got(FILE *f, const sr_coded *got, sr_ymd day, bool dates, bool yyyy)
{
    const char *why = got->explain && got->explain[0] ? got->explain : NULL;
    switch (got->status) {
    case SR_CODED_DISCARD:
        fprintf(f, " {###}%s%s%s", why ? " (" : "", why ? why : "", why ? ")" : "");
        return;
    case SR_CODED_COMPLEX:
        fprintf(f, " {+++}%s%s%s", why ? " (" : "", why ? why : "", why ? ")" : "");
        return;
    case SR_CODED_SHORT: fputs(" {---} (fewer words than MINIMUM WORDS)", f); return;
    case SR_CODED_EVENTS: break;
    }
    if (!got->nevents)
        fputs(" {---}", f);
    for (size_t i = 0; i < got->nevents; i++) {
        const sr_event *v = &got->events[i];
        fprintf(f, " {%s / %s / %s}", text_of(v->source), text_of(v->target), text_of(v->code));
        if (dates && i == 0) {
            char d[24];
            day_digits(shifted(day, got), yyyy, d, sizeof d);
            fprintf(f, " %s", d);
        }
    }
}

static void verdict(run *r, const char *id, bool pass, const char *problem,
                    const sr_tabari_expect *e, const sr_coded *got, sr_ymd day)
{
    if (pass)
        r->res->passed++;
    else
        r->res->failed++;
    if (!r->out || (r->flags & SR_VALIDATE_QUIET) || (pass && (r->flags & SR_VALIDATE_FAILURES)))
        return;
    if (pass) {
        fprintf(r->out, "PASS %s\n", id);
        return;
    }
    fprintf(r->out, "FAIL %s ", id);
    if (problem) {
        fprintf(r->out, " %s\n", problem);
        return;
    }
    bool dates = sr_coder_opts(r->coder)->time_shift && e->kind == SR_EXPECT_EVENTS;
    fputs(" expected:", r->out);
    print_expected(r->out, e, dates);
    fputs("  got:", r->out);
    print_got(r->out, got, day, dates, r->yyyy);
    fputc('\n', r->out);
}

static void unscored(run *r, const char *id, const char *why)
{
    r->res->unscored++;
    if (r->out && (r->flags & SR_VALIDATE_VERBOSE) && !(r->flags & SR_VALIDATE_QUIET))
        fprintf(r->out, "SKIP %s  %s\n", id, why);
}

/* ---- one record ---------------------------------------------------------------------- */

/* Applies the record's OPTION lines; a line that cannot be read fails the record. */
static bool record_options(run *r, const char *id, const sr_tabari_expect *e)
{
    for (size_t i = 0; i < e->noptions; i++) {
        char msg[160], line[256];
        if (apply_option(r, sr_coder_opts(r->coder), e->options[i], msg, sizeof msg)) {
            snprintf(line, sizeof line, "OPTION: %.*s: %s", (int)e->options[i].n, e->options[i].p,
                     msg);
            verdict(r, id, false, line, e, NULL, (sr_ymd){0, 0, 0});
            return false;
        }
    }
    return true;
}

static sr_status code_record(run *r, const sr_tabari_record *rec, const char *id, sr_ymd day,
                             const sr_tabari_expect *e)
{
    r->sentence.n = 0;
    sr_status st = sr_tabari_sentence(rec, &r->sentence);
    if (st)
        return st;
    sr_doc *doc = sr_doc_new(id, r->sentence.p, r->sentence.n, &day);
    if (!doc)
        return SR_NOMEM;
    sr_coded got;
    st = sr_tokenize(doc);
    sr_coder_follow(r->coder, sr_coder_id_follows(sr_coder_opts(r->coder)->forward, r->prev_id, id));
    snprintf(r->prev_id, sizeof r->prev_id, "%s", id);
    if (!st)
        st = sr_coder_code(r->coder, doc, 0, doc->ntokens, day, &got);
    if (!st) {
        const sr_coder_options *o = sr_coder_opts(r->coder);
        bool pass = sr_tabari_matches(e, &got, day, o->time_shift, r->yyyy);
        verdict(r, id, pass, e->problem[0] ? e->problem : NULL, e, &got, day);
    }
    sr_doc_free(doc);
    return st;
}

/* Runs one record; *stop is set at FINAL-01. */
static sr_status do_record(run *r, const sr_tabari_record *rec, bool *stop)
{
    char id[64];
    sr_ymd day;
    bool dated = sr_tabari_header(rec->header, r->yyyy, &day, id, sizeof id);
    if (!strcmp(id, "FINAL-01")) {
        *stop = true;
        r->res->final_seen = true;
        return SR_OK;
    }
    r->res->records++;
    if (!dated) {
        unscored(r, id, "the header's date is not a valid day: TABARI skips the record");
        return SR_OK;
    }
    sr_tabari_expect *e = malloc(sizeof *e);
    if (!e)
        return SR_NOMEM;
    sr_tabari_expect_read(rec, e);
    sr_status st = SR_OK;
    if (record_options(r, id, e)) {
        const char *why = sr_tabari_unscored(e, sr_coder_opts(r->coder)->time_shift);
        if (why)
            unscored(r, id, why);
        else
            st = code_record(r, rec, id, day, e);
    }
    free(e);
    return st;
}

sr_status sr_validate_tabari(const char *dir, unsigned flags, FILE *out, sr_validate_result *res,
                             char *err, size_t errn)
{
    if (err && errn)
        err[0] = 0;
    memset(res, 0, sizeof *res);
    run r = {.flags = flags, .out = out, .res = res};
    project_files *pf = malloc(sizeof *pf);
    if (!pf)
        return fail(err, errn, SR_NOMEM, "%s%s", sr_strerror(SR_NOMEM), NULL);
    sr_coder_options o;
    char *text = NULL;
    size_t n = 0, pos = 0, line = 0;
    sr_status st = read_project(dir, pf, err, errn);
    if (!st)
        st = load(&r, pf, &o, err, errn);
    if (!st)
        st = slurp(pf->text, &text, &n, err, errn);
    sr_tabari_record rec;
    bool stop = false;
    while (!st && !stop && sr_tabari_next(text, n, &pos, &line, &rec)) {
        st = do_record(&r, &rec, &stop);
        if (st)
            fail(err, errn, st, "%s: %s", pf->text, sr_strerror(st));
    }
    if (!st && out)
        fprintf(out, "%zu passed, %zu failed, %zu not scored (%zu records%s)\n", res->passed,
                res->failed, res->unscored, res->records,
                res->final_seen ? " before FINAL-01" : "; no FINAL-01 record");
    free(text);
    sr_buf_free(&r.sentence);
    sr_coder_free(r.coder);
    sr_verbs_free(r.verbs);
    sr_dict_free(r.dict);
    free(pf);
    return st;
}
