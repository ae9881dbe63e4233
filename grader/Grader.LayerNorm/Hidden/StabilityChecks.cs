using Xunit;
using static GradingHost.Checks.LayerNorm.Models;
using static TorchSharp.torch;

namespace GradingHost.Checks.LayerNorm;

/// <summary>
/// Vectors whose mean is large next to their spread, as activations can be: 10⁴ plus unit noise. In
/// float32, E[h²] − μ² subtracts two numbers near 10⁸ whose rounding error (≈ 8) dwarfs the variance
/// (≈ 1); the mean of (h − μ)² does not. Expected values are the library's layer norm in float64 on the
/// same float32 inputs; the library itself in float32 stays within 2e-3 of them.
/// </summary>
public sealed class StabilityChecks
{
    public const double Offset = 1e4;
    public const double Tolerance = 1e-2;

    [Fact]
    public void LargeOffsetInputsStayFiniteAndAccurate()
    {
        const int d = 64;
        var norm = Submission.Create(Norm, Config(d), seed: 50);
        var x = Inputs([4, 16, d], seed: 51, offset: Offset);
        var actual = norm.Forward(x, Norm);
        if (!actual.shape.SequenceEqual(x.shape))
            throw new StudentFeedback($"Your {Norm} maps input {Shapes.Show(x.shape)} to {Shapes.Show(actual.shape)}; it must keep the shape.");
        var expected = LibraryLayerNorm(x.to(float64));
        var bad = actual.isfinite().logical_not();
        if (bad.any().item<bool>())
            throw new StudentCodeFailed(
                $"For inputs around {Offset:G} with a spread of about 1, {bad.sum().item<long>()} of your {Norm}'s {actual.numel()} outputs are NaN or infinite. " +
                "A variance computed as E[h²] − μ² cancels catastrophically in float32 (both terms are near 10⁸) and can come out negative; compute it as the mean of (h − μ)².");
        var error = (actual.to(float64) - expected).abs().max().item<double>();
        if (error <= Tolerance)
            return;
        // Layer norm ignores a shift of its input, and subtracting the offset is exact in float32 here,
        // so the same vectors around 0 tell an unstable variance from a norm that is wrong everywhere.
        var centredError = (norm.Forward(x - Offset, Norm).to(float64) - expected).abs().max().item<double>();
        throw new StudentFeedback(centredError <= Tolerance
            ? $"For inputs around {Offset:G} with a spread of about 1, your {Norm}'s outputs are off by up to {error:G3} (allowed: {Tolerance:G}; the library's own float32 layer norm is within 2e-3), " +
              "although the same vectors shifted to mean 0 come out right. Centre first and then square: the mean of (h − μ)² stays accurate where E[h²] − μ² loses the significant digits."
            : $"Your {Norm}'s outputs are off by up to {error:G3} for inputs around {Offset:G} and by {centredError:G3} for the same vectors shifted to mean 0 (allowed: {Tolerance:G}): " +
              "the norm differs from ĥ = γ (h − μ)/√(σ² + ε) + β whatever the offset, so fix the normalisation itself first.");
    }
}
