#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make export: rewrite patches/*.patch and patches/series from build/linux.
# Deterministic: exporting an unchanged tree changes no byte.
set -euo pipefail
. "$(dirname "$0")/common.sh"

T=$B/linux
[ -d "$T/.git" ] || die "no tree at $T; run 'make tree' first"
tree_check_clean "$T"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
format_series "$T" "$tmp"
mkdir -p "$P"
rm -f "$P"/*.patch
# The series file's comment lines name groups of patches; each stays
# before the patch of the number it preceded (renumbering the patches means
# moving the comments by hand).
declare -A groups=()
if [ -f "$P/series" ]; then
	c=
	while IFS= read -r l; do
		case "$l" in
		'#'*) c+="$l"$'\n' ;;
		?*) [ -z "$c" ] || groups[${l%%-*}]=$c; c= ;;
		esac
	done < "$P/series"
fi
n=0
: > "$tmp/series"
for f in "$tmp"/*.patch; do
	[ -f "$f" ] || continue
	cp "$f" "$P/"
	name=${f##*/}
	printf '%s' "${groups[${name%%-*}]:-}" >> "$tmp/series"
	echo "$name" >> "$tmp/series"
	n=$((n + 1))
done
cp "$tmp/series" "$P/series"
echo "export: $n patches in $P"
git -C "$P" status --short -- . 2>/dev/null || true
