/* Clearing VM_MAYWRITE needs a VM_WRITE refusal on every path to it. */
static int nested_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma->vm_flags & VM_SHARED) {
		if (vma->vm_flags & VM_WRITE)
			return -EPERM;
	}
	vm_flags_clear(vma, VM_MAYWRITE);
	vma->vm_ops = &g_vm_ops;
	return 0;
}

static int cap_mmap(struct file *file, struct vm_area_struct *vma)
{
	if ((vma->vm_flags & VM_WRITE) && !capable(CAP_SYS_ADMIN))
		return -EPERM;
	vm_flags_clear(vma, VM_MAYWRITE);
	vma->vm_ops = &g_vm_ops;
	return 0;
}

static int else_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma->vm_pgoff)
		vma->vm_ops = &g_vm_ops;
	else if (vma->vm_flags & VM_WRITE)
		return -EPERM;
	vm_flags_clear(vma, VM_MAYWRITE);
	return 0;
}

static int after_mmap(struct file *file, struct vm_area_struct *vma)
{
	vm_flags_clear(vma, VM_MAYWRITE);
	if (vma->vm_flags & VM_WRITE)
		return -EPERM;
	vma->vm_ops = &g_vm_ops;
	return 0;
}

/* Converted: an early return first, then the guard, then the clear. */
static int ok_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma->vm_pgoff)
		return -EINVAL;
	if ((vma->vm_flags & (VM_WRITE | VM_EXEC)) || vma_pages(vma) > 4)
		return -EPERM;
	vm_flags_clear(vma, VM_MAYWRITE | VM_MAYEXEC);
	vma->vm_ops = &g_vm_ops;
	return 0;
}

/* open-dice: the guard and the clear in one block. */
static int dice_mmap(struct file *filp, struct vm_area_struct *vma)
{
	if (vma->vm_flags & VM_MAYSHARE) {
		/* Do not allow userspace to modify the underlying data. */
		if (vma->vm_flags & VM_WRITE)
			return -EPERM;
		/* Ensure userspace cannot acquire VM_WRITE later. */
		vm_flags_clear(vma, VM_MAYWRITE);
	}
	vma->vm_page_prot = pgprot_writecombine(vma->vm_page_prot);
	vm_flags_set(vma, VM_DONTCOPY | VM_DONTDUMP);
	return vm_iomap_memory(vma, dice_base, dice_size);
}

/* Refused: the clear outside the block of the guard. */
static int out_mmap(struct file *filp, struct vm_area_struct *vma)
{
	if (vma->vm_flags & VM_MAYSHARE) {
		if (vma->vm_flags & VM_WRITE)
			return -EPERM;
	}
	vm_flags_clear(vma, VM_MAYWRITE);
	return 0;
}

/* Converted: the guard first, the clear in a nested block. */
static int in_mmap(struct file *filp, struct vm_area_struct *vma)
{
	if (vma->vm_flags & VM_WRITE)
		return -EPERM;
	if (vma->vm_flags & VM_MAYSHARE) {
		vm_flags_clear(vma, VM_MAYWRITE);
	}
	return 0;
}

static const struct file_operations nested_fops = {
	.mmap = nested_mmap,
};
static const struct file_operations cap_fops = {
	.mmap = cap_mmap,
};
static const struct file_operations else_fops = {
	.mmap = else_mmap,
};
static const struct file_operations after_fops = {
	.mmap = after_mmap,
};
static const struct file_operations ok_fops = {
	.mmap = ok_mmap,
};
static const struct file_operations dice_fops = {
	.mmap = dice_mmap,
};
static const struct file_operations out_fops = {
	.mmap = out_mmap,
};
static const struct file_operations in_fops = {
	.mmap = in_mmap,
};
