#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make matrix: build the base and the patched tree with W=1 for each
# configuration below and compare the warnings about the directories the
# series touches. Two cases per configuration: the patched tree builds, and
# it adds no warning there. Each build lands in build/obj/matrix-NAME-*.
# Usage: matrix.sh TREE BASE_TREE RESULTS [NAME...]
set -uo pipefail
. "$(dirname "$0")/common.sh"

tree=$1 btree=$2 res=$3
shift 3
top=$(cd "$(dirname "$0")/.." && pwd)
cfg=$top/configs
ccache=$(command -v ccache || true)

# name | make variables | base config | fragments [| make targets]
# Without targets, the whole kernel. sparc64's tinyconfig does not build on
# the base (fs/fcntl.c's BUILD_BUG_ON on the O_* flags, gcc 12), and
# db1xxx_defconfig is a full board config: those two build the series'
# directories and their architecture's I/O remap code only.
matrix="
x86_64-test    | ARCH=x86_64 | tinyconfig | qemu.config debug.config
x86_64-stacked | ARCH=x86_64 | tinyconfig | qemu.config debug.config matrix/mm.config matrix/stacked.config
i386           | ARCH=i386 | tinyconfig | matrix/mm.config
arm64          | ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu- | tinyconfig | matrix/mm.config
riscv64-nommu  | ARCH=riscv CROSS_COMPILE=riscv64-linux-gnu- | nommu_virt_defconfig | matrix/mm.config
sparc64        | ARCH=sparc64 CROSS_COMPILE=sparc64-linux-gnu- | tinyconfig | matrix/mm.config | mm/ drivers/char/ arch/sparc/mm/ arch/sparc/kernel/
mips-alchemy   | ARCH=mips CROSS_COMPILE=mips-linux-gnu- | db1xxx_defconfig | matrix/mm.config | mm/ drivers/char/ arch/mips/alchemy/
um             | ARCH=um SUBARCH=x86_64 | tinyconfig | matrix/mm.config
allnoconfig    | ARCH=x86_64 | allnoconfig |
clang          | ARCH=x86_64 LLVM=1 | tinyconfig | qemu.config debug.config matrix/mm.config
"

# Where the series' warnings would be: its directories and its headers.
touched=$(git -C "$tree" diff --name-only base HEAD | grep -v '^tools/')
where=$( { grep '\.h$' <<<"$touched"; grep -v '\.h$' <<<"$touched" | xargs -n1 dirname | sed 's|$|/|'; } |
	sort -u | grep -v '^\./$')

build() { # src obj vars base-config targets fragments...
	local src=$1 o=$2 vars=$3 bc=$4 cc t
	read -ra t <<<"$5"
	shift 5
	read -ra v <<<"$vars"
	cc=()
	if [[ " $vars " == *" LLVM=1 "* ]]; then
		[ -n "$ccache" ] && cc=(CC="ccache clang")
	elif [ -n "$ccache" ]; then
		local cross=
		[[ "$vars" =~ CROSS_COMPILE=([^ ]*) ]] && cross=${BASH_REMATCH[1]}
		cc=(CC="ccache ${cross}gcc")
	fi
	# From scratch: an incremental build prints the warnings of only the
	# files it recompiles, so base and series would not compare. ccache
	# replays the compiler's warnings, so this stays cheap.
	rm -rf "$o"
	mkdir -p "$o"
	make -s -C "$src" O="$o" "${v[@]}" "${cc[@]}" "$bc" > /dev/null &&
	{ [ $# -eq 0 ] || "$src/scripts/kconfig/merge_config.sh" -m -O "$o" "$o/.config" "$@" > /dev/null; } &&
	make -s -C "$src" O="$o" "${v[@]}" "${cc[@]}" olddefconfig > /dev/null &&
	make -C "$src" O="$o" "${v[@]}" "${cc[@]}" W=1 -j"$(nproc)" KBUILD_BUILD_TIMESTAMP=2025-01-01 \
		"${t[@]}" 2>&1
}
# Warnings about the series' places, without line numbers and tree paths.
# Not W=1's note on tracked files that .gitignore ignores: Debian's base
# dropped upstream's "!.kunitconfig" exceptions, so every tracked dot file,
# mm/.kunitconfig included, draws it there and would not upstream.
# kbuild names a source file by its path from the object directory
# (../../linux/mm/vma.c) or by its absolute path: both are cut to mm/vma.c.
warnings() { # log src obj
	local abs rel
	abs=$(cd "$2" && pwd -P)
	rel=$(realpath -m --relative-to="$3" "$abs")
	grep -E ': (warning|error):' "$1" | grep -v 'ignored by one of the .gitignore files' |
		sed -E "s|^$rel/||; s|$abs/||g" |
		sed -E 's/:[0-9]+(:[0-9]+)?:/:/' |
		awk -v w="$where" 'BEGIN { n = split(w, p, "\n") }
			{ for (i = 1; i <= n; i++) if (index($0, p[i]) == 1) { print; next } }' |
		sort -u
}

while IFS='|' read -r name vars bc frags targets; do
	name=$(xargs <<<"$name")
	[ -n "$name" ] || continue
	[ $# -eq 0 ] || [[ " $* " == *" $name "* ]] || continue
	bc=$(xargs <<<"$bc")
	f=()
	for x in $frags; do f+=("$cfg/$x"); done
	o=$B/obj/matrix-$name
	echo "matrix: $name"
	start=$SECONDS
	build "$tree" "$o-patched" "$vars" "$bc" "$targets" "${f[@]}" > "$o-patched.log" 2>&1
	rc=$?
	build "$btree" "$o-base" "$vars" "$bc" "$targets" "${f[@]}" > "$o-base.log" 2>&1
	if [ $rc -eq 0 ]; then
		echo "ok matrix:$name:builds" >> "$res"
	else
		echo "not ok matrix:$name:builds" >> "$res"
		echo "matrix: $name: the patched tree does not build:"
		grep -E 'error|Error' "$o-patched.log" | head -n 20 | sed 's/^/  /'
	fi
	new=$(comm -13 <(warnings "$o-base.log" "$btree" "$o-base") \
		<(warnings "$o-patched.log" "$tree" "$o-patched"))
	if [ $rc -eq 0 ] && [ -z "$new" ]; then
		echo "ok matrix:$name:no-new-W1-warning" >> "$res"
	else
		echo "not ok matrix:$name:no-new-W1-warning" >> "$res"
		[ -z "$new" ] || { echo "matrix: $name: new W=1 warnings:"; sed 's/^/  /' <<<"$new"; }
	fi
	echo "matrix: $name: $((SECONDS - start)) s (base and patched)"
done <<<"$matrix"
exit 0
