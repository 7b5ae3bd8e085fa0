// SPDX-License-Identifier: GPL-2.0-only
///
/// Convert f_op->mmap handlers to f_op->mmap_prepare where the conversion is
/// mechanical, and report every other handler with the reason it was left.
///
/// A handler converts when everything it does to the VMA can be said on a
/// struct vm_area_desc before the VMA exists: set vm_ops, vm_private_data,
/// page_prot or pgoff, change the flags, read start/end/pgoff/flags/file,
/// and, as its last act, ask for one remap_pfn_range(), io_remap_pfn_range()
/// or vm_iomap_memory() (which become mmap_action_*() requests performed by
/// the mm once the VMA is in place), or return generic_file_mmap(file, vma)
/// (or the readonly form).  .mmap = generic_file_mmap and
/// generic_file_readonly_mmap become their _prepare forms.
///
/// A handler is refused (reported, never patched) when it passes the VMA to
/// any other function, stores it, reads vm_ops or vm_private_data, writes a
/// field of the VMA that the descriptor has read-only, takes a reference or
/// allocates (that belongs in vm_ops->mapped()), writes any state outside
/// its locals, touches user memory, uses the result of the remap or runs
/// code after it, changes a flag that vma_desc_check() refuses, is not
/// static, is used other than as .mmap of a file_operations, or already
/// has a local named desc.
///
/// Report lines: "FILE:LINE: mmap handler NAME not converted: REASON; ..."
/// or "FILE:LINE: mmap handler NAME can be converted to mmap_prepare".
///
/// See Documentation/mm/mmap_prepare.rst.
///
// Confidence: Moderate
// Comments: The result is meant for review: check the errno of each
//  refusal path and the page protection; a remap whose result was turned
//  into a constant errno gets desc->action.error_override.
// Options: --no-includes

virtual patch
virtual context
virtual org
virtual report

@initialize:python@
@@
import re

# (file, handler) -> list of (line, reason)
refused = {}
# (file, handler) -> line of the definition
handlers = {}
# positions (file, line, col) of VMA uses that have a descriptor form
allowed = set()
# positions of remap/iomap calls that are in a tail the action can replace
tails = set()
statics = set()
# positions of ".mmap = fn" in a file_operations initializer
fopspos = set()
# reasons attached to positions of vma passed to a function
vcalls = {}
linecache = {}

def key(p):
    return (p[0].file, p[0].line, p[0].column)

# (file, handler) -> name of its vm_area_struct parameter
vmaname = {}

def handler_of(p, v=None):
    k = (p[0].file, p[0].current_element)
    if k not in handlers:
        return None
    if v is not None and str(vmaname.get(k)).strip() != str(v).strip():
        return None
    return k

def refuse_at(p, reason, v=None):
    k = handler_of(p, v)
    if k is None:
        return
    refused.setdefault(k, []).append((p[0].line, reason))

def code(p):
    f = p[0].file
    if f not in linecache:
        try:
            linecache[f] = open(f).read().split("\n")
        except Exception:
            linecache[f] = []
    lines = linecache[f]
    l = int(p[0].line)
    if 0 < l <= len(lines):
        return " ".join(lines[l - 1].split())
    return "?"

FULL_SIZES = ("vma_desc_size(desc)", "(vma_desc_size(desc))",
              "vma_desc_pages(desc) << PAGE_SHIFT",
              "(vma_desc_pages(desc) << PAGE_SHIFT)",
              "vma_desc_pages(desc) * PAGE_SIZE",
              "PAGE_SIZE * vma_desc_pages(desc)")

# file parameter names, (file, handler) -> name
fpname = {}

