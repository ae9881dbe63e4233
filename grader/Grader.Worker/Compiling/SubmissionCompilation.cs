using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GradingHost.Worker.Compiling;

/// <summary>
/// A submission's .cs files as one Roslyn compilation against the contract: the .NET framework,
/// TorchSharp and the course kit, and nothing else (so it cannot see the reference).
/// </summary>
public static class SubmissionCompilation
{
    /// <summary>The .cs files under a folder, outside bin/, obj/ and hidden folders, never through a link.</summary>
    public static IReadOnlyList<string> SourceFiles(string directory) =>
        Directory.EnumerateFiles(directory, "*.cs", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Where(f => !Path.GetRelativePath(directory, f).Split(Path.DirectorySeparatorChar)
                .Any(part => part is "bin" or "obj" || part.StartsWith('.')))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static CSharpCompilation Create(string directory, string assemblyName)
    {
        var trees = SourceFiles(directory).Select(path =>
            CSharpSyntaxTree.ParseText(File.ReadAllText(path), Options, path: Path.GetRelativePath(directory, path), encoding: System.Text.Encoding.UTF8))
            .Append(CSharpSyntaxTree.ParseText(string.Concat(ImplicitUsings.Select(u => $"global using global::{u};\n")), Options, path: "ImplicitUsings.g.cs", encoding: System.Text.Encoding.UTF8));
        return CSharpCompilation.Create(assemblyName, trees, References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                optimizationLevel: OptimizationLevel.Release,
                allowUnsafe: false));
    }

    private static readonly CSharpParseOptions Options = new(LanguageVersion.Latest);

    /// <summary>The SDK's implicit usings for a console/library project, which students' IDEs assume.</summary>
    private static readonly string[] ImplicitUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
    {
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator);
        var framework = trusted.Where(p => Path.GetDirectoryName(p) == Path.GetDirectoryName(typeof(object).Assembly.Location));
        string[] contract = [typeof(TorchSharp.torch).Assembly.Location, typeof(Course.Kit.TransformerConfig).Assembly.Location];
        return framework.Concat(contract).Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
    });
}
