#!/usr/bin/env python3
"""Prints the README's speed tables (GitHub markdown) from the BenchmarkDotNet CSV reports kept in the repo.

    python3 docs/benchmarks/speed_table.py           # prints them
    python3 docs/benchmarks/speed_table.py --write   # replaces the tables in README.md and docs/builtins.md

Reads docs/benchmarks/results/*BuiltIns.*-report.csv (copied there by docs/charts/make_charts.py --import).
Every ratio is ours ÷ the peer's time, both medians of the same run; the bar is issue #3's.
"""
import csv
import glob
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RESULTS = os.path.join(ROOT, "docs", "benchmarks", "results")

# (report, label, ours, peer, scalar, bar): direct peers must be at least as fast, composed ones 2x slower. Exact gelu's
# bar peer is its own formula composed (erf from TensorPrimitives calls, which has none); its row against the tanh form's
# composition, a cheaper formula, is there for comparison (no bar).
FLOAT_ROWS = [
    ("Relu", "relu", "Activations", "TensorPrimitives", "scalar loop", 1.0),
    ("Sigmoid", "sigmoid", "Activations", "TensorPrimitives", "scalar loop", 1.0),
    ("Tanh", "tanh", "Activations", "TensorPrimitives", "scalar loop", 1.0),
    ("Exponential", "exponential", "Activations", "TensorPrimitives", "scalar loop", 1.0),
    ("Silu", "silu", "Activations", "TensorPrimitives composed", "scalar loop", 0.5),
    ("Softplus", "softplus", "Activations", "TensorPrimitives composed", "scalar loop", 0.5),
    ("Mish", "mish", "Activations", "TensorPrimitives composed", "scalar loop", 0.5),
    ("Gelu", "gelu (exact, erfc)", "Activations exact (erfc)", "TensorPrimitives composed exact form", "scalar loop tanh form", 0.5),
    ("Gelu", "gelu (exact, erfc)", "Activations exact (erfc)", "TensorPrimitives composed tanh form", "scalar loop tanh form", None),
    ("Gelu", "gelu (tanh form)", "Activations tanh form", "TensorPrimitives composed tanh form", "scalar loop tanh form", 0.5),
    ("Elu", "elu", "Activations", "TensorPrimitives composed", "scalar loop", 0.5),
]
HALF_ROWS = [("sigmoid", 1 / 3), ("tanh", 1 / 3), ("exponential", None)]
# (report, label): built-ins without a bar, against the same function composed from TensorPrimitives (docs/builtins.md only).
ARITHMETIC_ROWS = [
    ("Selu", "selu"),
    ("HardSigmoid", "hard_sigmoid"),
    ("HardSilu", "hard_silu"),
    ("Softsign", "softsign"),
    ("SparsePlus", "sparse_plus"),
    ("SparseSigmoid", "sparse_sigmoid"),
    ("Celu", "celu"),
    ("Squareplus", "squareplus"),
    ("TanhShrink", "tanh_shrink"),
]


def medians(report):
    """{(method, N): median ns} of one report, or {} if it was not run."""
    paths = glob.glob(os.path.join(RESULTS, f"*BuiltIns.{report}Benchmarks-report.csv"))
    if not paths:
        return {}
    table = {}
    with open(paths[0], newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            table[(row["Method"].strip("'"), int(row["N"]))] = float(row["Median [ns]"].replace(",", ""))
    return table


def verdict(ratio, bar):
    return "(no bar)" if bar is None else f"≤ {bar:.2g}: {'met' if ratio <= bar else 'not met'}"


def tables():
    """The float table and the Half table, as markdown."""
    float_lines = ["| function | N | Activations (ns) | peer | peer (ns) | ours ÷ peer time | bar | scalar loop (ns) |",
                   "|---|---:|---:|---|---:|---:|---|---:|"]
    for report, label, ours, peer, scalar, bar in FLOAT_ROWS:
        table = medians(report)
        for n in sorted({n for (_, n) in table}):
            if (ours, n) in table and (peer, n) in table:
                ratio = table[(ours, n)] / table[(peer, n)]
                float_lines.append(
                    f"| {label} | {n} | {table[(ours, n)]:,.0f} | {peer} | {table[(peer, n)]:,.0f} | {ratio:.2f} "
                    f"| {verdict(ratio, bar)} | {table.get((scalar, n), float('nan')):,.0f} |")
    table = medians("Half")
    half_lines = ["| function | N | Activations (ns) | TensorPrimitives (ns) | ours ÷ peer time | bar |",
                  "|---|---:|---:|---:|---:|---|"]
    for name, bar in HALF_ROWS:
        for n in sorted({n for (_, n) in table}):
            ours, peer = table.get((f"{name} Activations", n)), table.get((f"{name} TensorPrimitives", n))
            if ours and peer:
                half_lines.append(f"| {name} | {n} | {ours:,.0f} | {peer:,.0f} | {ours / peer:.2f} | {verdict(ours / peer, bar)} |")
    return ["\n".join(float_lines), "\n".join(half_lines)]


def arithmetic_table():
    """The built-ins without a bar, against their TensorPrimitives composition, as markdown (names in backticks, so
    that the accuracy tests, which read docs/builtins.md's accuracy table by its bare names, do not take these rows)."""
    lines = ["| function (no bar) | N | Activations (ns) | TensorPrimitives composed (ns) | ours ÷ peer time | copy (floor, ns) |",
             "|---|---:|---:|---:|---:|---:|"]
    for report, label in ARITHMETIC_ROWS:
        table = medians(report)
        for n in sorted({n for (_, n) in table}):
            ours, peer = table.get(("Activations", n)), table.get(("TensorPrimitives composed", n))
            if ours and peer:
                lines.append(f"| `{label}` | {n} | {ours:,.0f} | {peer:,.0f} | {ours / peer:.2f} | {table.get(('copy (floor)', n), float('nan')):,.0f} |")
    return "\n".join(lines)


def splice(path, new_tables):
    """Replaces each table in the file whose header line matches a new table's header (the whole run of | lines)."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for new in new_tables:
        header = new.split("\n")[0]
        start = lines.index(header)  # ValueError names the file's missing table
        end = start
        while end < len(lines) and lines[end].startswith("|"):
            end += 1
        lines[start:end] = new.split("\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def main():
    new_tables = tables()
    if "--write" in sys.argv[1:]:
        for path in (os.path.join(ROOT, "README.md"), os.path.join(ROOT, "docs", "builtins.md")):
            splice(path, new_tables)
            print(f"wrote {os.path.relpath(path, ROOT)}")
        splice(os.path.join(ROOT, "docs", "builtins.md"), [arithmetic_table()])
    else:
        print("\n\n".join(new_tables + [arithmetic_table()]))

if __name__ == "__main__":
    main()
