using Xunit;
using static GradingHost.Checks.Sampling.Models;

namespace GradingHost.Checks.Sampling;

/// <summary>
/// Tokens tied at the nucleus' boundary: any tie-break is fine, but the nucleus keeps only as many of them
/// as the mass needs. Draws are counted as "top token", "tied group" and "the rest", so how the tie is
/// broken, even differently on every call, does not matter.
/// </summary>
public sealed class NucleusTieChecks
{
    /// <summary>Top 0.40 (id 2), three tied at 0.15 (ids 0, 3, 5): p = 0.5 keeps the top and one tied token, mass 0.55.</summary>
    private static readonly double[] Tied = [0.15, 0.05, 0.40, 0.15, 0.10, 0.15];
    private const double P = 0.5;
    private const int Top = 2;
    private static readonly int[] TiedIds = [0, 3, 5];
    private const int DrawCount = 3_000;

    /// <summary>The goodness-of-fit test: the top token, the tied group and the rest, in proportion to the nucleus' mass.</summary>
    public static Fit Fit { get; } = new(DrawCount, [Tied[Top] / (Tied[Top] + Tied[TiedIds[0]]), Tied[TiedIds[0]] / (Tied[Top] + Tied[TiedIds[0]]), 0.0], 1);

    [Fact]
    public void TiesKeepTheFewestTokens()
    {
        Submission.ManualSeed(61);
        var generator = Submission.Generator(62);
        var ids = Draws.OneRowAtATime(Submission.Nucleus(P, 1.0, generator), Distributions.LogitsOf(Tied), DrawCount);
        long[] counts = [ids.Count(id => id == Top), ids.Count(id => TiedIds.Contains((int)id)), ids.Count(id => id != Top && !TiedIds.Contains((int)id))];
        string[] labels = ["the most probable token", "the tied tokens together", "a token ranked below the tie"];
        var misfit = GoodnessOfFit.Misfit(counts, Fit, i => labels[i]);
        if (misfit is not null)
            throw new StudentFeedback(
                "With several tokens tied at the edge of the nucleus: " + misfit.With("The nucleus is the fewest tokens whose mass reaches p, so it keeps only as many of the tied tokens " +
                "as it needs (any of them). Cut by position in the sorted order, not by keeping every token at least as probable as the one that crosses p."));
    }
}
