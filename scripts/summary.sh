#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Print each tier's counts and the final line "N passed, N failed"; exit
# non-zero when a case failed or a tier reported nothing. Per tier, it also
# says how many distinct behaviours the results prove and how many are
# repeats: the same KUnit case on UML and on x86_64, the same boot case on
# the base and on the patched kernel, one check (checkpatch, kernel-doc)
# run over each patch or file.
# Usage: summary.sh RESULTS-FILE...
set -uo pipefail

tp=0 tf=0 ts=0 td=0
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
	d=$(sed -E 's/^(ok|not ok|skip) //; s/^kunit-(um|x86_64):/kunit:/;
		s/^boot-(base|patched):/boot:/; s/^regress-(base|patched):/regress:/; s/^(checkpatch|kernel-doc):.*/\1/' "$r" |
		sort -u | wc -l)
	echo "$tier: $p passed, $f failed, $s skipped" \
		"($d distinct, $((p + f + s - d)) repeats)"
	grep '^not ok ' "$r" | sed 's/^not ok /  FAILED: /'
	grep '^skip ' "$r" | sed 's/^skip /  skipped: /'
	tp=$((tp + p)) tf=$((tf + f)) ts=$((ts + s)) td=$((td + d))
done
[ $ts -eq 0 ] || echo "$ts skipped (not counted as passed)"
echo "$td distinct cases, $((tp + tf + ts - td)) repeats"
echo "$tp passed, $tf failed"
[ $tf -eq 0 ]
