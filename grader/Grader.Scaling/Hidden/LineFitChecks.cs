using Xunit;
using static GradingHost.Checks.Scaling.Models;

namespace GradingHost.Checks.Scaling;

/// <summary>The length control's least-squares line and its slope's standard error, against MathNet's fit and the textbook formula.</summary>
public sealed class LineFitChecks
{
    [Fact]
    public void MatchesLeastSquares()
    {
        // Story lengths against perplexities: a realistic scatter, from a fixed seed.
        var random = new Random(11);
        var x = Enumerable.Range(0, 12).Select(_ => (double)random.Next(200, 1500)).ToArray();
        var y = x.Select(v => 6 - 0.0015 * v + random.NextDouble()).ToArray();
        var actual = Submission.Line(x, y);
        Expect.Values(Fit(x, y), actual, $"{StatisticsClass}.{FitLine} on {x.Length} points", ["the slope", "the intercept", "the slope's standard error"],
            a => Diagnose(x, y, a));
    }

    /// <summary>[slope, intercept, SE(slope)]: MathNet's least squares, and √(Σ r² / (n − 2) / Σ (x − x̄)²).</summary>
    public static double[] Fit(double[] x, double[] y, int freedom = 2)
    {
        var (intercept, slope) = MathNet.Numerics.Fit.Line(x, y);
        var mean = x.Average();
        var residuals = x.Zip(y).Sum(p => Math.Pow(p.Second - intercept - slope * p.First, 2));
        var sxx = x.Sum(v => (v - mean) * (v - mean));
        return [slope, intercept, Math.Sqrt(residuals / (x.Length - freedom) / sxx)];
    }

    private static string? Diagnose(double[] x, double[] y, double[] actual)
    {
        if (Expect.Close(Fit(x, y, freedom: 1)[2], actual[2]))
            return "The standard error matches Σ r² divided by n − 1: a fitted line uses two degrees of freedom, so divide by n − 2.";
        if (Expect.Close(Fit(x, y, freedom: 0)[2], actual[2]))
            return "The standard error matches Σ r² divided by n: a fitted line uses two degrees of freedom, so divide by n − 2.";
        var swapped = MathNet.Numerics.Fit.Line(y, x);
        if (Expect.Close(1 / swapped.B, actual[0]) || Expect.Close(swapped.B, actual[0]))
            return "The slope matches a fit of x on y: minimise the squared errors in y, slope = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)².";
        return null;
    }
}
