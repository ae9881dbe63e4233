using Xunit;
using static GradingHost.Checks.Sampling.Models;

namespace GradingHost.Checks.Sampling;

/// <summary>
/// Temperature sampling draws y ~ softmax(e/τ). Every draw here comes from its own call with a batch
/// of one row, so these checks see the distribution and nothing of how a batch is handled.
/// </summary>
public sealed class TemperatureChecks
{
    public static readonly double[] Logits = [1.0, 2.0, 0.5, -1.0, 3.0, 0.0, 0.2, 1.5, -0.5, 2.5];
    public static readonly double[] Temperatures = [0.5, 1.0, 2.0];
    public const int DrawsPerTemperature = 4_000;
    public const double TinyTemperature = 1e-6;

    /// <summary>The goodness-of-fit tests of <see cref="FrequenciesFollowTheSoftmaxOfTheLogitsOverTemperature"/>, one per τ.</summary>
    public static IReadOnlyList<Fit> Fits { get; } =
        Temperatures.Select(t => new Fit(DrawsPerTemperature, Distributions.Softmax(Logits, t), Temperatures.Length)).ToList();

    [Fact]
    public void FrequenciesFollowTheSoftmaxOfTheLogitsOverTemperature()
    {
        Submission.ManualSeed(21);
        var generator = Submission.Generator(22);
        foreach (var (temperature, fit) in Temperatures.Zip(Fits))
        {
            var ids = Draws.OneRowAtATime(Submission.Temperature(temperature, generator), Logits, DrawsPerTemperature);
            var counts = Draws.Counts(ids, Logits.Length);
            var misfit = GoodnessOfFit.Misfit(counts, fit);
            if (misfit is null)
                continue;
            var untempered = temperature != 1.0 && GoodnessOfFit.Misfit(counts, new Fit(DrawsPerTemperature, Distributions.Softmax(Logits), 1)) is null
                ? " They follow softmax(e) instead, as if τ were ignored or applied after the softmax (multinomial renormalises softmax(e)/τ back to softmax(e))."
                : "";
            throw new StudentFeedback(
                $"With τ = {temperature}, your draws do not follow softmax(e/τ): " +
                misfit.With($"{untempered} Divide the logits by τ, then take the softmax over the vocabulary (the last axis), then draw.".TrimStart()));
        }
    }

    [Fact]
    public void TinyTemperatureGivesTheArgmax()
    {
        Submission.ManualSeed(23);
        var generator = Submission.Generator(24);
        for (var row = 0; row < 30; row++)
        {
            var logits = DistinctLogits(row);
            var argmax = Array.IndexOf(logits, logits.Max());
            var ids = Draws.OneRowAtATime(Submission.Temperature(TinyTemperature, generator), logits, 5);
            var other = ids.FirstOrDefault(id => id != argmax, -1);
            if (other >= 0)
                throw new StudentFeedback(
                    $"With τ = {TinyTemperature:G1} softmax(e/τ) puts all its mass on the largest logit (token {argmax}, logit {logits[argmax]:G3}), " +
                    $"but your code drew token {other} (logit {logits[other]:G3}). Divide the logits by τ before a softmax over the vocabulary (the last axis).");
        }
    }

    /// <summary>Twelve logits 0.25 apart in a shuffled order; every third row is scaled by 40, so e/τ reaches 1e8 and an exp without the max subtracted overflows.</summary>
    private static double[] DistinctLogits(int row)
    {
        var scale = row % 3 == 0 ? 40.0 : 1.0;
        var logits = Enumerable.Range(0, 12).Select(k => k * 0.25 * scale).ToArray();
        new Random(row).Shuffle(logits);
        return logits;
    }
}