def to_desc(k, e):
    """Rewrite the text of an argument from the VMA to the descriptor."""
    e = " ".join(str(e).split())
    e = re.sub(r"\s*->\s*", "->", e)
    e = re.sub(r"\s*\.\s*(?=[A-Za-z_])", ".", e)
    e = re.sub(r"\(\s*", "(", e)
    e = re.sub(r"\s*\)", ")", e)
    e = re.sub(r"\s*,\s*", ", ", e)
    e = re.sub(r"(\w)\s+\(", r"\1(", e)
    v = re.escape(vmaname.get(k, "vma"))
    e = re.sub(r"\(\s*%s->vm_end\s*-\s*%s->vm_start\s*\)\s*>>\s*PAGE_SHIFT" % (v, v),
               "vma_desc_pages(desc)", e)
    e = re.sub(r"%s->vm_end\s*-\s*%s->vm_start" % (v, v), "vma_desc_size(desc)", e)
    e = re.sub(r"\bvma_pages\(\s*%s\s*\)" % v, "vma_desc_pages(desc)", e)
    for old, new in (("vm_start", "start"), ("vm_end", "end"),
                     ("vm_pgoff", "pgoff"), ("vm_flags", "vm_flags"),
                     ("vm_page_prot", "page_prot"), ("vm_file", "file"),
                     ("vm_mm", "mm")):
        e = re.sub(r"\b%s->%s\b" % (v, old), "desc->" + new, e)
    f = fpname.get(k)
    if f:
        e = re.sub(r"(?<![\w>.])%s\b" % re.escape(f), "desc->file", e)
    return e

# flags a hook may not set or clear: mm/vma.h vma_desc_check()
BAD_SET = ("VM_MAYWRITE", "VM_SHARED", "VM_MAYSHARE", "VM_ACCOUNT",
           "VM_LOCKED", "VM_LOCKONFAULT", "VM_WRITE", "VM_EXEC")
BAD_CLEAR = ("VM_SHARED", "VM_MAYSHARE", "VM_ACCOUNT")
# handlers that return early on VM_WRITE / VM_EXEC
guards = set()

def check_flags(p, v, e, clear):
    t = str(e)
    names = re.findall(r"[A-Za-z_]\w*", t)
    if not names or any(not n.startswith("VM_") for n in names):
        refuse_at(p, "flags %s are not a set of VM_* constants" % " ".join(t.split()), v)
        return
    k = handler_of(p, v)
    for n in names:
        if not clear and n in BAD_SET:
            refuse_at(p, "sets %s, which a hook may not (mmap() would fail with -EINVAL)" % n, v)
        if clear and n in BAD_CLEAR:
            refuse_at(p, "clears %s, which a hook may not (mmap() would fail with -EINVAL)" % n, v)
        if clear and n in ("VM_MAYWRITE", "VM_MAYEXEC"):
            need = "VM_WRITE" if n == "VM_MAYWRITE" else "VM_EXEC"
            if (k, need) not in guards:
                refuse_at(p, "clears %s without first refusing %s (mmap() would fail with -EINVAL where .mmap succeeded)" % (n, need), v)

def reasons(k):
    out = []
    for (l, r) in refused.get(k, []):
        if r not in out:
            out.append(r)
    return out

//----------------------------------------------------------
// Find the handlers: .mmap = fn in a struct file_operations.
//----------------------------------------------------------

@fops@
identifier fo;
identifier fn != {generic_file_mmap, generic_file_readonly_mmap, NULL};
position pf;
@@
(
 const struct file_operations fo = { ..., .mmap = fn@pf, ... };
|
 struct file_operations fo = { ..., .mmap = fn@pf, ... };
)

@script:python@
pf << fops.pf;
@@
fopspos.add(key(pf))

@h@
identifier fops.fn, fp, vm;
position ph;
@@
int fn@ph(struct file *fp, struct vm_area_struct *vm) { ... }

@hs@
identifier fops.fn, fp, vm;
position ps;
@@
static int fn@ps(struct file *fp, struct vm_area_struct *vm) { ... }

@script:python@
fn << fops.fn;
ph << h.ph;
v << h.vm;
f << h.fp;
@@
handlers[(ph[0].file, fn)] = int(ph[0].line)
vmaname[(ph[0].file, fn)] = v
fpname[(ph[0].file, fn)] = f

