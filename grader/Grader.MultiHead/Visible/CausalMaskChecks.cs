using Xunit;
using static GradingHost.Checks.MultiHead.Models;

namespace GradingHost.Checks.MultiHead;

/// <summary>
/// Every head of every sequence in the batch may only see positions ≤ t, and the mask must act on the
/// scores before the softmax (<see cref="CausalMaskCheck"/>). The batch has several sequences because a
/// mask built for one sequence (or applied to one) can still pass a test with a batch of one.
/// </summary>
public sealed class CausalMaskChecks
{
    private const int B = 3;
    private const int T = 9;
    private const int D = 16;
    private const int N = 4;

    [Fact]
    public void FutureTokensDoNotChangeEarlierOutputs() =>
        CausalMaskCheck.FutureTokensDoNotChangeEarlierOutputs(Submission.Create(Models.Attention, Config(D, N), seed: 3),
            (b, t, seed) => Inputs(b, t, D, seed), B, T, "multi-head attention layer");

    [Fact]
    public void WeightsAboveTheDiagonalAreZero() => CausalMaskCheck.WeightsAboveTheDiagonalAreZero(SubmissionWeights());

    [Fact]
    public void WeightRowsSumToOne() => CausalMaskCheck.WeightRowsSumToOne(SubmissionWeights());

    private static TorchSharp.torch.Tensor SubmissionWeights()
    {
        var attention = Submission.Create(Models.Attention, Config(D, N), seed: 5);
        attention.Eval();
        return AttentionWeightsOf(attention, Inputs(B, T, D, seed: 6), N);
    }
}
