#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Documentation: make SPHINXDIRS=mm htmldocs must print no warning the base
# does not print (the base's tree is $B/base), and scripts/kernel-doc -none -Wall must print no
# warning on a touched source or header that it does not print on the base.
# Usage: t-docs.sh TREE RESULTS
set -uo pipefail
. "$(dirname "$0")/common.sh"

tree=$1 res=$2
dir=$B/docs
: > "$res"
mkdir -p "$dir"
touched=$(git -C "$tree" diff --name-only base HEAD)

# Sphinx only rereads what changed: build from scratch, on the patched tree
# and on the base tree, and compare the warnings without line numbers.
htmldocs() { # tree label
	rm -rf "$dir/$2"
	(cd "$1" && make BUILDDIR="$dir/$2" SPHINXDIRS=mm htmldocs) > "$dir/$2.log" 2>&1
}
warnings() { # label tree
	grep -E 'WARNING|ERROR' "$dir/$1.log" | sed -E "s|^$2/||; s|:[0-9]+:|:|" | sort -u
}
htmldocs "$tree" html
rc=$?
htmldocs "$B/base" html-base
new=$(comm -13 <(warnings html-base "$(cd "$B/base" && pwd -P)") \
	<(warnings html "$(cd "$tree" && pwd -P)"))
if [ $rc -eq 0 ] && [ -z "$new" ] && [ -s "$dir/html/mm/mmap_prepare.html" ]; then
	echo "ok docs:htmldocs-mm" >> "$res"
else
	echo "not ok docs:htmldocs-mm" >> "$res"
	echo "docs: make SPHINXDIRS=mm htmldocs (exit $rc), new warnings:"
	{ [ -n "$new" ] && echo "$new"; tail -n 5 "$dir/html.log"; } | sed 's/^/  /'
fi

# kernel-doc, file by file, against the same file on the base. With -none
# it exits 0 unless it could not run or parse (a missing file, a perl
# error): a non-zero exit on the patched file fails, whatever it printed.
kd() { # file-path-in-tree label out
	"$tree/scripts/kernel-doc" -none -Wall "$1" > "$3.raw" 2>&1
	local rc=$?
	sed -E "s|^.*$2:[0-9]+:|$2:|" "$3.raw" | sort > "$3"
	return $rc
}
for f in $(grep -E '\.[ch]$' <<<"$touched" | grep -v '^tools/'); do
	mkdir -p "$dir/base/$(dirname "$f")" "$dir/kd/$(dirname "$f")"
	git -C "$tree" show "base:$f" > "$dir/base/$f" 2>/dev/null || : > "$dir/base/$f"
	(cd "$dir/base" && kd "$f" "$f" "$dir/kd/$f.base")
	(cd "$tree" && kd "$f" "$f" "$dir/kd/$f.new")
	rc=$?
	new=$(comm -13 "$dir/kd/$f.base" "$dir/kd/$f.new")
	[ $rc -eq 0 ] || new="kernel-doc exited $rc:
$(tail -n 5 "$dir/kd/$f.new.raw")"
	new_reports_case "$res" "kernel-doc:$f" "$new" "kernel-doc: $f: new warnings"
done
exit 0
