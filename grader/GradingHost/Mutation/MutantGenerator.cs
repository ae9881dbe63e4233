using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GradingHost.Mutation;

/// <summary>
/// Generates mutants of a reference file with Roslyn: the operators the research on autograders uses
/// (Clegg et al.), adapted to tensor code. Arithmetic and comparison operators are swapped, an operand of
/// + or * is dropped (a residual, a scale), constants move (1/√d dropped, −∞ becomes 0), axis arguments
/// shift, calls that return their receiver's type are dropped (a transpose, a mask), statements are
/// deleted and two-argument calls swapped. Messages, attributes and nameof are left alone.
/// </summary>
public static class MutantGenerator
{
    public static IReadOnlyList<Mutant> Generate(string file, SyntaxTree tree, SemanticModel model)
    {
        var mutants = new List<Mutant>();
        var root = tree.GetRoot();
        void Add(SyntaxNode node, string op, string replacement) => Add2(node.Span.Start, node.Span.Length, node.ToString(), op, replacement, node);
        void Add2(int start, int length, string original, string op, string replacement, SyntaxNode at)
        {
            if (original != replacement)
                mutants.Add(new Mutant(file, at.GetLocation().GetLineSpan().StartLinePosition.Line + 1, op, original, replacement, start, length));
        }

        foreach (var node in root.DescendantNodes(n => !Skipped(n)))
        {
            switch (node)
            {
                case BinaryExpressionSyntax binary when Swapped(binary.Kind()) is { } swapped:
                    Add2(binary.OperatorToken.Span.Start, binary.OperatorToken.Span.Length, binary.OperatorToken.Text,
                        IsComparison(binary.Kind()) ? "comparison" : binary.Kind() is SyntaxKind.LogicalAndExpression or SyntaxKind.LogicalOrExpression ? "logic" : "arithmetic", swapped, binary);
                    if (binary.Kind() is SyntaxKind.AddExpression or SyntaxKind.MultiplyExpression or SyntaxKind.DivideExpression)
                    {
                        Add(binary, "dropped operand", binary.Left.ToString());
                        if (binary.Kind() != SyntaxKind.DivideExpression)
                            Add(binary, "dropped operand", binary.Right.ToString());
                    }
                    break;
                case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression, Operand: LiteralExpressionSyntax literal } negative
                    when literal.Token.Value is int n:
                    Add(negative, AxisOrConstant(negative), (-n - 1).ToString(CultureInfo.InvariantCulture));
                    Add(negative, AxisOrConstant(negative), n.ToString(CultureInfo.InvariantCulture));
                    break;
                case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not:
                    Add(not, "logic", not.Operand.ToString());
                    break;
                case LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } literal when literal.Parent is not PrefixUnaryExpressionSyntax:
                    foreach (var replacement in NumericReplacements(literal.Token.Value))
                        Add(literal, AxisOrConstant(literal), replacement);
                    break;
                case MemberAccessExpressionSyntax member when member.ToString() is "double.NegativeInfinity":
                    Add(member, "constant", "0.0");
                    break;
                case InvocationExpressionSyntax invocation:
                    Invocation(invocation, model, Add);
                    break;
                case ExpressionStatementSyntax statement:
                    Add(statement, "deleted statement", ";");
                    break;
            }
        }
        // Two identical edits on one line (the same literal twice) get told apart by their order.
        return mutants.GroupBy(m => m.Id).SelectMany(same => same.OrderBy(m => m.Start).Select((m, i) => m with { Occurrence = i + 1 })).OrderBy(m => m.Start).ToList();
    }

    private static void Invocation(InvocationExpressionSyntax invocation, SemanticModel model, Action<SyntaxNode, string, string> add)
    {
        var arguments = invocation.ArgumentList.Arguments;
        if (invocation.Expression.ToString() == "Math.Sqrt" && arguments.Count == 1)
            add(invocation, "constant", $"({arguments[0]})");
        // A call that returns its receiver's type can be left out: x.transpose(1, 2), x.triu(1), x.softmax(-1).
        if (invocation.Expression is MemberAccessExpressionSyntax access
            && model.GetSymbolInfo(invocation).Symbol is IMethodSymbol { IsStatic: false } method
            && model.GetTypeInfo(access.Expression).Type is { } receiver
            && SymbolEqualityComparer.Default.Equals(method.ReturnType, receiver))
            add(invocation, "dropped call", access.Expression.ToString());
        if (arguments.Count == 2 && arguments[0].NameColon is null && arguments[1].NameColon is null && arguments[0].ToString() != arguments[1].ToString())
            add(invocation.ArgumentList, "swapped arguments", $"({arguments[1]}, {arguments[0]})");
    }

    private static IEnumerable<string> NumericReplacements(object? value) => value switch
    {
        int n when n == 0 => ["1"],
        int n => [(n + 1).ToString(CultureInfo.InvariantCulture), "0"],
        double x when x == 0 => ["1.0"],
        double x => [(x * 2).ToString("R", CultureInfo.InvariantCulture), "0.0"],
        _ => [],
    };

    /// <summary>An integer argument of a call is an axis or a count (softmax(-1), triu(1)); anywhere else a constant.</summary>
    private static string AxisOrConstant(ExpressionSyntax literal) =>
        literal.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax } } && literal.ToString().TrimStart('-').All(char.IsDigit)
            ? "axis"
            : "constant";

    private static bool Skipped(SyntaxNode node) =>
        node is AttributeListSyntax or InterpolatedStringExpressionSyntax or ThrowStatementSyntax or ThrowExpressionSyntax
        || (node is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.Text: "nameof" } });

    private static string? Swapped(SyntaxKind kind) => kind switch
    {
        SyntaxKind.AddExpression => "-",
        SyntaxKind.SubtractExpression => "+",
        SyntaxKind.MultiplyExpression => "/",
        SyntaxKind.DivideExpression => "*",
        SyntaxKind.LessThanExpression => "<=",
        SyntaxKind.LessThanOrEqualExpression => "<",
        SyntaxKind.GreaterThanExpression => ">=",
        SyntaxKind.GreaterThanOrEqualExpression => ">",
        SyntaxKind.EqualsExpression => "!=",
        SyntaxKind.NotEqualsExpression => "==",
        SyntaxKind.LogicalAndExpression => "||",
        SyntaxKind.LogicalOrExpression => "&&",
        _ => null,
    };

    private static bool IsComparison(SyntaxKind kind) =>
        kind is SyntaxKind.LessThanExpression or SyntaxKind.LessThanOrEqualExpression or SyntaxKind.GreaterThanExpression
            or SyntaxKind.GreaterThanOrEqualExpression or SyntaxKind.EqualsExpression or SyntaxKind.NotEqualsExpression;
}
