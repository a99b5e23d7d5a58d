/* test_coder.c: the event coder (src/code/coder*.c) on small inline dictionaries: what
 * the TABARI suite exercises only as a whole, one behaviour per test. */
#include <stdio.h>
#include <stdlib.h>

#include "../../src/code/coder.h"
#include "../harness.h"

/* A small world: two countries with a minister each, a few verbs. Every phrase is
 * TABARI's, blanks and underscores as written. */
static const char ACTORS[] = "ARNOR_ [ARN]\n"
                             "GONDOR_ [GON]\n"
                             "ROHAN_ [ROH]\n"
                             "KING ELESSAR [ARNGOV]\n"
                             "ITHILEN TELEVISION [ITHTV]\n"
                             "ITHILEN_ [ITH]\n";
static const char AGENTS[] = "MINISTER_ [~GOV]\n";
static const char VERBS[] = "ACCUSE  [112]\n"
                            "WARN  [160]\n"
                            "- * AT ^ +  [162]\n"
                            "PRAISE  [051]\n"
                            "CELEBRATE  [181]\n"
                            "- $ HOSTING ^ * FEAST  [042]\n";

typedef struct {
    sr_dict *dict;
    sr_verbs *verbs;
    sr_coder *coder;
} world;

static bool world_open(world *w, unsigned dict_flags)
{
    memset(w, 0, sizeof *w);
    sr_coder_options o;
    sr_coder_options_default(&o, false);
    w->dict = sr_dict_new(dict_flags);
    w->verbs = sr_verbs_new();
    if (!w->dict || !w->verbs ||
        sr_dict_load_mem(w->dict, SR_DICT_ACTOR, "t.actors", ACTORS, strlen(ACTORS)) ||
        sr_dict_load_mem(w->dict, SR_DICT_AGENT, "t.agents", AGENTS, strlen(AGENTS)) ||
        sr_verbs_load_mem(w->verbs, SR_VERBS_TABARI, "t.verbs", VERBS, strlen(VERBS)) ||
        sr_verbs_finish(w->verbs))
        return false;
    w->coder = sr_coder_new(w->dict, w->verbs, &o);
    return w->coder != NULL;
}

static void world_close(world *w)
{
    sr_coder_free(w->coder);
    sr_verbs_free(w->verbs);
    sr_dict_free(w->dict);
}

/* Codes text and writes its events as "SRC/TGT/CODE" separated by blanks into out. */
static void code(world *w, const char *text, char *out, size_t cap)
{
    sr_ymd day = {2000, 1, 1};
    out[0] = 0;
    sr_doc *doc = sr_doc_new("t", text, strlen(text), &day);
    if (!doc || sr_tokenize(doc)) {
        snprintf(out, cap, "(no document)");
        sr_doc_free(doc);
        return;
    }
    sr_coded got;
    if (sr_coder_code(w->coder, doc, 0, doc->ntokens, day, &got) != SR_OK)
        snprintf(out, cap, "(error)");
    size_t n = 0;
    for (size_t i = 0; i < got.nevents && n < cap; i++)
        n += (size_t)snprintf(out + n, cap - n, "%s%s/%s/%s", i ? " " : "", got.events[i].source,
                              got.events[i].target, got.events[i].code);
    sr_doc_free(doc);
}

TEST(coder_forward_pronoun)
{
    world w;
    CHECK(world_open(&w, 0));
    if (!w.coder)
        return;
    char got[256];
    CHECK(sr_coder_option_line(sr_coder_opts(w.coder), "FORWARD: ^^***NNN*SSS", 21, NULL, 0) ==
          SR_OK);
    /* the pronoun opening a sentence stands for the last sentence's first actor, without
       its agent; only when the caller says the sentence follows */
    code(&w, "Arnor minister Elrond accused Rohan of lying.", got, sizeof got);
    CHECK_EQ_STR(got, "ARNGOV/ROH/112");
    sr_coder_follow(w.coder, true);
    code(&w, "He also accused Gondor.", got, sizeof got);
    CHECK_EQ_STR(got, "ARN/GON/112");
    /* the memory is of the sentence coded last: Gondor now; not following: nothing */
    code(&w, "Gondor praised Rohan.", got, sizeof got);
    CHECK_EQ_STR(got, "GON/ROH/051");
    code(&w, "It accused Arnor.", got, sizeof got);
    CHECK_EQ_STR(got, "");
    code(&w, "Gondor praised Rohan.", got, sizeof got);
    sr_coder_follow(w.coder, true);
    code(&w, "It accused Arnor.", got, sizeof got);
    CHECK_EQ_STR(got, "GON/ARN/112");
    /* FORWARD off: follows has no effect */
    CHECK(sr_coder_option_line(sr_coder_opts(w.coder), "FORWARD: ^^***NNN*SSS OFF", 25, NULL, 0) ==
          SR_OK);
    code(&w, "Gondor praised Rohan.", got, sizeof got);
    sr_coder_follow(w.coder, true);
    code(&w, "It accused Arnor.", got, sizeof got);
    CHECK_EQ_STR(got, "");
    world_close(&w);
}

