/* sitrep.h: public interface of libsitrep, which turns news reports into sourced facts.
 *
 * A caller reads reports with an sr_reader (files, directories, stdin; text or JSONL,
 * gzip'd or not), hands each sr_doc to an sr_pipeline, and walks the sentences and
 * mentions the pipeline leaves on the document. Everything a document's analysis
 * allocates lives in the document's arena and is freed by sr_doc_free(). No state is
 * global: handles may be used from different threads, one handle per thread. */
#ifndef SITREP_H
#define SITREP_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SR_VERSION "0.1.0"

/* ---- status ---------------------------------------------------------------------- */

/* X(name, message). One table yields the enum and sr_strerror(). */
#define SR_STATUS_MAP(X)                                                    \
    X(OK, "ok")                                                             \
    X(EOF, "end of input")                                                  \
    X(NOMEM, "out of memory")                                               \
    X(IO, "cannot read input")                                              \
    X(NOTFOUND, "no such file or directory")                                \
    X(GZIP, "corrupt or truncated gzip data")                               \
    X(TOOBIG, "record exceeds the size limit")                              \
    X(JSON, "malformed JSON")                                               \
    X(FIELD, "JSON record lacks a usable text field")                       \
    X(UTF8, "invalid UTF-8")                                                \
    X(NUL, "NUL byte in text")                                              \
    X(DATE, "malformed date")                                               \
    X(USAGE, "invalid argument")                                            \
    X(LIMIT, "input exceeds an internal limit")                             \
    X(DICT, "malformed dictionary entry")                                   \
    X(DB, "database error")                                                 \
    X(NOTDB, "not a sitrep database")                                       \
    X(NEWER, "database written by a newer sitrep")                          \
    X(BUSY, "database is locked by another process")                        \
    X(READONLY, "database is read-only")                                    \
    X(FULL, "database or disk is full")                                     \
    X(HTML, "web page yields no document")                                  \
    X(WARC, "malformed WARC record")                                        \
    X(XML, "malformed XML")

typedef enum {
#define SR_X_ENUM(name, msg) SR_##name,
    SR_STATUS_MAP(SR_X_ENUM)
#undef SR_X_ENUM
        SR_STATUS_COUNT
} sr_status;

/* Returns a static, human-readable message for a status. */
const char *sr_strerror(sr_status st);

/* ---- calendar -------------------------------------------------------------------- */

/* A calendar day; all fields 0 means "unknown". */
typedef struct {
    int16_t year;
    int8_t month; /* 1..12 */
    int8_t day;   /* 1..31 */
} sr_ymd;

/* Parses "YYYY-MM-DD" (also a longer ISO timestamp, of which the day is kept).
 * Returns SR_OK or SR_DATE. */
sr_status sr_ymd_parse(const char *s, size_t n, sr_ymd *out);

/* ---- documents ------------------------------------------------------------------- */

typedef struct {
    const char *p;
    size_t n;
} sr_str; /* borrowed bytes, not NUL-terminated */

typedef struct {
    uint32_t start, end; /* byte offsets into sr_doc.text, end exclusive */
    uint32_t first_token, ntokens;
    uint8_t furniture;   /* not prose: SR_FURNITURE_UI or SR_FURNITURE_LINE; 0 prose */
} sr_sentence;

enum {
    SR_FURNITURE_UI = 1,   /* interface text: "Skip to content", "Image: ...", "Share this" */
    SR_FURNITURE_LINE = 2, /* a line without final punctuation: headline, caption, byline */
};

typedef enum {
    SR_TOK_WORD,   /* letters, with inner apostrophes and periods of abbreviations */
    SR_TOK_NUM,    /* digits, with inner thousands separators and a decimal point */
    SR_TOK_PUNCT,  /* one punctuation character (may be multi-byte, e.g. an em dash) */
    SR_TOK_SYMBOL, /* currency and other symbols: $ £ € % § */
} sr_token_kind;

typedef struct {
    uint32_t start, end; /* byte offsets into sr_doc.text */
    uint32_t hash;       /* words: hash of the ASCII-lower-cased text, for word lists */
    uint8_t kind;        /* sr_token_kind */
    uint8_t flags;       /* SR_TF_* */
} sr_token;              /* a token's sentence is the one whose token range holds it */

