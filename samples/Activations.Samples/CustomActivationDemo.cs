using System;
using Activations.Layers;

namespace Activations.Samples;

/// <summary>A custom [Activation] used by name, like a built-in, and a plain delegate (Keras's "callable").</summary>
internal static class CustomActivationDemo
{
    public static void Run()
    {
        Show.Heading("3. Your own activation, by name");
        float[] x = { -4f, -1f, 0f, 1f, 4f };
        float[] y = new float[x.Length];
        Console.WriteLine("[Activation(\"swish_beta\")] static double SwishBeta(double x, [Positive] double beta = 1.0) => x / (1.0 + Math.Exp(-beta * x));");
        if (Activation.TryGet("swish_beta", out ActivationFunction? swishBeta))
        {
            swishBeta.With("beta", 2.0).Apply(x, y);
            Console.WriteLine($"Activation.Get(\"swish_beta\").With(\"beta\", 2.0) on {Show.Vector(x)}: {Show.Vector(y)}");
            Console.WriteLine($"  the stub itself, in double:                  {Show.Vector(Array.ConvertAll(x, v => SampleActivations.SwishBeta(v, 2.0)))}");
            new ActivationLayer("swish_beta").Forward(x, y, batch: 1);
            Console.WriteLine($"new ActivationLayer(\"swish_beta\") (beta = 1):  {Show.Vector(y)}");
            try
            {
                swishBeta.With("beta", 0.0);
            }
            catch (ArgumentOutOfRangeException e)
            {
                Console.WriteLine($"With(\"beta\", 0.0) throws: {e.Message.Split(Environment.NewLine)[0]}");
            }
        }
        else
        {
            Console.WriteLine("swish_beta is not registered: the generator has not compiled the stub (it lands with the generator).");
        }

        ActivationFunction cube = ActivationFunction.FromDelegate((float v) => v * v * v, "cube");
        cube.Apply(x, y);
        Console.WriteLine($"ActivationFunction.FromDelegate(v => v * v * v) on {Show.Vector(x)}: {Show.Vector(y)}");
    }
}