@script:python@
fn << fops.fn;
ps << hs.ps;
@@
statics.add((ps[0].file, fn, ps[0].line))

// Not static: another file may call it or take its address.
@script:python@
fn << fops.fn;
ph << h.ph;
@@
k = (ph[0].file, fn)
if (ph[0].file, fn, ph[0].line) not in statics:
    refused.setdefault(k, []).append((ph[0].line, "handler is not static"))

// A .mmap whose handler is not defined here (or not in the usual form).
@script:python depends on report@
fn << fops.fn;
pf << fops.pf;
@@
if (pf[0].file, fn) not in handlers:
    print("%s:%s: mmap handler %s not converted: not defined in this file as int %s(struct file *, struct vm_area_struct *)" %
          (pf[0].file, pf[0].line, fn, fn))

// Used other than as .mmap of a file_operations.
@fnuse@
identifier fops.fn;
position pu;
@@
fn@pu

@script:python@
fn << fops.fn;
pu << fnuse.pu;
@@
k = (pu[0].file, fn)
if k in handlers and key(pu) not in fopspos:
    refused.setdefault(k, []).append((pu[0].line,
        "handler is used other than as .mmap of a file_operations (%s)" % code(pu)))

// The descriptor parameter will be called desc.
@dcol@
position p;
@@
desc@p

@script:python@
p << dcol.p;
@@
refuse_at(p, "handler already uses the name desc")

// The VMA uses that have a descriptor form.  One rule per kind of use:
// a match nested in another match of the same rule is not reported.
@ok1@
idexpression struct vm_area_struct *vma;
position p;
@@
 vma@p->\(vm_start\|vm_end\|vm_pgoff\|vm_flags\|vm_page_prot\|vm_file\|vm_mm\)

@ok2@
idexpression struct vm_area_struct *vma;
expression E;
position p;
@@
 vma@p->\(vm_ops\|vm_private_data\) = E

@ok3@
idexpression struct vm_area_struct *vma;
position p;
@@
 vma_pages(vma@p)

@ok4@
idexpression struct vm_area_struct *vma;
expression E, E1, E2, E3, E4;
position p;
@@
(
 vm_flags_set(vma@p, E)
|
 vm_flags_clear(vma@p, E)
|
 vm_flags_mod(vma@p, E1, E2)
|
 remap_pfn_range(vma@p, E1, E2, E3, E4)
|
 io_remap_pfn_range(vma@p, E1, E2, E3, E4)
|
 vm_iomap_memory(vma@p, E1, E2)
)

// return generic_file_mmap(file, vma) as the handler's last act.
@okg@
idexpression struct vm_area_struct *vma;
identifier g = {generic_file_mmap, generic_file_readonly_mmap};
expression F;
position p;
@@
 return g(F, vma@p);

@script:python@
p << okg.p;
F << okg.F;
@@
k = handler_of(p)
if k is not None and str(F).strip() == str(fpname.get(k)).strip():
    allowed.add(key(p))

@script:python@
p << ok1.p;
@@
allowed.add(key(p))

@script:python@
p << ok2.p;
@@
allowed.add(key(p))

@script:python@
p << ok3.p;
@@
allowed.add(key(p))

@script:python@
p << ok4.p;
@@
allowed.add(key(p))

// Fields the descriptor has read-only, or that cannot be written at all.
@ro@
idexpression struct vm_area_struct *vma;
expression E;
position p;
assignment operator aop;
@@
(
 vma@p->\(vm_start\|vm_end\|vm_file\|vm_mm\|vm_flags\) aop E
|
 vma@p->\(vm_start\|vm_end\|vm_file\|vm_mm\|vm_flags\) ++
|
 vma@p->\(vm_start\|vm_end\|vm_file\|vm_mm\|vm_flags\) --
|
 &vma@p->\(vm_start\|vm_end\|vm_file\|vm_mm\|vm_flags\|vm_pgoff\)
)

@script:python@
p << ro.p;
v << ro.vma;
@@
refuse_at(p, "writes or takes the address of a VMA field the descriptor has read-only (%s)" % code(p), v)

