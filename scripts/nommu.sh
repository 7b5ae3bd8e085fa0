#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build the series without an MMU: riscv64 nommu_virt_defconfig with
# Debian's cross compiler. Usage: nommu.sh SRCTREE OBJDIR
set -euo pipefail
. "$(dirname "$0")/common.sh"

src=$1 obj=$2
cross=riscv64-linux-gnu-
command -v ${cross}gcc >/dev/null ||
	die "${cross}gcc is missing; install gcc-riscv64-linux-gnu (as root: apt-get install gcc-riscv64-linux-gnu)"
cc=${cross}gcc
command -v ccache >/dev/null && cc="ccache $cc"
mkdir -p "$obj"
kmake() {
	make -s -C "$src" O="$obj" ARCH=riscv CROSS_COMPILE=$cross CC="$cc" "$@"
}
kmake nommu_virt_defconfig
grep -qx '# CONFIG_MMU is not set' "$obj/.config" || die "the config has an MMU"
kmake -j"$(nproc)" vmlinux
echo "nommu: $obj/vmlinux (riscv64, CONFIG_MMU=n) built"
