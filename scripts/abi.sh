#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make abi: the module ABI change the series makes. Builds the base and the
# patched test kernel with modules and DWARF (configs/abi.config), then
# compares their vmlinux with abidiff (Debian's abigail-tools), which looks
# at the exported functions and variables and every type they reach.
# The report is printed and kept in build/abi/report.txt.
# Usage: abi.sh TREE BASE_TREE FRAGMENT...
set -uo pipefail
. "$(dirname "$0")/common.sh"

tree=$1 btree=$2
shift 2
out=$B/abi
mkdir -p "$out"
for t in base patched; do
	src=$tree obj=$B/obj/abi-$t
	[ $t = base ] && src=$btree
	echo "abi: building the $t kernel with modules and DWARF"
	"$(dirname "$0")/kbuild.sh" "$src" "$obj" "$@" > "$out/build-$t.log" 2>&1 || {
		tail -n 30 "$out/build-$t.log"
		die "the $t kernel did not build (log: $out/build-$t.log)"
	}
done
abidiff "$B/obj/abi-base/vmlinux" "$B/obj/abi-patched/vmlinux" > "$out/report.txt" 2>&1
rc=$?
# abidiff's status is a bit mask: 1 error, 2 usage, 4 ABI change,
# 8 incompatible ABI change.
[ $((rc & 3)) -eq 0 ] || { cat "$out/report.txt"; die "abidiff failed (status $rc)"; }
cat "$out/report.txt"
echo
if [ $rc -eq 0 ]; then
	echo "abi: no change to the module ABI"
else
	echo "abi: the module ABI changes (abidiff status $rc$([ $((rc & 8)) -ne 0 ] && echo ', incompatible')); report: $out/report.txt"
fi
