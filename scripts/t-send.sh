#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The mail round trip: make send's script mails the series to an SMTP server
# on loopback (python3 -m aiosmtpd, storing to a Maildir); the messages are
# collected into an mbox in patch order and applied with git am to a fresh
# clone of the base; the result must be the tree built from patches/. Also:
# make send refuses a dirty patches/ and an unexported tree.
# Usage: t-send.sh RESULTS
set -uo pipefail
. "$(dirname "$0")/common.sh"

res=$1
T=$B/linux
dir=$B/send
base_repo=$CACHE/base-$BASE_VERSION.git
: > "$res"
rm -rf "$dir"
mkdir -p "$dir"
case_() { # name command...: ok if the command succeeds
	local name=$1
	shift
	if "$@"; then echo "ok send:$name" >> "$res"; else echo "not ok send:$name" >> "$res"; fi
}

# The server, on a free port of loopback.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$dir/maildir" \
	> "$dir/smtpd.log" 2>&1 &
smtpd=$!
trap 'kill $smtpd 2>/dev/null' EXIT
for _ in $(seq 50); do
	python3 -c "import socket; socket.create_connection(('127.0.0.1', $port))" 2>/dev/null && break
	sleep 0.1
done

# A committed copy of patches/, so that the test does not depend on this
# repository's state (make send itself refuses uncommitted patches/).
mkdir -p "$dir/p"
cp "$P"/* "$dir/p/"
git -C "$dir/p" init -q && git -C "$dir/p" add . &&
	git -C "$dir/p" -c user.name=t -c user.email=t@t commit -q -m p

# Send, as make send does.
if P=$dir/p SMTP_SERVER=127.0.0.1 SMTP_PORT=$port "$(dirname "$0")/send.sh" \
	"$dir/series" > "$dir/send.log" 2>&1; then
	echo "ok send:git-send-email" >> "$res"
else
	echo "not ok send:git-send-email" >> "$res"
	echo "send: git send-email failed:"
	tail -n 30 "$dir/send.log" | sed 's/^/  /'
fi
kill $smtpd 2>/dev/null
wait $smtpd 2>/dev/null

# The messages, in patch order, into an mbox; the cover letter aside.
python3 - "$dir" > "$dir/collect.log" 2>&1 <<'PY'
import mailbox, re, sys
d = sys.argv[1]
got = {}
for m in mailbox.Maildir(d + "/maildir", factory=None, create=False):
	subj = " ".join(str(m["Subject"]).split())
	n = re.search(r"\[PATCH (\d+)/(\d+)\]", subj)
	if not n:
		sys.exit(f"a message without [PATCH n/N]: {subj}")
	got[int(n.group(1))] = (int(n.group(2)), m)
total = {t for t, _ in got.values()}
if len(total) != 1 or sorted(got) != list(range(total.pop() + 1)):
	sys.exit(f"messages received: {sorted(got)}")
mb = mailbox.mbox(d + "/series.mbox")
for i in sorted(got):
	if i:
		mb.add(got[i][1])
mb.close()
with open(d + "/cover.eml", "w") as f:
	f.write(got[0][1].as_string())
# Who each message went to, for the recipient check.
with open(d + "/rcpt", "w") as f:
	for i in sorted(got):
		f.write(f"{i} {got[i][1]['X-RcptTo']}\n")
print(f"{len(got)} messages")
PY
case_ all-messages-received test -s "$dir/series.mbox"
[ -s "$dir/series.mbox" ] || cat "$dir/collect.log"
n=$(grep -cv '^#' "$P/series")
case_ cover-letter-received grep -q "^Subject: \[PATCH 00*/$n\]" "$dir/cover.eml"
# Every message reached the mm list and the maintainers get_maintainer.pl names.
rcpt_ok() {
	local a
	[ -s "$dir/rcpt" ] || { echo "send: no message arrived, so no recipients to check"; return 1; }
	[ -s "$dir/series.to" ] || { echo "send: $dir/series.to is missing or empty"; return 1; }
	while read -r a; do
		a=${a##*<} a=${a%>}
		[ "$(grep -ciF "$a" "$dir/rcpt")" -eq $((n + 1)) ] || return 1
	done < "$dir/series.to"
	[ "$(grep -ci 'linux-mm@kvack.org' "$dir/rcpt")" -eq $((n + 1)) ]
}
case_ recipients rcpt_ok

# git am onto a fresh clone of the base.
git clone -q "$base_repo" "$dir/am" && git -C "$dir/am" checkout -q -B am base
git -C "$dir/am" config user.name "$IDENT_NAME"
git -C "$dir/am" config user.email "$IDENT_EMAIL"
case_ git-am git -C "$dir/am" am -q "$dir/series.mbox"
case_ same-tree test "$(git -C "$dir/am" rev-parse 'HEAD^{tree}')" = \
	"$(git -C "$T" rev-parse 'HEAD^{tree}')"
case_ same-commits diff <(git -C "$dir/am" log --format='%an <%ae>%n%B' base..HEAD) \
	<(git -C "$T" log --format='%an <%ae>%n%B' base..HEAD)
rm -rf "$dir/am"

# make send refuses a patches/ with uncommitted changes, and a tree that
# differs from patches/; DRY=1, so nothing could be sent anyway.
refuses() { # what-the-message-says
	local out
	out=$(DRY=1 P="$dir/p" "$(dirname "$0")/send.sh" "$dir/refused" 2>&1) && return 1
	grep -q "$1" <<<"$out" || { echo "$out"; return 1; }
}
first=$(grep -m1 -v '^#' "$P/series")
echo "# edited" >> "$dir/p/$first"
case_ refuses-uncommitted-patches refuses "uncommitted changes"
git -C "$dir/p" -c user.name=t -c user.email=t@t commit -q -am edit
case_ refuses-unexported-tree refuses "differs from"
exit 0
