#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""The generated handlers of tests/convert/gen.py through the semantic patch.

split GEN.c DIR N     cut GEN.c into DIR/chunk-K.c files of N handlers each
                      (each with GEN.c's prologue): spatch's matching time
                      grows faster than the handlers in one file
judge DIR KUNIT.c RES merge DIR/chunk-K.c, their patched copies
                      DIR/chunk-K.out.c and reports DIR/chunk-K.report;
                      write to RES a case per check (every handler
                      reported once, the report and the patch agree, some
                      converted and some refused); put the converted pairs
                      into KUNIT.c (mm/mmap_prepare_kunit.c of a scratch
                      tree) in place of its Before/After blocks and its
                      table of forms, so its suite mmap_prepare_cocci maps
                      exactly them
"""
import glob
import os
import re
import sys

UNIT = re.compile(r"^/\* mpg (\d+) ([01]) \*/$", re.M)
BEFORE = "/* Before: .mmap handlers as 6.12 drivers write them. */"
AFTER = "/* After: what scripts/coccinelle/api/mmap_prepare.cocci makes of them. */"
END = "/* End of the semantic patch's output. */"
FORMS = "/* The forms: each pair of the blocks above. */"
FORMS_END = "/* End of the forms. */"


def units(text):
    """The prologue and {n: (page_cache, text)} of a generated file."""
    parts = UNIT.split(text)
    out = {}
    for i in range(1, len(parts), 3):
        out[int(parts[i])] = (parts[i + 1] == "1", parts[i + 2].strip("\n") + "\n")
    return parts[0].strip("\n") + "\n", out


def split(gen, d, n):
    pro, us = units(open(gen).read())
    keys = sorted(us)
    for c in range(0, len(keys), n):
        with open(os.path.join(d, "chunk-%04d.c" % (c // n)), "w") as f:
            f.write(pro + "\n")
            for k in keys[c:c + n]:
                f.write("/* mpg %d %d */\n%s\n" % (k, us[k][0], us[k][1]))


def case(res, ok, name, why=""):
    res.write("%s convert-gen:%s\n" % ("ok" if ok else "not ok", name))
    if not ok and why:
        print("convert-gen: %s: %s" % (name, why))


def judge(d, kunit, resfile):
    before, after, report = {}, {}, {}
    pro = None
    for c in sorted(glob.glob(os.path.join(d, "chunk-*[0-9].c"))):
        p, b = units(open(c).read())
        pro = pro or p
        before.update(b)
        out = c[:-2] + ".out.c"
        after.update(units(open(out).read())[1] if os.path.exists(out) else {})
        rep = c[:-2] + ".report"
        for line in open(rep) if os.path.exists(rep) else []:
            m = re.search(r"mmap handler mpg_(\d+)_mmap (can be converted to mmap_prepare(?: \(.*\))?|not converted: (.*))$", line)
            if m:
                report.setdefault(int(m.group(1)), []).append(m.group(3) or "")
    res = open(resfile, "a")
    n = len(before)
    missing = [k for k in before if k not in after]
    case(res, n > 0 and not missing, "spatch-ran-on-every-chunk",
         "no patched output for %d handlers" % len(missing))
    twice = [k for k in before if len(report.get(k, [])) != 1]
    case(res, n > 0 and not twice, "every-handler-reported-once",
         "handlers reported %s times: %s" % ("0 or 2+", " ".join("mpg_%d" % k for k in twice[:20])))
    changed = {k for k in before if k in after and after[k] != before[k]}
    convertible = {k for k, r in report.items() if r == [""]}
    disagree = sorted(changed ^ convertible)
    case(res, n > 0 and not disagree, "report-lists-what-patch-converts",
         "patch mode and report mode disagree on %s" % " ".join("mpg_%d" % k for k in disagree[:20]))
    # A converted handler is renamed, a refused one left as it was.
    bad = [k for k in changed if "mpg_%d_mmap_prepare(struct vm_area_desc *desc)" % k not in after[k][1]]
    case(res, not bad, "converted-handlers-take-the-descriptor",
         " ".join("mpg_%d" % k for k in bad[:20]))
    refused = sorted(k for k in before if k not in changed)
    conv = sorted(changed)
    case(res, len(conv) >= n // 5 and len(refused) >= n // 10, "converts-and-refuses-some",
         "%d converted, %d refused of %d" % (len(conv), len(refused), n))
    res.close()
    print("convert-gen: %d handlers: %d converted, %d refused" % (n, len(conv), len(refused)))
    with open(os.path.join(d, "converted.txt"), "w") as f:
        f.write("".join("mpg_%d\n" % k for k in conv))
    with open(os.path.join(d, "refused.txt"), "w") as f:
        for k in refused:
            f.write("mpg_%d: %s\n" % (k, "; ".join(report.get(k, ["?"]))))

    # The suite's blocks: the converted pairs, the After block's
    # file_operations renamed as in the suite's own.
    src = open(kunit).read()
    for m in (BEFORE, AFTER, END, FORMS, FORMS_END):
        if m not in src:
            sys.exit("convert-gen.py: %s has no line %s" % (kunit, m))
    blk = [BEFORE, pro]
    blk += [before[k][1] for k in conv]
    blk += [AFTER]
    blk += [re.sub(r"\bmpg_(\d+)_fops\b", r"mpg_\1_prep_fops", after[k][1]) for k in conv]
    i, j = src.index(BEFORE), src.index(END)
    src = src[:i] + "\n".join(blk) + "\n" + src[j:]
    tab = [FORMS, "static const struct mpc_form mpc_forms[] = {"]
    tab += ['\t{ "mpg_%d", &mpg_%d_fops, &mpg_%d_prep_fops, %s },' %
            (k, k, k, "true" if before[k][0] else "false") for k in conv]
    tab += ["};", ""]
    i, j = src.index(FORMS), src.index(FORMS_END)
    src = src[:i] + "\n".join(tab) + src[j:]
    open(kunit, "w").write(src)


def main():
    a = sys.argv[1:]
    if len(a) == 4 and a[0] == "split":
        split(a[1], a[2], int(a[3]))
    elif len(a) == 4 and a[0] == "judge":
        judge(a[1], a[2], a[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
