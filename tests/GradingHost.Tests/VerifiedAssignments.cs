using GradingHost.Checks.Manifest;
using GradingHost.Pipeline;
using Xunit;

namespace GradingHost.Tests;

/// <summary>
/// Runs `gradinghost verify` once for every assignment (every variant trains a model, so this is the
/// slow part of the suite); the tests read what it graded.
/// </summary>
public sealed class VerifiedAssignments
{
    public VerifiedAssignments()
    {
        Layout = RepositoryLayout.Discover();
        using var pipeline = new GradingPipeline(Layout);
        foreach (var id in Layout.AssignmentIds)
        {
            var manifest = Layout.Manifest(id);
            Manifests[id] = manifest;
            Expectations[id] = new Verification(Layout, pipeline).Verify(manifest, OutDirectory(id), "cpu", GradingOptions.Default, _ => { });
        }
    }

    public RepositoryLayout Layout { get; }
    public Dictionary<string, AssignmentManifest> Manifests { get; } = [];
    public Dictionary<string, IReadOnlyList<Verification.Expectation>> Expectations { get; } = [];

    /// <summary>Every assignment in the repository, for [MemberData].</summary>
    public static TheoryData<string> Ids => new(RepositoryLayout.Discover().AssignmentIds);

    public string OutputOf(string assignment, string variant, string file) => Path.Combine(OutDirectory(assignment), variant, file);

    private string OutDirectory(string assignment) => Path.Combine(Layout.Root, "out", "test-verify", assignment);
}
