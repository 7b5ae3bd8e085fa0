#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# KUnit tier: tools/testing/kunit/kunit.py with the kunitconfig(s) the series
# keeps in the tree (KUNITCONFIG, relative to the tree), on UML and on the
# x86_64 kernel under QEMU (TCG). Cases are named kunit-ARCH:SUITE:CASE.
# KUNIT_RUNS (default "um x86_64 um-warn riscv-nommu") picks the runs;
# make mutate starts with UML alone.
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

bad=$kunit_log_bad
# KASAN where it is cheap: the x86_64 QEMU kernel.
kasan=(--kconfig_add CONFIG_KASAN=y --kconfig_add CONFIG_KASAN_GENERIC=y)
# kunit.py's UML defaults turn on PCI over virtio, which warns at boot
# without a device ID; nothing here uses PCI.
um=(--kconfig_add CONFIG_UML_PCI_OVER_VIRTIO=n)
# The suite of driver bugs that warn on purpose, off by default.
warn_suite=mmap_prepare_warn
warn=(--kconfig_add CONFIG_MMAP_PREPARE_KUNIT_WARN_TEST=y "$warn_suite")
# The only places the warn suite may warn from: the checks it feeds bugs to.
warn_files='include/linux/fs.h include/linux/mm.h mm/memory.c mm/vma.c mm/vma.h mm/util.c'
# (With ccache's base directory the kernel's file names can be relative
# paths to the tree: ../../linux/mm/vma.c.)
warn_sites="at ([^ ]*/)?($(sed 's/\./\\./g; s/ /|/g' <<<"$warn_files")):"
# Its last case makes lockdep report the inversion that hiding a page
# cache file from rmap would risk: that report, and no other.
inversion='possible circular locking dependency'
# inversion_case NAME LOG: lockdep reported i_mmap_rwsem -> fs_reclaim.
inversion_case() {
	if grep -q "$inversion" "$2" &&
	   grep -A60 "$inversion" "$2" | grep -q 'i_mmap_rwsem' &&
	   grep -A60 "$inversion" "$2" | grep -q 'fs_reclaim'; then
		echo "ok $1" >> "$res"
	else
		echo "not ok $1" >> "$res"
	fi
}

# run NAME ARCH BUILD-DIR [kunit.py arguments]: one kunit.py run; its cases
# are named kunit-NAME:SUITE:CASE. Prints the kernel log's path. With
# NOKUNITCONFIG=1, without the series' kunitconfig (MMU only).
run() {
	local name=$1 arch=$2 obj=$3 dir=$B/kunit/$1 json rc kargs=("${args[@]}")
	shift 3
	[ -z "${NOKUNITCONFIG:-}" ] || kargs=()
	json=$dir/results.json
	mkdir -p "$dir"
	rm -f "$json"
	echo "kunit: $name" >&2
	(cd "$tree" && python3 tools/testing/kunit/kunit.py run --arch=$arch \
		"${kargs[@]}" "$@" --build_dir="$obj" \
		--jobs="$(nproc)" --make_options CC="$KCC" \
		--make_options HOSTCC="$KHOSTCC" --timeout=600 \
		--json="$json") > "$dir/kunit.log" 2>&1
	rc=$?
	grep -E '\[(PASSED|FAILED|SKIPPED|CRASHED)\]|Testing complete' "$dir/kunit.log" | tail -n 60 >&2
	if [ ! -s "$json" ]; then
		echo "not ok kunit-$name:run" >> "$res"
		echo "kunit: $name: kunit.py produced no results (exit $rc); the end of its log:" >&2
		tail -n 40 "$dir/kunit.log" | sed 's/^/  /' >&2
		return 1
	fi
	python3 - "$json" "$name" >> "$res" <<'PY'
import json, sys

def walk(group, path):
	for case in group.get("test_cases", []):
		st = {"PASS": "ok", "SKIP": "skip"}.get(case["status"], "not ok")
		print(f"{st} {path}{case['name']}")
	for sub in group.get("sub_groups", []):
		walk(sub, f"{path}{sub['name']}:")

walk(json.load(open(sys.argv[1])), f"kunit-{sys.argv[2]}:")
PY
	[ $rc -eq 0 ] || echo "not ok kunit-$name:exit-status" >> "$res"
	# No case here may skip: a skip is counted as one, and fails the run.
	new_reports_case "$res" "kunit-$name:nothing-skipped" \
		"$(grep "^skip kunit-$name:" "$res")" "kunit: $name: skipped" >&2
	# kunit.py keeps the whole kernel log in test.log.
	echo "$obj/test.log"
}

