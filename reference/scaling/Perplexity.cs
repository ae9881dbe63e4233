using TorchSharp;
using static TorchSharp.torch;

namespace Homework.Scaling;

/// <summary>Perplexity by hand, from a language model's logits.</summary>
public static class Perplexity
{
    /// <summary>
    /// −ln p(tokens[i] | tokens[..i]) for i = 1 … N − 1, shape (N − 1): the prediction for token i is the
    /// model's output at position i − 1, and the first token, predicted by nothing, is not scored.
    /// </summary>
    public static Tensor TokenNegativeLogLikelihoods(nn.Module<Tensor, Tensor> model, long[] tokens)
    {
        model.eval();
        using var _ = no_grad();
        var input = tensor(tokens, [1, tokens.Length]);
        var logProbs = model.forward(input)[0].to(float64).log_softmax(-1);     // (N, V)
        var predicted = logProbs[..^1];                                          // (N − 1, V): positions 0 … N − 2
        var next = tensor(tokens[1..]).unsqueeze(-1);                            // (N − 1, 1): tokens 1 … N − 1
        return -predicted.gather(-1, next).squeeze(-1);                          // (N − 1)
    }

    /// <summary>exp of the mean negative log-likelihood over the N − 1 scored tokens; a 0-dim tensor.</summary>
    public static Tensor Compute(nn.Module<Tensor, Tensor> model, long[] tokens) =>
        TokenNegativeLogLikelihoods(model, tokens).mean().exp();

    /// <summary>
    /// The perplexity of <paramref name="continuation"/> given <paramref name="context"/>: the model reads
    /// context + continuation, and only the continuation's tokens are scored, its first one from the
    /// context's last position.
    /// </summary>
    public static Tensor Conditional(nn.Module<Tensor, Tensor> model, long[] context, long[] continuation)
    {
        var nll = TokenNegativeLogLikelihoods(model, [.. context, .. continuation]);   // scores tokens 1 … C + K − 1
        return nll[(context.Length - 1)..].mean().exp();                               // the last K: the continuation
    }

    /// <summary>The positions in the text (1 … N − 1) of the <paramref name="k"/> tokens with the largest NLL, largest first.</summary>
    public static long[] TopContributors(Tensor negativeLogLikelihoods, int k)
    {
        var (_, order) = negativeLogLikelihoods.topk(k);
        return (order + 1).data<long>().ToArray();
    }
}
