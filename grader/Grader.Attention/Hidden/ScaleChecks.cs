using Xunit;
using static GradingHost.Checks.Attention.Models;
using static TorchSharp.torch;

namespace GradingHost.Checks.Attention;

/// <summary>
/// Compares log-ratios of weights within a row, log A[i,j] − log A[i,0] = (s_ij − s_i0)/√d_k. They do not
/// depend on how the row was normalised or masked, so this check sees the scale and nothing else.
/// </summary>
public sealed class ScaleChecks
{
    [Fact]
    public void ScoresAreDividedByRootDk()
    {
        const int t = 8, d = 36;
        var (submission, reference) = Implementation.Pair(Submission, ReferenceModel.Implementation, Models.Attention, Config(d), seed: 9);
        var x = Inputs(2, t, d, seed: 10) * 0.5;
        var expected = LogRatios(AttentionWeightsOf(reference, x));
        var weights = AttentionWeightsOf(submission, x);
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
        throw new StudentFeedback(
            $"Your attention scores are {factor:G3} times what they should be for d_k = {d} " +
            $"(√d_k = {Math.Sqrt(d):G3}). Divide QKᵀ by √d_k, where d_k is the width of the query/key vectors, before the softmax.");
    }

    /// <summary>log A[i, j] − log A[i, 0] for rows i ≥ 2 and keys 0 &lt; j &lt; i (the diagonal left out).</summary>
    private static Tensor LogRatios(Tensor weights)
    {
        var log = weights.to(float64).log();
        var t = weights.shape[^1];
        var strictlyBelow = ones(t, t, dtype: ScalarType.Bool).tril(-1);
        strictlyBelow[TensorIndex.Colon, 0] = false;
        return (log - log[TensorIndex.Ellipsis, TensorIndex.Slice(0, 1)]).masked_select(strictlyBelow.expand_as(log));
    }
}
