using System.Diagnostics;
using System.Xml.Linq;
using GradingHost.Pipeline;
using GradingHost.Report;
using GradingHost.Rubric;

namespace GradingHost.Bench;

/// <summary>
/// Where a grading's time goes, for one assignment's reference (or one of its faults) graded as a student's
/// submission, sandboxed as in production. Each repeat appends a unique comment so that nothing keyed by the
/// sources is served from the cache: what a new student pays. A correct model still starts exactly like the
/// reference and is given the reference's training; a fault that changes the model's start trains.
/// </summary>
internal sealed record GradingPhases(string Submission, int Repeats, double FirstCompile, double Compile, double FirstStart, double Start, double Checks, double Training, double Pdf, double Total)
{
    /// <param name="fault">the id of a fault in the grader's faults.yaml, or null for the reference</param>
    public static GradingPhases Measure(RepositoryLayout layout, string assignment, int repeats, string? fault = null)
    {
        var manifest = layout.Manifest(assignment);
        using var pipeline = new GradingPipeline(layout);
        var variant = fault is null ? null : manifest.Faults.Single(f => f.Id == fault);
        var scratch = Path.Combine(layout.Root, "out", "bench", assignment + (fault is null ? "" : "-" + fault));
        var runs = new List<(double Compile, double Start, double Checks, double Training, double Total)>();
        GradeReport? last = null;
        for (var i = 0; i < repeats; i++)
        {
            var target = Path.Combine(scratch, $"sources-{i}");
            var sources = variant is null ? SubmissionSource.Gather(manifest.Reference, layout, target) : new Verification(layout, pipeline).FaultySources(manifest, variant, target);
            MakeDistinct(sources);
            var output = Path.Combine(scratch, $"graded-{i}");
            var report = pipeline.Grade(manifest, sources, output, "cpu");
            if (report.InternalError || (variant is null && report.Score < report.MaxScore))
                throw new InvalidOperationException($"The {assignment} {fault ?? "reference"} scored {report.ScoreText} in the benchmark: {report.Summary}");
            var (testSeconds, trainingSeconds) = TestTimes(Path.Combine(output, ".work", "checks.xml"));
            runs.Add((report.Phases.CompileSeconds, report.Phases.CheckSeconds - testSeconds, testSeconds - trainingSeconds, trainingSeconds, report.ExecutionSeconds));
            last = report;
        }
        var pdf = Enumerable.Range(0, 5).Select(_ =>
        {
            var clock = Stopwatch.StartNew();
            FeedbackPdf.Write(last!, Path.Combine(scratch, "feedback.pdf"));
            return clock.Elapsed.TotalSeconds;
        }).ToList();
        return new GradingPhases(fault ?? "reference", repeats, runs[0].Compile, Median(runs.Select(r => r.Compile)), runs[0].Start, Median(runs.Select(r => r.Start)),
            Median(runs.Select(r => r.Checks)), Median(runs.Select(r => r.Training)), Median(pdf), Median(runs.Select(r => r.Total)));
    }

    /// <summary>xunit's own timing: all tests, and those of the training checks (the checker runs them one after another).</summary>
    private static (double Tests, double Training) TestTimes(string xml)
    {
        var tests = XDocument.Load(xml).Descendants("test").ToList();
        double Sum(IEnumerable<XElement> which) => which.Sum(t => double.Parse((string?)t.Attribute("time") ?? "0", System.Globalization.CultureInfo.InvariantCulture));
        return (Sum(tests), Sum(tests.Where(t => ((string?)t.Attribute("name") ?? "").Contains(".TrainingChecks.", StringComparison.Ordinal))));
    }

    /// <summary>A comment no earlier run wrote: nothing keyed by the sources (a cached training, a kept grading) is reused.</summary>
    public static void MakeDistinct(string sources) =>
        File.AppendAllText(Directory.EnumerateFiles(sources, "*.cs").Order(StringComparer.Ordinal).First(), $"{Environment.NewLine}// benchmark {Guid.NewGuid():N}{Environment.NewLine}");

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
