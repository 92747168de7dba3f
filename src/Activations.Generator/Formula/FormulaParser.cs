using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Activations.Generator.Formula;

/// <summary>
/// Turns a stub's expression body into the formula IR. Calls to stubs and <c>[Formula]</c> helpers of the same
/// compilation are inlined (their parameters bound to the argument trees); calls to stubs of other assemblies
/// stay calls, and helpers of other assemblies are a problem (helpers are inlined from source). Every
/// construct outside the vocabulary is a problem located at the exact sub-expression.
/// </summary>
internal sealed class FormulaParser
{
    /// <summary>The most bool parameters a stub may have: each one doubles the specialized kernels.</summary>
    public const int MaximumSwitches = 3;

    /// <summary>The largest formula, counted as a tree after inlining, the generator accepts.</summary>
    public const int MaximumSize = 4000;

    /// <summary>The largest |n| in <c>Math.Pow(x, n)</c>, expanded to multiplications.</summary>
    public const int MaximumPowExponent = 16;

    private readonly IMethodSymbol _root;
    private readonly SemanticModel _rootModel;
    private readonly ImmutableArray<StubProblem>.Builder _problems;
    private readonly CancellationToken _ct;
    private readonly List<IMethodSymbol> _inlining = new();

    public FormulaParser(IMethodSymbol root, SemanticModel model, ImmutableArray<StubProblem>.Builder problems, CancellationToken ct)
    {
        _root = root;
        _rootModel = model;
        _problems = problems;
        _ct = ct;
    }

    /// <summary>Parses the root stub's body; null if there were problems.</summary>
    public FormulaNode? ParseBody(ExpressionSyntax body, Dictionary<IParameterSymbol, FormulaNode> environment)
    {
        _inlining.Add(_root);
        var scope = new Scope(_rootModel, environment, _problems);
        FormulaNode? node = Parse(body, scope);
        if (node is not null && node.IsBoolean)
        {
            Report(scope, StubProblemKind.UnsupportedConstruct, body, "The formula must be a number, not a boolean.");
            return null;
        }

        if (node is not null && node.Size > MaximumSize)
        {
            Report(scope, StubProblemKind.UnsupportedConstruct, body,
                $"The formula is too large once the stubs it calls are inlined ({node.Size} nodes; at most {MaximumSize}).");
            return null;
        }

        return scope.Problems.Count > 0 ? null : node;
    }

    /// <summary>Where names resolve while parsing one stub's body: its semantic model and what its parameters stand for.</summary>
    private sealed record Scope(SemanticModel Model, Dictionary<IParameterSymbol, FormulaNode> Environment, ImmutableArray<StubProblem>.Builder Problems);

    private static void Report(Scope scope, StubProblemKind kind, SyntaxNode at, string detail) =>
        scope.Problems.Add(new StubProblem(kind, at.GetLocation(), detail));

