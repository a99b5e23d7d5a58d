/* limits.h: every limit sitrep enforces, each with the reason for its value.
 * Hitting a limit is an ordinary, reported error (SR_TOOBIG or SR_LIMIT), never a crash. */
#ifndef SR_LIMITS_H
#define SR_LIMITS_H

/* Largest single report (a JSONL line or a text file), in bytes. News articles are
 * rarely above 200 KB; 32 MiB leaves room for whole books while keeping a runaway
 * line (a 2 GB log line fed by mistake) from exhausting memory. Settable per reader. */
#define SR_MAX_RECORD_DEFAULT (32u << 20)

/* Offsets are stored as uint32_t: no document may exceed 4 GiB - 1. */
#define SR_MAX_RECORD_HARD 0xFFFFFFF0u

/* Tokens in one sentence the recognisers look at. A "sentence" longer than this is a
 * table or a run-on list; it is split so every window scan stays linear. */
#define SR_MAX_SENTENCE_TOKENS 4096

/* Directory nesting when reading inputs recursively; deeper trees are reported. */
#define SR_MAX_DIR_DEPTH 64

/* Bytes the gzip reader may inflate from one input per byte of compressed input is not
 * limited (real corpora compress 10:1 and more); the record limit above bounds memory. */

/* Mentions per document: a document with more is pathological (a table of numbers
 * pasted as text); its analysis stops with SR_LIMIT instead of growing without bound. */
#define SR_MAX_MENTIONS 1000000

/* ---- web pages (src/html/) ---- */

/* Bytes of a page searched for a <meta charset>. Browsers look at 1 KiB; real pages put
 * kilobytes of inline scripts before the meta, and 8 KiB finds nearly all of them. */
#define SR_HTML_PRESCAN 8192
/* Element depth is not limited: every walk over a page's tree follows parent and
 * sibling pointers, with no stack, so 100,000 nested elements cost time linear in the
 * page and no memory beyond the tree (tests/unit/test_html.c, tests/html.sh). */

/* ---- dictionaries of actors and agents (src/code/) ---- */

/* Bytes in one dictionary line. TABARI allowed 256; real files have long comments. A
 * longer line is a binary or a runaway file, reported and skipped. */
#define SR_DICT_MAX_LINE 65536
/* Tokens in one phrase. The longest Phoenix phrase has about 15; the cap bounds the
 * matcher's walk from each token, so scanning stays linear in the tokens. */
#define SR_DICT_MAX_PHRASE_TOKENS 48
/* Tokens a TABARI actor phrase may skip where its words are joined by a blank ("Al 'The
 * Weasel' Gore" for AL GORE), and the probes one lookup may spend on such skips. */
#define SR_DICT_MAX_GAP 6
#define SR_DICT_GAP_PROBES 512
/* Bytes in one word of a phrase: stems are probed by length with a 64-bit mask. */
#define SR_DICT_MAX_WORD 63
/* Code sets on one record (a long career of date-restricted offices has about 20);
 * resolution walks them for every match, so a hostile file must not make it long. */
#define SR_DICT_MAX_CODESETS 1024
/* Codes in one compound code "[A/B/C]" (TABARI's G7 example has 7). */
#define SR_DICT_MAX_COMPOUND 64
/* Agent substitution markers ("!PERSON! = MAN, MEN") and items in each. */
#define SR_DICT_MAX_MARKERS 256
#define SR_DICT_MAX_MARKER_ITEMS 64
/* Bytes in an actor code, given or composed ("GBRMILSPY", "IGOWSTNAT" + agents): CAMEO
 * codes are a few three-letter parts; a longer one is a broken file or a runaway chain
 * of agents, and composition stops adding parts at this length. */
#define SR_ACTOR_MAX_CODE 48

/* ---- the gazetteer (src/place/); each hit is an ordinary, reported error ---- */

/* Bytes in one gazetteer line: the longest generated line (a city with 24 aliases) is
 * under 1 KiB; a longer line is a binary or a runaway file. */
#define SR_GAZ_MAX_LINE 16384
/* Fields in one line: 7 fixed, then the name and up to 40 aliases. */
#define SR_GAZ_MAX_FIELDS 48
/* Bytes in one name: the longest real place name is under 100 bytes. */
#define SR_GAZ_MAX_NAME 200
/* Tokens in one name ("Santa Cruz de la Sierra", "Saint-Jean-sur-Richelieu" is 7):
 * the matcher walks at most this far from each capitalised word, so matching stays
 * linear in the tokens. */
