using Xunit;
using static GradingHost.Checks.Attention.Models;

namespace GradingHost.Checks.Attention;

public sealed class DiagonalChecks
{
    [Fact]
    public void EveryPositionAttendsToItself()
    {
        const int t = 7, d = 16;
        var attention = Submission.Create(Models.Attention, Config(d), seed: 7);
        attention.Eval();
        var diagonal = AttentionWeightsOf(attention, Inputs(2, t, d, seed: 8)).diagonal(dim1: -2, dim2: -1); // (B, T)
        var bad = diagonal.isfinite().logical_not().logical_or(diagonal.le(0));
        if (bad.any().item<bool>())
        {
            var position = bad.any(0).nonzero()[0, 0].item<long>();
            var value = diagonal[0, position].item<double>();
            throw new StudentFeedback(
                $"Position {position} gives itself attention weight {value:G4}. A token must be able to attend to itself " +
                "(key j = query i is allowed): mask only j > i, e.g. triu(ones, diagonal: 1), not j ≥ i. " +
                (double.IsNaN(value) ? "Position 0 then has no visible key at all, its softmax row is all -∞ and becomes NaN." : ""));
        }
    }
}
