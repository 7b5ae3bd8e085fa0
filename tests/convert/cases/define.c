#ifdef CONFIG_FS_DAX
static int foo_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (!IS_DAX(file_inode(file)))
		return generic_file_mmap(file, vma);

	file_accessed(file);
	vma->vm_ops = &foo_dax_vm_ops;
	return 0;
}
#else
#define foo_file_mmap	generic_file_mmap
#endif

const struct file_operations foo_file_operations = {
	.mmap		= foo_file_mmap,
};

/* Refused: the other configuration's handler has no _prepare form. */
#ifdef CONFIG_BAR
static int bar_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &bar_vm_ops;
	return 0;
}
#else
#define bar_mmap	bar_nommu_mmap
#endif

const struct file_operations bar_file_operations = {
	.mmap		= bar_mmap,
};

/* Another configuration has no handler: NULL names none in either form. */
#ifdef CONFIG_BAZ
static int baz_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &baz_vm_ops;
	return 0;
}
#else
#define baz_mmap NULL
#endif

static const struct file_operations baz_file_operations = {
	.mmap		= baz_mmap,
};
