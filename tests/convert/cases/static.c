/* xfs spells static STATIC (#define STATIC static, or noinline). */
STATIC int
sfs_file_mmap(
	struct file		*file,
	struct vm_area_struct	*vma)
{
	file_accessed(file);
	vma->vm_ops = &sfs_file_vm_ops;
	if (IS_DAX(file_inode(file)))
		vm_flags_set(vma, VM_HUGEPAGE);
	return 0;
}

const struct file_operations sfs_file_operations = {
	.llseek		= sfs_file_llseek,
	.mmap		= sfs_file_mmap,
};
