#include "internal.h"

const struct file_operations xf4_file_operations = {
	.mmap		= xf_file_mmap,
};
