static int proto_mmap(struct file *, struct vm_area_struct *);

static const struct file_operations proto_fops = {
	.owner		= THIS_MODULE,
	.mmap		= proto_mmap,
	.get_unmapped_area = extern_get_unmapped_area,
};

static const struct file_operations other_fops = {
	.mmap		= extern_mmap,
};

static int proto_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long off = vma->vm_pgoff << PAGE_SHIFT;
	int i, ret;

	if (off + (vma->vm_end - vma->vm_start) > proto_size)
		return -EINVAL;
	for (i = 0; i < 2; i++)
		off += i;
	ret = remap_pfn_range(vma, vma->vm_start,
			      (proto_phys + off) >> PAGE_SHIFT,
			      vma_pages(vma) << PAGE_SHIFT,
			      pgprot_writecombine(vma->vm_page_prot));
	return ret;
}
