using System;
using Xunit;

namespace Activations.Tests.Registry;

public sealed class ActivationGetTests
{
    public ActivationGetTests() => HandMadeActivations.EnsureRegistered();

    [Fact]
    public void ANameResolvesToItsDescriptorWithDefaults()
    {
        ActivationFunction function = Activation.Get("handmade_scale");
        Assert.Same(HandMadeActivations.Scale, function.Descriptor);
        Assert.Equal("handmade_scale", function.Name);
        Assert.Equal(new[] { 2.0 }, function.Arguments.ToArray());
        Assert.False(function.IsDelegate);
    }

    [Fact]
    public void AnAliasResolvesToTheCanonicalName()
    {
        ActivationFunction function = Activation.Get("handmade_times");
        Assert.Equal("handmade_scale", function.Name);
        Assert.Equal(Activation.Get("handmade_scale"), function);
    }

    [Fact]
    public void MatchingIsCaseSensitiveAndTheMessageSuggestsTheCaseFix()
    {
        var e = Assert.Throws<ArgumentException>(() => Activation.Get("HandMade_Scale"));
        Assert.Equal("identifier", e.ParamName);
        Assert.StartsWith("Could not interpret activation function identifier: 'HandMade_Scale'. Did you mean 'handmade_scale'", e.Message);
    }

    [Fact]
    public void AMisspeltNameGetsTheNearestNames()
    {
        var e = Assert.Throws<ArgumentException>(() => Activation.Get("handmade_sclae"));
        Assert.Contains("Could not interpret activation function identifier: 'handmade_sclae'.", e.Message);
        Assert.Contains("Did you mean 'handmade_scale'", e.Message);
    }

    [Fact]
    public void ANameFarFromAllListsTheKnownOnes()
    {
        var e = Assert.Throws<ArgumentException>(() => Activation.Get("zzzzzzzzzzzzzzzzzzzzzzzz"));
        Assert.Contains("Known identifiers:", e.Message);
        Assert.Contains("handmade_clip", e.Message);
    }

    [Fact]
    public void TryGetReportsAMissWithoutThrowing()
    {
        Assert.False(Activation.TryGet("no_such_activation", out ActivationFunction? function));
        Assert.Null(function);
        Assert.True(Activation.TryGet("handmade_clip", out function));
        Assert.Equal("handmade_clip", function!.Name);
    }

    [Fact]
    public void WithBindsByKerasOrCSharpNameAndLeavesTheOriginalUnchanged()
    {
        ActivationFunction clip = Activation.Get("handmade_clip");
        ActivationFunction wider = clip.With("low_clip", 3.0).With("high", 4.0).With("negate", true);
        Assert.Equal(new[] { 0.0, 1.0, 0.0 }, clip.Arguments.ToArray());
        Assert.Equal(new[] { 3.0, 4.0, 1.0 }, wider.Arguments.ToArray());
        Assert.Equal(clip.With("lowClip", 3.0), clip.With("low_clip", 3.0));
        Assert.Equal(3.0, wider.GetArgument("lowClip"));
    }

    [Fact]
    public void TheBoundArgumentsReachTheKernel()
    {
        float[] x = { -5f, -0.5f, 0.5f, 5f };
        float[] y = new float[4];
        Activation.Get("handmade_clip").With("low_clip", 1.0).With("high", 2.0).With("negate", true).Apply(x, y);
        Assert.Equal(new[] { 1f, 0.5f, -0.5f, -2f }, y);
    }

    [Fact]
    public void AnUnknownParameterIsNamedWithTheValidOnes()
    {
        var e = Assert.Throws<ArgumentException>(() => Activation.Get("handmade_scale").With("alpha", 1.0));
        Assert.Equal("parameterName", e.ParamName);
        Assert.Contains("'handmade_scale' has no parameter 'alpha'", e.Message);
        Assert.Contains("'factor'", e.Message);
    }

