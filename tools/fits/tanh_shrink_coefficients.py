# Float tables of tanh_shrink's R(a) = (a - tanh a) / a^3 per interval (VectorMath.SingleTanhShrink.cs): c0, c1 = R(c),
# R'(c) as floats, R2..R7 by the shared interval fit (interval_fit.py). Two sets: "narrow" for the Vector256 body (the
# table puts the 6 intervals at entries 0, 1, 4, 5, 6, 7; entries 2 and 3 repeat entry 1), "wide" for the Vector512 body
# (14 intervals at entries 0-9 and 12-15; entries 10 and 11 repeat entry 9). Centres from tanh_shrink_centres.py.
# Run: /usr/bin/python3 tanh_shrink_coefficients.py 7 narrow|wide (numpy, mpmath); prints each interval's log2 error,
# writes ts_narrow_tables_7.json or ts_wide_tables_7.json.
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
SETS = {
    "narrow": ([1.2269378900527954, 1.7129833698272705, 0.12495012581348419, 0.3715053200721741, 0.6203285455703735, 0.8856917023658752],
               [(1.0, 1.5), (1.5, 2.0), (0.0, 0.25), (0.25, 0.5), (0.5, 0.75), (0.75, 1.0)]),
    "wide": ([1.2269378900527954, 1.7129833698272705, 2.1945419311523438, 2.7838222980499268, 3.487628698348999, 4.525207996368408,
              5.382102966308594, 6.579148769378662, 7.911617279052734, 9.701114654541016, 0.12495012581348419, 0.3715053200721741,
              0.6203285455703735, 0.8856917023658752],
             [(1.0, 1.5), (1.5, 2.0), (2.0, 2.5), (2.5, 3.0), (3.0, 4.0), (4.0, 5.0), (5.0, 6.0), (6.0, 7.0), (7.0, 9.0), (9.0, 11.0),
              (0.0, 0.25), (0.25, 0.5), (0.5, 0.75), (0.75, 1.0)]),
}
name = sys.argv[2] if len(sys.argv) > 2 else "narrow"
centers, bounds = SETS[name]
fit(Hm, dH, centers, bounds, DEG, 'ts_%s_tables_%d.json' % (name, DEG))
