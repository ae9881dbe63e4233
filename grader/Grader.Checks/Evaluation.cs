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
    public static double Perplexity(ModuleUnderTest model, TokenStream tokens, int contextLength, int maxTokens, int vocabulary, string what)
    {
        model.Eval();
        double totalNll = 0;
        long count = 0;
        foreach (var (x, y) in tokens.Windows(contextLength, maxTokens))
        {
            using var scope = NewDisposeScope();
            var logits = model.Forward(x, what);
            long[] expected = [1, contextLength, vocabulary];
            if (!logits.shape.SequenceEqual(expected))
                throw new StudentFeedback($"For a window of {contextLength} tokens {model.Whose(what)} returned logits of shape {Shapes.Show(logits.shape)}; expected {Shapes.Show(expected)}.");
            var loss = LanguageModeling.Loss(logits, y);
            totalNll += loss.to(float64).item<double>() * y.numel();
            count += y.numel();
        }
        return Math.Exp(totalNll / count);
    }
}
