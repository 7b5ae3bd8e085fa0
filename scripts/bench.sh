#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make bench: the base and the patched kernel, built with the same config
# (the test config without lockdep, KASAN and DEBUG_VM: configs/bench.config),
# booted alternately under QEMU, base then patched, BENCH_PAIRS times; each
# boot runs tests/bench/mmap_bench. Then the base against itself the same
# way: the noise floor. bench-report.py writes the table and the plot.
# BENCH_CLOCK: icount (default) runs the guest on QEMU's instruction
# counting clock (-icount shift=0: one nanosecond per guest instruction),
# so a case's time is the instructions it executes, the same from boot to
# boot and whatever else the host runs; real runs it on host time, which
# on a shared machine strays from boot to boot by more than the difference
# being measured (a real-time run of 7 pairs had a noise floor of +-45%).
# Usage: bench.sh TREE BASE_TREE OUTDIR FRAGMENT...
set -euo pipefail
. "$(dirname "$0")/common.sh"

tree=$1 btree=$2 out=$3
shift 3
top=$(cd "$(dirname "$0")/.." && pwd)
pairs=${BENCH_PAIRS:-5}
[[ "$pairs" =~ ^[1-9][0-9]*$ ]] || die "BENCH_PAIRS must be a positive number, not '$pairs'"
clock=${BENCH_CLOCK:-icount}
case $clock in
icount)	icount=0 ;;
real)	icount= ;;
*)	die "BENCH_CLOCK must be icount or real, not '$clock'" ;;
esac

# The kernels: the same fragments, each tree in its own object directory.
echo "bench: building the base and the patched kernel (bench config)"
"$top/scripts/kbuild.sh" "$btree" "$B/obj/bench-base" "$@"
"$top/scripts/kbuild.sh" "$tree" "$B/obj/bench" "$@"
kb=$B/obj/bench-base/arch/x86/boot/bzImage
kp=$B/obj/bench/arch/x86/boot/bzImage

# The initramfs (usr/gen_init_cpio, as the test's): busybox, tests/init, the
# bench program and its suite.
w=$out/initramfs
rm -rf "$w"
mkdir -p "$w"
gcc -O2 -o "$w/gen_init_cpio" "$tree/usr/gen_init_cpio.c"
gcc -static -O2 -Wall -Werror -o "$w/mmap_bench" "$top/tests/bench/mmap_bench.c" ||
	die "cannot build tests/bench/mmap_bench.c"
{
	for d in /bin /dev /proc /sys /tmp /bench /suites /suites/bench; do
		echo "dir $d 0755 0 0"
	done
	echo "nod /dev/console 0600 0 0 c 5 1"
	echo "file /bin/busybox /bin/busybox 0755 0 0"
	echo "slink /bin/sh busybox 0777 0 0"
	echo "file /init $top/tests/init 0755 0 0"
	echo "file /bench/mmap_bench $w/mmap_bench 0755 0 0"
	echo "file /suites/bench/run $top/tests/bench/run 0755 0 0"
} > "$w/list"
"$w/gen_init_cpio" "$w/list" > "$out/bench.cpio"

# One boot: its bench lines in LOG.txt, or the reason it failed. The
# guest's user address space is not randomised (norandmaps): where a
# mapping lands decides its THP alignment (and, suspected, which of QEMU's
# softmmu TLB entries it competes for); a first run with randomised
# layouts varied by up to 2x from boot to boot of the same kernel.
boot() { # kernel log
	local k=$1 log=$2
	QEMU_SMP=1 QEMU_MEM=1024 QEMU_TIMEOUT=${BENCH_TIMEOUT:-900} QEMU_ICOUNT=$icount \
		QEMU_APPEND="mmtest.suite=bench norandmaps" \
		"$top/scripts/qemu.sh" test "$k" "$out/bench.cpio" "$log" || true
	tr -d '\r' < "$log.ktap" | sed -n 's/^    \(bench .*\)/\1/p' > "$log.txt"
	if ! grep -qx 'bench done' "$log.txt" || grep -q ' error=' "$log.txt"; then
		echo "bench: error: the boot of $k did not finish its cases:" >&2
		grep ' error=' "$log.txt" | sed 's/^/  /' >&2
		tail -n 20 "$log.console" | sed 's/^/  /' >&2
		exit 1
	fi
}

rm -rf "$out/boots"
mkdir -p "$out/boots"
t0=$(date +%s)
for i in $(seq "$pairs"); do
	echo "bench: pair $i of $pairs: base, patched"
	boot "$kb" "$out/boots/ratio-$i-base"
	boot "$kp" "$out/boots/ratio-$i-patched"
done
for i in $(seq "$pairs"); do
	echo "bench: noise pair $i of $pairs: base, base"
	boot "$kb" "$out/boots/noise-$i-base"
	boot "$kb" "$out/boots/noise-$i-patched"
done
echo "bench: $((4 * pairs)) boots in $(( $(date +%s) - t0 )) s"
python3 "$top/scripts/bench-report.py" "$out" "$pairs" "$clock"
