#include "internal.h"

/* Defined here, used by the file_operations of file.c and other.c. */
int xf_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	int status;

	status = generic_file_mmap(file, vma);
	if (!status)
		vma->vm_ops = &xf_file_vm_ops;
	return status;
}
EXPORT_SYMBOL_GPL(xf_file_mmap);

int xf_dir_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &xf_dir_vm_ops;
	return 0;
}

/* Not static and declared nowhere given: refused. */
int xf_lone_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &xf_dir_vm_ops;
	return 0;
}

/* Called directly by another file: refused with its callers named. */
int xf_called_mmap(struct file *file, struct vm_area_struct *vma)
{
	return 0;
}
