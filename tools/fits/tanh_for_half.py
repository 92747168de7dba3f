# TanhForHalf's rational function (src/Activations.Runtime/Math/VectorMath.TanhForHalf.cs): tanh x ~ x P(t) / Q(t),
# t = x^2, P and Q of degree M and N with P(0) = Q(0) = 1, relative minimax on (0, X]: the linearised problem
# x P(t) - tanh(x) Q(t) = 0 weighted by 1 / (tanh(x) Q_previous(t)) (Loeb's iteration) and Lawson's reweighting, on
# Chebyshev nodes; the coefficients are rounded to float one by one (P1, Q1, P2, Q2, ...), the others refitted each
# time. Prints the errors and the coefficients.
# Usage: python3 tanh_for_half.py [M=4] [N=4] [X=9.1]
import sys
import mpmath as mp
import numpy as np

mp.mp.dps = 30
M = int(sys.argv[1]) if len(sys.argv) > 1 else 4
NQ = int(sys.argv[2]) if len(sys.argv) > 2 else 4
X = float(sys.argv[3]) if len(sys.argv) > 3 else 9.1
K = 1500
xs = np.array([X / 2 - X / 2 * np.cos(np.pi * (k + 0.5) / K) for k in range(K)])
th = np.array([float(mp.tanh(mp.mpf(x))) for x in xs])
t = xs * xs


def solve(fixed_p, fixed_q):
    q_previous = np.ones_like(t)
    W = np.ones_like(t)
    for _ in range(80):
        columns, names = [], []
        for i in range(1, M + 1):
            if i not in fixed_p:
                columns.append(xs * t ** i)
                names.append(("p", i))
        for j in range(1, NQ + 1):
            if j not in fixed_q:
                columns.append(-th * t ** j)
                names.append(("q", j))
        A = np.stack(columns, 1)
        rhs = th - xs - sum(fixed_p[i] * xs * t ** i for i in fixed_p) + sum(fixed_q[j] * th * t ** j for j in fixed_q)
        sw = np.sqrt(W) / (th * q_previous)
        sol, _, _, _ = np.linalg.lstsq(A * sw[:, None], rhs * sw, rcond=None)
        p, q = dict(fixed_p), dict(fixed_q)
        for (kind, i), value in zip(names, sol):
            (p if kind == "p" else q)[i] = value
        P = 1 + sum(p[i] * t ** i for i in p)
        Q = 1 + sum(q[j] * t ** j for j in q)
        e = np.abs(xs * P / Q - th) / th
        q_previous = Q
        W = W * (e + 1e-300)
        W /= W.sum()
    return p, q, np.max(e)


p, q, e = solve({}, {})
print("real coefficients: log2 relative error %.2f" % np.log2(e))
fixed_p, fixed_q = {}, {}
order = [(kind, d) for d in range(1, max(M, NQ) + 1) for kind in ("p", "q") if d <= (M if kind == "p" else NQ)]
for kind, i in order:
    if kind == "p":
        fixed_p[i] = float(np.float32(p[i]))
    else:
        fixed_q[i] = float(np.float32(q[i]))
    if len(fixed_p) + len(fixed_q) < M + NQ:
        p, q, e = solve(fixed_p, fixed_q)
P = 1 + sum(fixed_p[i] * t ** i for i in fixed_p)
Q = 1 + sum(fixed_q[j] * t ** j for j in fixed_q)
print("float coefficients: log2 relative error %.2f" % np.log2(np.max(np.abs(xs * P / Q - th) / th)))


def show(value):
    value = np.float32(value)
    return np.format_float_scientific(value, unique=True) if abs(value) < 1e-4 else np.format_float_positional(value, unique=True)


for i in sorted(fixed_p):
    print("P%d = %sf" % (i, show(fixed_p[i])))
for j in sorted(fixed_q):
    print("Q%d = %sf" % (j, show(fixed_q[j])))
