# SPDX-License-Identifier: GPL-2.0
# Flatten the boot test's two-level KTAP (programs, then their cases) into
# lines "STATUS PROGRAM CASE", STATUS being ok, not-ok or skip. A program's
# own line becomes the case "exit"; a plan its cases do not fill, "plan".
# A program's "# errno TEXT" diagnostics become lines "errno PROGRAM TEXT",
# which are not cases but are compared between kernels.
function flush() {
	if (prog != "" && planned >= 0 && seen != planned)
		print "not-ok", prog, "plan"
}
function status(line) {
	if (line ~ /# *SKIP/) return "skip"
	return line ~ /^not ok / ? "not-ok" : "ok"
}
BEGIN { planned = -1 }
/^    1\.\.[0-9]+/ { sub(/^    1\.\./, ""); planned = $0 + 0; seen = 0; next }
/^    # errno / { cases[++n] = "errno " substr($0, 13); next }
/^    (not )?ok [0-9]+ / {
	line = substr($0, 5)
	st = status(line)
	sub(/^(not )?ok [0-9]+ /, "", line)
	sub(/ *#.*/, "", line)
	cases[++n] = st " " line
	seen++
	next
}
/^(not )?ok [0-9]+ / {
	prog = $0
	sub(/^(not )?ok [0-9]+ /, "", prog)
	sub(/ *#.*/, "", prog)
	for (i = 1; i <= n; i++) {
		split(cases[i], f, " ")
		print f[1], prog, substr(cases[i], length(f[1]) + 2)
	}
	print status($0), prog, "exit"
	flush()
	n = 0; planned = -1; prog = ""
}