    private FormulaNode? Parse(ExpressionSyntax expression, Scope scope)
    {
        _ct.ThrowIfCancellationRequested();

        // Anything the compiler folds to a constant (literals, consts, Math.PI, 1.0 / 3) is a constant.
        Optional<object?> constant = scope.Model.GetConstantValue(expression, _ct);
        if (constant.HasValue)
        {
            switch (constant.Value)
            {
                case bool b:
                    return new BooleanConstantNode(b);
                case double or float or int or long or short or sbyte or byte or ushort or uint or ulong or decimal:
                    return new ConstantNode(Convert.ToDouble(constant.Value, System.Globalization.CultureInfo.InvariantCulture));
                default:
                    Report(scope, StubProblemKind.UnsupportedConstruct, expression, $"The constant '{expression}' is not a number.");
                    return null;
            }
        }

        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Parse(parenthesized.Expression, scope);

            case IdentifierNameSyntax identifier:
                return ParseName(identifier, scope);

            case CastExpressionSyntax cast when scope.Model.GetTypeInfo(cast.Type, _ct).Type?.SpecialType == SpecialType.System_Double:
                return ExpectNumber(Parse(cast.Expression, scope), cast.Expression, scope);

            case PrefixUnaryExpressionSyntax unary:
                return ParseUnary(unary, scope);

            case BinaryExpressionSyntax binary:
                return ParseBinary(binary, scope);

            case ConditionalExpressionSyntax conditional:
                return ParseConditional(conditional, scope);

            case InvocationExpressionSyntax invocation:
                return ParseInvocation(invocation, scope);

            default:
                Report(scope, StubProblemKind.UnsupportedConstruct, expression, DescribeUnsupported(expression));
                return null;
        }
    }

    private static string DescribeUnsupported(ExpressionSyntax expression) => expression switch
    {
        AssignmentExpressionSyntax => $"An assignment ('{expression}') cannot be vectorized: formulas have no side effects.",
        ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax or ArrayCreationExpressionSyntax
            => $"'{expression}' allocates; formulas cannot create objects.",
        LambdaExpressionSyntax or AnonymousMethodExpressionSyntax => "A lambda cannot be vectorized.",
        LiteralExpressionSyntax or InterpolatedStringExpressionSyntax => $"'{expression}' is not a number.",
        PostfixUnaryExpressionSyntax => $"'{expression}' has a side effect.",
        _ => $"'{expression}' is not part of the formula vocabulary (numbers, parameters, + - * /, comparisons, ?:, Math and VectorMath functions, other stubs).",
    };

    private FormulaNode? ParseName(IdentifierNameSyntax identifier, Scope scope)
    {
        ISymbol? symbol = scope.Model.GetSymbolInfo(identifier, _ct).Symbol;
        if (symbol is IParameterSymbol parameter && scope.Environment.TryGetValue(parameter, out FormulaNode? bound))
        {
            return bound;
        }

        Report(scope, StubProblemKind.UnsupportedConstruct, identifier,
            $"'{identifier}' is neither a parameter of the stub nor a constant.");
        return null;
    }

    private FormulaNode? ParseUnary(PrefixUnaryExpressionSyntax unary, Scope scope)
    {
        FormulaNode? operand = Parse(unary.Operand, scope);
        if (operand is null)
        {
            return null;
        }

        switch (unary.Kind())
        {
            case SyntaxKind.UnaryMinusExpression:
                return ExpectNumber(operand, unary.Operand, scope) is { } number ? new UnaryNode(UnaryOperator.Negate, number) : null;
            case SyntaxKind.UnaryPlusExpression:
                return ExpectNumber(operand, unary.Operand, scope);
            case SyntaxKind.LogicalNotExpression:
                return ExpectBoolean(operand, unary.Operand, scope) is { } condition ? new UnaryNode(UnaryOperator.Not, condition) : null;
            default:
                Report(scope, StubProblemKind.UnsupportedConstruct, unary, $"The operator '{unary.OperatorToken}' is not supported in a formula.");
                return null;
        }
    }

    private FormulaNode? ParseBinary(BinaryExpressionSyntax binary, Scope scope)
    {
        BinaryOperator? op = binary.Kind() switch
        {
            SyntaxKind.AddExpression => BinaryOperator.Add,
            SyntaxKind.SubtractExpression => BinaryOperator.Subtract,
            SyntaxKind.MultiplyExpression => BinaryOperator.Multiply,
            SyntaxKind.DivideExpression => BinaryOperator.Divide,
            SyntaxKind.EqualsExpression => BinaryOperator.Equal,
            SyntaxKind.NotEqualsExpression => BinaryOperator.NotEqual,
            SyntaxKind.LessThanExpression => BinaryOperator.LessThan,
            SyntaxKind.LessThanOrEqualExpression => BinaryOperator.LessThanOrEqual,
            SyntaxKind.GreaterThanExpression => BinaryOperator.GreaterThan,
            SyntaxKind.GreaterThanOrEqualExpression => BinaryOperator.GreaterThanOrEqual,
            SyntaxKind.LogicalAndExpression => BinaryOperator.And,
            SyntaxKind.LogicalOrExpression => BinaryOperator.Or,
            _ => null,
        };

        if (op is null)
        {
            Report(scope, StubProblemKind.UnsupportedConstruct, binary, $"The operator '{binary.OperatorToken}' is not supported in a formula.");
            return null;
        }

        FormulaNode? left = Parse(binary.Left, scope);
        FormulaNode? right = Parse(binary.Right, scope);
        if (left is null || right is null)
        {
            return null;
        }

        BinaryOperator o = op.Value;
        if (o.IsLogical())
        {
            left = ExpectBoolean(left, binary.Left, scope);
            right = ExpectBoolean(right, binary.Right, scope);
        }
        else if (o is BinaryOperator.Equal or BinaryOperator.NotEqual && left.IsBoolean)
        {
            right = ExpectBoolean(right, binary.Right, scope);
        }
        else
        {
            left = ExpectNumber(left, binary.Left, scope);
            right = ExpectNumber(right, binary.Right, scope);
        }

        return left is null || right is null ? null : new BinaryNode(o, left, right);
    }

    private FormulaNode? ParseConditional(ConditionalExpressionSyntax conditional, Scope scope)
    {
        FormulaNode? condition = Parse(conditional.Condition, scope);
        FormulaNode? whenTrue = Parse(conditional.WhenTrue, scope);
        FormulaNode? whenFalse = Parse(conditional.WhenFalse, scope);
        if (condition is null || whenTrue is null || whenFalse is null)
        {
            return null;
        }

        condition = ExpectBoolean(condition, conditional.Condition, scope);
        if (whenTrue.IsBoolean != whenFalse.IsBoolean)
        {
            Report(scope, StubProblemKind.UnsupportedConstruct, conditional, "Both branches of ?: must be numbers, or both booleans.");
            return null;
        }

        return condition is null ? null : new ConditionalNode(condition, whenTrue, whenFalse);
    }

    private FormulaNode? ParseInvocation(InvocationExpressionSyntax invocation, Scope scope)
    {
        if (scope.Model.GetSymbolInfo(invocation, _ct).Symbol is not IMethodSymbol method)
        {
            Report(scope, StubProblemKind.UnknownMethod, invocation, $"'{invocation.Expression}' does not resolve to a single method.");
            return null;
        }

        if (StubParser.IsStub(method))
        {
            return ParseStubCall(invocation, method, scope, isHelper: false);
        }

        if (StubParser.IsFormulaHelper(method))
        {
            return ParseHelperCall(invocation, method, scope);
        }

        string? owner = method.ContainingType?.ToDisplayString();
        bool allDoubles = method.ReturnType.SpecialType == SpecialType.System_Double
            && method.Parameters.All(p => p.Type.SpecialType == SpecialType.System_Double);
        Primitive? primitive = (owner, method.Name, allDoubles) switch
        {
            ("System.Math" or "Activations.VectorMath", "Exp", true) => Primitive.Exp,
            ("System.Math" or "Activations.VectorMath", "Log", true) when method.Parameters.Length == 1 => Primitive.Log,
            ("System.Math" or "Activations.VectorMath", "Tanh", true) => Primitive.Tanh,
            ("System.Math" or "Activations.VectorMath", "Max", true) => Primitive.Max,
            ("System.Math" or "Activations.VectorMath", "Min", true) => Primitive.Min,
            ("System.Math", "Sqrt", true) => Primitive.Sqrt,
            ("System.Math", "Abs", true) => Primitive.Abs,
            ("System.Math", "CopySign", true) => Primitive.CopySign,
            ("Activations.VectorMath", "Expm1", true) => Primitive.Expm1,
            ("Activations.VectorMath", "Log1p", true) => Primitive.Log1p,
            ("Activations.VectorMath", "Erf", true) => Primitive.Erf,
            ("Activations.VectorMath", "Erfc", true) => Primitive.Erfc,
            ("Activations.VectorMath", "Sigmoid", true) => Primitive.Sigmoid,
            ("Activations.VectorMath", "Silu", true) => Primitive.Silu,
            ("Activations.VectorMath", "Mish", true) => Primitive.Mish,
            ("Activations.VectorMath", "GeluApproximate", true) => Primitive.GeluApproximate,
            ("Activations.VectorMath", "Softplus", true) => Primitive.Softplus,
            ("Activations.VectorMath", "Gelu", true) => Primitive.Gelu,
            ("Activations.VectorMath", "HardSigmoid", true) => Primitive.HardSigmoid,
            ("Activations.VectorMath", "HardSilu", true) => Primitive.HardSilu,
            ("Activations.VectorMath", "Softsign", true) => Primitive.Softsign,
            ("Activations.VectorMath", "SparsePlus", true) => Primitive.SparsePlus,
            ("Activations.VectorMath", "Celu", true) => Primitive.Celu,
            ("Activations.VectorMath", "Squareplus", true) => Primitive.Squareplus,
            ("Activations.VectorMath", "TanhShrink", true) => Primitive.TanhShrink,
            ("Activations.VectorMath", "DoubleOnly", true) => Primitive.DoubleOnly,
            _ => null,
        };

        if (owner == "System.Math" && allDoubles && method.Name is "Clamp" or "Pow")
        {
            return method.Name == "Clamp" ? ParseClamp(invocation, scope) : ParsePow(invocation, scope);
        }

        if (primitive is null)
        {
            Report(scope, StubProblemKind.UnknownMethod, invocation,
                $"'{method.ContainingType?.Name}.{method.Name}' is not a function formulas can use: use Math.Exp/Log/Tanh/Sqrt/Abs/Max/Min/Clamp/CopySign/Pow, VectorMath.Expm1/Log1p/Erf/Erfc/Sigmoid/Silu/Mish/Softplus/Gelu/GeluApproximate/HardSigmoid/HardSilu/Softsign/SparsePlus/Celu/Squareplus/TanhShrink/DoubleOnly, another [Activation] stub, or a [Formula] helper of this assembly.");
            return null;
        }

        ImmutableArray<FormulaNode>? arguments = ParseArguments(invocation, scope, method.Parameters.Length);
        return arguments is null ? null : new CallNode(primitive.Value, arguments.Value.ToEquatableArray());
    }

    /// <summary>The arguments of a call whose parameters are all numbers, in order (no named or omitted ones).</summary>
    private ImmutableArray<FormulaNode>? ParseArguments(InvocationExpressionSyntax invocation, Scope scope, int count)
    {
        SeparatedSyntaxList<ArgumentSyntax> arguments = invocation.ArgumentList.Arguments;
        if (arguments.Count != count || arguments.Any(a => a.NameColon is not null || !a.RefKindKeyword.IsKind(SyntaxKind.None)))
        {
            Report(scope, StubProblemKind.UnsupportedConstruct, invocation.ArgumentList, "Pass the arguments of a math function by position.");
            return null;
        }

        var nodes = ImmutableArray.CreateBuilder<FormulaNode>(count);
        bool ok = true;
        foreach (ArgumentSyntax argument in arguments)
        {
            FormulaNode? node = ExpectNumber(Parse(argument.Expression, scope), argument.Expression, scope);
            ok &= node is not null;
            if (node is not null)
            {
                nodes.Add(node);
            }
        }

        return ok ? nodes.MoveToImmutable() : null;
    }

    // Math.Clamp(v, lo, hi) is Min(Max(v, lo), hi) for every value it does not throw on (lo <= hi), NaN included.
    private FormulaNode? ParseClamp(InvocationExpressionSyntax invocation, Scope scope)
    {
        if (ParseArguments(invocation, scope, 3) is not { } a)
        {
            return null;
        }

        var max = new CallNode(Primitive.Max, ImmutableArray.Create(a[0], a[1]).ToEquatableArray());
        return new CallNode(Primitive.Min, ImmutableArray.Create<FormulaNode>(max, a[2]).ToEquatableArray());
    }

    private FormulaNode? ParsePow(InvocationExpressionSyntax invocation, Scope scope)
    {
        if (ParseArguments(invocation, scope, 2) is not { } a)
        {
            return null;
        }

        if (a[1] is not ConstantNode { Value: double n } || n != Math.Floor(n) || Math.Abs(n) > MaximumPowExponent)
        {
            Report(scope, StubProblemKind.UnsupportedConstruct, invocation.ArgumentList.Arguments[1],
                $"Math.Pow needs a constant integer exponent between -{MaximumPowExponent} and {MaximumPowExponent}.");
            return null;
        }

        int exponent = (int)n;
        FormulaNode power = Power(a[0], Math.Abs(exponent));
        return exponent < 0 ? new BinaryNode(BinaryOperator.Divide, new ConstantNode(1), power) : power;
    }

    // Square-and-multiply; equal subtrees are computed once by the emitter's common-subexpression elimination.
    private static FormulaNode Power(FormulaNode x, int n) => n switch
    {
        0 => new ConstantNode(1),
        1 => x,
        _ when n % 2 == 0 => Square(Power(x, n / 2)),
        _ => new BinaryNode(BinaryOperator.Multiply, Power(x, n - 1), x),
    };

    private static FormulaNode Square(FormulaNode x) => new BinaryNode(BinaryOperator.Multiply, x, x);

    // A [Formula] helper is inlined like a stub of this compilation once it is known to be one that can be:
    // its own defects are the caller's "cannot be inlined" problem, since a helper has no diagnostics of its own.
    private FormulaNode? ParseHelperCall(InvocationExpressionSyntax invocation, IMethodSymbol callee, Scope scope)
    {
        callee = callee.OriginalDefinition;
        if (!SymbolEqualityComparer.Default.Equals(callee.ContainingAssembly, scope.Model.Compilation.Assembly))
        {
            Report(scope, StubProblemKind.UnknownMethod, invocation,
                $"The formula helper '{callee.Name}' is in another assembly ({callee.ContainingAssembly?.Name}): helpers are inlined from source and must be in the same assembly as the stub.");
            return null;
        }

        string? defect = !callee.IsStatic ? "it must be static."
            : !StubParser.HasHelperSignature(callee) ? "its parameters and its result must all be double (by value, not generic)."
            : null;
        if (defect is not null)
        {
            Report(scope, StubProblemKind.UnsupportedConstruct, invocation, $"The formula helper '{callee.Name}' cannot be inlined: {defect}");
            return null;
        }

        return ParseStubCall(invocation, callee, scope, isHelper: true);
    }

    private FormulaNode? ParseStubCall(InvocationExpressionSyntax invocation, IMethodSymbol callee, Scope scope, bool isHelper)
    {
        callee = callee.OriginalDefinition;
        string what = isHelper ? "formula helper" : "stub";
        if (_inlining.Contains(callee, SymbolEqualityComparer.Default))
        {
            string detail = SymbolEqualityComparer.Default.Equals(callee, _inlining[_inlining.Count - 1])
                ? $"The {what} '{callee.Name}' calls itself."
                : $"The {what} '{callee.Name}' is reached again through {string.Join(" → ", _inlining.Select(m => m.Name))}: formulas cannot recurse.";
            Report(scope, StubProblemKind.Recursion, invocation, detail);
            return null;
        }

        if (!isHelper && !StubParser.HasFormulaSignature(callee))
        {
            Report(scope, StubProblemKind.UnsupportedConstruct, invocation, $"The stub '{callee.Name}' does not have a formula's signature.");
            return null;
        }

        if (scope.Model.GetOperation(invocation, _ct) is not IInvocationOperation operation)
        {
            Report(scope, StubProblemKind.UnknownMethod, invocation, $"The call to '{callee.Name}' could not be bound.");
            return null;
        }

        // Bind every parameter of the callee, explicit or defaulted, to a formula.
        var bound = new FormulaNode?[callee.Parameters.Length];
        bool ok = true;
        foreach (IArgumentOperation argument in operation.Arguments)
        {
            if (argument.Parameter is not { } parameter || parameter.Ordinal >= bound.Length)
            {
                ok = false;
                continue;
            }

            FormulaNode? node;
            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                node = parameter.ExplicitDefaultValue switch
                {
                    bool b => new BooleanConstantNode(b),
                    IConvertible c => new ConstantNode(c.ToDouble(System.Globalization.CultureInfo.InvariantCulture)),
                    _ => null,
                };
            }
            else if (argument.Syntax is ArgumentSyntax { RefKindKeyword.RawKind: 0 } syntax)
            {
                node = Parse(syntax.Expression, scope);
                node = node is null ? null
                    : parameter.Type.SpecialType == SpecialType.System_Boolean ? ExpectBoolean(node, syntax.Expression, scope)
                    : ExpectNumber(node, syntax.Expression, scope);
            }
            else
            {
                Report(scope, StubProblemKind.UnsupportedConstruct, argument.Syntax, "Pass stub arguments by value.");
                node = null;
            }

            ok &= node is not null;
            bound[parameter.Ordinal] = node;
        }

        if (!ok || bound.Any(b => b is null))
        {
            return null;
        }

        return SymbolEqualityComparer.Default.Equals(callee.ContainingAssembly, scope.Model.Compilation.Assembly)
            ? Inline(invocation, callee, bound!, scope, what)
            : CallExternal(invocation, callee, bound!, scope);
    }

    private FormulaNode? Inline(InvocationExpressionSyntax invocation, IMethodSymbol callee, FormulaNode[] arguments, Scope scope, string what)
    {
        if (callee.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_ct) is not MethodDeclarationSyntax { ExpressionBody: { } body } declaration)
        {
            Report(scope, StubProblemKind.UnsupportedConstruct, invocation,
                $"The {what} '{callee.Name}' cannot be inlined: it has no expression body (=> formula).");
            return null;
        }

        var environment = new Dictionary<IParameterSymbol, FormulaNode>(SymbolEqualityComparer.Default);
        for (int i = 0; i < arguments.Length; i++)
        {
            environment[callee.Parameters[i]] = arguments[i];
        }

        // The callee's own problems are reported on the callee; here the caller learns only that it cannot inline it.
        SemanticModel model = declaration.SyntaxTree == scope.Model.SyntaxTree
            ? scope.Model
            : scope.Model.Compilation.GetSemanticModel(declaration.SyntaxTree);
        var calleeScope = new Scope(model, environment, ImmutableArray.CreateBuilder<StubProblem>());
        _inlining.Add(callee);
        FormulaNode? result = Parse(body.Expression, calleeScope);
        _inlining.RemoveAt(_inlining.Count - 1);

        if (calleeScope.Problems.Count > 0 || result is null)
        {
            StubProblem? first = calleeScope.Problems.FirstOrDefault();
            Report(scope, first?.Kind == StubProblemKind.Recursion ? StubProblemKind.Recursion : StubProblemKind.UnsupportedConstruct, invocation,
                $"The {what} '{callee.Name}' cannot be inlined: {first?.Detail ?? "its formula is invalid."}");
            return null;
        }

        return result;
    }

    private FormulaNode? CallExternal(InvocationExpressionSyntax invocation, IMethodSymbol callee, FormulaNode[] arguments, Scope scope)
    {
        for (int i = 1; i < arguments.Length; i++)
        {
            if (arguments[i].DependsOnElement)
            {
                Report(scope, StubProblemKind.UnsupportedConstruct, invocation,
                    $"The parameter '{callee.Parameters[i].Name}' of '{callee.Name}' (compiled in another assembly) must not depend on the element: its vector overload takes it as a scalar.");
                return null;
            }
        }

        string type = callee.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        return new StubCallNode(type, callee.Name, arguments[0], arguments.Skip(1).ToImmutableArray().ToEquatableArray());
    }

    private static FormulaNode? ExpectNumber(FormulaNode? node, ExpressionSyntax at, Scope scope)
    {
        if (node is { IsBoolean: true })
        {
            Report(scope, StubProblemKind.UnsupportedConstruct, at, $"'{at}' is a boolean where a number is needed.");
            return null;
        }

        return node;
    }

    private static FormulaNode? ExpectBoolean(FormulaNode? node, ExpressionSyntax at, Scope scope)
    {
        if (node is { IsBoolean: false })
        {
            Report(scope, StubProblemKind.UnsupportedConstruct, at, $"'{at}' is a number where a boolean is needed.");
            return null;
        }

        return node;
    }
}
