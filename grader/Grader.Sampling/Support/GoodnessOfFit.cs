using MathNet.Numerics.Distributions;

namespace GradingHost.Checks.Sampling;

/// <summary>
/// Pearson's χ² goodness-of-fit test of drawn token ids against the probabilities they should follow.
/// A check that runs k such tests must fail a correct sampler with probability at most α = 1e-6, so by
/// the union bound each test may reject with probability α/k. The χ² law only approximates the
/// statistic's far tail (with bins of about 7 expected draws the true tail at 1e-6 is estimated to be
/// up to 1.5× heavier, from the Poisson law of one bin alone). So tokens are pooled until every bin expects at least 10 draws, and the bound is the χ²
/// quantile at α/(10k), a tenfold margin for that error. Every check seeds its generator, so the
/// verdict on a given submission is the same on every run.
/// </summary>
public static class GoodnessOfFit
{
    public const double FalseFailureProbability = 1e-6;
    public const double ApproximationMargin = 10;
    public const double MinimumExpectedCount = 10;

    /// <returns>null when the draws fit; otherwise a sentence naming the worst deviation</returns>
    public static string? Misfit(long[] counts, double[] probabilities, int testsInCheck, Func<int, string>? label = null)
    {
        label ??= i => $"token {i}";
        var n = counts.Sum();
        for (var i = 0; i < counts.Length; i++)
            if (probabilities[i] == 0 && counts[i] > 0)
                return $"{label(i)}, which should never be drawn, was drawn {counts[i]} times in {n} draws.";

        var bins = Enumerable.Range(0, counts.Length).Where(i => probabilities[i] > 0)
            .Select(i => (Members: new List<int> { i }, Expected: n * probabilities[i], Observed: (double)counts[i]))
            .OrderBy(b => b.Expected).ToList();
        while (bins.Count > 1 && bins[0].Expected < MinimumExpectedCount)
        {
            var pooled = (Members: bins[0].Members.Concat(bins[1].Members).ToList(), Expected: bins[0].Expected + bins[1].Expected, Observed: bins[0].Observed + bins[1].Observed);
            bins = bins.Skip(2).Append(pooled).OrderBy(b => b.Expected).ToList();
        }
        if (bins.Count < 2)
            return null;

        static double Term((List<int> Members, double Expected, double Observed) b) => Math.Pow(b.Observed - b.Expected, 2) / b.Expected;
        var statistic = bins.Sum(Term);
        var degrees = bins.Count - 1;
        var level = FalseFailureProbability / testsInCheck / ApproximationMargin;
        var bound = ChiSquared.InvCDF(degrees, 1 - level);
        if (statistic <= bound)
            return null;
        var worst = bins.MaxBy(Term);
        var who = worst.Members.Count == 1 ? label(worst.Members[0]) : $"the rare tokens {string.Join(", ", worst.Members.Order())} together";
        return $"{who} came up in {100 * worst.Observed / n:0.0}% of {n} draws where {100 * worst.Expected / n:0.0}% was expected " +
               $"(χ² = {statistic:F1} on {degrees} degrees of freedom; a correct sampler exceeds {bound:F1} with probability {level:G2}).";
    }
}
