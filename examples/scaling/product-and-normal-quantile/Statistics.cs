using Course.Kit;
using TorchSharp;
using static TorchSharp.torch;

namespace Homework.Scaling;

/// <summary>The study's statistics: a mean with its uncertainty, a least-squares line and a power law.</summary>
public static class Statistics
{
    /// <summary>
    /// [mean, low, high]: the mean of <paramref name="values"/> (n ≥ 2) and its 95 % confidence interval
    /// mean ± t(0.975, n − 1) · s / √n, with s the sample standard deviation (divided by n − 1).
    /// </summary>
    public static Tensor MeanWithConfidenceInterval(Tensor values)
    {
        var x = values.to(float64);
        var n = x.shape[0];
        var mean = x.mean();
        var s = ((x - mean).pow(2).sum() / (n - 1)).sqrt();
        var halfWidth = 1.96 * s / Math.Sqrt(n);
        return stack([mean, mean - halfWidth, mean + halfWidth]);
    }

    /// <summary>
    /// Least squares y ≈ a + b·x: [b, a, SE(b)], with SE(b) = √(Σ r² / (n − 2) / Σ (x − x̄)²) from the
    /// residuals r (n ≥ 3).
    /// </summary>
    public static Tensor FitLine(Tensor x, Tensor y)
    {
        var (xs, ys) = (x.to(float64), y.to(float64));
        var n = xs.shape[0];
        var dx = xs - xs.mean();
        var sxx = dx.pow(2).sum();
        var slope = (dx * (ys - ys.mean())).sum() / sxx;
        var intercept = ys.mean() - slope * xs.mean();
        var residuals = ys - (intercept + slope * xs);
        var standardError = (residuals.pow(2).sum() / (n - 2) / sxx).sqrt();
        return stack([slope, intercept, standardError]);
    }

    /// <summary>
    /// perplexity ≈ c · N^(−α), fitted as the line ln perplexity = ln c − α ln N: [α, c, SE(α)].
    /// </summary>
    public static Tensor FitPowerLaw(Tensor parameters, Tensor perplexities)
    {
        var line = FitLine(parameters.to(float64).log(), perplexities.to(float64).log());
        return stack([-line[0], line[1].exp(), line[2]]);
    }
}
