static int full_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct bar *bar = file->private_data;
	unsigned long size = vma->vm_end - vma->vm_start;

	if (size > bar->size)
		return -EINVAL;
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	return remap_pfn_range(vma, vma->vm_start, bar->phys >> PAGE_SHIFT,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static int part_mmap(struct file *filp, struct vm_area_struct *vma)
{
	struct bar *bar = filp->private_data;
	int ret;

	if (vma_pages(vma) > 1)
		return -EINVAL;
	ret = io_remap_pfn_range(vma, vma->vm_start, bar->pfn + vma->vm_pgoff,
				 PAGE_SIZE, pgprot_noncached(vma->vm_page_prot));
	if (ret)
		return ret;
	return 0;
}

static int again_mmap(struct file *file, struct vm_area_struct *vma)
{
	vm_flags_set(vma, VM_IO);
	if (remap_pfn_range(vma, vma->vm_start, vma->vm_pgoff,
			    vma->vm_end - vma->vm_start, vma->vm_page_prot))
		return -EAGAIN;
	return 0;
}

static const struct file_operations full_fops = {
	.mmap = full_mmap,
};
static const struct file_operations part_fops = {
	.mmap = part_mmap,
};
static const struct file_operations again_fops = {
	.mmap = again_mmap,
};
