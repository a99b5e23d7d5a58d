/* meta_text.c: text the metadata reader takes from elements, and the cleaning of titles
 * and bylines: whitespace, "By" prefixes, site-name parts of a title. */
#include <string.h>

#include "meta_int.h"

/* Elements below a byline or dateline element visited for its text: enough for any
 * real byline; a subtree of thousands of empty elements is not read to its end. */
enum { MAX_TEXT_NODES = 256 };

static bool is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Appends s to t, collapsing whitespace (and no-break spaces) to single spaces. */
static void append(sr_mtext *t, const char *s, size_t max)
{
    for (; *s && t->n < max; s++) {
        unsigned char c = (unsigned char)*s;
        bool sp = is_space(c);
        if (c == 0xC2 && (unsigned char)s[1] == 0xA0) /* U+00A0 */
            sp = true, s++;
        if (sp) {
            if (t->n && t->b[t->n - 1] != ' ')
                t->b[t->n++] = ' ';
        } else {
            t->b[t->n++] = (char)c;
        }
    }
    t->b[t->n] = 0;
}

static bool skipped(xmlNodePtr n)
{
    return n->type == XML_ELEMENT_NODE && n->name &&
           (!xmlStrcasecmp(n->name, BAD_CAST "script") ||
            !xmlStrcasecmp(n->name, BAD_CAST "style") ||
            !xmlStrcasecmp(n->name, BAD_CAST "noscript"));
}

void sr_meta_node_text(xmlNodePtr node, sr_mtext *t, size_t max)
{
    if (max > SR_META_MAX_STR)
        max = SR_META_MAX_STR;
    int visits = 0;
    xmlNodePtr n = node->children;
    while (n && n != node && t->n < max && visits++ < MAX_TEXT_NODES) {
        if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content)
            append(t, (const char *)n->content, max);
        else if (n->type == XML_ELEMENT_NODE && t->n && t->b[t->n - 1] != ' ' && t->n < max)
            t->b[t->n++] = ' ', t->b[t->n] = 0; /* block edges separate words */
        if (n->children && n->type == XML_ELEMENT_NODE && !skipped(n)) {
            n = n->children;
            continue;
        }
        while (n != node && !n->next)
            n = n->parent;
        if (n != node)
            n = n->next;
    }
    t->n = sr_meta_squeeze(t->b, t->n);
}

void sr_meta_siblings_text(xmlNodePtr from, sr_mtext *t, size_t max)
{
    if (max > SR_META_MAX_STR)
        max = SR_META_MAX_STR;
    for (xmlNodePtr c = from; c && t->n < max; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            append(t, (const char *)c->content, max);
        else if (c->type == XML_ELEMENT_NODE && !skipped(c))
            sr_meta_node_text(c, t, max);
        if (t->n && t->n < max && t->b[t->n - 1] != ' ')
            t->b[t->n++] = ' ', t->b[t->n] = 0;
    }
    t->n = sr_meta_squeeze(t->b, t->n);
}

/* The next node after n in document order, not entering scripts and styles. */
static xmlNodePtr next_node(xmlNodePtr n)
{
    if (n->children && n->type == XML_ELEMENT_NODE && !skipped(n))
        return n->children;
    while (n && !n->next)
        n = n->parent;
    return n ? n->next : NULL;
}

bool sr_meta_scan_dates(xmlNodePtr from, bool mdy, sr_ymd *out)
{
    sr_mtext t = {.n = 0};
    int seen = 0;
    for (xmlNodePtr n = from; n && seen < SR_META_SCAN_NODES; n = next_node(n)) {
        if (n->type != XML_TEXT_NODE || !n->content)
            continue;
        if (t.n > 80) { /* keep the tail: a date may continue in this node */
            memmove(t.b, t.b + t.n - 40, 40);
            t.n = 40;
        }
        const char *s = (const char *)n->content;
        if (!s[strspn(s, " \t\r\n")])
            continue; /* blank: neither counted nor a break in the window */
        seen++;
        if (t.n && t.b[t.n - 1] != ' ')
            t.b[t.n++] = ' ';
        append(&t, s, SR_META_MAX_STR);
        /* every date ends in digits: without new ones, nothing new can match */
        if (strpbrk(s, "0123456789") && sr_meta_date_find(t.b, t.n, mdy, out, NULL, NULL))
            return true;
    }
    return false;
}

