using Xunit;

namespace GradingHost.Tests;

[Collection(AttentionVerificationCollection.Name)]
public sealed class VerificationTests(AttentionVerification verification)
{
    [Fact]
    public void ReferenceGetsFullMarks() => AssertMet("reference");

    [Fact]
    public void StarterGetsZeroWithEveryItemNotImplemented() => AssertMet("starter");

    [Fact]
    public void EveryFaultyVariantLosesExactlyItsItem()
    {
        var faults = verification.Expectations.Where(e => e.Submission.StartsWith("fault", StringComparison.Ordinal)).ToList();
        Assert.Equal(verification.Manifest.Faults.Count, faults.Count);
        Assert.All(faults, e => Assert.True(e.Met, $"{e.Submission}: expected {e.Expected}, got {e.Got}"));
    }

    [Fact]
    public void EveryRubricItemIsProvenByAFault()
    {
        var proven = verification.Manifest.Faults.SelectMany(f => f.Loses).ToHashSet();
        Assert.All(verification.Manifest.Items, item => Assert.Contains(item.Id, proven));
    }

    private void AssertMet(string submission)
    {
        var expectation = Assert.Single(verification.Expectations, e => e.Submission == submission);
        Assert.True(expectation.Met, $"{submission}: expected {expectation.Expected}, got {expectation.Got}");
    }
}
