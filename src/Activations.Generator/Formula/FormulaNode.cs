namespace Activations.Generator.Formula;

/// <summary>
/// A node of the formula IR: the expression tree a stub's body becomes. Nodes are records, so two trees are
/// equal when their shapes and values are, which is what the incremental pipeline and common-subexpression
/// elimination both rely on. A node is either a number or a boolean (<see cref="IsBoolean"/>).
/// </summary>
internal abstract record FormulaNode
{
    /// <summary>Whether the node yields a boolean (a comparison, a logical operator, a bool parameter or literal).</summary>
    public abstract bool IsBoolean { get; }

    /// <summary>The number of nodes in the tree below and including this one (shared subtrees counted each time), saturating.</summary>
    public abstract int Size { get; }

    /// <summary>Whether the node depends on the element (the stub's first parameter); a node that does not is uniform across a span.</summary>
    public abstract bool DependsOnElement { get; }

    protected static int Add(int a, int b) => a > int.MaxValue / 4 || b > int.MaxValue / 4 ? int.MaxValue / 2 : a + b;
}

/// <summary>A numeric literal or <see langword="const"/>.</summary>
internal sealed record ConstantNode(double Value) : FormulaNode
{
    public override bool IsBoolean => false;
    public override int Size => 1;
    public override bool DependsOnElement => false;
}

/// <summary>A <see langword="true"/> or <see langword="false"/> literal, or a bool parameter once specialized.</summary>
internal sealed record BooleanConstantNode(bool Value) : FormulaNode
{
    public override bool IsBoolean => true;
    public override int Size => 1;
    public override bool DependsOnElement => false;
}

/// <summary>The element the activation is applied to (the stub's first parameter).</summary>
internal sealed record ElementNode : FormulaNode
{
    public override bool IsBoolean => false;
    public override int Size => 1;
    public override bool DependsOnElement => true;
}

/// <summary>A scalar parameter of the stub, by its position after the element.</summary>
internal sealed record ParameterNode(int Index, string Name, bool IsSwitch) : FormulaNode
{
    public override bool IsBoolean => IsSwitch;
    public override int Size => 1;
    public override bool DependsOnElement => false;
}

/// <summary>Negation of a number or logical not of a boolean.</summary>
internal sealed record UnaryNode(UnaryOperator Operator, FormulaNode Operand) : FormulaNode
{
    public override bool IsBoolean => Operator == UnaryOperator.Not;
    public override int Size { get; } = Add(1, Operand.Size);
    public override bool DependsOnElement { get; } = Operand.DependsOnElement;
}

/// <summary>An arithmetic, comparison or logical operator.</summary>
internal sealed record BinaryNode(BinaryOperator Operator, FormulaNode Left, FormulaNode Right) : FormulaNode
{
    public override bool IsBoolean => Operator.IsBoolean();
    public override int Size { get; } = Add(1, Add(Left.Size, Right.Size));
    public override bool DependsOnElement { get; } = Left.DependsOnElement || Right.DependsOnElement;
}

/// <summary><c>condition ? whenTrue : whenFalse</c>; in vector code, a select.</summary>
internal sealed record ConditionalNode(FormulaNode Condition, FormulaNode WhenTrue, FormulaNode WhenFalse) : FormulaNode
{
    public override bool IsBoolean => WhenTrue.IsBoolean;
    public override int Size { get; } = Add(1, Add(Condition.Size, Add(WhenTrue.Size, WhenFalse.Size)));
    public override bool DependsOnElement { get; } = Condition.DependsOnElement || WhenTrue.DependsOnElement || WhenFalse.DependsOnElement;
}

/// <summary>A call to a math primitive (<c>Math.Exp</c>, <c>VectorMath.Erfc</c>, …).</summary>
internal sealed record CallNode(Primitive Function, EquatableArray<FormulaNode> Arguments) : FormulaNode
{
    public override bool IsBoolean => false;
    public override int Size { get; } = SumSizes(Arguments);
    public override bool DependsOnElement { get; } = AnyDependsOnElement(Arguments);

    internal static int SumSizes(EquatableArray<FormulaNode> nodes)
    {
        int size = 1;
        foreach (FormulaNode node in nodes)
        {
            size = Add(size, node.Size);
        }

        return size;
    }

    internal static bool AnyDependsOnElement(EquatableArray<FormulaNode> nodes)
    {
        foreach (FormulaNode node in nodes)
        {
            if (node.DependsOnElement)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// A call to an <c>[Activation]</c> stub compiled in another assembly (a built-in, for a user's stub). It is
/// lowered to a call of that stub's generated vector overload of the same element type; its parameters'
/// arguments (<see cref="Arguments"/>, in the callee's order) never depend on the element.
/// </summary>
/// <param name="ContainingType">The callee's type, fully qualified with <c>global::</c>.</param>
/// <param name="MethodName">The callee's name.</param>
/// <param name="Element">The argument for the callee's element.</param>
/// <param name="Arguments">The arguments for the callee's scalar parameters, every one given.</param>
internal sealed record StubCallNode(string ContainingType, string MethodName, FormulaNode Element, EquatableArray<FormulaNode> Arguments) : FormulaNode
{
    public override bool IsBoolean => false;
    public override int Size { get; } = Add(Element.Size, CallNode.SumSizes(Arguments));
    public override bool DependsOnElement { get; } = Element.DependsOnElement || CallNode.AnyDependsOnElement(Arguments);
}
