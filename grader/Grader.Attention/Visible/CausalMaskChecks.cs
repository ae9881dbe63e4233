using GradingHost.Checks;
using TorchSharp;
using Xunit;
using static GradingHost.Checks.Attention.Models;
using static TorchSharp.torch;

namespace GradingHost.Checks.Attention;

/// <summary>
/// Position t may only see positions ≤ t, and the mask must act on the scores before the softmax.
/// A row that is entirely masked (NaN) can only come from hiding the diagonal, so the diagonal check reports it.
/// </summary>
public sealed class CausalMaskChecks
{
    private const int T = 9;
    private const int D = 16;

    [Fact]
    public void FutureTokensDoNotChangeEarlierOutputs()
    {
        manual_seed(3);
        var attention = Submission.Create(Models.Attention, Config(D));
        attention.eval();
        using var _ = no_grad();
        var x = Inputs(2, T, D, seed: 4);
        var before = Forward(attention, x, "attention layer");
        for (var t = 0; t < T - 1; t++)
        {
            // Every input after position t is replaced; every output at positions ≤ t must stay bit-for-bit the same.
            var changed = x.clone();
            changed[TensorIndex.Colon, TensorIndex.Slice(t + 1)] = Inputs(2, T - t - 1, D, seed: 100 + t);
            var after = Forward(attention, changed, "attention layer");
            var prefix = TensorIndex.Slice(0, t + 1);
            if (!Compare.Identical(before[TensorIndex.Colon, prefix], after[TensorIndex.Colon, prefix]))
            {
                var moved = (before[TensorIndex.Colon, prefix] - after[TensorIndex.Colon, prefix]).abs().nan_to_num(0).amax([0, 2]);
                var first = moved.gt(0).nonzero()[0, 0].item<long>();
                throw new StudentFeedback(
                    $"The output at position {first} changed when the inputs after position {t} changed: future tokens leak into the past. " +
                    "Mask the scores of every key j > i with -∞ before the softmax, so that nothing after position i enters row i, not even through the softmax's normalisation.");
            }
        }
    }

    [Fact]
    public void WeightsAboveTheDiagonalAreZero()
    {
        var weights = SubmissionWeights();
        var above = weights.nan_to_num(0).triu(1);
        if (above.abs().max().item<double>() != 0)
        {
            var (i, j) = Worst(above.abs());
            throw new StudentFeedback(
                $"Position {i} gives attention weight {above[0, i, j].item<double>():G4} to position {j}, which comes after it. " +
                "Every weight above the diagonal (key j > query i) must be exactly 0.");
        }
    }

    [Fact]
    public void WeightRowsSumToOne()
    {
        var weights = SubmissionWeights().to(float64);
        var sums = weights[TensorIndex.Colon, TensorIndex.Slice(1)].sum(-1);
        var error = (sums - 1).abs().nan_to_num(nan: double.PositiveInfinity);
        if (error.max().item<double>() > 1e-5)
        {
            var flat = error.flatten().argmax().item<long>();
            var row = flat % (T - 1) + 1;
            throw new StudentFeedback(
                $"The attention weights of position {row} sum to {sums.flatten()[flat].item<double>():G5}, not 1. " +
                "Each row of A must be a probability distribution over the positions it may see: apply the mask to the scores before the softmax, not to its output.");
        }
    }

    private static Tensor SubmissionWeights()
    {
        manual_seed(5);
        var attention = Submission.Create(Models.Attention, Config(D));
        attention.eval();
        using var _ = no_grad();
        var weights = AttentionWeightsOf(attention, Inputs(3, T, D, seed: 6));
        long[] expected = [3, T, T];
        if (!weights.shape.SequenceEqual(expected))
            throw new StudentFeedback($"AttentionWeights returned shape {Shapes.Show(weights.shape)} for input (3, {T}, {D}); expected {Shapes.Show(expected)}.");
        return weights;
    }

    private static (long I, long J) Worst(Tensor values)
    {
        var flat = values[0].flatten().argmax().item<long>();
        return (flat / T, flat % T);
    }
}
