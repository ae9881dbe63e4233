using System.Diagnostics;
using System.Globalization;
using System.Text;
using GradingHost.Checks;
using GradingHost.Sandbox;

namespace GradingHost.Pipeline;

/// <summary>
/// Step 3: the grader's checks run in a child process (the checker: trusted, it never loads the
/// submission), which runs the submission in sandboxed workers. Every wait is bounded by the time limit,
/// and afterwards everything left in the grading's cgroups is killed.
/// </summary>
public static class IsolatedRun
{
    private const int OutputTailChars = 4_000;

    /// <summary>The checker's own wind-down after its deadline (it stops calling into student code 5 s before it).</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(20);

    public static RunOutcome Run(string graderAssembly, CompileOutcome compiled, string workerDirectory, string sourceDirectory, string profile,
        string workDirectory, string cacheDirectory, TimeSpan timeLimit, GradingOptions options, string group)
    {
        var resultsPath = Path.Combine(workDirectory, "checks.xml");
        File.Delete(resultsPath);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { graderAssembly, "-parallel", "none", "-noColor", "-noLogo", "-xml", resultsPath })
            start.ArgumentList.Add(argument);
        // Training checks and the report's figures are the slow part; they follow a naming convention in every grader.
        if (options.FastChecksOnly)
            foreach (var argument in new[] { "-class-", "*.TrainingChecks", "-class-", "*ForTheReport" })
                start.ArgumentList.Add(argument);
        var deadline = DateTimeOffset.UtcNow + timeLimit;
        start.Environment[SubmissionUnderTest.AssemblyVariable] = compiled.AssemblyPath;
        start.Environment[SubmissionUnderTest.BannedApiUsesVariable] = compiled.BannedApiUses;
        start.Environment[SubmissionUnderTest.SourcesVariable] = sourceDirectory;
        start.Environment[SubmissionUnderTest.ProfileVariable] = profile;
        start.Environment[SubmissionUnderTest.ArtifactsVariable] = Path.Combine(workDirectory, "artifacts");
        start.Environment[WorkerConnection.WorkerVariable] = workerDirectory;
        start.Environment[WorkerConnection.GroupVariable] = group;
        start.Environment[WorkerConnection.MemoryVariable] = options.MemoryLimitMegabytes.ToString(CultureInfo.InvariantCulture);
        start.Environment[WorkerConnection.DeadlineVariable] = deadline.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        start.Environment[Sandbox.Sandbox.Variable] = options.Unsandboxed ? "none" : "bubblewrap";
        start.Environment[ArtifactCache.Variable] = cacheDirectory;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // A checker lives seconds: profiling its methods for a later re-JIT costs more than it returns (about 0.5 s of CPU a grading).
        start.Environment["DOTNET_TieredPGO"] = "0";
        // The checker trains the reference models: keep freed activations instead of returning them to the kernel each step.
        start.Environment["MALLOC_MMAP_THRESHOLD_"] = (64 << 20).ToString(CultureInfo.InvariantCulture);
        start.Environment["MALLOC_TRIM_THRESHOLD_"] = (128 << 20).ToString(CultureInfo.InvariantCulture);

        var output = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        try
        {
            process.Start();
            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            // The checker stops calling into student code before its deadline; past the grace it is stuck itself.
            var finished = process.WaitForExit(timeLimit + Grace);
            if (!finished)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(10));
            }
            string tail;
            lock (output)
                tail = output.Length > OutputTailChars ? output.ToString(output.Length - OutputTailChars, OutputTailChars) : output.ToString();
            return new RunOutcome(
                finished && File.Exists(resultsPath) ? resultsPath : null,
                // The checker stops calling student code a margin before its deadline: finishing past that means the limit cut checks short.
                !finished || DateTimeOffset.UtcNow > deadline - WorkerConnection.DeadlineMargin - TimeSpan.FromSeconds(1),
                finished ? process.ExitCode : null,
                tail,
                clock.Elapsed.TotalSeconds);
        }
        finally
        {
            // Workers die with the checker (bubblewrap's --die-with-parent); this reaches anything left regardless.
            Cgroup.RemoveGroup(group);
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
            return;
        lock (output)
        {
            output.AppendLine(line);
            if (output.Length > 16 * OutputTailChars)
                output.Remove(0, output.Length - OutputTailChars);
        }
    }
}
