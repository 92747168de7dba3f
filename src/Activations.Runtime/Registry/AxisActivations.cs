using System;
using Activations.Kernels;

namespace Activations;

/// <summary>
/// Registers the activations that work along an axis (softmax, log_softmax, sparsemax) under their Keras names,
/// so that <c>Activation.Get("softmax")</c> and <c>new Dense(10, activation: "softmax")</c> work as in Keras.
/// They are not stubs (a stub maps one element), so the generator does not register them; their kernels take
/// the whole span as the axis, which <see cref="ActivationDescriptor.IsAlongLastAxis"/> tells the layers.
/// </summary>
internal static class AxisActivations
{
    static AxisActivations()
    {
        Register("softmax", Activation.Softmax, Activation.Softmax, Activation.Softmax);
        Register("log_softmax", Activation.LogSoftmax, Activation.LogSoftmax, Activation.LogSoftmax);
        Register("sparsemax", Activation.Sparsemax, Activation.Sparsemax, Activation.Sparsemax);
    }

    /// <summary>Runs the static constructor once (thread-safe by the runtime's type initialization).</summary>
    public static void EnsureRegistered()
    {
    }

    private delegate void SpanFunction<T>(ReadOnlySpan<T> x, Span<T> destination);

    private static void Register(string name, SpanFunction<float> single, SpanFunction<double> @double, SpanFunction<Half> half) =>
        ActivationRegistry.Register(new ActivationDescriptor(
            name,
            Array.Empty<string>(),
            Array.Empty<ActivationParameter>(),
            (x, destination, arguments) =>
            {
                KernelArguments.ThrowIfTooMany(arguments, 0, name);
                single(x, destination);
            },
            (x, destination, arguments) =>
            {
                KernelArguments.ThrowIfTooMany(arguments, 0, name);
                @double(x, destination);
            },
            (x, destination, arguments) =>
            {
                KernelArguments.ThrowIfTooMany(arguments, 0, name);
                half(x, destination);
            })
        {
            IsAlongLastAxis = true,
        });
}
