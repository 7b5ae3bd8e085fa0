#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The initramfs of make regress (and of make test's regress subset):
# 6.12's selftests/mm and selftests/memfd built static from the base tree
# against its UAPI headers, the series' mmap_fail_nth built static from the
# patched tree, Debian's trinity and stress-ng with their shared libraries,
# and one directory of programs per suite (/suites/SUITE, and
# /suites/SUITE.quick for make test) made from tests/regress/SUITE.list.
# Usage: regress-initramfs.sh TREE BASETREE OUTPUT.cpio
set -euo pipefail
. "$(dirname "$0")/common.sh"

tree=$1 base=$2 out=$3
top=$(cd "$(dirname "$0")/.." && pwd)
lists=$top/tests/regress
w=$B/regress/build
root=$w/root
for p in /bin/busybox /usr/bin/trinity /usr/bin/stress-ng; do
	[ -x "$p" ] || die "$p is missing; run 'make deps' (busybox-static, trinity, stress-ng)"
done
mkdir -p "$w"

# The base's UAPI headers and selftests; only what changed is rebuilt.
make -s -C "$base" O="$w/hdr" ARCH=x86_64 headers
sel=(KHDR_INCLUDES="-isystem $w/hdr/usr/include" EXTRA_CFLAGS=-static LDFLAGS=-static)
st=$base/tools/testing/selftests
mkdir -p "$w/mm" "$w/memfd"
# khugepaged.c does not build at 6.12.117 (KSFT_SKIP undeclared); the rest
# must. -k builds everything else; each listed program is checked below.
make -s -C "$st/mm" "${sel[@]}" OUTPUT="$w/mm" \
	-j"$(nproc)" -k > "$w/mm.log" 2>&1 || true
make -s -C "$st/memfd" "${sel[@]}" OUTPUT="$w/memfd" \
	"$w/memfd/memfd_test" > "$w/memfd.log" 2>&1 ||
	{ cat "$w/memfd.log"; die "cannot build selftests/memfd/memfd_test"; }
mkdir -p "$w/series"
gcc -static -O2 -Wall -Werror -I "$tree/tools/testing/selftests/mm" \
	-o "$w/series/mmap_fail_nth" "$tree/tools/testing/selftests/mm/mmap_fail_nth.c" ||
	die "cannot build the series' mmap_fail_nth"
gcc -static -O2 -Wall -Werror -o "$w/series/shm-victims" "$lists/shm-victims.c"

rm -rf "$root"
mkdir -p "$root"/{bin,dev,proc,sys,tmp,tests,etc,regress,suites,selftests}
cp /bin/busybox "$root/bin/busybox"
cp "$top/tests/init" "$root/init"
printf 'root:x:0:0:root:/:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/sh\n' > "$root/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' > "$root/etc/group"
cp -a "$w/mm" "$root/selftests/mm"
mkdir -p "$root/selftests/memfd" "$root/series"
cp "$w/memfd/memfd_test" "$root/selftests/memfd/"
cp "$w/series/"* "$root/series/"
cp "$lists/trinity-run" "$root/regress/"
ln -s ../series/shm-victims "$root/regress/shm-victims"
# trinity and stress-ng as Debian builds them, with their libraries.
mkdir -p "$root/usr/bin"
for p in /usr/bin/trinity /usr/bin/stress-ng; do
	cp "$p" "$root/usr/bin/"
	for l in $(ldd "$p" | grep -o '/[^ ]*'); do
		mkdir -p "$root$(dirname "$l")"
		cp -L "$l" "$root$l"
	done
done
ln -s ../usr/bin/trinity "$root/bin/trinity"
ln -s ../usr/bin/stress-ng "$root/bin/stress-ng"

