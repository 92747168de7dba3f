# Prints the narrow-range softplus tables (unscaled, entry j + 7) from softplus_narrow_fit_N.json.
# Run: /usr/bin/python3 softplus_narrow_tables.py 8
import json, sys, struct
def f32(x): return struct.unpack('f', struct.pack('f', float(x)))[0]
n = int(sys.argv[1])
res = json.load(open('softplus_narrow_fit_%d.json' % n)); byk = {int(r[0]): r[1] for r in res}
slots = [byk[e - 7] for e in range(8)]
names = ['C0High', 'C0Low'] + ['C%d' % i for i in range(1, n + 1)]
for i, nm in enumerate(names):
    vals = []
    for e in range(8):
        j = e - 7
        v = f32(slots[e][i]) * 2.0 ** (2 * j - 1)
        assert f32(v) == v
        vals.append(v)
    print('    static readonly float[] P%s = { %s };' % (nm, ', '.join('%.9gf' % v for v in vals)))
