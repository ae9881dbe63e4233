using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GradingHost.Worker.Compiling;

/// <summary>
/// The source screen: a courtesy that catches honest mistakes before anything runs, with a message the
/// student can act on. Graded code may use its own types and, from the libraries, only what
/// <see cref="AllowedApis"/> lists. It is not the security boundary; the sandbox is.
/// </summary>
public static class SourceScreen
{
    /// <returns>one line per refused use, "File.cs:line N: …"; empty when the code may run</returns>
    public static IReadOnlyList<string> Problems(CSharpCompilation compilation)
    {
        var refused = ApiUsageScanner.References(compilation)
            .Where(r => !Allowed(r.Symbol, r.Api))
            .Select(r => $"{r.File}:line {r.Line}: {r.Api} is not available to graded code");
        var constructs = compilation.SyntaxTrees.SelectMany(tree => tree.GetRoot().DescendantNodes()
            .Select(node => (node, what: Construct(node)))
            .Where(c => c.what is not null)
            .Select(c => $"{tree.FilePath}:line {c.node.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: {c.what} is not available to graded code"));
        return refused.Concat(constructs).Distinct().ToList();
    }

    private static bool Allowed(ISymbol? symbol, string api)
    {
        if (symbol is null)
            return false;
        if (symbol is ITypeParameterSymbol)
            return true;
        if (symbol is IArrayTypeSymbol array)
            return Allowed(array.ElementType, ApiUsageScanner.Describe(array.ElementType) ?? api);
        if (AllowedApis.Denied.Any(d => ApiUsageScanner.Names(d, api)))
            return false;
        var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
        if (type is null)
            return symbol is not IPointerTypeSymbol and not IFunctionPointerTypeSymbol && symbol is ITypeSymbol { SpecialType: not SpecialType.None };
        var outermost = type;
        while (outermost.ContainingType is not null)
            outermost = outermost.ContainingType;
        var ns = outermost.ContainingNamespace?.ToDisplayString() ?? "";
        if (ns.StartsWith("TorchSharp", StringComparison.Ordinal) && symbol is not ITypeSymbol && AllowedApis.DeniedTorchSharpMembers.Contains(symbol.Name))
            return false;
        // Naming a type (Console in Console.WriteLine) is allowed where one of its members is.
        if (AllowedApis.Members.Contains(api) || (symbol is ITypeSymbol && AllowedApis.Members.Any(m => m.StartsWith(api + ".", StringComparison.Ordinal))))
            return true;
        return AllowedApis.Namespaces.Contains(ns) || AllowedApis.Types.Contains(ApiUsageScanner.FullName(outermost));
    }

    /// <summary>Language constructs that reach below the type system, whatever they are applied to.</summary>
    private static string? Construct(SyntaxNode node) => node switch
    {
        MethodDeclarationSyntax m when m.Modifiers.Any(SyntaxKind.ExternKeyword) => "an extern method (native code)",
        LocalFunctionStatementSyntax f when f.Modifiers.Any(SyntaxKind.ExternKeyword) => "an extern function (native code)",
        MakeRefExpressionSyntax or RefTypeExpressionSyntax or RefValueExpressionSyntax => "__makeref, __reftype or __refvalue",
        _ when node.IsKind(SyntaxKind.ArgListExpression) => "__arglist",
        _ => null,
    };
}
