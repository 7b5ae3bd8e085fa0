#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
# What spatch leaves undone after mmap_prepare.cocci converted FILE:
# - ".mmap<tabs>= x" became ".mmap_prepare<tabs>= x", whose tabs (or
#   spaces) no longer reach the column the initializer aligns its "=" on:
#   put the "=" back on that column (the one ".mmap" and the same
#   whitespace reached), or one space after the name when it is past it.
# - A handler's kernel-doc comment still names the old function and its
#   @file and @vma (W=1 warns): name the new function and its @desc.
# Only lines that differ from ORIGINAL (the file before spatch) and the
# comments right above them change.
# Usage: convert-tidy.py FILE ORIGINAL
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

# "(u64)vma->vm_pgoff" came out as "(u64) desc->pgoff" (checkpatch: no
# space after a cast): on the lines spatch wrote, a cast to an integer
# type keeps the driver's spelling when the original line had no space.
TYPE = (r"\(((?:unsigned |signed )?(?:u8|u16|u32|u64|s8|s16|s32|s64|int|long|"
        r"long long|short|char|size_t|ssize_t|loff_t|pgoff_t|phys_addr_t|"
        r"resource_size_t))\) ")
CAST = re.compile(TYPE + r"(desc->)")
if not any(re.search(TYPE + r"\w", b) for b in before):
    for i in new_lines:
        fixed = CAST.sub(r"(\1)\2", lines[i])
        if fixed != lines[i]:
            lines[i] = fixed
            changed = True

# The handlers before: name -> (file parameter, vma parameter); a helper
# that took the VMA among other parameters: name -> (vma parameter,).
old = {}
for m in re.finditer(r"\b(\w+)\(\s*struct\s+file\s*\*\s*(\w+)\s*,"
                     r"\s*struct\s+vm_area_struct\s*\*\s*(\w+)\s*\)",
                     "\n".join(before)):
    old[m.group(1)] = (m.group(2), m.group(3))
for m in re.finditer(r"^\w[^;{]*?\b(\w+)\(([^;{)]*?)struct\s+vm_area_struct\s*\*\s*(\w+)\s*[,)]",
                     "\n".join(before), re.M):
    old.setdefault(m.group(1), (m.group(3),))
sig = re.compile(r"^\w.*\b(\w+)\((?:[^)]*, )?struct vm_area_desc \*(\w+)[,)]")
param = re.compile(r"^\s*\*\s*@(\w+)\s*:")
# From the bottom up: a comment changed above a handler moves no line
# below it.
for i in sorted(new_lines, reverse=True):
    m = sig.match(lines[i])
    if not m:
        continue
    name, desc = m.groups()
    was = [o for o in old if name == o or name.startswith(o + "_")]
    if not was:
        continue
    was = max(was, key=len)
    # The comment ends on the line above, or above one blank line.
    end = i - 1
    if end >= 0 and lines[end].strip() == "":
        end -= 1
    if end < 0 or lines[end].strip() != "*/":
        continue
    start = end
    while start > 0 and not lines[start].lstrip().startswith("/*"):
        start -= 1
    if lines[start].strip() != "/**":
        continue
    doc = lines[start:end + 1]
    out = []
    gone = False    # in the description of a dropped parameter
    said = False    # @desc written
    for j, d in enumerate(doc):
        if j == 1:
            d = re.sub(r"^(\s*\*\s*)%s\b" % re.escape(was),
                       lambda t: t.group(1) + name, d)
        p = param.match(d)
        if p:
            gone = p.group(1) in old[was]
            if gone and not said:
                pre = re.match(r"^(\s*\*\s*)@", d).group(1)
                out.append("%s@%s: the mapping to describe" % (pre, desc))
                said = True
            if gone:
                continue
        elif gone and re.match(r"^\s*\*\s+\S", d):
            continue    # the dropped parameter's description goes on
        else:
            gone = False
        out.append(d)
    if out != doc:
        lines[start:end + 1] = out
        changed = True

if changed:
    with open(path, "w") as f:
        f.write("\n".join(lines))
