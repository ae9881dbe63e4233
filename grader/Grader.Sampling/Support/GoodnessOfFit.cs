using MathNet.Numerics.Distributions;

namespace GradingHost.Checks.Sampling;

/// <summary>
/// Pearson's χ² goodness-of-fit test of drawn token ids against the probabilities they should follow.
/// A check that runs k such tests rejects one only above the χ² quantile 1 − α/k with α = 1e-6, so by
/// the union bound a correct sampler fails a check with probability at most 1e-6; every check seeds
/// its generator, so the verdict on a given submission is the same on every run. Tokens whose
/// expected count is below 5 are pooled with the next rarest, the usual condition for the χ² law.
/// </summary>
public static class GoodnessOfFit
{
    public const double FalseFailureProbability = 1e-6;
    public const double MinimumExpectedCount = 5;

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
        var level = FalseFailureProbability / testsInCheck;
        var bound = ChiSquared.InvCDF(degrees, 1 - level);
        if (statistic <= bound)
            return null;
        var worst = bins.MaxBy(Term);
        var who = worst.Members.Count == 1 ? label(worst.Members[0]) : $"the rare tokens {string.Join(", ", worst.Members.Order())} together";
        return $"{who} came up in {100 * worst.Observed / n:0.0}% of {n} draws where {100 * worst.Expected / n:0.0}% was expected " +
               $"(χ² = {statistic:F1} on {degrees} degrees of freedom; a correct sampler exceeds {bound:F1} with probability {level:G2}).";
    }
}
