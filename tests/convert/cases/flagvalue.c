/* Flag tests whose value is used as a value, not as a truth value. */
static int dax_mmap(struct file *filp, struct vm_area_struct *vma)
{
	/* drivers/dax/device.c: a mask compared with the flag */
	if ((vma->vm_flags & VM_MAYSHARE) != VM_MAYSHARE)
		return -EINVAL;
	vma->vm_ops = &dax_vm_ops;
	return 0;
}

static int gru_mmap(struct file *file, struct vm_area_struct *vma)
{
	/* drivers/misc/sgi-gru: all of two flags */
	if ((vma->vm_flags & (VM_SHARED | VM_WRITE)) != (VM_SHARED | VM_WRITE))
		return -EPERM;
	vma->vm_ops = &gru_vm_ops;
	return 0;
}

static int wr_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long wr = vma->vm_flags & VM_WRITE;

	if (wr && !(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	vma->vm_page_prot = vm_get_page_prot(vma->vm_flags & (VM_READ | VM_WRITE | VM_SHARED));
	vma->vm_ops = (vma->vm_flags & VM_EXEC) ? &x_vm_ops : &wr_vm_ops;
	return 0;
}

static int truth_mmap(struct file *file, struct vm_area_struct *vma)
{
	if ((vma->vm_flags & VM_WRITE) == 0 || !(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	while (vma->vm_flags & VM_EXEC)
		return -EPERM;
	if (vma->vm_flags & VM_SHARED && vma->vm_flags & VM_MAYWRITE)
		vma->vm_ops = &wr_vm_ops;
	return 0;
}

static const struct file_operations dax_fops = {
	.mmap = dax_mmap,
};
static const struct file_operations gru_fops = {
	.mmap = gru_mmap,
};
static const struct file_operations wr_fops = {
	.mmap = wr_mmap,
};
static const struct file_operations truth_fops = {
	.mmap = truth_mmap,
};
