using MathNet.Numerics.Distributions;
using Xunit;
using static GradingHost.Checks.Scaling.Models;

namespace GradingHost.Checks.Scaling;

/// <summary>
/// The 95 % interval of a mean from n values is mean ± t(0.975, n − 1)·s/√n, s with n − 1: computed here
/// with MathNet. A small sample tells t from the normal 1.96 by 60 %, a larger one by 2.5 %.
/// </summary>
public sealed class ConfidenceIntervalChecks
{
    public static readonly double[] Small = [4.1, 5.3, 3.8, 6.2];

    [Fact]
    public void UsesTheTQuantileAndTheSampleStandardDeviation()
    {
        foreach (var values in new[] { Small, Sample(40) })
        {
            var actual = Submission.ConfidenceInterval(values);
            Expect.Values(Interval(values, TQuantile(values.Length)), actual,
                $"{StatisticsClass}.{MeanWithConfidenceInterval} on {values.Length} values", ["the mean", "the interval's low end", "the interval's high end"],
                a => Diagnose(values, a));
        }
    }

    public static double[] Interval(double[] values, double quantile, bool sample = true)
    {
        var mean = values.Average();
        var s = sample ? MathNet.Numerics.Statistics.Statistics.StandardDeviation(values) : MathNet.Numerics.Statistics.Statistics.PopulationStandardDeviation(values);
        var half = quantile * s / Math.Sqrt(values.Length);
        return [mean, mean - half, mean + half];
    }

    public static double TQuantile(int n) => StudentT.InvCDF(0, 1, n - 1, 0.975);

    /// <summary>Positive values like per-story perplexities, from a fixed seed.</summary>
    public static double[] Sample(int n)
    {
        var random = new Random(2024);
        return Enumerable.Range(0, n).Select(_ => Math.Round(3 + 4 * random.NextDouble() * random.NextDouble(), 3)).ToArray();
    }

    private static string? Diagnose(double[] values, double[] actual)
    {
        (double[] Interval, string Why)[] mistakes =
        [
            (Interval(values, 1.959964), "It matches the normal quantile 1.96: with n values the mean's interval uses t(0.975, n − 1) (TDistribution.Quantile in the kit)."),
            (Interval(values, TQuantile(values.Length), sample: false), "It matches the population standard deviation (divided by n): use the sample's, divided by n − 1."),
            (Interval(values, TQuantile(values.Length + 1)), "It matches t with n degrees of freedom: a mean from n values has n − 1."),
        ];
        return mistakes.FirstOrDefault(m => m.Interval.Zip(actual).All(p => Expect.Close(p.First, p.Second))).Why;
    }
}
