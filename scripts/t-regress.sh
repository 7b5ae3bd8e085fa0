#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Suites written elsewhere, on the base and the patched kernel of one
# config. A suite is one or more units (the boots of regress-initramfs.sh's
# OUTPUT.units: SUITE, SUITE@N for a split suite, SUITE.quick); each unit
# boots each kernel once, with 2 CPUs, 2 GiB and two NUMA nodes, and runs
# /suites/UNIT. Every case must have the same result on both kernels; each
# kernel must run the whole suite; the patched console must show no report
# the base's does not (WARNING, BUG, Oops, lockdep, KASAN, RCU, bad page)
# and kmemleak no leak the base's does not. Prints the per-suite table and
# writes it to build/regress/table.txt (table-quick.txt for make test).
#
# Results are kept in $CACHE/regress/KEY as soon as a boot ends, KEY being
# a hash of the kernel's bzImage, the unit's programs (OUTPUT.units), the
# guest's size and its command line. A boot whose key has a complete entry
# is not run again: the base's results serve every series that shares its
# config, and a run that was cut goes on where it stopped. Only a boot
# that ran its programs to the end is kept; a cut one runs again whole.
# REGRESS_BASE=rerun, REGRESS_PATCHED=rerun: run that kernel's boots again.
# REGRESS_JOBS (default 2): boots at once, longest expected first.
# REGRESS_APPEND: more kernel arguments (the suites' mmtest.* knobs).
# REGRESS_NOBOOT=1: compare again from the logs an earlier run left.
# Usage: t-regress.sh PATCHED_BZIMAGE BASE_BZIMAGE INITRAMFS RESULTS quick|full SUITE...
set -uo pipefail
. "$(dirname "$0")/common.sh"

patched=$1 base=$2 initrd=$3 res=$4 mode=$5
shift 5
lists=$(cd "$(dirname "$0")/.." && pwd)/tests/regress
known=$(cd "$lists" && ls -- *.list | sed 's/\.list$//' | tr '\n' ' ')
[ $# -gt 0 ] || die "no suite given (known: $known)"
for suite in "$@"; do
	[ -f "$lists/$suite.list" ] || die "unknown suite '$suite' (known: $known)"
done
case $mode in quick|full) ;; *) die "mode is '$mode', not quick or full" ;; esac
units=$initrd.units
[ -s "$units" ] || die "$units is missing; rebuild the initramfs (make regress-initramfs)"
for f in "$patched" "$base" "$initrd"; do
	[ -f "$f" ] || die "$f is missing; build it first"
done
for r in "${REGRESS_BASE:-}" "${REGRESS_PATCHED:-}"; do
	case $r in ''|rerun|reuse) ;; *) die "REGRESS_BASE/REGRESS_PATCHED is '$r', not rerun or reuse" ;; esac
done
jobs=${REGRESS_JOBS:-2}
[[ $jobs =~ ^[1-9][0-9]*$ ]] || die "REGRESS_JOBS is '$jobs', not a number from 1"

dir=$B/regress/$mode
store=$CACHE/regress
mkdir -p "$dir/units" "$store" || die "cannot create $dir or $store"
: > "$res"
# Kernel reports: what a line of one starts with.
bad='(WARNING:|BUG:|Oops|Kernel panic|general protection fault|possible recursive locking|possible circular locking|inconsistent lock state|bad unlock balance|suspicious RCU usage|INFO: rcu|rcu_sched self-detected|KASAN:|UBSAN:|kernel BUG|Bad page|BUG kmalloc|timed out after)'
QEMU_MEM=2048 QEMU_SMP=2
export QEMU_MEM QEMU_SMP

# The units of the suites asked for: "SUITE UNIT PROGKEY SECONDS".
todo=$(for suite in "$@"; do
	awk -v m="$mode" -v s="$suite" '$1 == m && $2 == s { print $2, $3, $4, $5 }' "$units"
done)
for suite in "$@"; do
	grep -q "^$suite " <<<"$todo" || die "$units has no $mode unit of $suite; rebuild the initramfs"
done

