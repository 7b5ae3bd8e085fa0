#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build the test initramfs with the kernel's usr/gen_init_cpio: static
# busybox, tests/init and the series' user ABI selftests, built static, and
# the ext4 image one of them mounts.
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
# An empty ext4 filesystem for file_mmap_abi, which mounts it on a loop
# device: the same bytes every time (fixed time, UUID and hash seed).
command -v mkfs.ext4 > /dev/null || die "mkfs.ext4 is missing; install e2fsprogs"
rm -f "$B/ext4.img"
E2FSPROGS_FAKE_TIME=1735689600 mkfs.ext4 -q -F -b 4096 -O ^has_journal \
	-U 6d6d6170-7072-6570-6172-650000000612 \
	-E root_owner=0:0,hash_seed=6d6d6170-7072-6570-6172-650000000612 \
	-L mmtest "$B/ext4.img" 8M || die "cannot make the ext4 image"
{
	for d in /bin /dev /proc /sys /tmp /tests /images; do
		echo "dir $d 0755 0 0"
	done
	echo "nod /dev/console 0600 0 0 c 5 1"
	echo "file /bin/busybox $bb 0755 0 0"
	echo "slink /bin/sh busybox 0777 0 0"
	echo "file /init $top/tests/init 0755 0 0"
	echo "file /images/ext4.img $B/ext4.img 0644 0 0"
	for p in $(cd "$B/abi" && ls); do
		[ -f "$B/abi/$p" ] && [ -x "$B/abi/$p" ] &&
			echo "file /tests/$p $B/abi/$p 0755 0 0"
	done
} > "$B/initramfs.list"
"$B/gen_init_cpio" "$B/initramfs.list" > "$out.tmp"
mv "$out.tmp" "$out"
