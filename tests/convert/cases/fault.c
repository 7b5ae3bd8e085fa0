static const struct vm_operations_struct foo_vm_ops = {
	.fault = foo_fault,
};

static int foo_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct foo *foo = file->private_data;

	if (vma->vm_pgoff)
		return -EINVAL;
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_flags & VM_EXEC)
		return -EPERM;
	vma->vm_ops = &foo_vm_ops;
	vma->vm_private_data = foo;
	vm_flags_set(vma, VM_DONTEXPAND | VM_DONTDUMP);
	vm_flags_clear(vma, VM_MAYEXEC);
	return 0;
}

static const struct file_operations foo_fops = {
	.owner = THIS_MODULE,
	.mmap = foo_mmap,
};
