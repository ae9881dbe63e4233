using Xunit;
using static GradingHost.Checks.Scaling.Models;

namespace GradingHost.Checks.Scaling;

/// <summary>perplexity ≈ c·N^(−α) as a line through (ln N, ln perplexity): α, c and SE(α) against MathNet's fit of the same numbers.</summary>
public sealed class PowerLawChecks
{
    /// <summary>Parameter counts and perplexities like a family's, with scatter about a power law.</summary>
    public static readonly double[] Parameters = [4_000, 12_000, 40_000, 130_000, 400_000];
    public static readonly double[] Perplexities = [9.8, 7.9, 6.6, 5.2, 4.6];

    [Fact]
    public void MatchesTheLogLogFit()
    {
        var actual = Submission.PowerLaw(Parameters, Perplexities);
        Expect.Values(Fit(Parameters, Perplexities), actual, $"{StatisticsClass}.{FitPowerLaw} on {Parameters.Length} models",
            ["the exponent α", "the coefficient c", "α's standard error"], Diagnose);
    }

    /// <summary>[α, c, SE(α)].</summary>
    public static double[] Fit(double[] parameters, double[] perplexities)
    {
        var line = LineFitChecks.Fit(parameters.Select(v => Math.Log(v)).ToArray(), perplexities.Select(v => Math.Log(v)).ToArray());
        return [-line[0], Math.Exp(line[1]), line[2]];
    }

    private static string? Diagnose(double[] actual)
    {
        var expected = Fit(Parameters, Perplexities);
        if (Expect.Close(-expected[0], actual[0]))
            return "The exponent has the wrong sign: perplexity ≈ c·N^(−α) falls with N, so α is minus the log–log slope (positive).";
        var logLinear = LineFitChecks.Fit(Parameters.Select(v => Math.Log(v)).ToArray(), Perplexities);
        if (Expect.Close(-logLinear[0], actual[0]) || Expect.Close(logLinear[0], actual[0]))
            return "It matches a line through (ln N, perplexity): a power law is a line through the logs of both.";
        if (Expect.Close(expected[0], actual[0]) && Expect.Close(Math.Pow(10, Math.Log(expected[1])), actual[1]))
            return "c matches 10 to the power of a natural-log intercept: undo the logarithm you took (exp for ln).";
        return null;
    }
}
