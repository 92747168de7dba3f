using System;
using System.Collections.Generic;
using System.Linq;

namespace Activations.Samples;

/// <summary>The seed page's examples, and every built-in on the page's input beside the page's own formula.</summary>
internal static class SeedExamples
{
    // The page's example input: x = [-10, -5, 0.0, 5, 10].
    private static readonly float[] X = { -10f, -5f, 0f, 5f, 10f };

    public static void Run()
    {
        Show.Heading("1. The seed page's relu examples (x = [-10, -5, 0, 5, 10])");
        Console.WriteLine($"{"call",-36} {"ours",-28} the page prints");
        Example("relu(x)", () => Activation.Get("relu"), new[] { 0f, 0f, 0f, 5f, 10f });
        Example("relu(x, negative_slope=0.5)", () => Activation.Get("relu").With("negative_slope", 0.5), new[] { -5f, -2.5f, 0f, 5f, 10f });
        Example("relu(x, max_value=5.)", () => Activation.Get("relu").With("max_value", 5.0), new[] { 0f, 0f, 0f, 5f, 5f });
        Example("relu(x, threshold=5.)", () => Activation.Get("relu").With("threshold", 5.0), new[] { -0f, -0f, 0f, 0f, 10f });

        Show.Heading("2. Every built-in on the same x, beside the page's formula (in double)");
        Console.WriteLine($"{"Activation.Get(...)",-22} {"ours (float)",-44} the page's formula");
        foreach ((string name, Func<double, double> formula) in PageFormulas())
        {
            string formulaText = Show.Vector(X.Select(v => formula(v)).ToArray());
            Console.WriteLine($"{name,-22} {Try(() => Applied(Activation.Get(name))),-44} {formulaText}");
        }

        Console.WriteLine("(The page's gelu formula, 0.5·x·(1 + erf(x/√2)), cancels to -0 below about -5.7 even in double;");
        Console.WriteLine(" the correctly rounded gelu(-10) is -7.62e-23: a built-in computes through erfc to keep the tail.)");
        Console.WriteLine();
        Console.WriteLine($"Get(null) is {Try(() => Activation.Get(null).Name)}; Get(\"swish\") is {Try(() => Activation.Get("swish").Name)}; " +
            $"Serialize(Get(\"elu\").With(\"alpha\", 0.5)) is {Try(() => Activation.Serialize(Activation.Get("elu").With("alpha", 0.5)))}");
        try
        {
            // Deliberately misspelt, to show the run-time message; the analyzer reports this line at build time.
#pragma warning disable ACT0001
            Activation.Get("Relu");
#pragma warning restore ACT0001
        }
        catch (ArgumentException e)
        {
            Console.WriteLine($"Get(\"Relu\") throws: {e.Message}");
        }
    }

    private static void Example(string call, Func<ActivationFunction> resolve, float[] page)
    {
        string ours = Try(() => Applied(resolve()));
        string verdict = ours.StartsWith("unavailable", StringComparison.Ordinal) ? "" : Same(Apply(resolve()), page) ? "  (same)" : "  (DIFFERENT)";
        Console.WriteLine($"{call,-36} {ours,-28} {Show.Vector(page)}{verdict}");
    }

    private static float[] Apply(ActivationFunction function)
    {
        float[] y = new float[X.Length];
        function.Apply(X, y);
        return y;
    }

    private static string Applied(ActivationFunction function) => Show.Vector(Apply(function));

    // Equal as Keras compares them: -0 equals 0.
    private static bool Same(float[] ours, float[] page) => ours.Zip(page).All(pair => pair.First == pair.Second);

    /// <summary>Runs <paramref name="text"/>, or says why not (a built-in not registered yet, on a branch without the generator).</summary>
    private static string Try(Func<string> text)
    {
        try
        {
            return text();
        }
        catch (ArgumentException e)
        {
            return "unavailable: " + e.Message.Split('.')[0];
        }
    }

    /// <summary>The definitions the seed page gives, evaluated as written, in double.</summary>
    private static IEnumerable<(string Name, Func<double, double> Formula)> PageFormulas()
    {
        const double SeluAlpha = 1.6732632423543772, SeluScale = 1.0507009873554805;
        static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
        static double Softplus(double x) => Math.Log(Math.Exp(x) + 1);
        yield return ("relu", x => Math.Max(x, 0));
        yield return ("sigmoid", Sigmoid);
        yield return ("softplus", Softplus);
        yield return ("softsign", x => x / (Math.Abs(x) + 1));
        yield return ("tanh", x => (Math.Exp(x) - Math.Exp(-x)) / (Math.Exp(x) + Math.Exp(-x)));
        yield return ("selu", x => x > 0 ? SeluScale * x : SeluScale * SeluAlpha * (Math.Exp(x) - 1));
        yield return ("elu", x => x > 0 ? x : 1.0 * (Math.Exp(x) - 1));
        yield return ("exponential", Math.Exp);
        yield return ("leaky_relu", x => x >= 0 ? x : 0.2 * x);
        yield return ("relu6", x => Math.Min(Math.Max(x, 0), 6));
        yield return ("silu", x => x * Sigmoid(x));
        yield return ("hard_silu", x => x < -3 ? 0 : x > 3 ? x : x * (x + 3) / 6);
        yield return ("gelu", x => 0.5 * x * (1 + VectorMath.Erf(x / Math.Sqrt(2))));
        yield return ("hard_sigmoid", x => x <= -3 ? 0 : x >= 3 ? 1 : (x / 6) + 0.5);
        yield return ("linear", x => x);
        yield return ("mish", x => x * Math.Tanh(Softplus(x)));
    }
}
