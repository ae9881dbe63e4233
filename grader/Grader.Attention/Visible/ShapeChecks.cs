using GradingHost.Checks;
using Xunit;
using static GradingHost.Checks.Attention.Models;

namespace GradingHost.Checks.Attention;

public sealed class ShapeChecks
{
    [Fact]
    public void AttentionKeepsTheInputShape() => ExpectSameShape(Models.Attention, "attention layer");

    [Fact]
    public void BlockKeepsTheInputShape() => ExpectSameShape(Block, "transformer block");

    [Fact]
    public void LanguageModelGivesLogitsForEveryPosition()
    {
        foreach (var (b, t, d) in ShapeGrid)
        {
            var config = Config(d);
            var model = Submission.Create(LanguageModel, config);
            model.eval();
            var logits = Forward(model, Tokens(b, t, config.VocabSize, seed: 1), "language model");
            long[] expected = [b, t, config.VocabSize];
            if (!logits.shape.SequenceEqual(expected))
                throw new StudentFeedback(
                    $"For a batch of {b} sequences of {t} tokens (width {d}, vocabulary {config.VocabSize}) your model's logits have shape {Shapes.Show(logits.shape)}; " +
                    $"expected {Shapes.Show(expected)}: one row of vocabulary scores per position, not only for the last one.");
        }
    }

    private static void ExpectSameShape(string type, string what)
    {
        foreach (var (b, t, d) in ShapeGrid)
        {
            var module = Submission.Create(type, Config(d));
            module.eval();
            var output = Forward(module, Inputs(b, t, d, seed: 1), what);
            long[] expected = [b, t, d];
            if (!output.shape.SequenceEqual(expected))
                throw new StudentFeedback($"Your {what} maps input {Shapes.Show(expected)} to {Shapes.Show(output.shape)}; it must keep the shape (batch, time, width).");
        }
    }
}
