using Xunit;
using static GradingHost.Checks.Scaling.Models;
using static TorchSharp.torch;

namespace GradingHost.Checks.Scaling;

/// <summary>The tokens that cost the most: positions in the text (the NLL at index j is token j + 1's), largest first.</summary>
public sealed class TopContributorChecks
{
    [Fact]
    public void LargestFirstAsPositionsInTheText()
    {
        var random = new Random(7);
        // Distinct values, so the answer is unique.
        var nll = Enumerable.Range(0, 30).Select(i => Math.Round(5 * random.NextDouble(), 6) + i * 1e-7).ToArray();
        foreach (var k in new[] { 5, 1 })
        {
            var expected = nll.Select((v, j) => (v, position: (long)j + 1)).OrderByDescending(p => p.v).Take(k).Select(p => p.position).ToArray();
            var actual = Submission.Top(tensor(nll, float64), k);
            if (actual.SequenceEqual(expected))
                continue;
            var doing = $"{PerplexityClass}.{TopContributors} on {nll.Length} NLLs with k = {k}";
            if (actual.Length != k)
                throw new StudentFeedback($"{doing} returned {actual.Length} positions; expected k = {k}.");
            var why =
                actual.Select(p => p + 1).SequenceEqual(expected) ? " They are indices into the NLLs: the NLL at index j is token j + 1's, so add 1 to give positions in the text." :
                actual.Order().SequenceEqual(expected.Order()) ? " The right tokens in the wrong order: largest NLL first." :
                actual.SequenceEqual(nll.Select((v, j) => (v, position: (long)j + 1)).OrderBy(p => p.v).Take(k).Select(p => p.position)) ? " These are the smallest NLLs: the tokens that cost the most have the largest." :
                "";
            throw new StudentFeedback($"{doing} returned positions [{string.Join(", ", actual)}], expected [{string.Join(", ", expected)}].{why}");
        }
    }
}
