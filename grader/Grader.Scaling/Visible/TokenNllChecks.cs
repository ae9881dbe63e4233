using Xunit;
using static GradingHost.Checks.Scaling.Models;

namespace GradingHost.Checks.Scaling;

/// <summary>
/// Token i is predicted by the model's output at position i − 1, in natural log, and the first token is
/// not scored. The stand-in model's probabilities are known exactly, so no reference code is needed.
/// </summary>
public sealed class TokenNllChecks
{
    /// <summary>Hits (the token after its predecessor, probability 0.7) and misses, a wrap-around from 11 to 0 included.</summary>
    public static readonly long[] Text = [3, 4, 5, 9, 10, 11, 0, 0, 1, 6, 7, 2, 3];

    [Fact]
    public void ScoresEachTokenFromThePositionBeforeIt()
    {
        using var model = KnownModel.Probe();
        var doing = $"{PerplexityClass}.{TokenNegativeLogLikelihoods} on the stand-in model (probability {KnownModel.Hit} for the token after the current one) and a text of {Text.Length} tokens";
        var actual = Submission.TokenNll(model, Text).data<double>().ToArray();
        Expect.Values(KnownModel.Nll(Text), actual, doing, Expect.Indexed(Text.Length - 1, "the NLL"), Diagnose);
    }

    /// <summary>The usual mistakes, recognised from the answer on the stand-in model.</summary>
    public static string? Diagnose(double[] actual)
    {
        var expected = KnownModel.Nll(Text);
        if (actual.Zip(expected).All(p => Expect.Close(p.Second / Math.Log(2), p.First)))
            return "Every value is the expected one divided by ln 2: base-2 logarithms. Use the natural log (log_softmax gives it).";
        var samePosition = Enumerable.Range(1, Text.Length - 1)
            .Select(i => Text[i] == (Text[i] + 1) % KnownModel.Vocabulary ? -Math.Log(KnownModel.Hit) : -Math.Log((1 - KnownModel.Hit) / (KnownModel.Vocabulary - 1)));
        if (actual.Zip(samePosition).All(p => Expect.Close(p.Second, p.First)))
            return "Each token was scored with the model's output at its own position, which already predicts the token after it: " +
                   "the prediction for token i is the output at position i − 1 (logits[:-1] against tokens[1:]).";
        return "Token i's NLL is −log_softmax(logits)[i − 1, tokens[i]], for i = 1 … N − 1.";
    }
}
