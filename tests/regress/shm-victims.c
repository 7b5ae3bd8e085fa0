// SPDX-License-Identifier: GPL-2.0
/*
 * shm-victims N: create N SysV shm segments of 1 to N pages with ids
 * 0 to N-1 (through /proc/sys/kernel/shm_next_id) and touch them, for a
 * fuzzer whose shmids are small numbers. They stay until removed; an id
 * that is taken already is left as it is.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int i, n = argc > 1 ? atoi(argv[1]) : 8;

	for (i = 0; i < n; i++) {
		size_t len = (i + 1) * sysconf(_SC_PAGESIZE);
		struct shmid_ds ds;
		FILE *f;
		int id;
		char *p;

		/* Left by an earlier run (or made by the fuzzer): a victim too. */
		if (shmctl(i, IPC_STAT, &ds) == 0)
			continue;
		f = fopen("/proc/sys/kernel/shm_next_id", "w");
		if (!f || fprintf(f, "%d", i) < 0 || fclose(f)) {
			perror("shm_next_id");
			return 1;
		}
		id = shmget(IPC_PRIVATE, len, IPC_CREAT | 0666);
		if (id != i) {
			fprintf(stderr, "shmget: id %d, not %d\n", id, i);
			return 1;
		}
		p = shmat(id, NULL, 0);
		if (p == (void *)-1) {
			perror("shmat");
			return 1;
		}
		memset(p, i, len);
		shmdt(p);
	}
	return 0;
}
