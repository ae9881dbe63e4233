using Course.Kit;
using static TorchSharp.torch;

namespace GradingHost.Checks;

/// <summary>Output shapes over a grid of (batch, time, width[, heads]): shared by the graders' "shapes" items.</summary>
public static class ShapeCheck
{
    /// <param name="grid">(B, T, config): T = 1, widths that are not powers of two, T past a typical tile size</param>
    /// <param name="advice">appended to the message, e.g. "merge the heads back to (B, T, d) before the output projection"</param>
    public static void KeepsTheInputShape(Implementation submission, string type, string what, IEnumerable<(int B, int T, TransformerConfig Config)> grid, string advice = "")
    {
        foreach (var (b, t, config) in grid)
        {
            var module = submission.Create(type, config, seed: 1);
            module.Eval();
            long[] expected = [b, t, config.Width];
            var heads = config.Heads > 1 ? $" ({config.Heads} heads)" : "";
            var output = module.Forward(randn(expected, generator: new Generator(1)), what + heads);
            if (!output.shape.SequenceEqual(expected))
                throw new StudentFeedback($"Your {what}{heads} maps input {Shapes.Show(expected)} to {Shapes.Show(output.shape)}; it must keep the shape (batch, time, width).{advice}");
        }
    }

    public static void LanguageModelGivesLogitsForEveryPosition(Implementation submission, string languageModel, IEnumerable<(int B, int T, TransformerConfig Config)> grid)
    {
        foreach (var (b, t, config) in grid)
        {
            var model = submission.Create(languageModel, config, seed: 1);
            model.Eval();
            var tokens = randint(0, config.VocabSize, [b, t], generator: new Generator(1), dtype: int64);
            var logits = model.Forward(tokens, "language model");
            long[] expected = [b, t, config.VocabSize];
            if (!logits.shape.SequenceEqual(expected))
                throw new StudentFeedback(
                    $"For a batch of {b} sequences of {t} tokens (width {config.Width}{(config.Heads > 1 ? $", {config.Heads} heads" : "")}, vocabulary {config.VocabSize}) " +
                    $"your model's logits have shape {Shapes.Show(logits.shape)}; expected {Shapes.Show(expected)}: one row of vocabulary scores per position, not only for the last one.");
        }
    }
}
