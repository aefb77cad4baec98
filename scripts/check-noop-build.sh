#!/usr/bin/env bash
# Fails when a second `swift build` with nothing changed compiles or links anything.
#
# Run by `make test` right after its build: every edit-build-test cycle pays for what a
# no-op build redoes, so a rebuild here (a generated file rewritten, a tool relinked) is
# a bug. Pass the same arguments as the build before it (e.g. `-c release`).
set -euo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT
start=$(date +%s.%N)
swift build "$@" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
seconds=$(echo "$(date +%s.%N) - $start" | bc)
# SwiftPM lists its plugins as "Compiling plugin X" on every build without rebuilding them.
# It sometimes relinks the embedder tool (MigrationEmbedder-tool, 70 KB, no compile) after
# a build of the other configuration or of the docs; that costs well under a second and,
# since the embedder rewrites nothing unchanged, recompiles nothing: it is reported, not
# failed. Anything else (a module compiled, the embedder run, a product linked) fails.
steps=$(grep -E '^\[[0-9]+/[0-9]+\] ' "$log" | grep -v -E 'Compiling plugin|Write swift-version' || true)
tool='Wrapping AST for MigrationEmbedder|Linking MigrationEmbedder-tool|Write Objects.LinkFileList'
redone=$(echo "$steps" | grep -v -E "$tool" | grep . || true)
if [ -n "$redone" ]; then
    echo "check-noop-build: a second swift build $* with nothing changed redid work:" >&2
    echo "$redone" >&2
    exit 1
fi
note=""
if echo "$steps" | grep -q -E "$tool"; then note="; relinked the embedder tool only"; fi
printf 'check-noop-build: swift build %s with nothing changed: nothing compiled (%.1f s%s)\n' "$*" "$seconds" "$note"
