// SPDX-License-Identifier: GPL-2.0
/*
 * make bench's guest program: the cost of a mapping, per case, on the
 * kernel it boots on. Each iteration maps, touches every page and unmaps
 * (or forks, execs and waits); a round times a fixed number of
 * iterations; the result is the median of the rounds' nanoseconds per
 * iteration. The process first grows to 1, 1,000 and then 60,000 VMAs of
 * its own (alternating PROT_READ and PROT_NONE pages that cannot merge),
 * as the maple tree's depth is part of the path's cost.
 *
 * Output, one line per case:
 *   bench CASE vmas=N have=M size=BYTES iters=I rounds=R median_ns=X min_ns=Y
 * (N the nominal count, M the process's VMAs when the case ran)
 * and "bench done" at the end; a case that cannot run prints
 * "bench CASE ... error=ERRNO" and the program exits 1 at the end.
 *
 * "mmap_bench true" exits 0 at once: the exec case's child.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define ROUNDS		9
#define ROUND_NS	20000000ULL	/* calibrate each round to ~20 ms */
#define MIB2		(2UL << 20)
#define DEVMEM_BIOS	0xF0000UL	/* allowed under STRICT_DEVMEM */

static size_t page;
static int failed;
static const char *self_exe;

struct ctx {
	int zero, mem, tmpfs, memfd;
	int shm4k, shm2m;
};
static struct ctx c;

static unsigned long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

static void touch(volatile char *p, size_t len, int write)
{
	size_t i;

	for (i = 0; i < len; i += page) {
		if (write)
			p[i] = 1;
		else
			(void)p[i];
	}
}

/* One iteration of a case: 0, or an errno. */
typedef int (*iter_fn)(size_t len);

static int map_touch_unmap(int fd, int flags, off_t off, size_t len, int write)
{
	int prot = PROT_READ | (write ? PROT_WRITE : 0);
	char *p = mmap(NULL, len, prot, flags, fd, off);

	if (p == MAP_FAILED)
		return errno;
	touch(p, len, write);
	return munmap(p, len) ? errno : 0;
}

static int zero_private(size_t len)
{
	return map_touch_unmap(c.zero, MAP_PRIVATE, 0, len, 1);
}

static int zero_shared(size_t len)
{
	return map_touch_unmap(c.zero, MAP_SHARED, 0, len, 1);
}

static int devmem(size_t len)
{
	return map_touch_unmap(c.mem, MAP_SHARED, DEVMEM_BIOS, len, 0);
}

static int tmpfs_shared(size_t len)
{
	return map_touch_unmap(c.tmpfs, MAP_SHARED, 0, len, 1);
}

static int tmpfs_private(size_t len)
{
	return map_touch_unmap(c.tmpfs, MAP_PRIVATE, 0, len, 1);
}

static int memfd(size_t len)
{
	return map_touch_unmap(c.memfd, MAP_SHARED, 0, len, 1);
}

static int shared_anon(size_t len)
{
	return map_touch_unmap(-1, MAP_SHARED | MAP_ANONYMOUS, 0, len, 1);
}

static int anon(size_t len)
{
	return map_touch_unmap(-1, MAP_PRIVATE | MAP_ANONYMOUS, 0, len, 1);
}

static int sysv_shm(size_t len)
{
	char *p = shmat(len == MIB2 ? c.shm2m : c.shm4k, NULL, 0);

	if (p == (void *)-1)
		return errno;
	touch(p, len, 1);
	return shmdt(p) ? errno : 0;
}

static int exec_tmpfs(size_t len)
{
	int status;
	pid_t pid = fork();

	(void)len;
	if (pid < 0)
		return errno;
	if (!pid) {
		execl(self_exe, self_exe, "true", (char *)NULL);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid)
		return errno;
	return WIFEXITED(status) && !WEXITSTATUS(status) ? 0 : ECHILD;
}

static int cmp_ull(const void *a, const void *b)
{
	unsigned long long x = *(const unsigned long long *)a;
	unsigned long long y = *(const unsigned long long *)b;

	return x < y ? -1 : x > y;
}

static int count_vmas(void)
{
	FILE *f = fopen("/proc/self/maps", "r");
	int n = 0, ch;

	if (!f)
		return -1;
	while ((ch = fgetc(f)) != EOF)
		n += ch == '\n';
	fclose(f);
	return n;
}

