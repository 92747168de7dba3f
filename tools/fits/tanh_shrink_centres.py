# Centres c of tanh_shrink's R(a) = (a - tanh a) / a^3 intervals (VectorMath.SingleTanhShrink.cs): floats near each
# interval's middle where R(c) and R'(c) are within about 2^-35 relative of floats (so c0 and c1 need no low parts).
# Intervals in table order: "narrow" for the Vector256 body (index = low 3 bits of the bits of a + 1 shifted right by 21;
# entries 2 and 3 unused), "wide" for the Vector512 body (low 4 bits; entries 10 and 11 unused).
# Run: /usr/bin/python3 tanh_shrink_centres.py narrow|wide (numpy, mpmath); prints each centre's score, then the list.
import mpmath as mp, numpy as np, math, sys
mp.mp.dps = 40
def R(a): a = mp.mpf(a); return (a - mp.tanh(a)) / a**3
def dR(a): return mp.diff(R, mp.mpf(a))
def f32(x): return float(np.float32(float(x)))
NARROW = [(1.0, 1.5), (1.5, 2.0), None, None, (0.0, 0.25), (0.25, 0.5), (0.5, 0.75), (0.75, 1.0)]
WIDE = [(1.0, 1.5), (1.5, 2.0), (2.0, 2.5), (2.5, 3.0), (3.0, 4.0), (4.0, 5.0), (5.0, 6.0), (6.0, 7.0), (7.0, 9.0), (9.0, 11.0), None, None,
        (0.0, 0.25), (0.25, 0.5), (0.5, 0.75), (0.75, 1.0)]
ivs = WIDE if sys.argv[1:] == ["wide"] else NARROW
out = []
for iv in ivs:
    if iv is None: out.append(None); continue
    lo, hi = iv; mid = (lo + hi) / 2; w = (hi - lo) / 2
    u = 2.0 ** (math.floor(math.log2(mid)) - 23)
    j0 = round(mid / u); best = None
    for j in range(0, 400000):
        for sgn in (1, -1):
            c = (j0 + sgn * j) * u
            if abs(c - mid) > 0.3 * w: continue
            r = R(c); d = dR(c)
            r0 = abs(r - f32(r)) / r; r1 = abs(d - f32(d)) * w / r
            sc = max(r0, r1)
            if best is None or sc < best[0]: best = (float(sc), c)
        if best[0] < 2 ** -36: break
    print(lo, hi, "c=%r" % best[1], "score log2=%.1f" % math.log2(best[0]), file=sys.stderr)
    out.append(best[1])
print(out)
