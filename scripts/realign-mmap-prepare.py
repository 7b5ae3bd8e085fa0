#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
# After spatch renamed ".mmap<tabs>= x" to ".mmap_prepare<tabs>= x", the
# tabs (or spaces) no longer reach the column the initializer aligns its
# "=" on: put the "=" back on that column (the one ".mmap" and the same
# whitespace reached), or one space after the name when it is past it.
# Only lines that differ from ORIGINAL (the file before spatch) change.
# Usage: realign-mmap-prepare.py FILE ORIGINAL
import difflib
import re
import sys


def col_after(col, ws):
    for ch in ws:
        col = (col // 8 + 1) * 8 if ch == "\t" else col + 1
    return col


path, orig = sys.argv[1], sys.argv[2]
with open(path) as f:
    lines = f.read().split("\n")
with open(orig) as f:
    before = f.read().split("\n")
new_lines = set()
for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(
        None, before, lines, autojunk=False).get_opcodes():
    if tag in ("replace", "insert"):
        new_lines.update(range(j1, j2))
changed = False
for i, line in enumerate(lines):
    if i not in new_lines:
        continue
    m = re.match(r"^(\s*)\.mmap_prepare(\t[\t ]*| {2,})=(.*)$", line)
    if not m:
        continue
    indent, ws, rest = m.groups()
    start = col_after(0, indent)
    target = col_after(start + len(".mmap"), ws)
    col = start + len(".mmap_prepare")
    if "\t" in ws:
        new = ""
        while (col // 8 + 1) * 8 <= target:
            new += "\t"
            col = (col // 8 + 1) * 8
    else:
        new = " " * (target - col)
    if not new:
        new = " "
    fixed = "%s.mmap_prepare%s=%s" % (indent, new, rest)
    if fixed != line:
        lines[i] = fixed
        changed = True
if changed:
    with open(path, "w") as f:
        f.write("\n".join(lines))
