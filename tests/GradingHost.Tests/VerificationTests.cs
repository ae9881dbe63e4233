using Xunit;

namespace GradingHost.Tests;

[Collection(VerifiedAssignmentsCollection.Name)]
public sealed class VerificationTests(VerifiedAssignments verified)
{
    [Theory]
    [MemberData(nameof(VerifiedAssignments.Ids), MemberType = typeof(VerifiedAssignments))]
    public void ReferenceGetsFullMarks(string assignment) => AssertMet(assignment, "reference");

    [Theory]
    [MemberData(nameof(VerifiedAssignments.Ids), MemberType = typeof(VerifiedAssignments))]
    public void StarterGetsZeroWithEveryItemNotImplemented(string assignment) => AssertMet(assignment, "starter");

    [Theory]
    [MemberData(nameof(VerifiedAssignments.Ids), MemberType = typeof(VerifiedAssignments))]
    public void EveryFaultyVariantLosesExactlyItsItem(string assignment)
    {
        var faults = verified.Expectations[assignment].Where(e => e.Submission.StartsWith("fault", StringComparison.Ordinal)).ToList();
        Assert.Equal(verified.Manifests[assignment].Faults.Count, faults.Count);
        Assert.All(faults, e => Assert.True(e.Met, $"{e.Submission}: expected {e.Expected}, got {e.Got}"));
    }

    [Theory]
    [MemberData(nameof(VerifiedAssignments.Ids), MemberType = typeof(VerifiedAssignments))]
    public void EveryRubricItemIsProvenByAFault(string assignment)
    {
        var manifest = verified.Manifests[assignment];
        var proven = manifest.Faults.SelectMany(f => f.Loses).ToHashSet();
        Assert.All(manifest.Items, item => Assert.Contains(item.Id, proven));
    }

    [Theory]
    [MemberData(nameof(VerifiedAssignments.Ids), MemberType = typeof(VerifiedAssignments))]
    public void PublishedManifestDoesNotQuoteTheReference(string assignment)
    {
        var published = File.ReadAllText(Path.Combine(verified.Layout.Root, "assignments", assignment, "assignment.yaml"));
        Assert.NotEmpty(verified.Manifests[assignment].Faults);
        Assert.All(verified.Manifests[assignment].Faults, f => Assert.DoesNotContain(f.Find, published));
    }

    private void AssertMet(string assignment, string submission)
    {
        var expectation = Assert.Single(verified.Expectations[assignment], e => e.Submission == submission);
        Assert.True(expectation.Met, $"{assignment} {submission}: expected {expectation.Expected}, got {expectation.Got}");
    }
}
