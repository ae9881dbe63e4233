using GradingHost.Checks;
using GradingHost.Checks.Manifest;
using GradingHost.Report;
using GradingHost.Rubric;
using GradingHost.Sandbox;

namespace GradingHost.Pipeline;

/// <summary>
/// submission → compile → run in a sandbox → rubric → report, for one submission at a time (several at
/// once when called in parallel). Its resident checkers (<see cref="Checkers"/>) serve every grading it runs.
/// </summary>
public sealed class GradingPipeline(RepositoryLayout layout) : IDisposable
{
    public static string Version => typeof(GradingPipeline).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private static int _gradings;

    public CheckerPool Checkers { get; } = new();

    public void Dispose() => Checkers.Dispose();

    /// <summary>
    /// Grades and writes results.json and feedback.pdf to <paramref name="outDirectory"/>, whatever the
    /// submission does. Only a mistake in the invocation (unknown profile, no sandbox, a path that does not
    /// exist) throws <see cref="UserError"/> instead.
    /// </summary>
    /// <param name="student">the name the report gives the student; the submission's folder or file name when null</param>
    public GradeReport Grade(AssignmentManifest manifest, string submission, string outDirectory, string profile, GradingOptions? options = null, string? student = null)
    {
        options ??= GradingOptions.Default;
        var started = DateTimeOffset.UtcNow;
        // The checker runs in a child process with its own working directory, so every path handed on must be absolute.
        outDirectory = Path.GetFullPath(outDirectory);
        if (manifest.WhyNotGradable(profile) is { } notGradable)
            throw new UserError(notGradable);
        if (profile != Course.Kit.TrainingProfile.Cpu.Name)
            throw new UserError($"Grading with the {profile} profile needs the student's sandboxed worker to train on a GPU, and the sandbox binds no GPU device " +
                                "yet (README, \"Profiles and their bars\"): their model would train on the CPU for hours, against a bar measured on a GPU. Grade with the cpu profile.");
        if (!options.Unsandboxed && Sandbox.Sandbox.WhyUnavailable is { } why)
            throw new UserError($"Student code runs only inside a sandbox, and none can be made here: {why}. " +
                                "Grade as root with bubblewrap installed (./grader/scripts/setup-sandbox.sh does it), or pass --unsandboxed to grade your own code on your own machine.");
        var workerDirectory = layout.WorkerDirectory;
        var graderAssembly = layout.GraderAssembly(manifest);
        Directory.CreateDirectory(outDirectory);
        var work = Path.Combine(outDirectory, ".work");
        if (Directory.Exists(work))
            Directory.Delete(work, recursive: true);
        Directory.CreateDirectory(work);
        var artifacts = Path.Combine(work, "artifacts");
        var group = $"g{Environment.ProcessId}-{Interlocked.Increment(ref _gradings)}-{Guid.NewGuid():N}"[..32];
        var limit = options.TimeLimit ?? TimeSpan.FromSeconds(manifest.TimeLimitSeconds);

        var named = student is not null;
        student ??= Path.GetFileNameWithoutExtension(Path.TrimEndingDirectorySeparator(submission));
        IReadOnlyList<ItemResult> items;
        IReadOnlyDictionary<string, CheckOutcome> checks = new Dictionary<string, CheckOutcome>();
        var summary = "";
        var internalError = false;
        double compileSeconds = 0, checkSeconds = 0;
        var timedOut = false;
        try
        {
            var (sources, name) = SubmissionSource.Resolve(submission, manifest, layout, work);
            if (!named)
                student = name;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var compiled = SubmissionCompiler.Compile(workerDirectory, manifest.BannedApis.Select(b => b.Api).ToList(), sources, work, options, group);
            compileSeconds = clock.Elapsed.TotalSeconds;
            if (!compiled.Succeeded)
            {
                summary = $"Your submission could not be graded: it {compiled.Failure}.\n" + string.Join("\n", compiled.Problems);
                items = Scorer.NothingRan(manifest, $"Not graded: the submission {compiled.Failure} (the summary gives file and line).");
            }
            else
            {
                var run = IsolatedRun.Run(Checkers, graderAssembly, layout.ManifestPath(manifest.Id), compiled, workerDirectory, sources, profile, work, layout.CacheDirectory, limit, options, group);
                checkSeconds = run.Seconds;
                timedOut = run.TimedOut;
                var outcomes = run.ResultsXml is null ? null : CheckResults.TryRead(run.ResultsXml);
                if (outcomes is null)
                {
                    var cause = run.TimedOut
                        ? $"the checks did not finish within the time limit of {limit.TotalSeconds:0} s (an endless loop, or training far slower than it should be)"
                        : $"the grader stopped unexpectedly (exit code {run.ExitCode}); the last lines it printed: {LastLines(run.OutputTail, 5)}";
                    summary = $"Your submission compiled, but grading could not finish: {cause}.";
                    items = Scorer.NothingRan(manifest, $"Not graded: {cause}.");
                    internalError = !run.TimedOut;
                }
                else
                {
                    items = Scorer.Score(manifest, outcomes);
                    checks = outcomes;
                    if (run.TimedOut)
                        summary = $"Grading reached its time limit of {limit.TotalSeconds:0} s: checks that could not run in time earned nothing.";
                }
            }
        }
        catch (SubmissionRefused e)
        {
            summary = $"Your submission could not be graded: {e.Message}";
            items = Scorer.NothingRan(manifest, $"Not graded: {e.Message}");
        }
        catch (Exception e) when (e is not UserError)
        {
            internalError = true;
            summary = $"The grader failed on this submission ({e.GetType().Name}: {e.Message.Split('\n')[0]}); no points could be awarded. Please tell your instructor.";
            items = Scorer.NothingRan(manifest, "Not graded: the grader failed (see the summary).");
        }
        finally
        {
            Cgroup.RemoveGroup(group);
        }

        var isolation = options.Unsandboxed
            ? "none (--unsandboxed): the code ran as this user, without a sandbox"
            : $"bubblewrap sandbox: no network, unprivileged user, private /tmp, {Sandbox.Sandbox.Describe(options.MemoryLimitMegabytes * (1L << 20))} memory, {WorkerConnection.TaskLimit} tasks";
        var lost = items.Where(i => i.Earned < i.Possible).ToList();
        var headline = $"Score {GradeReport.Describe(items)}. " + (lost.Count == 0
            ? "Every rubric item passed."
            : $"Points were lost on: {string.Join(", ", lost.Select(i => i.Label))}. Each item below says what went wrong and where to look.");
        if (options.Unsandboxed)
            headline += " Graded with --unsandboxed: no sandbox confined the code, so this grade is for the student's own information only.";
        var report = new GradeReport(student, manifest.Id, manifest.Title, profile, Version, started,
            (DateTimeOffset.UtcNow - started).TotalSeconds, summary.Length > 0 ? summary + "\n" + headline : headline, isolation,
            items,
            ReportArtifacts.ReadList<ReportMeasurement>(artifacts, ReportArtifacts.MeasurementsFile),
            ReportArtifacts.ReadOne<AttentionPattern>(artifacts, ReportArtifacts.AttentionFile),
            ReportArtifacts.ReadList<ReportFigure>(artifacts, ReportArtifacts.FiguresFile),
            internalError)
        {
            Phases = new PhaseTimes(compileSeconds, checkSeconds),
            Outcomes = checks,
            TimedOut = timedOut,
        };
        GradescopeResults.Write(report, Path.Combine(outDirectory, "results.json"));
        FeedbackPdf.Write(report, Path.Combine(outDirectory, "feedback.pdf"));
        return report;
    }

    private static string LastLines(string text, int count) =>
        string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(count));
}
