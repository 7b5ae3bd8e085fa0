#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make convert: run the series' scripts/coccinelle/api/mmap_prepare.cocci
# over the patched tree, one spatch per file (a timeout or crash stays
# local to its file), and write what it converts as a second series: one
# commit per file on a worktree of the tree, exported to OUT/*.patch,
# each checked with checkpatch. report.txt has spatch's verdict on every
# handler found, converted or refused with its reasons. Then each converted
# file is built before and after (convert-build.sh), and three drivers
# QEMU reaches are run before and after (convert-boot.sh).
# Usage: convert.sh TREE OUT DIR...
# CONVERT_JOBS: spatch runs at a time (nproc); CONVERT_BUILD=0: no builds.
set -uo pipefail
. "$(dirname "$0")/common.sh"

tree=$1 out=$2
shift 2
cocci=${COCCI:-$tree/scripts/coccinelle/api/mmap_prepare.cocci}
[ -f "$cocci" ] || die "$cocci: not in the tree (the series adds it)"
command -v spatch >/dev/null || die "spatch not found (make deps installs coccinelle)"
wt=$B/convert
jobs=${CONVERT_JOBS:-$(nproc)}

worktree_drop "$tree" "$wt"
git -C "$tree" worktree add -q --detach "$wt" HEAD || die "cannot make the worktree $wt"
rm -rf "$out"
mkdir -p "$out"

# Files that assign a .mmap (a file_operations' or any other ops table's).
# Not mm/mmap_prepare_kunit.c: its "Before" block stays .mmap on purpose.
git -C "$wt" grep -lE '\.mmap[[:space:]]*=' -- "${@/%//*.c}" ':!mm/mmap_prepare_kunit.c' |
	sort > "$out/files.txt"
echo "convert: $(wc -l < "$out/files.txt") files with a .mmap in $*, $jobs at a time"

# One spatch per group of files (cocci_groups: a file with the files of
# its directory that name its handlers), report mode then patch mode in
# place. A failing or timed-out run is listed in errors.txt, never taken
# as "nothing to do".
(cd "$wt" && cocci_groups . $(cat "$out/files.txt")) |
	awk 'NF { printf "%s%s", g, $0; g = " "; next } { print ""; g = "" } END { print "" }' |
	grep . > "$out/groups.txt"
one() { # files of one group
	local f=$1 log grp
	log=$(mktemp)
	grp=$log.grp
	printf '%s\n' $1 > "$grp"
	f=${f%% *}
	if ! timeout 600 spatch --very-quiet --no-includes --timeout 300 \
		--sp-file "$cocci" -D report -D refusals --file-groups "$grp" > "$log.rep" 2> "$log"; then
		echo "$1: spatch -D report failed: $(tail -n 1 "$log")"
	elif [ -s "$log" ] && grep -q 'timeout' "$log"; then
		echo "$1: spatch -D report timed out"
	elif grep -q 'can be converted' "$log.rep" ||
		grep -qE '\.mmap[[:space:]]*=[[:space:]]*generic_file_(readonly_)?mmap\b' $1; then
		# Patch mode where report mode found something to convert.
		mkdir -p "$log.orig"
		cp --parents $1 "$log.orig/"
		if ! timeout 600 spatch --very-quiet --no-includes --timeout 300 \
			--sp-file "$cocci" -D patch --in-place --file-groups "$grp" > /dev/null 2> "$log"; then
			echo "$1: spatch -D patch failed: $(tail -n 1 "$log")"
		else
			for x in $1; do "$tidy" "$x" "$log.orig/$x"; done
		fi
		rm -rf "$log.orig"
	fi
	cat "$log.rep" >> "$f.cocci-report"
	rm -f "$log" "$log.rep" "$grp"
}
export -f one
export cocci tidy=$(cd "$(dirname "$0")" && pwd)/convert-tidy.py
start=$SECONDS
(cd "$wt" && xargs -a "$out/groups.txt" -d '\n' -P "$jobs" -I{} bash -c 'one "$1"' _ {}) > "$out/errors.txt"
(cd "$wt" && for g in $(awk '{ print $1 }' "$out/groups.txt"); do
	cat "$g.cocci-report" 2>/dev/null
	rm -f "$g.cocci-report"
done) | sort -t: -k1,1 -k2,2n > "$out/report.txt"
echo "convert: spatch over $(wc -l < "$out/files.txt") files in $(wc -l < "$out/groups.txt") groups: $((SECONDS - start)) s"

