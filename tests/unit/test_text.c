/* test_text.c: the UTF-8 boundary and the tokenizer. */
#include <stdlib.h>

#include "../../src/core/internal.h"
#include "../harness.h"

static sr_doc *analysed(const char *text, size_t len)
{
    sr_doc *d = sr_doc_new("t", text, len, NULL);
    sr_pipeline *p = sr_pipeline_new(NULL);
    if (d && p && sr_pipeline_run(p, d) != SR_OK) {
        sr_doc_free(d);
        d = NULL;
    }
    sr_pipeline_free(p);
    return d;
}

static void check_tokens(const char *text, const char *const *want)
{
    sr_doc *d = analysed(text, strlen(text));
    CHECK(d != NULL);
    if (!d)
        return;
    size_t i = 0;
    for (; want[i]; i++) {
        if (i >= d->ntokens) {
            sr_test_fail(__FILE__, __LINE__, "\"%s\": missing token %zu \"%s\"", text, i, want[i]);
            break;
        }
        sr_str s = sr_tok_str(d, &d->tokens[i]);
        if (s.n != strlen(want[i]) || memcmp(s.p, want[i], s.n))
            sr_test_fail(__FILE__, __LINE__, "\"%s\": token %zu is \"%.*s\", expected \"%s\"", text,
                         i, (int)s.n, s.p, want[i]);
    }
    CHECK_EQ_INT(d->ntokens, i);
    sr_doc_free(d);
}

TEST(tokens_numbers_keep_separators)
{
    check_tokens("1,271 and 1.3 and 10,000.5", (const char *const[]){"1,271", "and", "1.3", "and", "10,000.5", NULL});
    check_tokens("2024-10-18", (const char *const[]){"2024", "-", "10", "-", "18", NULL});
    check_tokens("$1.13bn (£600m)", (const char *const[]){"$", "1.13", "bn", "(", "£", "600", "m", ")", NULL});
    check_tokens("1,23 x", (const char *const[]){"1", ",", "23", "x", NULL});
}

TEST(tokens_words_possessives_initialisms)
{
    check_tokens("South Korea's spy agency", (const char *const[]){"South", "Korea", "'s", "spy", "agency", NULL});
    check_tokens("Korea’s O'Brien", (const char *const[]){"Korea", "’s", "O'Brien", NULL});
    check_tokens("the U.S. and George W. Bush", (const char *const[]){"the", "U.S.", "and", "George", "W.", "Bush", NULL});
    check_tokens("Il-76 and G7", (const char *const[]){"Il", "-", "76", "and", "G7", NULL});
    check_tokens("Zelenskyy in Київ", (const char *const[]){"Zelenskyy", "in", "Київ", NULL});
}

TEST(token_flags)
{
    sr_doc *d = analysed("Seoul said\nTroops-left", 22);
    CHECK(d && d->ntokens == 5);
    if (d && d->ntokens == 5) {
        CHECK(d->tokens[0].flags & SR_TF_UPPER);
        CHECK(!(d->tokens[1].flags & SR_TF_UPPER));
        CHECK(d->tokens[2].flags & SR_TF_NEWLINE);
        CHECK(!(d->tokens[3].flags & SR_TF_SPACE)); /* the hyphen is glued */
    }
    sr_doc_free(d);
}

TEST(utf8_invalid_bytes_replaced_offsets_kept)
{
    /* bad lead byte, overlong NUL, a surrogate, a truncated sequence, then valid text */
    const char text[] = "A\xff" "B\xc0\x80" "C\xed\xa0\x80" "D\xe2\x82" " 1,500 troops \xf0\x9f\x98\x80.";
    size_t len = sizeof text - 1;
    sr_doc *d = analysed(text, len);
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK_EQ_INT(d->invalid_bytes, 1 + 2 + 3 + 2);
    CHECK_EQ_INT(strlen(d->clean), len); /* same length, no NUL inside */
    const char *num = strstr(text, "1,500");
    bool found = false;
    for (size_t i = 0; i < d->ntokens; i++)
        if (d->tokens[i].kind == SR_TOK_NUM) {
            CHECK_EQ_INT(d->tokens[i].start, num - text);
            found = true;
        }
    CHECK(found);
    CHECK(memcmp(d->clean + len - 5, "\xf0\x9f\x98\x80", 4) == 0); /* valid 4-byte kept */
    sr_doc_free(d);
}

