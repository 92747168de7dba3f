using System.Linq;
using System.Reflection;
using Xunit;

namespace Activations.Generator.Tests;

/// <summary>
/// User stubs compiled with the generator, loaded, and every kernel compared with its own stub on float,
/// double and Half, out of place and in place, on lengths around every vector size.
/// </summary>
public sealed class EndToEndTests
{
    private const string Stubs = "UserCode.Deep.Outer+Stubs";

    private static readonly System.Lazy<Assembly> s_assembly = new(() => GeneratorHarness.CompileAndLoad(UserStubs.Source));

    internal static Assembly CompiledAssembly => s_assembly.Value;

    private static Assembly Compiled => s_assembly.Value;

    [Theory]
    [InlineData("SwishBeta", "user_swish_beta", new double[] { })]
    [InlineData("SwishBeta", "user_swish_beta", new double[] { 1.7 })]
    [InlineData("Logistic", "user_logistic", new double[] { })]
    [InlineData("LogisticSum", "user_logistic_sum", new double[] { })]
    [InlineData("Elu", "user_elu", new double[] { 0.5 })]
    [InlineData("Gelu", "user_gelu", new double[] { 0 })]
    [InlineData("Gelu", "user_gelu", new double[] { 1 })]
    [InlineData("Poly", "user_poly", new double[] { })]
    [InlineData("Misc", "user_misc", new double[] { 1.5 })]
    [InlineData("Misc", "user_misc", new double[] { 0.75 })]
    [InlineData("Composed", "user_composed", new double[] { 1 })]
    [InlineData("Composed", "user_composed", new double[] { 0 })]
    [InlineData("DoubleOnlyTerm", "user_double_only", new double[] { })]
    [InlineData("MishOfTheMathCore", "user_mish", new double[] { })]
    [InlineData("ClampedExpm1", "user_clamped_expm1", new double[] { })]
    [InlineData("PairProducts", "user_pair_products", new double[] { })]
    [InlineData("ScaledDown", "user_scaled_down", new double[] { })]
    [InlineData("HardSigmoidOfTheMathCore", "user_hard_sigmoid", new double[] { })]
    [InlineData("HardSiluOfTheMathCore", "user_hard_silu", new double[] { })]
    [InlineData("SoftsignOfTheMathCore", "user_softsign", new double[] { })]
    [InlineData("SparsePlusOfTheMathCore", "user_sparse_plus", new double[] { })]
    [InlineData("CeluOfTheMathCore", "user_celu", new double[] { 0.3 })]
    [InlineData("CeluOfTheMathCore", "user_celu", new double[] { 1.0 })]
    [InlineData("SquareplusOfTheMathCore", "user_squareplus", new double[] { 4.0 })]
    [InlineData("SquareplusOfTheMathCore", "user_squareplus", new double[] { 0.3 })]
    [InlineData("TanhShrinkOfTheMathCore", "user_tanh_shrink", new double[] { })]
    [InlineData("NegativePair", "user_negative_pair", new double[] { })]
    [InlineData("GeluTanhOfTheMathCore", "user_gelu_tanh", new double[] { })]
    [InlineData("GeluOfTheMathCore", "user_gelu_exact", new double[] { })]
    [InlineData("SoftplusOfTheMathCore", "user_softplus", new double[] { })]
    [InlineData("SiluOfTheMathCore", "user_silu", new double[] { })]
    [InlineData("SigmoidOfTheMathCore", "user_sigmoid", new double[] { })]
    public void TranscendentalStubsMatchTheirStubWithinAnUlp(string method, string activation, double[] arguments) =>
        KernelChecks.MatchStub(Compiled, Stubs, method, activation, arguments, singleUlps: 1, doubleUlps: 4, halfUlps: 1);

    [Theory]
    [InlineData("Leaky", "user_leaky", new double[] { })]
    [InlineData("Leaky", "user_leaky", new double[] { 3.25 })]
    [InlineData("HardTanh", "user_hard_tanh", new double[] { })]
    [InlineData("Bounds", "user_bounds", new double[] { })]
    [InlineData("TinyBounds", "user_tiny_bounds", new double[] { })]
    [InlineData("Window", "user_window", new double[] { 2.0, 1.0 })]
    [InlineData("Window", "user_window", new double[] { 0.1, 7.0 })]
    [InlineData("ReluMix", "user_relu_mix", new double[] { 0 })]
    [InlineData("ReluMix", "user_relu_mix", new double[] { 1 })]
    [InlineData("MaybeIdentity", "user_maybe_identity", new double[] { 0 })]
    [InlineData("MaybeIdentity", "user_maybe_identity", new double[] { 1 })]
    public void PiecewiseLinearStubsMatchTheirStubExactly(string method, string activation, double[] arguments) =>
        KernelChecks.MatchStub(Compiled, Stubs, method, activation, arguments, singleUlps: 0, doubleUlps: 0, halfUlps: 0);

    [Fact]
    public void AnInternalStubInTheGlobalNamespaceIsRegisteredAndExact() =>
        KernelChecks.MatchStub(Compiled, "GlobalStubs", "Square", "user_global_square", [], singleUlps: 0, doubleUlps: 0, halfUlps: 0);

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void AFloatFormulaRunsInTheFloatKernelsAndTheStubInTheDoubleKernels(double negate)
    {
        _ = Compiled; // loading the assembly registers its stubs
        Assert.True(ActivationRegistry.TryGet("user_float_form", out ActivationDescriptor? descriptor));
        float[] x = Enumerable.Range(0, 37).Select(i => i * 0.25f - 4f).ToArray();
        float[] single = new float[x.Length];
        double[] wide = new double[x.Length];
        double[] arguments = { negate, 3.0 };
        descriptor!.Single(x, single, arguments);
        descriptor.Double(x.Select(v => (double)v).ToArray(), wide, arguments);
        for (int i = 0; i < x.Length; i++)
        {
            float signed = negate != 0 ? -x[i] : x[i];
            Assert.Equal(signed * 3f - 1f, single[i]);
            Assert.Equal(signed * 3.0 + 1.0, wide[i]);
        }
    }

    [Fact]
    public void LeftOutArgumentsTakeTheStubsDefaults()
    {
        Assert.True(ActivationRegistry.TryGet("user_swish_beta", out _));
        KernelChecks.MatchStub(Compiled, Stubs, "Elu", "user_elu", [], singleUlps: 1, doubleUlps: 4, halfUlps: 1);
    }
}
