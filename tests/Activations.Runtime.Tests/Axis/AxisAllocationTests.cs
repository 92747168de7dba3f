using System;
using Xunit;

namespace Activations.Tests.Axis;

/// <summary>The span kernels allocate nothing (Half rows above 1024 elements rent from the shared pool: warmed first).</summary>
public sealed class AxisAllocationTests
{
    [Fact]
    public void SpanKernelsDoNotAllocate()
    {
        foreach (AxisFunction function in Enum.GetValues<AxisFunction>())
        {
            foreach (int length in new[] { 10, 4000 })
            {
                float[] xs = AxisInputs.Singles(length, 3, 1);
                double[] xd = AxisInputs.Doubles(length, 3, 1);
                Half[] xh = AxisInputs.Halves(length, 3, 1);
                var ys = new float[length];
                var yd = new double[length];
                var yh = new Half[length];
                void Run()
                {
                    AxisCalls.Span(function, xs, ys);
                    AxisCalls.Span(function, xd, yd);
                    AxisCalls.Span(function, xh, yh);
                }

                Run();
                long before = GC.GetAllocatedBytesForCurrentThread();
                Run();
                Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
            }
        }
    }
}
