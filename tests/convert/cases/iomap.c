static int baz_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct baz *baz = file->private_data;

	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	return vm_iomap_memory(vma, baz->phys, baz->len);
}

static const struct file_operations baz_fops = {
	.mmap = baz_mmap,
};
