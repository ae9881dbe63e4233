using Xunit;
using static GradingHost.Checks.Sampling.Models;

namespace GradingHost.Checks.Sampling;

/// <summary>
/// Once the text is longer than the context window, the model sees its last contextLength tokens, and
/// Generate still returns the whole text. Both are judged against the tokens the sample function really
/// returned, so a mistake in the sampling itself (the generate item's) does not show here.
/// </summary>
public sealed class ContextWindowChecks
{
    private const int Vocabulary = 13;
    private const int ContextLength = 6;

    private static long Next(long token) => (3 * token + 2) % Vocabulary;

    [Fact]
    public void ModelSeesTheMostRecentTokensOnly()
    {
        // A prompt that grows past the window, and one that is longer than the window from the start.
        foreach (var (prompt, newTokens) in new[] { (new long[] { 1, 2, 3, 4 }, 12), (new long[] { 5, 0, 7, 11, 3, 9, 8, 2, 6 }, 3) })
        {
            var sampler = new RecordingSampler(Vocabulary);
            var model = new ProbeModel(Vocabulary, ContextLength, Next, sampler);
            var returned = model.Generate(prompt, newTokens);
            var text = prompt.Concat(sampler.Returned).ToArray();
            foreach (var (tokens, sampled) in model.Inputs)
            {
                var length = prompt.Length + sampled;
                var expected = text[Math.Max(0, length - ContextLength)..length];
                if (tokens.SequenceEqual(expected))
                    continue;
                throw new StudentFeedback(
                    $"When the text was {length} tokens long and the context window {ContextLength}, Generate gave the model {tokens.Length} tokens " +
                    $"that are not the last {expected.Length} of the text. Feed the model the most recent tokens, at most contextLength of them " +
                    "(the text's last min(contextLength, length) tokens), so that it predicts what follows the end of the text.");
            }
            if (!returned.SequenceEqual(text))
                throw new StudentFeedback(
                    $"With a prompt of {prompt.Length} tokens, {newTokens} new tokens and a context window of {ContextLength}, Generate returned {returned.Length} tokens " +
                    $"that are not the prompt followed by the {sampler.Returned.Count} tokens it sampled (the text is {text.Length} tokens long). " +
                    "Crop only what the model sees: the text Generate keeps and returns is the whole prompt and every new token.");
        }
    }
}