/* True when one of words occurs in the 32 bytes of s[from..at) before at. */
static bool words_before(const char *s, size_t from, size_t at, const char *const *words)
{
    if (at > from + 32)
        from = at - 32;
    for (int i = 0; words[i]; i++)
        if (sr_meta_has(s + from, at - from, words[i]))
            return true;
    return false;
}

bool sr_meta_pub_before(const char *s, size_t from, size_t at)
{
    static const char *const words[] = {
        "publish",      "publié",       "publicado",   "pubblicato",  "veröffentlicht",
        "erschienen",   "gepubliceerd", "opublikowan", "publikováno", "publicerad",
        "publisert",    "udgivet",      "julkaistu",   "yayınlan",    "опубликовано",
        "опубліковано", "publicat",     NULL};
    return words_before(s, from, at, words);
}

bool sr_meta_scan_labelled(xmlNodePtr from, bool mdy, sr_ymd *out)
{
    sr_mtext t = {.n = 0};
    int seen = 0;
    for (xmlNodePtr n = from; n && seen < SR_META_SCAN_NODES; n = next_node(n)) {
        if (n->type != XML_TEXT_NODE || !n->content)
            continue;
        if (t.n > 80) {
            memmove(t.b, t.b + t.n - 40, 40);
            t.n = 40;
        }
        const char *s = (const char *)n->content;
        if (!s[strspn(s, " \t\r\n")])
            continue;
        seen++;
        if (t.n && t.b[t.n - 1] != ' ')
            t.b[t.n++] = ' ';
        append(&t, s, SR_META_MAX_STR);
        if (!strpbrk(s, "0123456789"))
            continue;
        size_t at = 0, start, end;
        while (at < t.n && sr_meta_date_find(t.b + at, t.n - at, mdy, out, &start, &end)) {
            if (sr_meta_pub_before(t.b, 0, at + start))
                return true;
            at += end;
        }
    }
    return false;
}

bool sr_meta_update_before(const char *s, size_t from, size_t at)
{
    static const char *const words[] = {"update",     "aktualisiert", "geändert",   "nderung",
                                        "bearbeitet", "editiert",     "modifi",     "mis à jour",
                                        "actualiza",  "aggiornat",    "bijgewerkt", "zaktualizowan",
                                        "atualizad",  "revised",      NULL};
    return words_before(s, from, at, words);
}

size_t sr_meta_squeeze(char *s, size_t n)
{
    size_t o = 0;
    for (size_t i = 0; i < n && s[i]; i++) {
        unsigned char c = (unsigned char)s[i];
        bool sp = is_space(c);
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0)
            sp = true, i++;
        if (sp) {
            if (o && s[o - 1] != ' ')
                s[o++] = ' ';
        } else {
            s[o++] = (char)c;
        }
    }
    while (o && s[o - 1] == ' ')
        o--;
    s[o] = 0;
    return o;
}

bool sr_meta_has(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (!strncasecmp(s + i, needle, k))
            return true;
    return false;
}

/* ---- bylines ---- */

/* Leading words that introduce a name, compared case-insensitively; each is followed by
 * a space or a colon. */
static const char *const by_words[] = {
    "written by",
    "posted by",
    "published by",
    "post author",
    "geschrieben von",
    "verfasst von",
    "ein beitrag von",
    "veröffentlicht von",
    "eingestellt von",
    "publiziert von",
    "erstellt von",
    "publié par",
    "publicado por",
    "pubblicato da",
    "interview",
    "vom",
    "autor/in",
    "artikel von",
    "von",
    "by",
    "par",
    "por",
    "door",
    "di",
    "da",
    "av",
    "af",
    "przez",
    "autor",
    "autorin",
    "author",
    "auteur",
    "autore",
    "text",
    "texte",
    "redaktion",
    NULL,
};

/* Length of a leading "By " / "Autor: " prefix of s, 0 for none. */
static size_t by_prefix(const char *s, size_t n)
{
    for (int i = 0; by_words[i]; i++) {
        size_t k = strlen(by_words[i]);
        if (n > k + 1 && !strncasecmp(s, by_words[i], k) && (s[k] == ' ' || s[k] == ':')) {
            size_t j = k;
            while (j < n && (s[j] == ' ' || s[j] == ':'))
                j++;
            return j;
        }
    }
    return 0;
}

