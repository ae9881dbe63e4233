using GradingHost.Checks.Manifest;
using GradingHost.Pipeline;
using GradingHost.Rubric;
using Xunit;

namespace GradingHost.Tests;

/// <summary>Grades real submissions end to end: fair to correct code written differently, clear about broken code.</summary>
public sealed class ExampleSubmissionTests(GradedExamples graded) : IClassFixture<GradedExamples>
{
    private readonly RepositoryLayout _layout = RepositoryLayout.Discover();

    private GradeReport Grade(string submission, string name, TimeSpan? limit = null, string assignment = "attention")
    {
        var output = Path.Combine(_layout.Root, "out", "test-examples", assignment, name);
        using var pipeline = new GradingPipeline(_layout);
        var report = pipeline.Grade(_layout.Manifest(assignment), submission, output, "cpu", new GradingOptions { TimeLimit = limit });
        Assert.True(File.Exists(Path.Combine(output, "results.json")));
        Assert.True(File.Exists(Path.Combine(output, "feedback.pdf")));
        return report;
    }

    private string Example(string name, string assignment = "attention") => Path.Combine(_layout.Root, "examples", assignment, name);

    /// <summary>Every example submission, examples/&lt;assignment&gt;/&lt;example&gt;, each with its expected.yaml.</summary>
    public static TheoryData<string, string> AllExamples
    {
        get
        {
            var examples = new Examples(RepositoryLayout.Discover(), new GradingPipeline(RepositoryLayout.Discover()));
            return new(RepositoryLayout.Discover().AssignmentIds.SelectMany(id => examples.Of(id).Select(d => (id, Path.GetFileName(d)))));
        }
    }

    [Theory]
    [MemberData(nameof(AllExamples))]
    public void EveryExampleGradesAsItsExpectationSays(string assignment, string example)
    {
        var outcome = graded.Outcomes.Single(o => o.Submission == $"{assignment}/{example}");
        Assert.True(outcome.Met, $"{outcome.Submission}: expected {outcome.Expected}, got {outcome.Got}");
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
