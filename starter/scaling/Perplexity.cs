using TorchSharp;
using static TorchSharp.torch;

namespace Homework.Scaling;

/// <summary>Perplexity by hand, from a language model's logits (handout, part 1).</summary>
public static class Perplexity
{
    /// <summary>
    /// −ln p(tokens[i] | tokens[..i]) for i = 1 … N − 1, shape (N − 1): the prediction for token i is the
    /// model's output at position i − 1, and the first token, predicted by nothing, is not scored.
    /// </summary>
    public static Tensor TokenNegativeLogLikelihoods(nn.Module<Tensor, Tensor> model, long[] tokens) =>
        throw new NotImplementedException("TODO: eval mode, one forward pass over (1, N), log-softmax, and pick each next token's log-probability.");

    /// <summary>exp of the mean negative log-likelihood over the N − 1 scored tokens; a 0-dim tensor.</summary>
    public static Tensor Compute(nn.Module<Tensor, Tensor> model, long[] tokens) =>
        throw new NotImplementedException("TODO: perplexity = exp(mean NLL).");

    /// <summary>
    /// The perplexity of <paramref name="continuation"/> given <paramref name="context"/>: the model reads
    /// context + continuation, and only the continuation's tokens are scored, its first one from the
    /// context's last position.
    /// </summary>
    public static Tensor Conditional(nn.Module<Tensor, Tensor> model, long[] context, long[] continuation) =>
        throw new NotImplementedException("TODO: score context + continuation, keep the continuation's NLLs, exp(mean).");

    /// <summary>The positions in the text (1 … N − 1) of the <paramref name="k"/> tokens with the largest NLL, largest first.</summary>
    public static long[] TopContributors(Tensor negativeLogLikelihoods, int k) =>
        throw new NotImplementedException("TODO: the k largest NLLs, as positions in the text.");
}
