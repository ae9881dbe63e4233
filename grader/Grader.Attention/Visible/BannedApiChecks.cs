using Xunit;
using static GradingHost.Checks.Attention.Models;

namespace GradingHost.Checks.Attention;

public sealed class BannedApiChecks
{
    [Fact]
    public void NoBannedApis() =>
        BannedApiCheck.Expect(() => Submission.Create(Models.Attention, Config(8), seed: 1).Forward(Inputs(1, 2, 8, seed: 1), "attention layer"));
}
