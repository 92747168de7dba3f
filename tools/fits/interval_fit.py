# The interval fit shared by the tail tables (gelu_tail_coefficients.py, tanh_shrink_coefficients.py): per interval, c0, c1 =
# f(c), f'(c) as floats, then r2..r_deg of f = (c0 + c1 v) + v^2 P(v), v = a - c, by weighted least squares toward minimax of
# the relative error (Chebyshev nodes, iterated weights), rounded to float one by one from the lowest degree with the rest
# refitted. Prints each interval's log2 error and the worst; writes the float tables as json, one list per row.
import json
import mpmath as mp
import numpy as np


def fit(Hm, dH, centers, bounds, DEG, out_name):
    tabs={'Center':[], 'C0':[], 'C1':[]}
    coefs=[]
    worst=-100
    for (lo,hi),c in zip(bounds,centers):
        m=(hi-lo)*0.003
        lo2=max(lo-m,0.0); hi2=hi+m
        N=500
        xs=np.array([ (lo2+hi2)/2 - (hi2-lo2)/2*np.cos(np.pi*(k+0.5)/N) for k in range(N)])
        c0=np.float32(float(Hm(c))); c1=np.float32(float(dH(c)))
        v=xs-c
        h=np.array([float(Hm(x)) for x in xs])
        Q=np.array([float(Hm(x)-mp.mpf(float(c0))-mp.mpf(float(c1))*(mp.mpf(x)-mp.mpf(c))) for x in xs])
        w=1/h
        pw=list(range(2,DEG+1))
        s=max(abs(v.min()),abs(v.max()))
        A=np.stack([(v/s)**p for p in pw],1)
        W=np.ones_like(v)
        for it in range(40):
            sol,_,_,_=np.linalg.lstsq(A*(w*np.sqrt(W))[:,None],Q*w*np.sqrt(W),rcond=None)
            e=np.abs(A@sol-Q)*w
            W=W*(e+1e-30); W/=W.sum()
        full=np.zeros(DEG+1)
        for p,cc in zip(pw,sol): full[p]=cc/s**p
        # round sequentially from low degree, refit the rest
        full32=np.zeros(DEG+1,dtype=np.float32)
        fixed=0*Q
        for i,p in enumerate(pw):
            full32[p]=np.float32(full[p])
            fixed=fixed+float(full32[p])*v**p
            rest=pw[i+1:]
            if rest:
                A2=np.stack([(v/s)**q for q in rest],1)
                W=np.ones_like(v)
                for it in range(20):
                    sol2,_,_,_=np.linalg.lstsq(A2*(w*np.sqrt(W))[:,None],(Q-fixed)*w*np.sqrt(W),rcond=None)
                    e=np.abs(A2@sol2-(Q-fixed))*w
                    W=W*(e+1e-30); W/=W.sum()
                for q,cc in zip(rest,sol2): full[q]=cc/s**q
        Qe=sum(float(full32[p])*v**p for p in range(DEG+1))
        err=np.max(np.abs(Qe-Q)/h)
        rho=np.max(np.abs(Q)/h)
        worst=max(worst,np.log2(err))
        print(lo,hi,c,"rho=%.3f log2err=%.2f"%(rho,np.log2(err)))
        tabs['Center'].append(float(np.float32(c))); tabs['C0'].append(float(c0)); tabs['C1'].append(float(c1))
        coefs.append(full32)
    for p in range(2,DEG+1):
        tabs['R%d'%p]=[float(coefs[i][p]) for i in range(len(bounds))]
    def fmt(x):
        x=np.float32(x)
        if x==0: return "0f"
        if abs(x)>=1e-4: return np.format_float_positional(x,unique=True,trim='-')+"f"
        return np.format_float_scientific(x,unique=True,trim='-')+"f"
    json.dump({k:", ".join(fmt(x) for x in v) for k,v in tabs.items()}, open(out_name,'w'))
    print("worst", worst)