enum {
    SR_TF_UPPER = 1,   /* first letter upper case */
    SR_TF_USED = 2,    /* consumed by a recogniser; later recognisers skip it */
    SR_TF_SPACE = 4,   /* white space precedes this token */
    SR_TF_NEWLINE = 8, /* a line break precedes this token */
};

/* ---- mentions -------------------------------------------------------------------- */

typedef enum {
    SR_MENTION_NUMBER,
    SR_MENTION_QUANTITY,
    SR_MENTION_DATE,
    SR_MENTION_ACTOR,
    SR_MENTION_PLACE,
} sr_mention_kind;

typedef enum {
    SR_HEDGE_EXACT,
    SR_HEDGE_ABOUT,
    SR_HEDGE_AT_LEAST,
    SR_HEDGE_MORE_THAN,
    SR_HEDGE_AT_MOST,
    SR_HEDGE_LESS_THAN,
    SR_HEDGE_RANGE,
} sr_hedge;

typedef enum {
    SR_UNIT_COUNT,   /* a count of something: "1,500 soldiers" */
    SR_UNIT_PERCENT, /* "76%", "12 per cent" */
    SR_UNIT_MONEY,   /* currency in sr_quantity.currency */
    SR_UNIT_MEASURE, /* a unit of measure in sr_quantity.unit ("km", "tonnes") */
} sr_unit_kind;

typedef enum {
    SR_PER_NONE,
    SR_PER_HOUR,
    SR_PER_DAY,
    SR_PER_WEEK,
    SR_PER_MONTH,
    SR_PER_YEAR,
} sr_period;

typedef struct {
    double value;     /* the point value; for ranges the low end */
    double low, high; /* bounds; equal to value unless a range */
    uint8_t hedge;    /* sr_hedge */
    uint8_t unit_kind;/* sr_unit_kind */
    uint8_t per;      /* sr_period: a rate ("every day", "annually") */
    uint8_t vague;    /* "thousands of", "dozens of": value is the order of magnitude */
    int8_t magnitude; /* floor(log10(value)) */
    char currency[4]; /* ISO 4217 code for money, else "" */
    sr_str unit;      /* unit of measure or head noun as written, may be empty */
    uint32_t counted_start, counted_end; /* counted noun phrase; equal when none */
    uint32_t head_start, head_end;       /* its head noun */
} sr_quantity;

typedef enum {
    SR_GRAIN_DAY,
    SR_GRAIN_WEEK,
    SR_GRAIN_MONTH,
    SR_GRAIN_SEASON,
    SR_GRAIN_QUARTER,
    SR_GRAIN_YEAR,
    SR_GRAIN_DECADE,
} sr_grain;

typedef struct {
    uint8_t grain;    /* sr_grain */
    uint8_t resolved; /* 0: relative date and no publication day to anchor it */
    uint8_t relative; /* the text was relative to the publication day */
    uint8_t approx;   /* "mid-", "early", "late", "the beginning of", "by the end of" */
    char value[24];   /* ISO: 2024-10-18, 2024-10, 2024-W45, 2024-SU, 2024-Q3, 2024, 202X,
                         spans 2024-11-08/2024-11-13; "" if unresolved */
    sr_ymd begin, end;/* the interval the expression names, inclusive */
} sr_date;

/* Actor flags. */
enum {
    SR_ACTOR_PERSON = 1,  /* names one person ("Volodymyr Zelensky", "Yoon Suk Yeol") */
    SR_ACTOR_ROLE = 2,    /* an office or group without a name ("the president",
                             "spokesman", "soldiers"): an agent with no actor beside it */
    SR_ACTOR_METONYM = 4, /* a capital or building standing for a government ("Seoul",
                             "the Kremlin", "the Pentagon") */
    SR_ACTOR_COMPOUND = 8,/* composed: country + agent ("North Korean soldiers",
                             "South Korea's spy agency") */
};

typedef struct {
    const char *code;  /* CAMEO-style code valid on the document's day ("PRKMIL",
                          "KORSPY"), NUL-terminated; lives as long as the document */
    const char *name;  /* the dictionary entry's primary phrase ("NORTH_KOREA") */
    uint8_t flags;     /* SR_ACTOR_* */
} sr_actor;

