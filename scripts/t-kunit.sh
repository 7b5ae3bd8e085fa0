#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# KUnit tier: tools/testing/kunit/kunit.py on UML with the kunitconfig(s) the
# series keeps in the tree (KUNITCONFIG, relative to the tree).
# Usage: t-kunit.sh TREE RESULTS
set -uo pipefail
. "$(dirname "$0")/common.sh"

tree=$1 res=$2
: > "$res"
json=$B/kunit/results.json
mkdir -p "$B/kunit"
rm -f "$json"
args=()
for k in $KUNITCONFIG; do
	[ -e "$tree/$k" ] || { echo "not ok kunit:missing-kunitconfig:$k" >> "$res"; continue; }
	args+=(--kunitconfig="$k")
done
(cd "$tree" && python3 tools/testing/kunit/kunit.py run "${args[@]}" \
	--build_dir="$B/obj/kunit-um" --jobs="$(nproc)" \
	--make_options CC="$KCC" --make_options HOSTCC="$KHOSTCC" \
	--timeout=600 --json="$json") > "$B/kunit/kunit.log" 2>&1
rc=$?
grep -E '\[(PASSED|FAILED|SKIPPED|CRASHED)\]|Testing complete|ERROR|error:' "$B/kunit/kunit.log" | tail -n 80
if [ ! -s "$json" ]; then
	echo "not ok kunit:run" >> "$res"
	echo "kunit: kunit.py produced no results (exit $rc); the end of its log:"
	tail -n 40 "$B/kunit/kunit.log" | sed 's/^/  /'
	exit 0
fi
python3 - "$json" >> "$res" <<'PY'
import json, sys

def walk(group, path):
	for case in group.get("test_cases", []):
		st = {"PASS": "ok", "SKIP": "skip"}.get(case["status"], "not ok")
		print(f"{st} kunit:{path}{case['name']}")
	for sub in group.get("sub_groups", []):
		walk(sub, f"{path}{sub['name']}:")

top = json.load(open(sys.argv[1]))
walk(top, "")
PY
[ $rc -eq 0 ] || echo "not ok kunit:exit-status" >> "$res"
exit 0
