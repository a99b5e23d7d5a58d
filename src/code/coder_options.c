/* coder_options.c: TABARI's .options commands (manual chapter 8) read into
 * sr_coder_options, one line at a time, so that a validation run can apply the
 * "{ OPTION: ... }" lines of its records as well as the .options file.
 *
 * A command is recognised, as TABARI does, by the first four letters of the word before
 * the colon, in any case ("DEFA:" is "DEFAULT:"); "#" and "//" start a comment. Unlike
 * TABARI, which reads what it can and keeps the default for the rest, a line that cannot
 * be read is an error: a misspelt option silently ignored changes the coding. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "coder.h"

/* ---- reading a line ------------------------------------------------------------------ */

typedef struct {
    const char *p, *end;
} cursor;

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

static bool is_alpha(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static char upper(char c)
{
    return c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
}

static void skip_blank(cursor *c)
{
    while (c->p < c->end && is_blank(*c->p))
        c->p++;
}

static bool at_end(cursor *c)
{
    skip_blank(c);
    return c->p == c->end;
}

/* The next word of letters after blanks (length 0: none, the cursor stays). */
static size_t next_word(cursor *c, const char **w)
{
    skip_blank(c);
    *w = c->p;
    while (c->p < c->end && is_alpha(*c->p))
        c->p++;
    return (size_t)(c->p - *w);
}

/* Does the word w (n letters) equal name, ignoring case? */
static bool word_is(const char *w, size_t n, const char *name)
{
    size_t k = 0;
    for (; k < n; k++)
        if (!name[k] || upper(w[k]) != name[k])
            return false;
    return name[k] == 0;
}

/* The word or its plural: "VERB" and "VERBS" both name VERBS. */
static bool word_is_sg_pl(const char *w, size_t n, const char *name)
{
    size_t m = strlen(name);
    if (word_is(w, n, name))
        return true;
    if (n == m + 1 && upper(w[m]) == 'S')
        return strncasecmp(w, name, m) == 0;
    return m > 1 && name[m - 1] == 'S' && n == m - 1 && strncasecmp(w, name, n) == 0;
}

static bool next_char(cursor *c, char ch)
{
    skip_blank(c);
    if (c->p < c->end && *c->p == ch) {
        c->p++;
        return true;
    }
    return false;
}

/* A non-negative decimal number after blanks, at most 100000 (no option needs more). */
static bool next_int(cursor *c, int *v)
{
    skip_blank(c);
    const char *s = c->p;
    long x = 0;
    while (c->p < c->end && *c->p >= '0' && *c->p <= '9') {
        x = x * 10 + (*c->p - '0');
        if (x > 100000)
            return false;
        c->p++;
    }
    *v = (int)x;
    return c->p > s;
}

static sr_status bad(char *err, size_t errn, const char *fmt, const char *w, size_t n)
{
    if (err && errn) {
        char word[48];
        snprintf(word, sizeof word, "%.*s", (int)(n < 40 ? n : 40), w ? w : "");
        snprintf(err, errn, fmt, word);
    }
    return SR_USAGE;
}

/* ---- COMPLEX: ------------------------------------------------------------------------ */

/* The conditions of COMPLEX: (manual 8.7). A number goes in brackets, as VERBS[5]. */
static const struct {
    const char *name;
    size_t off;  /* of the int or bool field */
    bool number; /* int condition "NAME[n]"; else a bool */
} complex_conds[] = {
    {"VERBS", offsetof(sr_coder_options, cx_verbs), true},
    {"ACTORS", offsetof(sr_coder_options, cx_actors), true},
    {"PRONOUNS", offsetof(sr_coder_options, cx_pronouns), true},
    {"CONJ", offsetof(sr_coder_options, cx_conj), true},
    {"CONJUNCTIONS", offsetof(sr_coder_options, cx_conj), true},
    {"COMMA", offsetof(sr_coder_options, cx_comma), true},
    {"LATEVERB", offsetof(sr_coder_options, cx_lateverb), true},
    {"NOACTPRIOR", offsetof(sr_coder_options, cx_noactprior), false},
    {"NOACTAFTER", offsetof(sr_coder_options, cx_noactafter), false},
    {"NOVERB", offsetof(sr_coder_options, cx_noverb), false},
    {"NOSOURCE", offsetof(sr_coder_options, cx_nosource), false},
    {"NOTARGET", offsetof(sr_coder_options, cx_notarget), false},
    {"NOEVENT", offsetof(sr_coder_options, cx_noevent), false},
};

static void complex_clear(sr_coder_options *o)
{
    o->cx_verbs = o->cx_actors = o->cx_pronouns = o->cx_conj = o->cx_comma = 0;
    o->cx_lateverb = 0;
    o->cx_noactprior = o->cx_noactafter = o->cx_noverb = false;
    o->cx_nosource = o->cx_notarget = o->cx_noevent = false;
}

/* A COMPLEX: line replaces the conditions set before it. */
static sr_status cmd_complex(sr_coder_options *o, cursor *c, char *err, size_t errn)
{
    sr_coder_options t = *o;
    complex_clear(&t);
    const char *w;
    size_t n;
    while ((n = next_word(c, &w)) > 0) {
        if (word_is(w, n, "OFF") || word_is(w, n, "EXPLAIN") || word_is(w, n, "NOSAVE"))
            continue; /* EXPLAIN and NOSAVE concern TABARI's output files */
        size_t k = 0, nc = sizeof complex_conds / sizeof complex_conds[0];
        while (k < nc && !word_is_sg_pl(w, n, complex_conds[k].name))
            k++;
        if (k == nc)
            return bad(err, errn, "COMPLEX: unknown condition '%s'", w, n);
        char *field = (char *)&t + complex_conds[k].off;
        if (!complex_conds[k].number) {
            *(bool *)field = true;
            continue;
        }
        int v;
        if (!next_char(c, '[') || !next_int(c, &v) || !next_char(c, ']'))
            return bad(err, errn, "COMPLEX: %s needs a number in brackets, as VERBS[5]", w, n);
        *(int *)field = v;
    }
    if (!at_end(c))
        return bad(err, errn, "COMPLEX: unexpected '%s'", c->p, (size_t)(c->end - c->p));
    *o = t;
    return SR_OK;
}

/* ---- DEFAULT: ------------------------------------------------------------------------ */

/* "[CODE]" after an optional colon, upper-cased into out (cap bytes). */
static bool next_code(cursor *c, char *out, size_t cap)
{
    next_char(c, ':');
    if (!next_char(c, '['))
        return false;
    skip_blank(c);
    size_t n = 0;
    while (c->p < c->end && *c->p != ']' && !is_blank(*c->p)) {
        if (n + 1 >= cap)
            return false;
        out[n++] = upper(*c->p++);
    }
    out[n] = 0;
    return n > 0 && next_char(c, ']');
}

/* DEFAULT: adds to what earlier DEFAULT: lines set; only DEFAULT: OFF clears (which is
 * why the validation records send OFF before a new DEFAULT:). */
static sr_status cmd_default(sr_coder_options *o, cursor *c, char *err, size_t errn)
{
    sr_coder_options t = *o;
    const char *w;
    size_t n;
    while ((n = next_word(c, &w)) > 0) {
        if (word_is(w, n, "OFF")) {
            t.default_source[0] = t.default_target[0] = 0;
            t.default_prior = t.default_after = false;
        } else if (word_is(w, n, "SOURCE")) {
            if (!next_code(c, t.default_source, sizeof t.default_source))
                return bad(err, errn, "DEFAULT: %s needs a code in brackets, as [DEFSRC]", w, n);
        } else if (word_is(w, n, "TARGET")) {
            if (!next_code(c, t.default_target, sizeof t.default_target))
                return bad(err, errn, "DEFAULT: %s needs a code in brackets, as [DEFTAR]", w, n);
        } else if (word_is(w, n, "PRIOR")) {
            t.default_prior = true;
        } else if (word_is(w, n, "AFTER")) {
            t.default_after = true;
        } else {
            return bad(err, errn,
                       "DEFAULT: unknown word '%s' (expected SOURCE [code], "
                       "TARGET [code], PRIOR, AFTER or OFF)",
                       w, n);
        }
    }
    if (!at_end(c))
        return bad(err, errn, "DEFAULT: unexpected '%s'", c->p, (size_t)(c->end - c->p));
    *o = t;
    return SR_OK;
}

/* ---- COMMA: -------------------------------------------------------------------------- */

/* COMMA: OFF, or limits "MIN=1 MAX=8 EMIN=3 EMAX=10 BMIN=0 BMAX=0"; limits not named
 * keep their value, and setting any turns the comma rule back on. */
static sr_status cmd_comma(sr_coder_options *o, cursor *c, char *err, size_t errn)
{
    sr_coder_options t = *o;
    const char *w;
    size_t n;
    while ((n = next_word(c, &w)) > 0) {
        int *field = word_is(w, n, "MIN")    ? &t.comma_min
                     : word_is(w, n, "MAX")  ? &t.comma_max
                     : word_is(w, n, "BMIN") ? &t.comma_bmin
                     : word_is(w, n, "BMAX") ? &t.comma_bmax
                     : word_is(w, n, "EMIN") ? &t.comma_emin
                     : word_is(w, n, "EMAX") ? &t.comma_emax
                                             : NULL;
        if (word_is(w, n, "OFF")) {
            t.comma_off = true;
            continue;
        }
        if (!field)
            return bad(err, errn,
                       "COMMA: unknown limit '%s' (expected MIN, MAX, BMIN, BMAX, "
                       "EMIN, EMAX or OFF)",
                       w, n);
        if (!next_char(c, '=') || !next_int(c, field))
            return bad(err, errn, "COMMA: %s needs '=' and a number, as MIN=2", w, n);
        t.comma_off = false;
    }
    if (!at_end(c))
        return bad(err, errn, "COMMA: unexpected '%s'", c->p, (size_t)(c->end - c->p));
    *o = t;
    return SR_OK;
}

/* ---- SET: ---------------------------------------------------------------------------- */

enum { P_IGNORED, P_BOOL, P_INT };

/* SET: parameters (manual 8.2). Each word of a name may be written longer ("TIME
 * SHIFTING", "CONVERT AGENTS", "SKIP RECORDS"). Those the coder has no use for concern
 * TABARI's screens and files, or the date format, which the caller reads. */
static const struct {
    const char *name;
    uint8_t kind;
    size_t off;
} set_params[] = {
    {"MINIMUM WORD", P_INT, offsetof(sr_coder_options, min_words)},
    {"CONVERT AGENT", P_BOOL, offsetof(sr_coder_options, convert_agents)},
    {"TIME SHIFT", P_BOOL, offsetof(sr_coder_options, time_shift)},
    {"FBIS", P_BOOL, offsetof(sr_coder_options, fbis)},
    {"LABEL", P_IGNORED, 0},
    {"ACTOR USAGE", P_IGNORED, 0},
    {"AGENT USAGE", P_IGNORED, 0},
    {"VERB USAGE", P_IGNORED, 0},
    {"DUP WARNING", P_IGNORED, 0},
    {"YYYY", P_IGNORED, 0},
    {"SKIP RECORD", P_IGNORED, 0},
    {"HAIKU", P_IGNORED, 0},
    {"MATCH", P_IGNORED, 0},
    {"ALLCAPS", P_IGNORED, 0},
    {"CHECK DOMINANT", P_IGNORED, 0},
};

enum { SET_MAX_WORDS = 4 };

/* Do the words w[0..nw) spell name, each at least as long as the name's word? */
static bool name_matches(const char *name, const char *const *w, const size_t *wn, size_t nw)
{
    size_t i = 0;
    const char *s = name;
    while (*s) {
        size_t k = strcspn(s, " ");
        if (i >= nw || wn[i] < k || strncasecmp(w[i], s, k) != 0)
            return false;
        i++;
        s += k;
        while (*s == ' ')
            s++;
    }
    return i == nw;
}

/* TRUE, T, FALSE or F. */
static bool next_bool(cursor *c, bool *v)
{
    const char *w;
    size_t n = next_word(c, &w);
    if (word_is(w, n, "TRUE") || word_is(w, n, "T"))
        *v = true;
    else if (word_is(w, n, "FALSE") || word_is(w, n, "F"))
        *v = false;
    else
        return false;
    return true;
}

/* SET: CODE BY CLAUSE | SENTENCE | ALL, also written SET: CODE ALL; CODE NONRESTRICTIVE
 * (a TABARI mode the coder does not have) is accepted and has no effect. */
static sr_status set_code(sr_coder_options *o, cursor *c, char *err, size_t errn)
{
    const char *w;
    size_t n = next_word(c, &w);
    if (word_is(w, n, "BY"))
        n = next_word(c, &w);
    if (!n && next_char(c, '='))
        n = next_word(c, &w);
    if (word_is(w, n, "NONRESTRICTIVE")) {
        bool v;
        if (!next_char(c, '=') || !next_bool(c, &v))
            return bad(err, errn, "SET: CODE NONRESTRICTIVE needs '= TRUE' or '= FALSE'", NULL, 0);
        return SR_OK;
    }
    if (word_is(w, n, "CLAUSE"))
        o->code_by = SR_CODE_BY_CLAUSE;
    else if (word_is(w, n, "SENTENCE"))
        o->code_by = SR_CODE_BY_SENTENCE;
    else if (word_is(w, n, "ALL"))
        o->code_by = SR_CODE_ALL;
    else
        return bad(err, errn, "SET: CODE BY takes CLAUSE, SENTENCE or ALL, not '%s'", w, n);
    return SR_OK;
}

static sr_status cmd_set(sr_coder_options *o, cursor *c, char *err, size_t errn)
{
    const char *w[SET_MAX_WORDS];
    size_t wn[SET_MAX_WORDS], nw = 0, n;
    const char *word;
    while ((n = next_word(c, &word)) > 0) {
        if (nw == 0 && word_is(word, n, "CODE")) {
            sr_coder_options t = *o;
            sr_status st = set_code(&t, c, err, errn);
            if (st == SR_OK && !at_end(c))
                st = bad(err, errn, "SET: CODE BY: unexpected '%s'", c->p, (size_t)(c->end - c->p));
            if (st == SR_OK)
                *o = t;
            return st;
        }
        if (nw == SET_MAX_WORDS)
            return bad(err, errn, "SET: unknown parameter '%s...'", w[0], n);
        w[nw] = word;
        wn[nw++] = n;
    }
    if (!nw)
        return bad(err, errn, "SET: needs a parameter, as SET: MINIMUM WORDS = 8", NULL, 0);
    size_t k = 0, np = sizeof set_params / sizeof set_params[0];
    while (k < np && !name_matches(set_params[k].name, w, wn, nw))
        k++;
    size_t span = (size_t)(w[nw - 1] + wn[nw - 1] - w[0]);
    if (k == np)
        return bad(err, errn, "SET: unknown parameter '%s'", w[0], span);
    if (!next_char(c, '='))
        return bad(err, errn, "SET: %s needs '=' and a value", w[0], span);
    char *field = (char *)o + set_params[k].off;
    int iv;
    bool bv;
    switch (set_params[k].kind) {
    case P_INT:
        if (!next_int(c, &iv))
            return bad(err, errn, "SET: %s needs a number", w[0], span);
        if (!at_end(c))
            break;
        *(int *)field = iv;
        return SR_OK;
    case P_BOOL:
        if (!next_bool(c, &bv))
            return bad(err, errn, "SET: %s takes TRUE or FALSE", w[0], span);
        if (!at_end(c))
            break;
        *(bool *)field = bv;
        return SR_OK;
    default: /* any value: TRUE, FALSE, OFF, a number */
        if (at_end(c))
            return bad(err, errn, "SET: %s needs a value", w[0], span);
        return SR_OK;
    }
    return bad(err, errn, "SET: unexpected '%s'", c->p, (size_t)(c->end - c->p));
}

/* ---- NONEVENTS: ---------------------------------------------------------------------- */

/* NONEVENTS: TRUE | FALSE | ONLY. ONLY (write nothing but nonevents) is an output choice;
 * for the coder it is the same as TRUE. */
static sr_status cmd_nonevents(sr_coder_options *o, cursor *c, char *err, size_t errn)
{
    const char *w;
    size_t n = next_word(c, &w);
    bool v;
    if (word_is(w, n, "ONLY"))
        v = true;
    else if (word_is(w, n, "TRUE") || word_is(w, n, "T"))
        v = true;
    else if (word_is(w, n, "FALSE") || word_is(w, n, "F"))
        v = false;
    else
        return bad(err, errn, "NONEVENTS: takes TRUE, FALSE or ONLY, not '%s'", w, n);
    if (!at_end(c))
        return bad(err, errn, "NONEVENTS: unexpected '%s'", c->p, (size_t)(c->end - c->p));
    o->nonevents = v;
    return SR_OK;
}

/* ---- FORWARD: ------------------------------------------------------------------------ */

/* FORWARD: <format> [DOC] [OFF]. The format is made of ^ * N S (manual §8.4.1), at most
 * 31 characters, with one run of N and one of S; OFF turns forwarding off (the format is
 * still read, as TABARI uses it for output), DOC only concerns output. */
static sr_status cmd_forward(sr_coder_options *o, cursor *c, char *err, size_t errn)
{
    skip_blank(c);
    const char *f = c->p;
    while (c->p < c->end && !is_blank(*c->p))
        c->p++;
    size_t n = (size_t)(c->p - f);
    if (!n)
        return bad(err, errn, "FORWARD: needs a sequence format such as ^^***NNN*SSS", NULL, 0);
    if (n >= sizeof o->forward)
        return bad(err, errn, "FORWARD: the sequence format '%s' is longer than 31 characters", f,
                   n);
    bool has_n = false, has_s = false;
    for (size_t k = 0; k < n; k++) {
        char ch = upper(f[k]);
        if (ch != '^' && ch != '*' && ch != 'N' && ch != 'S')
            return bad(err, errn, "FORWARD: a sequence format has only ^ * N S, not '%s'", f, n);
        has_n |= ch == 'N';
        has_s |= ch == 'S';
    }
    if (!has_n || !has_s)
        return bad(err, errn, "FORWARD: the sequence format '%s' needs N and S positions", f, n);
    bool off = false;
    const char *w;
    size_t wn;
    while ((wn = next_word(c, &w)) > 0) {
        if (word_is(w, wn, "OFF"))
            off = true;
        else if (!word_is(w, wn, "DOC"))
            return bad(err, errn, "FORWARD: takes DOC or OFF after the format, not '%s'", w, wn);
    }
    if (!at_end(c))
        return bad(err, errn, "FORWARD: unexpected '%s'", c->p, (size_t)(c->end - c->p));
    if (off) {
        o->forward[0] = 0;
        return SR_OK;
    }
    for (size_t k = 0; k < n; k++)
        o->forward[k] = upper(f[k]);
    o->forward[n] = 0;
    return SR_OK;
}

/* A run of the letter ch in fmt (after its leading ^) applied to id: its characters. */
static size_t field_of(const char *fmt, const char *id, char ch, const char **at)
{
    size_t idn = strlen(id), lo = SIZE_MAX, hi = 0;
    for (size_t k = 0; fmt[k]; k++)
        if (fmt[k] == ch) {
            if (lo == SIZE_MAX)
                lo = k;
            else if (k != hi)
                break; /* a second run is ignored, as TABARI does */
            hi = k + 1;
        }
    if (lo == SIZE_MAX || hi > idn)
        return 0;
    *at = id + lo;
    return hi - lo;
}

static long sentence_number(const char *s, size_t n)
{
    long v = 0;
    for (size_t k = 0; k < n; k++) {
        if (s[k] < '0' || s[k] > '9')
            return 0;
        v = v * 10 + (s[k] - '0');
    }
    return v;
}

bool sr_coder_id_follows(const char *fmt, const char *prev, const char *next)
{
    while (*fmt == '^')
        fmt++;
    while (is_blank(*prev))
        prev++;
    while (is_blank(*next))
        next++;
    if (!*fmt)
        return false;
    const char *ps, *ns, *pq, *nq;
    size_t sn = field_of(fmt, prev, 'N', &ps), qn = field_of(fmt, prev, 'S', &pq);
    if (!sn || !qn || field_of(fmt, next, 'N', &ns) != sn || field_of(fmt, next, 'S', &nq) != qn)
        return false;
    return !memcmp(ps, ns, sn) && sentence_number(nq, qn) == sentence_number(pq, qn) + 1;
}

/* ---- the line ------------------------------------------------------------------------ */

typedef sr_status (*command_fn)(sr_coder_options *, cursor *, char *, size_t);

/* NULL: accepted and ignored (labels and output columns belong to TABARI's output, not
 * to coding). */
static const struct {
    const char *name;
    command_fn fn;
} commands[] = {
    {"COMPLEX", cmd_complex}, {"DEFAULT", cmd_default},     {"COMMA", cmd_comma},
    {"SET", cmd_set},         {"NONEVENTS", cmd_nonevents}, {"LABEL", NULL},
    {"OUTPUT", NULL},         {"FORWARD", cmd_forward},
};

void sr_coder_options_default(sr_coder_options *o, bool time_section)
{
    memset(o, 0, sizeof *o);
    o->code_by = SR_CODE_BY_CLAUSE;
    o->comma_min = 2;
    o->comma_max = 10;
    o->comma_bmin = 128; /* with BMAX 0: a sentence's first phrase is never set aside */
    o->comma_bmax = 0;
    o->comma_emin = 2;
    o->comma_emax = 10;
    o->min_words = 0; /* no minimum for news (TABARI's program default, 8, is set by the
                         validation runner, which needs it) */
    o->time_shift = time_section;
}

sr_status sr_coder_option_line(sr_coder_options *o, const char *line, size_t n, char *err,
                               size_t errn)
{
    if (err && errn)
        err[0] = 0;
    size_t len = 0;
    while (len < n && line[len] != '#' &&
           !(line[len] == '/' && len + 1 < n && line[len + 1] == '/'))
        len++;
    cursor c = {line, line + len};
    if (at_end(&c))
        return SR_OK;
    const char *w;
    size_t wn = next_word(&c, &w);
    if (!wn || !next_char(&c, ':'))
        return bad(err, errn, "expected a command such as 'SET:' or 'COMPLEX:', not '%s'", c.p,
                   (size_t)(c.end - c.p));
    for (size_t k = 0; k < sizeof commands / sizeof commands[0]; k++) {
        size_t need = strlen(commands[k].name) < 4 ? strlen(commands[k].name) : 4;
        if (wn < need || strncasecmp(w, commands[k].name, need) != 0)
            continue;
        return commands[k].fn ? commands[k].fn(o, &c, err, errn) : SR_OK;
    }
    return bad(err, errn, "unknown command '%s:'", w, wn);
}
