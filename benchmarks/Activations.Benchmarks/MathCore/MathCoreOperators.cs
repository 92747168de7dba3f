using System.Runtime.Intrinsics;
using Activations.Kernels;

namespace Activations.Benchmarks.MathCore;

/// <summary>The math core's float exp at every width, run over a span by the shared loop generated kernels use.</summary>
internal readonly struct ExpOperator : IElementwiseOperator<float>
{
    public float Invoke(float x) => VectorMath.Exp(x);

    public Vector128<float> Invoke(Vector128<float> x) => VectorMath.Exp(x);

    public Vector256<float> Invoke(Vector256<float> x) => VectorMath.Exp(x);

    public Vector512<float> Invoke(Vector512<float> x) => VectorMath.Exp(x);
}

/// <summary>The math core's float tanh at every width, run over a span by the shared loop generated kernels use.</summary>
internal readonly struct TanhOperator : IElementwiseOperator<float>
{
    public float Invoke(float x) => VectorMath.Tanh(x);

    public Vector128<float> Invoke(Vector128<float> x) => VectorMath.Tanh(x);

    public Vector256<float> Invoke(Vector256<float> x) => VectorMath.Tanh(x);

    public Vector512<float> Invoke(Vector512<float> x) => VectorMath.Tanh(x);
}

/// <summary>The math core's float expm1 at every width, run over a span by the shared loop generated kernels use.</summary>
internal readonly struct Expm1Operator : IElementwiseOperator<float>
{
    public float Invoke(float x) => VectorMath.Expm1(x);

    public Vector128<float> Invoke(Vector128<float> x) => VectorMath.Expm1(x);

    public Vector256<float> Invoke(Vector256<float> x) => VectorMath.Expm1(x);

    public Vector512<float> Invoke(Vector512<float> x) => VectorMath.Expm1(x);
}

/// <summary>The math core's float log1p at every width, run over a span by the shared loop generated kernels use.</summary>
internal readonly struct Log1pOperator : IElementwiseOperator<float>
{
    public float Invoke(float x) => VectorMath.Log1p(x);

    public Vector128<float> Invoke(Vector128<float> x) => VectorMath.Log1p(x);

    public Vector256<float> Invoke(Vector256<float> x) => VectorMath.Log1p(x);

    public Vector512<float> Invoke(Vector512<float> x) => VectorMath.Log1p(x);
}

/// <summary>The previous float expm1: widen to two double vectors, <see cref="VectorMath.Expm1ForSingle(Vector256{double})"/>, narrow (for comparison).</summary>
internal readonly struct Expm1ViaDoubleOperator : IElementwiseOperator<float>
{
    public float Invoke(float x) => VectorMath.Expm1(x);

    public Vector128<float> Invoke(Vector128<float> x)
    {
        (Vector128<double> lower, Vector128<double> upper) = Vector128.Widen(x);
        return Vector128.Narrow(VectorMath.Expm1ForSingle(lower), VectorMath.Expm1ForSingle(upper));
    }

    public Vector256<float> Invoke(Vector256<float> x)
    {
        (Vector256<double> lower, Vector256<double> upper) = Vector256.Widen(x);
        return Vector256.Narrow(VectorMath.Expm1ForSingle(lower), VectorMath.Expm1ForSingle(upper));
    }

    public Vector512<float> Invoke(Vector512<float> x)
    {
        (Vector512<double> lower, Vector512<double> upper) = Vector512.Widen(x);
        return Vector512.Narrow(VectorMath.Expm1ForSingle(lower), VectorMath.Expm1ForSingle(upper));
    }
}

/// <summary>The previous float log1p: widen to two double vectors, <see cref="VectorMath.Log1pForSingle(Vector256{double})"/>, narrow (for comparison).</summary>
internal readonly struct Log1pViaDoubleOperator : IElementwiseOperator<float>
{
    public float Invoke(float x) => VectorMath.Log1p(x);

    public Vector128<float> Invoke(Vector128<float> x)
    {
        (Vector128<double> lower, Vector128<double> upper) = Vector128.Widen(x);
        return Vector128.Narrow(VectorMath.Log1pForSingle(lower), VectorMath.Log1pForSingle(upper));
    }

    public Vector256<float> Invoke(Vector256<float> x)
    {
        (Vector256<double> lower, Vector256<double> upper) = Vector256.Widen(x);
        return Vector256.Narrow(VectorMath.Log1pForSingle(lower), VectorMath.Log1pForSingle(upper));
    }

    public Vector512<float> Invoke(Vector512<float> x)
    {
        (Vector512<double> lower, Vector512<double> upper) = Vector512.Widen(x);
        return Vector512.Narrow(VectorMath.Log1pForSingle(lower), VectorMath.Log1pForSingle(upper));
    }
}