#define SR_GAZ_MAX_NAME_TOKENS 8
/* Bytes in an id and in a region code field. */
#define SR_GAZ_MAX_ID 64
#define SR_GAZ_MAX_SUB 16
/* Countries (alpha-2 codes give at most 676). */
#define SR_GAZ_MAX_COUNTRIES 676
/* Entries in one gazetteer: ids and offsets are 32-bit. */
#define SR_GAZ_MAX_ENTRIES 0x7FFFFFF0u
/* Candidates of one name the resolver weighs (the commonest names, "San Jose" or
 * "Springfield", have a few hundred); more are ignored, bounding work per match. */
#define SR_GAZ_MAX_CANDIDATES 1024

/* ---- claims (src/claim/) ---- */

/* Attributions kept per sentence: prose has one or two ("X said, citing Y"); a sentence
 * with more is a list or a table, and its later ones are ignored, so that choosing a
 * source stays cheap for every figure. */
#define SR_MAX_ATTRIBS_PER_SENTENCE 8
/* Tokens a claim's clause, date or place is looked for on either side of the figure:
 * real clauses are far shorter; a run-on list of figures would otherwise cost the
 * square of its length. */
#define SR_CLAIM_SCAN 64
/* A claim in a sentence longer than twice this many bytes carries this many bytes of
 * context either side of its figure instead of the sentence (doc.c). */
#define SR_CLAIM_CONTEXT 256

/* ---- WARC files (src/ingest/warc.c) ---- */

/* Bytes in one WARC record header. Common Crawl's are under 1 KiB; a header without a
 * blank line within 64 KiB is not a header, and the reader resynchronises. */
#define SR_WARC_MAX_HEADER 65536
/* Lines in one WARC record header: the standard defines about 25 fields. */
#define SR_WARC_MAX_FIELDS 256
/* Bytes in an archived HTTP response head. Servers send kilobytes of cookies and
 * security policies; 256 KiB is eight times what common servers accept in a request. */
#define SR_HTTP_MAX_HEADER 262144
/* Lines in an archived HTTP response head. */
#define SR_HTTP_MAX_FIELDS 1024

/* ---- a web page's metadata (src/html/meta*.c); each bounds the work one page can cause ---- */

/* Bytes of JSON-LD parsed per page: real pages carry 1-20 KB; a page with megabytes of
 * JSON in ld+json scripts is a data dump, and the rest is not read. */
#define SR_META_JSONLD_BYTES (256u << 10)
/* Objects with something of interest kept from a page's JSON-LD (a @graph has ~10). */
#define SR_META_JSONLD_OBJS 32
/* JSON nesting followed; deeper containers are skipped (real JSON-LD nests ~6 deep). */
#define SR_META_JSONLD_DEPTH 32
/* Bytes kept of one metadata string (a title, a name): longer is not a title. */
#define SR_META_MAX_STR 400
/* Elements whose class or id names a date, byline or author that are read for text;
 * a page lists posts with hundreds of dates, and the article's own come first. */
#define SR_META_MAX_DATELINES 24
#define SR_META_MAX_BYLINES 16
/* <h1> elements compared with the title tags (a blog's name and the post's title). */
#define SR_META_MAX_H1 4
/* <time> elements kept: the article's own come near its <h1>. */
#define SR_META_MAX_TIMES 16
/* Bytes of text read from one dateline or byline element. */
#define SR_META_LINE_BYTES 240
/* Elements after the <h1> within which a dateline counts as the article header's. */
#define SR_META_NEAR_H1 10
/* Text nodes of the whole page scanned for a date when nothing else gave one. */
#define SR_META_SCAN_NODES 1000

/* Years a publication day may have: the web before 1995 carried no news sites, and a
 * year past 2099 is a typo or a placeholder. */
#define SR_META_MIN_YEAR 1995
#define SR_META_MAX_YEAR 2099

/* ---- gold sets the event coder is scored on (src/code/validate_gold.h) ---- */

/* Bytes of one gold file (PETRARCH's unit records, PLOVER's JSON), read whole: the
 * field's files are hand-written records (PETRARCH's is 320 KB, PLOVER's 290 KB). */
#define SR_GOLD_MAX_FILE (64u << 20)
/* JSON nesting of a PLOVER file, checked before the tree is built: a record nests 4
 * deep (array, object, "source" array, actor object); yajl's tree is built and freed
 * by recursion, so hostile nesting must not reach it. */
#define SR_GOLD_MAX_JSON_DEPTH 32

#endif
