#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make send: mail the series with git send-email, exactly as patches/ holds
# it. Refuses while patches/ has uncommitted changes in this repository, or
# build/linux holds changes or commits that are not exported.
# Usage: send.sh SERIESDIR [git send-email options...]
# DRY=1 adds --dry-run; SMTP_SERVER and SMTP_PORT choose the server
# (default: git send-email's own configuration).
set -euo pipefail
. "$(dirname "$0")/common.sh"

T=$B/linux out=$1
shift
if ! git -C "$P" rev-parse --git-dir >/dev/null 2>&1; then
	die "$P is not in a git repository: send what is committed, nothing else"
fi
dirty=$(git -C "$P" status --porcelain -- .)
if [ -n "$dirty" ]; then
	sed 's/^/  /' <<<"$dirty" >&2
	die "refusing to send: $P has uncommitted changes; commit them first"
fi
[ -d "$T/.git" ] || die "refusing to send: $T does not exist; run 'make tree'"
( tree_check_clean "$T" ) || die "refusing to send: $T has uncommitted changes"
if ! tree_matches_patches "$T"; then
	die "refusing to send: $T differs from $P: run 'make export' and commit, or 'make tree'"
fi

"$(dirname "$0")/series.sh" "$out"
args=(--confirm=never --8bit-encoding=UTF-8
      --from="$(git -C "$T" config user.name) <$(git -C "$T" config user.email)>")
while read -r a; do args+=(--to="$a"); done < "$out.to"
[ "${DRY:-}" = 1 ] && args+=(--dry-run)
[ -n "${SMTP_SERVER:-}" ] && args+=(--smtp-server="$SMTP_SERVER")
[ -n "${SMTP_PORT:-}" ] && args+=(--smtp-server-port="$SMTP_PORT")
git -C "$T" send-email "${args[@]}" "$@" "$out"/*.patch
