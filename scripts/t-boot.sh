#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Boot test: the same initramfs of static KTAP programs on the patched kernel
# and on the unpatched base. Cases: every program case on each kernel, a
# clean console on each kernel, no skip on either, and the two kernels'
# results compared.
# Usage: t-boot.sh PATCHED_BZIMAGE BASE_BZIMAGE INITRAMFS RESULTS
set -uo pipefail
. "$(dirname "$0")/common.sh"

patched=$1 base=$2 initrd=$3 res=$4
dir=$B/boot
mkdir -p "$dir"
: > "$res"

for k in patched base; do
	kernel=$patched
	[ $k = base ] && kernel=$base
	echo "boot: $k kernel"
	"$(dirname "$0")/qemu.sh" test "$kernel" "$initrd" "$dir/$k" || true
	# The serial port turns line ends into CR LF.
	sed -i 's/\r$//' "$dir/$k.ktap" "$dir/$k.console"
	awk -f "$(dirname "$0")/ktap.awk" "$dir/$k.ktap" > "$dir/$k.results"
	while read -r st prog name; do
		[ "$st" = errno ] || echo "${st/-/ } boot-$k:$prog:$name"
	done < "$dir/$k.results" >> "$res"
	if grep -qx '# mmtest: done' "$dir/$k.ktap"; then
		echo "ok boot-$k:all-programs-ran" >> "$res"
	else
		echo "not ok boot-$k:all-programs-ran" >> "$res"
		echo "boot: $k: the run did not finish; the console ends with:"
		tail -n 30 "$dir/$k.console" | sed 's/^/  /'
	fi
	log_clean_case "$res" "boot-$k:console-clean" "$dir/$k.console" "$boot_console_bad"
	# Every program runs as root with the devices it needs: a skip is
	# counted as a skip, and a run with any skip fails.
	new_reports_case "$res" "boot-$k:nothing-skipped" \
		"$(awk '$1 == "skip"' "$dir/$k.results")" "boot: $k: skipped"
done

# The ABI comparison: per program, the patched kernel's case results and
# the errno of each mmap() the program reports must be the base kernel's,
# line for line.
progs=$(cut -d' ' -f2 "$dir/patched.results" "$dir/base.results" | sort -u)
for prog in $progs; do
	if diff <(awk -v p="$prog" '$2 == p' "$dir/base.results") \
		<(awk -v p="$prog" '$2 == p' "$dir/patched.results") > "$dir/$prog.diff"; then
		echo "ok abi-same-as-base:$prog" >> "$res"
	else
		echo "not ok abi-same-as-base:$prog" >> "$res"
		echo "boot: $prog differs between base (<) and patched (>):"
		sed 's/^/  /' "$dir/$prog.diff"
	fi
done
[ -n "$progs" ] || echo "not ok abi-same-as-base:no-results" >> "$res"
exit 0
