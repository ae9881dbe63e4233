using GradingHost.Checks;
using TorchSharp;
using Xunit;
using static GradingHost.Checks.MultiHead.Models;
using static TorchSharp.torch;

namespace GradingHost.Checks.MultiHead;

/// <summary>
/// Every head of every sequence in the batch may only see positions ≤ t, and the mask must act on the
/// scores before the softmax. The batch has several sequences because a mask built for one sequence
/// (or applied to one) can still pass a test with a batch of one.
/// </summary>
public sealed class CausalMaskChecks
{
    private const int B = 3;
    private const int T = 9;
    private const int D = 16;
    private const int N = 4;

    [Fact]
    public void FutureTokensDoNotChangeEarlierOutputs()
    {
        manual_seed(3);
        var attention = Submission.Create(Models.Attention, Config(D, N));
        attention.eval();
        using var _ = no_grad();
        var x = Inputs(B, T, D, seed: 4);
        var before = Forward(attention, x, "multi-head attention layer");
        for (var t = 0; t < T - 1; t++)
        {
            // Every input after position t, in every sequence, is replaced; every output at positions ≤ t must stay bit-for-bit the same.
            var changed = x.clone();
            changed[TensorIndex.Colon, TensorIndex.Slice(t + 1)] = Inputs(B, T - t - 1, D, seed: 100 + t);
            var after = Forward(attention, changed, "multi-head attention layer");
            var prefix = TensorIndex.Slice(0, t + 1);
            var moved = (before[TensorIndex.Colon, prefix] - after[TensorIndex.Colon, prefix]).abs().nan_to_num(0).amax([2]) // (B, t+1)
                .logical_or(before[TensorIndex.Colon, prefix].isnan().logical_xor(after[TensorIndex.Colon, prefix].isnan()).any(2));
            if (!moved.any().item<bool>())
                continue;
            var leaks = moved.nonzero();
            var (sequence, position) = (leaks[0, 0].item<long>(), leaks[0, 1].item<long>());
            var firstSequenceSafe = !moved[0].any().item<bool>();
            throw new StudentFeedback(
                $"In sequence {sequence} of a batch of {B}, the output at position {position} changed when the inputs after position {t} changed: future tokens leak into the past. " +
                (firstSequenceSafe ? "Sequence 0 is not affected: make sure the mask reaches every sequence of the batch, not only the first. " : "") +
                "Mask the scores of every key j > i with -∞ before the softmax, in every head of every sequence (a (T, T) mask broadcasts over batch and heads).");
        }
    }

    [Fact]
    public void WeightsAboveTheDiagonalAreZero()
    {
        var weights = SubmissionWeights();
        var above = weights.nan_to_num(0).triu(1).abs();
        if (above.max().item<double>() == 0)
            return;
        var (b, h, i, j) = Worst(above);
        throw new StudentFeedback(
            $"In sequence {b}, head {h}: position {i} gives attention weight {weights[b, h, i, j].item<double>():G4} to position {j}, which comes after it. " +
            "Every weight above the diagonal (key j > query i) must be exactly 0, in every head of every sequence of the batch.");
    }

    [Fact]
    public void WeightRowsSumToOne()
    {
        var weights = SubmissionWeights().to(float64);
        var sums = weights.sum(-1);                                                    // (B, n, T)
        var error = (sums - 1).abs().nan_to_num(nan: double.PositiveInfinity);
        if (error.max().item<double>() <= 1e-5)
            return;
        var worst = Compare.Unravel(error.flatten().argmax().item<long>(), error.shape);
        var (b, h, i) = (worst[0], worst[1], worst[2]);
        throw new StudentFeedback(
            $"In sequence {b}, head {h}: the attention weights of position {i} sum to {sums[b, h, i].item<double>():G5}, not 1. " +
            "Each head's rows must be probability distributions over the positions they may see: mask the scores (j > i only) before the softmax, not its output, and take the softmax over the keys (the last axis).");
    }

    private static Tensor SubmissionWeights()
    {
        manual_seed(5);
        var attention = Submission.Create(Models.Attention, Config(D, N));
        attention.eval();
        using var _ = no_grad();
        return AttentionWeightsOf(attention, Inputs(B, T, D, seed: 6), N);
    }

    private static (long B, long H, long I, long J) Worst(Tensor values)
    {
        var index = Compare.Unravel(values.flatten().argmax().item<long>(), values.shape);
        return (index[0], index[1], index[2], index[3]);
    }
}
