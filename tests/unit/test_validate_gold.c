/* test_validate_gold.c: the readers and runners of the gold sets (src/code/validate_gold.h)
 * on small inline documents: PETRARCH's unit-record XML (fields, <Config> order, which
 * records are scored, malformed XML, missing dictionaries) and PLOVER's JSON array
 * (fields, DOCUMENT records, malformed JSON, a top level that is not an array, nesting). */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../src/code/validate_gold.h"
#include "../harness.h"

/* ---- PETRARCH: the reader ------------------------------------------------------------ */

static const char petr_doc[] =
    "<Validation>\n"
    "<!-- a comment -->\n"
    "<Environment>\n"
    "  <Verbfile> t.verbs </Verbfile><Actorfile>t.actors</Actorfile>\n"
    "  <Agentfile>t.agents</Agentfile>\n"
    "  <Include>DEMO  VERB</Include>\n"
    "  <Config option=\"stop_on_error\" value=\"True\"></Config>\n"
    "</Environment>\n"
    "<Sentences>\n"
    "<Sentence date=\"19950103\" id=\"DEMO-01\" category=\"DEMO\" sentence=\"true\">\n"
    "<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"064\"></EventCoding>\n"
    "<EventCoding sourcecode='\"NEW ACTOR\"' targetcode=\"GON\" eventcode=\"033\"/>\n"
    "<Text>\n  Arnor restored   ties\n with Gondor &amp; friends.\n</Text>\n"
    "<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>\n"
    "</Sentence>\n"
    "<Config option=\"comma_max\" value=\"0\"></Config>\n"
    "<Config option=\"new_actor_length\" value=\"4\"/>\n"
    "<Sentence date = \"2008-08-01\" id =\"VERB-02\" category=\"VERB\" sentence=\"false\">\n"
    "<EventCoding noevents = \"True\"> </EventCoding><Text>Nothing.</Text>\n"
    "</Sentence>\n"
    "<Sentence date=\"19951399\" id=\"X-03\" category=\"OTHER\" sentence=\"true\">\n"
    "<EventCoding error=\"dateline\"></EventCoding><Text>CITY: -- words</Text>\n"
    "</Sentence>\n"
    "</Sentences>\n"
    "</Validation>\n";

TEST(petr_read_fields)
{
    sr_petr_suite s;
    char err[256] = "";
    sr_status st = sr_petr_read("t.xml", petr_doc, sizeof petr_doc - 1, &s, err, sizeof err);
    CHECK_MSG(st == SR_OK, "%s", err);
    if (st)
        return;
    CHECK_EQ_STR(s.verbfile, "t.verbs");
    CHECK_EQ_STR(s.actorfile, "t.actors");
    CHECK_EQ_STR(s.agentfile, "t.agents");
    CHECK_EQ_STR(s.discardfile, "");
    CHECK_EQ_STR(s.include, "DEMO VERB");
    CHECK_EQ_INT(s.nrecords, 3);
    const sr_petr_record *a = &s.records[0], *b = &s.records[1], *c = &s.records[2];
    CHECK_EQ_STR(a->id, "DEMO-01");
    CHECK_EQ_STR(a->text, "Arnor restored ties with Gondor & friends.");
    CHECK_EQ_INT(a->day.year, 1995);
    CHECK_EQ_INT(a->day.day, 3);
    CHECK(a->in_use && !a->noevents && !a->error[0]);
    CHECK_EQ_INT(a->ntriples, 2);
    CHECK_EQ_STR(a->triples[0].code, "064");
    CHECK_EQ_STR(a->triples[1].source, "\"NEW ACTOR\"");
    CHECK_EQ_INT(a->nconfig, 1); /* the environment's Config goes with the first record */
    CHECK_EQ_STR(a->config[0].option, "stop_on_error");
    CHECK_EQ_STR(b->id, "VERB-02");
    CHECK_EQ_INT(b->day.month, 8);
    CHECK(!b->in_use && b->noevents && b->ntriples == 0);
    CHECK_EQ_INT(b->nconfig, 2);
    CHECK_EQ_STR(b->config[0].value, "0");
    CHECK_EQ_STR(b->config[1].option, "new_actor_length");
    CHECK_EQ_INT(c->day.year, 0); /* month 13 */
    CHECK_EQ_STR(c->error, "dateline");
    CHECK_EQ_INT(c->nconfig, 0);
    CHECK_EQ_INT(c->line, 24);
    sr_petr_suite_free(&s);
}

