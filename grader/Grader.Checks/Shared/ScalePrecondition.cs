using static TorchSharp.torch;

namespace GradingHost.Checks;

/// <summary>
/// The scale checks read 1/√d_k off log-ratios of attention weights within a row, which holds only for a
/// causal softmax over the keys. When the weights are not that (the softmax over the wrong axis, a mask
/// after the softmax), the causal-mask item charges the mistake; the scale check steps aside with the reason.
/// Rows that are not finite (a row with no visible key) are left to the checks that charge them.
/// </summary>
public static class ScalePrecondition
{
    /// <param name="weights">(…, T, T) attention weights, float64</param>
    public static void Expect(Tensor weights)
    {
        var finiteRows = weights.isfinite().all(-1);                                    // (…, T)
        if (!finiteRows.any().item<bool>())
            throw new StudentCodeFailed("Every row of your attention weights holds NaN or infinite values, so the scale of the scores cannot be read from them.");
        var worstRow = (weights.sum(-1) - 1).abs().masked_fill(finiteRows.logical_not(), 0).max().item<double>();
        var above = weights.triu(1).abs().masked_fill(finiteRows.logical_not().unsqueeze(-1), 0).max().item<double>();
        if (worstRow <= 1e-5 && above == 0)
            return;
        throw new StudentFeedback(
            "The scale of the scores could not be checked: " +
            (worstRow > 1e-5 ? $"rows of your attention weights do not sum to 1 over the keys (one is off by {worstRow:G4})" : "your weights above the diagonal are not 0") +
            ", so they are not a causal softmax over the keys, and only such weights reveal the scale. The causal-mask item says what to fix; this item is not charged for it.");
    }
}