// Flag changes the descriptor check would refuse (mm/vma.h).
@gw@
expression C, R;
position p;
@@
 if@p (C) return R;

@script:python@
p << gw.p;
C << gw.C;
@@
k = handler_of(p)
t = str(C)
if k is not None and "vm_flags" in t:
    for n in ("VM_WRITE", "VM_EXEC"):
        if re.search(r"\b%s\b" % n, t):
            guards.add((k, n))

@fls@
idexpression struct vm_area_struct *vma;
expression E;
position p;
@@
 vm_flags_set@p(vma, E)

@script:python@
p << fls.p;
v << fls.vma;
E << fls.E;
@@
check_flags(p, v, E, False)

@flc@
idexpression struct vm_area_struct *vma;
expression E;
position p;
@@
 vm_flags_clear@p(vma, E)

@script:python@
p << flc.p;
v << flc.vma;
E << flc.E;
@@
check_flags(p, v, E, True)

@flm@
idexpression struct vm_area_struct *vma;
expression E, E1;
position p;
@@
 vm_flags_mod@p(vma, E, E1)

@script:python@
p << flm.p;
v << flm.vma;
E << flm.E;
E1 << flm.E1;
@@
check_flags(p, v, E, False)
check_flags(p, v, E1, True)

// The VMA passed to a function: name the function in the reason.
@vcall@
idexpression struct vm_area_struct *vma;
identifier f;
expression list es1, es2;
position p;
@@
f(es1, vma@p, es2)

@script:python@
p << vcall.p;
f << vcall.f;
@@
vcalls[key(p)] = f

// Every other use of the VMA.
@vuse@
idexpression struct vm_area_struct *vma;
position p;
@@
vma@p

@script:python@
p << vuse.p;
v << vuse.vma;
@@
if key(p) not in allowed:
    if key(p) in vcalls:
        refuse_at(p, "passes the VMA to %s()" % vcalls[key(p)], v)
    else:
        refuse_at(p, "uses the VMA (%s)" % code(p), v)

// The remap must be the last thing the handler does, its result returned
// or turned into a constant errno.
@tail@
idexpression struct vm_area_struct *vma;
identifier ret;
expression list es;
constant C;
identifier rf = {remap_pfn_range, io_remap_pfn_range};
position p;
@@
(
 return rf@p(vma, es);
|
 if (\(rf@p(vma, es)\|rf@p(vma, es) < 0\|rf@p(vma, es) != 0\)) return -C;
 return 0;
|
 ret = rf@p(vma, es);
 if (\(ret\|ret < 0\|ret != 0\)) return ret;
 return 0;
|
 ret = rf@p(vma, es);
 return ret;
)

@script:python@
p << tail.p;
@@
tails.add(key(p))

// vm_iomap_memory() fails at prepare time only with -EINVAL, and the
// action checks the range at prepare time: a constant errno other than
// -EINVAL would change.
@tailio@
idexpression struct vm_area_struct *vma;
identifier ret;
expression list es;
position p;
@@
(
 return vm_iomap_memory@p(vma, es);
|
 if (\(vm_iomap_memory@p(vma, es)\|vm_iomap_memory@p(vma, es) < 0\|vm_iomap_memory@p(vma, es) != 0\)) return -EINVAL;
 return 0;
|
 ret = vm_iomap_memory@p(vma, es);
 if (\(ret\|ret < 0\|ret != 0\)) return ret;
 return 0;
|
 ret = vm_iomap_memory@p(vma, es);
 return ret;
)

@script:python@
p << tailio.p;
@@
tails.add(key(p))

@acall@
idexpression struct vm_area_struct *vma;
identifier rf = {remap_pfn_range, io_remap_pfn_range, vm_iomap_memory};
position p;
@@
rf@p(vma, ...)

@script:python@
p << acall.p;
rf << acall.rf;
v << acall.vma;
@@
if key(p) not in tails:
    refuse_at(p, v=v, reason="%s() is not the handler's last act (its result is used, code runs after it, it is called in a loop or more than once, or its failure is handled other than by returning the error)" % rf)

