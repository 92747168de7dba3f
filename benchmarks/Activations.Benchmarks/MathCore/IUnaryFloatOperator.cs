using System.Runtime.Intrinsics;

namespace Activations.Benchmarks.MathCore;

/// <summary>One float function at every width, so that <see cref="FloatSpanLoop"/> can run it over a span.</summary>
internal interface IUnaryFloatOperator
{
    static abstract float Invoke(float x);

    static abstract Vector128<float> Invoke(Vector128<float> x);

    static abstract Vector256<float> Invoke(Vector256<float> x);

    static abstract Vector512<float> Invoke(Vector512<float> x);
}

internal readonly struct ExpOperator : IUnaryFloatOperator
{
    public static float Invoke(float x) => VectorMath.Exp(x);

    public static Vector128<float> Invoke(Vector128<float> x) => VectorMath.Exp(x);

    public static Vector256<float> Invoke(Vector256<float> x) => VectorMath.Exp(x);

    public static Vector512<float> Invoke(Vector512<float> x) => VectorMath.Exp(x);
}

internal readonly struct TanhOperator : IUnaryFloatOperator
{
    public static float Invoke(float x) => VectorMath.Tanh(x);

    public static Vector128<float> Invoke(Vector128<float> x) => VectorMath.Tanh(x);

    public static Vector256<float> Invoke(Vector256<float> x) => VectorMath.Tanh(x);

    public static Vector512<float> Invoke(Vector512<float> x) => VectorMath.Tanh(x);
}
