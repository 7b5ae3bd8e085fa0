#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Generate .mmap handlers the way 6.12 drivers write them.

Usage: gen.py SEED COUNT OUT.c

Writes COUNT distinct handlers, each with its file_operations, built from
the idioms real handlers combine: size and offset checks (vma_pages(),
vm_end - vm_start, nested or not), flag tests used as truth values and as
values (compared with masks, kept in a local), guards of either polarity
before or after the flag change they protect, flag changes, a page
protection, vm_ops with and without page_mkwrite, and one tail: nothing,
a remap of the whole mapping, of one page, of a size that is not a page
multiple, at an offset, of the device's size, with the VMA's protection
or its own, vm_iomap_memory(), vm_insert_pages(), vm_map_pages[_zero]()
or the generic page cache handlers (returned, or tested before the
handler sets its own vm_ops), each returned, tested with a
constant errno or through a local. The same SEED gives the same file.

Each handler is preceded by a line "/* mpg N page_cache */" (page_cache
is 0 or 1: whether it maps through the page cache), which the semantic
patch keeps, so its output can be split per handler again. The handlers
use struct mpc_dev of mm/mmap_prepare_kunit.c; the file starts with the
vm_ops they set.
"""
import random
import re
import sys

PROLOGUE = """\
/* The device's pages, found through the file: private data may be unset. */
static vm_fault_t mpg_fault(struct vm_fault *vmf)
{
	struct mpc_dev *dev = vmf->vma->vm_file->private_data;

	if (vmf->pgoff >= dev->nr)
		return VM_FAULT_SIGBUS;
	vmf->page = dev->pages[vmf->pgoff];
	get_page(vmf->page);
	return 0;
}

static vm_fault_t mpg_mkwrite(struct vm_fault *vmf)
{
	return VM_FAULT_SIGBUS;
}

static const struct vm_operations_struct mpg_vm_ops = {
	.fault = mpg_fault,
};

static const struct vm_operations_struct mpg_mkwrite_vm_ops = {
	.fault = mpg_fault,
	.page_mkwrite = mpg_mkwrite,
};

