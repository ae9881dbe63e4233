using GradingHost.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;

namespace GradingHost.Worker.Compiling;

/// <summary>Roslyn compiles the submission against the contract (no msbuild per student), screens it and finds banned APIs.</summary>
public static class SubmissionCompiler
{
    /// <summary>Distinct from the reference's assembly names, so nothing can mistake one for the other.</summary>
    public const string AssemblyName = "Submission";

    private const int MaxProblemsShown = 10;
    private const string NotCompiled = "does not compile";

    public static CompileReport Compile(string sourceDirectory, IReadOnlyCollection<string> bannedApis, bool screen)
    {
        if (SubmissionCompilation.SourceFiles(sourceDirectory).Count == 0)
            return Refused(NotCompiled, ["The submission contains no .cs files."]);
        var compilation = SubmissionCompilation.Create(sourceDirectory, AssemblyName);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
            return Refused(NotCompiled, errors.Select(Describe).ToList());

        if (screen && SourceScreen.Problems(compilation) is { Count: > 0 } refused)
            return Refused("uses APIs that graded code may not use, so it was not run",
                [.. refused, $"(Why: {AllowedApis.Summary}.)"]);

        using var stream = new MemoryStream();
        // An embedded PDB gives file and line numbers in the student's stack traces.
        var result = compilation.Emit(stream, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded));
        if (!result.Success)
            return Refused(NotCompiled, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(Describe).ToList());
        return new CompileReport(stream.ToArray(), "", [], ApiUsageScanner.Find(compilation, bannedApis));
    }

    private static CompileReport Refused(string failure, IReadOnlyList<string> problems) =>
        new(null, failure, problems.Take(MaxProblemsShown)
            .Concat(problems.Count > MaxProblemsShown ? [$"… and {problems.Count - MaxProblemsShown} more."] : []).ToList(), []);

    private static string Describe(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        var where = span.IsValid ? $"{span.Path}:line {span.StartLinePosition.Line + 1}" : "(no location)";
        return $"{where}: {d.Id}: {d.GetMessage()}";
    }
}
