int xf_file_mmap(struct file *, struct vm_area_struct *);
extern int xf_dir_mmap(struct file *file, struct vm_area_struct *vma);
