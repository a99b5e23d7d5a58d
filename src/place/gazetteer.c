/* gazetteer.c: the gazetteer handle and its reader: the built-in file (embedded by
 * gazetteer_data.S) and users' files in the same format.
 *
 * The format is text, one entry a line, fields separated by tabs; "#" starts a comment
 * line (data/places/README.md has the whole description):
 *
 *   id  kind  cc  sub  population  lat  lon  name  [alias ...]
 *
 *   id          "iso3166:RUS", "iso3166-2:RU-KRS", "geonames-admin1:RU.59", "geonames:538560"
 *   kind        C country, R first-level region, P populated place, A seat of a first-level
 *               division (GeoNames PPLA), K national capital (PPLC), X no place: names
 *               news uses for something else ("Asia", "Latin America"), which win a
 *               longer match and give no mention (id "-", cc, sub and population empty)
 *   cc          ISO 3166-1 alpha-2 code; a country line defines it, other lines name a
 *               country defined before them (in this file or an earlier one)
 *   sub         country: its alpha-3 code; region or place: the GeoNames admin1 code
 *               ("41"), which links a place to the region line with the same cc and sub
 *               (regions come before their places); may be empty
 *   population  decimal, may be empty (unknown)
 *   lat, lon    decimal degrees, at most 5 decimals
 *   name        the entry's own name, then aliases; a name may begin with "~" (it is a
 *               common English word) and "@" (a common first name), which the matcher
 *               treats with suspicion (see places.c)
 *
 * A malformed line is skipped and counted; the first error is kept as "file:line: ...".
 * The text is copied into the handle's arena and cut in place, so ids and names point
 * into it and live as long as the handle. Cost is linear in the bytes read. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <utf8proc.h>

#include "gaz_int.h"

/* The built-in file, assembled into the library by gazetteer_data.S. */
extern const char sr_gazetteer_data_start[], sr_gazetteer_data_end[];

sr_gazetteer *sr_gazetteer_new(void)
{
    sr_gazetteer *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    g->arena = sr_arena_new();
    g->nodes = malloc(1024 * sizeof *g->nodes);
    if (!g->arena || !g->nodes) {
        sr_gazetteer_free(g);
        return NULL;
    }
    g->cap_nodes = 1024;
    g->nnodes = 1; /* the root */
    g->nodes[0] = (gz_node){NULL, 0, 0};
    return g;
}

void sr_gazetteer_free(sr_gazetteer *g)
{
    if (!g)
        return;
    sr_arena_free(g->arena);
    free(g->entries);
    free(g->edges);
    free(g->nodes);
    free(g->posts);
    free(g->regions);
    free(g->pending);
    free(g);
}

const char *sr_gazetteer_error(const sr_gazetteer *g)
{
    return g->err;
}

sr_status sr_gaz_fail(sr_gazetteer *g, sr_status st, const char *name, uint32_t line,
                      const char *fmt, ...)
{
    if (g->errors++ == 0) {
        int k = snprintf(g->err, sizeof g->err, "%s:%u: ", name, (unsigned)line);
        if (k > 0 && (size_t)k < sizeof g->err) {
            va_list ap;
            va_start(ap, fmt);
            vsnprintf(g->err + k, sizeof g->err - (size_t)k, fmt, ap);
            va_end(ap);
        }
        g->first_status = st;
    }
    return st;
}

/* ---- fields ------------------------------------------------------------------------- */

/* Parses an unsigned decimal of at most 10 digits that fits 32 bits; "" is 0. */
static bool parse_u32(const char *s, uint32_t *out)
{
    uint64_t v = 0;
    size_t i = 0;
    for (; s[i]; i++) {
        if (s[i] < '0' || s[i] > '9' || i >= 10)
            return false;
        v = v * 10 + (uint64_t)(s[i] - '0');
    }
    if (v > UINT32_MAX)
        return false;
    *out = (uint32_t)v;
    return true;
}

/* Parses "-12.34567" (at most 3 integer digits and 5 decimals) into 1e-5 units within
 * +-limit degrees. */
static bool parse_coord(const char *s, int32_t limit, int32_t *out)
{
    bool neg = *s == '-';
    s += neg;
    int64_t v = 0;
    int ints = 0, decs = 0;
    for (; *s >= '0' && *s <= '9'; s++) {
        if (++ints > 3)
            return false;
        v = v * 10 + (*s - '0');
    }
    if (!ints)
        return false;
    if (*s == '.') {
        for (s++; *s >= '0' && *s <= '9'; s++) {
            if (++decs > 5)
                return false;
            v = v * 10 + (*s - '0');
        }
        if (!decs)
            return false;
    }
    if (*s)
        return false;
    for (int k = decs; k < 5; k++)
        v *= 10;
    if (v > (int64_t)limit * 100000)
        return false;
    *out = (int32_t)(neg ? -v : v);
    return true;
}

