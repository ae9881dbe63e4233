using GradingHost.Checks.Manifest;
using GradingHost.Pipeline;

namespace GradingHost.Tests;

/// <summary>
/// Runs `gradinghost verify --assignment attention` once (every variant trains a model, so this is the
/// slow part of the suite); the tests below read what it graded.
/// </summary>
public sealed class AttentionVerification
{
    public AttentionVerification()
    {
        Layout = RepositoryLayout.Discover();
        Manifest = Layout.Manifest("attention");
        OutDirectory = Path.Combine(Layout.Root, "out", "test-verify");
        Pipeline = new GradingPipeline(Layout);
        Expectations = new Verification(Layout, Pipeline).Verify(Manifest, OutDirectory, "cpu", _ => { });
    }

    public RepositoryLayout Layout { get; }
    public AssignmentManifest Manifest { get; }
    public GradingPipeline Pipeline { get; }
    public string OutDirectory { get; }
    public IReadOnlyList<Verification.Expectation> Expectations { get; }

    public string OutputOf(string variant, string file) => Path.Combine(OutDirectory, variant, file);
}