/* Where a byline stops being a name: a separator mark, or a date or time after it. */
static size_t name_end(const char *s, size_t n)
{
    static const char *const stops[] = {" | ",  "|",    " • ",  " · ",  " — ",  " – ",
                                        " - ",  " on ", " am ", " le ", " el ", " il ",
                                        " op ", " at ", " um ", "\n",   NULL};
    size_t end = n;
    for (int i = 0; stops[i]; i++) {
        const char *p = memmem(s, end, stops[i], strlen(stops[i]));
        if (p && p > s)
            end = (size_t)(p - s);
    }
    sr_ymd d;
    /* a trailing date ("Jane Doe 05.11.2024"): cut before its first digit */
    if (sr_meta_date_find(s, end, false, &d, NULL, NULL))
        for (size_t i = 0; i < end; i++)
            if (s[i] >= '0' && s[i] <= '9') {
                end = i;
                break;
            }
    return end;
}

/* True when s is no name but the words that introduce one or a date: "By", "Posted
 * on", "Veröffentlicht am", "Publié le". */
static bool is_label(const char *s, size_t n)
{
    bool letter = false; /* "30/10/23" is no name */
    for (size_t i = 0; i < n && !letter; i++)
        letter = ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z') || (unsigned char)s[i] >= 0x80;
    if (!letter)
        return true;
    static const char *const labels[] = {"posted on",
                                         "published on",
                                         "posted",
                                         "veröffentlicht am",
                                         "veröffentlicht",
                                         "publiziert am",
                                         "erstellt am",
                                         "geschrieben am",
                                         "publié le",
                                         "publicado el",
                                         "pubblicato il",
                                         "am",
                                         "on",
                                         NULL};
    for (int i = 0; labels[i]; i++)
        if (strlen(labels[i]) == n && !strncasecmp(s, labels[i], n))
            return true;
    for (int i = 0; by_words[i]; i++)
        if (strlen(by_words[i]) == n && !strncasecmp(s, by_words[i], n))
            return true;
    return false;
}

char *sr_meta_author_clean(const char *s, size_t n, sr_arena *a)
{
    char tmp[SR_META_MAX_STR + 1];
    if (n > SR_META_MAX_STR)
        n = SR_META_MAX_STR;
    memcpy(tmp, s, n);
    n = sr_meta_squeeze(tmp, n);
    char *p = tmp;
    for (size_t k = 1; k;) { /* "| Autor: Name", "By: Name", "~ Name" */
        while (n && strchr(" ,;:-|/~", *p))
            p++, n--;
        k = by_prefix(p, n);
        p += k, n -= k;
    }
    n = name_end(p, n);
    while (n && strchr(" ,;:-|/", p[n - 1]))
        n--;
    if (!n || n > 80 || memmem(p, n, "://", 3) || !strncasecmp(p, "www.", 4) || memchr(p, '@', n) ||
        memmem(p, n, "[at]", 4) || memchr(p, '{', n) || memchr(p, '<', n) || is_label(p, n))
        return NULL;
    return sr_arena_strndup(a, p, n);
}

/* ---- titles ---- */

static const char *const title_seps[] = {" | ", " - ", " – ", " — ", " :: ", " » ", " « ",
                                         " › ", " · ", " • ", " / ", ": ",   NULL};

static bool same(const char *a, size_t an, const char *b)
{
    size_t bn = strlen(b);
    return an == bn && !strncasecmp(a, b, an);
}

/* The distinctive label of url's host ("www.example.co.uk" gives "example"), lower-case
 * letters and digits, into out (cap bytes); empty when there is none. */
static void host_label(const char *url, char *out, size_t cap)
{
    out[0] = 0;
    const char *p = url ? strstr(url, "://") : NULL;
    if (!p)
        return;
    p += 3;
    size_t n = strcspn(p, "/:?#"), best = 0;
    const char *lab = p, *best_at = NULL;
    for (const char *q = p; q <= p + n; q++) {
        if (q < p + n && *q != '.')
            continue;
        size_t len = (size_t)(q - lab); /* the longest label that is not "www" */
        if (len > best && !(len == 3 && !strncasecmp(lab, "www", 3)) && q < p + n)
            best = len, best_at = lab;
        lab = q + 1;
    }
    size_t o = 0;
    for (size_t i = 0; best_at && i < best && o + 1 < cap; i++)
        if ((best_at[i] | 0x20) >= 'a' && (best_at[i] | 0x20) <= 'z')
            out[o++] = (char)(best_at[i] | 0x20);
        else if (best_at[i] >= '0' && best_at[i] <= '9')
            out[o++] = best_at[i];
    out[o] = 0;
}

