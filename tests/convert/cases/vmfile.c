/* vma->vm_file is desc->vm_file; the file parameter is desc->file. */
static int stacked_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct foo *foo = vma->vm_file->private_data;

	if (file != vma->vm_file)
		return -EINVAL;
	vma->vm_private_data = foo;
	vma->vm_ops = &foo_vm_ops;
	return 0;
}

/* Refused: writes its file parameter. */
static int fparam_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (!file->private_data)
		file = foo_default_file;
	vma->vm_private_data = file->private_data;
	vma->vm_ops = &foo_vm_ops;
	return 0;
}

static const struct file_operations stacked_fops = {
	.mmap = stacked_mmap,
};
static const struct file_operations fparam_fops = {
	.mmap = fparam_mmap,
};
