static const struct vm_operations_struct bar_vm_ops = {
	.fault = bar_fault,
};

/**
 * bar_mmap - map the bar's buffer
 * @file: the open bar
 * @vma: the VMA to set up, whose
 *	description goes on over two lines
 *
 * Only shared mappings.
 *
 * Return: 0, or -EINVAL for a private mapping.
 */
static int bar_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	vma->vm_ops = &bar_vm_ops;
	return 0;
}

static const struct file_operations bar_fops = {
	.owner		= THIS_MODULE,
	.mmap		= bar_mmap,
	.llseek		= noop_llseek,
};