/* True when part (n bytes) names the site: it equals or contains the site's name, the
 * site's name contains it, or its letters contain the host's label. */
static bool is_site(const char *p, size_t n, const char *site, const char *label)
{
    if (!n)
        return false;
    size_t sn = site ? strlen(site) : 0;
    char part[SR_META_MAX_STR + 1];
    memcpy(part, p, n);
    part[n] = 0;
    if (sn && (same(p, n, site) || (sn >= 4 && sn <= n && sr_meta_has(p, n, site)) ||
               (n >= 4 && n < sn && sr_meta_has(site, sn, part))))
        return true;
    size_t ln = strlen(label), o = 0;
    if (ln < 4)
        return false;
    for (size_t i = 0; i < n; i++) /* letters and digits of the part, lower-cased */
        if (((p[i] | 0x20) >= 'a' && (p[i] | 0x20) <= 'z') || (p[i] >= '0' && p[i] <= '9'))
            part[o++] = (char)(p[i] >= 'A' && p[i] <= 'Z' ? p[i] | 0x20 : p[i]);
    part[o] = 0;
    return o && strstr(part, label);
}

/* The first or last separator in s (n bytes), its length in *k. */
static const char *find_sep(const char *s, size_t n, bool last, size_t *k)
{
    const char *best = NULL;
    for (int i = 0; title_seps[i]; i++) {
        size_t len = strlen(title_seps[i]);
        for (const char *p = s; (p = memmem(p, (size_t)(s + n - p), title_seps[i], len)); p++) {
            if (!best || (last ? p > best : p < best))
                best = p, *k = len;
            if (!last)
                break;
        }
    }
    return best;
}

bool sr_meta_is_host(const char *s, const char *url)
{
    char label[64], part[SR_META_MAX_STR + 1];
    host_label(url, label, sizeof label);
    size_t o = 0;
    for (const char *p = s; *p && o < SR_META_MAX_STR; p++)
        if (((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z') || (*p >= '0' && *p <= '9'))
            part[o++] = (char)(*p >= 'A' && *p <= 'Z' ? *p | 0x20 : *p);
    part[o] = 0;
    return label[0] && !strcmp(part, label);
}

bool sr_meta_title_is_site(const char *s, const char *site, const char *url)
{
    char label[64];
    host_label(url, label, sizeof label);
    return is_site(s, strlen(s) > SR_META_MAX_STR ? SR_META_MAX_STR : strlen(s), site, label);
}

char *sr_meta_title_clean(const char *s, size_t n, const char *site, const char *url, sr_arena *a)
{
    char tmp[SR_META_MAX_STR + 1], label[64];
    if (n > SR_META_MAX_STR)
        n = SR_META_MAX_STR;
    memcpy(tmp, s, n);
    n = sr_meta_squeeze(tmp, n);
    host_label(url, label, sizeof label);
    const char *p = tmp;
    for (int round = 0; round < 3; round++) { /* "Title | Section | Site" */
        size_t tk = 0, hk = 0;
        const char *tail = find_sep(p, n, true, &tk), *head = find_sep(p, n, false, &hk);
        if (tail && is_site(tail + tk, (size_t)(p + n - tail - tk), site, label)) {
            n = (size_t)(tail - p);
        } else if (head && is_site(p, (size_t)(head - p), site, label)) {
            n -= (size_t)(head + hk - p);
            p = head + hk;
        } else {
            break;
        }
    }
    /* "Headline | Site Name" with a site the page does not name: " | " separates a
     * title from its site far more often than it sits inside a headline */
    const char *bar = memmem(p, n, " | ", 3);
    if (bar && bar > p)
        n = (size_t)(bar - p);
    while (n && strchr(" |-:", p[n - 1]))
        n--;
    return n ? sr_arena_strndup(a, p, n) : NULL;
}
