# Float tables of tanh_shrink's R(a) = (a - tanh a) / a^3 per interval (VectorMath.SingleTanhShrink.cs): c0, c1 = R(c),
# R'(c) as floats, R2..R7 by the shared interval fit (interval_fit.py). Intervals in the order below; the table puts them at
# entries 0, 1, 4, 5, 6, 7 (entries 2 and 3 repeat entry 1).
# Run: /usr/bin/python3 tanh_shrink_coefficients.py 7 (numpy, mpmath); prints each interval's log2 error, writes ts_tables_7.json.
import mpmath as mp, sys
from interval_fit import fit
mp.mp.dps=40
DEG=int(sys.argv[1])
def Hm(a):
    a=mp.mpf(a)
    if a==0: return mp.mpf(1)/3
    return (a-mp.tanh(a))/a**3
def dH(a):
    return mp.diff(Hm, mp.mpf(a))
centers=[1.2269378900527954, 1.7129833698272705, 0.12495012581348419, 0.3715053200721741, 0.6203285455703735, 0.8856917023658752]
bounds=[(1.0,1.5),(1.5,2.0),(0.0,0.25),(0.25,0.5),(0.5,0.75),(0.75,1.0)]
fit(Hm, dH, centers, bounds, DEG, 'ts_tables_%d.json'%DEG)
