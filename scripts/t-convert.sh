#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The semantic patch scripts/coccinelle/api/mmap_prepare.cocci of the
# series: on each tests/convert/cases/X.c, patch mode must give X.res (X.c
# itself when nothing converts), report mode with -D refusals X.report,
# and without it (as coccicheck runs it) only X.report's convertible
# handlers; and the "After" block of the KUnit suite mmap_prepare_cocci
# must be its output for the "Before" block, so the suite tests what the
# semantic patch writes. Where X.tidy exists, scripts/convert-tidy.py
# (which make convert runs after spatch) must turn the output into it.
# Usage: t-convert.sh TREE RESULTS
set -uo pipefail
. "$(dirname "$0")/common.sh"

tree=$(cd "$1" && pwd) res=$2
cocci=$tree/scripts/coccinelle/api/mmap_prepare.cocci
cases=$(cd "$(dirname "$0")/../tests/convert/cases" && pwd)
dir=$B/convert-test
: > "$res"
rm -rf "$dir"
mkdir -p "$dir"
command -v spatch > /dev/null || die "spatch not found (make deps installs coccinelle)"

spatch_in_place() { # file mode [log]
	spatch --very-quiet --no-includes --sp-file "$cocci" -D patch --in-place "$1" \
		> /dev/null 2> "$2"
}

# coccicheck shows spatch's warnings about the semantic patch itself to
# whoever runs it: none, in any mode.
w=
for m in patch context org report; do
	w=$w$(spatch --parse-cocci -D "$m" -D refusals --sp-file "$cocci" 2>&1 |
		grep -i 'warning' | sed "s/^/$m: /")
done
if [ -z "$w" ]; then
	echo "ok convert:parses-without-warnings" >> "$res"
else
	echo "not ok convert:parses-without-warnings" >> "$res"
	echo "convert: spatch --parse-cocci warns about the semantic patch:"
	head -n 20 <<<"$w" | sed 's/^/  /'
fi

# Every rule but the generic initializers depends on a file_operations
# with an .mmap handler, so spatch can skip the files that have none
# ("Grep query"): without one, coccicheck over drivers/ parses and
# matches all its 20,000 files (stopped after 29 min; 12 s with it).
q=$(spatch --parse-cocci -D patch --sp-file "$cocci" 2>&1 | sed -n '/^Grep query/{n;p}')
if [ -n "$q" ]; then
	echo "ok convert:skips-files-without-handlers ($q)" >> "$res"
else
	echo "not ok convert:skips-files-without-handlers" >> "$res"
	echo "convert: spatch finds no grep query in the semantic patch: a rule does not depend on fops"
fi

