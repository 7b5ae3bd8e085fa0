# SPDX-License-Identifier: GPL-2.0
# Shared by the scripts: paths, messages, and the tree/patches comparison.
# The Makefile exports B (build dir), P (patches dir), CACHE and the base pins.

die() { echo "${0##*/}: error: $*" >&2; exit 1; }

: "${B:?run this through make}" "${P:?run this through make}"

# The one format-patch invocation export uses. Deterministic: no commit ids,
# no git version signature, no numbering in the subjects.
format_series() { # tree outdir
	git -C "$1" -c core.abbrev=12 format-patch -q -N --zero-commit --no-signature \
		--no-cover-letter -o "$2" base..HEAD
}

tree_check_clean() { # tree
	local t=$1 gd
	gd=$(git -C "$t" rev-parse --absolute-git-dir)
	if [ -d "$gd/rebase-apply" ] || [ -d "$gd/rebase-merge" ]; then
		die "$t is in the middle of a git am or rebase; finish or abort it first"
	fi
	git -C "$t" rev-parse -q --verify refs/tags/base >/dev/null ||
		die "$t has no 'base' tag"
	git -C "$t" merge-base --is-ancestor base HEAD ||
		die "$t: HEAD does not descend from the base"
	if [ -n "$(git -C "$t" status --porcelain --untracked-files=no)" ]; then
		git -C "$t" status --short --untracked-files=no >&2
		die "$t has uncommitted changes: commit them and run 'make export', or discard them"
	fi
}

# Content hashes of the patches the tree would export, and of patches/.
tree_patch_sums() { # tree
	local tmp
	tmp=$(mktemp -d)
	format_series "$1" "$tmp"
	(cd "$tmp" && for f in *.patch; do [ -f "$f" ] && sha256sum "$f"; done)
	rm -rf "$tmp"
}

series_patch_sums() {
	local p
	while read -r p; do
		case "$p" in ''|'#'*) continue ;; esac
		(cd "$P" && sha256sum "$p")
	done < "$P/series"
}

# True when exporting the tree would not change a byte of patches/.
tree_matches_patches() { # tree
	[ "$(tree_patch_sums "$1")" = "$(series_patch_sums)" ]
}

# Subjects of the tree's commits whose patch is not one of patches/.
tree_commits_not_in_patches() { # tree
	local have
	have=$(series_patch_sums | cut -d' ' -f1)
	tree_patch_sums "$1" | while read -r sum name; do
		grep -qxF "$sum" <<<"$have" || echo "$name"
	done
}

# What a test kernel's console must never show. (Not the word "lockdep"
# alone: an SMP kernel with PROVE_RCU says at boot "RCU lockdep checking
# is enabled".)
boot_console_bad='(WARNING:|BUG:|Oops|Kernel panic|general protection fault|possible recursive locking|possible circular locking|inconsistent lock state|turning off the locking correctness validator|INFO: |KASAN|UBSAN|kernel BUG|Call Trace:|timed out after)'

# What a KUnit run's kernel log must never show.
kunit_log_bad='(WARNING:|BUG:|Oops|Kernel panic|possible recursive locking|possible circular locking|inconsistent lock state|bad unlock balance|suspicious RCU usage|KASAN:|UBSAN:|kmemleak:|kernel BUG)'

# Record the case NAME in RESULTS: ok if the kernel log LOG exists and has no
# line matching the extended regex BAD, else not ok, showing the reports.
log_clean_case() { # results name log bad
	local res=$1 name=$2 log=$3 bad=$4

	if [ ! -s "$log" ]; then
		echo "not ok $name" >> "$res"
		echo "$name: no kernel log at $log"
	elif grep -Eq "$bad" "$log"; then
		echo "not ok $name" >> "$res"
		echo "$name: the kernel log shows a report ($log):"
		grep -E -A20 "$bad" "$log" | head -n 60 | sed 's/^/  /'
	else
		echo "ok $name" >> "$res"
	fi
}

# A worktree of TREE at DIR, detached at the base, for walking the series
# commit by commit; worktree_drop removes it.
worktree_at_base() { # tree dir
	worktree_drop "$1" "$2"
	git -C "$1" worktree add -q --detach "$2" base || die "cannot make the worktree $2"
}

worktree_drop() { # tree dir
	git -C "$1" worktree remove --force --force "$2" 2>/dev/null
	rm -rf "$2"
	git -C "$1" worktree prune
}

# Record the case NAME in RESULTS: ok if NEW (reports the series adds) is
# empty, else not ok, showing them under WHAT.
new_reports_case() { # results name new what
	if [ -z "$3" ]; then
		echo "ok $2" >> "$1"
	else
		echo "not ok $2" >> "$1"
		echo "$4:"
		sed 's/^/  /' <<<"$3"
	fi
}

# The files the semantic patch must see together (spatch --file-groups
# input, a blank line between groups): each FILE with the .c and .h files
# of its directory that name one of its .mmap handlers (a handler defined
# in another file, its prototype in a header, another file_operations
# using it); groups that share a file merged, each file in one group.
cocci_groups() { # dir file...
	local dir=$1 f h
	shift
	for f; do
		{
			echo "$f"
			grep -oE '\.mmap[[:space:]]*=[[:space:]]*[A-Za-z_][A-Za-z0-9_]*' "$dir/$f" |
				sed 's/.*=[[:space:]]*//' | sort -u | grep -vxE 'generic_file_(readonly_)?mmap|NULL' |
				while read -r h; do
					(cd "$dir" && grep -lw -- "$h" "$(dirname "$f")"/*.[ch]) | sed 's|^\./||'
				done
		} | sort -u | paste -sd ' '
	done | awk '{
		g = NR
		for (i = 1; i <= NF; i++)
			if ($i in of && of[$i] != g) {
				o = of[$i]
				for (x in of) if (of[x] == o) of[x] = g
			}
		for (i = 1; i <= NF; i++) of[$i] = g
	} END { for (x in of) print of[x], x }' | sort -k1,1n -k2 |
		awk 'NR > 1 && $1 != last { print "" } { print $2; last = $1 }'
}
