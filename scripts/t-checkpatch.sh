#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# checkpatch.pl --strict on every patch of the series: one case per patch.
# A remark a patch keeps on purpose is justified in its commit message: a
# paragraph that mentions checkpatch and names the remark's type (for
# example NEW_TYPEDEFS). Only the types so named are ignored, per patch.
# Usage: t-checkpatch.sh TREE RESULTS
set -uo pipefail
. "$(dirname "$0")/common.sh"

tree=$1 res=$2
: > "$res"
n=0
while read -r p; do
	case "$p" in ''|'#'*) continue ;; esac
	n=$((n + 1))
	# The commit message: after the headers, up to the diffstat's "---".
	ignore=$(awk 'body && /^---$/ { exit } body { print } /^$/ { body = 1 }' "$P/$p" |
		awk -v RS= '/checkpatch/' |
		grep -oE '\b[A-Z][A-Z0-9_]{2,}\b' | sort -u | paste -sd, -)
	args=(--strict --quiet --show-types)
	[ -n "$ignore" ] && args+=(--ignore "$ignore")
	if out=$(cd "$tree" && ./scripts/checkpatch.pl "${args[@]}" "$P/$p" 2>&1); then
		echo "ok checkpatch:$p" >> "$res"
		[ -z "$ignore" ] || echo "checkpatch: $p: justified in its message: $ignore"
	else
		echo "not ok checkpatch:$p" >> "$res"
		echo "checkpatch: $p:"
		sed 's/^/  /' <<<"$out"
	fi
done < "$P/series"
[ $n -gt 0 ] || echo "not ok checkpatch:series-is-empty" >> "$res"
exit 0
