#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make fresh: the README's two commands on a clean Debian 12. debootstrap
# makes a minimal bookworm system in build/fresh/root, from the mirror this
# machine's apt uses, with only what a user needs to type them (git, make);
# a clone of this repository's HEAD there runs `make test` as root, with
# no package, cache or ccache of this machine. Prints its time.
# Usage: fresh.sh (as root)
set -uo pipefail
. "$(dirname "$0")/common.sh"

[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot)"
top=$(cd "$(dirname "$0")/.." && pwd)
root=$B/fresh/root
mkdir -p "$B/fresh"
exec 9> "$B/fresh/lock"
flock -n 9 || die "another make fresh is running on $B/fresh"
# The Debian mirror of this machine's own apt sources (deb822 or one-line).
mirror=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null |
	awk '/^URIs:/ { u = $2 } /^Suites:/ && / bookworm( |$)/ { print u; exit }')
[ -n "$mirror" ] || mirror=$(awk '$1 == "deb" && $3 == "bookworm" { print $2; exit }' \
	/etc/apt/sources.list 2>/dev/null)
[ -n "$mirror" ] || die "no bookworm mirror in this machine's apt sources"

# Everything mounted below the root (ours, and debootstrap's own /proc),
# deepest first, so that no rm -rf can reach the host's /dev or /work.
umount_all() {
	awk -v r="$root/" 'index($2, r) == 1 { print $2 }' /proc/mounts |
		sort -r | while read -r m; do umount -l "$m"; done
}
trap umount_all EXIT
umount_all
if [ ! -x "$root/usr/bin/git" ]; then
	rm -rf --one-file-system "$root"
	mkdir -p "$root"
	echo "fresh: debootstrap bookworm from $mirror"
	debootstrap --variant=minbase --include=git,make,ca-certificates \
		bookworm "$root" "$mirror" > "$B/fresh/debootstrap.log" 2>&1 ||
		{ tail -n 20 "$B/fresh/debootstrap.log"; die "debootstrap failed"; }
fi
# The same apt sources as this machine (the base is in bookworm-security).
rm -f "$root"/etc/apt/sources.list
cp /etc/apt/sources.list.d/*.sources "$root/etc/apt/sources.list.d/" 2>/dev/null
[ -f /etc/apt/sources.list ] && cp /etc/apt/sources.list "$root/etc/apt/"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mkdir -p "$root/src"
for m in dev proc sys; do mount --rbind "/$m" "$root/$m"; done
mount --bind "$top" "$root/src"

echo "fresh: a clone of $(git -C "$top" rev-parse --short HEAD) runs make test in the chroot"
chroot "$root" /bin/bash -c '
	set -e
	export HOME=/root LANG=C.UTF-8
	rm -rf /root/.cache /root/mmap-prepare
	git config --global --add safe.directory /src/.git
	git clone -q /src /root/mmap-prepare
	cd /root/mmap-prepare
	start=$SECONDS
	make test 2>&1 | tee /root/make-test.log | tail -n 40
	echo "fresh: make test took $((SECONDS - start)) s"
' 2>&1 | tee "$B/fresh/make-test.log"
grep -q '^[0-9]* passed, 0 failed' "$B/fresh/make-test.log" ||
	die "make test did not pass in the fresh system ($B/fresh/make-test.log)"
