# TanhForHalf's clamp: scans the floats upward from 7.5 and prints the last one at which x P(x^2) / Q(x^2) is exactly 1
# both with fused multiply-adds and without, before the first one where either exceeds 1 (the quotient evaluated as
# VectorMath.TanhForHalf.cs does: Horner in t = x * x, then (x * p) / q). Usage: python3 tanh_for_half_clamp.py
import numpy as np

P = [np.float32(v) for v in ("0.1337746", "0.0034912212", "2.0532074e-05", "1.3238312e-08")]
Q = [np.float32(v) for v in ("0.4671078", "0.025860706", "0.00032782703", "7.7309795e-07")]


def multiply_add(a, b, c, fused):
    return np.float32(float(a) * float(b) + float(c)) if fused else np.float32(np.float32(a * b) + c)


def horner(coefficients, t, fused):
    acc = coefficients[-1]
    for c in reversed(coefficients[:-1]):
        acc = multiply_add(acc, t, c, fused)
    return multiply_add(acc, t, np.float32(1), fused)


def quotient(x, fused):
    t = np.float32(x * x)
    return np.float32(np.float32(x * horner(P, t, fused)) / horner(Q, t, fused))


x = np.float32(7.5)
clamp = None
while x < 9:
    fused, unfused = quotient(x, True), quotient(x, False)
    if fused > 1 or unfused > 1:
        print("first above 1 at", repr(float(x)))
        break
    if fused == 1 and unfused == 1:
        clamp = x
    x = np.nextafter(x, np.float32(20))
print("clamp", repr(float(clamp)))
