#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Suites written elsewhere, on the base and the patched kernel of one
# config: each suite boots each kernel once (base first, then patched),
# with 2 CPUs, 2 GiB and two NUMA nodes, and runs /suites/SUITE of the
# regress initramfs. Every case must have the same result on both kernels;
# each kernel must run the whole suite; the patched console must show no
# report the base's does not (WARNING, BUG, Oops, lockdep, KASAN, RCU, bad
# page) and kmemleak no leak the base's does not. Prints the per-suite
# table and writes it to build/regress/table.txt.
# REGRESS_APPEND: more kernel arguments (the suites' mmtest.* knobs).
# REGRESS_NOBOOT=1: compare again from the logs an earlier run left.
# Usage: t-regress.sh PATCHED_BZIMAGE BASE_BZIMAGE INITRAMFS RESULTS quick|full SUITE...
set -uo pipefail
. "$(dirname "$0")/common.sh"

patched=$1 base=$2 initrd=$3 res=$4 mode=$5
shift 5
dir=$B/regress/$mode
mkdir -p "$dir"
: > "$res"
sfx=
[ "$mode" = quick ] && sfx=.quick
lists=$(cd "$(dirname "$0")/.." && pwd)/tests/regress
# Kernel reports: what a line of one starts with.
bad='(WARNING:|BUG:|Oops|Kernel panic|general protection fault|possible recursive locking|possible circular locking|inconsistent lock state|bad unlock balance|suspicious RCU usage|INFO: rcu|rcu_sched self-detected|KASAN:|UBSAN:|kernel BUG|Bad page|BUG kmalloc|timed out after)'

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
printf '%-13s %8s %8s %9s %8s %12s %9s\n' suite "base" patched identical skipped \
	"splats b/p" "wall (s)" > "$table.tmp"

for suite in "$@"; do
	case $suite in mm) title=selftests/mm ;; *) title=$suite ;; esac
	secs=$(awk -v m="$mode" '$1 !~ /^#/ && NF >= 4 && (m == "full" || $3 == "both") { s += $2 }
		END { print s + 0 }' "$lists/$suite.list")
	start=$(date +%s)
	for k in base patched; do
		kernel=$patched
		[ $k = base ] && kernel=$base
		log=$dir/$suite-$k
		if [ -z "${REGRESS_NOBOOT:-}" ]; then
			echo "regress: $title on the $k kernel (at most ${secs}s of programs)"
			t0=$(date +%s)
			QEMU_MEM=2048 QEMU_SMP=2 QEMU_TIMEOUT=$((secs + 300)) \
				QEMU_APPEND="mmtest.suite=$suite$sfx numa=fake=2 ${REGRESS_APPEND:-}" \
				"$(dirname "$0")/qemu.sh" test "$kernel" "$initrd" "$log" || true
			echo $(($(date +%s) - t0)) > "$log.secs"
		fi
		sed -i 's/\r$//' "$log.ktap" "$log.console" 2>/dev/null
		awk -f "$(dirname "$0")/ktap.awk" "$log.ktap" > "$log.raw" 2>/dev/null
		sed -E -f "$lists/names.sed" "$log.raw" > "$log.named"
		uniq_cases "$log.named" > "$log.results"
		grep '^errno ' "$log.raw" > "$log.errno"
		splats "$log.console" > "$log.splats"
		leaks "$log.ktap" > "$log.leaks"
		if grep -qx '# mmtest: done' "$log.ktap" 2>/dev/null; then
			echo "ok regress-$k:$title:all-programs-ran" >> "$res"
		else
			echo "not ok regress-$k:$title:all-programs-ran" >> "$res"
			echo "regress: $title: the $k kernel did not finish; its console ends with:"
			tail -n 30 "$log.console" | sed 's/^/  /'
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
	printf '%-13s %8s %8s %9s %8s %12s %9s\n' "$title" \
		"$(wc -l < "$b.results")" "$(wc -l < "$p.results")" "$ident" "$skipped" \
		"$(wc -l < "$b.splats")/$(wc -l < "$p.splats")" \
		"$(($(cat "$b.secs") + $(cat "$p.secs")))" >> "$table.tmp"
	echo "  ($title: $(($(date +%s) - start)) s)"
done
mv "$table.tmp" "$table"
echo
echo "regress ($mode): cases per kernel (base, patched), identical on both, skipped on both"
cat "$table"
# The reasons for the skips, as the programs gave them.
for suite in "$@"; do
	grep -h 'SKIP' "$dir/$suite-patched.ktap" 2>/dev/null | sed 's/.*# *SKIP *//' |
		sort | uniq -c | sort -rn | head -n 12 | sed "s|^|  $suite skip: |"
done
exit 0