// State a mapping would own: references, allocations, counts, user memory.
@res@
identifier f =~ "^(kref_get|kref_get_unless_zero|get_device|put_device|get_file|fget|get_page|get_user_pages|pin_user_pages|try_module_get|__module_get|refcount_inc|refcount_inc_not_zero|refcount_add|atomic_inc|atomic_add|atomic_dec|atomic_sub|atomic_inc_return|atomic_add_return|atomic_inc_not_zero|atomic_long_inc|atomic_long_add|atomic64_inc|atomic64_add|kmalloc|kzalloc|kcalloc|kmalloc_array|kvmalloc|kvzalloc|kvcalloc|vmalloc|vzalloc|vmalloc_user|kmem_cache_alloc|kmem_cache_zalloc|devm_kzalloc|devm_kmalloc|alloc_page|alloc_pages|__get_free_page|__get_free_pages|get_zeroed_page|dma_alloc_coherent|dma_alloc_attrs|list_add|list_add_tail|list_add_rcu|hlist_add_head|pm_runtime_get|pm_runtime_get_sync|pm_runtime_resume_and_get|pm_runtime_get_noresume|mmgrab|mmget|get_task_struct|get_pid|copy_to_user|__copy_to_user|put_user|__put_user|clear_user|__clear_user|xa_store|xa_insert|idr_alloc|ida_alloc|kfree|vfree|fput)$";
position p;
@@
f@p(...)

@script:python@
p << res.p;
f << res.f;
@@
refuse_at(p, "calls %s(): the hook must take no reference, allocate nothing and touch no user memory (that belongs in vm_ops->mapped())" % f)

// Calls that write state the mapping would own (a flag meaning "mapped").
@res2@
identifier f =~ "^(set_bit|__set_bit|test_and_set_bit|clear_bit|__clear_bit|test_and_clear_bit|set_inode_flag|clear_inode_flag|atomic_set|atomic_long_set|atomic64_set|WRITE_ONCE|smp_store_release|xchg|cmpxchg|try_cmpxchg)$";
position p;
@@
f@p(...)

@script:python@
p << res2.p;
f << res2.f;
@@
refuse_at(p, "calls %s(): writes state outside the descriptor (a hook keeps no state: convert by hand if that is harmless when the mapping fails)" % f)

// Writes to anything but locals and the VMA fields above: the hook keeps
// no state.
@wr@
local idexpression L;
expression E, E1;
position p;
assignment operator aop;
@@
(
 L aop E
|
 E1@p aop E
|
 L ++
|
 L --
|
 ++ L
|
 -- L
|
 E1@p ++
|
 E1@p --
|
 ++ E1@p
|
 -- E1@p
)

@script:python@
p << wr.p;
@@
if key(p) not in allowed:
  refuse_at(p, "writes state outside its locals (%s): a hook keeps no state" % code(p))

//----------------------------------------------------------
// Decide.
//----------------------------------------------------------

@script:python depends on report@
fn << fops.fn;
ph << h.ph;
@@
k = (ph[0].file, fn)
if k in refused:
    print("%s:%s: mmap handler %s not converted: %s" %
          (ph[0].file, ph[0].line, fn, "; ".join(reasons(k))))
else:
    print("%s:%s: mmap handler %s can be converted to mmap_prepare" %
          (ph[0].file, ph[0].line, fn))

@script:python depends on org@
fn << fops.fn;
ph << h.ph;
@@
k = (ph[0].file, fn)
if k in refused:
    msg = "mmap handler %s not converted: %s" % (fn, "; ".join(reasons(k)))
else:
    msg = "mmap handler %s can be converted to mmap_prepare" % fn
cocci.print_main(msg.replace("[", "@(").replace("]", ")"), ph)

@script:python good@
fn << fops.fn;
ph << h.ph;
newfn;
@@
k = (ph[0].file, fn)
if k in refused:
    cocci.include_match(False)
