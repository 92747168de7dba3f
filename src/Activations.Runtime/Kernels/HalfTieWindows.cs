using System.ComponentModel;

namespace Activations.Kernels;

/// <summary>
/// The tie windows of the Half kernels that compute with the cheaper <c>…ForHalf</c> math (<c>FastHalf</c>) and are still
/// correctly rounded: a result within this many float ULPs of a point halfway between two halves is computed again in
/// double (<see cref="HalfElementwiseLoop.Run{TOperator, TExact}(System.ReadOnlySpan{System.Half}, System.Span{System.Half}, TOperator, TExact, int)"/>).
/// Each is the function's largest error over every finite half, plus the half ULP the test may lose below 2^-14, rounded
/// up (measured on every SIMD path by tests/Activations.Runtime.Tests/Math/ForHalfAccuracyTests.cs; the inputs are finite,
/// so that measure covers every one). A window of W flags about 2W + 1 results in 8192.
/// The generator passes them for a FastHalf formula that is one such call on the element.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class HalfTieWindows
{
    /// <summary>For <c>VectorMath.SigmoidForHalf</c>: within 2.75 float ULPs of sigmoid over every finite half.</summary>
    public const int Sigmoid = 4;

    /// <summary>For <c>VectorMath.TanhForHalf</c>: within 3.93 float ULPs of tanh over every finite half.</summary>
    public const int Tanh = 5;
}
