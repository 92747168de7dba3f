using System;
using Activations.Layers;

namespace Activations.Samples;

/// <summary>A small Keras-style model with fixed seeds, run forward on a batch.</summary>
internal static class ModelDemo
{
    public static void Run()
    {
        Show.Heading("4. A small model: Dense(16, relu) → Dense(8, gelu) → Dense(3) → Softmax, seeds 1, 2, 3");
        const int batch = 4, features = 6;
        var random = new Random(42);
        float[] input = new float[batch * features];
        for (int i = 0; i < input.Length; i++)
        {
            input[i] = (float)((random.NextDouble() * 2) - 1);
        }

        try
        {
            var model = new Sequential
            {
                new Dense(16, activation: "relu", seed: 1),
                new Dense(8, activation: "gelu", seed: 2),
                new Dense(3, seed: 3),
                new Softmax(),
            };
            float[] output = model.Predict(input, batch);
            for (int sample = 0; sample < batch; sample++)
            {
                ReadOnlySpan<float> row = output.AsSpan(sample * 3, 3);
                Console.WriteLine($"sample {sample}: {Show.Vector(input.AsSpan(sample * features, features))} → {Show.Vector(row)} (sum {row[0] + row[1] + row[2]:G6})");
            }
        }
        catch (ArgumentException e)
        {
            Console.WriteLine("unavailable: " + e.Message.Split('.')[0] + " (the built-ins land with the generator)");
        }
    }
}
