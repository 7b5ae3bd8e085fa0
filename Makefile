# SPDX-License-Identifier: GPL-2.0
# mmap_prepare for Linux 6.12 LTS: the patch series and its tooling.
# `make` builds the patched kernel and the send-ready series; `make test`
# runs every test tier. See README.md.

# The base: Debian's linux-source-6.12, pinned by version and checksums.
BASE_PKG        := linux-source-6.12
BASE_VERSION    := 6.12.117-1~deb12u1
BASE_KVER       := 6.12.117
BASE_DEB_SHA256 := e849faf31ca3555757f3a8877cb01af92122f744f75d1f3102734651c4e14703
BASE_TAR_SHA256 := 585a4a074597aefa2b1a68ada83a3184ba351c127544dea80618bbcceaa3961f

# The one identity every commit of the series carries.
IDENT_NAME  := mmap_prepare 6.12
IDENT_EMAIL := mmap-prepare@example.org

# KUnit configs kept in the series, relative to the kernel tree.
KUNITCONFIG := mm

# The user ABI selftests the boot test runs, relative to the kernel tree.
SELFTESTS := tools/testing/selftests/mm/devzero_mmap.c \
	     tools/testing/selftests/mm/devmem_mmap.c \
	     tools/testing/selftests/mm/file_mmap_abi.c

# x86_64 test kernel: tinyconfig plus these fragments.
FRAGMENTS := configs/qemu.config configs/debug.config configs/kasan.config \
	     configs/regress.config

CACHE ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/mmap-prepare-612
B     := $(CURDIR)/build
P     := $(CURDIR)/patches
OUT   := $(CURDIR)/out
T     := $(B)/linux
R     := $(B)/results
# ccache is one of deps.sh's packages, so it is there before anything builds.
# Its base directory is the checkout: compile commands name paths relative to
# it, so a clone at another path (every CI run) hits the same cache entries.
KCC     ?= ccache gcc
KHOSTCC ?= $(KCC)
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := 1

export BASE_PKG BASE_VERSION BASE_KVER BASE_DEB_SHA256 BASE_TAR_SHA256
export IDENT_NAME IDENT_EMAIL KUNITCONFIG SELFTESTS CACHE B P KCC KHOSTCC

# Debian's python3 first: the kernel's scripts need its modules (ply, git).
export PATH := /usr/bin:$(PATH)

S := scripts

.PHONY: all deps base tree export kernel base-kernel initramfs series run \
	test vma-test kunit boot-test selftest checkpatch docs send send-test nommu \
	convert convert-test convert-gen convert-fuzz convert-mainline \
	regress regress-initramfs \
	check matrix bench bench-count abi fresh mutate base-tree clean distclean help

all: kernel series
	@echo
	@echo "patched tree:   $(T) (base + $$(grep -c . $(P)/series) patches)"
	@echo "test kernel:    $(OUT)/bzImage   (boot it: make run)"
	@echo "series to send: $(OUT)/series/   (git send-email $(OUT)/series/*.patch)"

help:
	@sed -n '/^## Targets/,/^## The test tiers/p' README.md | sed '$$d'

deps:
	@$(S)/deps.sh

base: deps
	@$(S)/base.sh

tree: base
	@$(S)/tree.sh

export:
	@$(S)/export.sh

kernel: tree
	@$(S)/kbuild.sh $(T) $(B)/obj/x86 $(FRAGMENTS)
	@mkdir -p $(OUT)
	@cp $(B)/obj/x86/arch/x86/boot/bzImage $(OUT)/bzImage

# build/base: a checkout of the unpatched base, to compare against.
base-tree: base
	@[ -d $(B)/base/.git ] || git clone -q --branch base \
		$(CACHE)/base-$(BASE_VERSION).git $(B)/base 2>/dev/null

# The unpatched base, built with the same fragments, for the ABI comparison.
base-kernel: base-tree
	@$(S)/kbuild.sh $(B)/base $(B)/obj/x86-base $(FRAGMENTS)

