#!/bin/sh
# Check mmap_prepare.cocci against tests/*.c: patch mode must give
# tests/X.res (X.c itself when nothing converts), report mode tests/X.report.
cd "$(dirname "$0")/cases" || exit 1
fail=0
for c in *.c; do
	t=${c%.c}
	out=$(mktemp)
	cp $c $out.c
	spatch --very-quiet --sp-file ../mmap_prepare.cocci -D patch --in-place $out.c >/dev/null 2>&1
	if ! diff -u $t.res $out.c >/dev/null; then
		echo "FAIL patch $t"; diff -u $t.res $out.c | head -40; fail=1
	else
		echo "ok   patch $t"
	fi
	spatch --very-quiet --sp-file ../mmap_prepare.cocci -D report $c 2>/dev/null | sort > $out.rep
	if ! diff -u $t.report $out.rep >/dev/null; then
		echo "FAIL report $t"; diff -u $t.report $out.rep; fail=1
	else
		echo "ok   report $t"
	fi
	rm -f $out $out.c $out.rep
done
exit $fail
