using Xunit;
using static GradingHost.Checks.FineTuning.Models;

namespace GradingHost.Checks.FineTuning;

/// <summary>Perplexity over consecutive windows, each target token scored once, is exp of the mean NLL over all of them.</summary>
public sealed class PerplexityChecks
{
    /// <summary>A text of 200 tokens leaves 7 unscored; one of 192 = 12 × 16 has exactly 11 whole windows, the last target its last token.</summary>
    [Fact]
    public void IsExpOfTheMeanNllOverConsecutiveWindows()
    {
        Expect(Definitions.Text(200, seed: 8));
        Expect(Definitions.Text(192, seed: 9));
    }

    private static void Expect(long[] text)
    {
        const int t = 16;
        using var model = Definitions.StandIn();
        var actual = Submission.Perplexity(model, text, t);
        var expected = Definitions.Perplexity(text, t);
        if (Math.Abs(actual - expected) <= 1e-4 * expected)
            return;
        (double Value, string Why)[] mistakes =
        [
            (Definitions.Perplexity(text, t, shifted: false), "It matches each position scored on its own token: the targets are the tokens after the inputs."),
            (Definitions.Perplexity(text, t, meanOfWindows: true), "It matches the mean of the windows' perplexities: average the NLL over every target token, then take exp once."),
            (Math.Exp(Math.Log(expected) / Math.Log(2)), "It matches a base-2 mean NLL put into exp: use natural logarithms throughout."),
        ];
        var why = mistakes.FirstOrDefault(m => Math.Abs(actual - m.Value) <= 1e-4 * m.Value).Why;
        throw new StudentFeedback($"{TrainingClass}.{Models.Perplexity} of the stand-in model on a text of {text.Length} tokens with contextLength = {t} is {actual:G6}; expected {expected:G6}." +
                                  (why is null ? "" : $" {why}"));
    }
}