append_of() { # unit
	# shellcheck disable=SC2086
	echo "mmtest.suite=$1 numa=fake=2" ${REGRESS_APPEND:-}
}
key_of() { # kernel-file progkey seconds unit
	{
		echo "regress results 1"
		echo "kernel $(sha256sum < "$1" | cut -c1-64)"
		echo "programs $2"
		echo "qemu mem=$QEMU_MEM smp=$QEMU_SMP timeout=$(($3 + 300))"
		echo "append $(append_of "$4")"
	} | sha256sum | cut -c1-64
}
# A complete entry: every file there, readable, and a run to the end.
entry_ok() { # entry
	[ -r "$1/meta" ] && [ -r "$1/console" ] && [ -r "$1/ktap" ] && [ -r "$1/secs" ] &&
		grep -qx 'complete=1' "$1/meta" && grep -qx '# mmtest: done' "$1/ktap" &&
		[[ $(cat "$1/secs") =~ ^[0-9]+$ ]]
}
meta() { # entry field
	sed -n "s/^$2=//p" "$1/meta" | head -n 1
}

# One boot: the unit on the kernel; its logs in $dir/UNIT-K.*, and in the
# store under KEY if it ran to the end.
boot() { # unit k kernel-file seconds key
	local unit=$1 k=$2 kernel=$3 secs=$4 key=$5 t0 tmp rc
	tmp=$store/.run-$key.$$
	rm -rf "$tmp" && mkdir -p "$tmp" || return 1
	t0=$(date +%s)
	QEMU_TIMEOUT=$((secs + 300)) QEMU_APPEND="$(append_of "$unit")" \
		"$(dirname "$0")/qemu.sh" test "$kernel" "$initrd" "$tmp/run" > "$tmp/qemu.out" 2>&1
	rc=$?
	echo $(($(date +%s) - t0)) > "$tmp/secs"
	mv "$tmp/run.console" "$tmp/console" 2>/dev/null || : > "$tmp/console"
	mv "$tmp/run.ktap" "$tmp/ktap" 2>/dev/null || : > "$tmp/ktap"
	sed -i 's/\r$//' "$tmp/ktap" "$tmp/console"
	[ $rc -eq 0 ] || cat "$tmp/qemu.out" >> "$tmp/console"
	for f in console ktap secs; do cp "$tmp/$f" "$dir/units/$unit-$k.$f"; done
	if grep -qx '# mmtest: done' "$tmp/ktap"; then
		printf 'unit=%s\nkernel=%s\nkey=%s\nmeasured=%s\nhost=%s\ncomplete=1\n' \
			"$unit" "$k" "$key" "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(uname -n)" > "$tmp/meta"
		rm -rf "${store:?}/$key" && mv "$tmp" "$store/$key"
		echo "regress: $unit on the $k kernel: $(cat "$dir/units/$unit-$k.secs") s, kept (key ${key:0:12})"
	else
		rm -rf "$tmp"
		echo "regress: $unit on the $k kernel: did not finish ($(cat "$dir/units/$unit-$k.secs") s), not kept"
	fi
}

# What runs and what is reused.
declare -A unit_key unit_src
pending=()
while read -r suite unit progkey secs; do
	for k in base patched; do
		kernel=$patched force=${REGRESS_PATCHED:-}
		[ $k = base ] && kernel=$base force=${REGRESS_BASE:-}
		key=$(key_of "$kernel" "$progkey" "$secs" "$unit")
		unit_key[$unit-$k]=$key
		e=$store/$key
		if [ -n "${REGRESS_NOBOOT:-}" ]; then
			unit_src[$unit-$k]=logs
		elif [ "$force" != rerun ] && entry_ok "$e"; then
			for f in console ktap secs; do cp "$e/$f" "$dir/units/$unit-$k.$f"; done
			unit_src[$unit-$k]=reused
			echo "regress: $unit $k: reused (key ${key:0:12}, measured $(meta "$e" measured), $(cat "$e/secs") s)"
		else
			[ -e "$e" ] && [ "$force" != rerun ] &&
				echo "regress: $unit $k: the kept results (key ${key:0:12}) are incomplete; running again"
			unit_src[$unit-$k]=run
			# Longest first: the last wall this unit took, else its timeouts.
			last=$(cat "$store/walls/$unit-$k" 2>/dev/null || echo "$secs")
			pending+=("$last $unit $k $secs $key")
		fi
	done
done <<<"$todo"

