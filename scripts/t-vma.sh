#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Userland VMA harness tier: build tools/testing/vma (with the sanitizers its
# Makefile uses) and run it. Each TEST() in vma.c is a case; the harness
# prints a line for each test that passes or fails, and the totals.
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
# A test passed only if it said so. One that crashed the harness (a
# sanitizer abort, a signal), and every test after it, reports nothing and
# fails; so does a non-zero exit or totals that do not add up.
names=$(sed -n 's/^[[:space:]]*TEST(\([a-z0-9_]*\));.*/\1/p' "$dir/vma.c")
passed=$(sed -n 's/^Test \([a-z0-9_]*\) passed$/\1/p' "$B/vma.out")
failed=$(sed -n 's/^Test \([a-z0-9_]*\) FAILED$/\1/p' "$B/vma.out")
[ -n "$names" ] || echo "not ok vma:no-tests-found" >> "$res"
for t in $names; do
	if grep -qxF "$t" <<<"$failed"; then
		echo "not ok vma:$t" >> "$res"
	elif grep -qxF "$t" <<<"$passed"; then
		echo "ok vma:$t" >> "$res"
	else
		echo "not ok vma:$t" >> "$res"
		echo "vma: $t never reported (the harness crashed or stopped before it)"
	fi
done
total=$(sed -n 's/^\([0-9]*\) tests run, \([0-9]*\) passed, \([0-9]*\) failed\.$/\1 \2 \3/p' "$B/vma.out")
nnames=$(wc -w <<<"$names")
npassed=$(grep -c . <<<"$passed")
if [ $rc -eq 0 ] && [ "$total" = "$nnames $npassed 0" ] && [ "$npassed" -eq "$nnames" ]; then
	echo "ok vma:exit-status-and-totals" >> "$res"
else
	echo "not ok vma:exit-status-and-totals" >> "$res"
	echo "vma: exit $rc, harness totals '${total:-none}', $npassed of $nnames reported passing"
fi
exit 0
