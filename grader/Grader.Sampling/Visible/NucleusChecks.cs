using Xunit;
using static GradingHost.Checks.Sampling.Models;

namespace GradingHost.Checks.Sampling;

/// <summary>
/// Nucleus sampling draws only from the nucleus: the fewest most probable tokens whose mass reaches p,
/// the token that crosses p included. Draws come one row at a time, τ = 1, and the distributions have
/// no ties and no cumulative mass near p, so these checks see the kept set and nothing else.
/// </summary>
public sealed class NucleusChecks
{
    /// <summary>Sorted: 0.30 (id 3), 0.22 (id 1), 0.18 (id 5), 0.12, 0.08, 0.05, 0.03, 0.02; p = 0.6 keeps ids 3, 1, 5 (mass 0.70).</summary>
    public static readonly double[] Spread = [0.05, 0.22, 0.02, 0.30, 0.08, 0.18, 0.12, 0.03];
    public const double SpreadP = 0.6;

    /// <summary>p = 0.5 keeps ids 3 and 1 (0.45 + 0.35).</summary>
    public static readonly double[] TwoLeaders = [0.04, 0.35, 0.06, 0.45, 0.10];

    /// <summary>p = 0.5 keeps id 1 alone: its 0.7 already reaches p.</summary>
    public static readonly double[] OneLeader = [0.1, 0.7, 0.2];

    public const int DrawsPerCase = 1_000;

    /// <summary>(probabilities, p) of <see cref="EveryTokenOfTheNucleusIsDrawn"/>: no ties, and no cumulative mass near p.</summary>
    private static readonly (double[] Probabilities, double P)[] Cases = [(Spread, SpreadP), (TwoLeaders, 0.5), (OneLeader, 0.5)];

    /// <summary>
    /// The probability that a correct sampler never draws some token of the nucleus in one case's draws,
    /// summed over the cases: Σ over kept tokens of (1 − its renormalised probability)^draws.
    /// </summary>
    public static double MissProbability => Cases.Sum(c =>
    {
        var nucleus = Distributions.Nucleus(c.Probabilities, c.P);
        var kept = Distributions.Restricted(c.Probabilities, nucleus);
        return nucleus.Sum(i => Math.Pow(1 - kept[i], DrawsPerCase));
    });

    /// <summary>(1 − 1e-3)^14,000 &lt; 1e-6: a token drawn with probability 1e-3 or more shows up with probability above 1 − 1e-6.</summary>
    public const int DrawsOutside = 14_000;

    [Fact]
    public void EveryTokenOfTheNucleusIsDrawn()
    {
        Submission.ManualSeed(31);
        var generator = Submission.Generator(32);
        foreach (var (probabilities, p) in Cases)
        {
            var ids = Draws.OneRowAtATime(Submission.Nucleus(p, 1.0, generator), Distributions.LogitsOf(probabilities), DrawsPerCase);
            var nucleus = Distributions.Nucleus(probabilities, p);
            // A correct sampler misses a kept token with probability MissProbability, far below 1e-6.
            var missing = nucleus.FirstOrDefault(id => !ids.Contains(id), -1);
            if (missing >= 0)
                throw new StudentFeedback(
                    $"With p = {p} and probabilities {Describe(probabilities)}, the nucleus is tokens {string.Join(", ", nucleus)} (mass {nucleus.Sum(i => probabilities[i]):0.00}), " +
                    $"but token {missing} was never drawn in {DrawsPerCase} draws. The nucleus is the shortest run of the sorted distribution whose mass reaches p: " +
                    "the token whose probability takes the cumulative sum to p or past it is kept (keep token k while the mass ranked above it is below p).");
        }
    }

    [Fact]
    public void NothingOutsideTheNucleusIsDrawn()
    {
        Submission.ManualSeed(33);
        var generator = Submission.Generator(34);
        var ids = Draws.OneRowAtATime(Submission.Nucleus(SpreadP, 1.0, generator), Distributions.LogitsOf(Spread), DrawsOutside);
        var nucleus = Distributions.Nucleus(Spread, SpreadP);
        var outside = ids.Where(id => !nucleus.Contains((int)id)).ToList();
        if (outside.Count == 0)
            return;
        var token = outside.GroupBy(id => id).MaxBy(g => g.Count())!;
        var ranks = ids.Distinct().Count() == nucleus.Length && ids.All(id => id < nucleus.Length)
            ? " The ids you returned are exactly 0 … (nucleus size − 1), as if they were positions in the sorted order: map them back to token ids with the indices the sort returned."
            : "";
        throw new StudentFeedback(
            $"With p = {SpreadP} and probabilities {Describe(Spread)}, the nucleus is tokens {string.Join(", ", nucleus)}, " +
            $"but token {token.Key} (probability {Spread[token.Key]:0.00}) was drawn {token.Count()} times in {DrawsOutside} draws.{ranks} " +
            "Sort the probabilities in descending order, take the cumulative sum of the sorted ones, zero every token after the one that crosses p, and draw from what is left.");
    }

    private static string Describe(double[] probabilities) =>
        "[" + string.Join(", ", probabilities.Select(q => q.ToString("0.00"))) + "] (token 0 first)";
}
