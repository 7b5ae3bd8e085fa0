#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build the test initramfs with the kernel's usr/gen_init_cpio: static
# busybox, tests/init and the series' user ABI selftests, built static.
# Usage: initramfs.sh SRCTREE OUTPUT.cpio
set -euo pipefail
. "$(dirname "$0")/common.sh"

src=$1 out=$2
top=$(cd "$(dirname "$0")/.." && pwd)
bb=/bin/busybox
[ -x "$bb" ] || die "$bb is missing; install busybox-static"
LC_ALL=C readelf -l "$bb" | grep -q INTERP &&
	die "$bb is not static; install busybox-static"

mkdir -p "$B/abi"
gcc -O2 -o "$B/gen_init_cpio" "$src/usr/gen_init_cpio.c"
rm -f "$B"/abi/*
# The series' selftests of the user ABI (SELFTESTS, relative to the tree),
# built static from the patched tree; they run on both kernels.
for t in $SELFTESTS; do
	name=$(basename "$t" .c)
	gcc -static -O2 -Wall -Werror -I "$src/tools/testing/selftests" \
		-o "$B/abi/$name" "$src/$t" || die "cannot build $t"
done
{
	for d in /bin /dev /proc /sys /tmp /tests; do
		echo "dir $d 0755 0 0"
	done
	echo "nod /dev/console 0600 0 0 c 5 1"
	echo "file /bin/busybox $bb 0755 0 0"
	echo "slink /bin/sh busybox 0777 0 0"
	echo "file /init $top/tests/init 0755 0 0"
	for p in $(cd "$B/abi" && ls); do
		[ -f "$B/abi/$p" ] && [ -x "$B/abi/$p" ] &&
			echo "file /tests/$p $B/abi/$p 0755 0 0"
	done
} > "$B/initramfs.list"
"$B/gen_init_cpio" "$B/initramfs.list" > "$out.tmp"
mv "$out.tmp" "$out"
