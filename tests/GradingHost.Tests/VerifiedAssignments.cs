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
        var verification = new Verification(Layout, pipeline);
        // One queue for every assignment's gradings: a core never idles on the tail of one assignment.
        var gradings = Layout.AssignmentIds.Select(id =>
        {
            Manifests[id] = Layout.Manifest(id);
            return (Id: id, Gradings: verification.Gradings(Manifests[id], OutDirectory(id), "cpu", GradingOptions.Default));
        }).ToList();
        var results = Verification.RunAll(gradings.SelectMany(g => g.Gradings).ToList(), _ => { });
        var next = 0;
        foreach (var (id, own) in gradings)
        {
            Expectations[id] = results.Skip(next).Take(own.Count).ToList();
            next += own.Count;
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