/* Whether s[0..n) is valid UTF-8 without control characters. */
static bool clean_utf8(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (c < 0x20 || c == 0x7F)
                return false;
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(n - i < 4 ? n - i : 4), &cp);
        if (k <= 0 || (cp >= 0x80 && cp < 0xA0))
            return false;
        i += (size_t)k;
    }
    return true;
}

static bool upper_code(const char *s, size_t len, size_t n)
{
    if (len != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < 'A' || s[i] > 'Z')
            return false;
    return true;
}

/* ---- regions by (country, admin1) ----------------------------------------------------- */

static uint32_t region_hash(uint16_t country, const char *sub)
{
    return sr_word_hash(sub, strlen(sub)) ^ (country * 0x9E3779B1u);
}

static gz_region_slot *region_slot(const sr_gazetteer *g, uint16_t country, const char *sub)
{
    if (!g->cap_regions)
        return NULL;
    size_t mask = g->cap_regions - 1;
    uint32_t h = region_hash(country, sub);
    for (size_t j = h & mask;; j = (j + 1) & mask) {
        gz_region_slot *r = &g->regions[j];
        if (!r->entry || (r->hash == h && r->country == country && !strcmp(r->sub, sub)))
            return r;
    }
}

/* Links (country, sub) to region entry e; the first region with a code keeps it. */
static sr_status region_put(sr_gazetteer *g, uint16_t country, const char *sub, uint32_t e)
{
    if (2 * (g->nregions + 1) > g->cap_regions) {
        size_t cap = g->cap_regions ? g->cap_regions * 2 : 1024;
        gz_region_slot *old = g->regions, *v = calloc(cap, sizeof *v);
        if (!v)
            return SR_NOMEM;
        size_t oldcap = g->cap_regions;
        g->regions = v;
        g->cap_regions = cap;
        for (size_t i = 0; i < oldcap; i++)
            if (old[i].entry)
                *region_slot(g, old[i].country, old[i].sub) = old[i];
        free(old);
    }
    gz_region_slot *r = region_slot(g, country, sub);
    if (!r->entry) {
        *r = (gz_region_slot){region_hash(country, sub), e + 1, sub, country};
        g->nregions++;
    }
    return SR_OK;
}

/* ---- lines ---------------------------------------------------------------------------- */

/* A new entry for a line: id field 0, name field 7. NULL past SR_GAZ_MAX_ENTRIES or
 * out of memory. */
static gz_entry *entry_new(sr_gazetteer *g, char **f)
{
    if (g->nentries == g->cap_entries) {
        size_t cap = g->cap_entries ? g->cap_entries * 2 : 4096;
        if (cap > SR_GAZ_MAX_ENTRIES)
            return NULL;
        gz_entry *v = realloc(g->entries, cap * sizeof *v);
        if (!v)
            return NULL;
        g->entries = v;
        g->cap_entries = cap;
    }
    gz_entry *e = &g->entries[g->nentries++];
    memset(e, 0, sizeof *e);
    e->id = f[0];
    e->name = f[7];
    return e;
}

typedef struct {
    const char *file;
    uint32_t line;
} where;

/* The names of a line (fields 7 on) for entry idx. A bad name is reported on g and
 * skipped; only SR_NOMEM stops the line. */
static sr_status add_names(sr_gazetteer *g, where w, char **f, const size_t *fl, size_t nf,
                           const uint8_t *flags, uint32_t idx)
{
    for (size_t i = 7; i < nf; i++)
        if (sr_gaz_add_name(g, w.file, w.line, f[i], fl[i], idx, flags[i]) == SR_NOMEM)
            return SR_NOMEM;
    return SR_OK;
}

/* Checks the names in f[7..nf) (fl[] their lengths) and strips their markers into
 * flags[]. */
