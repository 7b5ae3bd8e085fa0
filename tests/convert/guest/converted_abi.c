// SPDX-License-Identifier: GPL-2.0
/*
 * What user space sees of three drivers that make convert converts and
 * QEMU reaches: /dev/hpet (vm_iomap_memory() -> an I/O remap action), the
 * aio ring that io_setup() maps (fs/aio.c, flags and vm_ops), and files of
 * an ext2 filesystem (generic_file_mmap() -> its _prepare form). It prints
 * one line per observation: mmap()'s result or errno, the VMA's VmFlags,
 * bytes read through the mapping, what fork(), mremap() and msync() do.
 * It compares nothing itself: make convert runs it on the kernel before
 * and after the conversions, and the two outputs must be the same. It
 * fails when a driver cannot be reached at all (no /dev/hpet, no aio, no
 * ext2), so that a kernel without them never passes as "the same".
 * Usage: converted_abi EXT2_IMAGE
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/aio_abi.h>
#include <linux/loop.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static long page;

/* The head of the aio ring, as fs/aio.c lays it out (not in the UAPI). */
struct ring_head {
	unsigned int id, nr, head, tail, magic, compat, incompat, header_length;
};

/* The VmFlags of the VMA that starts at @p, or "-" without one. */
static const char *vmflags(void *p)
{
	static char flags[512];
	char line[512], want[32];
	FILE *f = fopen("/proc/self/smaps", "r");
	int in = 0;

	strcpy(flags, "-");
	if (!f)
		return flags;
	snprintf(want, sizeof(want), "%lx-", (unsigned long)p);
	while (fgets(line, sizeof(line), f)) {
		/* A VMA's first line starts with its range, in lower case hex. */
		if (strchr("0123456789abcdef", line[0])) {
			in = !strncmp(line, want, strlen(want));
		} else if (in && !strncmp(line, "VmFlags:", 8)) {
			snprintf(flags, sizeof(flags), "%s", line + 9);
			flags[strcspn(flags, "\n")] = 0;
			break;
		}
	}
	fclose(f);
	return flags;
}

static void *map(const char *what, size_t len, int prot, int flags, int fd,
		 off_t off)
{
	void *p = mmap(NULL, len, prot, flags, fd, off);

	if (p == MAP_FAILED) {
		printf("%s: mmap: %s\n", what, strerrorname_np(errno));
		return NULL;
	}
	printf("%s: mmap: ok, VmFlags %s\n", what, vmflags(p));
	return p;
}

/* Read one byte at @p in a child: the byte, or the signal that ended it. */
static void probe(const char *what, volatile unsigned char *p)
{
	int status;
	pid_t pid = fork();

	if (!pid)
		_exit(*p);
	waitpid(pid, &status, 0);
	if (WIFSIGNALED(status))
		printf("%s: read: signal %d\n", what, WTERMSIG(status));
	else
		printf("%s: read: 0x%02x\n", what, WEXITSTATUS(status));
}

static int hpet(void)
{
	static const struct {
		const char *name;
		size_t len;
		int prot, flags;
		off_t off;
	} cases[] = {
		{ "hpet shared", 1, PROT_READ, MAP_SHARED, 0 },
		{ "hpet private", 1, PROT_READ, MAP_PRIVATE, 0 },
		{ "hpet two pages", 2, PROT_READ, MAP_SHARED, 0 },
		{ "hpet offset", 1, PROT_READ, MAP_SHARED, 1 },
		{ "hpet writable", 1, PROT_READ | PROT_WRITE, MAP_SHARED, 0 },
	};
	int fd = open("/dev/hpet", O_RDONLY);
	unsigned int i;

	if (fd < 0) {
		printf("hpet: open: %s\n", strerrorname_np(errno));
		return 1;
	}
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		volatile uint32_t *p = map(cases[i].name, cases[i].len * page,
					   cases[i].prot, cases[i].flags, fd,
					   cases[i].off * page);
		void *q;

		if (!p)
			continue;
		/* The capabilities: the tick period and the timer count. */
		printf("%s: period %u fs, %u timers\n", cases[i].name, p[1],
		       ((p[0] >> 8) & 0x1f) + 1);
		q = mremap((void *)p, page, 2 * page, MREMAP_MAYMOVE);
		printf("%s: mremap to two pages: %s\n", cases[i].name,
		       q == MAP_FAILED ? strerrorname_np(errno) : "ok");
		probe(cases[i].name, (volatile unsigned char *)p);
		munmap(q == MAP_FAILED ? (void *)p : q,
		       q == MAP_FAILED ? page : 2 * page);
	}
	close(fd);
	return 0;
}