TEST(petr_unscored)
{
    sr_petr_suite s;
    char err[256];
    if (sr_petr_read("t.xml", petr_doc, sizeof petr_doc - 1, &s, err, sizeof err) != SR_OK) {
        CHECK_MSG(0, "%s", err);
        return;
    }
    CHECK(sr_petr_unscored(&s, &s.records[0], 0) == NULL);
    CHECK(strstr(sr_petr_unscored(&s, &s.records[0], 4), "new_actor_length") != NULL);
    CHECK(strstr(sr_petr_unscored(&s, &s.records[1], 0), "sentence=") != NULL);
    CHECK(strstr(sr_petr_unscored(&s, &s.records[2], 0), "Include") != NULL);
    s.include = "";
    CHECK(strstr(sr_petr_unscored(&s, &s.records[2], 0), "input check") != NULL);
    s.records[2].error = "sentencediscard"; /* a discard test is scored */
    CHECK(sr_petr_unscored(&s, &s.records[2], 0) == NULL);
    sr_petr_suite_free(&s);
}

/* Reading doc must fail with st and a one-line message naming t.xml and holding what. */
static void petr_refused(const char *doc, sr_status want, const char *what)
{
    sr_petr_suite s;
    char err[256] = "";
    sr_status st = sr_petr_read("t.xml", doc, strlen(doc), &s, err, sizeof err);
    CHECK_MSG(st == want, "'%s': status %d, expected %d", doc, (int)st, (int)want);
    CHECK_MSG(!strncmp(err, "t.xml:", 6) && strstr(err, what) && !strchr(err, '\n'),
              "'%s': message '%s'", doc, err);
    CHECK(s.arena == NULL && s.nrecords == 0);
    if (st == SR_OK)
        sr_petr_suite_free(&s);
}

TEST(petr_read_malformed)
{
    petr_refused("<Validation><Sentence id=\"a\"></Validation>", SR_XML, "malformed XML");
    petr_refused("<Validation><Sentences>", SR_XML, "malformed XML");
    petr_refused("", SR_XML, "malformed XML");
    petr_refused("not xml at all", SR_XML, "malformed XML");
    petr_refused("<a>&undefined;</a>", SR_XML, "malformed XML");
}

TEST(petr_read_no_external_entities)
{
    static const char doc[] = "<!DOCTYPE Validation [<!ENTITY e SYSTEM \"/etc/passwd\">]>\n"
                              "<Validation><Sentences><Sentence id=\"x\"><Text>a &e; b</Text>"
                              "</Sentence></Sentences></Validation>";
    sr_petr_suite s;
    char err[256] = "";
    sr_status st = sr_petr_read("t.xml", doc, sizeof doc - 1, &s, err, sizeof err);
    CHECK_MSG(st == SR_OK, "%s", err);
    if (st)
        return;
    CHECK_EQ_INT(s.nrecords, 1);
    CHECK_MSG(!strstr(s.records[0].text, "root"), "the entity was read: '%s'", s.records[0].text);
    sr_petr_suite_free(&s);
}

/* ---- PETRARCH: a run on files ---------------------------------------------------------- */

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    CHECK_MSG(f != NULL, "cannot write %s", path);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static const char run_xml[] =
    "<Validation><Environment>\n"
    "<Verbfile>t.verbs</Verbfile><Actorfile>t.actors</Actorfile>\n"
    "<Discardfile>t.discards</Discardfile>\n"
    "</Environment><Sentences>\n"
    "<Sentence date=\"19950101\" id=\"ONE\" category=\"DEMO\" sentence=\"true\">\n"
    "<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"064\"></EventCoding>\n"
    "<Text>Arnor restored diplomatic ties with Gondor.</Text></Sentence>\n"
    "<Sentence date=\"19950101\" id=\"TWO\" category=\"DEMO\" sentence=\"true\">\n"
    "<EventCoding sourcecode=\"GON\" targetcode=\"ARN\" eventcode=\"064\"></EventCoding>\n"
    "<Text>Arnor restored diplomatic ties with Gondor.</Text></Sentence>\n"
    "<Sentence date=\"19950101\" id=\"THREE\" category=\"DEMO\" sentence=\"true\">\n"
    "<EventCoding error=\"storydiscard\"></EventCoding>\n"
    "<Text>Arnor restored diplomatic ties with Gondor after the typhoon.</Text></Sentence>\n"
    "<Sentence id=\"FOUR\" category=\"DEMO\" sentence=\"false\"><Text>x</Text></Sentence>\n"
    "</Sentences></Validation>\n";

/* A suite laid out as the shared data is: text/t.xml and dictionaries/. */
static void make_suite(char *dir, const char *verbs)
{
    char sub[1200];
    snprintf(sub, sizeof sub, "%s/text", dir);
    CHECK(mkdir(sub, 0700) == 0);
    write_file(sub, "t.xml", run_xml);
    snprintf(sub, sizeof sub, "%s/dictionaries", dir);
    CHECK(mkdir(sub, 0700) == 0);
    write_file(sub, "t.actors", "ARNOR [ARN]\nGONDOR [GON]\n");
    write_file(sub, "t.discards", "# discards\n+TYPHOON # weather\n");
    if (verbs)
        write_file(sub, "t.verbs", verbs);
}

