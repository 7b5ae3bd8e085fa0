/**
 * buf_map() - a static helper the handler passes its VMA to, called only
 *	by it (relay's form)
 * @b: the buffer
 * @vma: the VMA being set up
 *
 * Return: 0 or an errno.
 */
static int buf_map(struct buf *b, struct vm_area_struct *vma)
{
	unsigned long length = vma->vm_end - vma->vm_start;

	if (!b)
		return -EBADF;
	if (length != b->size)
		return -EINVAL;
	vma->vm_ops = &buf_vm_ops;
	vm_flags_set(vma, VM_DONTEXPAND);
	vma->vm_private_data = b;
	return 0;
}

static int buf_mmap(struct file *filp, struct vm_area_struct *vma)
{
	struct buf *b = filp->private_data;

	return buf_map(b, vma);
}

/* Two handlers share one helper: both convert with it. */
static int twin_check(struct vm_area_struct *vma, int n)
{
	if (vma_pages(vma) > n)
		return -EINVAL;
	vma->vm_ops = &twin_vm_ops;
	return 0;
}

static int twin_a_mmap(struct file *file, struct vm_area_struct *vma)
{
	return twin_check(vma, 1);
}

static int twin_b_mmap(struct file *file, struct vm_area_struct *vma)
{
	int ret = twin_check(vma, 2);

	if (ret)
		return ret;
	vm_flags_set(vma, VM_DONTDUMP);
	return 0;
}

/* A helper that maps: the action is the hook's last act, refused. */
static int remap_helper(struct vm_area_struct *vma)
{
	return remap_pfn_range(vma, vma->vm_start, vma->vm_pgoff,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static int maps_mmap(struct file *file, struct vm_area_struct *vma)
{
	return remap_helper(vma);
}

/* A helper used elsewhere too (a vm_operations open): refused. */
static int shared_setup(struct vm_area_struct *vma)
{
	vma->vm_private_data = NULL;
	return 0;
}

static void shared_open(struct vm_area_struct *vma)
{
	shared_setup(vma);
}

static const struct vm_operations_struct shared_vm_ops = {
	.open = shared_open,
};

static int shared_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &shared_vm_ops;
	return shared_setup(vma);
}

/* A helper whose caller is refused stays as it is. */
static int left_setup(struct vm_area_struct *vma)
{
	vma->vm_ops = &left_vm_ops;
	return 0;
}

static int left_mmap(struct file *file, struct vm_area_struct *vma)
{
	int ret = left_setup(vma);

	if (!ret)
		ret = remap_pfn_range(vma, vma->vm_start, 0, PAGE_SIZE,
				      vma->vm_page_prot);
	return ret;
}

/* A helper that keeps the VMA: refused with its caller. */
static struct vm_area_struct *last_vma;

static int keep_vma(struct vm_area_struct *vma)
{
	last_vma = vma;
	return 0;
}

static int keep_mmap(struct file *file, struct vm_area_struct *vma)
{
	return keep_vma(vma);
}

static const struct file_operations buf_fops = {
	.mmap = buf_mmap,
};

static const struct file_operations twin_a_fops = {
	.mmap = twin_a_mmap,
};

static const struct file_operations twin_b_fops = {
	.mmap = twin_b_mmap,
};

static const struct file_operations maps_fops = {
	.mmap = maps_mmap,
};

static const struct file_operations shared_fops = {
	.mmap = shared_mmap,
};

static const struct file_operations left_fops = {
	.mmap = left_mmap,
};

static const struct file_operations keep_fops = {
	.mmap = keep_mmap,
};
