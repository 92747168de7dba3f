#!/usr/bin/env python3
"""Makes the README's charts (SVG, no dependencies beyond Python 3) from measured results.

    python3 docs/charts/make_charts.py [--import BenchmarkDotNet.Artifacts/results]

--import first copies the built-in benchmarks' CSV reports (BenchmarkDotNet, nanoseconds) into
docs/benchmarks/results/, so the chart always comes from results kept in the repo.
Reads:  docs/benchmarks/results/*BuiltIns.*-report.csv   (dotnet run -c Release --project benchmarks/Activations.Benchmarks -- --filter '*BuiltIns*')
        docs/charts/accuracy.csv                          (dotnet run -c Release --project benchmarks/Activations.Benchmarks -- accuracy)
Writes: docs/charts/benchmarks.svg, docs/charts/accuracy.svg
"""
import csv
import glob
import math
import os
import re
import shutil
import sys
from html import escape

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RESULTS = os.path.join(ROOT, "docs", "benchmarks", "results")
CHARTS = os.path.join(ROOT, "docs", "charts")
COLOURS = {"Activations": "#1f6feb", "TensorPrimitives": "#d29922", "TensorPrimitives composed": "#bf8700",
           "scalar loop": "#8b949e", "copy (floor)": "#2da44e"}
FONT = 'font-family="Segoe UI, Helvetica, Arial, sans-serif"'


