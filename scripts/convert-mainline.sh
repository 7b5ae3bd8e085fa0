#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The semantic patch on the 6.12 version (the base) of every file that
# mainline converted to .mmap_prepare by hand (tests/convert/mainline.txt),
# one spatch per file as a driver author runs it: OUT/table.txt says per
# file and handler whether it converts (and to what) or is refused (and
# why), beside mainline's handler; OUT/FILE.patch holds the conversion.
# Usage: convert-mainline.sh TREE OUT
set -uo pipefail
. "$(dirname "$0")/common.sh"

tree=$(cd "$1" && pwd) out=$2
cocci=$tree/scripts/coccinelle/api/mmap_prepare.cocci
list=$(cd "$(dirname "$0")/../tests/convert" && pwd)/mainline.txt
command -v spatch > /dev/null || die "spatch not found (make deps installs coccinelle)"
rm -rf "$out"
mkdir -p "$out/src" "$out/orig"
out=$(cd "$out" && pwd)
# The directories of the listed files as the base has them: a handler
# defined in another file is converted with the files that name it.
dirs=$(grep -v '^#' "$list" | awk 'NF { print $1 }' | xargs -n1 dirname | sort -u)
git -C "$tree" archive base -- $dirs | tar -x -C "$out/orig" || die "cannot extract $dirs from the base"
cp -a "$out/orig/." "$out/src/"
{
	printf '%-44s %-8s %s\n' FILE RESULT "WHAT IT MAKES OF EACH HANDLER (mainline's handler)"
	grep -v '^#' "$list" | while read -r f ml; do
		[ -n "$f" ] || continue
		[ -f "$out/src/$f" ] || { echo "$f: not in the base"; continue; }
		g=$(cocci_groups "$out/src" "$f")
		printf '%s\n' $g > "$out/group"
		r=$out/$(tr / _ <<<"$f").report
		(cd "$out/src" && spatch --very-quiet --no-includes --sp-file "$cocci" \
			-D report -D refusals --file-groups "$out/group" 2> /dev/null) > "$r"
		(cd "$out/src" && spatch --very-quiet --no-includes --sp-file "$cocci" \
			-D patch --in-place --file-groups "$out/group" > /dev/null 2>&1)
		(cd "$out" && for x in $g; do
			diff -u --label "a/$x" --label "b/$x" "orig/$x" "src/$x"
			cp "orig/$x" "src/$x"
		done) > "$out/$(tr / _ <<<"$f").patch"
		c=$(grep -c 'can be converted' "$r")
		x=$(grep -c 'not converted' "$r")
		if [ "$c" -gt 0 ] && [ "$x" -eq 0 ]; then s=converted
		elif [ "$c" -gt 0 ]; then s=partly
		elif [ "$x" -gt 0 ]; then s=refused
		else s=none
		fi
		what=$(sed -E 's/^[^ ]+: mmap handler //; s/ can be converted to mmap_prepare/: converted/' "$r" |
			sort -u | paste -sd '\t' | sed 's/\t/; /g')
		with=$(printf '%s\n' $g | grep -vx "$f" | paste -sd ' ')
		printf '%-44s %-8s %s (mainline: %s)\n' "$f" "$s" "${what:-no .mmap handler found}${with:+ [with $with]}" "$ml"
	done
} > "$out/table.txt"
awk 'NR > 1 { n++; c[$2]++ } END { printf "%d files: %d converted, %d partly, %d refused, %d with no handler found\n", n, c["converted"], c["partly"], c["refused"], c["none"] }' \
	"$out/table.txt" | tee "$out/summary.txt"
