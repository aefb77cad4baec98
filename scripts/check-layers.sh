#!/usr/bin/env bash
# Fails when a folder of Sources/AnnalsKit names a type declared in a folder above it.
#
# The layers, lowest first (docs/architecture.md): a folder may use the types of the
# folders before it in this list and its own, never those after it.
#
#   Support  Model  Ingest  Classify  Store  Pipeline  Query  Export
#
# A type belongs to the folder that declares it at the top level of a file (`struct X`,
# `enum X`, `protocol X`, `extension`s do not count). A use is the type's name as a whole
# word on a line that is not a comment. A name the using folder declares itself, at any
# depth (a nested `enum Token`), is its own; a name two folders declare is ambiguous and
# reported, so that the check never guesses. Run by `make test`; prints each upward use.
set -euo pipefail
cd "$(dirname "$0")/../Sources/AnnalsKit"

layers=(Support Model Ingest Classify Store Pipeline Query Export)
status=0

for dir in */; do
    dir=${dir%/}
    case $dir in *.docc) continue ;; esac  # documentation, not code
    case " ${layers[*]} " in *" $dir "*) ;; *)
        echo "check-layers: Sources/AnnalsKit/$dir is in no layer: add it to scripts/check-layers.sh and docs/architecture.md" >&2
        status=1 ;;
    esac
done

# Top-level type declarations: "NAME FOLDER".
declared() {
    grep -hoE '^(public |internal |package |fileprivate |private )?(final )?(struct|enum|class|protocol|actor|typealias) [A-Za-z_][A-Za-z0-9_]*' "$1"/*.swift 2>/dev/null \
        | awk -v dir="$1" '{ print $NF, dir }' || true
}
# Every type name a folder declares, nested ones included.
declared_anywhere() {
    grep -hoE '(struct|enum|class|protocol|actor|typealias) [A-Za-z_][A-Za-z0-9_]*' "$1"/*.swift 2>/dev/null | awk '{ print $2 }' | sort -u || true
}

owners=$(for dir in "${layers[@]}"; do [ -d "$dir" ] && declared "$dir"; done | sort -u)
ambiguous=$(echo "$owners" | awk '{ print $1 }' | uniq -d)
if [ -n "$ambiguous" ]; then
    echo "check-layers: types declared in two folders: $(echo $ambiguous)" >&2
    status=1
fi

for i in "${!layers[@]}"; do
    dir=${layers[$i]}
    [ -d "$dir" ] || continue
    higher=" ${layers[*]:$((i + 1))} "
    own=$(declared_anywhere "$dir")
    names=$(echo "$owners" | while read -r name owner; do
        case "$higher" in *" $owner "*) echo "$own" | grep -qx "$name" || echo "$name" ;; esac
    done | sort -u)
    [ -n "$names" ] || continue
    pattern="\\b($(echo $names | tr ' ' '|'))\\b"
    # file:line:text of non-comment lines that name a higher type.
    hits=$(grep -nE "$pattern" "$dir"/*.swift | grep -vE '^[^:]+:[0-9]+:[[:space:]]*//' || true)
    [ -n "$hits" ] || continue
    while IFS= read -r hit; do
        code=${hit#*:*:}
        for name in $(echo "$code" | grep -oE "$pattern" | sort -u); do
            owner=$(echo "$owners" | awk -v n="$name" '$1 == n { print $2 }')
            echo "check-layers: ${hit%%:*}:$(echo "$hit" | cut -d: -f2): $dir uses $name from $owner, a higher layer" >&2
        done
    done <<< "$hits"
    status=1
done

[ $status -eq 0 ] && echo "check-layers: no folder uses a type from a higher layer"
exit $status