# The default suites: not a single warning, nor any lock, memory or VM
# report, in the kernel log.
runs=" ${KUNIT_RUNS:-um x86_64 um-warn riscv-nommu} "
for arch in um x86_64; do
	[[ $runs == *" $arch "* ]] || continue
	extra=("${um[@]}")
	[ $arch = x86_64 ] && extra=(--qemu_args="-accel tcg" "${kasan[@]}")
	log=$(run $arch $arch "$B/obj/kunit-${arch/x86_64/x86}" "${extra[@]}") || continue
	grep -q "$warn_suite" "$log" &&
		echo "not ok kunit-$arch:$warn_suite-off-by-default" >> "$res"
	log_clean_case "$res" "kunit-$arch:no-warning-lockdep-kasan-bug-report" "$log" "$bad"
done

# The warn suite, on UML: its cases pass, every warning in the log comes
# from the checks it feeds driver bugs to (each warns once), each of those
# files warned, and there is no other report.
if [[ $runs == *" um-warn "* ]] && log=$(run um-warn um "$B/obj/kunit-um-warn" "${um[@]}" "${warn[@]}"); then
	w=$(grep 'WARNING:' "$log" | grep -v "$inversion")
	others=$(grep -Ev "$warn_sites" <<<"$w")
	new_reports_case "$res" "kunit-um-warn:warnings-only-from-the-checks" "$others" \
		"kunit: um-warn: warnings from elsewhere ($log)"
	for f in $warn_files; do
		if grep -qE "at ([^ ]*/)?${f//./\\.}:" <<<"$w"; then
			echo "ok kunit-um-warn:warned-in-$f" >> "$res"
		else
			echo "not ok kunit-um-warn:warned-in-$f" >> "$res"
		fi
	done
	inversion_case kunit-um-warn:lockdep-reports-the-rmap-reclaim-inversion "$log"
	other=${bad/WARNING:|/}
	log_clean_case "$res" "kunit-um-warn:no-other-lockdep-kasan-bug-report" "$log" \
		"${other/possible circular locking|/}"
fi

# What lockdep makes of hiding a file without page cache, which the HOWTO
# allows: the suite mmap_prepare_rmap_lockdep, alone in a boot of the warn
# run's kernel (lockdep reports once a boot). Its case passes, lockdep
# reports the i_mmap_rwsem -> fs_reclaim inversion (a false positive, the
# HOWTO says why), and nothing else is reported.
if [[ $runs == *" um-warn "* ]] &&
   log=$(run um-lockdep um "$B/obj/kunit-um-warn" "${um[@]}" \
	 --kconfig_add CONFIG_MMAP_PREPARE_KUNIT_WARN_TEST=y mmap_prepare_rmap_lockdep); then
	inversion_case kunit-um-lockdep:lockdep-reports-the-inversion-for-a-file-without-page-cache "$log"
	new_reports_case "$res" "kunit-um-lockdep:no-warning" \
		"$(grep 'WARNING:' "$log" | grep -v "$inversion")" \
		"kunit: um-lockdep: warnings ($log)"
	other=${bad/WARNING:|/}
	log_clean_case "$res" "kunit-um-lockdep:no-other-report" "$log" \
		"${other/possible circular locking|/}"
fi

# Behaviour 12: without an MMU, the compat layer works and every action is
# refused with a warning. The suite mmap_prepare_nommu, on riscv64 in
# machine mode under QEMU (nommu_virt_defconfig's options), cross compiled;
# every warning must come from mm/nommu.c's refusals, and they must warn.
nommu_qemu=$(cd "$(dirname "$0")/.." && pwd)/configs/kunit-riscv-nommu.py
if [[ $runs == *" riscv-nommu "* ]]; then
	if ! command -v riscv64-linux-gnu-gcc > /dev/null ||
	   ! command -v qemu-system-riscv64 > /dev/null; then
		echo "not ok kunit-riscv-nommu:tools" >> "$res"
		echo "kunit: riscv-nommu needs gcc-riscv64-linux-gnu and qemu-system-misc (make deps)" >&2
	elif log=$(NOKUNITCONFIG=1 KCC="${KCC%gcc}riscv64-linux-gnu-gcc" \
		   run riscv-nommu riscv "$B/obj/kunit-riscv-nommu" \
		   --qemu_config="$nommu_qemu" --cross_compile=riscv64-linux-gnu- \
		   --kconfig_add CONFIG_MMAP_PREPARE_NOMMU_KUNIT_TEST=y mmap_prepare_nommu); then
		w=$(grep 'WARNING:' "$log")
		new_reports_case "$res" "kunit-riscv-nommu:warnings-only-from-mm/nommu.c" \
			"$(grep -Ev 'at ([^ ]*/)?mm/nommu\.c:' <<<"$w")" \
			"kunit: riscv-nommu: warnings from elsewhere ($log)"
		if grep -qE 'at ([^ ]*/)?mm/nommu\.c:' <<<"$w"; then
			echo "ok kunit-riscv-nommu:warned-in-mm/nommu.c" >> "$res"
		else
			echo "not ok kunit-riscv-nommu:warned-in-mm/nommu.c" >> "$res"
		fi
		log_clean_case "$res" "kunit-riscv-nommu:no-other-report" "$log" "${bad/WARNING:|/}"
	fi
fi
exit 0
