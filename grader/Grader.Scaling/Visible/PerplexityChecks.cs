using Xunit;
using static GradingHost.Checks.Scaling.Models;

namespace GradingHost.Checks.Scaling;

/// <summary>Perplexity is exp of the mean NLL over the N − 1 scored tokens, on the stand-in model whose probabilities are known.</summary>
public sealed class PerplexityChecks
{
    [Fact]
    public void IsTheExponentialOfTheMeanNll()
    {
        var text = TokenNllChecks.Text;
        var nll = KnownModel.Nll(text);
        using var model = KnownModel.Probe();
        var actual = Submission.Perplexity(model, text);
        Expect.Values([Math.Exp(nll.Average())], [actual],
            $"{PerplexityClass}.{Compute} on the stand-in model and a text of {text.Length} tokens", ["the perplexity"], _ => Diagnose(nll, actual));
    }

    /// <summary>The usual mistakes, recognised from the answer: the wrong count, the wrong base, no exponential.</summary>
    public static string? Diagnose(double[] nll, double actual)
    {
        (double Value, string Why)[] mistakes =
        [
            (Math.Exp(nll.Sum() / (nll.Length + 1)), "It matches the NLL summed over N − 1 tokens but divided by N: average over the tokens you scored, N − 1."),
            (Math.Exp(nll.Average() / Math.Log(2)), "It matches exp of the mean base-2 NLL: take exp of a natural-log mean (or 2 to the power of a base-2 mean)."),
            (nll.Average(), "It matches the mean NLL itself: perplexity is exp of it."),
            (Math.Pow(2, nll.Average()), "It matches 2 to the power of a natural-log mean: use exp."),
        ];
        return mistakes.FirstOrDefault(m => Expect.Close(m.Value, actual)).Why;
    }
}
