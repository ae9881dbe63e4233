using GradingHost.Checks.Manifest;
using GradingHost.Pipeline;
using GradingHost.Rubric;
using Xunit;

namespace GradingHost.Tests;

/// <summary>Grades real submissions end to end: fair to correct code written differently, robust to broken and hostile code.</summary>
public sealed class ExampleAndHostileSubmissionTests
{
    private readonly RepositoryLayout _layout = RepositoryLayout.Discover();

    private GradeReport Grade(string submission, string name, TimeSpan? limit = null)
    {
        var output = Path.Combine(_layout.Root, "out", "test-examples", name);
        var report = new GradingPipeline(_layout).Grade(_layout.Manifest("attention"), submission, output, "cpu", limit);
        Assert.True(File.Exists(Path.Combine(output, "results.json")));
        Assert.True(File.Exists(Path.Combine(output, "feedback.pdf")));
        return report;
    }

    private string Example(string name) => Path.Combine(_layout.Root, "examples", "attention", name);

    [Fact]
    public void CorrectSolutionWrittenDifferentlyGetsFullMarks()
    {
        var report = Grade(Example("correct-einsum"), "correct-einsum");
        Assert.True(report.Score == report.MaxScore, string.Join("\n", report.Items.SelectMany(i => i.Messages)));
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
    public void SubmissionTouchingTheFileSystemIsNotRun()
    {
        var dir = CopyOfReference("hostile-io", ("TinyLanguageModel.cs", "return lm_head.forward(x);",
            "System.IO.File.WriteAllText(\"/tmp/owned\", \"x\"); return lm_head.forward(x);"));
        var report = Grade(dir, "hostile-io");
        Assert.Equal(0, report.Score);
        Assert.Contains("System.IO.File", report.Summary);
    }

    [Fact]
    public void CrashingSubmissionIsFeedbackNotAHostCrash()
    {
        var dir = CopyOfReference("stack-overflow", ("Mlp.cs", "public override Tensor forward(Tensor z) =>",
            "public override Tensor forward(Tensor z) => z.shape[0] >= 0 ? forward(z) :"));
        var report = Grade(dir, "stack-overflow");
        Assert.Equal(0, report.Score);
        Assert.Contains("stopped unexpectedly", report.Summary);
    }

    [Fact]
    public void EndlessLoopHitsTheTimeLimit()
    {
        var dir = CopyOfReference("endless-loop", ("Mlp.cs", "public override Tensor forward(Tensor z) =>",
            "public override Tensor forward(Tensor z) { while (z.shape[0] >= 0) { } return z; }\n    private Tensor Unused(Tensor z) =>"));
        var report = Grade(dir, "endless-loop", TimeSpan.FromSeconds(20));
        Assert.Equal(0, report.Score);
        Assert.Contains("time limit of 20 s", report.Summary);
    }

    [Fact]
    public void UnknownSubmissionPathIsAUserError() =>
        Assert.Throws<UserError>(() => Grade("/nonexistent/submission", "missing"));

    private string CopyOfReference(string name, (string File, string Find, string Replace) edit)
    {
        var fault = new FaultyVariant { Id = name, File = edit.File, Find = edit.Find, Replace = edit.Replace };
        return new Verification(_layout, new GradingPipeline(_layout))
            .FaultySources(_layout.Manifest("attention"), fault, Path.Combine(_layout.Root, "out", "test-sources", name));
    }
}