TEST(utf8_nul_replaced)
{
    sr_doc *d = analysed("a\0b", 3);
    CHECK(d && d->invalid_bytes == 1 && d->clean[1] == 0x1A);
    sr_doc_free(d);
}

TEST(json_output_is_valid_utf8)
{
    sr_doc *d = analysed("x\xff\"y\n", 5);
    sr_buf b = {0};
    CHECK(d && sr_emit_doc(&b, d, SR_FORMAT_JSONL, SR_ONLY_DOCS) == SR_OK);
    CHECK(b.p && strstr(b.p, "\"text\":\"x\\ufffd\\\"y\\n\""));
    sr_buf_free(&b);
    sr_doc_free(d);
}

TEST(pathological_text_is_linear)
{
    /* 200,000 periods and 100,000 nested brackets and quotes: must finish quickly */
    size_t n = 600000;
    char *s = malloc(n);
    for (size_t i = 0; i < n; i++)
        s[i] = i < 200000 ? '.' : i < 300000 ? '(' : i < 400000 ? '"' : (i % 2 ? ' ' : 'A');
    sr_doc *d = analysed(s, n);
    CHECK(d != NULL);
    sr_doc_free(d);
    free(s);
}

TEST(wordlist_finds_case_insensitively_and_falls_back)
{
    static const char *const words[] = {"alpha", "beta", "gamma", "beta", NULL};
    static sr_wordlist wl = SR_WORDLIST(words);
    sr_doc *d = analysed("Beta GAMMA delta alpha 12", 25);
    CHECK(d && d->ntokens == 5);
    if (!d)
        return;
    CHECK_EQ_INT(sr_wordlist_find(&wl, d, &d->tokens[0]), 1); /* the first duplicate */
    CHECK_EQ_INT(sr_wordlist_find(&wl, d, &d->tokens[1]), 2);
    CHECK_EQ_INT(sr_wordlist_find(&wl, d, &d->tokens[2]), -1);
    CHECK_EQ_INT(sr_wordlist_find(&wl, d, &d->tokens[3]), 0);
    CHECK_EQ_INT(sr_wordlist_find(&wl, d, &d->tokens[4]), -1); /* a number is no word */
    sr_doc_free(d);
}

TEST(wordclass_bits_and_s_forms)
{
    static const char *const months[] = {"may", "june", NULL};
    static const char *const verbs[] = {"may", "walk", NULL};
    static const char *const keys[] = {"valentine", NULL};
    static const sr_wordpart parts[] = {
        SR_WORDPART(months, 1), SR_WORDPART(verbs, 2), SR_WORDPART(keys, 4 | SR_WORDPART_S),
        {NULL, 0, 0},
    };
    static sr_wordclass wc = {parts, NULL};
    sr_doc *d = analysed("May walks Valentines valentine June", 35);
    CHECK(d && d->ntokens == 5);
    if (!d)
        return;
    CHECK_EQ_INT(sr_wordclass_find(&wc, d, &d->tokens[0]), 3);
    CHECK_EQ_INT(sr_wordclass_find(&wc, d, &d->tokens[1]), 0); /* no "s" forms for verbs */
    CHECK_EQ_INT(sr_wordclass_find(&wc, d, &d->tokens[2]), 4); /* only the "s" form ... */
    CHECK_EQ_INT(sr_wordclass_find(&wc, d, &d->tokens[3]), 0); /* ... not the word itself */
    CHECK_EQ_INT(sr_wordclass_find(&wc, d, &d->tokens[4]), 1);
    sr_doc_free(d);
}
