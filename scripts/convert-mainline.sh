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
mkdir -p "$out/src"
conv=0 part=0 ref=0 n=0
{
	printf '%-44s %-8s %s\n' FILE RESULT "WHAT IT MAKES OF EACH HANDLER (mainline's handler)"
	grep -v '^#' "$list" | while read -r f ml; do
		[ -n "$f" ] || continue
		d=$out/src/$(dirname "$f")
		mkdir -p "$d"
		git -C "$tree" show "base:$f" > "$out/src/$f" || { echo "$f: not in the base"; continue; }
		(cd "$out/src" && spatch --very-quiet --no-includes --sp-file "$cocci" \
			-D report -D refusals "$f" 2> /dev/null) > "$out/$(tr / _ <<<"$f").report"
		cp "$out/src/$f" "$out/src/$f.orig"
		(cd "$out/src" && spatch --very-quiet --no-includes --sp-file "$cocci" \
			-D patch --in-place "$f" > /dev/null 2>&1)
		diff -u --label "a/$f" --label "b/$f" "$out/src/$f.orig" "$out/src/$f" \
			> "$out/$(tr / _ <<<"$f").patch"
		r=$out/$(tr / _ <<<"$f").report
		c=$(grep -c 'can be converted' "$r")
		x=$(grep -c 'not converted' "$r")
		if [ "$c" -gt 0 ] && [ "$x" -eq 0 ]; then s=converted
		elif [ "$c" -gt 0 ]; then s=partly
		elif [ "$x" -gt 0 ]; then s=refused
		else s=none
		fi
		what=$(sed -E 's/^[^ ]+: mmap handler //; s/ can be converted to mmap_prepare/: converted/' "$r" |
			sort -u | paste -sd '\t' | sed 's/\t/; /g')
		printf '%-44s %-8s %s (mainline: %s)\n' "$f" "$s" "${what:-no .mmap handler found}" "$ml"
	done
} > "$out/table.txt"
awk 'NR > 1 { n++; c[$2]++ } END { printf "%d files: %d converted, %d partly, %d refused, %d with no handler found\n", n, c["converted"], c["partly"], c["refused"], c["none"] }' \
	"$out/table.txt" | tee "$out/summary.txt"
