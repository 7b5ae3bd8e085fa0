// SPDX-License-Identifier: GPL-2.0
/*
 * The /dev/mem mmap() ABI, as user space sees it: what maps and reads the
 * same as pread(), and the errno of every refusal reachable on x86_64 with
 * STRICT_DEVMEM. Run on the base and the patched kernel; the results must
 * be the same.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "ktap.h"

#define BIOS	0xF0000UL

static long psize;
static int mem_fd = -1;

/* The raw system call: no C library check on the offset. */
static long sys_mmap(unsigned long len, int prot, int flags, int fd,
		     unsigned long off)
{
	return syscall(SYS_mmap, 0UL, len, prot, flags, fd, off);
}

/* Map @len bytes at @off and compare them with pread() of the same. */
static int map_equals_pread(unsigned long off, size_t len, int flags)
{
	char *buf = malloc(len), *p;
	int same;

	if (!buf || mem_fd < 0 ||
	    pread(mem_fd, buf, len, off) != (ssize_t)len) {
		ktap_diag("pread at %#lx: %s", off, strerror(errno));
		free(buf);
		return 0;
	}
	p = mmap(NULL, len, PROT_READ, flags, mem_fd, off);
	if (p == MAP_FAILED) {
		ktap_diag("mmap at %#lx: %s", off, strerror(errno));
		free(buf);
		return 0;
	}
	same = !memcmp(p, buf, len);
	munmap(p, len);
	free(buf);
	return same;
}

static void expect_errno(const char *name, unsigned long len,
			 unsigned long off, int want)
{
	long ret = sys_mmap(len, PROT_READ, MAP_SHARED, mem_fd, off);
	int err = errno;

	if (ret != -1)
		munmap((void *)ret, len);
	ktap_errno(name, ret, err, want);
}

/* The maps entry of a /dev/mem mapping: shared, read-only, named. */
static int maps_shows_dev_mem(void)
{
	char line[512], want[64], perms[8] = "", path[256] = "";
	char *p = mmap(NULL, psize, PROT_READ, MAP_SHARED, mem_fd, BIOS);
	int found = 0;
	FILE *f;

	if (p == MAP_FAILED)
		return 0;
	snprintf(want, sizeof(want), "%lx-%lx ", (unsigned long)p,
		 (unsigned long)p + psize);
	f = fopen("/proc/self/maps", "r");
	while (f && fgets(line, sizeof(line), f)) {
		if (strncmp(line, want, strlen(want)))
			continue;
		found = sscanf(line, "%*s %4s %*s %*s %*s %[^\n]", perms,
			       path) == 2;
		break;
	}
	if (f)
		fclose(f);
	munmap(p, psize);
	ktap_diag("maps: %s %s", perms, path);
	return found && !strcmp(perms, "r--s") && !strcmp(path, "/dev/mem");
}

int main(void)
{
	long ret;

	psize = sysconf(_SC_PAGESIZE);
	ktap_plan(14);

	mem_fd = open("/dev/mem", O_RDONLY);
	if (mem_fd < 0)
		ktap_diag("open /dev/mem: %s", strerror(errno));
	ktap_result(mem_fd >= 0, "open_dev_mem_read_only");

	ktap_result(map_equals_pread(BIOS, psize, MAP_SHARED),
		    "bios_page_map_equals_pread");
	ktap_result(map_equals_pread(BIOS, 16 * psize, MAP_SHARED),
		    "bios_64k_map_equals_pread");
	ktap_result(map_equals_pread(BIOS, psize, MAP_PRIVATE),
		    "bios_private_map_equals_pread");
	ktap_result(map_equals_pread(BIOS, 100, MAP_SHARED),
		    "unaligned_length_maps_and_equals_pread");
	ktap_result(mem_fd >= 0 && maps_shows_dev_mem(),
		    "maps_shows_r__s_dev_mem");

	/*
	 * The end of the range wraps past the top of the address space:
	 * do_mmap() refuses that before the driver sees it, so mmap_mem()'s
	 * own wrap check cannot be reached from a 64-bit process.
	 */
	expect_errno("offset_wrapping_gives_eoverflow", 2 * psize,
		     -(unsigned long)psize, EOVERFLOW);
	/* The top page of the address space: not a physical address. */
	expect_errno("offset_at_top_gives_einval", psize,
		     -2 * (unsigned long)psize, EINVAL);
	/* Beyond what the CPU can address. */
	expect_errno("offset_beyond_physical_bits_gives_einval", psize,
		     1UL << 52, EINVAL);
	/* System RAM above the first MiB is off limits (STRICT_DEVMEM). */
	expect_errno("ram_above_1mib_gives_eperm", psize, 16UL << 20, EPERM);
	expect_errno("range_from_bios_into_ram_gives_eperm", 2UL << 20,
		     0xFF000UL, EPERM);
	expect_errno("zero_length_gives_einval", 0, BIOS, EINVAL);
	expect_errno("unaligned_offset_gives_einval", psize, BIOS + 1, EINVAL);

	/* A writable shared map of a read-only open. */
	ret = sys_mmap(psize, PROT_READ | PROT_WRITE, MAP_SHARED, mem_fd, BIOS);
	ktap_errno("writable_map_of_read_only_fd_gives_eacces", ret, errno,
		   EACCES);
	return ktap_exit();
}
