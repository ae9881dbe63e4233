using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GradingHost.Checks;

/// <summary>
/// Finds uses of listed APIs by what each name binds to (Roslyn's semantic model), not by text: an
/// alias, a using static or a fully qualified call are all found, and a comment or a local variable
/// that happens to share a name is not.
/// </summary>
public static class ApiUsageScanner
{
    /// <param name="listed">namespaces, types or members, e.g. "System.Reflection", "TorchSharp.torch.nn.functional.scaled_dot_product_attention"</param>
    public static IReadOnlyList<ApiUse> Find(CSharpCompilation compilation, IReadOnlyCollection<string> listed)
    {
        var uses = new List<ApiUse>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            // A using directive names a namespace without using anything from it.
            foreach (var node in tree.GetRoot().DescendantNodes(n => n is not UsingDirectiveSyntax))
            {
                var api = node switch
                {
                    IdentifierNameSyntax or GenericNameSyntax => Describe(model.GetSymbolInfo(node).Symbol),
                    ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax => Describe(model.GetSymbolInfo(node).Symbol),
                    _ => null,
                };
                if (node is IdentifierNameSyntax && model.GetTypeInfo(node).Type is IDynamicTypeSymbol)
                    api = "dynamic";
                if (api is null)
                    continue;
                var match = listed.FirstOrDefault(l => api == l || api.StartsWith(l + ".", StringComparison.Ordinal));
                if (match is not null)
                    uses.Add(new ApiUse(tree.FilePath, node.GetLocation().GetLineSpan().StartLinePosition.Line + 1, api, match));
            }
        }
        return uses.DistinctBy(u => (u.File, u.Line, u.Api)).ToList();
    }

    /// <summary>A symbol's full name: "Namespace.Type.Member", with constructors named by their type.</summary>
    private static string? Describe(ISymbol? symbol) => symbol switch
    {
        null => null,
        IMethodSymbol { MethodKind: MethodKind.Constructor } ctor => FullName(ctor.ContainingType),
        IMethodSymbol { ReducedFrom: { } extension } => Describe(extension),
        INamespaceOrTypeSymbol type => FullName(type),
        { ContainingType: { } owner } => $"{FullName(owner)}.{symbol.Name}",
        _ => null,
    };

    private static string FullName(INamespaceOrTypeSymbol symbol) =>
        symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted)
            .WithGenericsOptions(SymbolDisplayGenericsOptions.None));
}