else:
    coccinelle.newfn = cocci.make_ident(fn + "_prepare")

@ctx depends on context && !patch@
identifier fops.fn;
identifier fo;
@@
 struct file_operations fo = { ...,
*  .mmap = fn,
 ...};

@ctxg depends on context && !patch@
identifier fo;
@@
 struct file_operations fo = { ...,
*  .mmap = \(generic_file_mmap\|generic_file_readonly_mmap\),
 ...};

//----------------------------------------------------------
// Patch: the tail becomes an action.  The arguments are rewritten to the
// descriptor in Python: + code made of metavariables bound to the
// original call would print the VMA forms again.
//----------------------------------------------------------

// The remaps that keep the VMA's protection, then those that change it.
@m1 depends on patch@
identifier fops.fn, h.vm, good.newfn;
identifier rf = {remap_pfn_range, io_remap_pfn_range};
expression V, S, PFN, SZ;
position p;
@@
 fn(...) { <...
 rf@p(V, S, PFN, SZ, vm->vm_page_prot)
 ...> }

@script:python k1@
rf << m1.rf;
S << m1.S;
PFN << m1.PFN;
SZ << m1.SZ;
p << m1.p;
call;
@@
k = handler_of(p)
act = "mmap_action_remap" if rf == "remap_pfn_range" else "mmap_action_ioremap"
s_, pfn_, sz_ = (to_desc(k, x) for x in (S, PFN, SZ))
if s_ == "desc->start" and sz_ in FULL_SIZES:
    coccinelle.call = cocci.make_expr("%s_full(desc, %s)" % (act, pfn_))
else:
    coccinelle.call = cocci.make_expr("%s(desc, %s, %s, %s)" % (act, s_, pfn_, sz_))

@t1a depends on patch@
position m1.p;
expression k1.call;
identifier rf, ret;
expression list es;
constant C;
@@
(
- return rf@p(es);
+ call;
+ return 0;
|
- if (\(rf@p(es)\|rf@p(es) < 0\|rf@p(es) != 0\)) return -C;
+ call;
+ desc->action.error_override = -C;
  return 0;
|
- ret = rf@p(es);
- if (\(ret\|ret < 0\|ret != 0\)) return ret;
+ call;
  return 0;
|
- ret = rf@p(es);
- return ret;
+ call;
+ return 0;
)

@m2 depends on patch@
identifier fops.fn, h.vm, good.newfn;
identifier rf = {remap_pfn_range, io_remap_pfn_range};
expression V, S, PFN, SZ, P;
position p;
@@
 fn(...) { <...
 rf@p(V, S, PFN, SZ, P)
 ...> }

@script:python k2@
rf << m2.rf;
S << m2.S;
PFN << m2.PFN;
SZ << m2.SZ;
p << m2.p;
P << m2.P;
call;
pp;
@@
k = handler_of(p)
act = "mmap_action_remap" if rf == "remap_pfn_range" else "mmap_action_ioremap"
s_, pfn_, sz_ = (to_desc(k, x) for x in (S, PFN, SZ))
if s_ == "desc->start" and sz_ in FULL_SIZES:
    coccinelle.call = cocci.make_expr("%s_full(desc, %s)" % (act, pfn_))
else:
    coccinelle.call = cocci.make_expr("%s(desc, %s, %s, %s)" % (act, s_, pfn_, sz_))
coccinelle.pp = cocci.make_expr("desc->page_prot = %s" % to_desc(k, P))

@t1b depends on patch@
position m2.p;
expression k2.call;
expression k2.pp;
identifier rf, ret;
expression list es;
constant C;
@@
(
- return rf@p(es);
+ pp;
+ call;
+ return 0;
|
- if (\(rf@p(es)\|rf@p(es) < 0\|rf@p(es) != 0\)) return -C;
+ pp;
+ call;
+ desc->action.error_override = -C;
  return 0;
|
- ret = rf@p(es);
- if (\(ret\|ret < 0\|ret != 0\)) return ret;
+ pp;
+ call;
  return 0;
|
- ret = rf@p(es);
- return ret;
+ pp;
+ call;
+ return 0;
)

