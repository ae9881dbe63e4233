using Xunit;
using static GradingHost.Checks.Scaling.Models;

namespace GradingHost.Checks.Scaling;

/// <summary>
/// The perplexity of a continuation given its context scores the continuation's tokens only, its first one
/// from the context's last position: on the stand-in model exactly, and on trained models as the reference.
/// </summary>
public sealed class ConditionalChecks
{
    /// <summary>The continuation's first token follows the context's last (a hit only when the context is read).</summary>
    private static readonly long[] Context = [5, 6, 2, 3];
    private static readonly long[] Continuation = [4, 9, 10, 11];

    [Fact]
    public void OnlyTheContinuationIsScored()
    {
        var nll = KnownModel.Nll([.. Context, .. Continuation])[(Context.Length - 1)..];
        using var model = KnownModel.Probe();
        var actual = Submission.ConditionalPerplexity(model, Context, Continuation);
        Expect.Values([Math.Exp(nll.Average())], [actual],
            $"{PerplexityClass}.{Conditional} on the stand-in model, a context of {Context.Length} tokens and a continuation of {Continuation.Length}",
            ["the conditional perplexity"], _ => Diagnose(actual));
    }

    [Fact]
    public void MatchesTheReferenceOnTrainedModels()
    {
        foreach (var (model, member, text) in TrainedModelChecks.Cases())
        {
            var split = text.Length / 2;
            long[] context = text[..split], continuation = text[split..];
            using var probe = Family.StandIn(model);
            var expected = Homework.Scaling.Perplexity.Conditional(model, context, continuation).item<double>();
            var actual = Submission.ConditionalPerplexity(probe, context, continuation);
            Expect.Values([expected], [actual],
                $"{PerplexityClass}.{Conditional} with the family's {member} model, a context of {context.Length} tokens and a continuation of {continuation.Length}",
                ["the conditional perplexity"]);
        }
    }

    private static string? Diagnose(double actual)
    {
        var all = KnownModel.Nll([.. Context, .. Continuation]);
        (double Value, string Why)[] mistakes =
        [
            (Math.Exp(KnownModel.Nll(Continuation).Average()), "It matches the continuation scored on its own: the model must read the context first, and the continuation's first token is predicted from the context's last position."),
            (Math.Exp(all.Average()), "It matches the whole text's perplexity: score only the continuation's tokens."),
            (Math.Exp(all[Context.Length..].Average()), "It leaves out the continuation's first token: it is predicted from the context's last position, and is scored too."),
        ];
        return mistakes.FirstOrDefault(m => Expect.Close(m.Value, actual)).Why;
    }
}
