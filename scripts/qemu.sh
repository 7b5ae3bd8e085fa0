#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Boot a test kernel under QEMU (TCG: KVM is not assumed).
#   qemu.sh shell BZIMAGE INITRAMFS          interactive shell on the terminal
#   qemu.sh test  BZIMAGE INITRAMFS LOGBASE  run /tests; LOGBASE.console and
#                                            LOGBASE.ktap are written
# QEMU_MEM (MiB, default 512), QEMU_SMP (default 1) and QEMU_APPEND (more
# kernel arguments) shape the guest; QEMU_TIMEOUT (s, default 600) ends it.
# QEMU_ICOUNT=N: the guest's clocks count instructions (2^N ns each), not
# host time (-icount shift=N,sleep=off): timings are then reproducible.
set -euo pipefail

mode=$1 kernel=$2 initrd=$3
for f in "$kernel" "$initrd"; do
	[ -f "$f" ] || { echo "qemu: error: $f is missing; run 'make' first" >&2; exit 1; }
done
qemu=(qemu-system-x86_64 -accel tcg -m "${QEMU_MEM:-512}" -smp "${QEMU_SMP:-1}"
      -no-reboot -display none
      -kernel "$kernel" -initrd "$initrd")
if [ -n "${QEMU_ICOUNT:-}" ]; then
	[[ "$QEMU_ICOUNT" =~ ^[0-9]$ ]] || { echo "qemu: error: QEMU_ICOUNT must be 0-9, not '$QEMU_ICOUNT'" >&2; exit 2; }
	qemu+=(-icount "shift=$QEMU_ICOUNT,sleep=off")
fi
append="console=ttyS0 panic=-1 oops=panic${QEMU_APPEND:+ $QEMU_APPEND}"

case $mode in
shell)
	exec "${qemu[@]}" -serial mon:stdio -append "$append mmtest=shell"
	;;
test)
	log=$4
	rm -f "$log.console" "$log.ktap"
	rc=0
	timeout "${QEMU_TIMEOUT:-600}" "${qemu[@]}" -monitor none \
		-serial "file:$log.console" -serial "file:$log.ktap" \
		-append "$append" </dev/null || rc=$?
	[ $rc -eq 124 ] && echo "qemu: timed out after ${QEMU_TIMEOUT:-600}s" >> "$log.console"
	exit $rc
	;;
*)
	echo "usage: $0 shell|test BZIMAGE INITRAMFS [LOGBASE]" >&2
	exit 2
	;;
esac
