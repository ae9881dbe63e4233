using Xunit;
using static GradingHost.Checks.FineTuning.Models;
using static TorchSharp.torch;

namespace GradingHost.Checks.FineTuning;

/// <summary>The loss of a window (B, T + 1) reads its first T tokens and is scored on its last T: each position on the token after it.</summary>
public sealed class LossChecks
{
    [Fact]
    public void IsTheMeanCrossEntropyOfTheNextToken()
    {
        var windows = tensor(Definitions.Text(3 * 11, seed: 4), [3, 11]);
        using var model = Definitions.StandIn();
        var actual = Submission.Loss(model, windows);
        var expected = Definitions.Loss(windows);
        if (Math.Abs(actual - expected) <= 1e-4 * Math.Abs(expected))
            return;
        var why = Math.Abs(actual - Definitions.Loss(windows, shifted: false)) <= 1e-4 * expected
            ? " It matches each position scored on its own token: the targets are windows[:, 1:], the tokens after the inputs windows[:, :-1]."
            : model.InputShapes.Any(s => s.Length == 2 && s[1] == windows.shape[1])
                ? $" The model was given all {windows.shape[1]} tokens of each window; it reads the first T = {windows.shape[1] - 1}."
                : "";
        throw new StudentFeedback($"{TrainingClass}.{NextTokenLoss} on windows (3, 11) of the stand-in model is {actual:G6}; expected {expected:G6}.{why}");
    }
}
