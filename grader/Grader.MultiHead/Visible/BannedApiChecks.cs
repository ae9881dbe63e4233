using Xunit;
using static GradingHost.Checks.MultiHead.Models;

namespace GradingHost.Checks.MultiHead;

public sealed class BannedApiChecks
{
    [Fact]
    public void NoBannedApis() =>
        BannedApiCheck.Expect(() => Submission.Create(Models.Attention, Config(8, 2), seed: 1).Forward(Inputs(1, 2, 8, seed: 1), "multi-head attention layer"));
}