static DEFINE_MUTEX(mpg_lock);
"""

# (code, locals it needs, tags). {V} is the VMA, {F} the file.
CHECKS = [
    ("if ({V}->vm_pgoff + vma_pages({V}) > dev->nr)\n\t\treturn -EINVAL;", (), {"bound"}),
    ("if (vma_pages({V}) > 1)\n\t\treturn -EINVAL;", (), set()),
    ("if ({V}->vm_end - {V}->vm_start != PAGE_SIZE)\n\t\treturn -ENXIO;", (), set()),
    ("if ({V}->vm_end - {V}->vm_start > 2 * PAGE_SIZE)\n\t\treturn -ENOMEM;", (), set()),
    ("if ({V}->vm_pgoff)\n\t\treturn -ENXIO;", (), set()),
    ("if (size > dev->nr << PAGE_SHIFT)\n\t\treturn -EINVAL;", ("size",), set()),
    ("if ({V}->vm_pgoff) {\n\t\tif (vma_pages({V}) > 1)\n\t\t\treturn -EINVAL;\n\t}", (), set()),
    ("if (({V}->vm_pgoff << PAGE_SHIFT) + size > dev->nr << PAGE_SHIFT)\n\t\treturn -EINVAL;",
     ("size",), {"bound"}),
]

FLAG_CHECKS = [
    ("if (!({V}->vm_flags & VM_SHARED))\n\t\treturn -EINVAL;", (), set()),
    ("if ({V}->vm_flags & VM_EXEC)\n\t\treturn -EPERM;", (), set()),
    ("if (({V}->vm_flags & VM_MAYSHARE) != VM_MAYSHARE)\n\t\treturn -EINVAL;", (), set()),
    ("if (({V}->vm_flags & (VM_WRITE | VM_SHARED)) == (VM_WRITE | VM_SHARED))\n\t\treturn -EACCES;",
     (), set()),
    ("if (({V}->vm_flags & (VM_READ | VM_WRITE)) != VM_READ)\n\t\treturn -EACCES;", (), set()),
    ("if ({V}->vm_flags & VM_WRITE)\n\t\treturn -EPERM;", (), set()),
    ("if (({V}->vm_flags & VM_WRITE) && !capable(CAP_SYS_ADMIN))\n\t\treturn -EPERM;", (), set()),
    ("if ({V}->vm_flags & VM_SHARED) {\n\t\tif ({V}->vm_flags & VM_WRITE)\n\t\t\treturn -EPERM;\n\t}",
     (), set()),
    ("if (({V}->vm_flags & (VM_WRITE | VM_EXEC)) || {V}->vm_pgoff > 8)\n\t\treturn -EACCES;",
     (), set()),
    ("if (wr && !({V}->vm_flags & VM_SHARED))\n\t\treturn -EINVAL;", ("wr",), set()),
    ("if (({V}->vm_flags & VM_WRITE) == 0 && vma_pages({V}) > 3)\n\t\treturn -EINVAL;", (), set()),
    ("if ({V}->vm_flags & VM_SHARED && {V}->vm_flags & VM_MAYWRITE)\n\t\treturn -EBUSY;", (), set()),
    ("if (!wr && {V}->vm_pgoff == 1)\n\t\treturn -EINVAL;", ("wr",), set()),
    # open-dice: the refusal and the flag change in one block
    ("if ({V}->vm_flags & VM_MAYSHARE) {\n\t\tif ({V}->vm_flags & VM_WRITE)\n\t\t\treturn -EPERM;\n"
     "\t\tvm_flags_clear({V}, VM_MAYWRITE);\n\t}", (), set()),
    ("if ({V}->vm_flags & VM_MAYSHARE) {\n\t\tvm_flags_clear({V}, VM_MAYWRITE);\n"
     "\t\tif ({V}->vm_flags & VM_WRITE)\n\t\t\treturn -EPERM;\n\t}", (), set()),
]

FLAG_CHANGES = [
    ("vm_flags_set({V}, VM_DONTEXPAND | VM_DONTDUMP);", (), set()),
    ("vm_flags_set({V}, VM_IO);", (), set()),
    ("vm_flags_clear({V}, VM_MAYWRITE);", (), set()),
    ("vm_flags_clear({V}, VM_MAYEXEC);", (), set()),
    ("vm_flags_mod({V}, VM_DONTCOPY, VM_MAYEXEC);", (), set()),
    ("vm_flags_set({V}, VM_DONTCOPY | VM_NORESERVE);", (), set()),
    ("vm_flags_set({V}, wr ? VM_DONTDUMP : VM_DONTCOPY);", ("wr",), set()),
]

PROTS = [
    ("{V}->vm_page_prot = pgprot_noncached({V}->vm_page_prot);", (), set()),
    ("{V}->vm_page_prot = pgprot_writecombine({V}->vm_page_prot);", (), set()),
    ("{V}->vm_page_prot = vm_get_page_prot({V}->vm_flags & (VM_READ | VM_WRITE | VM_SHARED));",
     (), set()),
]

OPS = [
    ("{V}->vm_ops = &mpg_vm_ops;", (), set()),
    ("{V}->vm_ops = &mpg_mkwrite_vm_ops;", (), set()),
    ("{V}->vm_ops = &mpg_vm_ops;\n\t{V}->vm_private_data = dev;", (), set()),
    ("{V}->vm_ops = ({V}->vm_flags & VM_SHARED) ? &mpg_mkwrite_vm_ops : &mpg_vm_ops;",
     (), set()),
]

LOCALS = {
    "size": "unsigned long size = {V}->vm_end - {V}->vm_start;",
    "n": "unsigned long n = vma_pages({V});",
    "one": "unsigned long n = 1;",
    "wr": "unsigned long wr = {V}->vm_flags & VM_WRITE;",
    "ret": "int ret;",
}


def finish(call, form, errno):
    """The tail statements for a mapping call in one of the usual forms."""
    if form == "return":
        return ["return %s;" % call], ()
    if form == "if":
        return ["if (%s)\n\t\treturn %s;" % (call, errno), "return 0;"], ()
    if form == "ret-if":
        return ["ret = %s;" % call, "if (ret)\n\t\treturn ret;", "return 0;"], ("ret",)
    return ["ret = %s;" % call, "return ret;"], ("ret",)


def tail(r):
    """A tail: (statements, locals, tags)."""
    kind = r.choice(["none", "remap", "remap", "remap", "iomap", "pages",
                     "mappages", "generic"])
    if kind == "none":
        return ["return 0;"], (), set()
    if kind == "remap":
        fn = r.choice(["remap_pfn_range", "io_remap_pfn_range"])
        start, size = r.choice([
            ("{V}->vm_start", "{V}->vm_end - {V}->vm_start"),
            ("{V}->vm_start", "vma_pages({V}) << PAGE_SHIFT"),
            ("{V}->vm_start", "size"),
            ("{V}->vm_start", "PAGE_SIZE"),
            ("{V}->vm_start", "3000"),
            ("{V}->vm_start", "dev->nr << PAGE_SHIFT"),
            ("{V}->vm_start + PAGE_SIZE", "{V}->vm_end - {V}->vm_start - PAGE_SIZE"),
        ])
        prot = r.choice(["{V}->vm_page_prot", "{V}->vm_page_prot",
                         "pgprot_noncached({V}->vm_page_prot)"])
        call = "%s({V}, %s, dev->pfn + {V}->vm_pgoff, %s, %s)" % (fn, start, size, prot)
        st, loc = finish(call, r.choice(["return", "if", "ret-if", "ret"]),
                         r.choice(["-EAGAIN", "-EINVAL", "-ENOMEM"]))
        # The PFNs stay the device's when the remap is the mapping's size.
        return st, loc + (("size",) if size == "size" else ()), {"pfn"}
    if kind == "iomap":
        phys, size = r.choice([("dev->phys", "dev->nr << PAGE_SHIFT"),
                               ("dev->phys", "PAGE_SIZE"),
                               ("dev->phys + PAGE_SIZE", "2 * PAGE_SIZE")])
        call = "vm_iomap_memory({V}, %s, %s)" % (phys, size)
        st, loc = finish(call, r.choice(["return", "if", "ret-if"]),
                         r.choice(["-EINVAL", "-EINVAL", "-EIO"]))
        return st, loc, set()
    if kind == "pages":
        count = r.choice(["n", "one"])
        call = "vm_insert_pages({V}, {V}->vm_start, dev->pages, &n)"
        st, loc = finish(call, r.choice(["return", "ret-if", "ret"]), "")
        if count == "n":
            st = ["if (n > dev->nr)\n\t\treturn -EINVAL;"] + st
        return st, loc + (count,), set()
    if kind == "mappages":
        fn = r.choice(["vm_map_pages", "vm_map_pages_zero"])
        call = "%s({V}, dev->pages, dev->nr)" % fn
        st, loc = finish(call, r.choice(["return", "ret-if", "ret"]), "")
        return st, loc, set()
    fn = r.choice(["generic_file_mmap", "generic_file_readonly_mmap"])
    if r.random() < 0.5:
        return ["return %s({F}, {V});" % fn], (), {"page_cache"}
    # ubifs, v9fs: its result tested, then the handler's own vm_ops.
    return ["ret = %s({F}, {V});" % fn, "if (ret)\n\t\treturn ret;",
            "{V}->vm_ops = &mpg_vm_ops;", "return 0;"], ("ret",), {"page_cache"}


def locked(b):
    """Statement b with mpg_lock released before each of its returns."""
    lines, out = b.split("\n\t"), []
    i = 0
    while i < len(lines):
        ln = lines[i]
        ind = ln[:len(ln) - len(ln.lstrip("\t"))]
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if ln.lstrip().startswith("if (") and ln.endswith(")") and \
                nxt.lstrip().startswith("return "):
            out += [ln + " {", ind + "\tmutex_unlock(&mpg_lock);", nxt, ind + "}"]
            i += 2
            continue
        if ln.lstrip().startswith("return "):
            out.append(ind + "mutex_unlock(&mpg_lock);")
        out.append(ln)
        i += 1
    return "\n\t".join(out)


def handler(r, n):
    """The text of handler n and its file_operations, and its tags."""
    body, locs, tags = [], [], set()

    def take(pool, lo, hi):
        for code, loc, tg in r.sample(pool, r.randint(lo, hi)):
            body.append(code)
            locs.extend(loc)
            tags.update(tg)

    take(CHECKS, 0, 2)
    take(FLAG_CHECKS, 0, 2)
    # A flag change, before or after the checks' guard.
    if r.random() < 0.5:
        change = r.sample(FLAG_CHANGES, r.randint(1, 2))
        for code, loc, tg in change:
            body.insert(r.randint(0, len(body)), code)
            locs.extend(loc)
    take(PROTS, 0, 1)
    take(OPS, 0, 1)
    st, loc, tg = tail(r)
    locs.extend(loc)
    tags.update(tg)
    # PFN remaps stay inside the device's pages.
    if "pfn" in tags and "bound" not in tags:
        body.insert(0, CHECKS[0][0])
    body.extend(st)
    # resctrl: the whole handler under a lock, released on every return.
    if r.random() < 0.25:
        body = ["mutex_lock(&mpg_lock);"] + [locked(b) for b in body]
    decl = ["struct mpc_dev *dev = {F}->private_data;"]
    for name in ("size", "n", "one", "wr", "ret"):
        if name in locs:
            decl.append(LOCALS[name])
    F = r.choice(["file", "filp"])
    V = r.choice(["vma", "vma", "area"])
    text = "static int mpg_%d_mmap(struct file *{F}, struct vm_area_struct *{V})\n{\n" % n
    text += "".join("\t%s\n" % d for d in decl) + "\n"
    text += "".join("\t%s\n" % b for b in body)
    text += "}\n\nstatic const struct file_operations mpg_%d_fops = {\n\t.mmap = mpg_%d_mmap,\n};\n" % (n, n)
    return text.replace("{F}", F).replace("{V}", V), "page_cache" in tags


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: gen.py SEED COUNT OUT.c")
    seed, count, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    r = random.Random(seed)
    seen, units = set(), []
    tries = 0
    while len(units) < count:
        tries += 1
        if tries > 100 * count:
            sys.exit("gen.py: cannot make %d distinct handlers" % count)
        text, pc = handler(r, len(units))
        key = text.replace("mpg_%d_" % len(units), "mpg_N_")
        if key in seen:
            continue
        seen.add(key)
        units.append("/* mpg %d %d */\n%s" % (len(units), int(pc), text))
    with open(out, "w") as f:
        f.write(PROLOGUE + "\n" + "\n".join(units))


if __name__ == "__main__":
    main()
