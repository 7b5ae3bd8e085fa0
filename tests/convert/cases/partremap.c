/* Remaps that may not cover the mapping are refused; those that do convert. */
struct bar {
	unsigned long pfn;
	unsigned long size;
};

static int odd_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct bar *bar = file->private_data;

	if (remap_pfn_range(vma, vma->vm_start, bar->pfn, 3000, vma->vm_page_prot))
		return -EAGAIN;
	return 0;
}

static int page_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct bar *bar = file->private_data;

	return remap_pfn_range(vma, vma->vm_start, bar->pfn, PAGE_SIZE,
			       vma->vm_page_prot);
}

/* drivers/sbus/char/flash.c: the size is the device's, not the mapping's */
static int flash_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct bar *bar = file->private_data;
	unsigned long size = bar->size;

	if (vma->vm_pgoff + vma_pages(vma) > bar->size >> PAGE_SHIFT)
		return -ENXIO;
	return io_remap_pfn_range(vma, vma->vm_start, bar->pfn, size,
				  vma->vm_page_prot);
}

static int offset_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct bar *bar = file->private_data;

	return remap_pfn_range(vma, vma->vm_start + PAGE_SIZE, bar->pfn,
			       vma->vm_end - vma->vm_start - PAGE_SIZE,
			       vma->vm_page_prot);
}

/* A size local written again is not the mapping's size. */
static int resized_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct bar *bar = file->private_data;
	unsigned long size = vma->vm_end - vma->vm_start;

	if (size > bar->size)
		size = bar->size;
	return remap_pfn_range(vma, vma->vm_start, bar->pfn, size,
			       vma->vm_page_prot);
}

/* Converted: one page after a guard that refuses any other size. */
static int onepage_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct bar *bar = file->private_data;

	if (vma->vm_end - vma->vm_start != PAGE_SIZE)
		return -EINVAL;
	return remap_pfn_range(vma, vma->vm_start, bar->pfn, PAGE_SIZE,
			       vma->vm_page_prot);
}

/* Refused: the one-page guard comes after the remap's size is chosen in a branch. */
static int late_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct bar *bar = file->private_data;

	if (bar->size) {
		if (vma_pages(vma) > 1)
			return -EINVAL;
	}
	return remap_pfn_range(vma, vma->vm_start, bar->pfn, PAGE_SIZE,
			       vma->vm_page_prot);
}

/* Converted: a size local that stays the mapping's size. */
static int whole_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct bar *bar = file->private_data;
	unsigned long size = vma->vm_end - vma->vm_start;

	if (size > bar->size)
		return -EINVAL;
	if (remap_pfn_range(vma, vma->vm_start, bar->pfn, size, vma->vm_page_prot))
		return -EAGAIN;
	return 0;
}

static const struct file_operations odd_fops = {
	.mmap = odd_mmap,
};
static const struct file_operations page_fops = {
	.mmap = page_mmap,
};
static const struct file_operations flash_fops = {
	.mmap = flash_mmap,
};
static const struct file_operations offset_fops = {
	.mmap = offset_mmap,
};
static const struct file_operations resized_fops = {
	.mmap = resized_mmap,
};
static const struct file_operations onepage_fops = {
	.mmap = onepage_mmap,
};
static const struct file_operations late_fops = {
	.mmap = late_mmap,
};
static const struct file_operations whole_fops = {
	.mmap = whole_mmap,
};