initramfs: tree
	@$(S)/initramfs.sh $(T) $(B)/initramfs.cpio

# The suites of make regress: selftests/mm and memfd from the base tree,
# the series' mmap_fail_nth, trinity and stress-ng.
regress-initramfs: tree base-tree
	@$(S)/regress-initramfs.sh $(T) $(B)/base $(B)/regress.cpio

# The suites written elsewhere (and fault injection), base against
# patched, case by case; by hand (README: its time). REGRESS="mm trinity"
# runs only those suites; TRINITY_SEED=S and TRINITY_CALLS=N give trinity
# other seeds (S added to each) and N calls a run. Results are kept in
# $(CACHE)/regress and reused while their key matches: REGRESS_BASE=rerun
# (or REGRESS_PATCHED=rerun) runs that kernel again; REGRESS_JOBS=N boots
# at once (default 2).
REGRESS_SUITES := mm memfd trinity stress-ng fail-nth
ifneq ($(filter regress,$(MAKECMDGOALS)),)
$(foreach s,$(REGRESS),$(if $(wildcard tests/regress/$(s).list),,$(error \
	REGRESS: unknown suite '$(s)'; the suites are: $(REGRESS_SUITES))))
endif
regress: kernel base-kernel regress-initramfs
	@mkdir -p $(R)
	@REGRESS_APPEND="$(if $(TRINITY_SEED),mmtest.trinity_seed=$(TRINITY_SEED)) \
		$(if $(TRINITY_CALLS),mmtest.trinity_calls=$(TRINITY_CALLS))" \
		REGRESS_BASE="$(REGRESS_BASE)" REGRESS_PATCHED="$(REGRESS_PATCHED)" \
		REGRESS_JOBS="$(REGRESS_JOBS)" \
		$(S)/t-regress.sh $(OUT)/bzImage $(B)/obj/x86-base/arch/x86/boot/bzImage \
		$(B)/regress.cpio $(R)/regress-full full $(or $(REGRESS),$(REGRESS_SUITES))
	@$(S)/summary.sh $(R)/regress-full

series: tree
	@$(S)/series.sh $(OUT)/series

# Mail the series with git send-email; refuses unless patches/ is committed
# and build/linux exported. DRY=1: print what would be sent.
send: tree
	@DRY=$(DRY) SMTP_SERVER=$(SMTP_SERVER) SMTP_PORT=$(SMTP_PORT) \
		$(S)/send.sh $(OUT)/series

run: kernel initramfs
	@$(S)/qemu.sh shell $(OUT)/bzImage $(B)/initramfs.cpio

# Each tier writes one line per case to $(R)/<tier>; summary.sh counts them.
vma-test: tree
	@mkdir -p $(R)
	@$(S)/t-vma.sh $(T) $(R)/vma
	@$(S)/summary.sh $(R)/vma

kunit: tree
	@mkdir -p $(R)
	@$(S)/t-kunit.sh $(T) $(R)/kunit
	@$(S)/summary.sh $(R)/kunit

boot-test selftest: kernel base-kernel initramfs
	@mkdir -p $(R)
	@$(S)/t-boot.sh $(OUT)/bzImage $(B)/obj/x86-base/arch/x86/boot/bzImage \
		$(B)/initramfs.cpio $(R)/boot
	@$(S)/summary.sh $(R)/boot

docs: tree base-tree
	@mkdir -p $(R)
	@$(S)/t-docs.sh $(T) $(R)/docs
	@$(S)/summary.sh $(R)/docs

send-test: tree
	@mkdir -p $(R)
	@$(S)/t-send.sh $(R)/send
	@$(S)/summary.sh $(R)/send

convert-test: tree
	@mkdir -p $(R)
	@$(S)/t-convert.sh $(T) $(R)/convert
	@$(S)/summary.sh $(R)/convert

