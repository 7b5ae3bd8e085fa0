/* An integer cast spatch prints with a space (ntfs3's form). */
static int cast_mmap(struct file *file, struct vm_area_struct *vma)
{
	u64 from = ((u64)vma->vm_pgoff << PAGE_SHIFT);

	if (from + (vma->vm_end - vma->vm_start) > cast_size)
		return -EINVAL;
	return generic_file_mmap(file, vma);
}

static const struct file_operations cast_fops = {
	.mmap		= cast_mmap,
};
