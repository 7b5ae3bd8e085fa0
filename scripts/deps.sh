#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Install the Debian packages the build and the tests need, if any is missing.
# Usage: deps.sh [check] [matrix] [convert] [abi] [bench] [fresh]: also what those targets need.
set -euo pipefail

pkgs=(
	build-essential flex bison bc libelf-dev libssl-dev cpio xz-utils kmod
	ccache python3 python3-ply python3-git perl git
	git-email libmailtools-perl	# send-email's Mail::Address (a Recommends)
	liburcu-dev			# tools/testing/vma
	qemu-system-x86 busybox-static	# boot test, make run
	e2fsprogs			# the boot test's ext4 image (mkfs.ext4 -d)
	gcc-riscv64-linux-gnu qemu-system-misc	# KUnit without an MMU (riscv64)
	python3-sphinx python3-yaml	# make docs (ynl-gen-rst.py imports yaml)
	python3-aiosmtpd		# the mail round trip test
	trinity stress-ng		# make regress and its subset in make test
	libnuma-dev libcap-dev liburing-dev	# selftests/mm, linked static
	coccinelle ocaml		# make test's mmap_prepare.cocci tier
)
for extra in "$@"; do
	case $extra in
	check)	pkgs+=(sparse coccinelle ocaml) ;;	# spatch compiles OCaml scripts with ocamlopt
	matrix)	pkgs+=(gcc-aarch64-linux-gnu gcc-riscv64-linux-gnu gcc-sparc64-linux-gnu
		       gcc-mips-linux-gnu clang lld llvm) ;;
	convert) pkgs+=(gcc-powerpc64-linux-gnu) ;;	# the converted files of arch/powerpc
	abi)	pkgs+=(abigail-tools) ;;
	bench)	pkgs+=(gnuplot-nox valgrind) ;;
	fresh)	pkgs+=(debootstrap) ;;
	*)	echo "deps: error: unknown set $extra" >&2; exit 1 ;;
	esac
done

missing=()
for p in "${pkgs[@]}"; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	[ "$status" = "install ok installed" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "deps: error: missing packages: ${missing[*]}" >&2
	echo "deps: error: installing them needs root; run 'make deps' as root, or" >&2
	echo "deps: error: apt-get install ${missing[*]}" >&2
	exit 1
fi
echo "deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