@m3 depends on patch@
identifier fops.fn, good.newfn;
expression V, S, SZ;
position p;
@@
 fn(...) { <...
 vm_iomap_memory@p(V, S, SZ)
 ...> }

@script:python k3@
S << m3.S;
SZ << m3.SZ;
p << m3.p;
call;
@@
k = handler_of(p)
coccinelle.call = cocci.make_expr("mmap_action_simple_ioremap(desc, %s, %s)" %
                                  (to_desc(k, S), to_desc(k, SZ)))

@t1c depends on patch@
position m3.p;
expression k3.call;
identifier ret;
expression list es;
@@
(
- return vm_iomap_memory@p(es);
+ call;
+ return 0;
|
- if (\(vm_iomap_memory@p(es)\|vm_iomap_memory@p(es) < 0\|vm_iomap_memory@p(es) != 0\)) return -EINVAL;
+ call;
  return 0;
|
- ret = vm_iomap_memory@p(es);
- if (\(ret\|ret < 0\|ret != 0\)) return ret;
+ call;
  return 0;
|
- ret = vm_iomap_memory@p(es);
- return ret;
+ call;
+ return 0;
)

//----------------------------------------------------------
// Patch: a handler that ends in the generic page cache handler.
//----------------------------------------------------------

@tg depends on patch@
identifier fops.fn, h.fp, h.vm, good.newfn;
@@
 fn(...) { <...
(
- return generic_file_mmap(fp, vm);
+ return generic_file_mmap_prepare(desc);
|
- return generic_file_readonly_mmap(fp, vm);
+ return generic_file_readonly_mmap_prepare(desc);
)
 ...> }

//----------------------------------------------------------
// Patch: the VMA fields become descriptor fields.
//----------------------------------------------------------

@t2 depends on patch@
identifier fops.fn, h.vm, good.newfn;
@@
 fn(...) { <...
(
- (vm->vm_end - vm->vm_start) >> PAGE_SHIFT
+ vma_desc_pages(desc)
|
- (vm->vm_end - vm->vm_start)
+ vma_desc_size(desc)
|
- vm->vm_end - vm->vm_start
+ vma_desc_size(desc)
|
- vma_pages(vm)
+ vma_desc_pages(desc)
)
 ...> }

@t3_0 depends on patch@
identifier fops.fn, h.vm, good.newfn;
expression E, E1;
@@
 fn(...) { <...
- vm_flags_set(vm, E);
+ desc->vm_flags |= E;
 ...> }

@t3_1 depends on patch@
identifier fops.fn, h.vm, good.newfn;
expression E, E1;
@@
 fn(...) { <...
- vm_flags_clear(vm, E);
+ desc->vm_flags &= ~(E);
 ...> }

@t3_2 depends on patch@
identifier fops.fn, h.vm, good.newfn;
expression E, E1;
@@
 fn(...) { <...
- vm_flags_mod(vm, E, E1);
+ desc->vm_flags |= E;
+ desc->vm_flags &= ~(E1);
 ...> }

@t3_3 depends on patch@
identifier fops.fn, h.vm, good.newfn;
expression E, E1;
@@
 fn(...) { <...
- vm->vm_private_data
+ desc->private_data
 ...> }

@t3_4 depends on patch@
identifier fops.fn, h.vm, good.newfn;
expression E, E1;
@@
 fn(...) { <...
- vm->vm_ops
+ desc->vm_ops
 ...> }

@t3_5 depends on patch@
identifier fops.fn, h.vm, good.newfn;
expression E, E1;
@@
 fn(...) { <...
- vm->vm_start
+ desc->start
 ...> }

@t3_6 depends on patch@
identifier fops.fn, h.vm, good.newfn;
expression E, E1;
@@
 fn(...) { <...
- vm->vm_end
+ desc->end
 ...> }

