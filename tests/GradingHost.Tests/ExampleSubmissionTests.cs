using GradingHost.Checks.Manifest;
using GradingHost.Pipeline;
using GradingHost.Rubric;
using Xunit;

namespace GradingHost.Tests;

/// <summary>Grades real submissions end to end: fair to correct code written differently, clear about broken code.</summary>
public sealed class ExampleSubmissionTests
{
    private readonly RepositoryLayout _layout = RepositoryLayout.Discover();

    private GradeReport Grade(string submission, string name, TimeSpan? limit = null, string assignment = "attention")
    {
        var output = Path.Combine(_layout.Root, "out", "test-examples", assignment, name);
        var report = new GradingPipeline(_layout).Grade(_layout.Manifest(assignment), submission, output, "cpu", new GradingOptions { TimeLimit = limit });
        Assert.True(File.Exists(Path.Combine(output, "results.json")));
        Assert.True(File.Exists(Path.Combine(output, "feedback.pdf")));
        return report;
    }

    private string Example(string name, string assignment = "attention") => Path.Combine(_layout.Root, "examples", assignment, name);

    /// <summary>Every examples/&lt;assignment&gt;/correct-* submission: correct code written unlike the reference.</summary>
    public static TheoryData<string, string> CorrectExamples
    {
        get
        {
            var examples = Path.Combine(RepositoryLayout.Discover().Root, "examples");
            return new(Directory.EnumerateDirectories(examples, "correct-*", SearchOption.AllDirectories).Order()
                .Select(d => (Path.GetFileName(Path.GetDirectoryName(d))!, Path.GetFileName(d))));
        }
    }

    [Theory]
    [MemberData(nameof(CorrectExamples))]
    public void CorrectSolutionWrittenDifferentlyGetsFullMarks(string assignment, string example)
    {
        var report = Grade(Example(example, assignment), example, assignment: assignment);
        Assert.True(report.EveryItemPassed, string.Join("\n", report.Items.SelectMany(i => i.Messages)));
    }

    [Fact]
    public void SkippingTheExtraCreditLosesOnlyItsItemsAndKeepsFullMarks()
    {
        var dir = CopyOfReference("sampling", "skipped-e1", ("Sampler.cs",
            "public static Tensor SampleNucleus(Tensor logits, double p, double temperature = 1.0, Generator? generator = null)\n    {",
            "public static Tensor SampleNucleus(Tensor logits, double p, double temperature = 1.0, Generator? generator = null)\n    {\n        throw new NotImplementedException();"));
        var report = Grade(dir, "skipped-e1", assignment: "sampling");
        var lost = report.Items.Where(i => i.Earned < i.Possible).Select(i => i.Id).Order();
        Assert.Equal(new[] { "nucleus-frequencies", "nucleus-support", "nucleus-ties" }, lost);
        Assert.Equal(report.MaxScore, report.Score);
    }

    [Fact]
    public void CompileErrorIsFeedbackWithFileAndLine()
    {
        var report = Grade(Example("does-not-compile"), "does-not-compile");
        Assert.Equal(0, report.Score);
        Assert.Contains("CausalSelfAttention.cs:line", report.Summary);
        Assert.All(report.Items, i => Assert.Equal(ItemStatus.NotRun, i.Status));
    }

    [Fact]
    public void UnknownSubmissionPathIsAUserError() =>
        Assert.Throws<UserError>(() => Grade("/nonexistent/submission", "missing"));

    private string CopyOfReference(string assignment, string name, (string File, string Find, string Replace) edit)
    {
        var fault = new FaultyVariant { Id = name, File = edit.File, Find = edit.Find, Replace = edit.Replace };
        return new Verification(_layout, new GradingPipeline(_layout))
            .FaultySources(_layout.Manifest(assignment), fault, Path.Combine(_layout.Root, "out", "test-sources", assignment, name));
    }
}
