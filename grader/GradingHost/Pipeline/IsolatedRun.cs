using System.Diagnostics;
using System.Globalization;
using GradingHost.Checks;
using GradingHost.Sandbox;

namespace GradingHost.Pipeline;

/// <summary>
/// Step 3: the grader's checks run in a child process (a resident checker from the pipeline's
/// <see cref="CheckerPool"/>: trusted, it never loads the submission), which runs the submission in
/// sandboxed workers. Every wait is bounded by the time limit, and afterwards everything left in the
/// grading's cgroups is killed.
/// </summary>
public static class IsolatedRun
{
    /// <summary>The checker's own wind-down after its deadline (it stops calling into student code 5 s before it).</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(20);

    public static RunOutcome Run(CheckerPool checkers, string graderAssembly, string manifestPath, CompileOutcome compiled, string workerDirectory, string sourceDirectory, string profile,
        string workDirectory, string cacheDirectory, TimeSpan timeLimit, GradingOptions options, string group)
    {
        var resultsPath = Path.Combine(workDirectory, "checks.xml");
        File.Delete(resultsPath);
        var arguments = new List<string> { "-parallel", "none", "-noColor", "-noLogo", "-xml", resultsPath };
        // Training checks and the report's figures are the slow part; they follow a naming convention in every grader.
        if (options.FastChecksOnly)
            arguments.AddRange(["-class-", "*.TrainingChecks", "-class-", "*ForTheReport"]);
        var deadline = DateTimeOffset.UtcNow + timeLimit;
        var environment = new Dictionary<string, string?>
        {
            [SubmissionUnderTest.AssemblyVariable] = compiled.AssemblyPath,
            [SubmissionUnderTest.BannedApiUsesVariable] = compiled.BannedApiUses,
            [SubmissionUnderTest.SourcesVariable] = sourceDirectory,
            [SubmissionUnderTest.ProfileVariable] = profile,
            [SubmissionUnderTest.ArtifactsVariable] = Path.Combine(workDirectory, "artifacts"),
            [WorkerConnection.WorkerVariable] = workerDirectory,
            [WorkerConnection.GroupVariable] = group,
            [WorkerConnection.MemoryVariable] = options.MemoryLimitMegabytes.ToString(CultureInfo.InvariantCulture),
            [WorkerConnection.DeadlineVariable] = deadline.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            [Sandbox.Sandbox.Variable] = options.Unsandboxed ? "none" : "bubblewrap",
            [ArtifactCache.Variable] = cacheDirectory,
            [Checks.Manifest.ManifestLocation.Variable] = manifestPath,
        };

        var clock = Stopwatch.StartNew();
        var checker = checkers.Rent(graderAssembly);
        try
        {
            // The checker stops calling into student code before its deadline; past the grace it is stuck itself.
            var (completed, timedOut, exitCode, tail) = checker.Run(arguments, environment, timeLimit + Grace, options.Progress);
            if (!completed && !timedOut && !checker.Answered)
            {
                // It died before it started on this student (between gradings, say): no reason to charge them; once more, on a fresh one.
                checkers.Return(checker);
                checker = checkers.Rent(graderAssembly);
                (completed, timedOut, exitCode, tail) = checker.Run(arguments, environment, (deadline + Grace - DateTimeOffset.UtcNow).Duration(), options.Progress);
            }
            return new RunOutcome(
                completed && File.Exists(resultsPath) ? resultsPath : null,
                // The checker stops calling student code a margin before its deadline: finishing past that means the limit cut checks short.
                timedOut || DateTimeOffset.UtcNow > deadline - WorkerConnection.DeadlineMargin - TimeSpan.FromSeconds(1),
                exitCode,
                tail,
                clock.Elapsed.TotalSeconds);
        }
        finally
        {
            checkers.Return(checker);
            // The checker stops its worker when the grading ends; this reaches anything left regardless.
            Cgroup.RemoveGroup(group);
        }
    }
}
