#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Fetch the pinned base kernel with apt, verify it, and keep it in the cache
# as a bare git repository whose single root commit is tagged "base".
#
# Environment (set by the Makefile): CACHE, BASE_PKG, BASE_VERSION,
# BASE_DEB_SHA256, BASE_TAR_SHA256, BASE_KVER, IDENT_NAME, IDENT_EMAIL.
set -euo pipefail

die() { echo "base: error: $*" >&2; exit 1; }

repo=$CACHE/base-$BASE_VERSION.git
stamp=$repo/mmap-prepare-base-ok
want="2 $BASE_PKG $BASE_VERSION $BASE_DEB_SHA256 $BASE_TAR_SHA256"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
	exit 0
fi

mkdir -p "$CACHE" || die "cannot create the cache directory $CACHE"
# The tarball is 150 MB, unpacked 1.7 GB, the git objects 0.6 GB.
need_kb=$((4 * 1024 * 1024))
avail_kb=$(df -Pk "$CACHE" | awk 'NR == 2 { print $4 }')
if [ "$avail_kb" -lt "$need_kb" ]; then
	die "not enough disk space in $CACHE: $((avail_kb / 1024)) MiB free, 4096 MiB needed"
fi

deb=$CACHE/${BASE_PKG}_${BASE_VERSION}_all.deb
if [ ! -f "$deb" ] || [ "$(sha256sum < "$deb" | cut -d' ' -f1)" != "$BASE_DEB_SHA256" ]; then
	rm -f "$deb"
	echo "base: downloading $BASE_PKG=$BASE_VERSION with apt"
	if ! offered=$(apt-cache madison "$BASE_PKG" 2>/dev/null | awk '{ print $3 }') ||
	   ! grep -qxF "$BASE_VERSION" <<<"$offered"; then
		echo "base: error: apt does not offer $BASE_PKG version $BASE_VERSION." >&2
		if [ -n "$offered" ]; then
			echo "base: versions apt offers now:" >&2
			sed 's/^/  /' <<<"$offered" >&2
		else
			echo "base: apt offers no version of $BASE_PKG (run 'apt-get update' as root?)" >&2
		fi
		echo "base: to re-pin, set BASE_VERSION, BASE_DEB_SHA256 and BASE_TAR_SHA256 in the" >&2
		echo "base: Makefile to the new version and the sha256 of its .deb and of the" >&2
		echo "base: linux-source tarball inside it, then rebase patches/ onto it." >&2
		exit 1
	fi
	(cd "$CACHE" && apt-get download -q "$BASE_PKG=$BASE_VERSION") ||
		die "apt-get download $BASE_PKG=$BASE_VERSION failed"
	[ -f "$deb" ] || die "apt-get download did not leave $deb"
	sum=$(sha256sum < "$deb" | cut -d' ' -f1)
	if [ "$sum" != "$BASE_DEB_SHA256" ]; then
		mv "$deb" "$deb.bad"
		die "checksum mismatch for $deb: sha256 is $sum, expected $BASE_DEB_SHA256 (kept as $deb.bad)"
	fi
fi

tmp=$(mktemp -d "$CACHE/unpack.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
echo "base: unpacking and verifying the source tarball"
dpkg-deb --fsys-tarfile "$deb" | tar -xO "./usr/src/linux-source-${BASE_KVER%.*}.tar.xz" > "$tmp/src.tar.xz" ||
	die "the .deb does not hold usr/src/linux-source-${BASE_KVER%.*}.tar.xz"
sum=$(sha256sum < "$tmp/src.tar.xz" | cut -d' ' -f1)
[ "$sum" = "$BASE_TAR_SHA256" ] ||
	die "checksum mismatch for the tarball in $deb: sha256 is $sum, expected $BASE_TAR_SHA256"
tar -xJf "$tmp/src.tar.xz" -C "$tmp" || die "cannot unpack the source tarball (disk full?)"
rm -f "$tmp/src.tar.xz"
src=$tmp/linux-source-${BASE_KVER%.*}
grep -q "^SUBLEVEL = ${BASE_KVER##*.}\$" "$src/Makefile" ||
	die "the tarball is not Linux $BASE_KVER"

# Debian's .gitignore ends with a block ignoring everything at the top level;
# in a git tree it would hide every new file. Drop exactly that block.
block='#
# Debian packaging: ignore everything at the top level, since it isn'"'"'t
# included in our repository
#
/*
!/debian/'
[ "$(tail -n 6 "$src/.gitignore")" = "$block" ] ||
	die "the base .gitignore does not end with the expected Debian block"
head -n -6 "$src/.gitignore" > "$tmp/gitignore"
mv "$tmp/gitignore" "$src/.gitignore"

echo "base: committing the base (about a minute)"
rm -rf "$repo"
export GIT_AUTHOR_NAME=$IDENT_NAME GIT_AUTHOR_EMAIL=$IDENT_EMAIL
export GIT_COMMITTER_NAME=$IDENT_NAME GIT_COMMITTER_EMAIL=$IDENT_EMAIL
export GIT_AUTHOR_DATE="2025-01-01T00:00:00Z" GIT_COMMITTER_DATE="2025-01-01T00:00:00Z"
git -C "$src" init -q -b master
# Debian's .gitignore ignores every dot file (.gitignore, .kunitconfig,
# .mailmap, ...): force-add, the freshly unpacked tree holds only sources.
git -C "$src" add -A -f
git -C "$src" commit -q -m "Linux $BASE_KVER ($BASE_PKG $BASE_VERSION)

The Debian $BASE_PKG package, version $BASE_VERSION, without the block
at the end of .gitignore that ignores every top-level file.

deb sha256: $BASE_DEB_SHA256
tar sha256: $BASE_TAR_SHA256"
git -C "$src" tag base
git clone -q --bare "$src" "$repo.tmp"
rm -rf "$repo"
mv "$repo.tmp" "$repo"
echo "$want" > "$stamp"
echo "base: $repo ($(git -C "$repo" rev-parse --short base))"
