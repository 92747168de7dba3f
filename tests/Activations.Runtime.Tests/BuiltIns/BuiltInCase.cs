using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;

namespace Activations.Tests.BuiltIns;

/// <summary>
/// One reference file judged against one built-in: the file's name (<c>relu_max5</c>), the activation it
/// exercises (<c>relu</c>), the arguments after the element in stub order (Keras defaults where the file
/// uses them), and the math-core primitives the stub's formula calls (so that a placeholder core is named,
/// not blamed on the formula).
/// </summary>
internal sealed record BuiltInCase(string ReferenceName, string Activation, double[] Arguments, string[] Primitives)
{
    /// <summary>The stub method itself, found by its <see cref="ActivationAttribute"/> name.</summary>
    public MethodInfo Stub => BuiltInStubs.ByName[Activation];

    /// <summary>The stub as a scalar function of its element, with <see cref="Arguments"/> bound (compiled, so it is fast).</summary>
    public Func<double, double> Scalar => _scalar ??= BuiltInStubs.Bind(Stub, Arguments);

    private Func<double, double>? _scalar;

    public override string ToString() => ReferenceName;
}

/// <summary>The <see cref="ActivationAttribute"/> stubs of <see cref="Activations.Activation"/>, by name.</summary>
internal static class BuiltInStubs
{
    public static readonly IReadOnlyDictionary<string, MethodInfo> ByName =
        typeof(Activation).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<ActivationAttribute>()))
            .Where(p => p.Attribute is not null)
            .ToDictionary(p => p.Attribute!.Name, p => p.Method);

    /// <summary>Binds the arguments after the element (a bool switch takes 0 or 1), as a compiled delegate.</summary>
    public static Func<double, double> Bind(MethodInfo stub, double[] arguments)
    {
        ParameterInfo[] parameters = stub.GetParameters();
        if (parameters.Length - 1 != arguments.Length)
        {
            throw new ArgumentException($"{stub.Name} takes {parameters.Length - 1} arguments after x; the case gives {arguments.Length}.");
        }

        ParameterExpression x = Expression.Parameter(typeof(double), "x");
        IEnumerable<Expression> rest = parameters.Skip(1).Select((p, i) =>
            (Expression)Expression.Constant(p.ParameterType == typeof(bool) ? arguments[i] != 0 : arguments[i], p.ParameterType));
        return Expression.Lambda<Func<double, double>>(Expression.Call(stub, rest.Prepend(x)), x).Compile();
    }

    /// <summary>The Keras defaults of a stub's parameters after the element (a bool as 0 or 1).</summary>
    public static double[] Defaults(MethodInfo stub) =>
        stub.GetParameters().Skip(1).Select(p => p.DefaultValue switch
        {
            bool b => b ? 1.0 : 0.0,
            double d => d,
            _ => throw new InvalidOperationException($"{stub.Name}.{p.Name} has no default."),
        }).ToArray();
}
