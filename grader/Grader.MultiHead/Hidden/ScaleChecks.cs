using Xunit;
using static GradingHost.Checks.MultiHead.Models;
using static TorchSharp.torch;

namespace GradingHost.Checks.MultiHead;

/// <summary>
/// Compares log-ratios of weights within a row of every head, log A_h[i,j] − log A_h[i,0] = (s_ij − s_i0)/√(d/n).
/// They do not depend on how the row was normalised or masked, so this check sees the scale and nothing else.
/// </summary>
public sealed class ScaleChecks
{
    [Fact]
    public void ScoresAreDividedByRootHeadSize()
    {
        const int t = 8, d = 36, n = 4;
        var dh = d / n;
        var (submission, reference) = Implementation.Pair(Submission, ReferenceModel.Implementation, Models.Attention, Config(d, n), seed: 9);
        var x = Inputs(2, t, d, seed: 10) * 0.5;
        var expected = LogRatios(AttentionWeightsOf(reference, x, n));
        var weights = AttentionWeightsOf(submission, x, n);
        ScalePrecondition.Expect(weights);
        var actual = LogRatios(weights);
        var usable = expected.isfinite().logical_and(actual.isfinite());
        if (!usable.any().item<bool>())
            throw new StudentFeedback("Your attention weights below the diagonal are zero, so the score scale cannot be read from them: no score may be −∞ below the diagonal.");
        var e = expected.masked_select(usable);
        var a = actual.masked_select(usable);
        if ((a - e).abs().max().item<double>() <= 1e-3)
            return;
        // The ratio of the spreads tells the student by which factor the scores are off.
        var factor = (a.abs().sum() / e.abs().sum()).item<double>();
        var byRootD = Math.Abs(factor - 1 / Math.Sqrt(n)) < 0.02
            ? $"That is √(d/n)/√d = 1/√{n}: you divide by √d = {Math.Sqrt(d):G3}, the width of the whole layer, instead of by the head size. "
            : "";
        throw new StudentFeedback(
            $"With d = {d} and n = {n} heads your attention scores are {factor:G3} times what they should be (head size d/n = {dh}, √(d/n) = {Math.Sqrt(dh):G3}). " +
            byRootD + "Divide each head's Q_h K_hᵀ by √(d/n), the width of one head's query/key vectors, before the softmax.");
    }

    /// <summary>log A[.., i, j] − log A[.., i, 0] for rows i ≥ 2 and keys 0 &lt; j &lt; i (the diagonal left out), over every sequence and head.</summary>
    private static Tensor LogRatios(Tensor weights)
    {
        var log = weights.to(float64).log();
        var t = weights.shape[^1];
        var strictlyBelow = ones(t, t, dtype: ScalarType.Bool).tril(-1);
        strictlyBelow[TensorIndex.Colon, 0] = false;
        return (log - log[TensorIndex.Ellipsis, TensorIndex.Slice(0, 1)]).masked_select(strictlyBelow.expand_as(log));
    }
}
