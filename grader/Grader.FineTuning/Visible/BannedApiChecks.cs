using Xunit;
using static GradingHost.Checks.FineTuning.Models;
using static TorchSharp.torch;

namespace GradingHost.Checks.FineTuning;

public sealed class BannedApiChecks
{
    [Fact]
    public void NoBannedApis()
    {
        using var model = Definitions.StandIn();
        BannedApiCheck.Expect(() => tensor(Submission.Loss(model, tensor(Definitions.Text(2 * 9, seed: 2), [2, 9]))));
    }
}
