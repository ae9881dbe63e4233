using Xunit;
using static GradingHost.Checks.Sampling.Models;

namespace GradingHost.Checks.Sampling;

/// <summary>
/// With an end-of-text id, generation stops right after that token is produced; the token itself may
/// be kept or dropped. An id the model never produces changes nothing.
/// </summary>
public sealed class EndOfTextChecks
{
    [Fact]
    public void StopsRightAfterEndOfText()
    {
        var prompt = GenerateChecks.Prompt;
        var chain = new List<long>(prompt);
        for (var i = 0; i < GenerateChecks.NewTokens; i++)
            chain.Add(GenerateChecks.Next(chain[^1]));
        // The fourth new token serves as end of text; the fixed point 5 of Next is never produced.
        var endOfText = chain[prompt.Length + 3];
        var stops = chain.Take(prompt.Length + 4).ToArray();
        var neverProduced = 5L;

        var stopped = Run(endOfText);
        if (!stopped.SequenceEqual(stops) && !stopped.SequenceEqual(stops[..^1]))
            throw new StudentFeedback(
                $"With endOfText = {endOfText} and maxNewTokens = {GenerateChecks.NewTokens}, the model produced the end-of-text token as the 4th new token, " +
                $"but Generate returned {stopped.Length - prompt.Length} new tokens. Stop right after a sampled token equals endOfText (keeping it or not).");

        var full = Run(neverProduced);
        if (!full.SequenceEqual(chain))
            throw new StudentFeedback(
                $"With endOfText = {neverProduced}, a token the model never produced, Generate returned {full.Length - prompt.Length} new tokens instead of all {GenerateChecks.NewTokens}: " +
                "stop only when the sampled token equals endOfText.");
    }

    private static long[] Run(long endOfText)
    {
        var sampler = new RecordingSampler(GenerateChecks.Vocabulary);
        return new ProbeModel(GenerateChecks.Vocabulary, GenerateChecks.ContextLength, GenerateChecks.Next, sampler)
            .Generate(GenerateChecks.Prompt, GenerateChecks.NewTokens, endOfText);
    }
}