static void remove_suite(const char *dir)
{
    const char *files[] = {"text/t.xml",
                           "dictionaries/t.actors",
                           "dictionaries/t.discards",
                           "dictionaries/t.verbs",
                           "text",
                           "dictionaries",
                           ""};
    char path[1200];
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        remove(path);
    }
}

TEST(petr_run_small)
{
    char dir[] = "/tmp/sitrep-petr-XXXXXX", path[1200], err[512] = "";
    CHECK(mkdtemp(dir) != NULL);
    make_suite(dir, "--- RESTORE [064] ---\nRESTORE\n- * TIES [064]\n");
    snprintf(path, sizeof path, "%s/text/t.xml", dir);
    sr_petrarch_result res;
    sr_status st = sr_validate_petrarch(path, SR_VALIDATE_QUIET, NULL, &res, err, sizeof err);
    CHECK_MSG(st == SR_OK, "%s", err);
    CHECK_EQ_INT(res.records, 4);
    CHECK_EQ_INT(res.agreed, 2); /* ONE, and THREE's discard */
    CHECK_EQ_INT(res.disagreed, 1);
    CHECK_EQ_INT(res.unscored, 1);
    CHECK_EQ_INT(res.expected, 2);
    CHECK_EQ_INT(res.coded, 2);
    CHECK_EQ_INT(res.matched, 1);
    CHECK_EQ_INT(res.dict_errors, 0);
    remove_suite(dir);
}

TEST(petr_run_missing_dictionary)
{
    char dir[] = "/tmp/sitrep-petr-XXXXXX", path[1200], err[512] = "";
    CHECK(mkdtemp(dir) != NULL);
    make_suite(dir, NULL); /* no t.verbs */
    snprintf(path, sizeof path, "%s/text/t.xml", dir);
    sr_petrarch_result res;
    sr_status st = sr_validate_petrarch(path, SR_VALIDATE_QUIET, NULL, &res, err, sizeof err);
    CHECK_EQ_INT(st, SR_NOTFOUND);
    CHECK_MSG(strstr(err, "t.xml") && strstr(err, "t.verbs") && !strchr(err, '\n'), "'%s'", err);
    remove_suite(dir);
    st = sr_validate_petrarch(path, SR_VALIDATE_QUIET, NULL, &res, err, sizeof err);
    CHECK_EQ_INT(st, SR_NOTFOUND);
    CHECK_MSG(strstr(err, "t.xml") != NULL, "'%s'", err);
}

TEST(petr_run_bad_environment)
{
    char dir[] = "/tmp/sitrep-petr-XXXXXX", path[1200], err[512] = "";
    CHECK(mkdtemp(dir) != NULL);
    write_file(dir, "e.xml",
               "<Validation><Environment><Actorfile>a</Actorfile>"
               "</Environment></Validation>");
    snprintf(path, sizeof path, "%s/e.xml", dir);
    sr_petrarch_result res;
    sr_status st = sr_validate_petrarch(path, SR_VALIDATE_QUIET, NULL, &res, err, sizeof err);
    CHECK_EQ_INT(st, SR_USAGE);
    CHECK_MSG(strstr(err, "e.xml") && strstr(err, "Verbfile"), "'%s'", err);
    write_file(dir, "e.xml", "<Validation><Environment>");
    st = sr_validate_petrarch(path, SR_VALIDATE_QUIET, NULL, &res, err, sizeof err);
    CHECK_EQ_INT(st, SR_XML);
    CHECK_MSG(strstr(err, "e.xml:") && !strchr(err, '\n'), "'%s'", err);
    remove(path);
    remove(dir);
}

/* ---- PLOVER: the reader ---------------------------------------------------------------- */

static const char plover_doc[] =
    "\xEF\xBB\xBF[\n"
    " {\"id\": \"DOC-1\", \"event\": \"DOCUMENT\", \"comment\": \"about the file\"},\n"
    " {\"id\": \"R-1\", \"date\": \"2000-01-02\", \"event\": \"AGREE\",\n"
    "  \"source\": [{\"actorText\": \"Hungarian\", \"code\": \"HUN\"}],\n"
    "  \"text\": \"Hungary agreed to \\\"cooperate\\\" with Romania.\"},\n"
    " {\"id\": \"R-2\", \"event\": \"PROTEST\", \"text\": 7},\n"
    " 42\n"
    "]\n";

