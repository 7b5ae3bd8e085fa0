/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Minimal KTAP output for the boot test's static programs. Every line is
 * flushed at once: stdout is a serial port.
 */
#ifndef ABI_KTAP_H
#define ABI_KTAP_H

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int ktap_nr, ktap_failed;

static inline void ktap_plan(int n)
{
	printf("KTAP version 1\n1..%d\n", n);
	fflush(stdout);
}

static inline void ktap_diag(const char *fmt, ...)
{
	va_list ap;

	printf("# ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
}

/* Report a case; returns @ok so callers can chain. */
static inline int ktap_result(int ok, const char *name)
{
	ktap_nr++;
	if (!ok)
		ktap_failed++;
	printf("%sok %d %s\n", ok ? "" : "not ", ktap_nr, name);
	fflush(stdout);
	return ok;
}

/* Report an errno-returning call: -1 with @want, or success when 0. */
static inline void ktap_errno(const char *name, long ret, int err, int want)
{
	if (ret == -1)
		ktap_diag("%s: got errno %d (%s)", name, err, strerror(err));
	else
		ktap_diag("%s: succeeded", name);
	ktap_result(want ? ret == -1 && err == want : ret != -1, name);
}

static inline int ktap_exit(void)
{
	return ktap_failed ? 1 : 0;
}

#endif /* ABI_KTAP_H */
