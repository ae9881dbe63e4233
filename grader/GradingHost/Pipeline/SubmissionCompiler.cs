using System.Text.Json;
using GradingHost.Protocol;
using GradingHost.Sandbox;

namespace GradingHost.Pipeline;

/// <summary>
/// Step 2: the worker's `compile` runs Roslyn on the sources inside the sandbox (a source built to crash or
/// exhaust the compiler takes only that process down), screens them and finds banned APIs. The host only
/// reads its JSON answer, defensively.
/// </summary>
public static class SubmissionCompiler
{
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(120);
    private const long MemoryLimit = 2L << 30;
    private const int TaskLimit = 64;
    private const int MaxReportBytes = 64 << 20;
    private const int MaxProblems = 20;
    private const string CouldNotCompile = "could not be compiled";

    public static CompileOutcome Compile(string workerDirectory, IReadOnlyList<string> bannedApis, string sourceDirectory, string workDirectory,
        GradingOptions options, string group)
    {
        var mode = options.Unsandboxed ? SandboxMode.None : SandboxMode.Bubblewrap;
        var (program, binds) = mode == SandboxMode.None
            ? (new List<string> { Sandbox.Sandbox.Dotnet, Path.Combine(workerDirectory, "Grader.Worker.dll"), "compile", sourceDirectory }, new List<ReadOnlyBind>())
            : ([Sandbox.Sandbox.Dotnet, "/worker/Grader.Worker.dll", "compile", "/src"], [new ReadOnlyBind(workerDirectory, "/worker"), new ReadOnlyBind(sourceDirectory, "/src")]);
        foreach (var api in bannedApis)
            program.AddRange(["--banned", api]);
        if (!options.ScreenSources)
            program.Add("--unscreened");
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = "/tmp",
            ["TMPDIR"] = "/tmp",
            ["DOTNET_ROOT"] = Sandbox.Sandbox.DotnetRoot,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_EnableDiagnostics"] = "0",
            // A compile lives a second: profiling its methods for a later re-JIT costs more than it returns.
            ["DOTNET_TieredPGO"] = "0",
            ["PATH"] = "/usr/bin:/bin",
        };

        using var process = Sandbox.Sandbox.Start(new SandboxSpec(program, binds, MemoryLimit, TaskLimit, environment), mode, group);
        process.Input.Close();
        var output = ReadCapped(process.Output);
        if (!process.WaitForExit(TimeLimit) || !output.Wait(TimeSpan.FromSeconds(5)))
        {
            process.Kill();
            return Failed($"Compiling your sources took longer than {TimeLimit.TotalSeconds:0} s, which no ordinary program does; look for extremely long or deeply nested expressions.");
        }
        var exit = process.Exit;
        if (exit.MemoryLimitHit)
            return Failed($"Compiling your sources needed more than {Sandbox.Sandbox.Describe(MemoryLimit)} of memory, which no ordinary program does; look for extremely long or deeply nested expressions.");
        if (exit.ExitCode != 0 || output.Result is null)
        {
            var overflow = process.ErrorTail.Contains("Stack overflow", StringComparison.Ordinal);
            return Failed(overflow
                ? "The compiler ran out of stack on your sources: an expression or statement is nested far too deeply."
                : $"The compiler stopped unexpectedly on your sources (exit code {exit.ExitCode}).");
        }

        CompileReport report;
        try
        {
            report = JsonSerializer.Deserialize<CompileReport>(output.Result) ?? throw new JsonException("empty report");
        }
        catch (JsonException)
        {
            return Failed("The compiler's answer could not be read.");
        }
        var problems = (report.Problems ?? []).Take(MaxProblems).Select(p => Clean(p ?? "")).ToList();
        if (report.Assembly is null)
            return new CompileOutcome(null, null, problems, string.IsNullOrEmpty(report.Failure) ? CouldNotCompile : Clean(report.Failure));

        var bin = Directory.CreateDirectory(Path.Combine(workDirectory, "bin")).FullName;
        var assembly = Path.Combine(bin, "Submission.dll");
        File.WriteAllBytes(assembly, report.Assembly);
        // The worker reads it as the sandbox's unprivileged user.
        File.SetUnixFileMode(assembly, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var uses = Path.Combine(workDirectory, "banned-api-uses.json");
        File.WriteAllText(uses, JsonSerializer.Serialize((report.BannedApiUses ?? []).Where(u => u is not null && bannedApis.Contains(u.Listed))
            .Select(u => new ApiUse(Clean(u.File ?? ""), u.Line, Clean(u.Api ?? ""), u.Listed)).ToList()));
        return new CompileOutcome(assembly, uses, []);
    }

    private static CompileOutcome Failed(string problem) => new(null, null, [problem], CouldNotCompile);

    /// <summary>Standard output to its end, kept up to <see cref="MaxReportBytes"/>: a larger answer is not a compile report (null).</summary>
    private static Task<byte[]?> ReadCapped(Stream output) => Task.Run(async () =>
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        var overflowed = false;
        int read;
        while ((read = await output.ReadAsync(chunk).ConfigureAwait(false)) > 0)
        {
            overflowed |= buffer.Length + read > MaxReportBytes;
            if (!overflowed)
                buffer.Write(chunk, 0, read);
        }
        return overflowed ? null : buffer.ToArray();
    });

    private static string Clean(string text) =>
        new(text.Take(WireLimits.MaxTextLength).Select(c => c == '\n' || !char.IsControl(c) ? c : ' ').ToArray());
}
