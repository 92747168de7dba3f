# SigmoidForHalf's polynomial (src/Activations.Runtime/Math/VectorMath.SigmoidForHalf.cs): 2 e^-u ~ 2 + C1 u + ... + C5 u^5
# on [-ln2/2, ln2/2] (widened by 0.3% for the reduction's rounding), minimax of the relative error (Lawson's iteratively
# reweighted least squares on Chebyshev nodes), the constant 2 kept exact; the coefficients are rounded to float one by
# one from the lowest degree, the others refitted each time. Prints the errors (real and float coefficients, the latter
# evaluated by Horner in float with fused multiply-adds) and C1..C5.
# Usage: python3 sigmoid_for_half.py [degree=5]
import sys
import mpmath as mp
import numpy as np

mp.mp.dps = 40
DEG = int(sys.argv[1]) if len(sys.argv) > 1 else 5
h = float(mp.log(2) / 2) * 1.003
N = 800
u = np.array([h * np.cos(np.pi * (k + 0.5) / N) for k in range(N)])
f = np.array([float(2 * mp.exp(-mp.mpf(x))) for x in u])


def lawson(powers, target):
    A = np.stack([u ** p for p in powers], 1)
    W = np.ones_like(u)
    for _ in range(60):
        sw = np.sqrt(W) / f
        sol, _, _, _ = np.linalg.lstsq(A * sw[:, None], target * sw, rcond=None)
        e = np.abs(A @ sol - target) / f
        W = W * (e + 1e-300)
        W /= W.sum()
    return sol


powers = list(range(1, DEG + 1))
sol = lawson(powers, f - 2.0)
print("real coefficients: log2 relative error %.2f" % np.log2(np.max(np.abs(np.stack([u ** p for p in powers], 1) @ sol - (f - 2.0)) / f)))
coef = {}
fixed = np.zeros_like(u)
for i, p in enumerate(powers):
    coef[p] = np.float32(sol[i])
    fixed = fixed + float(coef[p]) * u ** p
    rest = powers[i + 1:]
    if rest:
        sol = np.concatenate([sol[:i + 1], lawson(rest, f - 2.0 - fixed)])


def horner(x):
    x = np.float32(x)
    acc = coef[DEG]
    for p in range(DEG - 1, 0, -1):
        acc = np.float32(float(acc) * float(x) + float(coef[p]))
    return np.float32(float(acc) * float(x) + 2.0)


grid = np.linspace(-h, h, 20001).astype(np.float32)
worst = max(abs(float(horner(x)) - float(2 * mp.exp(-mp.mpf(float(x))))) / float(2 * mp.exp(-mp.mpf(float(x)))) for x in grid)
print("float coefficients, evaluated in float: log2 relative error %.2f" % np.log2(worst))
for p in powers:
    print("C%d = %sf" % (p, np.format_float_positional(coef[p], unique=True)))