# The semantic patch on generated handlers (tests/convert/gen.py), each
# converted pair mapped every way by the KUnit suite mmap_prepare_cocci on
# UML. make test runs the fixed seed; make convert-fuzz a new seed each
# time (CONVERT_SEED=S to rerun one, CONVERT_COUNT=N handlers).
CONVERT_SEED  ?= 1
CONVERT_COUNT ?= 500
convert-gen: tree
	@mkdir -p $(R)
	@$(S)/t-convert-gen.sh $(T) $(R)/convert-gen $(CONVERT_SEED) $(CONVERT_COUNT)
	@$(S)/summary.sh $(R)/convert-gen

convert-fuzz: tree
	@mkdir -p $(R)
	@seed=$${CONVERT_SEED_FUZZ:-$$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}; \
	echo "convert-fuzz: seed $$seed (rerun: make convert-fuzz CONVERT_SEED_FUZZ=$$seed)"; \
	$(S)/t-convert-gen.sh $(T) $(R)/convert-fuzz $$seed $(CONVERT_COUNT)
	@$(S)/summary.sh $(R)/convert-fuzz

# The semantic patch on the 6.12 version of each file mainline converted
# by hand (tests/convert/mainline.txt): out/convert-mainline/table.txt.
convert-mainline: tree
	@$(S)/convert-mainline.sh $(T) $(OUT)/convert-mainline

# The semantic patch over the patched tree: a second series of conversions
# in out/convert/ (not part of patches/), with its report, checkpatch and
# the build of each converted file. CONVERT_DIRS narrows it.
CONVERT_DIRS ?= drivers fs sound arch kernel mm ipc security virt samples \
	net block lib io_uring
convert: tree
	@$(S)/deps.sh check matrix convert
	@$(S)/convert.sh $(T) $(OUT)/convert $(CONVERT_DIRS)

checkpatch: tree
	@mkdir -p $(R)
	@$(S)/t-checkpatch.sh $(T) $(R)/checkpatch
	@$(S)/summary.sh $(R)/checkpatch

# What the kernel test robot checks: per patch (Signed-off-by, the VMA
# harness), sparse and coccicheck on the touched files against the base.
check: kernel base-kernel
	@$(S)/deps.sh check
	@mkdir -p $(R)
	@$(S)/check.sh $(T) $(B)/obj/x86 $(B)/base $(B)/obj/x86-base $(R)/check
	@$(S)/summary.sh $(R)/check

# Long: a kernel after each patch, and W=1 builds of the base and the
# series on every configuration of scripts/matrix.sh. MATRIX="bisect
# clang ..." runs only those.
# The bisect builds the x86_64-test row's configuration with the series'
# options (matrix/mm.config): mm/, /dev/mem and /dev/zero, shmem, SysV shm
# and the KUnit suite. Nine patches change mm.h, each a near-full rebuild,
# so it stays small; the x86_64-stacked row builds the other callers.
BISECT_FRAGMENTS := configs/qemu.config configs/debug.config \
	configs/matrix/mm.config
matrix: tree base-tree
	@$(S)/deps.sh matrix
	@mkdir -p $(R)
	@rm -f $(R)/matrix
	@case " $(or $(MATRIX),bisect) " in *" bisect "*) \
		$(S)/bisect.sh $(T) $(R)/matrix $(BISECT_FRAGMENTS);; esac
	@[ "$(MATRIX)" = bisect ] || $(S)/matrix.sh $(T) $(B)/base $(R)/matrix $(MATRIX)
	@$(S)/summary.sh $(R)/matrix

# By hand: each defect in tests/mutations/ (or MUTATIONS=DIR), one at a
# time on the patched tree; the behaviour tiers must catch every one.
mutate: tree base-kernel initramfs
	@$(S)/mutate.sh $(T) $(or $(MUTATIONS),tests/mutations) $(B)/mutate \
		$(B)/obj/x86-base/arch/x86/boot/bzImage $(B)/initramfs.cpio \
		$(FRAGMENTS)

