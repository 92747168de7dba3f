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
