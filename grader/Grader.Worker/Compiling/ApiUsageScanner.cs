using GradingHost.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GradingHost.Worker.Compiling;

/// <summary>
/// Finds uses of APIs by what each name binds to (Roslyn's semantic model), not by text: an alias, a
/// using static or a fully qualified call are all found, and a comment or a local variable that happens
/// to share a name is not.
/// </summary>
public static class ApiUsageScanner
{
    /// <param name="listed">namespaces, types or members, e.g. "System.Reflection", "TorchSharp.torch.nn.functional.scaled_dot_product_attention"</param>
    public static IReadOnlyList<ApiUse> Find(CSharpCompilation compilation, IReadOnlyCollection<string> listed) =>
        References(compilation)
            .Select(r => (r.File, r.Line, r.Api, Match: listed.FirstOrDefault(l => Names(l, r.Api))))
            .Where(r => r.Match is not null)
            .Select(r => new ApiUse(r.File, r.Line, r.Api, r.Match!))
            .DistinctBy(u => (u.File, u.Line, u.Api))
            .ToList();

    /// <summary>Whether <paramref name="listed"/> is <paramref name="api"/> or a namespace or type that contains it.</summary>
    public static bool Names(string listed, string api) =>
        api == listed || api.StartsWith(listed + ".", StringComparison.Ordinal);

    /// <summary>
    /// Every symbol a name, constructor call or attribute in the sources binds to, outside the submission's
    /// own declarations, with its full name ("Namespace.Type.Member"); "dynamic" for a dynamic expression.
    /// </summary>
    public static IEnumerable<(string File, int Line, ISymbol? Symbol, string Api)> References(CSharpCompilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            // A using directive names a namespace without using anything from it.
            foreach (var node in tree.GetRoot().DescendantNodes(n => n is not UsingDirectiveSyntax))
            {
                if (node is not (IdentifierNameSyntax or GenericNameSyntax or ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax or AttributeSyntax))
                    continue;
                var line = node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                if (node is IdentifierNameSyntax && model.GetTypeInfo(node).Type is IDynamicTypeSymbol)
                {
                    yield return (tree.FilePath, line, null, "dynamic");
                    continue;
                }
                var symbol = model.GetSymbolInfo(node).Symbol;
                if (symbol is IAliasSymbol alias)
                    symbol = alias.Target;
                if (symbol is null || SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, compilation.Assembly))
                    continue;
                if (Describe(symbol) is { } api)
                    yield return (tree.FilePath, line, symbol, api);
            }
        }
    }

    /// <summary>A symbol's full name: "Namespace.Type.Member", with constructors named by their type; null for names that use nothing (locals, namespaces).</summary>
    public static string? Describe(ISymbol symbol) => symbol switch
    {
        IMethodSymbol { MethodKind: MethodKind.Constructor } ctor => FullName(ctor.ContainingType),
        IMethodSymbol { ReducedFrom: { } extension } => Describe(extension),
        INamespaceSymbol or ITypeParameterSymbol => null,
        IArrayTypeSymbol array => Describe(array.ElementType),
        INamedTypeSymbol type => FullName(type),
        ITypeSymbol other => other.ToDisplayString(),
        { ContainingType: { } owner } => $"{FullName(owner)}.{symbol.Name}",
        _ => null,
    };

    /// <summary>"Namespace.Outer.Inner", generic types by their metadata name ("System.Func`2"), so that every arity is its own entry.</summary>
    public static string FullName(INamedTypeSymbol type)
    {
        var definition = type.OriginalDefinition;
        var name = definition.MetadataName;
        return definition.ContainingType is { } outer
            ? $"{FullName(outer)}.{name}"
            : definition.ContainingNamespace is { IsGlobalNamespace: false } ns ? $"{ns.ToDisplayString()}.{name}" : name;
    }
}