# By hand, never in CI: the base and the patched kernel, same config (the
# test config without lockdep, KASAN and DEBUG_VM), booted alternately
# BENCH_PAIRS times (default 5), then the base against itself; the table
# in build/bench/results.txt, the plot in build/bench/ratios.png.
BENCH_FRAGMENTS := configs/qemu.config configs/regress.config configs/bench.config
bench: bench-count base-tree
	@BENCH_PAIRS="$(BENCH_PAIRS)" $(S)/bench.sh $(T) $(B)/base $(B)/bench $(BENCH_FRAGMENTS)

# make bench's exact counts alone (a minute): callgrind's instructions of
# one mmap_region() in the VMA harness, and its VMA allocations, per case.
bench-count: tree
	@$(S)/deps.sh bench
	@$(S)/bench-count.sh $(T) $(B)/bench

# The module ABI change: abidiff of the base's and the series' vmlinux,
# built with the test config plus modules and DWARF.
abi: tree base-tree
	@$(S)/deps.sh abi
	@$(S)/abi.sh $(T) $(B)/base $(FRAGMENTS) configs/abi.config

# The README's two commands on a clean Debian 12 chroot (debootstrap).
fresh:
	@$(S)/deps.sh fresh
	@$(S)/fresh.sh

# The series without an MMU: riscv64 nommu_virt_defconfig, cross compiled.
nommu: tree
	@$(S)/deps.sh matrix
	@$(S)/nommu.sh $(T) $(B)/obj/riscv-nommu

# Every tier runs even when an earlier one fails; the last line counts all.
test: kernel base-kernel initramfs regress-initramfs
	@rm -rf $(R) && mkdir -p $(R)
	@echo "== userland VMA harness";	$(S)/t-vma.sh $(T) $(R)/vma
	@echo "== KUnit (UML, x86_64)";	$(S)/t-kunit.sh $(T) $(R)/kunit
	@echo "== boot test (QEMU)";		$(S)/t-boot.sh $(OUT)/bzImage \
		$(B)/obj/x86-base/arch/x86/boot/bzImage $(B)/initramfs.cpio $(R)/boot
	@echo "== checkpatch --strict";	$(S)/t-checkpatch.sh $(T) $(R)/checkpatch
	@echo "== documentation";		$(S)/t-docs.sh $(T) $(R)/docs
	@echo "== mail round trip";		$(S)/t-send.sh $(R)/send
	@echo "== mmap_prepare.cocci";	$(S)/t-convert.sh $(T) $(R)/convert
	@echo "== mmap_prepare.cocci on generated handlers (KUnit)"; \
		$(S)/t-convert-gen.sh $(T) $(R)/convert-gen $(CONVERT_SEED) $(CONVERT_COUNT)
	@echo "== regress subset (QEMU)";	$(S)/t-regress.sh $(OUT)/bzImage \
		$(B)/obj/x86-base/arch/x86/boot/bzImage $(B)/regress.cpio \
		$(R)/regress quick mm memfd trinity fail-nth
	@echo "== summary"
	@$(S)/summary.sh $(R)/vma $(R)/kunit $(R)/boot $(R)/checkpatch \
		$(R)/docs $(R)/send $(R)/convert $(R)/convert-gen $(R)/regress

clean:
	rm -rf $(OUT) $(B)/obj $(B)/results $(B)/boot $(B)/kunit $(B)/abi \
		$(B)/docs $(B)/send $(B)/check $(B)/regress $(B)/convert-test

# Also drops the trees; refuses while build/linux holds unexported work.
distclean:
	@if [ -d $(T)/.git ]; then . $(S)/common.sh && tree_check_clean $(T) && \
		{ [ -z "$$(tree_commits_not_in_patches $(T))" ] || \
		  die "$(T) holds commits not in patches/; run make export first"; }; fi
	rm -rf $(OUT) $(B)
