using Xunit;
using static GradingHost.Checks.Sampling.Models;

namespace GradingHost.Checks.Sampling;

/// <summary>
/// Inside the nucleus a token is drawn with its probability renormalised over the nucleus, π_i / Σ_nucleus π,
/// where π = softmax(e/τ): τ comes before the cut. With p = 1 the nucleus is the whole vocabulary and
/// nucleus sampling is temperature sampling.
/// </summary>
public sealed class NucleusFrequencyChecks
{
    /// <summary>Sorted 0.25, 0.20, 0.15, 0.12, 0.10, 0.07, …: p = 0.75 keeps five tokens (mass 0.82; the sum before the fifth is 0.72).</summary>
    private static readonly double[] Gradual = [0.07, 0.15, 0.01, 0.25, 0.10, 0.03, 0.20, 0.02, 0.12, 0.05];
    private static readonly double[] Logits = [0.3, -1.2, 2.0, 0.8, -0.4, 1.4, 0.0, -2.0];
    private const double Temperature = 0.7;
    private const int DrawsPerCase = 4_000;

    /// <summary>
    /// (probabilities, p, τ): with τ = 2, softmax(log π / τ) is flatter and p = 0.75 keeps six tokens of
    /// Gradual (mass 0.78; the sum before the sixth is 0.69), where τ = 1 keeps five: τ applied after the cut shows.
    /// </summary>
    private static readonly (double[] Probabilities, double P, double Temperature)[] Cases =
        [(Gradual, 0.75, 1.0), (NucleusChecks.Spread, NucleusChecks.SpreadP, 1.0), (Gradual, 0.75, 2.0)];

    /// <summary>The goodness-of-fit tests of <see cref="FrequenciesFollowTheRenormalisedNucleus"/>, one per case.</summary>
    public static IReadOnlyList<Fit> NucleusFits { get; } = Cases.Select(c =>
    {
        var tempered = Distributions.Softmax(Distributions.LogitsOf(c.Probabilities), c.Temperature);
        return new Fit(DrawsPerCase, Distributions.Restricted(tempered, Distributions.Nucleus(tempered, c.P)), Cases.Length);
    }).ToList();

    /// <summary>The goodness-of-fit test of <see cref="POfOneIsTemperatureSampling"/>.</summary>
    public static Fit TemperatureFit { get; } = new(DrawsPerCase, Distributions.Softmax(Logits, Temperature), 1);

    private const double DefaultCaseP = 0.75;

    /// <summary>The goodness-of-fit test of <see cref="LeavingOutTauSamplesAtTauOne"/>: Gradual's nucleus at τ = 1.</summary>
    public static Fit DefaultTemperatureFit { get; } =
        new(DrawsPerCase, Distributions.Restricted(Gradual, Distributions.Nucleus(Gradual, DefaultCaseP)), 1);

    [Fact]
    public void FrequenciesFollowTheRenormalisedNucleus()
    {
        Submission.ManualSeed(51);
        var generator = Submission.Generator(52);
        foreach (var ((probabilities, p, temperature), fit) in Cases.Zip(NucleusFits))
        {
            var ids = Draws.OneRowAtATime(Submission.Nucleus(p, temperature, generator), Distributions.LogitsOf(probabilities), DrawsPerCase);
            var kept = fit.Probabilities.Count(q => q > 0);
            var misfit = GoodnessOfFit.Misfit(Draws.Counts(ids, probabilities.Length), fit);
            if (misfit is null)
                continue;
            throw new StudentFeedback(temperature == 1.0
                ? $"With p = {p}, the draws inside the nucleus of {kept} tokens do not follow the renormalised probabilities π_i / Σ_nucleus π: " +
                  misfit.With("Draw each kept token in proportion to its own probability (multinomial accepts unnormalised weights, but the weights must be the probabilities, not 0/1 flags).")
                : $"With p = {p} and τ = {temperature}, the nucleus of softmax(e/τ) has {kept} tokens and the draws do not follow it: " +
                  misfit.With("Apply τ first: sort, accumulate and cut softmax(e/τ), not softmax(e); the tempered distribution decides which tokens make up the mass p."));
        }
    }

    [Fact]
    public void POfOneIsTemperatureSampling()
    {
        Submission.ManualSeed(53);
        var generator = Submission.Generator(54);
        var ids = Draws.OneRowAtATime(Submission.Nucleus(1.0, Temperature, generator), Logits, DrawsPerCase);
        var misfit = GoodnessOfFit.Misfit(Draws.Counts(ids, Logits.Length), TemperatureFit);
        if (misfit is not null)
            throw new StudentFeedback(
                $"With p = 1 and τ = {Temperature}, nucleus sampling must be temperature sampling, y ~ softmax(e/τ) over the whole vocabulary, but " +
                misfit.With("Apply τ to the logits before the softmax that the nucleus is cut from, and let p = 1 keep every token."));
    }

    /// <summary>The handout's signature gives τ the default 1.0: a caller who leaves τ out samples at τ = 1.</summary>
    [Fact]
    public void LeavingOutTauSamplesAtTauOne()
    {
        Submission.ManualSeed(55);
        var generator = Submission.Generator(56);
        var ids = Draws.OneRowAtATime(Submission.NucleusAtDefaultTemperature(DefaultCaseP, generator), Distributions.LogitsOf(Gradual), DrawsPerCase);
        var misfit = GoodnessOfFit.Misfit(Draws.Counts(ids, Gradual.Length), DefaultTemperatureFit);
        if (misfit is not null)
            throw new StudentFeedback(
                $"Called as {SampleNucleus}(logits, p = {DefaultCaseP}, generator: g), leaving τ out, the draws do not follow the nucleus at τ = 1: " +
                misfit.With("The handout's signature gives τ the default value 1.0 (double temperature = 1.0); keep that default, so that leaving τ out means no temperature."));
    }
}
