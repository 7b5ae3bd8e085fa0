static int foofs_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct inode *inode = file_inode(file);

	if (foofs_is_shutdown(inode->i_sb))
		return -EIO;
	if ((vma->vm_flags & VM_SHARED) && (vma->vm_flags & VM_MAYWRITE))
		return -EINVAL;
	return generic_file_mmap(file, vma);
}

static int barfs_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	int ret = generic_file_readonly_mmap(file, vma);

	if (!ret)
		vma->vm_ops = &barfs_vm_ops;
	return ret;
}

static int bazfs_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct file *lower = file->private_data;

	return generic_file_mmap(lower, vma);
}

const struct file_operations foofs_fops = {
	.mmap		= foofs_file_mmap,
};
const struct file_operations barfs_fops = {
	.mmap		= barfs_file_mmap,
};
const struct file_operations bazfs_fops = {
	.mmap		= bazfs_file_mmap,
};
