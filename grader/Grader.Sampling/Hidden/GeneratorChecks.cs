using Xunit;
using static GradingHost.Checks.Sampling.Models;

namespace GradingHost.Checks.Sampling;

/// <summary>
/// Draws depend on the caller's generator and on nothing else: the same seed repeats them, another
/// seed changes them. The global seed is changed in between, so code that ignores the generator and
/// uses torch's global one fails the first check, and code with a seed of its own fails the second.
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
                    $"Two runs of {method} with generators made from the same seed drew different tokens. Pass the caller's generator to every random operation " +
                    "(multinomial(…, generator: generator), rand(…, generator: generator)); torch's global generator is not the caller's.");
        }
    }

    [Fact]
    public void DifferentSeedsGiveDifferentDraws()
    {
        foreach (var method in Methods)
        {
            // With eight tokens of probability ≤ 0.18 each, two correct runs agree on all 40 single draws with probability < 0.15^40.
            if (Sequence(method, seed: 5, globalSeed: 3).SequenceEqual(Sequence(method, seed: 6, globalSeed: 3)))
                throw new StudentFeedback(
                    $"{method} drew exactly the same tokens with generators made from two different seeds. The randomness must come from the caller's generator, not from torch's global generator or a seed of your own.");
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
