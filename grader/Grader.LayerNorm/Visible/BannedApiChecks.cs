using Xunit;
using static GradingHost.Checks.LayerNorm.Models;

namespace GradingHost.Checks.LayerNorm;

public sealed class BannedApiChecks
{
    [Fact]
    public void NoBannedApis() =>
        BannedApiCheck.Expect(() => Submission.Create(Norm, Config(8), seed: 1).Forward(Inputs([1, 2, 8], seed: 1), Norm));
}