# One commit per converted file, its subject from the path.
subject() { # file
	local f=${1%.c} d b
	f=${f#drivers/}
	f=${f#sound/}
	d=$(dirname "$f") b=$(basename "$f")
	case $f in
	fs/*/*)	f=${f#fs/}; f=${f%%/*} ;;
	fs/*)	f=$b ;;
	*)	[ "$d" = . ] || case $b in "$(basename "$d")"|file|file_ops|fops|main|core)
			f=$d ;; esac ;;
	esac
	echo "$f: convert .mmap to .mmap_prepare"
}
handlers() { # file
	grep -F "$1:" "$out/report.txt" | grep 'can be converted' |
		sed -E 's/.*mmap handler ([A-Za-z0-9_]+) .*/\1()/' | sort -u | paste -sd' '
}
# Code MAINTAINERS marks obsolete wants no unnecessary change (checkpatch
# says so): its conversion is listed, not committed.
: > "$out/obsolete.txt"
for f in $(git -C "$wt" diff --name-only); do
	if (cd "$wt" && ./scripts/get_maintainer.pl --status --nom --nol --nogit \
		--nogit-fallback -f "$f" 2>/dev/null) | grep -qi '^obsolete'; then
		echo "$f" >> "$out/obsolete.txt"
		# with the rest of its group, which builds only with it
		git -C "$wt" checkout -q -- $(awk -v f="$f" '{ for (i = 1; i <= NF; i++) if ($i == f) print }' "$out/groups.txt") "$f"
	fi
done
git -C "$wt" diff --name-only > "$out/converted.txt"
# One commit per group: a handler renamed in its file, its header and the
# file_operations that use it builds only as one change.
commits=0
while read -r g; do
	chg=$(git -C "$wt" diff --name-only -- $g)
	[ -n "$chg" ] || continue
	f=$(grep -m1 '\.c$' <<<"$chg" || head -n 1 <<<"$chg")
	h=$(for x in $chg; do handlers "$x"; done | paste -sd' ' | sed 's/  */ /g; s/^ //; s/ $//')
	what=
	d=$(git -C "$wt" diff -- $chg)
	grep -q '^+.*mmap_action_remap' <<<"$d" && what="$what remap_pfn_range() becomes mmap_action_remap*(),"
	grep -q '^+.*mmap_action_ioremap' <<<"$d" && what="$what io_remap_pfn_range() becomes mmap_action_ioremap*(),"
	grep -q '^+.*mmap_action_simple_ioremap' <<<"$d" && what="$what vm_iomap_memory() becomes mmap_action_simple_ioremap(),"
	grep -q '^+.*generic_file_.*mmap_prepare' <<<"$d" && what="$what the generic page cache handlers become their _prepare forms,"
	grep -q '^+.*error_override' <<<"$d" && what="$what the errno it returned for a failed remap stays, as the action's error_override,"
	grep -q '^+EXPORT_SYMBOL' <<<"$d" && what="$what the handler is exported under its new name (a module calling the old one no longer builds),"
	[ -n "$what" ] || what=" the fields and flags it set go on the descriptor,"
	git -C "$wt" commit -q -s -m "$(subject "$f")" -m "$(fold -s -w 72 <<EOF | sed 's/ *$//'
Describe the mapping on a struct vm_area_desc in f_op->mmap_prepare instead of changing a VMA in f_op->mmap${h:+ ($h)}:${what%,}. The mm performs the action once the VMA is in place, so the driver never sees a half-built VMA.
EOF
)" -m "Generated by scripts/coccinelle/api/mmap_prepare.cocci (make convert)." -- $chg ||
		die "cannot commit the conversion of $chg"
	commits=$((commits + 1))
done < "$out/groups.txt"
git -C "$wt" -c core.abbrev=12 format-patch -q -N --zero-commit --no-signature \
	-o "$out" HEAD~"$commits"..HEAD

# checkpatch --strict on each patch, as on the series' own. A remark on a
# line the conversion only rewrote can be the driver's own style (its
# parentheses, its errno): such a type passes when checkpatch -f finds it
# in the original file and no more often in the converted one; any other
# remark fails.
types() { # checkpatch output
	sed -nE 's/^(ERROR|WARNING|CHECK):([A-Z0-9_]+):.*/\2/p' | sort
}
base=$(git -C "$tree" rev-parse HEAD)
: > "$out/checkpatch"
for p in "$out"/*.patch; do
	[ -f "$p" ] || continue
	name=$(basename "$p")
	# every file of the patch: a group's patch holds a header too
	files=$(sed -n 's|^+++ b/||p' "$p")
	(cd "$tree" && ./scripts/checkpatch.pl --strict --show-types -q "$p") > "$p.log" 2>&1
	new=
	orig=$(mktemp -d)
	for f in $files; do
		mkdir -p "$orig/$(dirname "$f")"
		git -C "$tree" show "$base:$f" > "$orig/$f"
	done
	for t in $(types < "$p.log" | uniq); do
		b=0 a=0
		for f in $files; do
			b=$((b + $(cd "$tree" && ./scripts/checkpatch.pl --strict --show-types -q -f "$orig/$f" 2>&1 | types | grep -cx "$t")))
			a=$((a + $(cd "$tree" && ./scripts/checkpatch.pl --strict --show-types -q -f "$wt/$f" 2>&1 | types | grep -cx "$t")))
		done
		[ "$b" -gt 0 ] && [ "$a" -le "$b" ] || new="$new $t"
	done
	if [ -z "$(types < "$p.log")" ]; then
		echo "ok checkpatch:$name" >> "$out/checkpatch"
	elif [ -z "$new" ]; then
		echo "ok checkpatch:$name" >> "$out/checkpatch"
		echo "convert: $name: the driver's own$(types < "$p.log" | uniq | sed 's/^/ /' | tr -d '\n') (no more of them in its files than before)"
	else
		echo "not ok checkpatch:$name" >> "$out/checkpatch"
		echo "convert: checkpatch on $name: new$new:"
		sed 's/^/  /' "$p.log"
	fi
	rm -rf "$p.log" "$orig"
done
n=$(grep -c . "$out/converted.txt")
echo "convert: $n files converted ($(grep -c . "$out/obsolete.txt") more left: obsolete)," \
	"$(grep -c 'not converted' "$out/report.txt") handlers refused," \
	"$(grep -c . "$out/errors.txt") spatch failures"
sed 's/^/  /' "$out/errors.txt"

# Each converted file, built before and after its conversion (not with
# CONVERT_BUILD=0).
if [ "${CONVERT_BUILD:-1}" = 0 ]; then
	"$(dirname "$0")/summary.sh" "$out/checkpatch"
	exit
fi
"$(dirname "$0")/convert-build.sh" "$wt" "$commits" "$out/build"
# Three converted drivers QEMU reaches, before and after, in the guest.
top=$(cd "$(dirname "$0")/.." && pwd)
"$(dirname "$0")/convert-boot.sh" "$tree" "$wt" "$out/boot" \
	"$top/configs/qemu.config" "$top/configs/debug.config"
"$(dirname "$0")/summary.sh" "$out/checkpatch" "$out/build" "$out/boot"