    [Theory]
    [InlineData("factor", 0.0, "must be greater than 0")]
    [InlineData("factor", -1.0, "must be greater than 0")]
    [InlineData("factor", double.NaN, "must be a number")]
    public void APositiveParameterRejectsZeroNegativeAndNaN(string name, double value, string problem)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Activation.Get("handmade_scale").With(name, value));
        Assert.Equal(name, e.ParamName);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void NonNegativeAndRangeConstraintsAreChecked()
    {
        ActivationFunction clip = Activation.Get("handmade_clip");
        Assert.Equal(0.0, clip.With("low_clip", 0.0).GetArgument("low_clip"));
        Assert.Contains("greater than or equal to 0", Assert.Throws<ArgumentOutOfRangeException>(() => clip.With("low_clip", -0.1)).Message);
        Assert.Equal(10.0, clip.With("high", 10.0).GetArgument("high"));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => clip.With("high", 10.5));
        Assert.Contains("must be between 0 and 10; got 10.5", e.Message);
    }

    [Fact]
    public void ASwitchTakesABoolAndANumberTakesANumber()
    {
        ActivationFunction clip = Activation.Get("handmade_clip");
        Assert.Contains("is a switch", Assert.Throws<ArgumentException>(() => clip.With("negate", 1.0)).Message);
        Assert.Contains("not a switch", Assert.Throws<ArgumentException>(() => clip.With("high", true)).Message);
    }

    [Fact]
    public void SerializeRoundTripsNamesAliasesAndBoundParameters()
    {
        Assert.Equal("handmade_scale", Activation.Serialize(Activation.Get("handmade_times")));
        ActivationFunction bound = Activation.Get("handmade_clip").With("high", 0.25).With("negate", true);
        string text = Activation.Serialize(bound);
        Assert.Equal("handmade_clip(high=0.25, negate=true)", text);
        Assert.Equal(bound, Activation.Deserialize(text));
        Assert.Equal(Activation.Get("handmade_scale"), Activation.Deserialize(Activation.Serialize(Activation.Get("handmade_scale"))));
    }

    [Fact]
    public void SerializeKeepsInfinityAndFullPrecision()
    {
        ActivationFunction bound = Activation.Get("handmade_scale").With("factor", 0.1 + 0.2);
        Assert.Equal(bound, Activation.Deserialize(Activation.Serialize(bound)));
        ActivationFunction infinite = Activation.Get("handmade_scale").With("factor", double.PositiveInfinity);
        Assert.Equal("handmade_scale(factor=inf)", Activation.Serialize(infinite));
        Assert.Equal(infinite, Activation.Deserialize("handmade_scale(factor=inf)"));
    }

    [Theory]
    [InlineData("handmade_scale(factor=2")]
    [InlineData("handmade_scale(factor)")]
    [InlineData("handmade_scale(factor=two)")]
    public void DeserializeRejectsMalformedText(string text)
    {
        var e = Assert.Throws<ArgumentException>(() => Activation.Deserialize(text));
        Assert.Contains($"'{text}'", e.Message);
    }

    [Fact]
    public void ADelegateCannotBeSerialized()
    {
        var e = Assert.Throws<ArgumentException>(() => Activation.Serialize(ActivationFunction.FromDelegate(MathF.Tanh)));
        Assert.Contains("'Tanh' wraps a delegate", e.Message);
    }

    [Fact]
    public void AParameterWithoutADefaultMustBeBoundBeforeApply()
    {
        ActivationFunction shift = Activation.Get("handmade_shift");
        Assert.False(shift.IsComplete);
        float[] destination = { 7f };
        var e = Assert.Throws<InvalidOperationException>(() => shift.Apply(new[] { 1f }, destination));
        Assert.Contains("'handmade_shift' needs 'offset'", e.Message);
        Assert.Equal(7f, destination[0]);
        Assert.Throws<ArgumentException>(() => new Activations.Layers.ActivationLayer("handmade_shift"));

        ActivationFunction bound = shift.With("offset", 2.5);
        Assert.True(bound.IsComplete);
        bound.Apply(new[] { 1f }, destination);
        Assert.Equal(3.5f, destination[0]);
        Assert.Equal("handmade_shift(offset=2.5)", Activation.Serialize(bound));
        Assert.Equal(bound, Activation.Deserialize("handmade_shift(offset=2.5)"));
    }
}
