#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build each file make convert converted, before and after its conversion,
# with W=1, and compare the compiler's warnings about it. A file is built
# on the first configuration whose "before" build compiles it: x86_64
# allmodconfig, then arm64, powerpc64, sparc64 and mips allmodconfig,
# then riscv64 nommu_virt_defconfig (for no-MMU code), then UML's
# defconfig (hostfs). One case per file:
# it builds after conversion, with no warning it did not have.
# Usage: convert-build.sh WORKTREE N RESULTS   (the conversions are the
# worktree's last N commits, one file each)
set -uo pipefail
. "$(dirname "$0")/common.sh"

wt=$1 n=$2 res=$3
: > "$res"
ccache=$(command -v ccache || true)
# (the .c files: a header changed with them is built through them)
files=$(git -C "$wt" diff --name-only HEAD~"$n" HEAD | grep '\.c$' | sort)
configs="
x86_64  | ARCH=x86_64 | allmodconfig
arm64   | ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu- | allmodconfig
powerpc64 | ARCH=powerpc CROSS_COMPILE=powerpc64-linux-gnu- | allmodconfig
sparc64 | ARCH=sparc64 CROSS_COMPILE=sparc64-linux-gnu- | allmodconfig
mips    | ARCH=mips CROSS_COMPILE=mips-linux-gnu- | allmodconfig
riscv64-nommu | ARCH=riscv CROSS_COMPILE=riscv64-linux-gnu- | nommu_virt_defconfig
um      | ARCH=um SUBARCH=x86_64 | defconfig
"

kmake() { # obj vars... -- args...
	local o=$1 cross=
	shift
	local v=()
	while [ "$1" != -- ]; do v+=("$1"); shift; done
	shift
	[[ " ${v[*]} " =~ CROSS_COMPILE=([^ ]*) ]] && cross=${BASH_REMATCH[1]}
	make -C "$wt" O="$o" "${v[@]}" ${ccache:+CC="ccache ${cross}gcc"} \
		KBUILD_BUILD_TIMESTAMP=2025-01-01 "$@"
}

# Warnings about FILE in LOG, without line numbers.
warnings() { # log file
	grep -E ": (warning|error):" "$1" | grep -F "$2:" |
		sed -E 's/:[0-9]+(:[0-9]+)?:/:/' | sort -u
}

left=$files
while IFS='|' read -r name vars bc; do
	name=$(xargs <<<"$name")
	[ -n "$name" ] && [ -n "$left" ] || continue
	bc=$(xargs <<<"$bc")
	read -ra v <<<"$vars"
	o=$B/obj/convert-$name
	log=$B/obj/convert-$name
	start=$SECONDS
	if [ ! -f "$o/.config" ] || [ "$(cat "$o/.base-config" 2>/dev/null)" != "$bc" ]; then
		rm -rf "$o"
		mkdir -p "$o"
		# Warnings stay warnings (W=1 compares them), no debug info.
		kmake "$o" "${v[@]}" -- -s "$bc" > /dev/null &&
		"$wt/scripts/config" --file "$o/.config" -d WERROR -d DEBUG_INFO \
			-e DEBUG_INFO_NONE -d GCOV_KERNEL -d KCOV &&
		kmake "$o" "${v[@]}" -- -s olddefconfig > /dev/null &&
		echo "$bc" > "$o/.base-config" || { echo "convert: $name: no config"; continue; }
	fi
	objs=$(sed 's/\.c$/.o/' <<<"$left")
	git -C "$wt" checkout -q --detach HEAD~"$n"
	(cd "$o" && rm -f $objs)
	kmake "$o" "${v[@]}" -- -k -j"$(nproc)" W=1 $objs > "$log-before.log" 2>&1
	built=
	for f in $left; do
		[ -f "$o/${f%.c}.o" ] && built="$built $f"
	done
	git -C "$wt" checkout -q --detach -
	[ -n "$built" ] || { echo "convert: $name builds none of the files left"; continue; }
	objs=$(sed 's/\.c$/.o/' <<<"$(tr ' ' '\n' <<<"$built")")
	(cd "$o" && rm -f $objs)
	kmake "$o" "${v[@]}" -- -k -j"$(nproc)" W=1 $objs > "$log-after.log" 2>&1
	for f in $built; do
		new=$(comm -13 <(warnings "$log-before.log" "$f") <(warnings "$log-after.log" "$f"))
		if [ -f "$o/${f%.c}.o" ] && [ -z "$new" ]; then
			echo "ok convert:build:$f:$name" >> "$res"
		else
			echo "not ok convert:build:$f:$name" >> "$res"
			echo "convert: $f ($name) does not build after conversion, or warns:"
			{ [ -n "$new" ] && echo "$new"; grep -F "$f" "$log-after.log" | head -n 10; } |
				sed 's/^/  /'
		fi
		left=$(grep -vxF "$f" <<<"$left")
	done
	echo "convert: $name: built$(wc -w <<<"$built" | sed 's/^/ /') files in $((SECONDS - start)) s"
done <<<"$configs"
for f in $left; do
	echo "not ok convert:build:$f:none" >> "$res"
	echo "convert: $f: no configuration builds it before conversion"
done
exit 0
