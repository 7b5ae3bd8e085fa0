struct kp {
	struct page **pages;
	unsigned long nr;
};

static int ins_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct kp *kp = file->private_data;
	unsigned long n = vma_pages(vma);

	if (n > kp->nr)
		return -EINVAL;
	vm_flags_set(vma, VM_DONTEXPAND);
	return vm_insert_pages(vma, vma->vm_start, kp->pages, &n);
}

static int zero_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct kp *kp = file->private_data;

	return vm_map_pages_zero(vma, kp->pages, kp->nr);
}

static int off_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct kp *kp = file->private_data;
	int ret;

	ret = vm_map_pages(vma, kp->pages, kp->nr);
	if (ret)
		return ret;
	return 0;
}

/* Refused: the count is driver state that vm_insert_pages() writes. */
static int state_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct kp *kp = file->private_data;

	return vm_insert_pages(vma, vma->vm_start, kp->pages, &kp->nr);
}

/* Refused: code after the insertion. */
static int after_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct kp *kp = file->private_data;
	int ret;

	ret = vm_map_pages_zero(vma, kp->pages, kp->nr);
	pr_debug("mapped\n");
	return ret;
}

static const struct file_operations ins_fops = {
	.mmap = ins_mmap,
};
static const struct file_operations zero_fops = {
	.mmap = zero_mmap,
};
static const struct file_operations off_fops = {
	.mmap = off_mmap,
};
static const struct file_operations state_fops = {
	.mmap = state_mmap,
};
static const struct file_operations after_fops = {
	.mmap = after_mmap,
};
