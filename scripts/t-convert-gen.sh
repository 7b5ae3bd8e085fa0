#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The semantic patch on handlers no one wrote by hand: tests/convert/gen.py
# makes COUNT distinct .mmap handlers from SEED, spatch converts or refuses
# each (patch mode and report mode must agree), and the converted pairs
# replace the Before/After blocks of the KUnit suite mmap_prepare_cocci in
# a scratch worktree of TREE, which kunit.py runs on UML: each pair is
# mapped every way the suite maps (shared and private, read-only and
# writable, a file opened read-only, one page and several, offsets, past
# the end, MAP_FIXED over a mapping) and must give the same errno or the
# same VMA, PTEs and contents. One case per converted handler
# (convert-gen:mmap_prepare_cocci:mpc_before_after:mpg_N), the checks of
# scripts/convert-gen.py, and a clean kernel log.
# Usage: t-convert-gen.sh TREE RESULTS SEED COUNT
set -uo pipefail
. "$(dirname "$0")/common.sh"

tree=$(cd "$1" && pwd) res=$2 seed=$3 count=$4
here=$(cd "$(dirname "$0")" && pwd)
cocci=$tree/scripts/coccinelle/api/mmap_prepare.cocci
dir=$B/convert-gen
# The worktree and its build directory sit as deep as build/linux and
# build/obj/kunit-um, so ccache (base directory: the checkout) sees the
# same relative paths and rebuilds only the suite.
wt=$B/gen/linux obj=$B/gen/obj/um
: > "$res"
command -v spatch > /dev/null || die "spatch not found (make deps installs coccinelle)"
rm -rf "$dir"
mkdir -p "$dir"

"$here/../tests/convert/gen.py" "$seed" "$count" "$dir/gen.c" || die "gen.py failed"
"$here/convert-gen.py" split "$dir/gen.c" "$dir" 4
# Both modes on each chunk, as many at once as there are CPUs.
export cocci
find "$dir" -name 'chunk-*.c' -print0 | sort -z | xargs -0 -n 1 -P "$(nproc)" sh -c '
	c=$1 o=${1%.c}.out.c
	spatch --very-quiet --no-includes --sp-file "$cocci" -D report -D refusals \
		"$c" > "${c%.c}.report" 2> "${c%.c}.log"
	cp "$c" "$o"
	spatch --very-quiet --no-includes --sp-file "$cocci" -D patch --in-place \
		"$o" > /dev/null 2>> "${c%.c}.log" || rm -f "$o"' sh
echo "convert-gen: seed $seed, $count handlers ($dir/gen.c)"

worktree_drop "$tree" "$wt"
git -C "$tree" worktree add -q --detach "$wt" HEAD || die "cannot make the worktree $wt"
"$here/convert-gen.py" judge "$dir" "$wt/mm/mmap_prepare_kunit.c" "$res" ||
	{ echo "not ok convert-gen:judge" >> "$res"; exit 0; }

mkdir -p "$obj"
json=$dir/results.json
(cd "$wt" && python3 tools/testing/kunit/kunit.py run --arch=um \
	$(for k in $KUNITCONFIG; do echo "--kunitconfig=$k"; done) \
	--kconfig_add CONFIG_UML_PCI_OVER_VIRTIO=n --build_dir="$obj" \
	--jobs="$(nproc)" --make_options CC="$KCC" --make_options HOSTCC="$KHOSTCC" \
	--timeout=900 --json="$json" mmap_prepare_cocci) > "$dir/kunit.log" 2>&1
rc=$?
if [ ! -s "$json" ]; then
	echo "not ok convert-gen:kunit-ran" >> "$res"
	echo "convert-gen: kunit.py produced no results (exit $rc):"
	tail -n 40 "$dir/kunit.log" | sed 's/^/  /'
else
	python3 - "$json" >> "$res" <<'PY'
import json, sys

def walk(group, path):
	for case in group.get("test_cases", []):
		st = "ok" if case["status"] == "PASS" else "not ok"
		print(f"{st} {path}{case['name']}")
	for sub in group.get("sub_groups", []):
		walk(sub, f"{path}{sub['name']}:")

walk(json.load(open(sys.argv[1])), "convert-gen:")
PY
	# Every converted pair was mapped: a case for each.
	n=$(grep -c 'ok convert-gen:.*:mpc_before_after:mpg_' "$res")
	c=$(grep -c . "$dir/converted.txt")
	if [ "$n" -eq "$c" ] && [ "$c" -gt 0 ]; then
		echo "ok convert-gen:every-converted-pair-mapped" >> "$res"
	else
		echo "not ok convert-gen:every-converted-pair-mapped" >> "$res"
		echo "convert-gen: $c handlers converted, $n mapped"
	fi
	[ "$rc" -eq 0 ] && echo "ok convert-gen:kunit-exit-status" >> "$res" ||
		echo "not ok convert-gen:kunit-exit-status" >> "$res"
	grep '^not ok convert-gen:.*mpg_' "$res" | head -n 20 | while read -r _ _ name; do
		echo "convert-gen: ${name##*:} differs; its handlers:"
		awk -v n="/* mpg ${name##*mpg_} " 'index($0, n) == 1 { on = 1; next }
			/^\/\* mpg / { on = 0 } on' "$dir/gen.c" | sed 's/^/  /'
	done
	log_clean_case "$res" "convert-gen:no-warning-lockdep-kasan-bug-report" \
		"$obj/test.log" "$kunit_log_bad"
fi
worktree_drop "$tree" "$wt"
exit 0
