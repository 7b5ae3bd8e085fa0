#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Print each tier's counts and the final line "N passed, N failed"; exit
# non-zero when a case failed or a tier reported nothing.
# Usage: summary.sh RESULTS-FILE...
set -uo pipefail

tp=0 tf=0 ts=0
for r in "$@"; do
	tier=${r##*/}
	if [ ! -s "$r" ]; then
		echo "$tier: reported no cases"
		tf=$((tf + 1))
		continue
	fi
	p=$(grep -c '^ok ' "$r")
	f=$(grep -c '^not ok ' "$r")
	s=$(grep -c '^skip ' "$r")
	echo "$tier: $p passed, $f failed, $s skipped"
	grep '^not ok ' "$r" | sed 's/^not ok /  FAILED: /'
	grep '^skip ' "$r" | sed 's/^skip /  skipped: /'
	tp=$((tp + p)) tf=$((tf + f)) ts=$((ts + s))
done
[ $ts -eq 0 ] || echo "$ts skipped (not counted as passed)"
echo "$tp passed, $tf failed"
[ $tf -eq 0 ]
