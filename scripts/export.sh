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
n=0
: > "$tmp/series"
for f in "$tmp"/*.patch; do
	[ -f "$f" ] || continue
	cp "$f" "$P/"
	echo "${f##*/}" >> "$tmp/series"
	n=$((n + 1))
done
cp "$tmp/series" "$P/series"
echo "export: $n patches in $P"
git -C "$P" status --short -- . 2>/dev/null || true
