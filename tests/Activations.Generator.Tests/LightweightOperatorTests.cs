using Activations.Generator.Emit;
using Activations.Generator.Formula;
using Xunit;

namespace Activations.Generator.Tests;

/// <summary>
/// Which formulas make a lightweight operator (the loop shape that loads four vectors ahead of its stores): arithmetic,
/// selects and min/max/abs in either element type, plus one exponential in float lanes; nothing heavier.
/// </summary>
public sealed class LightweightOperatorTests
{
    private static readonly FormulaNode X = new ElementNode();
    private static readonly FormulaNode Alpha = new ParameterNode(0, "alpha", IsSwitch: false);
    private static readonly FormulaNode Zero = new ConstantNode(0.0);

    [Fact]
    public void SelectsAndArithmeticQualifyInBothTypes()
    {
        // leaky relu: x > 0 ? x : alpha * x, and relu6 as min(max(x, 0), 6)
        FormulaNode leaky = new ConditionalNode(new BinaryNode(BinaryOperator.GreaterThan, X, Zero), X, new BinaryNode(BinaryOperator.Multiply, Alpha, X));
        FormulaNode relu6 = Call(Primitive.Min, Call(Primitive.Max, X, Zero), new ConstantNode(6.0));
        Assert.True(LightweightOperators.Qualifies(leaky, single: true));
        Assert.True(LightweightOperators.Qualifies(leaky, single: false));
        Assert.True(LightweightOperators.Qualifies(relu6, single: true));
        Assert.True(LightweightOperators.Qualifies(relu6, single: false));
    }

    [Fact]
    public void OneExponentialQualifiesInFloatLanesOnly()
    {
        // elu: x > 0 ? x : alpha * expm1(x)
        FormulaNode elu = new ConditionalNode(new BinaryNode(BinaryOperator.GreaterThan, X, Zero), X, new BinaryNode(BinaryOperator.Multiply, Alpha, Call(Primitive.Expm1, X)));
        Assert.True(LightweightOperators.Qualifies(elu, single: true));
        Assert.False(LightweightOperators.Qualifies(elu, single: false));

        // The same call written twice is one exponential; two different ones are too many.
        FormulaNode twice = new BinaryNode(BinaryOperator.Add, Call(Primitive.Exp, X), Call(Primitive.Exp, X));
        FormulaNode two = new BinaryNode(BinaryOperator.Add, Call(Primitive.Exp, X), Call(Primitive.Exp, new UnaryNode(UnaryOperator.Negate, X)));
        Assert.True(LightweightOperators.Qualifies(twice, single: true));
        Assert.False(LightweightOperators.Qualifies(two, single: true));
    }

    [Theory]
    [InlineData(nameof(Primitive.HardSigmoid))]
    [InlineData(nameof(Primitive.HardSilu))]
    [InlineData(nameof(Primitive.Softsign))]
    [InlineData(nameof(Primitive.SparsePlus))]
    public void TheMathCoresArithmeticFunctionsQualifyInFloatLanesOnly(string name)
    {
        // In float lanes they are arithmetic and selects in the math core; elsewhere the call is written out first.
        FormulaNode formula = Call(System.Enum.Parse<Primitive>(name), X);
        Assert.True(LightweightOperators.Qualifies(formula, single: true));
        Assert.False(LightweightOperators.Qualifies(formula, single: false));
    }

    [Fact]
    public void TheMathCoresCeluCountsAsItsExponential()
    {
        FormulaNode celu = Call(Primitive.Celu, X, Alpha);
        Assert.True(LightweightOperators.Qualifies(celu, single: true));
        Assert.False(LightweightOperators.Qualifies(new BinaryNode(BinaryOperator.Add, celu, Call(Primitive.Exp, X)), single: true));
    }

    [Theory]
    [InlineData(nameof(Primitive.Log1p))]
    [InlineData(nameof(Primitive.Tanh))]
    [InlineData(nameof(Primitive.Sigmoid))]
    [InlineData(nameof(Primitive.Softplus))]
    [InlineData(nameof(Primitive.Gelu))]
    [InlineData(nameof(Primitive.Erfc))]
    [InlineData(nameof(Primitive.Sqrt))]
    public void HeavierMathDoesNot(string name)
    {
        Primitive function = System.Enum.Parse<Primitive>(name);
        FormulaNode formula = new BinaryNode(BinaryOperator.Multiply, X, Call(function, X));
        Assert.False(LightweightOperators.Qualifies(formula, single: true));
        Assert.False(LightweightOperators.Qualifies(formula, single: false));
    }

    [Fact]
    public void AnotherStubsKernelDoesNot()
    {
        FormulaNode call = new StubCallNode("global::Other", "Swish", X, EquatableArray.From(new FormulaNode[] { new ConstantNode(1.0) }));
        Assert.False(LightweightOperators.Qualifies(call, single: true));
    }

    private static CallNode Call(Primitive function, params FormulaNode[] arguments) => new(function, EquatableArray.From(arguments));
}
