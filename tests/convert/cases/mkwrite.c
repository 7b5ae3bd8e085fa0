/* Kernel pages and write notification. */
struct kp {
	struct page **pages;
	unsigned long nr;
};

static const struct vm_operations_struct notify_vm_ops = {
	.fault = kp_fault,
	.page_mkwrite = kp_mkwrite,
};

static const struct vm_operations_struct plain_vm_ops = {
	.fault = kp_fault,
};

/* Refused: shared writable mappings would get write-protected pages. */
static int notify_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct kp *kp = file->private_data;

	vma->vm_ops = &notify_vm_ops;
	return vm_map_pages_zero(vma, kp->pages, kp->nr);
}

/* Refused: vm_ops defined elsewhere. */
static int extern_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct kp *kp = file->private_data;

	vma->vm_ops = &kp_extern_vm_ops;
	return vm_map_pages_zero(vma, kp->pages, kp->nr);
}

/* Converted: no mkwrite. */
static int plain_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct kp *kp = file->private_data;

	vma->vm_ops = &plain_vm_ops;
	return vm_map_pages_zero(vma, kp->pages, kp->nr);
}

/* Converted: page_mkwrite on a fault-based mapping is the same either way. */
static int fault_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &notify_vm_ops;
	vma->vm_private_data = file->private_data;
	return 0;
}

static const struct file_operations notify_fops = {
	.mmap = notify_mmap,
};
static const struct file_operations extern_fops = {
	.mmap = extern_mmap,
};
static const struct file_operations plain_fops = {
	.mmap = plain_mmap,
};
static const struct file_operations fault_fops = {
	.mmap = fault_mmap,
};
