using Course.Kit;
using static TorchSharp.torch;

namespace GradingHost.Checks;

/// <summary>Output shapes over a grid of (batch, time, width[, heads]): shared by the graders' "shapes" items.</summary>
public static class ShapeCheck
{
    /// <param name="grid">(B, T, config): T = 1, widths that are not powers of two, T past a typical tile size</param>
    /// <param name="advice">appended to the message, e.g. "merge the heads back to (B, T, d) before the output projection"</param>
    public static void KeepsTheInputShape(Implementation submission, string type, string what, IEnumerable<(int B, int T, TransformerConfig Config)> grid,
        string advice = "", EmptyAttentionRows? explained = null)
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
            Compare.ExpectSomeFinite(output, $"The output of your {what}{heads}", explained);
        }
    }

    public static void LanguageModelGivesLogitsForEveryPosition(Implementation submission, string languageModel, IEnumerable<(int B, int T, TransformerConfig Config)> grid,
        EmptyAttentionRows? explained = null)
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
            Compare.ExpectSomeFinite(logits, "Your model's logits", explained);
        }
    }

    /// <summary>
    /// One instance called at several sequence lengths, in turn, must answer each exactly as a fresh
    /// instance with the same weights does: state kept from an earlier call (a mask or buffer built for
    /// one T) passes every check that builds a module per call, yet breaks generation, which calls one
    /// model at growing lengths.
    /// </summary>
    public static void OneInstanceServesEverySequenceLength(Implementation submission, string type, string what, TransformerConfig config, int[] lengths,
        EmptyAttentionRows? explained = null)
    {
        var reused = submission.Create(type, config, seed: 2);
        reused.Eval();
        for (var i = 0; i < lengths.Length; i++)
        {
            var t = lengths[i];
            var x = randn([2, t, config.Width], generator: new Generator((ulong)(30 + t)));
            var fresh = submission.Create(type, config, seed: 2);
            fresh.Eval();
            var expected = Compare.ExpectSomeFinite(fresh.Forward(x, what), $"The output of your {what}", explained);
            var earlier = i == 0 ? "" : $" after calls with T = {string.Join(", ", lengths[..i])}";
            Tensor actual;
            try
            {
                actual = reused.Forward(x, what);
            }
            catch (StudentCodeFailed e) when (i > 0)
            {
                throw new StudentCodeFailed($"Called again with T = {t}{earlier}, your {what} failed, although a fresh one with the same weights did not: {e.Message} " + Advice, e.Fault);
            }
            if (Compare.Difference(expected, actual, "") is { } problem)
                throw new StudentFeedback($"Called with T = {t}{earlier}, your {what} answers differently from a fresh one with the same weights: {problem} " + Advice);
        }
    }

    private const string Advice =
        "It keeps something from an earlier call that depends on the sequence length, such as a mask built for the first T. " +
        "Build what depends on T inside forward, from the input's shape (or slice a buffer built for ContextLength to T).";
}
