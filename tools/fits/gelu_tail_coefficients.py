# Float tables of gelu's H(a) = Phi(-a) e^(a^2/2) per interval (VectorMath.SingleGelu.cs): c0, c1 = H(c), H'(c) as floats,
# R2..R8 by the shared interval fit (interval_fit.py).
# Run: /usr/bin/python3 gelu_tail_coefficients.py 8 (the Vector256 body's 8 intervals) or gelu_tail_coefficients.py 6 wide (the
# Vector512 body's 16) (numpy, mpmath); prints each interval's log2 error, writes gelu_tail_tables_8.json or _6_wide.json.
import mpmath as mp, sys
from interval_fit import fit
mp.mp.dps=30
DEG=int(sys.argv[1])
def Hm(a):
    a=mp.mpf(a); return mp.erfc(a/mp.sqrt(2))/2*mp.exp(a*a/2)
def dH(a):
    a=mp.mpf(a); return a*Hm(a)-1/mp.sqrt(2*mp.pi)
if sys.argv[2:]==["wide"]:
    centers=[1.4816310405731201, 2.0167603492736816, 2.4705562591552734, 3.0013415813446045, 3.789872169494629, 4.821173667907715,
             5.779067516326904, 6.712976932525635, 8.327062606811523, 10.112081527709961, 0.0, 0.18886658549308777,
             0.37598615884780884, 0.6294695734977722, 0.8739009499549866, 1.1319952011108398]
    bounds=[(1.25,1.75),(1.75,2.25),(2.25,2.75),(2.75,3.25),(3.25,4.25),(4.25,5.25),(5.25,6.25),(6.25,7.25),(7.25,9.25),(9.25,11.25),
            (0,0.125),(0.125,0.25),(0.25,0.5),(0.5,0.75),(0.75,1.0),(1.0,1.25)]
    fit(Hm, dH, centers, bounds, DEG, 'gelu_tail_tables_%d_wide.json'%DEG)
else:
    centers=[1.746427059173584, 2.711150646209717, 4.240915775299072, 6.239471435546875, 9.168342590332031, 0.0, 0.49636006355285645, 1.0177998542785645]
    bounds=[(1.25,2.25),(2.25,3.25),(3.25,5.25),(5.25,7.25),(7.25,11.25),(0,0.25),(0.25,0.75),(0.75,1.25)]
    fit(Hm, dH, centers, bounds, DEG, 'gelu_tail_tables_%d.json'%DEG)
