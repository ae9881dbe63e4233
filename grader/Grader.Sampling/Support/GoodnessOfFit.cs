using MathNet.Numerics.Distributions;

namespace GradingHost.Checks.Sampling;

/// <summary>
/// Whether drawn token ids follow the probabilities they should, with a false-failure probability that
/// holds exactly rather than by an approximation. A token of probability p has a count distributed as
/// Binomial(n, p); the test accepts counts inside an interval whose two exact tails (MathNet's binomial
/// CDF) each hold at most α/(2·k·m), for k tests in the check and m tokens the test looks at. By the union
/// bound a correct sampler fails the check with probability at most α = 1e-6, and
/// <see cref="FalseFailure"/> recomputes that probability for any configuration. Tokens of probability 0
/// (or 1) must be drawn never (or always), which a correct sampler does with certainty. Every check seeds
/// its generators, so the verdict on a given submission is the same on every run.
/// </summary>
public static class GoodnessOfFit
{
    public const double FalseFailureProbability = 1e-6;

    /// <returns>null when the draws fit; otherwise what was seen: the worst deviation, or draws that do not vary at all</returns>
    public static Misfit? Misfit(long[] counts, Fit fit, Func<int, string>? label = null)
    {
        label ??= i => $"token {i}";
        var n = counts.Sum();
        var p = fit.Probabilities;
        for (var i = 0; i < counts.Length; i++)
            if (p[i] == 0 && counts[i] > 0)
                return new Misfit($"{label(i)}, which should never be drawn, was drawn {counts[i]} times in {n} draws.", false);
        var drawn = Enumerable.Range(0, counts.Length).Where(i => counts[i] > 0).ToList();
        if (n >= 20 && drawn.Count == 1 && p[drawn[0]] < 0.9)
            return new Misfit($"all {n} draws were {label(drawn[0])}, whose probability is {p[drawn[0]]:0.###}: the draws do not vary at all. " +
                   "The likely cause is not the formula but the randomness: a generator created or seeded inside the sampler on every call (manual_seed, new Generator(seed)), or an argmax where a draw belongs.", true);

        var level = Level(fit);
        (int Token, double Z, long Low, long High)? worst = null;
        for (var i = 0; i < counts.Length; i++)
        {
            if (p[i] is 0 or 1)
            {
                if (p[i] == 1 && counts[i] != n)
                    return new Misfit($"{label(i)}, which should be drawn every time, was drawn {counts[i]} times in {n} draws.", false);
                continue;
            }
            var (low, high) = Interval(n, p[i], level);
            if (counts[i] >= low && counts[i] <= high)
                continue;
            var z = Math.Abs(counts[i] - n * p[i]) / Math.Sqrt(n * p[i] * (1 - p[i]));
            if (worst is null || z > worst.Value.Z)
                worst = (i, z, low, high);
        }
        if (worst is not { } w)
            return null;
        return new Misfit($"{label(w.Token)} came up in {100.0 * counts[w.Token] / n:0.0}% of {n} draws where {100 * p[w.Token]:0.0}% was expected " +
               $"(a correct sampler draws it {w.Low} to {w.High} times in {n} draws, except with probability below {level:G2}).", false);
    }

    /// <summary>The exact probability that a correct sampler fails this test: the sum over tokens of the probability of a count outside its interval.</summary>
    public static double FalseFailure(Fit fit)
    {
        var level = Level(fit);
        return fit.Probabilities.Where(p => p is > 0 and < 1).Sum(p =>
        {
            var (low, high) = Interval(fit.Draws, p, level);
            return Below(fit.Draws, p, low) + Above(fit.Draws, p, high);
        });
    }

    /// <summary>The counts a correct sampler produces except with probability at most <paramref name="level"/> (half in each tail).</summary>
    public static (long Low, long High) Interval(long n, double p, double level)
    {
        // The largest low with P(X < low) ≤ level/2, and the smallest high with P(X > high) ≤ level/2.
        long low = 0, high = n;
        for (long lo = 0, hi = n; lo <= hi;)
        {
            var mid = (lo + hi) / 2;
            if (Below(n, p, mid) <= level / 2) { low = mid; lo = mid + 1; } else hi = mid - 1;
        }
        for (long lo = 0, hi = n; lo <= hi;)
        {
            var mid = (lo + hi) / 2;
            if (Above(n, p, mid) <= level / 2) { high = mid; hi = mid - 1; } else lo = mid + 1;
        }
        return (low, high);
    }

    /// <summary>Each token's share of the check's α: α / (tests in the check × tokens this test looks at).</summary>
    private static double Level(Fit fit) =>
        FalseFailureProbability / fit.TestsInCheck / Math.Max(1, fit.Probabilities.Count(p => p is > 0 and < 1));

    /// <summary>P(X &lt; k) for X ~ Binomial(n, p).</summary>
    private static double Below(long n, double p, long k) => k <= 0 ? 0 : Binomial.CDF(p, checked((int)n), k - 1);

    /// <summary>P(X &gt; k), as the lower tail of the complementary count, n − X ~ Binomial(n, 1 − p), so small tails keep their precision.</summary>
    private static double Above(long n, double p, long k) => k >= n ? 0 : Binomial.CDF(1 - p, checked((int)n), n - k - 1);
}
