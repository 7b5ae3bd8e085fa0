static int keep_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct q *q = file->private_data;

	q->vma = vma;
	vma->vm_ops = &q_vm_ops;
	return 0;
}

static int open_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &q_vm_ops;
	q_vm_open(vma);
	return 0;
}

static int ref_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct q *q = file->private_data;

	kref_get(&q->ref);
	vma->vm_ops = &q_vm_ops;
	vma->vm_private_data = q;
	return 0;
}

static int count_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct q *q = file->private_data;

	q->nr_maps++;
	vma->vm_ops = &q_vm_ops;
	return 0;
}

static int after_mmap(struct file *file, struct vm_area_struct *vma)
{
	int ret;

	ret = remap_pfn_range(vma, vma->vm_start, vma->vm_pgoff,
			      vma->vm_end - vma->vm_start, vma->vm_page_prot);
	if (ret)
		return ret;
	vm_flags_set(vma, VM_DONTEXPAND);
	return 0;
}

static int loop_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long addr = vma->vm_start;
	int i, ret;

	for (i = 0; i < 4; i++) {
		ret = remap_pfn_range(vma, addr + i * PAGE_SIZE, pfns[i],
				      PAGE_SIZE, vma->vm_page_prot);
		if (ret)
			return ret;
	}
	return 0;
}

static int priv_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma->vm_private_data)
		return -EBUSY;
	vma->vm_ops = &q_vm_ops;
	return 0;
}

static int called_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &q_vm_ops;
	return 0;
}

static int other_mmap(struct file *file, struct vm_area_struct *vma)
{
	return called_mmap(file, vma);
}

static int desc_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct q_desc *desc = file->private_data;

	vma->vm_private_data = desc;
	return 0;
}

static int log_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (remap_pfn_range(vma, vma->vm_start, vma->vm_pgoff,
			    vma->vm_end - vma->vm_start, vma->vm_page_prot)) {
		pr_err("remap failed\n");
		return -EAGAIN;
	}
	return 0;
}

int pub_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &q_vm_ops;
	return 0;
}

static const struct file_operations q1 = { .mmap = keep_mmap, };
static const struct file_operations q2 = { .mmap = open_mmap, };
static const struct file_operations q3 = { .mmap = ref_mmap, };
static const struct file_operations q4 = { .mmap = count_mmap, };
static const struct file_operations q5 = { .mmap = after_mmap, };
static const struct file_operations q6 = { .mmap = loop_mmap, };
static const struct file_operations q7 = { .mmap = priv_mmap, };
static const struct file_operations q8 = { .mmap = called_mmap, };
static const struct file_operations q9 = { .mmap = other_mmap, };
static const struct file_operations q10 = { .mmap = desc_mmap, };
static const struct file_operations q11 = { .mmap = log_mmap, };
static const struct file_operations q12 = { .mmap = pub_mmap, };

static int mayw_mmap(struct file *file, struct vm_area_struct *vma)
{
	vm_flags_clear(vma, VM_MAYWRITE);
	vma->vm_ops = &q_vm_ops;
	return 0;
}

static int shared_mmap(struct file *file, struct vm_area_struct *vma)
{
	vm_flags_set(vma, VM_SHARED | VM_DONTEXPAND);
	vma->vm_ops = &q_vm_ops;
	return 0;
}

static int varflags_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct q *q = file->private_data;

	vm_flags_set(vma, q->extra_flags);
	vma->vm_ops = &q_vm_ops;
	return 0;
}

static const struct file_operations q13 = { .mmap = mayw_mmap, };
static const struct file_operations q14 = { .mmap = shared_mmap, };
static const struct file_operations q15 = { .mmap = varflags_mmap, };

static int flag_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct q *q = file->private_data;

	set_bit(Q_MAPPED, &q->flags);
	vma->vm_ops = &q_vm_ops;
	return 0;
}

static const struct file_operations q16 = { .mmap = flag_mmap, };

/* A driver helper that registers the mm: state kept beyond the hook. */
static int mmadd_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct q *q = file->private_data;
	int ret;

	ret = q_mm_add(q, vma->vm_mm);
	if (ret)
		return ret;
	vma->vm_ops = &q_vm_ops;
	return 0;
}

static const struct file_operations mmadd_fops = {
	.mmap = mmadd_mmap,
};