typedef enum { SR_PLACE_COUNTRY, SR_PLACE_REGION, SR_PLACE_CITY } sr_place_kind;

typedef struct {
    const char *id;      /* gazetteer id ("geonames:538560"); NUL-terminated, lives as
                            long as the lexicon the pipeline was made with */
    const char *name;    /* the entry's own name ("Kursk", "Kursk Oblast", "Russia") */
    const char *region;  /* id of its first-level region ("iso3166-2:RU-KRS") for a
                            city, NULL otherwise or when unknown */
    char country[4];     /* ISO 3166-1 alpha-3 ("RUS") */
    uint8_t kind;        /* sr_place_kind */
    uint32_t population; /* 0 when unknown */
    double lat, lon;
} sr_place;

typedef struct {
    uint8_t kind;       /* sr_mention_kind */
    uint32_t sentence;  /* index into sr_doc.sentences */
    uint32_t start, end;/* byte offsets into sr_doc.text */
    union {
        double number;  /* SR_MENTION_NUMBER */
        sr_quantity quantity;
        sr_date date;
        sr_actor actor;
        sr_place place;
    } u;
} sr_mention;

/* ---- claims ------------------------------------------------------------------------ */

typedef enum {
    SR_SOURCE_NONE,    /* the outlet's own statement */
    SR_SOURCE_NAMED,   /* a named person, office or organisation ("Seoul's Defense
                          Ministry"; for "he said", the speaker the pronoun refers to) */
    SR_SOURCE_UNNAMED, /* "is said to", "reportedly", "some reports", "officials said" */
} sr_source_kind;

typedef enum {
    SR_MODALITY_REPORTED,     /* stated as fact */
    SR_MODALITY_PROJECTION,   /* a future figure: "by the end of December there will be" */
    SR_MODALITY_HYPOTHETICAL, /* "an army of, for example, 100,000 men", "if 5,000 ..." */
} sr_modality;

enum { SR_SOURCE_MAX_ACTORS = 4 };

/* Who says so. Spans are byte offsets into the document text; start == end when absent. */
typedef struct {
    uint8_t kind;                 /* sr_source_kind */
    uint8_t nactors;              /* codes of the actors named in the source ("X and Y") */
    uint32_t start, end;          /* the source as written (for a pronoun, its referent) */
    uint32_t pronoun_start, pronoun_end; /* "he" in "he wrote", when resolved from it */
    const char *actors[SR_SOURCE_MAX_ACTORS];
} sr_source;

/* A quantity claim: a figure with what it counts, where, as of when, and who says so. */
typedef struct {
    uint32_t mention;     /* index in sr_doc.mentions of the quantity (or number) */
    uint32_t sentence;
    uint8_t modality;     /* sr_modality */
    int32_t place;        /* index of the place mention, or -1 */
    int32_t date;         /* index of the date mention giving the as-of date, or -1 */
    char as_of[24];       /* ISO day or period; the publication day when no date is
                             given; "" when unknown */
    uint32_t counted_start, counted_end; /* what is counted: the quantity's counted
                             phrase, or an editor's "[North Korean troops]" after a number */
    const char *counted_actor; /* actor code of the counted group ("PRKMIL"), or NULL */
    uint8_t counted_inferred;  /* its country came from the context: "3,000 soldiers"
                                  in a story of North Korean troops is PRKMIL */
    sr_source source;     /* the innermost source: "Yonhap reported that the NIS said" */
    sr_source via;        /* the reporter in a chain (Yonhap), kind NONE when none */
} sr_claim;

/* ---- the document ---------------------------------------------------------------- */

typedef struct sr_arena sr_arena;

typedef struct sr_doc {
    sr_arena *arena;         /* owns everything below */
    sr_str id, url, outlet, title;
    sr_str author, lang;     /* from a web page's metadata (or JSONL); may be empty */
    sr_str published_text;   /* as given; may be empty */
    sr_ymd published;        /* the publication day; year 0 when undated */
    sr_str extra_json;       /* unknown JSONL fields as ",\"k\":v..." to pass through; may be empty */
    const char *text;        /* the document text: offsets refer to these bytes */
    size_t len;
    const char *clean;       /* same length as text, valid UTF-8: each invalid byte is 0x1A */
    size_t invalid_bytes;    /* how many bytes were replaced in clean */
    const char *origin;      /* input name ("-" for stdin), for messages */
    uint64_t line;           /* 1-based line in origin for JSONL; 0 for whole files */

    sr_sentence *sentences;
    size_t nsentences;
    sr_token *tokens;
    size_t ntokens;
    sr_mention *mentions;
    size_t nmentions;
    sr_claim *claims;        /* in text order; made when the pipeline has a lexicon */
    size_t nclaims;
    struct sr_doc_event *events; /* coded events in text order (pipeline with a lexicon) */
    size_t nevents;
} sr_doc;

