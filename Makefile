# Annals — `make demo` to see it work, `make test` to prove it does.
SWIFT ?= swift
PREFIX ?= /usr/local
DEMO_DB ?= demo/annals.sqlite
ANNALS_DEBUG = .build/debug/annals
ANNALS_RELEASE = .build/release/annals
# Release builds link the Swift runtime and Foundation statically: the installed binary needs
# no Swift toolchain beside it, and every command starts 7-10 ms sooner (no dynamic loading of
# Foundation). Every release build uses the same flags, so none rebuilds another's modules.
RELEASE_BUILD = $(SWIFT) build -c release --static-swift-stdlib
FUZZ_SECONDS ?= 30

.PHONY: all build release demo test docs fuzz bench eval install deps clean report-screenshot

all: build

# SQLite's headers come from Debian's libsqlite3-dev (GRDB links the system SQLite, FTS5 included).
deps:
	@if [ ! -f /usr/include/sqlite3.h ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing libsqlite3-dev (SQLite headers)…"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libsqlite3-dev >/dev/null; \
	  else \
	    echo "Annals needs SQLite's headers. Run:  sudo apt-get install libsqlite3-dev"; exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(RELEASE_BUILD)

# Builds, ingests fixtures/ into a fresh demo archive and shows what was stored.
demo: build
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_DB).lock
	@echo "== the real card, mojibake and all: annals ingest fixtures/cards/ars-technica-mojibake.txt"
	@$(ANNALS_DEBUG) --db $(DEMO_DB) ingest fixtures/cards/ars-technica-mojibake.txt
	@echo "== annals show 1"
	@$(ANNALS_DEBUG) --db $(DEMO_DB) show 1
	@echo "== annals ingest fixtures/cards fixtures/feeds"
	@$(ANNALS_DEBUG) --db $(DEMO_DB) ingest --settle 0 fixtures/cards fixtures/feeds
	@echo "== again: nothing new"
	@$(ANNALS_DEBUG) --db $(DEMO_DB) ingest --settle 0 --rescan fixtures/cards fixtures/feeds
	@echo "== bad inputs are rejected with the file and the reason (exit 65)"
	@$(ANNALS_DEBUG) --db $(DEMO_DB) ingest --settle 0 fixtures/bad; test $$? -eq 65
	@echo "== annals stats"
	@$(ANNALS_DEBUG) --db $(DEMO_DB) stats
	@echo "== annals events --sort mentions --limit 5"
	@$(ANNALS_DEBUG) --db $(DEMO_DB) events --sort mentions --limit 5
	@echo '== annals ask "all export-control events since 2024"'
	@$(ANNALS_DEBUG) --db $(DEMO_DB) ask "all export-control events since 2024"
	@echo '== annals ask "how many export-control events per year"'
	@$(ANNALS_DEBUG) --db $(DEMO_DB) ask "how many export-control events per year"
	@echo "== annals topics"
	@$(ANNALS_DEBUG) --db $(DEMO_DB) topics

# scripts/check-layers.sh: no folder of the library uses a type from a layer above it
# (docs/architecture.md). Fuzz/run.sh --typecheck: the fuzz harness still builds from its
# list of parser sources (the fuzz run itself is CI's, after the tests).
# scripts/check-noop-build.sh: a second build with nothing changed compiles nothing.
test: deps
	scripts/check-layers.sh
	Fuzz/run.sh --typecheck
	$(SWIFT) build
	scripts/check-noop-build.sh
	$(SWIFT) test

# The AnnalsKit documentation (Sources/AnnalsKit/AnnalsKit.docc and every `///`), with
# warnings as errors: a broken symbol link or a bad topic fails the build. Output in .build/docs.
# scripts/check-docs.py then fails on any public declaration without a `///` comment.
docs: deps
	$(SWIFT) package --allow-writing-to-directory .build/docs generate-documentation --target AnnalsKit \
	  --warnings-as-errors --output-path .build/docs
	scripts/check-docs.py

# libFuzzer on the card and feed parsers (Fuzz/README.md); fails on a crash, keeps the input in Fuzz/crashes/.
fuzz:
	Fuzz/run.sh $(FUZZ_SECONDS)

bench: deps
	$(RELEASE_BUILD)
	.build/release/annals-bench run --scale $${BENCH_SCALE:-small} --json .build/annals-bench/results.json

# Merge and topic scores on the hand-written corpus of real history (fixtures/eval/README.md);
# EVAL_DETAILS=1 lists every split, wrong merge and topic miss.
eval: deps
	$(RELEASE_BUILD) --product annals-bench
	.build/release/annals-bench eval --corpus fixtures/eval $${EVAL_DETAILS:+--details}

# docs/report.png, the README's picture: the sample question's report in headless Chromium
# (apt-get install chromium); fails when the page logs anything on the console.
report-screenshot: build
	sh scripts/screenshot-report.sh docs/report.png

install: release
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(ANNALS_RELEASE) $(DESTDIR)$(PREFIX)/bin/annals

clean:
	rm -rf .build demo
