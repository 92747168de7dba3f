using Activations.Generator.Emit;
using Activations.Generator.Formula;
using Xunit;

namespace Activations.Generator.Tests;

/// <summary>
/// Which float formulas make an interleaved operator (the Vector512 loop hands it four vectors at a time): one math-core
/// function of the element that the math core writes for four vectors; anything around or inside the call does not.
/// </summary>
public sealed class InterleavedOperatorTests
{
    private static readonly FormulaNode X = new ElementNode();

    [Theory]
    [InlineData(nameof(Primitive.Sigmoid), "Sigmoid512x4")]
    [InlineData(nameof(Primitive.Silu), "Silu512x4")]
    [InlineData(nameof(Primitive.GeluApproximate), "GeluApproximate512x4")]
    [InlineData(nameof(Primitive.Mish), "Mish512x4")]
    [InlineData(nameof(Primitive.Tanh), "Tanh512x4")]
    [InlineData(nameof(Primitive.Softplus), "Softplus512x4")]
    public void AFunctionOfTheElementWithAFourVectorFormQualifies(string name, string method)
    {
        Primitive function = System.Enum.Parse<Primitive>(name);
        Assert.Equal(method, InterleavedOperators.FourVectorMethod(Call(function, X)));
    }

    [Fact]
    public void LogSigmoidsNegatedSoftplusOfTheNegatedElementQualifiesAndNothingElseNegated()
    {
        FormulaNode negated = new UnaryNode(UnaryOperator.Negate, X);
        Assert.Equal("LogSigmoid512x4", InterleavedOperators.FourVectorMethod(new UnaryNode(UnaryOperator.Negate, Call(Primitive.Softplus, negated))));
        Assert.Null(InterleavedOperators.FourVectorMethod(new UnaryNode(UnaryOperator.Negate, Call(Primitive.Softplus, X))));
        Assert.Null(InterleavedOperators.FourVectorMethod(Call(Primitive.Softplus, negated)));
        Assert.Null(InterleavedOperators.FourVectorMethod(new UnaryNode(UnaryOperator.Negate, Call(Primitive.Sigmoid, negated))));
    }

    [Theory]
    [InlineData(nameof(Primitive.Sigmoid))]
    [InlineData(nameof(Primitive.Silu))]
    [InlineData(nameof(Primitive.GeluApproximate))]
    [InlineData(nameof(Primitive.Mish))]
    [InlineData(nameof(Primitive.Tanh))]
    [InlineData(nameof(Primitive.Softplus))]
    public void AnythingAroundOrInsideTheCallDoesNot(string name)
    {
        Primitive function = System.Enum.Parse<Primitive>(name);
        FormulaNode scaled = new BinaryNode(BinaryOperator.Multiply, new ConstantNode(2.0), X);
        Assert.Null(InterleavedOperators.FourVectorMethod(Call(function, scaled)));
        Assert.Null(InterleavedOperators.FourVectorMethod(new BinaryNode(BinaryOperator.Multiply, X, Call(function, X))));
        Assert.Null(InterleavedOperators.FourVectorMethod(new UnaryNode(UnaryOperator.Negate, Call(function, X))));
    }

    [Theory]
    [InlineData(nameof(Primitive.Gelu))]
    [InlineData(nameof(Primitive.Exp))]
    public void FunctionsWithoutAFourVectorFormDoNot(string name)
    {
        Primitive function = System.Enum.Parse<Primitive>(name);
        Assert.Null(InterleavedOperators.FourVectorMethod(Call(function, X)));
    }

    [Fact]
    public void TheGeneratedFloatOperatorImplementsTheInterfaceAndCallsTheFourVectorForm()
    {
        const string source = """
            using Activations;
            public static partial class Stubs
            {
                [Activation("interleaved_silu")]
                public static double Silu(double x) => VectorMath.Silu(x);

                [Activation("plain_scaled_silu")]
                public static double ScaledSilu(double x) => 2.0 * VectorMath.Silu(x);
            }
            """;
        var (_, generated, diagnostics) = GeneratorHarness.Run(source);
        Assert.Empty(diagnostics);
        string silu = Assert.Single(generated, g => g.Key.Contains(".Silu.")).Value;
        Assert.Contains("private readonly struct SiluSingleOperator : global::Activations.Kernels.IInterleavedOperator<float>", silu);
        Assert.Contains("public void Invoke512x4(ref float x, ref float destination) => global::Activations.VectorMath.Silu512x4(ref x, ref destination);", silu);
        Assert.Contains("private readonly struct SiluDoubleOperator : global::Activations.Kernels.IElementwiseOperator<double>", silu);
        string scaled = Assert.Single(generated, g => g.Key.Contains(".ScaledSilu.")).Value;
        Assert.DoesNotContain("IInterleavedOperator", scaled);
    }

    private static CallNode Call(Primitive function, params FormulaNode[] arguments) => new(function, EquatableArray.From(arguments));
}
