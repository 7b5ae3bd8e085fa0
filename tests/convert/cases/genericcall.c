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

/* ubifs: the generic handler first, its result tested, then vm_ops. */
static int quxfs_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	int err;

	err = generic_file_mmap(file, vma);
	if (err)
		return err;
	vma->vm_ops = &quxfs_file_vm_ops;
	file_accessed(file);
	return 0;
}

/* v9fs: the read-only form in one branch, the other form in the other. */
static int v9fs_like_mmap(struct file *filp, struct vm_area_struct *vma)
{
	int retval;
	struct inode *inode = file_inode(filp);

	if (!(v9fs_like_cache(inode) & 1))
		return generic_file_readonly_mmap(filp, vma);

	retval = generic_file_mmap(filp, vma);
	if (!retval)
		vma->vm_ops = &v9fs_like_vm_ops;

	return retval;
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
const struct file_operations quxfs_fops = {
	.mmap		= quxfs_file_mmap,
};
const struct file_operations v9fs_like_fops = {
	.mmap		= v9fs_like_mmap,
};
