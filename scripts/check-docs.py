#!/usr/bin/env python3
"""Fails when a public declaration of AnnalsKit has no documentation comment.

Reads the symbol graph that `make docs` extracts (the DocC plugin writes it under
.build/<triple>/extracted-symbols/) and lists every public symbol declared in
Sources/AnnalsKit (one with a source location, so not one the compiler synthesised or
inherited from a protocol) that has no `///` comment. Run by `make docs`, after DocC.
"""
import glob
import json
import os
import sys

graphs = glob.glob(".build/*/extracted-symbols/*/AnnalsKit/AnnalsKit.symbols.json")
if not graphs:
    sys.exit("check-docs: no AnnalsKit symbol graph under .build/*/extracted-symbols: run make docs first")

symbols = json.load(open(max(graphs, key=os.path.getmtime)))["symbols"]
declared = [s for s in symbols if s.get("accessLevel") == "public" and "location" in s]
missing = sorted(
    (s["location"]["uri"].split("Sources/AnnalsKit/")[-1], s["location"]["position"]["line"] + 1,
     ".".join(s["pathComponents"]))
    for s in declared if not s.get("docComment"))
for path, line, name in missing:
    print(f"Sources/AnnalsKit/{path}:{line}: public {name} has no documentation comment", file=sys.stderr)
print(f"check-docs: {len(declared) - len(missing)} of {len(declared)} public declarations documented")
sys.exit(1 if missing else 0)
