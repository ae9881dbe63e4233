using Course.Kit;
using Xunit;
using static GradingHost.Checks.Scaling.Models;

namespace GradingHost.Checks.Scaling;

/// <summary>
/// Token NLLs and perplexity equal the reference's on the family's smallest and largest trained models.
/// The texts are short (up to 40 tokens), so these items judge the definition; numerical stability over
/// a whole story is the whole-stories item's.
/// </summary>
public sealed class TrainedModelChecks
{
    [Fact]
    public void TokenNllMatchesTheReference()
    {
        foreach (var (model, member, text) in Cases())
        {
            using var probe = Family.StandIn(model);
            var expected = Homework.Scaling.Perplexity.TokenNegativeLogLikelihoods(model, text).data<double>().ToArray();
            var actual = Submission.TokenNll(probe, text).data<double>().ToArray();
            Expect.Values(expected, actual, $"{PerplexityClass}.{TokenNegativeLogLikelihoods} with the family's {member} model on a text of {text.Length} tokens",
                Expect.Indexed(text.Length - 1, "the NLL"));
        }
    }

    [Fact]
    public void PerplexityMatchesTheReference()
    {
        foreach (var (model, member, text) in Cases())
        {
            using var probe = Family.StandIn(model);
            var expected = Homework.Scaling.Perplexity.Compute(model, text).item<double>();
            var actual = Submission.Perplexity(probe, text);
            Expect.Values([expected], [actual], $"{PerplexityClass}.{Compute} with the family's {member} model on a text of {text.Length} tokens", ["the perplexity"]);
        }
    }

    /// <summary>Pieces of valid-split stories outside the study sample, each scored by the smallest and the largest member.</summary>
    public static IEnumerable<(NeuralNGramModel Model, string Member, long[] Text)> Cases()
    {
        var members = Family.Members(SubmissionUnderTest.Profile);
        var stories = Family.Stories;
        (int Story, int Start, int Length)[] pieces = [(120, 0, 12), (131, 40, 25), (142, 7, 40)];
        foreach (var (story, start, length) in pieces)
        {
            var text = stories.Vocabulary.Encode(stories.Valid[story].Substring(start, length));
            yield return (members[0], "smallest", text);
            yield return (members[^1], "largest", text);
        }
    }
}
