#!/usr/bin/env python3
"""Writes taxonomy JSON in the layout of taxonomy/default.json: two-space indents, lists of
short strings wrapped at 100 columns, long strings (patterns) one per line.
Usage: scripts/format-taxonomy.py FILE  (rewrites FILE in place)."""
import json, sys

WIDTH = 100

def dump(value, indent, first_column=0):
    pad = " " * indent
    if isinstance(value, dict):
        if not value:
            return "{}"
        compact = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
        if first_column == 0 and indent + len(compact) + 1 <= WIDTH:
            return compact
        items = []
        for k, v in value.items():
            head = f'{pad}  {json.dumps(k, ensure_ascii=False)}: '
            items.append(head + dump(v, indent + 2, len(head)))
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        if all(isinstance(v, str) for v in value):
            cells = [json.dumps(v, ensure_ascii=False) for v in value]
            inner = " " * (indent + 2)
            one_line = "[" + ", ".join(cells) + "]"
            if first_column + len(one_line) + 1 <= WIDTH:
                return one_line
            if any(len(inner) + len(c) + 1 > WIDTH for c in cells):
                return "[\n" + ",\n".join(inner + c for c in cells) + "\n" + pad + "]"
            lines, line = [], inner
            for c in cells:
                piece = c + ","
                if line.strip() and len(line) + 1 + len(piece) > WIDTH:
                    lines.append(line)
                    line = inner + piece
                else:
                    line = line + ("" if not line.strip() else " ") + piece
            lines.append(line)
            lines[-1] = lines[-1][:-1]
            return "[\n" + "\n".join(lines) + "\n" + pad + "]"
        return "[\n" + ",\n".join(" " * (indent + 2) + dump(v, indent + 2) for v in value) + "\n" + pad + "]"
    return json.dumps(value, ensure_ascii=False)

path = sys.argv[1]
data = json.load(open(path, encoding="utf-8"))
open(path, "w", encoding="utf-8").write(dump(data, 0) + "\n")
