using TorchSharp;
using static TorchSharp.torch;

namespace GradingHost.Checks;

/// <summary>
/// Tensor comparisons that fail with a message about where and by how much two results differ.
/// Both sides are compared in float64, so a submission that computes in float64 is judged fairly.
/// </summary>
public static class Compare
{
    /// <summary>float32 round-off over a few matmuls stays far below this; a real mistake is far above it.</summary>
    public const double RelativeTolerance = 1e-4;
    public const double AbsoluteTolerance = 1e-5;

    /// <summary>Null when close; otherwise a sentence naming the worst element, expected and got.</summary>
    public static string? Difference(Tensor expected, Tensor actual, string what)
    {
        if (!expected.shape.SequenceEqual(actual.shape))
            return $"{what} has shape {Shapes.Show(actual.shape)}, expected {Shapes.Show(expected.shape)}.";
        using var _ = no_grad();
        var e = expected.detach().to(float64);
        var a = actual.detach().to(float64);
        var bothNan = e.isnan().logical_and(a.isnan());
        var error = (a - e).abs().masked_fill(bothNan, 0).nan_to_num(nan: double.PositiveInfinity);
        var allowed = e.abs().nan_to_num(nan: 0) * RelativeTolerance + AbsoluteTolerance;
        var excess = error - allowed;
        if (excess.max().item<double>() <= 0)
            return null;
        var worst = excess.flatten().argmax().item<long>();
        var index = Unravel(worst, e.shape);
        var position = $"[{string.Join(", ", index)}]";
        return $"{what} differs from the expected value at index {position}: expected {e.flatten()[worst].item<double>():G6}, got {a.flatten()[worst].item<double>():G6} " +
               $"(largest difference {error.max().item<double>():G3}; tolerance {RelativeTolerance:G1}·|expected| + {AbsoluteTolerance:G1}).";
    }

    /// <summary>
    /// Fails as code that did not work when <paramref name="actual"/> holds NaN or infinity where
    /// <paramref name="expected"/> is finite: a non-finite answer is never excused as a consequence of a
    /// mistake charged elsewhere.
    /// </summary>
    /// <param name="explained">the outputs' NaN has a cause another item charges (<see cref="EmptyAttentionRows"/>): then this is a wrong answer, not a failure of the code</param>
    public static void ExpectFinite(Tensor expected, Tensor actual, string what, EmptyAttentionRows? explained = null)
    {
        if (!expected.shape.SequenceEqual(actual.shape))
            return;
        using var _ = no_grad();
        var bad = actual.detach().to(float64).isfinite().logical_not().logical_and(expected.detach().to(float64).isfinite());
        if (!bad.any().item<bool>())
            return;
        var index = Unravel(bad.flatten().nonzero()[0, 0].item<long>(), actual.shape);
        if (explained?.Explanation is { } cause)
            throw new StudentFeedback($"{what} holds NaN where the expected values are finite: {cause}.");
        throw new StudentCodeFailed(
            $"{what} holds NaN or infinite values ({bad.sum().item<long>()} of {actual.numel()}, the first at index [{string.Join(", ", index)}]) where the expected values are finite: " +
            "look for a division by zero, a log or square root of a negative number, or a mask that hides a whole row.");
    }

    /// <summary>
    /// Fails as code that did not work when <paramref name="actual"/> holds no finite value at all: an answer
    /// of nothing but NaN has the right shape but computes nothing. A partly non-finite answer (one row a
    /// hidden diagonal left empty) is left to the check that charges its cause.
    /// </summary>
    /// <param name="explained">when empty attention rows explain the NaN, the item that charges them does, and this check looks only at what it is about</param>
    public static Tensor ExpectSomeFinite(Tensor actual, string what, EmptyAttentionRows? explained = null)
    {
        using (no_grad())
            if (actual.numel() > 0 && !actual.detach().to(float64).isfinite().any().item<bool>() && explained?.Explanation is null)
                throw new StudentCodeFailed($"{what} holds nothing but NaN or infinite values: look for a division by zero, a log or square root of a negative number, or a mask that hides everything.");
        return actual;
    }

    /// <summary>Exact equality, where NaN equals NaN: for properties (like the causal mask) that allow no round-off at all.</summary>
    public static bool Identical(Tensor a, Tensor b)
    {
        using var _ = no_grad();
        var same = a.eq(b).logical_or(a.isnan().logical_and(b.isnan()));
        return same.all().item<bool>();
    }

    public static long[] Unravel(long flat, long[] shape)
    {
        var index = new long[shape.Length];
        for (var d = shape.Length - 1; d >= 0; d--)
        {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
        return index;
    }
}
