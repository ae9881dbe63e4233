using Xunit;
using static GradingHost.Checks.LayerNorm.Models;
using static TorchSharp.torch;

namespace GradingHost.Checks.LayerNorm;

/// <summary>
/// The forward pass against the library's layer norm with the same γ, β and ε, on inputs of every rank,
/// and the property that defines "over the last dimension": each vector is normalised on its own.
/// </summary>
public sealed class LayerNormChecks
{
    [Fact]
    public void MatchesTheLibraryForEveryInputShape()
    {
        foreach (var d in new[] { 12, 20 })
        {
            foreach (var shape in NormShapes(d))
            {
                var (norm, gamma, beta) = NormWithAffine(d, seed: 21);
                var x = Inputs(shape, seed: 22, scale: 3.0, offset: 0.5);
                ExpectLibraryOutput(norm, x, gamma, beta, "");
            }
        }
        // Rows whose variance is comparable to ε show whether ε is in the right place.
        var (small, g, b) = NormWithAffine(16, seed: 23);
        ExpectLibraryOutput(small, Inputs([3, 4, 16], seed: 24, scale: 3e-3), g, b,
            " These inputs vary by about 0.003, so their variance is comparable to ε = 1e-5: use σ = √(variance + ε), ε inside the square root.");
    }

    [Fact]
    public void EachVectorIsNormalisedOnItsOwn()
    {
        const int d = 16;
        var norm = Submission.Create(Norm, Config(d), seed: 25);
        var x = Inputs([3, 6, d], seed: 25, scale: 2.0);
        var before = norm.Forward(x, Norm);
        var changed = x.clone();
        changed[1, 2] = Inputs([d], seed: 26, scale: 5.0, offset: 3.0);
        var after = norm.Forward(changed, Norm);
        var moved = zeros(3, 6, 1, dtype: ScalarType.Bool);
        moved[1, 2] = true;
        if (!before.shape.SequenceEqual(x.shape) || !after.shape.SequenceEqual(x.shape))
            throw new StudentFeedback($"Your {Norm} maps input {Shapes.Show(x.shape)} to {Shapes.Show(before.shape)}; it must keep the shape.");
        var problem = Compare.Difference(before.masked_fill(moved, 0), after.masked_fill(moved, 0), "The output of the vectors that did not change");
        if (problem is not null)
            throw new StudentFeedback(
                $"Changing the input vector at [1, 2, :] changed the outputs of other vectors: {problem} " +
                "Layer norm normalises over the last dimension only: each vector of d features gets its own μ and σ (reduce over dim −1 with keepdim), not over the batch or time axes.");
    }

    private static void ExpectLibraryOutput(ModuleUnderTest norm, Tensor x, Tensor gamma, Tensor beta, string context)
    {
        var expected = LibraryLayerNorm(x, gamma, beta);
        var actual = norm.Forward(x, Norm);
        Compare.ExpectFinite(expected, actual, $"For input {Shapes.Show(x.shape)} your {Norm}'s output");
        var problem = Compare.Difference(expected, actual, $"For input {Shapes.Show(x.shape)} your {Norm}'s output");
        if (problem is null)
            return;
        var unbiased = gamma * (x - x.mean([-1], keepdim: true)) / (x.var(-1, unbiased: true, keepdim: true) + Epsilon).sqrt() + beta;
        var diagnosis = x.shape[^1] > 1 && Compare.Difference(unbiased, actual, "") is null
            ? " It matches the unbiased variance (dividing by d − 1); layer norm uses the biased one, the mean of (h − μ)² over the d features."
            : "";
        throw new StudentFeedback(problem + diagnosis + context +
            " Expected ĥ = γ (h − μ)/√(σ² + ε) + β with μ and the biased σ² over the last dimension, ε = 1e-5, as torch.nn.functional.layer_norm computes it.");
    }
}
