using Course.Kit;
using TorchSharp;
using static TorchSharp.torch;

namespace GradingHost.Checks;

/// <summary>
/// Dev perplexity computed here, in the checker, from the logits the model returns, exactly as the kit's
/// LanguageModeling.Perplexity computes it: the worker reports logits, never a score.
/// </summary>
public static class Evaluation
{
    /// <param name="windowsPerCall">windows the model reads in one forward pass: one by default; more costs fewer round trips to the worker</param>
    public static double Perplexity(ModuleUnderTest model, TokenStream tokens, int contextLength, int maxTokens, int vocabulary, string what, int windowsPerCall = 1)
    {
        model.Eval();
        double totalNll = 0;
        long count = 0;
        foreach (var windows in tokens.Windows(contextLength, maxTokens).Chunk(windowsPerCall))
        {
            using var scope = NewDisposeScope();
            var x = cat(windows.Select(w => w.X).ToArray());                      // (k, T)
            var y = cat(windows.Select(w => w.Y).ToArray());                      // (k, T)
            var logits = model.Forward(x, what);
            long[] expected = [windows.Length, contextLength, vocabulary];
            if (!logits.shape.SequenceEqual(expected))
                throw new StudentFeedback(
                    $"For {(windows.Length == 1 ? "a window" : $"{windows.Length} windows")} of {contextLength} tokens {model.Whose(what)} returned logits of shape {Shapes.Show(logits.shape)}; expected {Shapes.Show(expected)}.");
            var loss = LanguageModeling.Loss(logits, y);
            totalNll += loss.to(float64).item<double>() * y.numel();
            count += y.numel();
        }
        return Math.Exp(totalNll / count);
    }
}
