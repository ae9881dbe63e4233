using Xunit;
using static GradingHost.Checks.Attention.Models;

namespace GradingHost.Checks.Attention;

/// <summary>
/// Position t may only see positions ≤ t, and the mask must act on the scores before the softmax
/// (<see cref="CausalMaskCheck"/>). A row that is entirely masked (NaN) can only come from hiding the
/// diagonal, so the diagonal check reports it.
/// </summary>
public sealed class CausalMaskChecks
{
    private const int T = 9;
    private const int D = 16;

    [Fact]
    public void FutureTokensDoNotChangeEarlierOutputs() =>
        CausalMaskCheck.FutureTokensDoNotChangeEarlierOutputs(Submission.Create(Models.Attention, Config(D), seed: 3),
            (b, t, seed) => Inputs(b, t, D, seed), b: 2, t: T, "attention layer");

    [Fact]
    public void WeightsAboveTheDiagonalAreZero() => CausalMaskCheck.WeightsAboveTheDiagonalAreZero(SubmissionWeights());

    [Fact]
    public void WeightRowsSumToOne() => CausalMaskCheck.WeightRowsSumToOne(SubmissionWeights(), fromRow: 1);

    private static TorchSharp.torch.Tensor SubmissionWeights()
    {
        var attention = Submission.Create(Models.Attention, Config(D), seed: 5);
        attention.Eval();
        var weights = AttentionWeightsOf(attention, Inputs(3, T, D, seed: 6));
        long[] expected = [3, T, T];
        if (!weights.shape.SequenceEqual(expected))
            throw new StudentFeedback($"AttentionWeights returned shape {Shapes.Show(weights.shape)} for input (3, {T}, {D}); expected {Shapes.Show(expected)}.");
        return weights;
    }
}
