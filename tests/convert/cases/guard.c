/* Clearing VM_MAYWRITE needs a VM_WRITE refusal on every path before it. */
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
