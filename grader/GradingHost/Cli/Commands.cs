using GradingHost.Batch;
using GradingHost.Calibration;
using GradingHost.Distribution;
using GradingHost.Mutation;
using GradingHost.Pipeline;

namespace GradingHost.Cli;

/// <summary>The command-line verbs. Exit codes: 0 done, 1 verification failed, 2 bad invocation.</summary>
public static class Commands
{
    /// <returns>0 when the submission was graded (whatever its score), 1 when the grader itself failed, 2 for a bad invocation</returns>
    public static int Grade(string assignment, string submission, string outDirectory, string profile, GradingOptions options) => Guarded(() =>
    {
        var layout = RepositoryLayout.Discover();
        using var pipeline = new GradingPipeline(layout);
        var report = TrainingConsole.Run(progress => pipeline.Grade(layout.Manifest(assignment), submission, outDirectory, profile, options with { Progress = progress }));
        Console.WriteLine($"{report.Student}: {report.ScoreText} ({report.ExecutionSeconds:0.0} s: compile {report.Phases.CompileSeconds:0.0} s, checks {report.Phases.CheckSeconds:0.0} s) -> {Path.Combine(outDirectory, "feedback.pdf")}");
        if (report.InternalError)
            Console.Error.WriteLine($"gradinghost: the grader failed on this submission: {report.Summary.Split('\n')[0]}");
        return report.InternalError ? 1 : 0;
    });

    public static int Verify(string assignment, string outDirectory, string profile, GradingOptions options) => Guarded(() =>
    {
        var layout = RepositoryLayout.Discover();
        var manifest = layout.Manifest(assignment);
        using var pipeline = new GradingPipeline(layout);
        var results = new Verification(layout, pipeline).Verify(manifest, Path.Combine(outDirectory, assignment), profile, options, Print);
        var failed = results.Count(r => !r.Met);
        Console.WriteLine(failed == 0
            ? $"verify {assignment}: all {results.Count} expectations met."
            : $"verify {assignment}: {failed} of {results.Count} expectations failed.");
        return failed == 0 ? 0 : 1;
    });

    /// <returns>0 when every example graded as its expected.yaml says, 1 otherwise</returns>
    public static int Examples(string? assignment, string outDirectory, GradingOptions options) => Guarded(() =>
    {
        var layout = RepositoryLayout.Discover();
        var ids = assignment is null ? layout.AssignmentIds : [layout.Manifest(assignment).Id];
        using var pipeline = new GradingPipeline(layout);
        var results = new Examples(layout, pipeline).Grade(ids, outDirectory, options, Print);
        var failed = results.Count(r => !r.Met);
        Console.WriteLine(failed == 0
            ? $"examples: all {results.Count} graded as expected; results.json and feedback.pdf in {outDirectory}/<assignment>/<example>/."
            : $"examples: {failed} of {results.Count} did not grade as expected.");
        return failed == 0 ? 0 : 1;
    });

    private static void Print(Verification.Expectation e) => Console.WriteLine($"{(e.Met ? "ok  " : "FAIL")} {e.Submission}: expected {e.Expected}, got {e.Got} ({e.Seconds:0.0} s)");

    /// <returns>0 when the mutation score reaches <paramref name="failUnder"/> percent, 1 otherwise</returns>
    public static int Mutate(string assignment, string outDirectory, string profile, string? only, int? limit, bool fastOnly, int failUnder, GradingOptions options) => Guarded(() =>
    {
        if (limit is < 1)
            throw new UserError("--limit must be at least 1.");
        var layout = RepositoryLayout.Discover();
        var manifest = layout.Manifest(assignment);
        var target = Path.Combine(outDirectory, manifest.Id);
        using var pipeline = new GradingPipeline(layout);
        var report = new MutationTesting(layout, pipeline).Run(manifest, target, profile, options, only, limit, fastOnly,
            r => Console.WriteLine(MutationReport.Describe(r)));
        var lines = report.Lines().ToList();
        File.WriteAllLines(Path.Combine(target, "report.txt"), lines);
        Console.WriteLine();
        foreach (var line in lines)
            Console.WriteLine(line);
        return report.ScorePercent >= failUnder ? 0 : 1;
    });

