using System.Text.Json;
using GradingHost.Checks;
using GradingHost.Checks.Manifest;
using GradingHost.Report;
using GradingHost.Rubric;

namespace GradingHost.Pipeline;

/// <summary>submission → compile → run in isolation → rubric → report, for one submission.</summary>
public sealed class GradingPipeline(RepositoryLayout layout)
{
    public static string Version => typeof(GradingPipeline).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Grades and writes results.json and feedback.pdf to <paramref name="outDirectory"/>, whatever happens to the submission.</summary>
    public GradeReport Grade(AssignmentManifest manifest, string submission, string outDirectory, string profile, TimeSpan? timeLimit = null)
    {
        var started = DateTimeOffset.UtcNow;
        // The grader runs in a child process with its own working directory, so every path handed on must be absolute.
        outDirectory = Path.GetFullPath(outDirectory);
        if (!manifest.Perplexity.ContainsKey(profile))
            throw new UserError($"The {manifest.Id} assignment has no calibrated dev-perplexity bar for the {profile} profile " +
                                $"(calibrated: {string.Join(", ", manifest.Perplexity.Keys)}); grade with one of those.");
        Directory.CreateDirectory(outDirectory);
        var work = Path.Combine(outDirectory, ".work");
        if (Directory.Exists(work))
            Directory.Delete(work, recursive: true);
        Directory.CreateDirectory(work);

        var (sources, student) = SubmissionSource.Resolve(submission, manifest, layout, work);
        var limit = timeLimit ?? TimeSpan.FromSeconds(manifest.TimeLimitSeconds);
        var compiled = SubmissionCompiler.Compile(sources, Path.Combine(work, "bin"));
        IReadOnlyList<ItemResult> items;
        string summary;
        var artifacts = Path.Combine(work, "artifacts");
        if (!compiled.Succeeded)
        {
            summary = $"Your submission could not be graded: it {compiled.Failure}.\n" + string.Join("\n", compiled.Problems);
            items = Scorer.NothingRan(manifest, $"Not graded: the submission {compiled.Failure} (the summary gives file and line).");
        }
        else
        {
            var run = IsolatedRun.Run(layout.GraderAssembly(manifest), compiled.AssemblyPath!, sources, profile, work,
                Path.Combine(layout.Root, ".cache"), limit);
            if (run.ResultsXml is null)
            {
                var cause = run.TimedOut
                    ? $"the checks did not finish within the time limit of {limit.TotalSeconds:0} s (an endless loop, or training far slower than it should be)"
                    : $"the process running your code stopped unexpectedly (exit code {run.ExitCode}); the last lines it printed: {LastLines(run.OutputTail, 5)}";
                summary = $"Your submission compiled, but grading could not finish: {cause}.";
                items = Scorer.NothingRan(manifest, $"Not graded: {cause}.");
            }
            else
            {
                items = Scorer.Score(manifest, CheckResults.Read(run.ResultsXml));
                summary = "";
            }
        }

        var lost = items.Where(i => i.Earned < i.Possible).ToList();
        var headline = $"Score {GradeReport.Describe(items)}. " + (lost.Count == 0
            ? "Every rubric item passed."
            : $"Points were lost on: {string.Join(", ", lost.Select(i => i.Label))}. Each item below says what went wrong and where to look.");
        var report = new GradeReport(student, manifest.Id, manifest.Title, profile, Version, started,
            (DateTimeOffset.UtcNow - started).TotalSeconds, summary.Length > 0 ? summary + "\n" + headline : headline,
            items,
            ReportArtifacts.ReadList<ReportMeasurement>(artifacts, ReportArtifacts.MeasurementsFile),
            ReadAttention(artifacts),
            ReportArtifacts.ReadList<BarChart>(artifacts, ReportArtifacts.ChartsFile),
            ReportArtifacts.ReadList<TextTable>(artifacts, ReportArtifacts.TablesFile));
        GradescopeResults.Write(report, Path.Combine(outDirectory, "results.json"));
        FeedbackPdf.Write(report, Path.Combine(outDirectory, "feedback.pdf"));
        return report;
    }

    private static AttentionPattern? ReadAttention(string directory)
    {
        var path = Path.Combine(directory, ReportArtifacts.AttentionFile);
        return File.Exists(path) ? JsonSerializer.Deserialize<AttentionPattern>(File.ReadAllText(path), ReportArtifacts.Json) : null;
    }

    private static string LastLines(string text, int count) =>
        string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(count));
}
