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

# /suites/SUITE/NNN-NAME: one program per list line; SUITE.quick holds the
# lines marked "both". Each runs its command under a timeout (SIGKILL).
for list in "$lists"/*.list; do
	suite=$(basename "$list" .list)
	case $suite in
	mm|memfd) dir=/selftests/$suite ;;
	stress-ng) dir=/tmp ;;
	*) dir=/regress ;;
	esac
	mkdir -p "$root/suites/$suite" "$root/suites/$suite.quick"
	i=0
	while read -r name secs when cmd; do
		case $name in ''|'#'*) continue ;; esac
		case $when in both|regress) ;; *) die "$list: $name: 'when' is $when, not both or regress" ;; esac
		[ -n "$cmd" ] || die "$list: $name has no command"
		[[ $cmd != *"'"* ]] || die "$list: $name: no single quotes in commands"
		prog=$(grep -o '\./[^ ]*' <<<"$cmd" | head -n 1 || true)
		[ -z "$prog" ] || [ -x "$root$dir/${prog#./}" ] ||
			die "$list: $name: $prog was not built (see $w/$suite.log)"
		i=$((i + 1))
		f=$(printf '%03d-%s' "$i" "$name")
		printf '#!/bin/sh\ncd %s || exit 1\nexec timeout -s KILL %s sh -c '\''%s'\''\n' \
			"$dir" "$secs" "$cmd" > "$root/suites/$suite/$f"
		chmod +x "$root/suites/$suite/$f"
		[ "$when" = both ] && cp "$root/suites/$suite/$f" "$root/suites/$suite.quick/"
	done < "$list"
done

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
mv "$out.tmp" "$out"
