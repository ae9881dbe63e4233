using TorchSharp;
using static TorchSharp.torch;

namespace GradingHost.Checks;

/// <summary>
/// Position t may only see positions ≤ t, and the mask must act on the scores before the softmax: shared
/// by the single-head and multi-head graders. Weights are (B, T, T) or (B, n, T, T).
/// </summary>
public static class CausalMaskCheck
{
    /// <summary>Every input after position t, in every sequence, is replaced; every output at positions ≤ t must stay bit-for-bit the same.</summary>
    public static void FutureTokensDoNotChangeEarlierOutputs(ModuleUnderTest attention, Func<int, int, long, Tensor> inputs, int b, int t, string what)
    {
        attention.Eval();
        var x = inputs(b, t, 4);
        var before = Compare.ExpectSomeFinite(attention.Forward(x, what), $"The output of your {what}");
        for (var cut = 0; cut < t - 1; cut++)
        {
            var changed = x.clone();
            changed[TensorIndex.Colon, TensorIndex.Slice(cut + 1)] = inputs(b, t - cut - 1, 100 + cut);
            var after = attention.Forward(changed, what);
            var prefix = TensorIndex.Slice(0, cut + 1);
            var moved = (before[TensorIndex.Colon, prefix] - after[TensorIndex.Colon, prefix]).abs().nan_to_num(0).amax([2]).gt(0) // (B, cut+1)
                .logical_or(before[TensorIndex.Colon, prefix].isnan().logical_xor(after[TensorIndex.Colon, prefix].isnan()).any(2));
            if (!moved.any().item<bool>())
                continue;
            var leak = moved.nonzero();
            var (sequence, position) = (leak[0, 0].item<long>(), leak[0, 1].item<long>());
            var firstSequenceSafe = b > 1 && !moved[0].any().item<bool>();
            throw new StudentFeedback(
                $"In sequence {sequence} of a batch of {b}, the output at position {position} changed when the inputs after position {cut} changed: future tokens leak into the past. " +
                (firstSequenceSafe ? "Sequence 0 is not affected: make sure the mask reaches every sequence of the batch, not only the first. " : "") +
                "Mask the scores of every key j > i with -∞ before the softmax, so that nothing after position i enters row i, not even through the softmax's normalisation " +
                "(a (T, T) mask broadcasts over the batch and the heads).");
        }
    }

    public static void WeightsAboveTheDiagonalAreZero(Tensor weights)
    {
        Compare.ExpectSomeFinite(weights, "Your attention weights");
        var above = weights.nan_to_num(0).triu(1).abs();
        if (above.max().item<double>() == 0)
            return;
        var index = Compare.Unravel(above.flatten().argmax().item<long>(), above.shape);
        var (i, j) = (index[^2], index[^1]);
        throw new StudentFeedback(
            $"{Where(index)}position {i} gives attention weight {weights[index.Select(k => TensorIndex.Single(k)).ToArray()].item<double>():G4} to position {j}, which comes after it. " +
            "Every weight above the diagonal (key j > query i) must be exactly 0, in every sequence of the batch (and every head).");
    }

    /// <param name="fromRow">the first query position checked; 1 where a separate item charges a row with no visible key (the diagonal hidden)</param>
    public static void WeightRowsSumToOne(Tensor weights, int fromRow = 0)
    {
        var rows = weights.to(float64)[TensorIndex.Ellipsis, TensorIndex.Slice(fromRow), TensorIndex.Colon];
        var sums = rows.sum(-1);
        var error = (sums - 1).abs().nan_to_num(nan: double.PositiveInfinity);
        if (error.max().item<double>() <= 1e-5)
            return;
        var index = Compare.Unravel(error.flatten().argmax().item<long>(), error.shape);
        var row = index[^1] + fromRow;
        throw new StudentFeedback(
            $"{Where([.. index, 0])}the attention weights of position {row} sum to {sums[index.Select(k => TensorIndex.Single(k)).ToArray()].item<double>():G5}, not 1. " +
            "Each row of A must be a probability distribution over the positions it may see: mask the scores (j > i only) before the softmax, not its output, and take the softmax over the keys (the last axis).");
    }

    /// <summary>"In sequence 1, head 2: " or "In sequence 1: " before the rest of a sentence, from an index into (B, [n,] T, T).</summary>
    private static string Where(long[] index) => index.Length switch
    {
        4 => $"In sequence {index[0]}, head {index[1]}: ",
        _ => $"In sequence {index[0]}: ",
    };
}
