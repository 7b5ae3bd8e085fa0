#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make mutate (by hand, not in CI): does make test catch a defect? Each
# DIR/*.patch is a small bug of one behaviour of the API, a diff against the
# patched tree. One at a time, it is applied to the tree, the tiers that
# test behaviour run, cheapest first (the VMA harness, KUnit, the boot
# test), and the first tier with a failing case has caught it. A defect of
# the semantic patch alone runs its tiers instead: the generated handlers
# (t-convert-gen.sh, CONVERT_SEED and CONVERT_COUNT), then its cases. A tier that
# only failed to build has not. The tree is restored after each defect.
# Usage: mutate.sh TREE DIR WORKDIR BASE_BZIMAGE INITRAMFS FRAGMENT...
set -uo pipefail
. "$(dirname "$0")/common.sh"

tree=$1 dir=$(cd "$2" && pwd) work=$3 base=$4 initrd=$5
shift 5
s=$(dirname "$0")
ls "$dir"/*.patch > /dev/null 2>&1 || die "no defect patches in $dir"
tree_check_clean "$tree"
trap 'git -C "$tree" checkout -q -- . && git -C "$tree" clean -q -fd -- mm drivers include' EXIT
mkdir -p "$work"
: > "$work/summary"

# The cases of a results file that failed, other than a failed build.
failures() {
	grep '^not ok ' "$1" | grep -vE ':(build|run|exit-status)$' | sed 's/^not ok //'
}

# Which tier caught the defect, into the summary.
verdict() {
	if [ -n "$caught" ]; then
		echo "caught $name by $caught: $(failures "$res/$caught" | head -n 4 | paste -sd' ')" |
			tee -a "$work/summary"
	else
		echo "MISSED $name" | tee -a "$work/summary"
	fi
}

for p in "$dir"/*.patch; do
	name=$(basename "$p" .patch)
	res=$work/$name
	rm -rf "$res" && mkdir -p "$res"
	echo "== $name: $(sed -n 's/^Defect: //p' "$p")"
	if ! git -C "$tree" apply "$p"; then
		echo "not applied $name" | tee -a "$work/summary"
		continue
	fi
	caught=
	# A defect of the semantic patch alone: its tiers, the generated
	# handlers mapped in KUnit first, then its cases.
	if ! grep '^+++ b/' "$p" | grep -vq '^+++ b/scripts/coccinelle/'; then
		"$s/t-convert-gen.sh" "$tree" "$res/convert-gen" "${CONVERT_SEED:-1}" \
			"${CONVERT_COUNT:-500}" > "$res/convert-gen.log" 2>&1
		[ -n "$(failures "$res/convert-gen")" ] && caught=convert-gen
		if [ -z "$caught" ]; then
			"$s/t-convert.sh" "$tree" "$res/convert" > "$res/convert.log" 2>&1
			[ -n "$(failures "$res/convert")" ] && caught=convert
		fi
		git -C "$tree" checkout -q -- .
		verdict
		continue
	fi
	"$s/t-vma.sh" "$tree" "$res/vma" > "$res/vma.log" 2>&1
	[ -n "$(failures "$res/vma")" ] && caught=vma
	for runs in um "x86_64 um-warn riscv-nommu"; do
		[ -z "$caught" ] || break
		KUNIT_RUNS=$runs "$s/t-kunit.sh" "$tree" "$res/kunit" > "$res/kunit.log" 2>&1
		[ -n "$(failures "$res/kunit")" ] && caught=kunit
	done
	if [ -z "$caught" ]; then
		if "$s/kbuild.sh" "$tree" "$B/obj/x86" "$@" > "$res/kbuild.log" 2>&1; then
			"$s/t-boot.sh" "$B/obj/x86/arch/x86/boot/bzImage" "$base" \
				"$initrd" "$res/boot" > "$res/boot.log" 2>&1
			[ -n "$(failures "$res/boot")" ] && caught=boot
		else
			echo "  the kernel does not build with it" >&2
		fi
	fi
	git -C "$tree" checkout -q -- .
	verdict
done
echo "== mutate: $(grep -c '^caught ' "$work/summary") caught," \
	"$(grep -vc '^caught ' "$work/summary") missed or not applied"
! grep -qv '^caught ' "$work/summary"
