#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Boot the kernel before and after make convert's conversions, both with
# configs/convert.config, and run tests/convert/guest/converted_abi.c on
# each: what user space sees of /dev/hpet, the aio ring and ext2 files
# must be the same, line for line. One case per driver, one that each of
# the three files was converted, and the consoles (lockdep, DEBUG_VM) clean.
# Usage: convert-boot.sh TREE CONVERTED-WORKTREE RESULTS FRAGMENT...
set -uo pipefail
. "$(dirname "$0")/common.sh"

tree=$1 wt=$2 res=$3
shift 3
top=$(cd "$(dirname "$0")/.." && pwd)
dir=$B/convert-boot
: > "$res"
rm -rf "$dir"
mkdir -p "$dir"

# The three drivers must be among the conversions, or nothing is compared.
for f in drivers/char/hpet.c fs/aio.c fs/ext2/file.c; do
	if git -C "$wt" diff --quiet "$(git -C "$tree" rev-parse HEAD)" HEAD -- "$f"; then
		echo "not ok convert:boot:$f-converted" >> "$res"
		echo "convert: $f is not among the conversions"
	else
		echo "ok convert:boot:$f-converted" >> "$res"
	fi
done

# The guest: busybox, the init of the boot test, the program, an ext2 image
# that is the same bytes every time.
gcc -static -O2 -Wall -Werror -o "$dir/converted_abi" \
	"$top/tests/convert/guest/converted_abi.c" || die "cannot build converted_abi"
E2FSPROGS_FAKE_TIME=1735689600 mkfs.ext2 -q -F -b 4096 \
	-U 6d6d6170-7072-6570-6172-650000000612 \
	-E root_owner=0:0,hash_seed=6d6d6170-7072-6570-6172-650000000612 \
	"$dir/ext2.img" 8M || die "cannot make the ext2 image"
{
	for d in /bin /dev /proc /sys /tmp /tests /images; do
		echo "dir $d 0755 0 0"
	done
	echo "nod /dev/console 0600 0 0 c 5 1"
	echo "file /bin/busybox /bin/busybox 0755 0 0"
	echo "slink /bin/sh busybox 0777 0 0"
	echo "file /init $top/tests/init 0755 0 0"
	echo "file /images/ext2.img $dir/ext2.img 0644 0 0"
	echo "file /tests/converted_abi $dir/converted_abi 0755 0 0"
} > "$dir/initramfs.list"
gcc -O2 -o "$dir/gen_init_cpio" "$tree/usr/gen_init_cpio.c"
"$dir/gen_init_cpio" "$dir/initramfs.list" > "$dir/initramfs.cpio"

# Both kernels, then both boots. The guest's wall times differ; the rest
# of its output must not.
for side in before after; do
	src=$tree
	[ $side = after ] && src=$wt
	if ! "$(dirname "$0")/kbuild.sh" "$src" "$B/obj/convert-$side" "$@" \
		"$top/configs/convert.config" > "$dir/build-$side.log" 2>&1; then
		echo "not ok convert:boot:kernel-$side-builds" >> "$res"
		echo "convert: the kernel $side conversion does not build:"
		tail -n 20 "$dir/build-$side.log" | sed 's/^/  /'
		exit 0
	fi
	"$(dirname "$0")/qemu.sh" test "$B/obj/convert-$side/arch/x86/boot/bzImage" \
		"$dir/initramfs.cpio" "$dir/$side"
	# The serial port turns line ends into CR LF.
	sed -i 's/\r$//' "$dir/$side.ktap" "$dir/$side.console"
	grep -v '# mmtest: time' "$dir/$side.ktap" > "$dir/$side.out"
	log_clean_case "$res" "convert:boot:console-clean-$side" "$dir/$side.console" \
		"$boot_console_bad"
done
if grep -q '^ok 1 converted_abi' "$dir/before.out" && grep -q '^ok 1 converted_abi' "$dir/after.out"; then
	echo "ok convert:boot:runs" >> "$res"
else
	echo "not ok convert:boot:runs" >> "$res"
	echo "convert: converted_abi did not run to its end on both kernels ($dir/*.console)"
fi
for d in hpet aio ext2; do
	b=$(grep -E "^    $d" "$dir/before.out")
	a=$(grep -E "^    $d" "$dir/after.out")
	if [ -n "$b" ] && [ "$a" = "$b" ]; then
		echo "ok convert:boot:$d-same-before-and-after ($(grep -c . <<<"$b") observations)" >> "$res"
	else
		echo "not ok convert:boot:$d-same-before-and-after" >> "$res"
		echo "convert: $d differs before and after conversion:"
		diff <(echo "$b") <(echo "$a") | sed 's/^/  /'
	fi
done
exit 0
