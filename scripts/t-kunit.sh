#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# KUnit tier: tools/testing/kunit/kunit.py with the kunitconfig(s) the series
# keeps in the tree (KUNITCONFIG, relative to the tree), on UML and on the
# x86_64 kernel under QEMU (TCG). Cases are named kunit-ARCH:SUITE:CASE.
# Usage: t-kunit.sh TREE RESULTS
set -uo pipefail
. "$(dirname "$0")/common.sh"

tree=$1 res=$2
: > "$res"
args=()
for k in $KUNITCONFIG; do
	[ -e "$tree/$k" ] || { echo "not ok kunit:missing-kunitconfig:$k" >> "$res"; continue; }
	args+=(--kunitconfig="$k")
done

bad='(BUG:|Oops|Kernel panic|possible recursive locking|possible circular locking|inconsistent lock state|suspicious RCU usage|KASAN:|UBSAN:|kernel BUG)'
# KASAN where it is cheap: the x86_64 QEMU kernel.
kasan=(--kconfig_add CONFIG_KASAN=y --kconfig_add CONFIG_KASAN_GENERIC=y)

for arch in um x86_64; do
	dir=$B/kunit/$arch
	json=$dir/results.json
	mkdir -p "$dir"
	rm -f "$json"
	extra=()
	[ $arch = x86_64 ] && extra=(--qemu_args="-accel tcg" "${kasan[@]}")
	echo "kunit: $arch"
	(cd "$tree" && python3 tools/testing/kunit/kunit.py run --arch=$arch \
		"${args[@]}" "${extra[@]}" --build_dir="$B/obj/kunit-${arch/x86_64/x86}" \
		--jobs="$(nproc)" --make_options CC="$KCC" \
		--make_options HOSTCC="$KHOSTCC" --timeout=600 \
		--json="$json") > "$dir/kunit.log" 2>&1
	rc=$?
	grep -E '\[(PASSED|FAILED|SKIPPED|CRASHED)\]|Testing complete' "$dir/kunit.log" | tail -n 60
	if [ ! -s "$json" ]; then
		echo "not ok kunit-$arch:run" >> "$res"
		echo "kunit: $arch: kunit.py produced no results (exit $rc); the end of its log:"
		tail -n 40 "$dir/kunit.log" | sed 's/^/  /'
		continue
	fi
	python3 - "$json" "$arch" >> "$res" <<'PY'
import json, sys

def walk(group, path):
	for case in group.get("test_cases", []):
		st = {"PASS": "ok", "SKIP": "skip"}.get(case["status"], "not ok")
		print(f"{st} {path}{case['name']}")
	for sub in group.get("sub_groups", []):
		walk(sub, f"{path}{sub['name']}:")

walk(json.load(open(sys.argv[1])), f"kunit-{sys.argv[2]}:")
PY
	[ $rc -eq 0 ] || echo "not ok kunit-$arch:exit-status" >> "$res"
	# Some tests feed drivers' bugs in on purpose, and the core warns once
	# for each: WARNINGs are expected. Lock, memory and VM reports are not.
	# kunit.py keeps the whole kernel log in test.log.
	log_clean_case "$res" "kunit-$arch:no-lockdep-kasan-bug-report" \
		"$B/obj/kunit-${arch/x86_64/x86}/test.log" "$bad"
done
exit 0
