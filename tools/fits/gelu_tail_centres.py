# Centres c of gelu's H(a) intervals (VectorMath.SingleGelu.cs): floats near each interval's middle where H(c) and
# H'(c) are within 2^-34 relative of floats, so the tables need no low parts. Prints the centres; the [0, 0.25] one is 0.
# Run: /usr/bin/python3 gelu_tail_centres.py (numpy).
import math, numpy as np
phi0=1/math.sqrt(2*math.pi)
def H(c): return 0.5*math.erfc(c/math.sqrt(2))*math.exp(c*c/2)
def f32(x): return float(np.float32(x))
ivs=[(1.25,2.25),(2.25,3.25),(3.25,5.25),(5.25,7.25),(7.25,11.25),(0.25,0.75),(0.75,1.25)]
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
