#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# checkpatch.pl --strict on every patch of the series: one case per patch.
# Usage: t-checkpatch.sh TREE RESULTS
set -uo pipefail
. "$(dirname "$0")/common.sh"

tree=$1 res=$2
: > "$res"
n=0
while read -r p; do
	case "$p" in ''|'#'*) continue ;; esac
	n=$((n + 1))
	if out=$(cd "$tree" && ./scripts/checkpatch.pl --strict --quiet --no-tree \
			--show-types "$P/$p" 2>&1); then
		echo "ok checkpatch:$p" >> "$res"
	else
		echo "not ok checkpatch:$p" >> "$res"
		echo "checkpatch: $p:"
		sed 's/^/  /' <<<"$out"
	fi
done < "$P/series"
[ $n -gt 0 ] || echo "not ok checkpatch:series-is-empty" >> "$res"
exit 0
