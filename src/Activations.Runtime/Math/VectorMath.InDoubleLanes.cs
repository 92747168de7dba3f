using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Activations;

/// <summary>A formula over double lanes, for the float-lane functions' fallback on hardware without FMA.</summary>
internal interface IDoubleLaneFormula
{
    /// <summary>The formula of each lane.</summary>
    static abstract Vector128<double> Of(Vector128<double> x);
}

/// <summary>A formula of the element and a parameter over double lanes, for the same fallback (celu, squareplus).</summary>
internal interface IDoubleLaneParameterFormula
{
    /// <summary>The formula of each lane, with the parameter's lane beside it.</summary>
    static abstract Vector128<double> Of(Vector128<double> x, Vector128<double> parameter);
}

// The fallback of float-lane functions whose exact pairs need FMA: the lanes widened to double, the formula computed
// there (its products and sums of floats are exact or rounded far below a float's ULP) and narrowed once. Not inlined:
// hardware without FMA (and Arm, where these functions test for x86's FMA) takes it, as do the parameters and lanes that
// celu's and squareplus's float lanes do not take; the kernel loops keep it out of line.
public static partial class VectorMath
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector128<float> InDoubleLanes<TFormula>(Vector128<float> x)
        where TFormula : IDoubleLaneFormula
    {
        (Vector128<double> lower, Vector128<double> upper) = Vector128.Widen(x);
        return Vector128.Narrow(TFormula.Of(lower), TFormula.Of(upper));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<float> InDoubleLanes<TFormula>(Vector256<float> x)
        where TFormula : IDoubleLaneFormula =>
        Vector256.Create(InDoubleLanes<TFormula>(x.GetLower()), InDoubleLanes<TFormula>(x.GetUpper()));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector512<float> InDoubleLanes<TFormula>(Vector512<float> x)
        where TFormula : IDoubleLaneFormula =>
        Vector512.Create(InDoubleLanes<TFormula>(x.GetLower()), InDoubleLanes<TFormula>(x.GetUpper()));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector128<float> InDoubleLanes<TFormula>(Vector128<float> x, Vector128<float> parameter)
        where TFormula : IDoubleLaneParameterFormula
    {
        (Vector128<double> lower, Vector128<double> upper) = Vector128.Widen(x);
        (Vector128<double> parameterLower, Vector128<double> parameterUpper) = Vector128.Widen(parameter);
        return Vector128.Narrow(TFormula.Of(lower, parameterLower), TFormula.Of(upper, parameterUpper));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<float> InDoubleLanes<TFormula>(Vector256<float> x, Vector256<float> parameter)
        where TFormula : IDoubleLaneParameterFormula =>
        Vector256.Create(InDoubleLanes<TFormula>(x.GetLower(), parameter.GetLower()), InDoubleLanes<TFormula>(x.GetUpper(), parameter.GetUpper()));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector512<float> InDoubleLanes<TFormula>(Vector512<float> x, Vector512<float> parameter)
        where TFormula : IDoubleLaneParameterFormula =>
        Vector512.Create(InDoubleLanes<TFormula>(x.GetLower(), parameter.GetLower()), InDoubleLanes<TFormula>(x.GetUpper(), parameter.GetUpper()));
}
