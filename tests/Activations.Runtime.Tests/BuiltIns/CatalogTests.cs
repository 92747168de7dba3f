using System;
using System.Linq;
using Activations.Tests.Reference;
using Xunit;

namespace Activations.Tests.BuiltIns;

/// <summary>Every reference file is judged against a built-in, and every built-in the spec lists is a stub with Keras's name.</summary>
public sealed class CatalogTests
{
    /// <summary>The element-wise built-ins of the seed page and those Keras added since (issue 3).</summary>
    private static readonly string[] s_specified =
    {
        "relu", "leaky_relu", "relu6", "elu", "selu", "softplus", "softsign", "silu", "gelu", "tanh", "sigmoid",
        "exponential", "hard_sigmoid", "hard_silu", "linear", "mish", "celu", "hard_shrink", "hard_tanh",
        "log_sigmoid", "soft_shrink", "squareplus", "tanh_shrink", "threshold", "sparse_plus", "sparse_sigmoid",
    };

    [Fact]
    public void EveryReferenceFileIsABuiltInCaseOrAMathCorePrimitive()
    {
        foreach (string name in ReferenceTable.Names())
        {
            if (!BuiltInCatalog.MathCorePrimitives.Contains(name))
            {
                BuiltInCase c = BuiltInCatalog.Case(name); // throws if no stub answers to it
                Assert.True(BuiltInStubs.ByName.ContainsKey(c.Activation), name);
            }
        }

        Assert.Equal(29, BuiltInCatalog.Cases().Count());
    }

    [Fact]
    public void EverySpecifiedBuiltInIsAStub()
    {
        Assert.Equal(s_specified.OrderBy(n => n, StringComparer.Ordinal), BuiltInStubs.ByName.Keys.OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void EveryBuiltInHasAReferenceFileOrIsListedWithoutOne()
    {
        var judged = BuiltInCatalog.Cases().Select(c => c.Activation).ToHashSet();
        foreach (string name in BuiltInStubs.ByName.Keys)
        {
            Assert.True(judged.Contains(name) ^ BuiltInCatalog.WithoutReference.Contains(name), name);
        }
    }

    [Theory]
    [InlineData("silu", "swish")]
    [InlineData("hard_silu", "hard_swish")]
    public void StubsDeclareKerasAliases(string name, string alias)
    {
        var attribute = (ActivationAttribute)Attribute.GetCustomAttribute(BuiltInStubs.ByName[name], typeof(ActivationAttribute))!;
        Assert.Equal(new[] { alias }, attribute.Aliases);
    }
}
