using GradingHost.Checks.Sampling;
using MathNet.Numerics.Distributions;
using Xunit;

namespace GradingHost.Tests;

/// <summary>
/// Every statistical check of the sampling grader fails a correct sampler with probability at most 1e-6,
/// recomputed exactly from the configurations the checks themselves use.
/// </summary>
public sealed class StatisticalChecksTests
{
    public static TheoryData<string> GoodnessOfFitChecks => new(Checks.Keys);

    private static readonly Dictionary<string, IReadOnlyList<Fit>> Checks = new()
    {
        ["TemperatureChecks.FrequenciesFollowTheSoftmaxOfTheLogitsOverTemperature"] = TemperatureChecks.Fits,
        ["BatchChecks.IdenticalRowsAreDrawnIndependently"] = BatchChecks.IdenticalRowFits,
        ["BatchChecks.EachRowFollowsItsOwnLogits"] = BatchChecks.EachRowFits,
        ["NucleusFrequencyChecks.FrequenciesFollowTheRenormalisedNucleus"] = NucleusFrequencyChecks.NucleusFits,
        ["NucleusFrequencyChecks.POfOneIsTemperatureSampling"] = [NucleusFrequencyChecks.TemperatureFit],
        ["NucleusFrequencyChecks.LeavingOutTauSamplesAtTauOne"] = [NucleusFrequencyChecks.DefaultTemperatureFit],
        ["NucleusTieChecks.TiesKeepTheFewestTokens"] = [NucleusTieChecks.Fit],
    };

    [Theory]
    [MemberData(nameof(GoodnessOfFitChecks))]
    public void AGoodnessOfFitCheckFailsACorrectSamplerWithProbabilityAtMostOneInAMillion(string check)
    {
        var fits = Checks[check];
        Assert.All(fits, f => Assert.Equal(fits.Count, f.TestsInCheck));
        var probability = fits.Sum(GoodnessOfFit.FalseFailure);
        Assert.True(probability <= GoodnessOfFit.FalseFailureProbability, $"{check}: {probability:G3}");
        Assert.True(probability > 0, "a test that can never fail a correct sampler accepts every count");
    }

    [Fact]
    public void TheOtherStatisticalChecksFailACorrectSamplerWithProbabilityAtMostOneInAMillion()
    {
        Assert.InRange(NucleusChecks.MissProbability, 0, 1e-6);
        Assert.InRange(GeneratorChecks.AgreementProbability, 0, 1e-6);
        Assert.InRange(GeneratorChecks.NucleusAgreementProbability, 0, 1e-6);
    }

    [Theory]
    [InlineData(60, 0.3, 1e-3)]
    [InlineData(200, 0.05, 1e-5)]
    [InlineData(4000, 0.17, 3e-8)]
    public void IntervalsHoldTheirLevelByDirectSummation(int n, double p, double level)
    {
        var (low, high) = GoodnessOfFit.Interval(n, p, level);
        double Mass(int from, int to) => Enumerable.Range(from, Math.Max(0, to - from + 1)).Sum(k => Binomial.PMF(p, n, k));
        var below = Mass(0, (int)low - 1);
        var above = Mass((int)high + 1, n);
        Assert.InRange(below, 0, level / 2);
        Assert.InRange(above, 0, level / 2);
        // Tight: one count further in on either side would overspend the level.
        Assert.True(Mass(0, (int)low) > level / 2);
        Assert.True(Mass((int)high, n) > level / 2);
    }
}
