#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Format the series for mailing: git format-patch --cover-letter, the cover
# letter's subject and text from patches/cover-letter, To/Cc from the
# kernel's scripts/get_maintainer.pl. Usage: series.sh OUTDIR
set -euo pipefail
. "$(dirname "$0")/common.sh"

T=$B/linux out=$1
[ -f "$P/cover-letter" ] || die "patches/cover-letter is missing"
rm -rf "$out" "$out.to"
mkdir -p "$out"
# get_maintainer.pl over the whole series: maintainers To, lists Cc.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
format_series "$T" "$tmp"
gm() {
	(cd "$T" && ./scripts/get_maintainer.pl --no-rolestats --nogit \
		--nogit-fallback --no-tree "$@" "$tmp"/*.patch)
}
to=() cc=()
# The maintainers, for make send, which gives git send-email its To: list.
gm --no-l > "$out.to"
while read -r a; do [ -n "$a" ] && to+=(--to="$a"); done < "$out.to"
while read -r a; do [ -n "$a" ] && cc+=(--cc="$a"); done < <(gm --no-m --no-r)
# The cover letter's subject is the first paragraph of the branch description.
git -C "$T" config branch.master.description "$(cat "$P/cover-letter")"
git -C "$T" -c core.abbrev=12 format-patch -q --cover-letter --cover-from-description=subject \
	--thread=shallow --base=base "${to[@]}" "${cc[@]}" -o "$out" base..HEAD
echo "series: $(ls "$out" | wc -l) messages in $out"
