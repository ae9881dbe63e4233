using System.Globalization;
using System.Text.RegularExpressions;
using GradingHost.Batch;
using GradingHost.Checks;
using GradingHost.Checks.Manifest;
using GradingHost.Pipeline;
using GradingHost.Rubric;
using SkiaSharp;

namespace GradingHost.Report;

/// <summary>
/// class-summary.pdf, for instructors: the score distribution, how often each rubric item was passed,
/// the explanations students got most often (with counts and example students), the slowest
/// gradings, and every submission that could not be graded normally, with its cause.
/// </summary>
public static partial class ClassSummaryPdf
{
    private const int Explanations = 12, Examples = 3, Slowest = 5, MessageChars = 220;

    public static void Write(AssignmentManifest manifest, IReadOnlyList<StudentRecord> records, string profile, string pdfPath)
    {
        var title = $"Class summary — {manifest.Title}";
        var graded = records.Where(r => r.Outcome == StudentOutcome.Graded).ToList();
        var maxScore = records.Select(r => r.MaxScore).DefaultIfEmpty(manifest.TotalPoints).Max();
        var scores = records.Select(r => r.Score).Order().ToList();
        using var writer = new ReportWriter();

        writer.Title(title);
        writer.Facts([
            ("Assignment", manifest.Id),
            ("Students", records.Count.ToString(CultureInfo.InvariantCulture)),
            ("Graded normally", $"{graded.Count}"),
            ("Not graded / stopped / grader failed", $"{Count(records, StudentOutcome.NotGraded)} / {Count(records, StudentOutcome.Stopped)} / {Count(records, StudentOutcome.GraderFailed)}"),
            ("Mean score", scores.Count == 0 ? "–" : $"{ReportText.Number(scores.Average())} / {ReportText.Number(maxScore)}"),
            ("Median score", scores.Count == 0 ? "–" : $"{ReportText.Number(Median(scores))} / {ReportText.Number(maxScore)}"),
            ("Full marks", $"{records.Count(r => r.Score >= r.MaxScore - 1e-9)}"),
            ("Profile", profile),
            ("Grader version", GradingPipeline.Version),
        ]);

        writer.ChartSection(Histogram(scores, maxScore));
        writer.ChartSection(new BarChart("Rubric items passed",
            "students with full points (%)",
            manifest.Items.Select(i => i.Id).ToList(),
            manifest.Items.Select(i => records.Count == 0 ? 0 : 100.0 * records.Count(r => Passed(r, i.Id)) / records.Count).ToList(),
            "Share of all students whose item earned every point. Items are named by their id; the table below gives their titles."));
        writer.TableSection(new TextTable("Rubric items", ["id", "title", "points", "passed", "mean earned"],
            manifest.Items.Select(i => (IReadOnlyList<string>)[
                i.Id, i.ExtraCredit ? $"{i.Title} (extra credit)" : i.Title, ReportText.Number(i.Points),
                $"{records.Count(r => Passed(r, i.Id))} of {records.Count}",
                records.Count == 0 ? "–" : ReportText.Number(records.Average(r => r.Items.FirstOrDefault(x => x.Id == i.Id)?.Earned ?? 0)),
            ]).ToList()));

        writer.TableSection(new TextTable("Most common explanations of lost points", ["item", "explanation (one student's wording)", "students", "for example"],
            CommonExplanations(records).ToList()));

        writer.TableSection(new TextTable("Slowest gradings", ["student", "seconds", "compile", "checks", "score"],
            records.Where(r => r.Seconds > 0).OrderByDescending(r => r.Seconds).Take(Slowest).Select(r => (IReadOnlyList<string>)[
                r.Student, Seconds(r.Seconds), Seconds(r.CompileSeconds), Seconds(r.CheckSeconds), $"{ReportText.Number(r.Score)} / {ReportText.Number(r.MaxScore)}",
            ]).ToList()));

        var incidents = records.Where(r => r.Outcome != StudentOutcome.Graded || r.Crashes.Count > 0).ToList();
        if (incidents.Count == 0)
            writer.Paragraph("Every submission compiled, ran within its limits and was graded normally; none crashed or was stopped.");
        else
            writer.TableSection(new TextTable("Submissions not graded normally, crashed or stopped", ["student", "what happened", "cause"],
                incidents.Select(r => (IReadOnlyList<string>)[
                    r.Student, Describe(r),
                    Shorten(r.Cause.Length > 0 ? r.Cause : r.Crashes[0]),
                ]).ToList()));

        var now = DateTime.UtcNow;
        writer.Save(pdfPath, SKDocumentPdfMetadata.Default with
        {
            Title = title,
            Subject = $"{records.Count} students",
            Creator = $"GradingHost {GradingPipeline.Version}",
            Creation = now,
            Modified = now,
        }, footer: $"{manifest.Id} · class summary");
    }

