using GradingHost.Checks.Manifest;
using GradingHost.Pipeline;
using GradingHost.Rubric;
using Xunit;

namespace GradingHost.Tests;

/// <summary>
/// Excusing a failure stops a mistake being charged twice; it never pays for code that did not work.
/// Submissions that compute nothing score 0 on every item, whatever the excuses.
/// </summary>
public sealed class ScoringRuleTests
{
    private static readonly RepositoryLayout Layout = Hostile.Layout;

    [Fact]
    public void StubsThatThrowSomethingElseScoreNothing()
    {
        var manifest = Layout.Manifest("attention");
        var sources = SubmissionSource.Gather(manifest.Starter, Layout, Path.Combine(Layout.Root, "out", "test-scoring-sources", "other-exception"));
        foreach (var file in Directory.GetFiles(sources, "*.cs"))
            File.WriteAllText(file, File.ReadAllText(file).Replace("throw new NotImplementedException(", "throw new InvalidOperationException("));
        var report = Grade(sources, "other-exception");
        Assert.Equal(0, report.Score);
        Assert.DoesNotContain("Not charged here", Hostile.Feedback(report));
    }

    [Fact]
    public void AnAttentionOfNothingButNaNScoresNothing()
    {
        var fault = new FaultyVariant
        {
            Id = "nan-attention", File = "CausalSelfAttention.cs",
            Find = "return scores.masked_fill(future, double.NegativeInfinity).softmax(-1);",
            Replace = "return (scores * double.NaN).softmax(-1);",
        };
        var sources = new Verification(Layout, new GradingPipeline(Layout)).FaultySources(Layout.Manifest("attention"), fault,
            Path.Combine(Layout.Root, "out", "test-scoring-sources", "nan-attention"));
        var report = Grade(sources, "nan-attention");
        // Only the MLP, which does not use attention, still matches the reference: one of that item's three checks.
        Assert.All(report.Items.Where(i => i.Id != "matches-reference"), i => Assert.Equal(0, i.Earned));
        var matches = report.Items.Single(i => i.Id == "matches-reference");
        Assert.Equal(matches.Possible / 3, matches.Earned, 2);
        Assert.Contains("NaN", Hostile.Feedback(report));
        // A model whose loss is NaN before training is not trained: a NaN start can only end in NaN weights.
        Assert.Contains(report.Items.Single(i => i.Id == "training").Messages,
            m => m.Contains("Before any training, your model's loss on a training batch is NaN", StringComparison.Ordinal));
    }

    private static GradeReport Grade(string sources, string name)
    {
        using var pipeline = new GradingPipeline(Layout);
        var report = pipeline.Grade(Layout.Manifest("attention"), sources, Path.Combine(Layout.Root, "out", "test-scoring", name), "cpu");
        Assert.False(report.InternalError, report.Summary);
        return report;
    }
}