    /// <returns>0 when every student was graded (whatever their scores), 1 when the grader failed on some</returns>
    public static int GradeAll(string assignment, string submissions, string outDirectory, string profile, int? jobs, string? shardText, GradingOptions options) => Guarded(() =>
    {
        Shard? shard = null;
        if (shardText is not null && (shard = Shard.Parse(shardText, out var problem)) is null)
            throw new UserError(problem!);
        var layout = RepositoryLayout.Discover();
        var manifest = layout.Manifest(assignment);
        var roster = ClassRoster.Discover(submissions);
        var most = BatchGrading.MostJobs(options.MemoryLimitMegabytes);
        if (jobs is < 1)
            throw new UserError("--jobs must be at least 1.");
        var parallel = Math.Min(jobs ?? most, most);
        Console.WriteLine($"grade-all {manifest.Id}: {roster.Count} submissions{(shard is null ? "" : $", shard {shard.Index} of {shard.Count}")}, {parallel} at a time" +
                          (jobs > most ? $" (--jobs {jobs} asked for more than this machine's {Environment.ProcessorCount} cores and memory allow at --memory {options.MemoryLimitMegabytes} MB each)" : "") + $"; results in {outDirectory}/<student>/");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var count = shard is null ? roster.Count : Enumerable.Range(0, roster.Count).Count(shard.Holds);
        using var pipeline = new GradingPipeline(layout);
        var (records, kept) = BatchConsole.Run(count, progress => new BatchGrading(layout, pipeline).Run(manifest, roster, outDirectory, profile, parallel, options, progress, shard));
        if (records.Count == 0)
        {
            Console.WriteLine($"grade-all {manifest.Id}: shard {shard!.Index} of {shard.Count} holds no student of {roster.Count}.");
            return 0;
        }
        var failed = records.Count(r => r.Outcome == StudentOutcome.GraderFailed);
        Console.WriteLine($"grade-all {manifest.Id}: {records.Count} students in {clock.Elapsed.TotalSeconds:0} s ({kept} unchanged since the last run); mean {records.Average(r => r.Score):0.##} / {records.Max(r => r.MaxScore):0.##}; " +
                          (shard is null
                              ? $"{Path.Combine(outDirectory, BatchGrading.GradebookFile)} and {Path.Combine(outDirectory, BatchGrading.SummaryFile)} written."
                              : "no gradebook for one shard: run grade-all without --shard once every shard is done, and it writes them from these gradings."));
        if (failed > 0)
            Console.Error.WriteLine($"gradinghost: the grader failed on {failed} submissions ({string.Join(", ", records.Where(r => r.Outcome == StudentOutcome.GraderFailed).Select(r => r.Student).Take(5))}); see the class summary.");
        return failed == 0 ? 0 : 1;
    });

    /// <returns>0 when the bar was measured and written into the manifest</returns>
    public static int Calibrate(string assignment, string profile, int seeds, double margin) => Guarded(() =>
    {
        var layout = RepositoryLayout.Discover();
        var manifest = layout.Manifest(assignment);
        var first = true;
        var calibration = new Calibrator(layout).Run(manifest, profile, seeds, margin, seed =>
        {
            if (first)
                Console.WriteLine($"calibrate {manifest.Id}: the reference trained with the {profile} profile at seeds 1-{seeds} and at the profile's own seed:");
            first = false;
            Console.WriteLine($"  seed {seed.Seed}: dev perplexity {seed.Perplexity:0.###}" + (seed.TokensPerSecond is { } rate ? $" (trained, {rate:N0} tokens/s)" : " (from the cache)"));
        });
        var path = layout.ManifestPath(manifest.Id);
        var previous = manifest.Thresholds.GetValueOrDefault(profile)?.DevPerplexity;
        ManifestThresholds.Write(path, profile, calibration);
        Console.WriteLine($"calibrate {manifest.Id}: bar {calibration.DevPerplexity:0.0##} = worst seed {calibration.Seeds.Values.Max():0.##} × {calibration.Margin:0.0#}, rounded up" +
                          (previous is { } p ? $" (was {p:0.0##})" : "") + $"; at the grading seed the reference reaches {calibration.AtGradingSeed:0.##}. Written to {Path.GetRelativePath(layout.Root, path)}.");
        Console.WriteLine($"  measured: {calibration.Measured}");
        return 0;
    });

    public static int Release(string assignment, string outDirectory) => Guarded(() =>
    {
        var layout = RepositoryLayout.Discover();
        var files = new StudentRelease(layout).Write(layout.Manifest(assignment), outDirectory);
        Console.WriteLine($"release {assignment}: {files.Count} files in {outDirectory}; students run `dotnet test starter/{assignment}.tests` there (see its README.md).");
        return 0;
    });

    public static int Package(string assignment, string zipPath) => Guarded(() =>
    {
        var layout = RepositoryLayout.Discover();
        var entries = new GradescopePackage(layout).Write(layout.Manifest(assignment), zipPath);
        Console.WriteLine($"package {assignment}: {entries.Count} files in {zipPath} ({new FileInfo(zipPath).Length / 1024} KiB); upload it as the Gradescope autograder (README: \"Gradescope\").");
        return 0;
    });

    public static int List() => Guarded(() =>
    {
        var layout = RepositoryLayout.Discover();
        foreach (var id in layout.AssignmentIds)
        {
            var manifest = layout.Manifest(id);
            var extra = manifest.ExtraCreditPoints > 0 ? $" + {manifest.ExtraCreditPoints:0.##} extra credit" : "";
            Console.WriteLine($"{manifest.Id}: {manifest.Title} ({manifest.TotalPoints:0.##} points{extra})");
            foreach (var item in manifest.Items)
                Console.WriteLine($"  {item.Points,5:0.##}  {item.Id,-20} {item.Title}{(item.ExtraCredit ? " (extra credit)" : "")} [{item.Visibility}]");
        }
        return 0;
    });

    private static int Guarded(Func<int> command)
    {
        try
        {
            return command();
        }
        catch (UserError e)
        {
            Console.Error.WriteLine($"gradinghost: {e.Message}");
            return 2;
        }
    }
}