    private static int Count(IReadOnlyList<StudentRecord> records, StudentOutcome outcome) => records.Count(r => r.Outcome == outcome);

    private static bool Passed(StudentRecord record, string item) =>
        record.Items.FirstOrDefault(i => i.Id == item) is { } found && found.Earned >= found.Possible - 1e-9;

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

    /// <summary>Ten equal bins from 0 to the maximum (the last one closed); extra credit above the maximum gets a bin of its own.</summary>
    private static BarChart Histogram(IReadOnlyList<double> scores, double maxScore)
    {
        const int bins = 10;
        var width = Math.Max(maxScore, 1e-9) / bins;
        var counts = new double[bins + 1];
        foreach (var score in scores)
            counts[score > maxScore + 1e-9 ? bins : Math.Clamp((int)Math.Floor(score / width), 0, bins - 1)]++;
        var labels = Enumerable.Range(0, bins).Select(b => $"{ReportText.Number(b * width)}–{ReportText.Number((b + 1) * width)}").ToList();
        var extra = counts[bins] > 0;
        if (extra)
            labels.Add($"> {ReportText.Number(maxScore)}");
        return new BarChart("Scores", "students", labels, extra ? counts : counts[..bins],
            $"Each bar counts the students whose score lies in its range (the last range includes {ReportText.Number(maxScore)})" +
            (extra ? "; extra credit takes some above the maximum." : "."));
    }

    /// <summary>
    /// Explanations grouped by item and wording with the numbers masked, so that "off by 0.12" and "off by
    /// 0.31" count as one mistake; each group shows one student's actual message. Submissions that were
    /// not graded normally are in their own table, and an item not implemented yet counts as one
    /// explanation whatever its starter's TODO says.
    /// </summary>
    private static IEnumerable<IReadOnlyList<string>> CommonExplanations(IReadOnlyList<StudentRecord> records) =>
        records.Where(r => r.Outcome == StudentOutcome.Graded)
            .SelectMany(r => r.Items.Where(i => i.Earned < i.Possible - 1e-9)
                .SelectMany(i => (i.Status == ItemStatus.NotImplemented ? [NotImplemented] : i.Messages.Where(m => !m.StartsWith("Where to look:", StringComparison.Ordinal)).Take(1))
                    .Select(m => (Record: r, Item: i.Id, Message: m))))
            .GroupBy(x => (x.Item, Numbers().Replace(FirstSentence(x.Message), "#")))
            .OrderByDescending(g => g.Select(x => x.Record.Folder).Distinct().Count())
            .ThenBy(g => g.Key.Item, StringComparer.Ordinal)
            .Take(Explanations)
            .Select(g => (IReadOnlyList<string>)[
                g.Key.Item, Shorten(g.First().Message), $"{g.Select(x => x.Record.Folder).Distinct().Count()}",
                string.Join(", ", g.Select(x => x.Record.Student).Distinct().Take(Examples)),
            ]);

    private const string NotImplemented = "Not implemented yet: the code still throws the starter's NotImplementedException.";

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    private static string Describe(StudentRecord record) => record.Outcome switch
    {
        StudentOutcome.NotGraded => "not graded (refused or did not compile)",
        StudentOutcome.Stopped => "stopped at the time limit",
        StudentOutcome.GraderFailed => "the grader failed: look at it",
        _ => "its code crashed or was stopped",
    };

    private static string Shorten(string text) => text.Length <= MessageChars ? text : text[..MessageChars] + "…";

    private static string Seconds(double seconds) => seconds.ToString("0.0", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\d+(\.\d+)?")]
    private static partial Regex Numbers();
}
