#!/usr/bin/env bash
# Fails when a second `swift build` with nothing changed compiles a module or links a product.
#
# Run by `make test` right after its build: every edit-build-test cycle pays for what a
# no-op build redoes, so a rebuild here (a generated file rewritten, say) is a bug. Pass the same arguments as the build before it (e.g. `-c release`).
set -euo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT
start=$(date +%s%N)
swift build "$@" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
milliseconds=$(( ($(date +%s%N) - start) / 1000000 ))
# What a no-op build may still show: SwiftPM lists its plugins ("Compiling plugin X") on
# every build without rebuilding them; the first build after a fresh one replans and runs
# the embedder again, which rewrites nothing when nothing changed; and it sometimes relinks
# the 70 KB embedder tool after a build of the other configuration or of the docs. None of
# those compiles a module. What fails: a module compiled or its interface emitted, or a
# product (annals, the tests, the bench) linked again.
steps=$(grep -E '^\[[0-9]+/[0-9]+\] ' "$log" || true)
redone=$(echo "$steps" | grep -E '\] (Compiling|Emitting module|Merging module|Linking|Wrapping AST)' \
    | grep -v -E 'Compiling plugin|Linking MigrationEmbedder-tool|Wrapping AST for MigrationEmbedder' || true)
if [ -n "$redone" ]; then
    echo "check-noop-build: a second swift build $* with nothing changed redid work:" >&2
    echo "$redone" >&2
    exit 1
fi
note=""
if echo "$steps" | grep -q -E 'Embedding|MigrationEmbedder'; then note="; ran or relinked the embedder only"; fi
printf 'check-noop-build: swift build %s with nothing changed: nothing compiled (%d ms%s)\n' "$*" "$milliseconds" "$note"
