#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build the x86_64 test kernel: tinyconfig plus the configs/ fragments.
# Usage: kbuild.sh SRCTREE OBJDIR FRAGMENT...
set -euo pipefail
. "$(dirname "$0")/common.sh"

src=$1 obj=$2
shift 2
mkdir -p "$obj"
kmake() {
	make -s -C "$src" O="$obj" ARCH=x86_64 CC="$KCC" HOSTCC="$KHOSTCC" \
		KBUILD_BUILD_TIMESTAMP="2025-01-01" KBUILD_BUILD_USER=mmap-prepare \
		KBUILD_BUILD_HOST=build "$@"
}

# Regenerate the config only when a fragment changed (keeps rebuilds no-ops).
sum=$(cat "$@" | sha256sum | cut -d' ' -f1)
if [ ! -f "$obj/.config" ] || [ "$(cat "$obj/.fragments" 2>/dev/null)" != "$sum" ]; then
	kmake tinyconfig >/dev/null
	"$src/scripts/kconfig/merge_config.sh" -m -O "$obj" "$obj/.config" "$@" >/dev/null
	kmake olddefconfig >/dev/null
	# What the fragments ask for, a later fragment's word winning (make
	# bench turns regress.config's kmemleak off with "is not set").
	missing=$(awk '/^CONFIG_/ { split($0, kv, "="); want[kv[1]] = $0 }
		/^# CONFIG_.* is not set$/ { want[$2] = $0 }
		END { for (k in want) print want[k] }' "$@" | sort | while read -r l; do
		case $l in
		"# "*)	o=${l#\# }; o=${o%% *}
			! grep -q "^$o=" "$obj/.config" || echo "$l" ;;
		*)	grep -qxF "$l" "$obj/.config" || echo "$l" ;;
		esac
	done)
	[ -z "$missing" ] || die "these options did not reach $obj/.config: $missing"
	echo "$sum" > "$obj/.fragments"
fi
# Options new in the tree (a patch adding a Kconfig entry) take their default.
kmake olddefconfig >/dev/null
kmake -j"$(nproc)" bzImage
