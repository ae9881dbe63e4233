using GradingHost.Protocol;
using Xunit;
using static GradingHost.Checks.Sampling.Models;

namespace GradingHost.Checks.Sampling;

/// <summary>
/// Every row of a batch is its own draw from its own row of logits. One call with thousands of rows
/// gives as many independent draws, which the other checks take one row at a time.
/// </summary>
public sealed class BatchChecks
{
    private static readonly double[] Base = [0.5, 0.1, -0.3, 0.9, 0.0, -0.6];
    private static readonly double[][] Distinct = [Base, Base.Reverse().ToArray(), [-0.6, 0.9, 0.0, 0.5, -0.3, 0.1]];
    private const int Rows = 3_000;

    /// <summary>p = 0.9 keeps five of the six tokens; the cumulative sums near p are 0.83 and 0.93.</summary>
    private const double P = 0.9;

    /// <summary>What one row of logits should give under each sampler: softmax(e), or its nucleus renormalised.</summary>
    private static readonly Func<double[], double[]>[] Expected = [logits => Distributions.Softmax(logits), NucleusOf];

    /// <summary>The goodness-of-fit tests of <see cref="IdenticalRowsAreDrawnIndependently"/>: temperature sampling, then nucleus sampling.</summary>
    public static IReadOnlyList<Fit> IdenticalRowFits { get; } = Expected.Select(e => new Fit(Rows, e(Base), Expected.Length)).ToList();

    /// <summary>The goodness-of-fit tests of <see cref="EachRowFollowsItsOwnLogits"/>: each sampler, each distribution.</summary>
    public static IReadOnlyList<Fit> EachRowFits { get; } =
        Expected.SelectMany(e => Distinct.Select(d => new Fit(Rows / Distinct.Length, e(d), Expected.Length * Distinct.Length))).ToList();

    [Fact]
    public void IdenticalRowsAreDrawnIndependently()
    {
        Submission.ManualSeed(41);
        var generator = Submission.Generator(42);
        var rows = Enumerable.Repeat(Base, Rows).ToArray();
        foreach (var (method, sampler, fit) in Samplers(generator).Zip(IdenticalRowFits, (s, f) => (s.Method, s.Sampler, f)))
        {
            var ids = Draws.OneCall(sampler, rows);
            if (ids.Distinct().Count() == 1)
                throw new StudentFeedback(
                    $"{method} gave the same token to all {Rows} identical rows of a batch. Each row is a draw of its own: " +
                    "draw one sample per row (multinomial on the (B, V) probabilities does), not one for the whole batch.");
            var misfit = GoodnessOfFit.Misfit(Draws.Counts(ids, Base.Length), fit);
            if (misfit is not null)
                throw new StudentFeedback($"Over {Rows} identical rows of one batch, the draws of {method} do not follow the row's distribution: {misfit.With("Each row must be an independent draw.")}");
        }
    }

    [Fact]
    public void EachRowFollowsItsOwnLogits()
    {
        Submission.ManualSeed(43);
        var generator = Submission.Generator(44);
        var rows = Enumerable.Range(0, Rows).Select(r => Distinct[r % Distinct.Length]).ToArray();
        var fits = EachRowFits.Chunk(Distinct.Length);
        foreach (var (method, sampler, samplerFits) in Samplers(generator).Zip(fits, (s, f) => (s.Method, s.Sampler, f)))
        {
            var ids = Draws.OneCall(sampler, rows);
            for (var d = 0; d < Distinct.Length; d++)
            {
                var drawn = ids.Where((_, r) => r % Distinct.Length == d);
                var misfit = GoodnessOfFit.Misfit(Draws.Counts(drawn, Base.Length), samplerFits[d]);
                if (misfit is not null)
                    throw new StudentFeedback(
                        $"In a batch whose rows hold {Distinct.Length} different distributions, the rows of distribution {d + 1} drawn by {method} do not follow it: " +
                        misfit.With("Row b must be drawn from row b of the logits only: keep the batch axis first, and take the softmax, the sort and the cumulative sum over the last axis."));
            }
        }
    }

    /// <summary>Each sampler in the order of <see cref="Expected"/>; nucleus sampling once E1 is attempted.</summary>
    private static IEnumerable<(string Method, Sampler Sampler)> Samplers(Argument generator)
    {
        yield return (SampleWithTemperature, Submission.Temperature(1.0, generator));
        if (NucleusIsAttempted)
            yield return (SampleNucleus, Submission.Nucleus(P, 1.0, generator));
    }

    private static double[] NucleusOf(double[] logits)
    {
        var probabilities = Distributions.Softmax(logits);
        return Distributions.Restricted(probabilities, Distributions.Nucleus(probabilities, P));
    }
}
