using TorchSharp;
using static TorchSharp.torch;

namespace Homework.Scaling;

public static class Perplexity
{
    public static Tensor TokenNegativeLogLikelihoods(nn.Module<Tensor, Tensor> model, long[] tokens)
    {
        model.eval();
        using var _ = no_grad();
        var x = tensor(tokens[..^1], [1, tokens.Length - 1]);        // inputs: all but the last token
        var y = tensor(tokens[1..]);                                   // targets: all but the first
        var logits = model.forward(x)[0];                              // (N - 1, V)
        return nn.functional.cross_entropy(logits, y, reduction: nn.Reduction.None);
    }

    public static Tensor Compute(nn.Module<Tensor, Tensor> model, long[] tokens)
    {
        var nll = TokenNegativeLogLikelihoods(model, tokens).to(float64);
        return (nll.sum() / nll.shape[0]).exp().reshape(1);
    }

    public static Tensor Conditional(nn.Module<Tensor, Tensor> model, long[] context, long[] continuation)
    {
        var all = context.Concat(continuation).ToArray();
        var nll = TokenNegativeLogLikelihoods(model, all);
        var tail = nll.narrow(0, nll.shape[0] - continuation.Length, continuation.Length);
        return tail.to(float64).mean().exp();
    }

    public static long[] TopContributors(Tensor negativeLogLikelihoods, int k)
    {
        var values = negativeLogLikelihoods.to(float64).data<double>().ToArray();
        return values.Select((v, i) => (v, i))
            .OrderByDescending(p => p.v)
            .Take(k)
            .Select(p => (long)p.i + 1)
            .ToArray();
    }
}