TEST(plover_read_fields)
{
    sr_plover_gold g;
    char err[256] = "";
    sr_status st =
        sr_plover_gold_read("g.json", plover_doc, sizeof plover_doc - 1, &g, err, sizeof err);
    CHECK_MSG(st == SR_OK, "%s", err);
    if (st)
        return;
    CHECK_EQ_INT(g.nrecords, 4);
    CHECK_EQ_STR(g.records[0].event, "DOCUMENT");
    CHECK(g.records[0].text == NULL);
    CHECK_EQ_STR(g.records[1].id, "R-1");
    CHECK_EQ_STR(g.records[1].text, "Hungary agreed to \"cooperate\" with Romania.");
    CHECK_EQ_INT(g.records[1].day.year, 2000);
    CHECK_EQ_INT(g.records[1].day.day, 2);
    CHECK(g.records[2].text == NULL && g.records[2].day.year == 0);
    CHECK(g.records[3].id == NULL && g.records[3].event == NULL);
    sr_plover_gold_free(&g);
}

static void plover_refused(const char *doc, size_t n, sr_status want, const char *what)
{
    sr_plover_gold g;
    char err[256] = "";
    sr_status st = sr_plover_gold_read("g.json", doc, n, &g, err, sizeof err);
    CHECK_MSG(st == want, "'%.40s': status %d, expected %d", doc, (int)st, (int)want);
    CHECK_MSG(!strncmp(err, "g.json:", 7) && strstr(err, what) && !strchr(err, '\n'),
              "'%.40s': message '%s'", doc, err);
    CHECK(g.arena == NULL && g.nrecords == 0);
    if (st == SR_OK)
        sr_plover_gold_free(&g);
}

TEST(plover_read_malformed)
{
    plover_refused("[{\"id\": \"a\",", 12, SR_JSON, "malformed JSON");
    plover_refused("[1, 2,, 3]", 10, SR_JSON, "malformed JSON");
    plover_refused("", 0, SR_JSON, "malformed JSON");
    plover_refused("{\"id\": \"a\"}", 11, SR_JSON, "not a JSON array");
    plover_refused("\"text\"", 6, SR_JSON, "not a JSON array");
    plover_refused("[\"a\0b\"]", 7, SR_JSON, "NUL");
    plover_refused("[\"\xff\"]", 5, SR_JSON, "malformed JSON"); /* invalid UTF-8 */
    char deep[4001];
    for (int i = 0; i < 2000; i++)
        deep[i] = '[', deep[2000 + i] = ']';
    deep[4000] = 0;
    plover_refused(deep, 4000, SR_LIMIT, "nested");
    /* brackets inside strings do not count as nesting */
    char flat[200] = "[\"";
    memset(flat + 2, '[', 100);
    strcpy(flat + 102, "\"]");
    sr_plover_gold g;
    char err[256];
    CHECK_EQ_INT(sr_plover_gold_read("g.json", flat, strlen(flat), &g, err, sizeof err), SR_OK);
    sr_plover_gold_free(&g);
}

/* ---- PLOVER: a run on a file ----------------------------------------------------------- */

TEST(plover_run_small)
{
    char dir[] = "/tmp/sitrep-plover-XXXXXX", path[1200], err[512] = "";
    CHECK(mkdtemp(dir) != NULL);
    write_file(dir, "g.json",
               "[{\"event\": \"DOCUMENT\"},\n"
               " {\"id\": \"A\", \"date\": \"2024-11-05\", \"event\": \"ACCUSE\", \"text\":\n"
               "  \"Russia accused Ukraine of shelling the border town on Monday.\"},\n"
               " {\"id\": \"B\", \"event\": \"AID\", \"text\": \"The weather was mild.\"},\n"
               " {\"id\": \"C\", \"event\": \"AID\"}]\n");
    snprintf(path, sizeof path, "%s/g.json", dir);
    sr_plover_result res;
    sr_status st = sr_validate_plover(path, SR_VALIDATE_QUIET, NULL, &res, err, sizeof err);
    CHECK_MSG(st == SR_OK, "%s", err);
    CHECK_EQ_INT(res.records, 3);
    CHECK_EQ_INT(res.agreed, 1);
    CHECK_EQ_INT(res.first_agreed, 1);
    CHECK_EQ_INT(res.disagreed, 1);
    CHECK_EQ_INT(res.no_event, 1);
    CHECK_EQ_INT(res.unscored, 1);
    CHECK_EQ_INT(res.unreachable, 0);
    remove(path);
    snprintf(path, sizeof path, "%s/none.json", dir);
    st = sr_validate_plover(path, SR_VALIDATE_QUIET, NULL, &res, err, sizeof err);
    CHECK_EQ_INT(st, SR_NOTFOUND);
    CHECK_MSG(strstr(err, "none.json") && !strchr(err, '\n'), "'%s'", err);
    remove(dir);
}