static int aio(void)
{
	aio_context_t ctx = 0;
	struct ring_head *ring;
	void *moved;

	if (syscall(SYS_io_setup, 8, &ctx)) {
		printf("aio: io_setup: %s\n", strerrorname_np(errno));
		return 1;
	}
	ring = (struct ring_head *)ctx;
	printf("aio ring: VmFlags %s\n", vmflags(ring));
	printf("aio ring: magic %#x, header %u, head %u, tail %u, nr %u\n",
	       ring->magic, ring->header_length, ring->head, ring->tail,
	       ring->nr);
	/* aio_ring_mremap() follows a move of the whole ring. */
	moved = mmap(NULL, page, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	moved = mremap(ring, page, page, MREMAP_MAYMOVE | MREMAP_FIXED, moved);
	if (moved == MAP_FAILED) {
		printf("aio ring: mremap: %s\n", strerrorname_np(errno));
	} else {
		printf("aio ring: mremap: ok, VmFlags %s\n", vmflags(moved));
		ctx = (aio_context_t)moved;
	}
	printf("aio ring: io_destroy: %s\n",
	       syscall(SYS_io_destroy, ctx) ? strerrorname_np(errno) : "ok");
	return 0;
}

static int loop_mount(const char *image, const char *dir, unsigned long flags)
{
	struct loop_config cfg = { .info.lo_flags = LO_FLAGS_AUTOCLEAR };
	char dev[32];
	int ctl, n, loop;

	ctl = open("/dev/loop-control", O_RDWR);
	n = ioctl(ctl, LOOP_CTL_GET_FREE);
	close(ctl);
	snprintf(dev, sizeof(dev), "/dev/loop%d", n);
	loop = open(dev, O_RDWR);
	cfg.fd = open(image, O_RDWR);
	if (loop < 0 || cfg.fd < 0 || ioctl(loop, LOOP_CONFIGURE, &cfg))
		return -1;
	close(cfg.fd);
	mkdir(dir, 0755);
	n = mount(dev, dir, "ext2", flags, NULL);
	close(loop);
	return n;
}

static int ext2(const char *image)
{
	unsigned char buf[64];
	unsigned char *p;
	int fd, i;

	if (loop_mount(image, "/tmp/ext2", 0)) {
		printf("ext2: mount: %s\n", strerrorname_np(errno));
		return 1;
	}
	fd = open("/tmp/ext2/f", O_RDWR | O_CREAT | O_TRUNC, 0644);
	for (i = 0; i < 2 * page; i++)
		write(fd, "m", 1);
	p = map("ext2 shared", 2 * page, PROT_READ | PROT_WRITE, MAP_SHARED,
		fd, 0);
	if (p) {
		p[1] = 'S';
		printf("ext2 shared: msync: %s\n",
		       msync(p, page, MS_SYNC) ? strerrorname_np(errno) : "ok");
		pread(fd, buf, 2, 0);
		printf("ext2 shared: file reads %.2s\n", buf);
		munmap(p, 2 * page);
	}
	p = map("ext2 private", page, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd,
		0);
	if (p) {
		p[2] = 'P';
		pread(fd, buf, 3, 0);
		printf("ext2 private: mapping %.3s, file %.3s\n", p, buf);
		munmap(p, page);
	}
	/* Past the end of the file: SIGBUS. */
	p = map("ext2 past EOF", 4 * page, PROT_READ, MAP_SHARED, fd, 0);
	if (p) {
		probe("ext2 page 1", p + page);
		probe("ext2 page 3", p + 3 * page);
		munmap(p, 4 * page);
	}
	p = map("ext2 exec", page, PROT_READ | PROT_EXEC, MAP_PRIVATE, fd, 0);
	if (p)
		munmap(p, page);
	close(fd);
	fd = open("/tmp/ext2/f", O_RDONLY);
	map("ext2 read-only fd, shared writable", page, PROT_READ | PROT_WRITE,
	    MAP_SHARED, fd, 0);
	close(fd);
	umount("/tmp/ext2");
	if (loop_mount(image, "/tmp/ext2", MS_RDONLY)) {
		printf("ext2 ro: mount: %s\n", strerrorname_np(errno));
		return 1;
	}
	fd = open("/tmp/ext2/f", O_RDONLY);
	p = map("ext2 ro", page, PROT_READ, MAP_SHARED, fd, 0);
	if (p)
		printf("ext2 ro: reads %.2s\n", p);
	close(fd);
	umount("/tmp/ext2");
	return 0;
}

int main(int argc, char **argv)
{
	int unreached = 0;

	page = sysconf(_SC_PAGESIZE);
	setvbuf(stdout, NULL, _IOLBF, 0);
	unreached += hpet();
	unreached += aio();
	unreached += ext2(argc > 1 ? argv[1] : "/images/ext2.img");
	return unreached ? 1 : 0;
}