static sr_status check_names(sr_gazetteer *g, where w, char **f, size_t *fl, size_t nf,
                             uint8_t *flags)
{
    for (size_t i = 7; i < nf; i++) {
        uint8_t m = 0;
        for (;; f[i]++, fl[i]--) {
            if (*f[i] == '~')
                m |= GZ_NAME_WORD;
            else if (*f[i] == '@')
                m |= GZ_NAME_FIRST;
            else
                break;
        }
        size_t n = fl[i];
        if (!n)
            return sr_gaz_fail(g, SR_DICT, w.file, w.line, "empty name in field %zu", i + 1);
        if (n > SR_GAZ_MAX_NAME)
            return sr_gaz_fail(g, SR_LIMIT, w.file, w.line, "name longer than %d bytes",
                               SR_GAZ_MAX_NAME);
        if (!clean_utf8(f[i], n))
            return sr_gaz_fail(g, SR_DICT, w.file, w.line,
                               "name in field %zu is not valid UTF-8 text", i + 1);
        flags[i] = m;
    }
    return SR_OK;
}

/* Reads an X line: names that are no place. */
static sr_status take_block(sr_gazetteer *g, where w, char **f, size_t *fl, size_t nf)
{
    uint8_t flags[SR_GAZ_MAX_FIELDS];
    sr_status st = check_names(g, w, f, fl, nf, flags);
    if (st)
        return st;
    uint32_t idx = (uint32_t)g->nentries;
    gz_entry *e = entry_new(g, f);
    if (!e)
        return g->nentries >= SR_GAZ_MAX_ENTRIES ? SR_LIMIT : SR_NOMEM;
    e->kind = SR_PLACE_CITY;
    e->flags = GZ_BLOCK;
    return add_names(g, w, f, fl, nf, flags, idx);
}

/* Reads one line already cut into nf NUL-terminated fields f[] of lengths fl[]. */
static sr_status take_line(sr_gazetteer *g, where w, char **f, size_t *fl, size_t nf)
{
    uint8_t flags[SR_GAZ_MAX_FIELDS];
    uint32_t pop;
    int32_t lat, lon;
    const char *kinds = "CRPAKX";
    if (nf < 8)
        return sr_gaz_fail(g, SR_DICT, w.file, w.line,
                           "expected id, kind, country, code, population, latitude, "
                           "longitude and a name (%zu fields)",
                           nf);
    if (!fl[0] || fl[0] > SR_GAZ_MAX_ID || memchr(f[0], ' ', fl[0]) || !clean_utf8(f[0], fl[0]))
        return sr_gaz_fail(g, SR_DICT, w.file, w.line, "expected an id of 1 to %d bytes",
                           SR_GAZ_MAX_ID);
    if (fl[1] != 1 || !strchr(kinds, f[1][0]))
        return sr_gaz_fail(g, SR_DICT, w.file, w.line, "expected kind C, R, P, A, K or X");
    char kind = f[1][0];
    if (kind == 'X')
        return take_block(g, w, f, fl, nf);
    if (!upper_code(f[2], fl[2], 2))
        return sr_gaz_fail(g, SR_DICT, w.file, w.line, "expected a two-letter country code");
    if (kind == 'C' ? !upper_code(f[3], fl[3], 3)
                    : fl[3] > SR_GAZ_MAX_SUB || !clean_utf8(f[3], fl[3]))
        return sr_gaz_fail(g, SR_DICT, w.file, w.line,
                           kind == 'C' ? "expected an alpha-3 code" : "bad admin1 code");
    if (!parse_u32(f[4], &pop))
        return sr_gaz_fail(g, SR_DICT, w.file, w.line, "bad population \"%.20s\"", f[4]);
    if (!parse_coord(f[5], 90, &lat))
        return sr_gaz_fail(g, SR_DICT, w.file, w.line, "bad latitude \"%.20s\"", f[5]);
    if (!parse_coord(f[6], 180, &lon))
        return sr_gaz_fail(g, SR_DICT, w.file, w.line, "bad longitude \"%.20s\"", f[6]);
    sr_status st = check_names(g, w, f, fl, nf, flags);
    if (st)
        return st;
    size_t a2 = (size_t)(f[2][0] - 'A') * 26 + (size_t)(f[2][1] - 'A');
    if (kind == 'C' && g->by_a2[a2])
        return sr_gaz_fail(g, SR_DICT, w.file, w.line, "country %s defined twice", f[2]);
    if (kind != 'C' && !g->by_a2[a2])
        return sr_gaz_fail(g, SR_DICT, w.file, w.line,
                           "unknown country code %s (country lines come first)", f[2]);
    uint32_t idx = (uint32_t)g->nentries;
    gz_entry *e = entry_new(g, f);
    if (!e)
        return g->nentries >= SR_GAZ_MAX_ENTRIES ? SR_LIMIT : SR_NOMEM;
    e->population = pop;
    e->lat = lat;
    e->lon = lon;
    if (kind == 'C') {
        gz_country *c = &g->countries[g->ncountries];
        memcpy(c->a2, f[2], 3);
        memcpy(c->a3, f[3], 4);
        c->entry = idx;
        g->by_a2[a2] = (uint16_t)++g->ncountries;
    }
    e->country = (uint16_t)(g->by_a2[a2] - 1);
    e->kind = kind == 'C' ? SR_PLACE_COUNTRY : kind == 'R' ? SR_PLACE_REGION : SR_PLACE_CITY;
    e->flags = kind == 'A' ? GZ_SEAT : kind == 'K' ? GZ_CAPITAL : 0;
    if (kind == 'R' && f[3][0]) {
        g->last_sub = NULL;
        if (region_put(g, e->country, f[3], idx))
            return SR_NOMEM;
    }
    if (kind != 'C' && kind != 'R' && f[3][0]) {
        /* places come sorted by division: most lines repeat the last one's */
        if (!g->last_sub || g->last_country != e->country || strcmp(g->last_sub, f[3])) {
            const gz_region_slot *r = region_slot(g, e->country, f[3]);
            g->last_region = r ? r->entry : 0;
            g->last_sub = f[3];
            g->last_country = e->country;
        }
        e->region = g->last_region;
    }
    return add_names(g, w, f, fl, nf, flags, idx);
}