/* Frees a document and everything its analysis allocated. NULL is a no-op. */
void sr_doc_free(sr_doc *doc);

/* Makes a document from caller bytes (copied). id may be NULL (then "doc"),
 * published may be NULL. Returns NULL on out-of-memory. Caller frees with sr_doc_free. */
sr_doc *sr_doc_new(const char *id, const char *text, size_t len, const sr_ymd *published);

/* ---- reading reports ------------------------------------------------------------- */

typedef struct sr_reader sr_reader;

typedef struct {
    sr_ymd default_published; /* for reports without "published"; year 0: none */
    size_t max_record;        /* largest report in bytes; 0: SR_MAX_RECORD_DEFAULT */
    int repair;               /* replace invalid UTF-8 and NUL bytes (counted in
                                 sr_doc.invalid_bytes) instead of failing the record */
} sr_reader_options;

/* Creates a reader over a list of inputs: files, directories (read recursively in name
 * order) and "-" for stdin. The paths are copied. Returns NULL on out-of-memory. */
sr_reader *sr_reader_new(const char *const *paths, size_t npaths, const sr_reader_options *opt);

/* Reads the next report into *out (caller frees with sr_doc_free).
 * Returns SR_OK, SR_EOF at the end, or an error; after an error, sr_reader_error()
 * describes it in one line naming the input, and the next call continues with the next
 * record (a bad record) or the next input (an unreadable file or corrupt gzip). */
sr_status sr_reader_next(sr_reader *r, sr_doc **out);

/* The last error as one line, e.g. "data/x.jsonl.gz:12: malformed JSON: ...". */
const char *sr_reader_error(const sr_reader *r);

/* Bytes consumed so far (after decompression). */
uint64_t sr_reader_bytes(const sr_reader *r);
/* Bytes read from the inputs so far as they are on disk (before decompression), for
 * progress against the inputs' sizes. */
uint64_t sr_reader_raw_bytes(const sr_reader *r);
/* Records of WARC inputs read so far that were not web pages (warcinfo, requests,
 * metadata, revisits, redirects and errors, other media types): skipped silently, not
 * errors; the command line reports the count at the end. */
uint64_t sr_reader_skipped_records(const sr_reader *r);

void sr_reader_free(sr_reader *r);

/* ---- events ---------------------------------------------------------------------- */

/* Who did what to whom: one event coded from a sentence (src/code/coder.h), in CAMEO
 * with its PLOVER type. Strings live in the document's arena. */
typedef struct sr_doc_event {
    uint32_t sentence;            /* index in doc->sentences */
    uint32_t clause;              /* 0-based clause of the sentence */
    const char *source, *target;  /* actor codes ("USAGOV"); "" when unknown */
    const char *code;             /* CAMEO event code ("042") */
    const char *plover;           /* PLOVER event type ("CONSULT"), "" when unmapped */
    const char *pattern;          /* the verb root and pattern that matched, as written */
    uint32_t source_start, source_end; /* byte spans in doc->text; equal when a default */
    uint32_t target_start, target_end;
    uint32_t verb_start, verb_end;
    sr_ymd day;                   /* the sentence's day (publication day, time-shifted) */
    uint8_t flags;                /* SR_EVENT_* */
} sr_doc_event;

enum {
    SR_EVENT_PASSIVE = 1, /* source and target were reversed for the passive voice */
    SR_EVENT_PAIRED = 2,  /* the reverse event of a paired code ("visit" / "host") */
    SR_EVENT_DEFAULT = 4, /* a source or target is a default code, not found in the text */
};

/* ---- analysis -------------------------------------------------------------------- */

/* A lexicon: the actor and agent dictionaries and the gazetteer, loaded once and
 * shared read-only by every pipeline (and thread) made with it. */
