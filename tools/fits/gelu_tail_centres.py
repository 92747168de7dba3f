# Centres c of gelu's H(a) intervals (VectorMath.SingleGelu.cs): floats near each interval's middle where H(c) and
# H'(c) are within 2^-34 relative of floats, so the tables need no low parts. Prints the centres; the first interval's
# (from 0) is 0. "narrow": the Vector256 body's 8 intervals (index = low 3 bits of the bits of a + 0.75 shifted right by
# 22); "wide": the Vector512 body's 16 (low 4 bits, shifted by 21). Intervals after the first one listed in table order.
# Run: /usr/bin/python3 gelu_tail_centres.py [narrow|wide] (numpy).
import math, sys, numpy as np
phi0=1/math.sqrt(2*math.pi)
def H(c): return 0.5*math.erfc(c/math.sqrt(2))*math.exp(c*c/2)
def f32(x): return float(np.float32(x))
NARROW=[(1.25,2.25),(2.25,3.25),(3.25,5.25),(5.25,7.25),(7.25,11.25),(0.25,0.75),(0.75,1.25)]
WIDE=[(1.25,1.75),(1.75,2.25),(2.25,2.75),(2.75,3.25),(3.25,4.25),(4.25,5.25),(5.25,6.25),(6.25,7.25),(7.25,9.25),(9.25,11.25),
      (0.125,0.25),(0.25,0.5),(0.5,0.75),(0.75,1.0),(1.0,1.25)]
ivs=WIDE if sys.argv[1:]==["wide"] else NARROW
out=[]
for lo,hi in ivs:
    u=2.0**(math.floor(math.log2(max(lo,(lo+hi)/2)))-23)
    w=(hi-lo)/2; mid=(lo+hi)/2
    best=None
    N=200000
    j0=round(mid/u)
    for j in range(-N,N,1):
        c=(j0+j)*u
        h=H(c); d=c*h-phi0
        r0=abs(h-f32(h))/h; r1=abs(d-f32(d))*(w+abs(c-mid))/h
        sc=max(r0,r1)
        if best is None or sc<best[0]: best=(sc,c)
        if sc < 2**-36: break
    print(lo,hi,"c=%r"%best[1],"score log2=%.1f"%math.log2(best[0]), "offset from mid %.2e"%(best[1]-mid))
    out.append(best[1])
print(out)
