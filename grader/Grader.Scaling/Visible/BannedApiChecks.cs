using Xunit;
using static GradingHost.Checks.Scaling.Models;
using static TorchSharp.torch;

namespace GradingHost.Checks.Scaling;

public sealed class BannedApiChecks
{
    [Fact]
    public void NoBannedApis()
    {
        using var model = KnownModel.Probe();
        BannedApiCheck.Expect(() => tensor(Submission.Perplexity(model, TokenNllChecks.Text)));
    }
}