start=$(date +%s)
if [ ${#pending[@]} -gt 0 ]; then
	echo "regress: ${#pending[@]} boots to run, $jobs at a time"
	mkdir -p "$store/walls"
	mapfile -t order < <(printf '%s\n' "${pending[@]}" | sort -rn)
	running=0
	for p in "${order[@]}"; do
		read -r _ unit k secs key <<<"$p"
		kernel=$patched
		[ "$k" = base ] && kernel=$base
		if [ $running -ge "$jobs" ]; then
			wait -n
			running=$((running - 1))
		fi
		echo "regress: $unit on the $k kernel (at most $((secs + 300)) s)"
		{ boot "$unit" "$k" "$kernel" "$secs" "$key"
		  cp "$dir/units/$unit-$k.secs" "$store/walls/$unit-$k"; } &
		running=$((running + 1))
	done
	wait
fi
elapsed=$(($(date +%s) - start))

# Report headlines without what varies between runs (CPU, PID, addresses,
# offsets), each with the program that ran when it came.
splats() { # console
	awk -v bad="$bad" '
		/mmtest: start / { prog = $NF }
		$0 ~ bad {
			l = $0
			sub(/^\[ *[0-9.]+\] /, "", l)
			gsub(/CPU: [0-9]+ (UID: [0-9]+ )?PID: [0-9]+/, "", l)
			gsub(/0x[0-9a-f]+(\/0x[0-9a-f]+)?/, "", l)
			gsub(/ffff[0-9a-f]+/, "", l)
			gsub(/ +/, " ", l)
			print (prog == "" ? "boot" : prog) ": " l
		}' "$1" | sort -u
}

# kmemleak's suspects, each as its allocation backtrace's functions.
leaks() { # ktap
	awk '
		/unreferenced object/ { if (sig != "") print sig; sig = "leak"; next }
		sig != "" && /\[<[0-9a-f]+>\]|^ *# +[a-z_0-9.]+\+0x/ {
			f = $0; sub(/.*\] /, "", f); sub(/^ *# +/, "", f); sub(/\+0x.*/, "", f)
			sig = sig " " f
		}
		END { if (sig != "") print sig }' "$1" | sort -u
}

# Give each case of a program (its name as tests/regress/names.sed makes it,
# without what varies between runs) a name that is unique within it: a repeated
# name gets its occurrence number.
uniq_cases() { # results
	awk '$1 != "errno" { k = $2 " " substr($0, length($1 $2) + 3); n[k]++
		if (n[k] > 1) print $1, $2, substr($0, length($1 $2) + 3) " (" n[k] ")"
		else print }' "$1"
}

table=$B/regress/table.txt
[ "$mode" = quick ] && table=$B/regress/table-quick.txt
fmt='%-13s %6s %8s %9s %8s %11s %8s %8s  %s\n'
printf "$fmt" suite "base" patched identical skipped "splats b/p" "base s" "patch s" \
	"base results" > "$table.tmp"
: > "$dir/times"

