using Course.Kit;
using TorchSharp;
using static TorchSharp.torch;

namespace Homework.Scaling;

/// <summary>The study's statistics: a mean with its uncertainty, a least-squares line and a power law (handout, part 2).</summary>
public static class Statistics
{
    /// <summary>
    /// [mean, low, high]: the mean of <paramref name="values"/> (n ≥ 2) and its 95 % confidence interval
    /// mean ± t(0.975, n − 1) · s / √n, with s the sample standard deviation (divided by n − 1).
    /// </summary>
    public static Tensor MeanWithConfidenceInterval(Tensor values) =>
        throw new NotImplementedException("TODO: mean ± TDistribution.Quantile(0.975, n − 1) · s / √n.");

    /// <summary>
    /// Least squares y ≈ a + b·x: [b, a, SE(b)], with SE(b) = √(Σ r² / (n − 2) / Σ (x − x̄)²) from the
    /// residuals r (n ≥ 3).
    /// </summary>
    public static Tensor FitLine(Tensor x, Tensor y) =>
        throw new NotImplementedException("TODO: slope, intercept and the slope's standard error.");

    /// <summary>
    /// perplexity ≈ c · N^(−α), fitted as the line ln perplexity = ln c − α ln N: [α, c, SE(α)].
    /// </summary>
    public static Tensor FitPowerLaw(Tensor parameters, Tensor perplexities) =>
        throw new NotImplementedException("TODO: a line through (ln N, ln perplexity).");
}
