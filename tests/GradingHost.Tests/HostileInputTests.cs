using System.IO.Compression;
using System.Text;
using System.Text.Json;
using GradingHost.Checks;
using GradingHost.Pipeline;
using GradingHost.Rubric;
using Xunit;

namespace GradingHost.Tests;

/// <summary>
/// Submissions that attack the host rather than the checks (links, archives, sources built to break the
/// compiler) and artefacts a grading left malformed: the host always answers with results.json and
/// feedback.pdf, and a refused submission's results say why.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly RepositoryLayout Layout = Hostile.Layout;

    [Fact]
    public void TheSourceScreenRefusesFileAccessBeforeAnythingRuns()
    {
        var sources = Starter("screened", ("Leak.cs", """
            namespace Homework.Attention;
            public static class Leak
            {
                [System.Runtime.CompilerServices.ModuleInitializer]
                public static void Run() => System.IO.File.WriteAllText("/tmp/owned", System.Type.GetType("X")?.Name + Course.Kit.BrownCorpus.Instance.Dev.Ids.Length);
            }
            """));
        var report = GradeOutput(sources, "screened");
        Assert.Contains("System.IO.File.WriteAllText is not available to graded code", report.Summary);
        Assert.Contains("ModuleInitializerAttribute", report.Summary);
        Assert.Contains("System.Type.GetType", report.Summary);
        Assert.Contains("Course.Kit.BrownCorpus", report.Summary);
        Assert.Contains("files, processes, threads, reflection", report.Summary);
    }

    [Fact]
    public void LinksOutOfTheSubmissionAreRefused()
    {
        var sources = Starter("links");
        File.CreateSymbolicLink(Path.Combine(sources, "Leak.cs"), Path.Combine(Layout.Root, "reference", "attention", "CausalSelfAttention.cs"));
        Directory.CreateSymbolicLink(Path.Combine(sources, "more"), Path.Combine(Layout.Root, "reference"));
        var report = GradeOutput(sources, "links");
        Assert.Contains("symbolic links (Leak.cs, more)", report.Summary);
        Assert.DoesNotContain("Math.Sqrt(dk)", Hostile.Feedback(report));
    }

    [Fact]
    public void AZipThatClimbsOutOfItsFolderIsRefusedWithResults()
    {
        var zip = Zip("slip", ("../../escape.cs", "class X {}"u8.ToArray()));
        var report = GradeOutput(zip, "slip");
        Assert.Contains("points outside the archive", report.Summary);
        Assert.False(File.Exists(Path.Combine(Layout.Root, "out", "escape.cs")));
    }

    [Fact]
    public void AZipBombIsRefusedByWhatItUnpacksTo()
    {
        var zip = Zip("bomb", ("Bomb.cs", new byte[50_000_000]));
        Assert.True(new FileInfo(zip).Length < 1_000_000);
        var report = GradeOutput(zip, "bomb");
        Assert.Contains("exceed 5 MB once unpacked", report.Summary);
    }

    [Fact]
    public void ANonZipIsRefusedWithResults()
    {
        var path = Path.Combine(Scratch("notzip"), "submission.zip");
        File.WriteAllText(path, "not a zip");
        Assert.Contains("is not a readable zip archive", GradeOutput(path, "notzip").Summary);
    }

    [Fact]
    public void ASourceBuiltToBreakTheCompilerCostsOnlyItself()
    {
        const int depth = 100_000;
        var sources = Starter("pathological", ("Deep.cs",
            $"namespace Homework.Attention;\npublic static class Deep {{ public static int X = {new string('(', depth)}1{new string(')', depth)}; }}\n"));
        var report = GradeOutput(sources, "pathological");
        Assert.All(report.Items, i => Assert.Equal(ItemStatus.NotRun, i.Status));
        Assert.Contains("could not be graded", report.Summary);
    }

    [Fact]
    public void MalformedCheckReportsAndArtefactsAreReadAsNothing()
    {
        var directory = Scratch("artefacts");
        File.WriteAllText(Path.Combine(directory, "checks.xml"), "<assemblies><test result=");
        Assert.Null(CheckResults.TryRead(Path.Combine(directory, "checks.xml")));
        foreach (var broken in new[]
                 {
                     "[{\"figure\": \"bar-chart\", \"title\": 3, ",
                     "[{\"figure\": \"scatter-plot\", \"title\": \"t\", \"series\": [{\"x\": [1, \"two\"]}]}]",
                     "[{\"title\": \"a figure of no kind\"}]",
                     "[{\"figure\": \"pie-chart\", \"title\": \"t\"}]",
                 })
        {
            File.WriteAllText(Path.Combine(directory, ReportArtifacts.FiguresFile), broken);
            Assert.Empty(ReportArtifacts.ReadList<ReportFigure>(directory, ReportArtifacts.FiguresFile));
        }
        File.WriteAllText(Path.Combine(directory, ReportArtifacts.FiguresFile), "[null, {\"figure\": \"table\", \"title\": \"t\"}]");
        Assert.IsType<TextTable>(Assert.Single(ReportArtifacts.ReadList<ReportFigure>(directory, ReportArtifacts.FiguresFile)));
        File.WriteAllText(Path.Combine(directory, ReportArtifacts.AttentionFile), "{\"tokens\": [\"a\"], \"reference\": [[1, 2], [3]]");
        Assert.Null(ReportArtifacts.ReadOne<AttentionPattern>(directory, ReportArtifacts.AttentionFile));
    }

    [Fact]
    public void AReportWhoseFiguresCannotBeDrawnIsStillWritten()
    {
        var path = Path.Combine(Scratch("pdf"), "feedback.pdf");
        var items = Scorer.NothingRan(Layout.Manifest("attention"), "Not graded.");
        var report = new GradeReport("student", "attention", "title", "cpu", "0", DateTimeOffset.UnixEpoch, 1, "summary", "sandbox", items, [],
            new AttentionPattern(["a", "b"], [[1.0], [0.5, 0.5, 0.5]], null),
            [
                new BarChart("chart", "axis", ["only one label"], [1.0, 2.0, double.NaN], "caption"),
                new ScatterPlot("plot", "x", "y", true, true, [new PlotSeries("s", [1.0, -2.0], [double.NaN], Low: [5.0])], "caption"),
                new TextTable("table", ["a"], [["x", "y", "z"]]),
            ]);
        Report.FeedbackPdf.Write(report, path);
        Assert.True(new FileInfo(path).Length > 1000);
    }

    private static GradeReport GradeOutput(string submission, string name)
    {
        var output = Path.Combine(Layout.Root, "out", "test-hostile-input", name);
        using var pipeline = new GradingPipeline(Layout);
        var report = pipeline.Grade(Layout.Manifest("attention"), submission, output, "cpu");
        Assert.Equal(0, report.Score);
        Assert.False(report.InternalError, report.Summary);
        Assert.True(File.Exists(Path.Combine(output, "feedback.pdf")));
        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "results.json")));
        Assert.Equal(0, results.RootElement.GetProperty("score").GetDouble());
        return report;
    }

    private static string Starter(string name, params (string File, string Text)[] extra)
    {
        var sources = SubmissionSource.Gather(Layout.Manifest("attention").Starter, Layout, Path.Combine(Scratch(name), "sources"));
        foreach (var (file, text) in extra)
            File.WriteAllText(Path.Combine(sources, file), text);
        return sources;
    }

    private static string Zip(string name, params (string Entry, byte[] Content)[] entries)
    {
        var path = Path.Combine(Scratch(name), "submission.zip");
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entry, content) in entries)
        {
            using var stream = archive.CreateEntry(entry, CompressionLevel.SmallestSize).Open();
            stream.Write(content);
        }
        return path;
    }

    private static string Scratch(string name)
    {
        var directory = Path.Combine(Layout.Root, "out", "test-hostile-input-sources", name);
        if (Directory.Exists(directory))
            Directory.Delete(directory, recursive: true);
        return Directory.CreateDirectory(directory).FullName;
    }
}
