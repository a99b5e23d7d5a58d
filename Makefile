# sitrep: plain GNU Make. `make` builds the library, the CLI, the tests and the fuzz
# targets; `make test` runs everything, including a sanitizer build; see README.md.
.DEFAULT_GOAL := all
.SUFFIXES:
MAKEFLAGS += --no-builtin-rules
# keep every object: none is an intermediate to delete
.SECONDARY:

CC      ?= cc
CFLAGS  ?= -O2 -g
WARN    := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
ifdef CI
WARN    += -Werror
endif
CPPFLAGS := -Iinclude -Isrc/core -I/usr/include/libxml2 -D_GNU_SOURCE
DEPFLAGS = -MMD -MP
LIBS    := -lyajl -lutf8proc -lsqlite3 -lxxhash -lxml2 -lz -lpthread -lm
# jansson reads the external suites in tests only; the unit tests wrap the allocator
# to inject failures (tests/unit/test_faults.c)
TEST_LIBS := $(LIBS) -ljansson
WRAP := -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc

SRC      := $(sort $(wildcard src/*/*.c))
# Built-in data (dictionaries, gazetteer) is assembled into the library with .incbin
# (src/*/*.S), so the program needs no data files at run time.
ASM      := $(sort $(wildcard src/*/*.S))
DATA     := $(sort $(wildcard data/*/*))
CLI_SRC  := $(sort $(wildcard cli/*.c))
TEST_SRC := $(sort $(filter-out tests/conformance_util.c,$(wildcard tests/*.c)) $(wildcard tests/unit/*.c))
CONF_SRC := $(sort $(wildcard tests/conformance/*.c))
FUZZ_SRC := $(sort $(wildcard fuzz/fuzz_*.c))

B := build
OBJ      := $(SRC:%.c=$(B)/%.o) $(ASM:%.S=$(B)/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(B)/%.o)
TEST_OBJ := $(TEST_SRC:%.c=$(B)/%.o)

# Sanitizer build: everything again under AddressSanitizer + UBSan.
S := build/asan
SAN := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
SOBJ      := $(SRC:%.c=$(S)/%.o) $(ASM:%.S=$(S)/%.o)
SCLI_OBJ  := $(CLI_SRC:%.c=$(S)/%.o)
STEST_OBJ := $(TEST_SRC:%.c=$(S)/%.o)

FUZZ_BIN := $(FUZZ_SRC:fuzz/%.c=$(B)/fuzz/%)

# ThreadSanitizer build of the CLI, for the threaded driver (clang).
T := build/tsan
TOBJ := $(SRC:%.c=$(T)/%.o) $(ASM:%.S=$(T)/%.o) $(CLI_SRC:%.c=$(T)/%.o)
CONF_BIN := $(CONF_SRC:tests/conformance/%.c=$(B)/conformance/%)

all: $(B)/sitrep $(B)/libsitrep.a $(B)/tests/run $(CONF_BIN) fuzz-build

# Every compile waits for the dependency check (order-only: it never forces a rebuild).
DEPS_OK := build/.deps-ok
$(DEPS_OK): scripts/install-deps
	@mkdir -p $(@D)
	@scripts/install-deps
	@touch $@

$(B)/%.o: %.c | $(DEPS_OK)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) $(DEPFLAGS) -c $< -o $@

$(S)/%.o: %.c | $(DEPS_OK)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -O1 -g $(SAN) $(WARN) $(DEPFLAGS) -c $< -o $@

F := build/fuzzobj
# Embedded data: the same assembly for every build flavour.
define ASM_RULE
$(1)/%.o: %.S $$(DATA) | $$(DEPS_OK)
	@mkdir -p $$(@D)
	$$(CC) -c $$< -o $$@
endef
$(foreach d,$(B) $(S) $(T) $(F),$(eval $(call ASM_RULE,$(d))))

$(B)/libsitrep.a: $(OBJ)
	@rm -f $@
	ar rcs $@ $^

$(S)/libsitrep.a: $(SOBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/sitrep: $(CLI_OBJ) $(B)/libsitrep.a
	$(CC) $(CFLAGS) -o $@ $^ $(LIBS)

$(S)/sitrep: $(SCLI_OBJ) $(S)/libsitrep.a
	$(CC) $(SAN) -o $@ $^ $(LIBS)

$(B)/tests/run: $(TEST_OBJ) $(B)/libsitrep.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WRAP) -o $@ $^ $(TEST_LIBS)

$(S)/tests/run: $(STEST_OBJ) $(S)/libsitrep.a
	@mkdir -p $(@D)
	$(CC) $(SAN) $(WRAP) -o $@ $^ $(TEST_LIBS)

$(B)/conformance/%: $(B)/tests/conformance/%.o $(B)/tests/conformance_util.o $(B)/libsitrep.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $^ $(TEST_LIBS)

$(T)/%.o: %.c | $(DEPS_OK)
	@mkdir -p $(@D)
	clang $(CPPFLAGS) -O1 -g -fsanitize=thread $(DEPFLAGS) -c $< -o $@

$(T)/sitrep: $(TOBJ)
	clang -fsanitize=thread -o $@ $^ $(LIBS)

# Fuzz targets: clang + libFuzzer, with ASan and UBSan; the library is compiled once
# with coverage instrumentation and linked into every target.
FUZZ_CC := clang
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all
FOBJ := $(SRC:%.c=$(F)/%.o) $(ASM:%.S=$(F)/%.o)
$(F)/%.o: %.c | $(DEPS_OK)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(CPPFLAGS) -g -O1 -fsanitize=fuzzer-no-link $(FUZZ_SAN) $(DEPFLAGS) -c $< -o $@

$(B)/fuzz/%: fuzz/%.c $(FOBJ) | $(DEPS_OK)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(CPPFLAGS) -g -O1 -fsanitize=fuzzer $(FUZZ_SAN) -o $@ $< $(FOBJ) $(TEST_LIBS)

fuzz-build: $(FUZZ_BIN)

# Long fuzzing by hand: make fuzz FUZZ_SECONDS=600
FUZZ_SECONDS ?= 60
fuzz: fuzz-build
	@for f in $(FUZZ_BIN); do n=$$(basename $$f); mkdir -p build/fuzz-corpus/$$n; \
	  echo "== $$n for $(FUZZ_SECONDS)s"; \
	  $$f -max_total_time=$(FUZZ_SECONDS) -max_len=65536 build/fuzz-corpus/$$n tests/fuzz-corpus/$$n || exit 1; done

deps: $(DEPS_OK)

test: deps all $(S)/tests/run $(S)/sitrep $(T)/sitrep
	@scripts/run-tests

demo: deps $(B)/sitrep
	@scripts/demo

bench: deps $(B)/sitrep $(B)/conformance/html
	@bench/run

# The web-page extractor against the field's evaluation sets (also run by make test),
# with every page's misses listed.
eval-html: deps $(B)/conformance/html
	SITREP_CONF_VERBOSE=1 $(B)/conformance/html

clean:
	rm -rf build

.PHONY: all test demo bench eval-html fuzz fuzz-build deps clean
-include $(shell find build -name '*.d' 2>/dev/null)

# Layout: clang-format over every C file (see .clang-format).
format:
	clang-format -i $(SRC) $(CLI_SRC) $(TEST_SRC) $(CONF_SRC) $(FUZZ_SRC) tests/*.h src/*/*.h include/*.h

.PHONY: format
