#!/usr/bin/env bash
# Fuzz the card parser and the feed parser with libFuzzer for SECONDS seconds.
#
#   Fuzz/run.sh [SECONDS]        (default 30; `make fuzz FUZZ_SECONDS=600` does the same)
#   Fuzz/run.sh --typecheck      only type-check the harness and its sources (`make test`
#                                runs this, so a parser file the list misses fails there)
#
# Builds .build/fuzz/fuzz-cards from the parser sources and Fuzz/FuzzCards.swift with
# `swiftc -sanitize=fuzzer,address` (no GRDB, no SwiftPM: the parsers are plain Swift),
# seeds it with fixtures/ and Fuzz/seeds/, and keeps the inputs it finds interesting in
# .build/fuzz/corpus so that later runs start where earlier ones stopped.
# Exits non-zero on a crash, a memory error, a hang (over 10 s on one input) or an
# out-of-memory; the input that did it is kept in Fuzz/crashes/ (reproduce it with
# `.build/fuzz/fuzz-cards Fuzz/crashes/crash-…`).
set -euo pipefail
seconds=${1:-30}
typecheck=no
if [ "$seconds" = --typecheck ]; then typecheck=yes; seconds=0; fi
case $seconds in ''|*[!0-9]*) echo "usage: $0 SECONDS" >&2; exit 64;; esac
cd "$(dirname "$0")/.."

out=.build/fuzz
binary=$out/fuzz-cards
sources=(
    Sources/AnnalsKit/Ingest/TextDecoding.swift
    Sources/AnnalsKit/Ingest/MojibakeRepair.swift
    Sources/AnnalsKit/Ingest/CardParser.swift
    Sources/AnnalsKit/Ingest/CardReader+*.swift
    Sources/AnnalsKit/Ingest/ParserVocabulary.swift
    Sources/AnnalsKit/Support/UTF8Bytes.swift
    Sources/AnnalsKit/Ingest/FeedParser.swift
    Sources/AnnalsKit/Ingest/PartialDate+*.swift
    Sources/AnnalsKit/Ingest/IngestError.swift
    Sources/AnnalsKit/Model/*.swift
    Sources/AnnalsKit/Support/JSONWriter.swift
    Fuzz/FuzzCards.swift
)
if [ $typecheck = yes ]; then
    swiftc -typecheck -parse-as-library -module-name AnnalsFuzz "${sources[@]}"
    echo "fuzz: the harness and its ${#sources[@]} source files type-check"
    exit 0
fi
mkdir -p "$out/corpus" Fuzz/crashes

# Rebuild only when a source changed: the optimized, instrumented build takes a minute or two.
stale=no
if [ ! -x "$binary" ]; then stale=yes; else
    for source in "${sources[@]}" "$0"; do [ "$source" -nt "$binary" ] && stale=yes; done
fi
if [ $stale = yes ]; then
    echo "fuzz: building $binary"
    swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name AnnalsFuzz \
        "${sources[@]}" -o "$binary.new" 2> >(grep -v "Cannot export local symbol '__asan" >&2)
    mv "$binary.new" "$binary"
fi

# Let libFuzzer handle a crash itself (it saves the input and exits): Swift's backtracer
# would take the signal first, and the swift-backtrace process it starts can outlive the
# crashed fuzzer, holding the pipe below open, so the script would hang instead of failing.
export SWIFT_BACKTRACE=enable=no

echo "fuzz: running for ${seconds}s (corpus $out/corpus, seeds fixtures/ and Fuzz/seeds/)"
set +e
"$binary" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix=Fuzz/crashes/ \
    "$out/corpus" fixtures/cards fixtures/feeds fixtures/bad Fuzz/seeds \
    2>&1 | tee "$out/last-run.log" | grep -E '^(#[0-9]+[[:space:]]+(INITED|DONE)|stat::|==[0-9]+==|INFO: Loaded|Done|SUMMARY|artifact_prefix|Test unit written)'
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then
    echo "fuzz: FAILED (exit $status); the full log is $out/last-run.log, the input is in Fuzz/crashes/" >&2
    tail -60 "$out/last-run.log" >&2
    exit 1
fi
echo "fuzz: no crash in ${seconds}s; corpus now $(ls "$out/corpus" | wc -l) inputs"
