/* Two handlers in one file, one refused; a handler with two tails. */
static int bad_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct m *m = file->private_data;

	m->users++;
	return remap_pfn_range(vma, vma->vm_start, m->pfn,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static int two_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct m *m = file->private_data;

	if (vma->vm_end < vma->vm_start)
		return -EINVAL;
	if (vma->vm_pgoff == 0)
		return remap_pfn_range(vma, vma->vm_start, m->pfn,
				       vma->vm_end - vma->vm_start,
				       vma->vm_page_prot);
	return io_remap_pfn_range(vma, vma->vm_start, m->io_pfn,
				  vma->vm_end - vma->vm_start,
				  pgprot_noncached(vma->vm_page_prot));
}

static const struct file_operations bad_fops = {
	.mmap = bad_mmap,
};

static const struct file_operations two_fops = {
	.mmap = two_mmap,
};