@t3_7 depends on patch@
identifier fops.fn, h.vm, good.newfn;
expression E, E1;
@@
 fn(...) { <...
- vm->vm_pgoff
+ desc->pgoff
 ...> }

@t3_8 depends on patch@
identifier fops.fn, h.vm, good.newfn;
expression E, E1;
@@
 fn(...) { <...
- vm->vm_flags
+ desc->vm_flags
 ...> }

@t3_9 depends on patch@
identifier fops.fn, h.vm, good.newfn;
expression E, E1;
@@
 fn(...) { <...
- vm->vm_page_prot
+ desc->page_prot
 ...> }

@t3_10 depends on patch@
identifier fops.fn, h.vm, good.newfn;
expression E, E1;
@@
 fn(...) { <...
- vm->vm_file
+ desc->file
 ...> }

@t3_11 depends on patch@
identifier fops.fn, h.vm, good.newfn;
expression E, E1;
@@
 fn(...) { <...
- vm->vm_mm
+ desc->mm
 ...> }

// ~(VM_FOO) reads better as ~VM_FOO.
@t4 depends on patch@
identifier fops.fn, good.newfn, I;
@@
 fn(...) { <...
- ~(I)
+ ~I
 ...> }

// The page protection was vm->vm_page_prot already.
@t5 depends on patch@
identifier fops.fn, good.newfn;
@@
 fn(...) { <...
- desc->page_prot = desc->page_prot;
 ...> }

@t6 depends on patch@
identifier fops.fn, good.newfn;
expression PFN;
@@
 fn(...) { <...
(
- mmap_action_remap(desc, desc->start, PFN, vma_desc_size(desc));
+ mmap_action_remap_full(desc, PFN);
|
- mmap_action_remap(desc, desc->start, PFN, vma_desc_pages(desc) << PAGE_SHIFT);
+ mmap_action_remap_full(desc, PFN);
|
- mmap_action_ioremap(desc, desc->start, PFN, vma_desc_size(desc));
+ mmap_action_ioremap_full(desc, PFN);
|
- mmap_action_ioremap(desc, desc->start, PFN, vma_desc_pages(desc) << PAGE_SHIFT);
+ mmap_action_ioremap_full(desc, PFN);
)
 ...> }

// A return value variable the action made unused.
@t7 depends on patch@
identifier fops.fn, good.newfn, ret;
type T;
@@
 fn(...) {
 ... when != ret
(
- T ret;
|
- T ret = 0;
)
 ... when != ret
 }

//----------------------------------------------------------
// Patch: the file parameter, the signature, the file_operations.
//----------------------------------------------------------

@t8 depends on patch@
identifier fops.fn, h.fp, good.newfn;
@@
 fn(...) { <...
- fp
+ desc->file
 ...> }

@t9 depends on patch@
identifier fops.fn, h.fp, h.vm, good.newfn;
@@
 int
- fn(struct file *fp, struct vm_area_struct *vm)
+ newfn(struct vm_area_desc *desc)
 { ... }

@t10 depends on patch@
identifier fops.fn, good.newfn;
type T1, T2;
@@
 int
- fn(T1, T2);
+ newfn(struct vm_area_desc *desc);

@t11 depends on patch@
identifier fops.fn, good.newfn;
identifier fo;
@@
 struct file_operations fo = { ...,
 .
- mmap
+ mmap_prepare
 =
- fn
+ newfn
 ,
 ...};

//----------------------------------------------------------
// Patch: the generic page cache handlers.
//----------------------------------------------------------

@g1 depends on patch@
identifier fo;
@@
 struct file_operations fo = { ...,
 .
- mmap
+ mmap_prepare
 =
- generic_file_mmap
+ generic_file_mmap_prepare
 ,
 ...};

@g2 depends on patch@
identifier fo;
@@
 struct file_operations fo = { ...,
 .
- mmap
+ mmap_prepare
 =
- generic_file_readonly_mmap
+ generic_file_readonly_mmap_prepare
 ,
 ...};
