# S(r) = (e^r - 1 - r - r^2/2) / r^3 on |r| <= ln2/2 for the float-lane tanh (VectorMath.SingleTanh.cs, TanhFloatS0..S4):
# iteratively reweighted least squares toward minimax of the relative error; prints degree 3 and 4 with float coefficients.
# Run: /usr/bin/python3 tanh_cubic_tail.py (numpy, mpmath).
import numpy as np, mpmath as mp
mp.mp.dps=80
R=0.3466*1.001
def S(r):
    r=mp.mpf(r)
    if abs(r)<1e-9: return mp.mpf(1)/6+r/24
    return (mp.e**r-1-r-r*r/2)/r**3
for deg in (3,4):
    # Remez-ish: iteratively reweighted least squares on Chebyshev nodes for relative error
    xs=np.cos(np.linspace(0,np.pi,2000))*R
    ys=np.array([float(S(x)) for x in xs])
    w=np.ones_like(xs)
    for it in range(60):
        A=np.vander(xs,deg+1,increasing=True)
        c,*_=np.linalg.lstsq(A*(w/ys)[:,None],w*ys/ys,rcond=None)
        err=(A@c-ys)/ys
        w=w*np.abs(err)**0.5; w/=w.max()
    cf=np.float32(c)
    # error with float coeffs, evaluated in double
    xt=np.linspace(-R,R,20001)
    yt=np.array([float(S(x)) for x in xt])
    e=np.max(np.abs(np.polyval(cf[::-1].astype(np.float64),xt)-yt)/yt)
    print(deg,[repr(float(v)) for v in cf],"float-coef rel err %.3g = 2^%.1f"%(e,np.log2(e)))
