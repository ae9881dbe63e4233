using Xunit;
using static GradingHost.Checks.Sampling.Models;

namespace GradingHost.Checks.Sampling;

/// <summary>
/// Generate with a probe model whose last-position logits point at a known next token and a greedy
/// sample function: the text a correct Generate writes is known. The text stays inside the context
/// window and no end-of-text token is given, so only the prompt, the count and the sampling show here.
/// </summary>
public sealed class GenerateChecks
{
    public const int Vocabulary = 11;
    public const int ContextLength = 32;
    public static readonly long[] Prompt = [4, 9, 2];
    public const int NewTokens = 10;

    /// <summary>A permutation of the ids; from 2 it visits every id but 5 before it returns, 0 included.</summary>
    public static long Next(long token) => (7 * token + 3) % Vocabulary;

    [Fact]
    public void ReturnsThePromptFollowedByNewTokens()
    {
        foreach (var maxNewTokens in new[] { NewTokens, 1, 0 })
        {
            var output = Run(maxNewTokens).Output;
            if (!output.Take(Prompt.Length).SequenceEqual(Prompt))
                throw new StudentFeedback(
                    $"For the prompt [{string.Join(", ", Prompt)}] Generate returned [{Show(output)}], which does not start with the prompt. " +
                    "Return the whole text: the prompt followed by the new tokens.");
            if (output.Length != Prompt.Length + maxNewTokens)
                throw new StudentFeedback(
                    $"With a prompt of {Prompt.Length} tokens and maxNewTokens = {maxNewTokens} (no end-of-text token given), Generate returned {output.Length} tokens; " +
                    $"expected {Prompt.Length + maxNewTokens}: the prompt and exactly maxNewTokens new tokens.");
        }
    }

    [Fact]
    public void EachNewTokenIsSampledFromTheLastPosition()
    {
        var (output, sampler) = Run(NewTokens);
        var expected = new List<long>(Prompt);
        for (var i = 0; i < NewTokens; i++)
            expected.Add(Next(expected[^1]));
        for (var i = Prompt.Length; i < Math.Max(output.Length, expected.Count); i++)
        {
            if (i < output.Length && i < expected.Count && output[i] == expected[i])
                continue;
            if (i >= expected.Count)
                throw new StudentFeedback(
                    $"Generate returned {output.Length - Prompt.Length} new tokens where maxNewTokens = {NewTokens} allows {NewTokens}: stop after maxNewTokens tokens.");
            var got = i < output.Length ? $"token {output[i]}" : "nothing (the text ended)";
            throw new StudentFeedback(
                $"Position {i} of the text should be token {expected[i]}, the one the model's logits at the last position point to, but Generate put {got} there " +
                $"(the sample function was called {sampler.Returned.Count} times). Each step must run the model on the text so far, pass logits[:, -1] (shape (1, V)) to the sample function, " +
                "and append the id it returns.");
        }
    }

    private static (long[] Output, RecordingSampler Sampler) Run(int maxNewTokens)
    {
        var sampler = new RecordingSampler(Vocabulary);
        var output = new ProbeModel(Vocabulary, ContextLength, Next, sampler).Generate(Prompt, maxNewTokens);
        return (output, sampler);
    }

    private static string Show(long[] tokens) => string.Join(", ", tokens);
}
