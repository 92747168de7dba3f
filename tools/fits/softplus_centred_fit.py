# Centres and coefficients of the narrow-range softplus (VectorMath.SingleSoftplusNarrowRange.cs), centred form.
# Step C = 1.3854f (a little below 2 ln 2). K = ln 2 - ln2f is added to every entry's constant by the kernel.
# For j = -1..-7 the centre T_j is the float within ROOM of j C whose log1p(e^T_j) - K is nearest a float, so c0 is one
# float (no low part) and s = m - T_j is exact (m and T_j are multiples of 2^-24, |s| < 1). For j = 0 the centre is 0
# (s = m exactly; any other centre would round s) and c0 = ln2f, c0 + K = ln 2 to 2^-48.
# Then c1..cN are least-squares fitted to log1p(e^(T_j + s)) in relative error (weights from Lawson's iteration) on the
# entry's interval of s (the m that round to j, widened by FUZZ). Packed pairs h/l (one float: h with l's top 16 bits
# as its low 16 bits) are rounded first, from the top, the rest refitted each time; then the others rounded to float
# one at a time from c1 up, the rest refitted. Prints the fit error per entry (stderr) and the C# rows (entry j + 7).
# Run: /usr/bin/python3 softplus_centred_fit.py 8 40 8/7   (numpy and mpmath; about 5 s): degree 8, 40 Lawson
# iterations, c8/c7 packed. The c7 row it prints is c7's value as the kernel reads it (the table has no c7 row).
import math, struct, sys
from decimal import Decimal as D, getcontext
import numpy as np
import mpmath as mp
getcontext().prec = 80
mp.mp.dps = 50
def f32(x): return struct.unpack('f', struct.pack('f', float(x)))[0]
def bits32(x): return struct.unpack('I', struct.pack('f', float(x)))[0]
def float32_from_bits(b): return struct.unpack('f', struct.pack('I', b))[0]
def top16(x):  # x rounded to its top 16 bits (sign, exponent, 7 mantissa bits), to nearest
    b = bits32(f32(x)); r = (b + 0x8000) & 0xFFFF0000; return r
def ulp32(v):
    v = abs(v); e = math.frexp(v)[1]; return 2.0 ** (e - 24)
LN2F = 0.693147182464599609375
C = f32(1.3854)        # the step: 7.5 C = 10.3905 covers |x| <= 10.39, and C / 2 < ln 2 by 4.5e-4 (the centres' room)
FOLD = f32(0.6926)     # below C / 2: every folded m rounds to j <= 0
FUZZ = 1e-5            # m / C is rounded (fma with 1/C a float): the m that round to j reach this far past (j +- 1/2) C
K = f32(mp.log(2) - mp.mpf(0.693147182464599609375))  # ln 2 - ln2f: added to every entry's c0 by the kernel (a broadcast constant)
ROOM = math.log(2) - C / 2 - FUZZ  # |T_j - j C| below this keeps s in [-ln 2, ln 2] (see the kernel's error analysis)
N = int(sys.argv[1]) if len(sys.argv) > 1 else 8
PAIRS = [tuple(int(v) for v in p.split('/')) for p in sys.argv[3].split(',')] if len(sys.argv) > 3 and sys.argv[3] else []
def sp(t):  # log1p(e^t) in mpmath
    return mp.log1p(mp.exp(mp.mpf(t)))

def centre(j):
    # candidates: floats within 2^-9 of j C, nearest first; prefilter in double, confirm in mpmath
    base = f32(j * C)
    bits = struct.unpack('i', struct.pack('f', base))[0]
    span = 20000
    cand = np.array([struct.unpack('f', struct.pack('i', bits + d))[0] for d in range(-span, span + 1)], dtype=np.float64)
    cand = cand[np.abs(cand - j * C) < ROOM]
    v = np.log1p(np.exp(cand)) - K
    fl = v.astype(np.float32).astype(np.float64)
    u = np.array([ulp32(a) for a in fl])
    off = np.abs(v - fl) / u
    best = None
    for i in np.nonzero(off < 2.0 ** -8)[0]:
        t = float(cand[i]); ex = sp(t) - mp.mpf(K); c0 = f32(float(ex))
        err = abs(float((ex - mp.mpf(c0)) / mp.mpf(ulp32(c0))))
        if best is None or err < best[2]:
            best = (t, c0, err)
    if best is not None:
        return best
    raise Exception('no centre for %d' % j)

