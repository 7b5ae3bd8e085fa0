// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * make bench's exact counts: one mmap_region() of the userland VMA harness
 * (tools/testing/vma, which compiles the tree's mm/vma.c), run under
 * valgrind's callgrind, which counts the instructions of that call. The
 * program counts the VMAs allocated and freed during the call itself.
 *
 * Built inside a copy of a tree's tools/testing/vma, without the
 * harness's sanitizers (callgrind cannot run them). HAVE_MMAP_PREPARE is
 * defined for a tree whose file_operations have .mmap_prepare.
 *
 * Usage: vma_count CASE, CASE one of anon, anon-merge, mmap, mmap-merge,
 * prepare, prepare-merge. Prints
 *   vma_count CASE allocs=A frees=F vmas=N
 * N being the VMAs in the tree afterwards (the uncounted warm-up mapping
 * included). Exits 1 on a failed mapping.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Every calloc() and free() of the harness and mm/vma.c goes through these. */
static void *count_calloc(size_t n, size_t size);
static void count_free(void *p);
#define calloc count_calloc
#define free count_free
#define main vma_harness_main
#include "vma.c"
#undef main
#undef calloc
#undef free

#ifndef VM_MAYSHARE		/* not in the harness before the series */
#define VM_MAYSHARE	0x00000080
#endif

static int counting;
static unsigned long allocs, frees;
static void *live[64];

static void *count_calloc(size_t n, size_t size)
{
	void *p = calloc(n, size);
	int i;

	if (p && counting && size == sizeof(struct vm_area_struct)) {
		allocs++;
		for (i = 0; i < 64; i++)
			if (!live[i]) {
				live[i] = p;
				break;
			}
	}
	return p;
}

static void count_free(void *p)
{
	int i;

	for (i = 0; p && i < 64; i++)
		if (live[i] == p) {
			live[i] = NULL;
			frees++;
		}
	free(p);
}

static const struct vm_operations_struct vc_vm_ops;

static int vc_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &vc_vm_ops;
	return 0;
}

static const struct file_operations vc_mmap_fops = {
	.mmap = vc_mmap,
};

#ifdef HAVE_MMAP_PREPARE
static int vc_mmap_prepare(struct vm_area_desc *desc)
{
	desc->vm_ops = &vc_vm_ops;
	return 0;
}

static const struct file_operations vc_prepare_fops = {
	.mmap_prepare = vc_mmap_prepare,
};
#endif

/*
 * The call callgrind counts (--toggle-collect=vc_measured): mmap_region()
 * and this function's few instructions, the same on every tree.
 */
static noinline unsigned long
vc_measured(struct file *file, unsigned long addr, unsigned long len,
	    vm_flags_t flags, unsigned long pgoff)
{
	return mmap_region(file, addr, len, flags, pgoff, NULL);
}

int main(int argc, char **argv)
{
	const char *c = argc == 2 ? argv[1] : "";
	vm_flags_t flags = VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE;
	struct address_space mapping = {};
	struct file file = { .f_mapping = &mapping };
	struct file *f = &file;
	struct mm_struct mm = {};
	struct vm_area_struct *prev;
	int merge = !!strstr(c, "-merge");
	unsigned long addr;

	VMA_ITERATOR(vmi, &mm, 0);

	maple_tree_init();
	if (!strncmp(c, "anon", 4)) {
		f = NULL;
	} else if (!strncmp(c, "mmap", 4)) {
		file.f_op = &vc_mmap_fops;
		flags |= VM_SHARED | VM_MAYSHARE;
#ifdef HAVE_MMAP_PREPARE
	} else if (!strncmp(c, "prepare", 7)) {
		file.f_op = &vc_prepare_fops;
		flags |= VM_SHARED | VM_MAYSHARE;
#endif
	} else {
		fprintf(stderr, "vma_count: unknown case '%s'\n", c);
		return 2;
	}
	__current.mm = &mm;
	/* A compatible VMA just below: the mapping merges with it. */
	if (merge) {
		/* A private writable anonymous mapping gets VM_ACCOUNT. */
		prev = alloc_and_link_vma(&mm, 0x1000, 0x3000, 1,
					  f ? flags : flags | VM_ACCOUNT);
		if (!prev)
			return 1;
		if (f) {
			prev->vm_file = get_file(f);
			prev->vm_ops = &vc_vm_ops;
		}
	}
	/*
	 * A first mapping far away, not counted: the allocator's and the
	 * harness's first-call costs are paid before the one measured.
	 */
	if (mmap_region(f, 0x100000, 0x2000, flags, 0x100, NULL) != 0x100000) {
		fprintf(stderr, "vma_count: %s: the warm-up mapping failed\n", c);
		return 1;
	}
	counting = 1;
	addr = vc_measured(f, 0x3000, 0x2000, flags, 3);
	counting = 0;
	if (addr != 0x3000) {
		fprintf(stderr, "vma_count: %s: mmap_region() returned %ld\n", c,
			(long)addr);
		return 1;
	}
	printf("vma_count %s allocs=%lu frees=%lu vmas=%d\n", c, allocs, frees,
	       mm.map_count);
	cleanup_mm(&mm, &vmi);
	return 0;
}
