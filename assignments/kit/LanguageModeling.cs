using TorchSharp;
using static TorchSharp.torch;

namespace Course.Kit;

/// <summary>The next-token loss and perplexity every assignment trains and evaluates with.</summary>
public static class LanguageModeling
{
    /// <summary>Mean cross-entropy of logits (B, T, V) against next tokens (B, T).</summary>
    public static Tensor Loss(Tensor logits, Tensor targets)
    {
        var vocab = logits.shape[^1];
        return nn.functional.cross_entropy(logits.reshape(-1, vocab), targets.reshape(-1));
    }

    /// <summary>exp(mean next-token NLL) over the first <paramref name="maxTokens"/> tokens, in the model's context windows.</summary>
    public static double Perplexity(nn.Module<Tensor, Tensor> model, TokenStream tokens, int contextLength, int maxTokens)
    {
        var device = Devices.Of(model);
        model.eval();
        using var _ = no_grad();
        double totalNll = 0;
        long count = 0;
        foreach (var (x, y) in tokens.Windows(contextLength, maxTokens))
        {
            using var scope = NewDisposeScope();
            var loss = Loss(model.forward(x.to(device)), y.to(device));
            totalNll += loss.to(float64).item<double>() * y.numel();
            count += y.numel();
        }
        return Math.Exp(totalNll / count);
    }
}
