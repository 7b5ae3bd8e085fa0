#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""make bench's report: per case, the base's and the patched kernel's
median time, the median of the per-pair patched/base ratios and their
range; the same for the base against itself (the noise floor). Writes
OUTDIR/results.txt (and prints it) and OUTDIR/ratios.png (gnuplot).
Usage: bench-report.py OUTDIR PAIRS CLOCK (icount or real, as bench.sh ran)"""
import os
import statistics
import subprocess
import sys


def load(path):
    """{(case, vmas, size): median_ns} of one boot's bench lines."""
    res = {}
    with open(path) as f:
        for line in f:
            w = line.split()
            if len(w) < 3 or w[0] != 'bench' or '=' not in w[2]:
                continue
            kv = dict(x.split('=', 1) for x in w[2:] if '=' in x)
            if 'median_ns' in kv:
                res[(w[1], int(kv['vmas']), int(kv['size']))] = int(kv['median_ns'])
    return res


def series(out, kind, pairs):
    """Per case: the base's and the other's per-boot medians, pair by pair."""
    boots = [(load(f'{out}/boots/{kind}-{i}-base.txt'),
              load(f'{out}/boots/{kind}-{i}-patched.txt')) for i in range(1, pairs + 1)]
    cases = list(boots[0][0])
    for b, p in boots:
        if set(b) != set(cases) or set(p) != set(cases):
            sys.exit(f'bench-report: error: the {kind} boots ran different cases')
    return cases, {c: ([b[c] for b, _ in boots], [p[c] for _, p in boots]) for c in cases}


def stats(base, other):
    ratios = [o / b for b, o in zip(base, other)]
    return (statistics.median(base), statistics.median(other),
            statistics.median(ratios), min(ratios), max(ratios))


def label(c):
    name, vmas, size = c
    if name.startswith('exec'):
        return name
    sz = '2M' if size == 2 << 20 else f'{size // 1024}K'
    return f'{name} {sz} v{vmas}'


def main():
    out, pairs, clock = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    unit = {'icount': 'instructions (QEMU -icount shift=0: 1 ns each)',
            'real': 'ns of host time'}[clock]
    cases, ratio = series(out, 'ratio', pairs)
    _, noise = series(out, 'noise', pairs)
    rows = [(c, stats(*ratio[c]), stats(*noise[c])) for c in cases]
    # The noise floor: how far the base strays from itself, per case the
    # median of its per-pair ratios, over the cases the largest distance.
    floor = max(abs(n[2] - 1) for _, _, n in rows)
    lines = [
        f'make bench: {pairs} pairs, base then patched, same config '
        f'(configs/bench.config); clock {clock}: per case the median '
        f'{unit} of one iteration',
        f'noise: the base against itself, {pairs} pairs: per-case median '
        f'ratios from {min(n[2] for _, _, n in rows):.3f} to '
        f'{max(n[2] for _, _, n in rows):.3f}; noise floor +-{floor * 100:.1f}%',
        '',
        f'{"case":<28} {"base ns":>10} {"patched ns":>10} {"ratio":>6} '
        f'{"range":>13} {"noise":>6} {"noise range":>13}  verdict',
    ]
    above = 0
    for c, r, n in rows:
        verdict = 'above the noise' if r[2] > 1 + floor else ''
        above += bool(verdict)
        lines.append(f'{label(c):<28} {r[0]:>10.0f} {r[1]:>10.0f} {r[2]:>6.3f} '
                     f'{r[3]:>6.3f}-{r[4]:<6.3f} {n[2]:>6.3f} {n[3]:>6.3f}-{n[4]:<6.3f}  {verdict}')
    lines += ['', f'{len(rows)} cases, {above} above 1.00 beyond the noise floor']
    text = '\n'.join(lines) + '\n'
    with open(f'{out}/results.txt', 'w') as f:
        f.write(text)
    sys.stdout.write(text)

    with open(f'{out}/ratios.dat', 'w') as f:
        for i, (c, r, n) in enumerate(rows):
            f.write(f'{i} "{label(c)}" {r[2]} {r[3]} {r[4]} {n[2]} {n[3]} {n[4]}\n')
    gp = f'''set terminal png size 1400,700
set output "{out}/ratios.png"
set title "patched/base, median of {pairs} pairs (bars: range); grey: base/base; clock: {clock}"
set ylabel "ratio"
set xtics rotate by -60 font ",8" nomirror
set key top left
set grid ytics
set xrange [-1:{len(rows)}]
set arrow from -1,1 to {len(rows)},1 nohead lw 2 lc rgb "black"
plot "{out}/ratios.dat" using ($1+0.2):6:7:8 with yerrorbars lc rgb "grey" title "base/base (noise)", \\
     "" using 1:3:4:5:xtic(2) with yerrorbars lc rgb "red" pt 7 title "patched/base"
'''
    subprocess.run(['gnuplot'], input=gp, text=True, check=True)
    print(f'bench: {out}/results.txt, {out}/ratios.png')


main()
