/* harness.h: the test harness. A test is a function registered by TEST(name); a
 * failing CHECK records the failure with file and line and the test goes on. The
 * runner (tests/main.c) runs every test, or those whose names contain argv[1], and
 * ends with "N passed, N failed". */
#ifndef SR_HARNESS_H
#define SR_HARNESS_H

#include <stdio.h>
#include <string.h>

typedef void (*sr_test_fn)(void);
void sr_test_register(const char *name, sr_test_fn fn);
void sr_test_fail(const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The built-in lexicon, loaded once for the test binary (freed at exit by the OS);
 * NULL when it cannot be loaded. */
struct sr_lexicon *sr_test_lexicon(void);
/* Path of ../shared (or $SITREP_SHARED); the suite fails loudly when it is missing. */
const char *sr_test_shared(void);

#define TEST(name)                                                                  \
    static void test_##name(void);                                                  \
    __attribute__((constructor)) static void register_##name(void)                  \
    {                                                                               \
        sr_test_register(#name, test_##name);                                       \
    }                                                                               \
    static void test_##name(void)

#define CHECK(cond)                                                                 \
    do {                                                                            \
        if (!(cond))                                                                \
            sr_test_fail(__FILE__, __LINE__, "%s", #cond);                          \
    } while (0)

#define CHECK_MSG(cond, ...)                                                        \
    do {                                                                            \
        if (!(cond))                                                                \
            sr_test_fail(__FILE__, __LINE__, __VA_ARGS__);                          \
    } while (0)

#define CHECK_EQ_INT(a, b)                                                          \
    do {                                                                            \
        long long a_ = (long long)(a), b_ = (long long)(b);                         \
        if (a_ != b_)                                                               \
            sr_test_fail(__FILE__, __LINE__, "%s == %lld, expected %lld", #a, a_, b_);\
    } while (0)

#define CHECK_EQ_STR(a, b)                                                          \
    do {                                                                            \
        const char *a_ = (a), *b_ = (b);                                            \
        if (!a_ || !b_ || strcmp(a_, b_) != 0)                                      \
            sr_test_fail(__FILE__, __LINE__, "%s == \"%s\", expected \"%s\"", #a,    \
                         a_ ? a_ : "(null)", b_ ? b_ : "(null)");                   \
    } while (0)

#endif
