using System;
using System.Linq;
using Activations.Generator.Formula;

namespace Activations.Generator.Emit;

/// <summary>
/// The one walk the formula rewrites share: a node that <c>replace</c> maps to a new node is swapped for it (the
/// callback sees a node before its children and recurses itself where it needs to); any other node is rebuilt
/// from its rewritten children and then passed through <c>rebuilt</c> (a local simplification, or nothing).
/// </summary>
internal static class FormulaRewriter
{
    public static FormulaNode Rewrite(FormulaNode node, Func<FormulaNode, FormulaNode?> replace, Func<FormulaNode, FormulaNode>? rebuilt = null)
    {
        if (replace(node) is { } replacement)
        {
            return replacement;
        }

        FormulaNode Walk(FormulaNode child) => Rewrite(child, replace, rebuilt);
        FormulaNode result = node switch
        {
            UnaryNode u => u with { Operand = Walk(u.Operand) },
            BinaryNode b => b with { Left = Walk(b.Left), Right = Walk(b.Right) },
            ConditionalNode c => new ConditionalNode(Walk(c.Condition), Walk(c.WhenTrue), Walk(c.WhenFalse)),
            CallNode call => call with { Arguments = EquatableArray.From(call.Arguments.Select(Walk).ToList()) },
            StubCallNode call => call with
            {
                Element = Walk(call.Element),
                Arguments = EquatableArray.From(call.Arguments.Select(Walk).ToList()),
            },
            _ => node,
        };
        return rebuilt is null ? result : rebuilt(result);
    }
}
