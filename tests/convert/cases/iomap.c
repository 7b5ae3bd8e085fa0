static int baz_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct baz *baz = file->private_data;

	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	return vm_iomap_memory(vma, baz->phys, baz->len);
}

static const struct file_operations baz_fops = {
	.mmap = baz_mmap,
};

/* The errno of a failed completion stays -EINVAL. */
static int hpet_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct baz *baz = file->private_data;

	if (vm_iomap_memory(vma, baz->phys, PAGE_SIZE))
		return -EINVAL;
	return 0;
}

/* Refused: the range check at mmap() time fails with -EINVAL, not -EIO. */
static int eio_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct baz *baz = file->private_data;

	if (vm_iomap_memory(vma, baz->phys, PAGE_SIZE))
		return -EIO;
	return 0;
}

static const struct file_operations hpet_fops = {
	.mmap = hpet_mmap,
};

static const struct file_operations eio_fops = {
	.mmap = eio_mmap,
};