/* Cuts line s[0..n) (NUL at s[n]) into fields at tabs and reads it. */
static sr_status read_line(sr_gazetteer *g, where w, char *s, size_t n)
{
    if (n && s[n - 1] == '\r')
        s[--n] = 0;
    if (!n || s[0] == '#')
        return SR_OK;
    if (n > SR_GAZ_MAX_LINE)
        return sr_gaz_fail(g, SR_LIMIT, w.file, w.line, "line longer than %d bytes",
                           SR_GAZ_MAX_LINE);
    char *f[SR_GAZ_MAX_FIELDS];
    size_t fl[SR_GAZ_MAX_FIELDS], nf = 0;
    char *p = s, *end = s + n;
    for (;;) {
        if (nf == SR_GAZ_MAX_FIELDS)
            return sr_gaz_fail(g, SR_LIMIT, w.file, w.line, "too many fields (at most %d)",
                               SR_GAZ_MAX_FIELDS);
        f[nf] = p;
        char *tab = p;
        while (tab < end && *tab != '\t') /* fields are short: no memchr call */
            tab++;
        fl[nf++] = (size_t)(tab - p);
        if (tab == end)
            break;
        *tab = 0;
        p = tab + 1;
    }
    return take_line(g, w, f, fl, nf);
}

/* Reads text (len bytes, text[len] == 0, owned by the arena) line by line. */
static sr_status load_text(sr_gazetteer *g, const char *name, char *text, size_t len)
{
    size_t before = g->errors;
    /* generated lines average 60 bytes: room for that many, so tables are not copied */
    sr_status st = sr_gaz_reserve(g, len / 60);
    uint32_t line = 0;
    for (char *p = text, *end = text + len; p < end && !st;) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *stop = nl ? nl : end;
        *stop = 0;
        line++;
        sr_status one = read_line(g, (where){name, line}, p, (size_t)(stop - p));
        if (one == SR_NOMEM) {
            st = one;
            break;
        }
        if (line == UINT32_MAX)
            break;
        p = stop + 1;
    }
    sr_status idx = st ? st : sr_gaz_index_pending(g, name);
    g->npending = 0;
    sr_gaz_finish(g);
    if (st || idx == SR_NOMEM)
        return SR_NOMEM;
    return g->errors > before ? g->first_status : SR_OK;
}

sr_status sr_gazetteer_load_mem(sr_gazetteer *g, const char *name, const char *data, size_t len)
{
    if (len > SR_MAX_RECORD_HARD)
        return sr_gaz_fail(g, SR_LIMIT, name, 0, "file larger than 4 GiB");
    char *copy = sr_arena_strndup(g->arena, data ? data : "", data ? len : 0);
    if (!copy)
        return SR_NOMEM;
    return load_text(g, name, copy, data ? len : 0);
}

sr_status sr_gazetteer_load_default(sr_gazetteer *g)
{
    size_t n = (size_t)(sr_gazetteer_data_end - sr_gazetteer_data_start);
    return sr_gazetteer_load_mem(g, "data/places/gazetteer.tsv", sr_gazetteer_data_start, n);
}
