const struct file_operations foofs_file_operations = {
	.read_iter	= generic_file_read_iter,
	.mmap		= generic_file_mmap,
};

const struct file_operations foofs_ro_operations = {
	.read_iter	= generic_file_read_iter,
	.mmap		= generic_file_readonly_mmap,
};
