#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make check: what the kernel test robot checks, per patch and on the whole
# series, each against the base where the base has warnings of its own.
#   per patch: Signed-off-by matches From; the userland VMA harness builds
#              and passes (checkpatch runs in make test);
#   series:    sparse (C=2) and coccicheck (MODE=report) on every touched C
#              file the x86_64 test config builds: no new report; and a
#              riscv64 nommu_virt_defconfig vmlinux builds and links.
# Usage: check.sh TREE PATCHED_OBJ BASE_TREE BASE_OBJ RESULTS
set -uo pipefail
. "$(dirname "$0")/common.sh"

tree=$1 obj=$2 btree=$3 bobj=$4 res=$5
dir=$B/check
: > "$res"
mkdir -p "$dir"

# Per patch. A worktree of build/linux holds each commit in turn.
wt=$dir/tree
worktree_at_base "$tree" "$wt"
i=0
for c in $(git -C "$tree" rev-list --reverse base..HEAD); do
	i=$((i + 1))
	p=$(printf '%04d' $i)
	from=$(git -C "$tree" log -1 --format='%an <%ae>' "$c")
	if git -C "$tree" log -1 --format=%B "$c" | grep -qxF "Signed-off-by: $from"; then
		echo "ok check:$p:signed-off-by-author" >> "$res"
	else
		echo "not ok check:$p:signed-off-by-author" >> "$res"
		echo "check: patch $p has no Signed-off-by: $from"
	fi
	git -C "$wt" checkout -q --detach "$c"
	v=$wt/tools/testing/vma
	if make -C "$v" clean > /dev/null 2>&1 &&
	   make -C "$v" -j"$(nproc)" > "$dir/vma-$p.log" 2>&1 &&
	   (cd "$v" && ./vma) >> "$dir/vma-$p.log" 2>&1; then
		echo "ok check:$p:vma-harness" >> "$res"
	else
		echo "not ok check:$p:vma-harness" >> "$res"
		echo "check: patch $p: the VMA harness fails to build or pass:"
		tail -n 15 "$dir/vma-$p.log" | sed 's/^/  /'
	fi
done
worktree_drop "$tree" "$wt"

# The touched C files the test config builds.
files=$(git -C "$tree" diff --name-only base HEAD -- '*.c' | grep -v '^tools/' |
	while read -r f; do [ -f "$obj/${f%.c}.o" ] && echo "${f%.c}.o"; done)

# Run a checker on the objects of a tree; the reports, without line numbers
# (in the location and in the message: coccicheck says "on line N").
kcheck() { # src obj log make-args...
	local src=$1 o=$2 log=$3
	shift 3
	make -k -C "$src" O="$o" ARCH=x86_64 CC="$KCC" HOSTCC="$KHOSTCC" "$@" $files \
		> "$log" 2>&1
}
reports() { # log pattern src
	grep -E "$2" "$1" | sed -E "s|$(cd "$3" && pwd -P)/||g; s|\.\./||g" |
		sed -E 's/:[0-9]+(:[0-9]+)?(-[0-9]+)?:/:/g; s/\<(lines?) [0-9]+/\1 N/g' |
		sort -u
}
compare() { # name pattern make-args...
	local name=$1 pat=$2 new
	shift 2
	kcheck "$tree" "$obj" "$dir/$name.log" "$@" || {
		echo "not ok check:$name" >> "$res"
		echo "check: $name: the run failed:"; tail -n 20 "$dir/$name.log" | sed 's/^/  /'
		return
	}
	kcheck "$btree" "$bobj" "$dir/$name-base.log" "$@"
	new=$(comm -13 <(reports "$dir/$name-base.log" "$pat" "$btree") \
		<(reports "$dir/$name.log" "$pat" "$tree"))
	new_reports_case "$res" "check:$name" "$new" "check: $name: new reports"
}
echo "check: sparse and coccicheck on:" $files
compare sparse ': (warning|error):' C=2
compare coccicheck '^[^ ]+\.[ch]:[0-9]+' C=2 CHECK="$tree/scripts/coccicheck" MODE=report

# Without an MMU: the series links a riscv64 nommu_virt_defconfig vmlinux
# (make test's KUnit tier runs its nommu suite on such a kernel).
if "$(dirname "$0")/nommu.sh" "$tree" "$B/obj/riscv-nommu" > "$dir/nommu.log" 2>&1; then
	echo "ok check:nommu-virt-defconfig-links" >> "$res"
else
	echo "not ok check:nommu-virt-defconfig-links" >> "$res"
	echo "check: the riscv64 nommu_virt_defconfig vmlinux does not build or link:"
	tail -n 20 "$dir/nommu.log" | sed 's/^/  /'
fi
exit 0
