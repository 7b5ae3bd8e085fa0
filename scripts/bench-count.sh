#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make bench's exact counts: instructions (valgrind's callgrind) of one
# mmap_region() in the userland VMA harness, and the VMAs it allocates and
# frees, per case (tests/bench/vma_count.c), on two commits of the series:
# the patched tree (HEAD) and the patch that moves mmap_region() to mm/vma.c
# unchanged, whose harness runs the base's mmap_region() (the base's own
# harness does not build it: it lives in mm/mmap.c there).
# The harness worktrees stay in OUTDIR/harness-{base,patched} until the next
# run, so that callgrind_annotate --auto=yes can show the source lines.
# Usage: bench-count.sh TREE OUTDIR
set -euo pipefail
. "$(dirname "$0")/common.sh"

tree=$(realpath "$1") out=$(realpath -m "$2")
top=$(cd "$(dirname "$0")/.." && pwd)
command -v valgrind > /dev/null || die "valgrind is missing; run 'make deps' or install valgrind"
move=$(git -C "$tree" log --reverse --format=%H --grep='^mm: move mmap_region() to mm/vma.c$' base..HEAD | head -n 1)
[ -n "$move" ] || die "no commit 'mm: move mmap_region() to mm/vma.c' in $tree"

# The harness's flags without its sanitizers, optimised as the kernel is.
cflags="-I../shared -I. -I../../include -I../../../lib -g -O2 -Wall -D_LGPL_SOURCE"
count() { # name commit
	local name=$1 wt=$out/harness-$1 v c
	worktree_drop "$tree" "$wt" || true
	git -C "$tree" worktree add -q --detach "$wt" "$2" || die "cannot make the worktree $wt"
	v=$wt/tools/testing/vma
	cp "$top/tests/bench/vma_count.c" "$v/"
	local def=
	grep -q 'mmap_prepare' "$v/vma_internal.h" && def=-DHAVE_MMAP_PREPARE
	make -s -C "$v" CFLAGS="$cflags" LDFLAGS= vma > "$out/build-$name.log" 2>&1 ||
		die "the harness of $name does not build: $out/build-$name.log"
	(cd "$v" && gcc $cflags $def -c vma_count.c &&
	 gcc -o vma_count vma_count.o xarray-shared.o radix-tree.o idr.o linux.o \
		slab.o find_bit.o bitmap.o hweight.o vsprintf.o maple-shim.o \
		-lpthread -lurcu) >> "$out/build-$name.log" 2>&1 ||
		die "vma_count does not build on $name: $out/build-$name.log"
	for c in anon anon-merge mmap mmap-merge prepare prepare-merge; do
		[ "$c" = "${c#prepare}" ] || [ -n "$def" ] || continue
		local cg=$out/callgrind-$name-$c.out line ir
		# LD_BIND_NOW: no symbol lookup of the dynamic linker inside the call.
		line=$(cd "$v" && LD_BIND_NOW=1 valgrind -q --tool=callgrind --toggle-collect='vc_measured*' \
			--callgrind-out-file="$cg" ./vma_count "$c") ||
			die "vma_count $c failed on $name"
		ir=$(callgrind_annotate "$cg" | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }')
		[[ "$ir" =~ ^[1-9][0-9]*$ ]] || die "callgrind counted no instruction of vc_measured() in $c on $name: $cg"
		echo "$name $c ir=$ir ${line#vma_count $c }"
	done
}
mkdir -p "$out"
{
	count base "$move"
	count patched HEAD
} > "$out/counts.raw"
# Both sides of each case on one line.
awk '{ split($3, ir, "="); split($4, a, "="); split($5, f, "="); split($6, n, "=")
	v[$1, $2] = sprintf("%9d %2d %2d %2d", ir[2], a[2], f[2], n[2]); cases[$2] = 1 }
	END {
		printf "%-14s %9s %2s %2s %2s   %9s %2s %2s %2s  %s\n", "mmap_region()",
			"base Ir", "a", "f", "n", "patch Ir", "a", "f", "n", "patched/base"
		split("anon anon-merge mmap mmap-merge prepare prepare-merge", order)
		for (i = 1; i <= 6; i++) {
			c = order[i]
			if (!(c in cases)) continue
			b = (("base", c) in v) ? v["base", c] : sprintf("%9s %2s %2s %2s", "-", "-", "-", "-")
			p = v["patched", c]
			split(b, bb, " "); split(p, pp, " ")
			r = (bb[1] ~ /^[0-9]+$/) ? sprintf("%.3f", pp[1] / bb[1]) : "-"
			printf "%-14s %s   %s  %s\n", c, b, p, r
		}
	}' "$out/counts.raw" > "$out/counts.txt"
echo "Ir: instructions of the call; a, f: VMAs allocated and freed in it; n: VMAs after"
cat "$out/counts.txt"