# One directory of programs per boot ("unit"): /suites/SUITE/NNN-NAME, a
# program per list line, or /suites/SUITE@N for the lines of shard N when
# the list splits the suite (when = both:N or regress:N); SUITE.quick holds
# the lines marked "both", unsplit. Each runs its command under a timeout
# (SIGKILL).
for list in "$lists"/*.list; do
	suite=$(basename "$list" .list)
	case $suite in
	mm|memfd) dir=/selftests/$suite ;;
	stress-ng) dir=/tmp ;;
	*) dir=/regress ;;
	esac
	shards=$(awk '$1 !~ /^#/ && NF >= 4 { n = split($3, f, ":"); s = n > 1 ? f[2] : 1
		if (s > m) m = s } END { print m + 0 }' "$list")
	mkdir -p "$root/suites/$suite.quick"
	i=0
	while read -r name secs when cmd; do
		case $name in ''|'#'*) continue ;; esac
		shard=1
		case $when in *:*) shard=${when#*:} when=${when%%:*} ;; esac
		case $when in both|regress) ;; *) die "$list: $name: 'when' is $when, not both or regress" ;; esac
		[[ $shard =~ ^[1-9][0-9]*$ ]] || die "$list: $name: shard '$shard' is not a number from 1"
		[[ $secs =~ ^[1-9][0-9]*$ ]] || die "$list: $name: timeout '$secs' is not a number of seconds"
		[ -n "$cmd" ] || die "$list: $name has no command"
		[[ $cmd != *"'"* ]] || die "$list: $name: no single quotes in commands"
		prog=$(grep -o '\./[^ ]*' <<<"$cmd" | head -n 1 || true)
		[ -z "$prog" ] || [ -x "$root$dir/${prog#./}" ] ||
			die "$list: $name: $prog was not built (see $w/$suite.log)"
		unit=$suite
		[ "$shards" -gt 1 ] && unit=$suite@$shard
		mkdir -p "$root/suites/$unit"
		i=$((i + 1))
		f=$(printf '%03d-%s' "$i" "$name")
		printf '#!/bin/sh\ncd %s || exit 1\nexec timeout -s KILL %s sh -c '\''%s'\''\n' \
			"$dir" "$secs" "$cmd" > "$root/suites/$unit/$f"
		chmod +x "$root/suites/$unit/$f"
		[ "$when" = both ] && cp "$root/suites/$unit/$f" "$root/suites/$suite.quick/"
	done < "$list"
	for s in $(seq 1 "$shards"); do
		[ "$shards" -eq 1 ] || [ -d "$root/suites/$suite@$s" ] ||
			die "$list: shard $s of $shards has no program"
	done
done

# OUTPUT.units: one line per unit, "MODE SUITE UNIT KEY SECONDS": the hash
# of everything in the initramfs its boot runs (/init, busybox, the
# unit's directory, the suite's programs and libraries, its list file) and
# the sum of its programs' timeouts. make regress keys its results by it.
suite_files() { # suite: what its programs use, relative to the root
	case $1 in
	mm|memfd) echo selftests/$1 ;;
	trinity) echo regress usr/bin/trinity series/shm-victims lib lib64 usr/lib ;;
	stress-ng) echo usr/bin/stress-ng lib lib64 usr/lib ;;
	*) echo series regress ;;
	esac
}
tree_sum() { # paths relative to the root: names, modes, contents, links
	(cd "$root" && find "$@" \( -type f -o -type l \) 2>/dev/null | LC_ALL=C sort |
		while read -r f; do
			if [ -L "$f" ]; then echo "link $f $(readlink "$f")"
			else echo "file $f $(stat -c %a "$f") $(sha256sum < "$f" | cut -c1-64)"; fi
		done) | sha256sum | cut -c1-64
}
for list in "$lists"/*.list; do
	suite=$(basename "$list" .list)
	(cd "$root/suites" && ls -d "$suite" "$suite@"* "$suite.quick" 2>/dev/null || true) |
	while read -r unit; do
		mode=full
		[ "$unit" = "$suite.quick" ] && mode=quick
		# A suite with no line for make test has an empty SUITE.quick.
		[ -n "$(ls "$root/suites/$unit")" ] || continue
		# shellcheck disable=SC2046
		key=$( { tree_sum init bin etc "suites/$unit" $(suite_files "$suite")
			 sha256sum < "$list"; } | sha256sum | cut -c1-64)
		secs=$(cat "$root/suites/$unit"/* | awk '/timeout -s KILL/ { s += $5 } END { print s + 0 }')
		echo "$mode $suite $unit $key $secs"
	done
done > "$out.units.tmp"

gcc -O2 -o "$B/gen_init_cpio" "$tree/usr/gen_init_cpio.c"
{
	(cd "$root" && find . -mindepth 1 | sort) | while read -r f; do
		f=${f#.}
		if [ -L "$root$f" ]; then
			echo "slink $f $(readlink "$root$f") 0777 0 0"
		elif [ -d "$root$f" ]; then
			echo "dir $f 0755 0 0"
		else
			echo "file $f $root$f $(stat -c %a "$root$f") 0 0"
		fi
	done
	echo "nod /dev/console 0600 0 0 c 5 1"
	echo "slink /bin/sh busybox 0777 0 0"
} > "$w/initramfs.list"
"$B/gen_init_cpio" "$w/initramfs.list" > "$out.tmp"
mv "$out.units.tmp" "$out.units"
mv "$out.tmp" "$out"
