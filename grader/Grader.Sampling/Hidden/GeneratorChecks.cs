using Xunit;
using static GradingHost.Checks.Sampling.Models;

namespace GradingHost.Checks.Sampling;

/// <summary>
/// Draws depend on the caller's generator and on nothing else: the same seed repeats them, another seed
/// changes them. Each mistake is charged to one check: code that draws from torch's global generator
/// fails the first (only the global seed differs between its runs), code with a seed of its own fails
/// the second (its runs differ in both seeds, so code using the global generator passes it).
/// </summary>
public sealed class GeneratorChecks
{
    private static readonly double[] Logits = [0.2, -0.1, 0.4, 0.0, 0.3, -0.2, 0.1, -0.3];
    private const int SingleDraws = 40;
    private const int BatchRows = 64;

    [Fact]
    public void SameSeedGivesTheSameDraws()
    {
        foreach (var method in Methods)
        {
            var first = Sequence(method, seed: 5, globalSeed: 1);
            var second = Sequence(method, seed: 5, globalSeed: 2);
            if (!first.SequenceEqual(second))
                throw new StudentFeedback(
                    $"Two runs of {method} with generators made from the same seed drew different tokens; the runs differed only in torch's global seed, so the draws come from torch's global generator. " +
                    "Pass the caller's generator to every random operation (multinomial(…, generator: generator), rand(…, generator: generator)).");
        }
    }

    [Fact]
    public void DifferentSeedsGiveDifferentDraws()
    {
        foreach (var method in Methods)
        {
            // Two correct runs agree on every draw with probability AgreementProbability, far below 1e-6.
            if (Sequence(method, seed: 5, globalSeed: 3).SequenceEqual(Sequence(method, seed: 6, globalSeed: 4)))
                throw new StudentFeedback(
                    $"{method} drew exactly the same tokens in two runs whose generators came from different seeds, and whose global seeds differed too: " +
                    "the randomness comes from a seed of your own. Draw with the caller's generator, and do not create or seed one inside the sampler.");
        }
    }

    /// <summary>The probability that two correct temperature-sampling runs from different seeds agree on all 104 draws: each agrees with probability Σπ², π = softmax(Logits).</summary>
    public static double AgreementProbability => Math.Pow(Distributions.Softmax(Logits).Sum(q => q * q), SingleDraws + BatchRows);

    /// <summary>The same for nucleus sampling at p = 0.9, whose draws follow the renormalised nucleus.</summary>
    public static double NucleusAgreementProbability
    {
        get
        {
            var probabilities = Distributions.Softmax(Logits);
            var kept = Distributions.Restricted(probabilities, Distributions.Nucleus(probabilities, 0.9));
            return Math.Pow(kept.Sum(q => q * q), SingleDraws + BatchRows);
        }
    }

    /// <summary>Nucleus sampling is E1: checked here once the student has attempted it.</summary>
    private static IEnumerable<string> Methods => NucleusIsAttempted ? [SampleWithTemperature, SampleNucleus] : [SampleWithTemperature];

    /// <summary>40 draws one row at a time, then one batch of 64 identical rows, all from one generator.</summary>
    private static long[] Sequence(string method, ulong seed, long globalSeed)
    {
        Submission.ManualSeed(globalSeed);
        var generator = Submission.Generator(seed);
        var sampler = method == SampleWithTemperature ? Submission.Temperature(1.0, generator) : Submission.Nucleus(0.9, 1.0, generator);
        return Draws.OneRowAtATime(sampler, Logits, SingleDraws)
            .Concat(Draws.OneCall(sampler, Enumerable.Repeat(Logits, BatchRows).ToArray()))
            .ToArray();
    }
}