for c in "$cases"/*.c; do
	t=$(basename "$c" .c)
	cp "$c" "$dir/$t.c"
	if ! (cd "$dir" && spatch_in_place "$t.c" "$t.patch.log"); then
		echo "not ok convert:patch:$t" >> "$res"
		echo "convert: spatch -D patch failed on $t.c:"
		tail -n 5 "$dir/$t.patch.log" | sed 's/^/  /'
	elif diff -u "$cases/$t.res" "$dir/$t.c" > "$dir/$t.diff"; then
		echo "ok convert:patch:$t" >> "$res"
	else
		echo "not ok convert:patch:$t" >> "$res"
		echo "convert: $t.c does not convert to $t.res:"
		head -n 40 "$dir/$t.diff" | sed 's/^/  /'
	fi
	if [ -f "$cases/$t.tidy" ]; then
		cp "$dir/$t.c" "$dir/$t.tidy"
		"$(dirname "$0")/convert-tidy.py" "$dir/$t.tidy" "$c"
		if diff -u "$cases/$t.tidy" "$dir/$t.tidy" > "$dir/$t.tdiff"; then
			echo "ok convert:tidy:$t" >> "$res"
		else
			echo "not ok convert:tidy:$t" >> "$res"
			echo "convert: convert-tidy.py does not make $t.tidy of $t.c's output:"
			head -n 40 "$dir/$t.tdiff" | sed 's/^/  /'
		fi
	fi
	# Report lines name the file as given: run from the cases directory.
	if ! (cd "$cases" && spatch --very-quiet --no-includes --sp-file "$cocci" \
		-D report -D refusals "$t.c" 2> "$dir/$t.report.log" | sort > "$dir/$t.report"); then
		echo "not ok convert:report:$t" >> "$res"
		echo "convert: spatch -D report failed on $t.c"
	elif diff -u "$cases/$t.report" "$dir/$t.report" > "$dir/$t.rdiff"; then
		echo "ok convert:report:$t" >> "$res"
	else
		echo "not ok convert:report:$t" >> "$res"
		echo "convert: the report on $t.c differs from $t.report:"
		head -n 40 "$dir/$t.rdiff" | sed 's/^/  /'
	fi
	# Without -D refusals (as coccicheck runs it): the convertible only.
	if (cd "$cases" && spatch --very-quiet --no-includes --sp-file "$cocci" \
		-D report "$t.c" 2> /dev/null | sort | diff -u <(grep 'can be converted' "$t.report") - \
		> "$dir/$t.cdiff"); then
		echo "ok convert:coccicheck-report:$t" >> "$res"
	else
		echo "not ok convert:coccicheck-report:$t" >> "$res"
		echo "convert: report mode without -D refusals on $t.c:"
		head -n 20 "$dir/$t.cdiff" | sed 's/^/  /'
	fi
done

# Groups: cases/X/ holds files spatch must see together (a handler
# defined in one file, used by another's file_operations, declared in a
# header, exported), grouped as make convert groups them: each file must
# become its X/FILE.res (itself when unchanged), the report X/report.
for g in "$cases"/*/; do
	[ -d "$g" ] || continue
	t=$(basename "$g")
	rm -rf "${dir:?}/$t"
	mkdir -p "$dir/$t"
	cp "$g"/*.[ch] "$dir/$t/"
	(cd "$dir/$t" && cocci_groups . *.c) > "$dir/$t.grp"
	if ! (cd "$dir/$t" && spatch --very-quiet --no-includes --sp-file "$cocci" \
		-D report -D refusals --file-groups "$dir/$t.grp" 2> /dev/null | sort > "$dir/$t.report") ||
		! diff -u "$g/report" "$dir/$t.report" > "$dir/$t.rdiff"; then
		echo "not ok convert:report:$t" >> "$res"
		echo "convert: the report on $t/ differs from $t/report:"
		head -n 40 "$dir/$t.rdiff" | sed 's/^/  /'
	else
		echo "ok convert:report:$t" >> "$res"
	fi
	d=
	if (cd "$dir/$t" && spatch --very-quiet --no-includes --sp-file "$cocci" \
		-D patch --in-place --file-groups "$dir/$t.grp" > /dev/null 2> "$dir/$t.patch.log"); then
		for f in "$g"/*.[ch]; do
			x=$f
			[ -f "$f.res" ] && x=$f.res
			d=$d$(diff -u "$x" "$dir/$t/$(basename "$f")")
		done
	else
		d="spatch -D patch failed: $(tail -n 3 "$dir/$t.patch.log")"
	fi
	if [ -z "$d" ]; then
		echo "ok convert:patch:$t" >> "$res"
	else
		echo "not ok convert:patch:$t" >> "$res"
		echo "convert: the files of $t/ differ from their .res:"
		head -n 60 <<<"$d" | sed 's/^/  /'
	fi
done

# The KUnit suite's two blocks: the semantic patch's output for "Before",
# its file_operations renamed X_fops -> X_prep_fops (and a helper
# X_helper -> X_prep_helper: it keeps its name) and its heading
# replaced, is "After", byte for byte.
k=$tree/mm/mmap_prepare_kunit.c
before='/* Before: .mmap handlers as 6.12 drivers write them. */'
after='/* After: what scripts/coccinelle/api/mmap_prepare.cocci makes of them. */'
end="/* End of the semantic patch's output. */"
awk -v b="$before" -v a="$after" '$0 == b { on = 1 } $0 == a { on = 0 } on' "$k" > "$dir/before.c"
awk -v a="$after" -v e="$end" '$0 == a { on = 1 } $0 == e { on = 0 } on' "$k" > "$dir/after.c"
if [ ! -s "$dir/before.c" ] || [ ! -s "$dir/after.c" ]; then
	echo "not ok convert:kunit-tests-the-output" >> "$res"
	echo "convert: $k has no Before/After blocks"
elif ! (cd "$dir" && spatch_in_place before.c before.log); then
	echo "not ok convert:kunit-tests-the-output" >> "$res"
	echo "convert: spatch -D patch failed on the KUnit Before block"
elif sed -E "s/\\b(mpc_[a-z_]+)_fops\\b/\\1_prep_fops/; s/\\b(mpc_[a-z_]+)_helper\\b/\\1_prep_helper/g; s|^/\\* Before: .*|$after|" \
		"$dir/before.c" | diff -u - "$dir/after.c" > "$dir/kunit.diff"; then
	echo "ok convert:kunit-tests-the-output" >> "$res"
else
	echo "not ok convert:kunit-tests-the-output" >> "$res"
	echo "convert: the KUnit After block is not the semantic patch's output:"
	head -n 40 "$dir/kunit.diff" | sed 's/^/  /'
fi
exit 0