static void run(const char *name, iter_fn fn, size_t len, int vmas)
{
	unsigned long long t0, t, ns[ROUNDS];
	unsigned long iters = 1, i;
	int r, err;

	/* Calibrate: double the count until a round takes ROUND_NS. */
	for (;;) {
		t0 = now_ns();
		for (i = 0; i < iters; i++) {
			err = fn(len);
			if (err)
				goto fail;
		}
		t = now_ns() - t0;
		if (t >= ROUND_NS || iters >= (1UL << 20))
			break;
		iters *= 2;
	}
	for (r = 0; r < ROUNDS; r++) {
		t0 = now_ns();
		for (i = 0; i < iters; i++) {
			err = fn(len);
			if (err)
				goto fail;
		}
		ns[r] = (now_ns() - t0) / iters;
	}
	qsort(ns, ROUNDS, sizeof(ns[0]), cmp_ull);
	printf("bench %s vmas=%d have=%d size=%zu iters=%lu rounds=%d median_ns=%llu min_ns=%llu\n",
	       name, vmas, count_vmas(), len, iters, ROUNDS, ns[ROUNDS / 2],
	       ns[0]);
	fflush(stdout);
	return;
fail:
	printf("bench %s vmas=%d size=%zu error=%d (%s)\n", name, vmas, len,
	       err, strerror(err));
	fflush(stdout);
	failed = 1;
}

/* Grow the process to @want VMAs: pages of one reserved range, alternately
 * PROT_READ and PROT_NONE, so that no two neighbours merge. */
static int grow_vmas(int want)
{
	static char *fill;
	static int made;
	int have = count_vmas(), more, i;

	if (have < 0)
		return -1;
	more = want - have;
	if (more <= 0)
		return 0;
	if (!fill) {
		fill = mmap(NULL, 2 * 65536 * page, PROT_NONE,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
		if (fill == MAP_FAILED)
			return -1;
		made = 1;
	}
	/* Each PROT_READ page in the PROT_NONE range adds two VMAs. */
	for (i = 0; i < (more + 1) / 2; i++, made++)
		if (mprotect(fill + 2 * made * page, page, PROT_READ))
			return -1;
	return 0;
}

static const struct bench_case {
	const char *name;
	iter_fn fn;
	int only_4k;
} cases[] = {
	{ "anon-private", anon, 0 },		/* the control: not the new path */
	{ "devzero-private", zero_private, 0 },
	{ "devzero-shared", zero_shared, 0 },
	{ "devmem", devmem, 1 },
	{ "tmpfs-shared", tmpfs_shared, 0 },
	{ "tmpfs-private", tmpfs_private, 0 },
	{ "memfd", memfd, 0 },
	{ "shared-anon", shared_anon, 0 },
	{ "sysv-shm", sysv_shm, 0 },
};

static int setup(void)
{
	static char buf[65536];
	size_t done;

	c.zero = open("/dev/zero", O_RDWR);
	c.mem = open("/dev/mem", O_RDONLY | O_SYNC);
	c.tmpfs = open("/tmp/mmap_bench.tmpfs", O_RDWR | O_CREAT | O_TRUNC, 0600);
	c.memfd = memfd_create("mmap_bench", 0);
	if (c.zero < 0 || c.mem < 0 || c.tmpfs < 0 || c.memfd < 0) {
		perror("mmap_bench: open");
		return -1;
	}
	memset(buf, 'b', sizeof(buf));
	for (done = 0; done < MIB2; done += sizeof(buf))
		if (write(c.tmpfs, buf, sizeof(buf)) != sizeof(buf)) {
			perror("mmap_bench: write");
			return -1;
		}
	if (ftruncate(c.memfd, MIB2)) {
		perror("mmap_bench: ftruncate");
		return -1;
	}
	c.shm4k = shmget(IPC_PRIVATE, page, IPC_CREAT | 0600);
	c.shm2m = shmget(IPC_PRIVATE, MIB2, IPC_CREAT | 0600);
	if (c.shm4k < 0 || c.shm2m < 0) {
		perror("mmap_bench: shmget");
		return -1;
	}
	return 0;
}

static void cleanup(void)
{
	shmctl(c.shm4k, IPC_RMID, NULL);
	shmctl(c.shm2m, IPC_RMID, NULL);
	unlink("/tmp/mmap_bench.tmpfs");
}

int main(int argc, char **argv)
{
	static const int vmas[] = { 1, 1000, 60000 };
	static const size_t sizes[] = { 4096, MIB2 };
	unsigned int v, i, s;

	if (argc > 1 && !strcmp(argv[1], "true"))
		return 0;
	self_exe = argc > 1 ? argv[1] : "/tmp/mmap_bench";
	page = sysconf(_SC_PAGESIZE);
	if (setup()) {
		cleanup();
		return 1;
	}
	/* The exec case: a static binary on tmpfs, in a process of few VMAs. */
	run("exec-tmpfs", exec_tmpfs, 0, 1);
	for (v = 0; v < sizeof(vmas) / sizeof(vmas[0]); v++) {
		if (grow_vmas(vmas[v])) {
			printf("bench grow vmas=%d error=%d (%s)\n", vmas[v],
			       errno, strerror(errno));
			failed = 1;
			break;
		}
		for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
			for (s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
				if (cases[i].only_4k && sizes[s] != 4096)
					continue;
				run(cases[i].name, cases[i].fn, sizes[s], vmas[v]);
			}
	}
	cleanup();
	printf("bench done\n");
	return failed;
}
