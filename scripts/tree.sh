#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make tree: build/linux = the base (tag "base") plus one commit per patch in
# patches/series, applied with git am. An existing tree is reused when it
# already matches patches/, rebuilt when it holds nothing patches/ lacks, and
# never overwritten when it holds commits or changes not in patches/.
set -euo pipefail
. "$(dirname "$0")/common.sh"

T=$B/linux
base_repo=$CACHE/base-$BASE_VERSION.git

if [ -d "$T/.git" ]; then
	tree_check_clean "$T"
	if tree_matches_patches "$T"; then
		echo "tree: $T is up to date with patches/"
		exit 0
	fi
	extra=$(tree_commits_not_in_patches "$T")
	if [ -n "$extra" ]; then
		echo "tree: error: $T holds commits that are not in patches/:" >&2
		sed 's/^/  /' <<<"$extra" >&2
		echo "tree: error: run 'make export' to keep them, or remove $T to drop them" >&2
		exit 1
	fi
	echo "tree: patches/ changed; rebuilding $T"
else
	rm -rf "$T"
	mkdir -p "$B"
	git clone -q --no-checkout "$base_repo" "$T"
fi

git -C "$T" config user.name "$IDENT_NAME"
git -C "$T" config user.email "$IDENT_EMAIL"
git -C "$T" config am.keepcr false
git -C "$T" fetch -q "$base_repo" "refs/tags/base:refs/tags/base"
git -C "$T" checkout -q -f -B master base
n=0
while read -r p; do
	case "$p" in ''|'#'*) continue ;; esac
	[ -f "$P/$p" ] || die "patches/series names $p, which is not in patches/"
	# Author and date come from the patch; the committer is the project.
	if ! git -C "$T" am -q --committer-date-is-author-date "$P/$p"; then
		git -C "$T" am --abort || true
		die "patch $p does not apply on the base"
	fi
	n=$((n + 1))
done < "$P/series"
echo "tree: $T = base + $n patches"
