using GradingHost.Checks;
using GradingHost.Checks.Manifest;
using Xunit;
using static GradingHost.Checks.MultiHead.Models;

namespace GradingHost.Checks.MultiHead;

public sealed class BannedApiChecks
{
    [Fact]
    public void NoBannedApis()
    {
        // Credit for writing attention by hand presumes attention is written: the starter earns nothing here.
        Forward(Submission.Create(Models.Attention, Config(8, 2)), Inputs(1, 2, 8, seed: 1), "multi-head attention layer");
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