def keras_name(report):
    """HardSigmoid → hard_sigmoid: the activation's Keras name from its benchmark class."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", report).lower()


def import_results(source):
    os.makedirs(RESULTS, exist_ok=True)
    for path in glob.glob(os.path.join(source, "*-report.csv")):
        shutil.copy(path, RESULTS)


def read_benchmarks():
    """{activation: {method: ns per element}} at the largest N of each report."""
    rows = {}
    for path in sorted(glob.glob(os.path.join(RESULTS, "*BuiltIns.*-report.csv"))):
        name = os.path.basename(path).split("BuiltIns.")[1].split("-report")[0]
        name = name.replace("Benchmarks", "")
        with open(path, newline="", encoding="utf-8") as f:
            table = list(csv.DictReader(f))
        if not table or "N" not in table[0]:
            continue
        n = max(int(r["N"]) for r in table)
        mean = next(k for k in table[0] if k.startswith("Mean"))
        if name == "Half":
            continue  # Half has its own table in docs/builtins.md; the chart is float
        series = {}
        for r in table:
            if int(r["N"]) != n:
                continue
            method = r["Method"].strip("'")
            # "Activations exact (erfc)" → Activations (gelu's default form comes first), "… tanh form" likewise.
            key = next((k for k in sorted(COLOURS, key=len, reverse=True) if method.startswith(k)), None)
            if key is not None and key not in series:
                series[key] = float(r[mean].replace(",", "")) / n
        rows[name] = series
        rows[name]["_n"] = n
    return rows


def benchmark_chart(rows):
    names = sorted(rows)
    methods = [m for m in COLOURS if any(m in rows[n] for n in names)]
    bar, gap, left, width = 12, 10, 150, 520
    top = 60
    height = top + len(names) * (len(methods) * bar + gap) + 60
    peak = max(v for n in names for m, v in rows[n].items() if m != "_n")
    scale = width / peak
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 120}" height="{height}" {FONT} font-size="12">',
           '<rect width="100%" height="100%" fill="white"/>',
           f'<text x="10" y="22" font-size="15" font-weight="bold">Float activations: nanoseconds per element (lower is better)</text>',
           f'<text x="10" y="42" fill="#57606a">n = {rows[names[0]]["_n"]} floats per call, BenchmarkDotNet medians of means; from docs/benchmarks/results</text>']
    y = top
    for n in names:
        out.append(f'<text x="{left - 8}" y="{y + len(methods) * bar / 2 + 4}" text-anchor="end" font-weight="bold">{escape(keras_name(n))}</text>')
        for m in methods:
            if m in rows[n]:
                v = rows[n][m]
                out.append(f'<rect x="{left}" y="{y}" width="{max(v * scale, 1):.1f}" height="{bar - 2}" fill="{COLOURS[m]}"/>')
                out.append(f'<text x="{left + v * scale + 4:.1f}" y="{y + bar - 3}" fill="#24292f" font-size="10">{v:.3g}</text>')
            y += bar
        y += gap
    x = 10
    for m in methods:
        out.append(f'<rect x="{x}" y="{height - 30}" width="12" height="12" fill="{COLOURS[m]}"/>')
        out.append(f'<text x="{x + 16}" y="{height - 20}">{escape(m)}</text>')
        x += 16 + 8 * len(m) + 20
    out.append("</svg>")
    return "\n".join(out)


def accuracy_chart(path):
    """Panels of ULP error against x, ours beside TensorPrimitives, one per function."""
    series = {}
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            series.setdefault(r["function"], []).append((float(r["x"]), float(r["ours_ulp"]),
                                                         float(r["peer_ulp"]) if r["peer_ulp"] else None, r["peer"]))
    panel_w, panel_h, pad = 360, 220, 50
    functions = list(series)
    total_w = len(functions) * (panel_w + pad) + pad
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{total_w}" height="{panel_h + 130}" {FONT} font-size="11">',
           '<rect width="100%" height="100%" fill="white"/>',
           '<text x="10" y="22" font-size="15" font-weight="bold">Float accuracy: error in ULPs against correctly rounded results (lower is better)</text>',
           '<text x="10" y="40" fill="#57606a">the worst error per bin of x, x on a signed log scale; errors below 0.001 drawn at the bottom, infinite or above 10^9 at the top; from docs/charts/accuracy.csv</text>']

    def sx(x):  # signed log: sign(x) * log10(1 + |x| * 1e4), over ±1e-4 … ±1e39
        return math.copysign(math.log10(1 + abs(x) * 1e4), x)

    def sy(u):
        if u is None:
            return None
        if not math.isfinite(u) or u > 1e9:
            return 9.5
        return math.log10(max(u, 1e-3)) + 3  # 1e-3 → 0 … 1e9 → 12, drawn on 0..12.5

    for i, fn in enumerate(functions):
        ox, oy = pad + i * (panel_w + pad), 60
        pts = series[fn]
        xs = [sx(p[0]) for p in pts if math.isfinite(p[0])]
        lo, hi = min(xs), max(xs)
        out.append(f'<rect x="{ox}" y="{oy}" width="{panel_w}" height="{panel_h}" fill="none" stroke="#d0d7de"/>')
        peer = next((p[3] for p in pts if p[3]), "")
        out.append(f'<text x="{ox}" y="{oy - 6}" font-weight="bold">{escape(fn)}</text>')
        for tick, label in ((-1e30, "-1e30"), (-1e4, "-1e4"), (-1, "-1"), (0, "0"), (1, "1"), (1e4, "1e4"), (1e30, "1e30")):
            if lo <= sx(tick) <= hi:
                tx = ox + (sx(tick) - lo) / (hi - lo) * panel_w
                out.append(f'<line x1="{tx:.1f}" x2="{tx:.1f}" y1="{oy}" y2="{oy + panel_h}" stroke="#f3f4f6"/>')
                out.append(f'<text x="{tx:.1f}" y="{oy + panel_h + 12}" text-anchor="middle" fill="#57606a" font-size="9">{label}</text>')
        for level, label in ((0, "0"), (3, "1 ULP"), (5, "100"), (7, "10^4"), (11, "10^8")):
            yy = oy + panel_h - level / 12.5 * panel_h
            out.append(f'<line x1="{ox}" x2="{ox + panel_w}" y1="{yy:.1f}" y2="{yy:.1f}" stroke="#eaeef2"/>')
            out.append(f'<text x="{ox - 4}" y="{yy + 4:.1f}" text-anchor="end" fill="#57606a">{label}</text>')
        # Each series is drawn as the worst error in each of 240 bins along x: the envelope a reader cares about.
        bins = 240
        for which, colour in ((2, COLOURS["TensorPrimitives"]), (1, COLOURS["Activations"])):
            worst = {}
            for p in pts:
                if not math.isfinite(p[0]) or p[which] is None:
                    continue
                b = min(int((sx(p[0]) - lo) / (hi - lo) * bins), bins - 1)
                worst[b] = max(worst.get(b, 0.0), sy(p[which]))
            if not worst:
                continue
            coords = " ".join(f"{ox + (b + 0.5) / bins * panel_w:.1f},{oy + panel_h - v / 12.5 * panel_h:.1f}" for b, v in sorted(worst.items()))
            out.append(f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="1.4"/>')
        worst_ours = max((p[1] for p in pts), default=0)
        worst_peer = max((p[2] for p in pts if p[2] is not None), default=None)
        out.append(f'<text x="{ox}" y="{oy + panel_h + 28}" fill="{COLOURS["Activations"]}">Activations: max {worst_ours:.3g} ULP</text>')
        if worst_peer is not None:
            out.append(f'<text x="{ox}" y="{oy + panel_h + 44}" fill="{COLOURS["TensorPrimitives"]}">{escape(peer)}: max {worst_peer:.3g} ULP</text>')
    out.append("</svg>")
    return "\n".join(out)


def main(argv):
    if len(argv) >= 2 and argv[0] == "--import":
        import_results(argv[1])
    rows = read_benchmarks()
    if rows:
        with open(os.path.join(CHARTS, "benchmarks.svg"), "w", encoding="utf-8") as f:
            f.write(benchmark_chart(rows))
        print(f"benchmarks.svg: {len(rows)} activations")
    else:
        print("no built-in benchmark results in docs/benchmarks/results", file=sys.stderr)
    accuracy = os.path.join(CHARTS, "accuracy.csv")
    if os.path.exists(accuracy):
        with open(os.path.join(CHARTS, "accuracy.svg"), "w", encoding="utf-8") as f:
            f.write(accuracy_chart(accuracy))
        print("accuracy.svg written")
    else:
        print("no docs/charts/accuracy.csv", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