TEST(coder_id_follows)
{
    const char *f = "^^*****NNN*SSS";
    CHECK(sr_coder_id_follows(f, "FRWD-001-001", "FRWD-001-002"));
    CHECK(sr_coder_id_follows(f, "  FRWD-001-009", "FRWD-001-010"));
    CHECK(!sr_coder_id_follows(f, "FRWD-001-001", "FRWD-001-003")); /* a gap */
    CHECK(!sr_coder_id_follows(f, "FRWD-001-002", "FRWD-001-002"));
    CHECK(!sr_coder_id_follows(f, "FRWD-001-001", "FRWD-002-002")); /* another story */
    CHECK(!sr_coder_id_follows(f, "FRWD-001-001", "FRWD-001"));     /* too short */
    CHECK(!sr_coder_id_follows("", "FRWD-001-001", "FRWD-001-002"));
    /* a sentence number that is not a number is 0 */
    CHECK(sr_coder_id_follows(f, "FRWD-001-ABC", "FRWD-001-001"));
    CHECK(sr_coder_id_follows("SSS***NNN", "002xxxSTO", "003yyySTO"));
}

/* The phrase sr_dict_find gives at token i of text, as "PHRASE:first-end", or "-". */
static void find(const sr_dict *d, const char *text, size_t i, char *out, size_t cap)
{
    sr_ymd day = {2000, 1, 1};
    sr_doc *doc = sr_doc_new("t", text, strlen(text), &day);
    sr_dict_match m;
    if (doc && !sr_tokenize(doc) && sr_dict_find(d, doc, i, doc->ntokens, day, 3, &m))
        snprintf(out, cap, "%s:%u-%u", m.text, m.first, m.end);
    else
        snprintf(out, cap, "-");
    sr_doc_free(doc);
}

TEST(coder_gapped_actor_phrases)
{
    world gaps, plain;
    CHECK(world_open(&gaps, SR_DICT_GAPS));
    CHECK(world_open(&plain, 0));
    if (!gaps.coder || !plain.coder)
        return;
    char got[256];
    /* a blank lets the text put words between: "Ithilen state-run television" */
    code(&gaps, "Ithilen state-run television praised Gondor.", got, sizeof got);
    CHECK_EQ_STR(got, "ITHTV/GON/051");
    code(&plain, "Ithilen state-run television praised Gondor.", got, sizeof got);
    CHECK_EQ_STR(got, "ITH/GON/051");
    /* a comma or a full stop ends the skip */
    code(&gaps, "Ithilen, whose television is loud, praised Gondor.", got, sizeof got);
    CHECK_EQ_STR(got, "ITH/GON/051");
    /* at most SR_DICT_MAX_GAP tokens are skipped */
    find(gaps.dict, "King Elessar", 0, got, sizeof got);
    CHECK_EQ_STR(got, "KING ELESSAR:0-2");
    find(gaps.dict, "King of the West Elessar", 0, got, sizeof got);
    CHECK_EQ_STR(got, "KING ELESSAR:0-5");
    find(gaps.dict, "King of all the lands in the West Elessar", 0, got, sizeof got);
    CHECK_EQ_STR(got, "-");
    /* an underscore in the text joins as a hyphen does */
    find(gaps.dict, "King_Elessar", 0, got, sizeof got);
    CHECK_EQ_STR(got, "KING ELESSAR:0-3");
    world_close(&gaps);
    world_close(&plain);
}

TEST(coder_gapped_ties)
{
    /* of two phrases ending at the same word, the one read without a skip wins */
    static const char actors[] = "AL_GORE [AGR]\nAL GORE [TEN]\n";
    sr_dict *d = sr_dict_new(SR_DICT_GAPS);
    CHECK(d && sr_dict_load_mem(d, SR_DICT_ACTOR, "t", actors, strlen(actors)) == SR_OK);
    if (!d)
        return;
    char got[128];
    find(d, "Al Gore spoke", 0, got, sizeof got);
    CHECK_EQ_STR(got, "AL_GORE:0-2");
    find(d, "Al \"The Weasel\" Gore spoke", 0, got, sizeof got);
    CHECK_EQ_STR(got, "AL GORE:0-6");
    sr_dict_free(d);
}

TEST(coder_former_agent_and_comma_clauses)
{
    world w;
    CHECK(world_open(&w, 0));
    if (!w.coder)
        return;
    char got[256];
    /* FORMER between an actor and its agent makes the agent ELI */
    code(&w, "Arnor former minister accused Rohan.", got, sizeof got);
    CHECK_EQ_STR(got, "ARNELI/ROH/112");
    code(&w, "Arnor minister accused Rohan.", got, sizeof got);
    CHECK_EQ_STR(got, "ARNGOV/ROH/112");
    /* an internal comma clause goes first, with both commas; what follows is then no
       terminal clause */
    code(&w, "Arnor, in the end, accused Rohan of lying about the war.", got, sizeof got);
    CHECK_EQ_STR(got, "ARN/ROH/112");
    /* a short terminal clause still goes */
    code(&w, "Arnor accused Rohan of lying, Gondor praised Ithilen.", got, sizeof got);
    CHECK_EQ_STR(got, "ARN/ROH/112");
    world_close(&w);
}

TEST(coder_source_token_nearest_the_verb)
{
    world w;
    CHECK(world_open(&w, 0));
    if (!w.coder)
        return;
    char got[256];
    /* "$" before the verb takes the actor nearest it that lets the pattern match */
    code(&w, "Gondor with Arnor will be hosting Rohan to celebrate the feast with Ithilen.", got,
         sizeof got);
    CHECK_EQ_STR(got, "ARN/ITH/042");
    world_close(&w);
}
