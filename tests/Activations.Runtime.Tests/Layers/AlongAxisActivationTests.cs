using System.Linq;
using System.Numerics.Tensors;
using Activations.Layers;
using Activations.Tests.Registry;
using Xunit;

namespace Activations.Tests.Layers;

/// <summary>An activation that normalizes a vector (softmax's kind) must see whole rows, never blocks or whole batches.</summary>
public sealed class AlongAxisActivationTests
{
    public AlongAxisActivationTests() => HandMadeActivations.EnsureRegistered();

    [Fact]
    public void DenseAppliesItToEachWholeRowEvenWiderThanABlock()
    {
        const int units = 2100;
        float[,] kernel = new float[1, units];
        for (int j = 0; j < units; j++)
        {
            kernel[0, j] = 1;
        }

        var dense = new Dense(kernel, null, "handmade_normalize");
        Assert.True(dense.Activation.IsAlongLastAxis);
        float[] output = new float[2 * units];
        dense.Forward(new float[] { 1, 5 }, output, batch: 2);
        Assert.All(output, v => Assert.Equal(1f / units, v));
    }

    [Fact]
    public void ActivationLayerAppliesItPerSample()
    {
        float[] output = new float[4];
        new ActivationLayer("handmade_normalize").Forward(new float[] { 1, 3, 2, 2 }, output, batch: 2);
        Assert.Equal(new[] { 0.25f, 0.75f, 0.5f, 0.5f }, output);
    }

    [Fact]
    public void ATensorIsNormalizedAlongItsLastAxis()
    {
        float[] x = { 1, 1, 2, 1, 3, 4 };
        float[] y = new float[6];
        Activation.Get("handmade_normalize").Apply(new ReadOnlyTensorSpan<float>(x, new nint[] { 2, 3 }), new TensorSpan<float>(y, new nint[] { 2, 3 }));
        Assert.Equal(new[] { 0.25f, 0.25f, 0.5f, 0.125f, 0.375f, 0.5f }, y);
        Assert.Equal(1f, y.Take(3).Sum());
    }
}
