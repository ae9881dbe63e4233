using Xunit;
using static GradingHost.Checks.Sampling.Models;

namespace GradingHost.Checks.Sampling;

/// <summary>
/// Inside the nucleus a token is drawn with its probability renormalised over the nucleus, π_i / Σ_nucleus π;
/// with p = 1 the nucleus is the whole vocabulary and nucleus sampling is temperature sampling.
/// </summary>
public sealed class NucleusFrequencyChecks
{
    /// <summary>Sorted 0.25, 0.20, 0.15, 0.12, 0.10, 0.07, …: p = 0.75 keeps five tokens (mass 0.82; the sum before the fifth is 0.72).</summary>
    private static readonly double[] Gradual = [0.07, 0.15, 0.01, 0.25, 0.10, 0.03, 0.20, 0.02, 0.12, 0.05];
    private static readonly double[] Logits = [0.3, -1.2, 2.0, 0.8, -0.4, 1.4, 0.0, -2.0];
    private const double Temperature = 0.7;
    private const int DrawsPerCase = 4_000;

    [Fact]
    public void FrequenciesFollowTheRenormalisedNucleus()
    {
        Submission.ManualSeed(51);
        var generator = Submission.Generator(52);
        (double[] Probabilities, double P)[] cases = [(Gradual, 0.75), (NucleusChecks.Spread, NucleusChecks.SpreadP)];
        foreach (var (probabilities, p) in cases)
        {
            var ids = Draws.OneRowAtATime(Submission.Nucleus(p, 1.0, generator), Distributions.LogitsOf(probabilities), DrawsPerCase);
            var nucleus = Distributions.Nucleus(probabilities, p);
            var misfit = GoodnessOfFit.Misfit(Draws.Counts(ids, probabilities.Length), Distributions.Restricted(probabilities, nucleus), cases.Length);
            if (misfit is not null)
                throw new StudentFeedback(
                    $"With p = {p}, the draws inside the nucleus of {nucleus.Length} tokens do not follow the renormalised probabilities π_i / Σ_nucleus π: {misfit} " +
                    "Draw each kept token in proportion to its own probability (multinomial accepts unnormalised weights, but the weights must be the probabilities, not 0/1 flags).");
        }
    }

    [Fact]
    public void POfOneIsTemperatureSampling()
    {
        Submission.ManualSeed(53);
        var generator = Submission.Generator(54);
        var ids = Draws.OneRowAtATime(Submission.Nucleus(1.0, Temperature, generator), Logits, DrawsPerCase);
        var misfit = GoodnessOfFit.Misfit(Draws.Counts(ids, Logits.Length), Distributions.Softmax(Logits, Temperature), 1);
        if (misfit is not null)
            throw new StudentFeedback(
                $"With p = 1 and τ = {Temperature}, nucleus sampling must be temperature sampling, y ~ softmax(e/τ) over the whole vocabulary, but {misfit} " +
                "Apply τ to the logits before the softmax that the nucleus is cut from, and let p = 1 keep every token.");
    }
}
