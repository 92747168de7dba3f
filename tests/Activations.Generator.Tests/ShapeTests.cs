using System.Linq;
using System.Reflection;
using Xunit;

namespace Activations.Generator.Tests;

/// <summary>Stubs of unusual shapes still generate code that compiles without a warning, and run.</summary>
public sealed class ShapeTests
{
    private const string Source = """
        using System;
        using Activations;

        namespace Shapes.Nested.Deeper
        {
            internal partial struct Holder
            {
                [Activation("shape_struct")]
                public static double InStruct(double @default, double @event = 2) => @default * @event;

                private partial class Hidden
                {
                    // Not visible to the rest of the assembly: generated, but not registered.
                    [Activation("shape_private")]
                    private static double Secret(double x) => x + 1;

                    public static void Use(ReadOnlySpan<float> x, Span<float> destination) => Secret(x, destination);
                }
            }

            public partial record Rec
            {
                [Activation("shape_overload_a")]
                public static double Over(double x) => x * 3;

                [Activation("shape_overload_b")]
                public static double Over(double x, double y) => x * y;

                [Activation("shape_required")]
                public static double Required(double x, double scale, [Positive] double offset = 1) => x * scale + offset;

                [Activation("shape_constant_only")]
                public static double ConstantOnly(double x) => 42;

                [Activation("shape_param_only")]
                public static double ParamOnly(double x, double p = 3) => p * p;
            }

            public partial record struct RecStruct
            {
                [Activation("shape_record_struct")]
                public static double Identity(double x) => x;
            }
        }
        """;

    private static readonly System.Lazy<Assembly> s_assembly = new(() => GeneratorHarness.CompileAndLoad(Source));

    [Fact]
    public void OddShapesCompileAndRegisterWhatIsVisible()
    {
        _ = s_assembly.Value;
        foreach (string name in new[] { "shape_struct", "shape_overload_a", "shape_overload_b", "shape_required", "shape_constant_only", "shape_param_only", "shape_record_struct" })
        {
            Assert.True(ActivationRegistry.TryGet(name, out _), name);
        }

        Assert.False(ActivationRegistry.TryGet("shape_private", out _));
    }

    [Theory]
    [InlineData("Shapes.Nested.Deeper.Holder", "InStruct", "shape_struct", new double[] { 2.5 })]
    [InlineData("Shapes.Nested.Deeper.Rec", "Over", "shape_overload_b", new double[] { 2.5 })]
    [InlineData("Shapes.Nested.Deeper.Rec", "ConstantOnly", "shape_constant_only", new double[] { })]
    [InlineData("Shapes.Nested.Deeper.Rec", "ParamOnly", "shape_param_only", new double[] { 1.5 })]
    [InlineData("Shapes.Nested.Deeper.RecStruct", "Identity", "shape_record_struct", new double[] { })]
    public void OddShapesMatchTheirStub(string type, string method, string activation, double[] arguments)
    {
        KernelChecks.MatchStub(s_assembly.Value, type, method, activation, arguments, singleUlps: 0, doubleUlps: 0, halfUlps: 0,
            parameterCount: arguments.Length + 1);
    }

    [Fact]
    public void ARequiredParameterMustBeGivenToTheRegistry()
    {
        _ = s_assembly.Value;
        Assert.True(ActivationRegistry.TryGet("shape_required", out ActivationDescriptor? descriptor));
        Assert.Throws<System.ArgumentException>(() => descriptor!.Single(new float[1], new float[1], default));
        float[] destination = new float[1];
        descriptor!.Single(new float[] { 2 }, destination, new double[] { 3 });
        Assert.Equal(7f, destination[0]);
        Assert.Equal(new[] { "scale", "offset" }, descriptor.Parameters.Select(p => p.Name));
        Assert.Equal(ParameterConstraint.Positive, descriptor.Parameters[1].Constraint);
        Assert.True(double.IsNaN(descriptor.Parameters[0].DefaultValue));
    }
}
