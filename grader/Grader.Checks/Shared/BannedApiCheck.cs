using GradingHost.Checks.Manifest;

namespace GradingHost.Checks;

/// <summary>The manifest's banned APIs, found in the sources by the sandboxed compile step; shared by every grader with a banned-APIs item.</summary>
public static class BannedApiCheck
{
    /// <param name="attempt">runs the part the ban protects: credit for writing it by hand presumes it is written and computes something, so the starter earns nothing here</param>
    public static void Expect(Func<TorchSharp.torch.Tensor> attempt)
    {
        Compare.ExpectSomeFinite(attempt(), "The output of the part written by hand");
        var banned = ManifestLocation.ForThisGrader.BannedApis;
        var uses = SubmissionUnderTest.BannedApiUses(banned.Select(b => b.Api).ToList());
        if (uses.Count > 0)
            throw new StudentFeedback(
                "Your code uses APIs this assignment asks you to write yourself: " +
                string.Join("; ", uses.Select(u => $"{u} ({banned.First(b => b.Api == u.Listed).Why})")) + ".");
    }
}