typedef struct sr_lexicon sr_lexicon;

typedef enum {
    SR_LEX_ACTORS,     /* a TABARI/PETRARCH actor dictionary */
    SR_LEX_AGENTS,     /* a TABARI/PETRARCH agent dictionary */
    SR_LEX_SUPPLEMENT, /* sitrep's own supplement format (docs/DICTIONARIES.md) */
    SR_LEX_VERBS,      /* a TABARI .verbs file, added to the CAMEO 2.0 verb patterns */
} sr_lexicon_file;

/* An empty lexicon. NULL on out-of-memory. */
sr_lexicon *sr_lexicon_new(void);
/* Adds the built-in set: the Phoenix dictionaries, sitrep's supplement, the gazetteer. */
sr_status sr_lexicon_load_defaults(sr_lexicon *lx);
/* Adds a user's file. A malformed line is skipped and the first one reported (file
 * and line) by sr_lexicon_error(); SR_NOTFOUND / SR_IO when it cannot be read. */
sr_status sr_lexicon_add_file(sr_lexicon *lx, sr_lexicon_file kind, const char *path);
/* The first error as one line ("file:line: expected ..."), or "". */
const char *sr_lexicon_error(const sr_lexicon *lx);
void sr_lexicon_free(sr_lexicon *lx);

typedef struct sr_pipeline sr_pipeline;

/* Creates an analysis pipeline (sentences, tokens, numbers, quantities, dates, and with
 * a lexicon actors, places, attribution and claims). lx may be NULL (no actors or
 * places); it must outlive the pipeline and the documents it analyses.
 * Returns NULL on out-of-memory. One pipeline per thread. */
sr_pipeline *sr_pipeline_new(const sr_lexicon *lx);
void sr_pipeline_free(sr_pipeline *p);

/* Analyses doc in place: fills sentences, tokens and mentions (in text order).
 * Returns SR_OK, SR_NOMEM or SR_LIMIT (the document is then left without mentions). */
sr_status sr_pipeline_run(sr_pipeline *p, sr_doc *doc);

/* ---- output ---------------------------------------------------------------------- */

typedef enum {
    SR_FORMAT_JSONL,
    SR_FORMAT_TSV,
    SR_FORMAT_GDELT, /* events as GDELT 2.0 event-export rows (61 tab-separated columns) */
} sr_format;

enum {
    SR_ONLY_DOCS = 1,
    SR_ONLY_MENTIONS = 2,
    SR_ONLY_SENTENCES = 4,
    SR_ONLY_CLAIMS = 8,
    SR_ONLY_EVENTS = 16,
    SR_ONLY_ALL = 11, /* the default: documents, mentions and claims */
};

typedef struct sr_buf {
    char *p;
    size_t n, cap;
} sr_buf;

/* Appends the records of an analysed document to out in the given format
 * (what: SR_ONLY_* bits). SR_FORMAT_GDELT writes events only (one row each, when what
 * has SR_ONLY_EVENTS) and has no header line. Returns SR_OK or SR_NOMEM. */
sr_status sr_emit_doc(sr_buf *out, const sr_doc *doc, sr_format fmt, int what);

/* Appends the TSV header line for one record kind (what: one SR_ONLY_* bit). */
sr_status sr_emit_tsv_header(sr_buf *out, int what);

/* Appends n bytes (or a C string) to b. Returns SR_OK or SR_NOMEM (b unchanged). */
sr_status sr_buf_add(sr_buf *b, const void *p, size_t n);
sr_status sr_buf_adds(sr_buf *b, const char *s);
/* Frees b's bytes and leaves it empty and reusable. */
void sr_buf_free(sr_buf *b);

/* Names for enum values, as they appear in output ("at_least", "month", ...). */
const char *sr_hedge_name(sr_hedge h);
const char *sr_grain_name(sr_grain g);
const char *sr_mention_kind_name(sr_mention_kind k);
const char *sr_period_name(sr_period p);
const char *sr_unit_kind_name(sr_unit_kind k);
const char *sr_place_kind_name(sr_place_kind k);
const char *sr_source_kind_name(sr_source_kind k);
const char *sr_modality_name(sr_modality m);

#ifdef __cplusplus
}
#endif
#endif