NP = 200
LAWSON = int(sys.argv[2]) if len(sys.argv) > 2 else 40
def fit(j, t, c0):
    lo = (j - 0.5) * C - t; hi = (j + 0.5) * C - t
    if j == 0: hi = FOLD
    lo -= FUZZ; hi += FUZZ
    pts = [D(float(mp.mpf(lo + hi) / 2 + mp.mpf(hi - lo) / 2 * mp.cos(mp.pi * (i + 0.5) / NP))) for i in range(NP)]
    gv = [D(str(sp(mp.mpf(t) + mp.mpf(float(p))))) for p in pts]
    # Lawson's iteration (in double) turns the least-squares weights into near-minimax ones for the relative error.
    ps = np.array([float(p) for p in pts]); gs = np.array([float(v) for v in gv])
    V = np.vander(ps, N + 1, increasing=True)[:, 1:] / gs[:, None]
    rhs = (gs - (float(c0) + K)) / gs
    lw = np.ones(NP) / NP
    for _ in range(LAWSON):
        sq = np.sqrt(lw)
        coef = np.linalg.lstsq(V * sq[:, None], rhs * sq, rcond=None)[0]
        e = np.abs(rhs - V @ coef)
        lw = lw * e; lw /= lw.sum()
    wts = [D(float(lw[i])) / (v * v) for i, v in enumerate(gv)]
    fixed = {0: D(c0) + D(K)}
    def solve(A, b):
        n = len(b); M = [row[:] + [b[i]] for i, row in enumerate(A)]
        for c in range(n):
            p = max(range(c, n), key=lambda i: abs(M[i][c])); M[c], M[p] = M[p], M[c]
            for i in range(n):
                if i != c:
                    fct = M[i][c] / M[c][c]; M[i] = [a - fct * bb for a, bb in zip(M[i], M[c])]
        return [M[i][n] / M[i][i] for i in range(n)]
    def refit():
        # least squares for every coefficient not yet fixed, the fixed ones subtracted
        free = [k for k in range(1, N + 1) if k not in fixed]
        resid = [gv[p] - sum(cc * pts[p] ** i for i, cc in fixed.items()) for p in range(NP)]
        A = [[sum(wts[p] * pts[p] ** (a + b) for p in range(NP)) for b in free] for a in free]
        bb = [sum(wts[p] * resid[p] * pts[p] ** a for p in range(NP)) for a in free]
        return dict(zip(free, solve(A, bb)))
    # Packed pairs first, from the top (each rounding absorbed by the refit of the lower coefficients), then the rest
    # rounded to float from c1 up. A pair (h, l) is one float: h's value with l's top 16 bits as its low 16 bits, so the
    # kernel reads h as it is and l as the float's bits shifted left by 16 (l keeps 8 significant bits, h 8 of its own).
    packed = {}
    for h, l in PAIRS:
        hbits = top16(refit()[h])
        fixed[h] = D(float32_from_bits(hbits))
        lv = refit()[l]; lbits = top16(lv)
        fixed[l] = D(float32_from_bits(lbits))
        fixed[h] = D(float32_from_bits(hbits | (lbits >> 16)))
        packed[h] = float32_from_bits(hbits | (lbits >> 16))
    for k in range(1, N + 1):
        if k not in fixed:
            fixed[k] = D(f32(refit()[k]))
    out = [c0] + [packed.get(k, float(fixed[k])) for k in range(1, N + 1)]
    grid = [lo + (hi - lo) * i / 2000 for i in range(2001)]
    err = max(abs(float((sum(mp.mpf(float(cc)) * mp.mpf(s) ** i for i, cc in fixed.items()) / sp(mp.mpf(t) + mp.mpf(s))) - 1)) for s in grid)
    return out, math.log2(err), lo, hi

rows = []
for j in range(0, -8, -1):
    if j == 0:
        t, c0, e0 = 0.0, f32(LN2F), abs(float((mp.log(2) - mp.mpf(K) - mp.mpf(f32(LN2F))) / mp.mpf(ulp32(LN2F))))
    else:
        t, c0, e0 = centre(j)
    co, e, lo, hi = fit(j, t, c0)
    print('// j=%d T=%r (jC%+.3g) c0 off %.2g ULP, s in [%.4f, %.4f], rel err 2^%.2f' % (j, t, t - j * C, e0, lo, hi, e), file=sys.stderr)
    rows.append((j, t, co))
# table entry j + 7
byj = {j: (t, co) for j, t, co in rows}
print('// K = %.9g; centres T_j, entry j + 7' % K)
print('            ' + ', '.join('%.9gf' % byj[e - 7][0] for e in range(8)) + ',')
for i in range(N + 1):
    print('            ' + ', '.join('%.9gf' % byj[e - 7][1][i] for e in range(8)) + ',  // c%d' % i)