for suite in "$@"; do
	case $suite in mm) title=selftests/mm ;; *) title=$suite ;; esac
	sunits=$(awk -v s="$suite" '$1 == s { print $2 }' <<<"$todo")
	for k in base patched; do
		log=$dir/$suite-$k
		: > "$log.ktap"; : > "$log.console"
		secs=0 done=1
		for unit in $sunits; do
			cat "$dir/units/$unit-$k.ktap" >> "$log.ktap" 2>/dev/null
			cat "$dir/units/$unit-$k.console" >> "$log.console" 2>/dev/null
			secs=$((secs + $(cat "$dir/units/$unit-$k.secs" 2>/dev/null || echo 0)))
			if ! grep -qx '# mmtest: done' "$dir/units/$unit-$k.ktap" 2>/dev/null; then
				done=0
				echo "regress: $unit: the $k kernel did not finish; its console ends with:"
				tail -n 30 "$dir/units/$unit-$k.console" 2>/dev/null | sed 's/^/  /'
			fi
			# Each program's wall time in the guest.
			sed -n "s/^# mmtest: time \([^ ]*\) \([0-9.]*\)$/\2 $k $unit \1/p" \
				"$dir/units/$unit-$k.ktap" 2>/dev/null >> "$dir/times"
		done
		echo "$secs" > "$log.secs"
		awk -f "$(dirname "$0")/ktap.awk" "$log.ktap" > "$log.raw" 2>/dev/null
		sed -E -f "$lists/names.sed" "$log.raw" > "$log.named"
		uniq_cases "$log.named" > "$log.results"
		grep '^errno ' "$log.raw" > "$log.errno"
		splats "$log.console" > "$log.splats"
		leaks "$log.ktap" > "$log.leaks"
		if [ $done = 1 ]; then
			echo "ok regress-$k:$title:all-programs-ran" >> "$res"
		else
			echo "not ok regress-$k:$title:all-programs-ran" >> "$res"
		fi
	done
	b=$dir/$suite-base p=$dir/$suite-patched
	# Case by case: the same status on both kernels, and no case of one
	# missing from the other. A case skipped on both is a skip.
	join -a1 -a2 -e missing -o 0,1.2,2.2 -t $'\t' \
		<(awk '{ s = $1; $1 = ""; print substr($0, 2) "\t" s }' "$b.results" | sort -t $'\t' -k1,1) \
		<(awk '{ s = $1; $1 = ""; print substr($0, 2) "\t" s }' "$p.results" | sort -t $'\t' -k1,1) |
	while IFS=$'\t' read -r name bs ps; do
		if [ "$bs" != "$ps" ]; then
			echo "not ok regress:$title:$name (base $bs, patched $ps)"
		elif [ "$suite" = fail-nth ] && [ "$bs" != ok ]; then
			# The series' own test: it passes on both kernels or fails.
			echo "not ok regress:$title:$name ($bs on both kernels)"
		elif [ "$bs" = skip ]; then
			echo "skip regress:$title:$name"
		else
			echo "ok regress:$title:$name"
		fi
	done > "$dir/$suite.cases"
	cat "$dir/$suite.cases" >> "$res"
	ident=$(grep -c '^ok ' "$dir/$suite.cases")
	skipped=$(grep -c '^skip ' "$dir/$suite.cases")
	# The outcomes programs print as "# errno" lines: the same, in order,
	# but for the differences tests/regress/SUITE.differences intends (the
	# exact diff output, after its comment lines) and no other.
	intended=$lists/$suite.differences
	if diff "$b.errno" "$p.errno" > "$dir/$suite.errno.diff"; then
		echo "ok regress:$title:errno-as-base" >> "$res"
	elif [ -f "$intended" ] &&
	     diff -q <(grep -v '^#' "$intended") "$dir/$suite.errno.diff" > /dev/null; then
		echo "ok regress:$title:errno-as-base" >> "$res"
		echo "regress: $title: outcomes differ from the base's only as ${intended#"${lists%/*/*}"/} intends"
	else
		echo "not ok regress:$title:errno-as-base" >> "$res"
		echo "regress: $title: outcomes differ between base (<) and patched (>):"
		head -n 40 "$dir/$suite.errno.diff" | sed 's/^/  /'
	fi
	new_reports_case "$res" "regress:$title:no-report-the-base-lacks" \
		"$(grep -vxFf <(sed 's/^[^:]*: //' "$b.splats") <(sed 's/^[^:]*: //' "$p.splats") |
			while read -r l; do grep -F ": $l" "$p.splats" | head -n 1; done)" \
		"regress: $title: reports on the patched kernel that the base does not show"
	new_reports_case "$res" "regress:$title:no-leak-the-base-lacks" \
		"$(comm -13 "$b.leaks" "$p.leaks")" \
		"regress: $title: kmemleak suspects on the patched kernel that the base does not show"
	[ -s "$b.splats" ] && { echo "regress: $title: reports on the base kernel too:"; sed 's/^/  /' "$b.splats"; }
	src=$(for unit in $sunits; do echo "${unit_src[$unit-base]}"; done | sort -u | tr '\n' '+')
	printf "$fmt" "$title" \
		"$(wc -l < "$b.results")" "$(wc -l < "$p.results")" "$ident" "$skipped" \
		"$(wc -l < "$b.splats")/$(wc -l < "$p.splats")" \
		"$(cat "$b.secs")" "$(cat "$p.secs")" "${src%+}" >> "$table.tmp"
done
mv "$table.tmp" "$table"
echo
echo "regress ($mode): cases per kernel (base, patched), identical on both, skipped on both;"
echo "each kernel's seconds of boots (summed over a suite's units); where the base's results came from"
cat "$table"
echo "boots run: ${#pending[@]} ($jobs at a time), wall ${elapsed} s"
# The slowest programs, as the guests timed them.
sort -rn "$dir/times" | head -n 10 > "$dir/slowest"
echo "slowest programs (guest seconds, kernel, unit, program):"
sed 's/^/  /' "$dir/slowest"
# The reasons for the skips, as the programs gave them.
for suite in "$@"; do
	grep -h 'SKIP' "$dir/$suite-patched.ktap" 2>/dev/null | sed 's/.*# *SKIP *//' |
		sort | uniq -c | sort -rn | head -n 12 | sed "s|^|  $suite skip: |"
done
exit 0
