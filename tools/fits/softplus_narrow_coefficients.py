# Coefficients of log1p(e^(jC + s)) in s, j = 0..-7, C = 2 ln2f (VectorMath.SingleSoftplusNarrowRange.cs), fitted to the
# function scaled by 4^-j, c0 as a float pair, c1..cn rounded to float one by one with the rest refitted (relative error).
# Run: /usr/bin/python3 softplus_narrow_coefficients.py 8 (standard library only; about 10 s); writes softplus_narrow_fit_8.json.
import math, struct, sys, json
from decimal import Decimal as D, getcontext
getcontext().prec = 80
def f32(x): return struct.unpack('f', struct.pack('f', float(x)))[0]
LN2F = D(0.693147182464599609375)
C2 = 2 * LN2F
R = D(LN2F * (1 + D(2)**-10))
NP = 300
PTS = [R*D(math.cos(math.pi*(i+0.5)/NP)) for i in range(NP)]
def solve(A, b):
    n = len(b)
    M = [row[:] + [b[i]] for i, row in enumerate(A)]
    for c in range(n):
        p = max(range(c, n), key=lambda i: abs(M[i][c]))
        M[c], M[p] = M[p], M[c]
        for i in range(n):
            if i != c:
                f = M[i][c] / M[c][c]
                M[i] = [a - f*bb for a, bb in zip(M[i], M[c])]
    return [M[i][n]/M[i][i] for i in range(n)]
def lsq(vals, js, w):
    # minimize sum w (vals - sum c_j r^j)^2
    A = [[sum(w[p]*PTS[p]**(i+j) for p in range(NP)) for j in js] for i in js]
    b = [sum(w[p]*vals[p]*PTS[p]**i for p in range(NP)) for i in js]
    return solve(A, b)
def fit(gd, n, c0h, c0l):
    gv = [gd(r) for r in PTS]
    w = [1/(v*v) for v in gv]  # relative error
    fixed = {0: D(c0h) + D(c0l)}
    out = [c0h, c0l]
    for j in range(1, n+1):
        resid = [gv[p] - sum(c*PTS[p]**i for i, c in fixed.items()) for p in range(NP)]
        sol = lsq(resid, list(range(j, n+1)), w)
        cj = f32(sol[0]); fixed[j] = D(cj); out.append(cj)
    err = max(abs((sum(c*r**i for i, c in fixed.items()) / gd(r)) - 1) for r in [R*(D(i)+D("0.5"))/500 for i in range(-501, 501)])
    return out, math.log2(float(err))
n = int(sys.argv[1])
res = []
for k in range(0, -8, -1):
    gd = lambda r, k=k: 2 * (1 + (k * C2 + r).exp()).ln() / D(4)**k
    c0 = gd(D(0)); c0h = f32(c0); c0l = f32(c0 - D(c0h))
    co, e = fit(gd, n, c0h, c0l)
    print(k, round(e, 2)); res.append([k, co])
json.dump(res, open('softplus_narrow_fit_%d.json' % n, 'w'))
