/* resctrl's form: a lock released on both paths after the remap. */
static int rgn_mmap(struct file *filp, struct vm_area_struct *vma)
{
	unsigned long vsize = vma->vm_end - vma->vm_start;
	struct rgn *r;

	mutex_lock(&rgn_mutex);
	r = filp->private_data;
	if (!(vma->vm_flags & VM_SHARED)) {
		mutex_unlock(&rgn_mutex);
		return -EINVAL;
	}
	if (remap_pfn_range(vma, vma->vm_start, r->pfn + vma->vm_pgoff,
			    vsize, vma->vm_page_prot)) {
		mutex_unlock(&rgn_mutex);
		return -EAGAIN;
	}
	vma->vm_ops = &rgn_vm_ops;
	mutex_unlock(&rgn_mutex);
	return 0;
}

/* The result kept, the spinlock released, the result returned. */
static int spin_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&spin_lock, flags);
	ret = io_remap_pfn_range(vma, vma->vm_start, spin_pfn,
				 vma->vm_end - vma->vm_start,
				 pgprot_noncached(vma->vm_page_prot));
	spin_unlock_irqrestore(&spin_lock, flags);
	return ret;
}

/* Two different locks: refused. */
static int two_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (remap_pfn_range(vma, vma->vm_start, two_pfn,
			    vma->vm_end - vma->vm_start, vma->vm_page_prot)) {
		mutex_unlock(&two_a);
		return -EAGAIN;
	}
	mutex_unlock(&two_b);
	return 0;
}

/* Not an unlock after the remap: refused. */
static int put_mmap(struct file *file, struct vm_area_struct *vma)
{
	int ret;

	ret = remap_pfn_range(vma, vma->vm_start, put_pfn,
			      vma->vm_end - vma->vm_start, vma->vm_page_prot);
	put_device(put_dev);
	return ret;
}

static const struct file_operations rgn_fops = {
	.mmap = rgn_mmap,
};

static const struct file_operations spin_fops = {
	.mmap = spin_mmap,
};

static const struct file_operations two_fops = {
	.mmap = two_mmap,
};

static const struct file_operations put_fops = {
	.mmap = put_mmap,
};
