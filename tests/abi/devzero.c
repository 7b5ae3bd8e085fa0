// SPDX-License-Identifier: GPL-2.0
/*
 * The /dev/zero mmap() ABI, as user space sees it: contents, copy-on-write
 * and sharing across fork(), mremap(), madvise(), mprotect() and the
 * /proc/self/maps entries. Run on the base and the patched kernel; the
 * results must be the same.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

#define PAGES	4

static long psize;
static int zero_fd;

static char *map_zero(size_t len, int flags)
{
	char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, flags, zero_fd, 0);

	if (p == MAP_FAILED) {
		ktap_diag("mmap /dev/zero: %s", strerror(errno));
		return NULL;
	}
	return p;
}

static int all_bytes(const char *p, size_t len, char c)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (p[i] != c)
			return 0;
	return 1;
}

/* Run @fn in a child; true if it exited with status 0. */
static int in_child(int (*fn)(char *), char *arg)
{
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return 0;
	if (pid == 0)
		_exit(fn(arg) ? 0 : 1);
	if (waitpid(pid, &status, 0) != pid)
		return 0;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static int child_writes_b(char *p)
{
	int saw_a = p[0] == 'A';

	memset(p, 'B', psize);
	return saw_a;
}

static void test_private(void)
{
	size_t len = PAGES * psize;
	char *p = map_zero(len, MAP_PRIVATE), *q;
	int pipefd[2], status, ok;
	pid_t pid;
	char c;

	ktap_result(p && all_bytes(p, len, 0), "private_map_reads_zero");
	if (!p) {
		ktap_result(0, "private_child_write_not_seen_by_parent");
		ktap_result(0, "private_parent_write_after_fork_not_seen_by_child");
		ktap_result(0, "private_second_map_reads_zero");
		return;
	}
	memset(p, 'A', psize);
	ok = in_child(child_writes_b, p);
	ktap_result(ok && all_bytes(p, psize, 'A'),
		    "private_child_write_not_seen_by_parent");

	ok = 0;
	if (pipe(pipefd) == 0) {
		pid = fork();
		if (pid == 0) {
			close(pipefd[1]);
			if (read(pipefd[0], &c, 1) != 1)
				_exit(2);
			_exit(all_bytes(p, psize, 'A') ? 0 : 1);
		}
		close(pipefd[0]);
		memset(p, 'P', psize);
		if (write(pipefd[1], "x", 1) == 1 && pid > 0 &&
		    waitpid(pid, &status, 0) == pid)
			ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
		close(pipefd[1]);
	}
	ktap_result(ok, "private_parent_write_after_fork_not_seen_by_child");

	q = map_zero(len, MAP_PRIVATE);
	ktap_result(q && all_bytes(q, len, 0), "private_second_map_reads_zero");
	munmap(q, len);
	munmap(p, len);
}

static int child_sees_a_writes_c(char *p)
{
	int saw_a = all_bytes(p, psize, 'A');

	memset(p + psize, 'C', psize);
	return saw_a;
}

static void test_shared(void)
{
	size_t len = PAGES * psize;
	char *p = map_zero(len, MAP_SHARED);
	int pipefd[2], status, ok = 0;
	pid_t pid;
	char c;

	ktap_result(p && all_bytes(p, len, 0), "shared_map_reads_zero");
	if (!p) {
		ktap_result(0, "shared_child_write_seen_by_parent");
		ktap_result(0, "shared_parent_write_after_fork_seen_by_child");
		return;
	}
	memset(p, 'A', psize);
	ok = in_child(child_sees_a_writes_c, p);
	ktap_result(ok && all_bytes(p + psize, psize, 'C'),
		    "shared_child_write_seen_by_parent");

	ok = 0;
	if (pipe(pipefd) == 0) {
		pid = fork();
		if (pid == 0) {
			close(pipefd[1]);
			if (read(pipefd[0], &c, 1) != 1)
				_exit(2);
			_exit(all_bytes(p + 2 * psize, psize, 'P') ? 0 : 1);
		}
		close(pipefd[0]);
		memset(p + 2 * psize, 'P', psize);
		if (write(pipefd[1], "x", 1) == 1 && pid > 0 &&
		    waitpid(pid, &status, 0) == pid)
			ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
		close(pipefd[1]);
	}
	ktap_result(ok, "shared_parent_write_after_fork_seen_by_child");
	munmap(p, len);
}

static sigjmp_buf bus_jmp;

static void on_sigbus(int sig __attribute__((unused)))
{
	siglongjmp(bus_jmp, 1);
}

/* Does reading @p raise SIGBUS? */
static int read_faults(volatile char *p)
{
	struct sigaction sa = { .sa_handler = on_sigbus }, old;
	int faulted = 0;

	sigaction(SIGBUS, &sa, &old);
	if (sigsetjmp(bus_jmp, 1))
		faulted = 1;
	else
		(void)*p;
	sigaction(SIGBUS, &old, NULL);
	return faulted;
}

static void test_mremap(void)
{
	size_t len = 2 * psize;
	char *p = map_zero(len, MAP_PRIVATE), *q;

	ktap_result(p != NULL, "mremap_private_setup");
	if (!p) {
		ktap_result(0, "mremap_private_grow_keeps_data_new_part_zero");
		ktap_result(0, "mremap_private_shrink_keeps_data");
		ktap_result(0, "mremap_shared_grow_keeps_data");
		ktap_result(0, "mremap_shared_grow_beyond_object_faults");
		return;
	}
	memset(p, 'M', len);
	q = mremap(p, len, 4 * len, MREMAP_MAYMOVE);
	ktap_result(q != MAP_FAILED && all_bytes(q, len, 'M') &&
		    all_bytes(q + len, 3 * len, 0),
		    "mremap_private_grow_keeps_data_new_part_zero");
	if (q == MAP_FAILED)
		q = p;
	p = mremap(q, 4 * len, psize, 0);
	ktap_result(p == q && all_bytes(p, psize, 'M'),
		    "mremap_private_shrink_keeps_data");
	munmap(p == MAP_FAILED ? q : p, p == MAP_FAILED ? 4 * len : (size_t)psize);

	/*
	 * A shared /dev/zero map is a shmem object of the mapped size: it
	 * can grow, but past the object's end there is nothing to read.
	 */
	p = map_zero(len, MAP_SHARED);
	if (!p) {
		ktap_result(0, "mremap_shared_grow_keeps_data");
		ktap_result(0, "mremap_shared_grow_beyond_object_faults");
		return;
	}
	memset(p, 'S', len);
	q = mremap(p, len, 2 * len, MREMAP_MAYMOVE);
	ktap_result(q != MAP_FAILED && all_bytes(q, len, 'S'),
		    "mremap_shared_grow_keeps_data");
	ktap_result(q != MAP_FAILED && read_faults(q + len),
		    "mremap_shared_grow_beyond_object_faults");
	munmap(q == MAP_FAILED ? p : q, q == MAP_FAILED ? len : 2 * len);
}

static void test_madvise(void)
{
	size_t len = PAGES * psize;
	char *p = map_zero(len, MAP_PRIVATE), *s = map_zero(len, MAP_SHARED);

	if (p)
		memset(p, 'D', len);
	ktap_result(p && madvise(p, len, MADV_DONTNEED) == 0 &&
		    all_bytes(p, len, 0), "madv_dontneed_private_rezeroes");
	if (s)
		memset(s, 'D', len);
	ktap_result(s && madvise(s, len, MADV_DONTNEED) == 0 &&
		    all_bytes(s, len, 'D'), "madv_dontneed_shared_keeps_data");
	if (p)
		munmap(p, len);
	if (s)
		munmap(s, len);
}

/* The /proc/self/maps line of the mapping starting at @p, without address. */
static int maps_entry(void *p, size_t len, char *perms, char *path)
{
	char line[512], want[64];
	FILE *f = fopen("/proc/self/maps", "r");
	int found = 0;

	if (!f)
		return 0;
	snprintf(want, sizeof(want), "%lx-%lx ", (unsigned long)p,
		 (unsigned long)p + len);
	while (fgets(line, sizeof(line), f)) {
		if (strncmp(line, want, strlen(want)))
			continue;
		/* start-end perms offset dev inode path */
		path[0] = 0;
		if (sscanf(line, "%*s %4s %*s %*s %*s %[^\n]", perms, path) >= 1)
			found = 1;
		break;
	}
	fclose(f);
	if (found)
		ktap_diag("maps: %s %s", perms, path);
	return found;
}

static void test_maps(void)
{
	size_t len = PAGES * psize;
	char *p = map_zero(len, MAP_PRIVATE), *s = map_zero(len, MAP_SHARED);
	char perms[8], path[256];

	ktap_result(p && maps_entry(p, len, perms, path) &&
		    !strcmp(perms, "rw-p") && !strcmp(path, "/dev/zero"),
		    "maps_private_rw_p_dev_zero");
	ktap_result(s && maps_entry(s, len, perms, path) &&
		    !strcmp(perms, "rw-s") && !strcmp(path, "/dev/zero (deleted)"),
		    "maps_shared_rw_s_dev_zero_deleted");

	ktap_result(p && mprotect(p, len, PROT_READ) == 0 && all_bytes(p, len, 0) &&
		    maps_entry(p, len, perms, path) && !strcmp(perms, "r--p"),
		    "mprotect_private_read_only");
	if (p)
		munmap(p, len);
	if (s)
		munmap(s, len);
}

int main(void)
{
	psize = sysconf(_SC_PAGESIZE);
	ktap_plan(17);
	zero_fd = open("/dev/zero", O_RDWR);
	if (zero_fd < 0)
		ktap_diag("open /dev/zero: %s", strerror(errno));
	test_private();
	test_shared();
	test_mremap();
	test_madvise();
	test_maps();
	return ktap_exit();
}
