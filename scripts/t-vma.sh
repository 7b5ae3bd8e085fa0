#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Userland VMA harness tier: build tools/testing/vma (with the sanitizers its
# Makefile uses) and run it. Each TEST() in vma.c is a case; the harness
# names the ones that fail and prints the totals, which must add up.
# Usage: t-vma.sh TREE RESULTS
set -uo pipefail
. "$(dirname "$0")/common.sh"

tree=$1 res=$2
dir=$tree/tools/testing/vma
: > "$res"
log=$B/vma.log
if ! make -C "$dir" -j"$(nproc)" > "$log" 2>&1; then
	echo "not ok vma:build" >> "$res"
	echo "vma: the harness does not build:"
	grep -E 'error|undefined' "$log" | head -n 20 | sed 's/^/  /'
	exit 0
fi
echo "ok vma:build" >> "$res"
(cd "$dir" && ./vma) > "$B/vma.out" 2>&1
rc=$?
cat "$B/vma.out"
names=$(sed -n 's/^[[:space:]]*TEST(\([a-z0-9_]*\));.*/\1/p' "$dir/vma.c")
failed=$(sed -n 's/^Test \([a-z0-9_]*\) FAILED$/\1/p' "$B/vma.out")
for t in $names; do
	if grep -qxF "$t" <<<"$failed"; then
		echo "not ok vma:$t" >> "$res"
	else
		echo "ok vma:$t" >> "$res"
	fi
done
# The harness' own totals must agree with what was counted above.
total=$(sed -n 's/^\([0-9]*\) tests run, \([0-9]*\) passed, \([0-9]*\) failed\.$/\1 \2 \3/p' "$B/vma.out")
nnames=$(wc -w <<<"$names")
nfailed=$(grep -c . <<<"$failed")
if [ $rc -ne 0 ] || [ "$total" != "$nnames $((nnames - nfailed)) $nfailed" ]; then
	echo "not ok vma:totals-agree" >> "$res"
	echo "vma: exit $rc, harness totals '$total', counted $nnames tests with $nfailed failed"
fi
exit 0
