using GradingHost.Checks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;

namespace GradingHost.Pipeline;

/// <summary>Step 2: Roslyn compiles the submission against the contract (no msbuild per student) and screens it.</summary>
public static class SubmissionCompiler
{
    /// <summary>Distinct from the reference's assembly name, so the grader can load both.</summary>
    public const string AssemblyName = "Submission";

    private const int MaxProblemsShown = 10;
    private const string NotCompiled = "does not compile";

    public static CompileOutcome Compile(string sourceDirectory, string outputDirectory)
    {
        if (SubmissionCompilation.SourceFiles(sourceDirectory).Count == 0)
            return new CompileOutcome(null, ["The submission contains no .cs files."], NotCompiled);
        var compilation = SubmissionCompilation.Create(sourceDirectory, AssemblyName);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
            return new CompileOutcome(null, errors.Take(MaxProblemsShown).Select(Describe)
                .Concat(errors.Count > MaxProblemsShown ? [$"… and {errors.Count - MaxProblemsShown} more errors."] : []).ToList(), NotCompiled);

        var unsafeUses = ApiUsageScanner.Find(compilation, SafetyPolicy.Forbidden.ToList());
        if (unsafeUses.Count > 0)
            return new CompileOutcome(null, unsafeUses.Take(MaxProblemsShown)
                .Select(u => $"{u}: graded code may not use {u.Listed} (file, process, reflection and environment access are off limits).").ToList(),
                "uses APIs that graded code may not use, so it was not run");

        Directory.CreateDirectory(outputDirectory);
        var assemblyPath = Path.Combine(outputDirectory, AssemblyName + ".dll");
        using (var stream = File.Create(assemblyPath))
        {
            // An embedded PDB gives file and line numbers in the student's stack traces.
            var result = compilation.Emit(stream, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded));
            if (!result.Success)
                return new CompileOutcome(null, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(MaxProblemsShown).Select(Describe).ToList(), NotCompiled);
        }
        return new CompileOutcome(assemblyPath, []);
    }

    private static string Describe(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        var where = span.IsValid ? $"{span.Path}:line {span.StartLinePosition.Line + 1}" : "(no location)";
        return $"{where}: {d.Id}: {d.GetMessage()}";
    }
}
