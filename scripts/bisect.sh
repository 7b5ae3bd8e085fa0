#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Bisectability: an x86_64 kernel (the fragments given) builds after each
# patch. A worktree
# of build/linux holds each commit in turn; one object directory is reused,
# so each build is incremental. One case per patch.
# Usage: bisect.sh TREE RESULTS FRAGMENT...
set -uo pipefail
. "$(dirname "$0")/common.sh"

tree=$1 res=$2
shift 2
wt=$B/bisect
o=$B/obj/bisect
worktree_at_base "$tree" "$wt"
i=0
for c in $(git -C "$tree" rev-list --reverse base..HEAD); do
	i=$((i + 1))
	p=$(printf '%04d' $i)
	git -C "$wt" checkout -q --detach "$c"
	start=$SECONDS
	# The options this commit's Kconfig knows: a patch's own option (the
	# KUnit suite's) is asked for from that patch on.
	git -C "$wt" grep -hoE '^(menu)?config [A-Za-z0-9_]+' -- '*Kconfig*' |
		awk '{ print $2 }' | sort -u > "$o.known"
	awk 'NR == FNR { known[$1] = 1; next }
		{ n = $0; sub(/^# /, "", n) }
		n ~ /^CONFIG_/ { sub(/^CONFIG_/, "", n); sub(/[= ].*/, "", n); if (!(n in known)) next }
		{ print }' "$o.known" "$@" > "$o.fragment"
	if "$(dirname "$0")/kbuild.sh" "$wt" "$o" "$o.fragment" > "$o-$p.log" 2>&1; then
		echo "ok bisect:$p:x86_64-kernel-builds" >> "$res"
	else
		echo "not ok bisect:$p:x86_64-kernel-builds" >> "$res"
		echo "bisect: the kernel does not build after patch $p:"
		grep -E 'error|Error' "$o-$p.log" | head -n 20 | sed 's/^/  /'
	fi
	echo "bisect: $p: $((SECONDS - start)) s"
done
worktree_drop "$tree" "$wt"
exit 0
