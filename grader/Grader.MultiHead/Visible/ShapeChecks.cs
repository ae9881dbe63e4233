using GradingHost.Checks;
using Xunit;
using static GradingHost.Checks.MultiHead.Models;
using static TorchSharp.torch;

namespace GradingHost.Checks.MultiHead;

public sealed class ShapeChecks
{
    [Fact]
    public void AttentionKeepsTheInputShape() => ExpectSameShape(Models.Attention, "multi-head attention layer");

    [Fact]
    public void AttentionWeightsHaveOneMatrixPerHead()
    {
        foreach (var (b, t, d, n) in ShapeGrid)
        {
            var attention = Submission.Create(Models.Attention, Config(d, n));
            attention.eval();
            using var _ = no_grad();
            AttentionWeightsOf(attention, Inputs(b, t, d, seed: 2), n);
        }
    }

    [Fact]
    public void BlockKeepsTheInputShape() => ExpectSameShape(Block, "transformer block");

    [Fact]
    public void LanguageModelGivesLogitsForEveryPosition()
    {
        foreach (var (b, t, d, n) in ShapeGrid)
        {
            var config = Config(d, n);
            var model = Submission.Create(LanguageModel, config);
            model.eval();
            using var _ = no_grad();
            var logits = Forward(model, Tokens(b, t, config.VocabSize, seed: 1), "language model");
            long[] expected = [b, t, config.VocabSize];
            if (!logits.shape.SequenceEqual(expected))
                throw new StudentFeedback(
                    $"For a batch of {b} sequences of {t} tokens (width {d}, {n} heads, vocabulary {config.VocabSize}) your model's logits have shape {Shapes.Show(logits.shape)}; " +
                    $"expected {Shapes.Show(expected)}: one row of vocabulary scores per position.");
        }
    }

    private static void ExpectSameShape(string type, string what)
    {
        foreach (var (b, t, d, n) in ShapeGrid)
        {
            var module = Submission.Create(type, Config(d, n));
            module.eval();
            using var _ = no_grad();
            var output = Forward(module, Inputs(b, t, d, seed: 1), $"{what} ({n} heads)");
            long[] expected = [b, t, d];
            if (!output.shape.SequenceEqual(expected))
                throw new StudentFeedback(
                    $"With {n} heads your {what} maps input {Shapes.Show(expected)} to {Shapes.Show(output.shape)}; it must keep the shape (batch, time, width): " +
                    "merge the heads back to (B, T, d) before the output projection.");
        }
    }
}
