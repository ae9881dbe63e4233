using GradingHost.Checks;
using GradingHost.Checks.Manifest;
using Xunit;
using static GradingHost.Checks.LayerNorm.Models;

namespace GradingHost.Checks.LayerNorm;

public sealed class BannedApiChecks
{
    [Fact]
    public void NoBannedApis()
    {
        // Credit for writing layer norm by hand presumes layer norm is written: the starter earns nothing here.
        Forward(Submission.Create(Norm, Config(8)), Inputs([1, 2, 8], seed: 1), Norm);
        var sources = SubmissionUnderTest.SourceDirectory
            ?? throw new InvalidOperationException($"Set {SubmissionUnderTest.SourcesVariable} to the submission's source folder.");
        var banned = ManifestLocation.ForThisGrader.BannedApis;
        var uses = ApiUsageScanner.Find(SubmissionCompilation.Create(sources, "BannedApiScan"), banned.Select(b => b.Api).ToList());
        if (uses.Count > 0)
            throw new StudentFeedback(
                "Your code uses APIs this assignment asks you to write yourself: " +
                string.Join("; ", uses.Select(u => $"{u} ({banned.First(b => b.Api == u.Listed).Why})")) + ".");
    }
}
