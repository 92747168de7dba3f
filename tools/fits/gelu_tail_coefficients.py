# Float tables of gelu's H(a) = Phi(-a) e^(a^2/2) per interval (VectorMath.SingleGelu.cs): c0, c1 = H(c), H'(c) as floats,
# R2..R8 by the shared interval fit (interval_fit.py).
# Run: /usr/bin/python3 gelu_tail_coefficients.py 8 (numpy, mpmath); prints each interval's log2 error, writes gelu_tail_tables_8.json.
import mpmath as mp, sys
from interval_fit import fit
mp.mp.dps=30
DEG=int(sys.argv[1])
def Hm(a):
    a=mp.mpf(a); return mp.erfc(a/mp.sqrt(2))/2*mp.exp(a*a/2)
def dH(a):
    a=mp.mpf(a); return a*Hm(a)-1/mp.sqrt(2*mp.pi)
centers=[1.746427059173584, 2.711150646209717, 4.240915775299072, 6.239471435546875, 9.168342590332031, 0.0, 0.49636006355285645, 1.0177998542785645]
bounds=[(1.25,2.25),(2.25,3.25),(3.25,5.25),(5.25,7.25),(7.25,11.25),(0,0.25),(0.25,0.75),(0.75,1.25)]
fit(Hm, dH, centers, bounds, DEG, 'gelu_tail_tables_%d.json'%DEG)
