#include "internal.h"

const struct file_operations xf_file_operations = {
	.read_iter	= xf_file_read,
	.mmap		= xf_file_mmap,
};

const struct file_operations xf_dir_operations = {
	.mmap		= xf_dir_mmap,
};

const struct file_operations xf_lone_operations = {
	.mmap		= xf_lone_mmap,
};

const struct file_operations xf_called_operations = {
	.mmap		= xf_called_mmap,
};

int xf_stack_mmap(struct file *file, struct vm_area_struct *vma)
{
	return xf_called_mmap(file, vma);
}
