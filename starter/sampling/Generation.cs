using TorchSharp;
using static TorchSharp.torch;

namespace Homework.Sampling;

/// <summary>Autoregressive generation: append one sampled token at a time to the prompt.</summary>
public static class Generation
{
    /// <summary>
    /// The prompt followed by up to <paramref name="maxNewTokens"/> new tokens. Each new token is
    /// <paramref name="sample"/> applied to the logits (1, V) of the last position; generation stops
    /// early right after <paramref name="endOfText"/> is produced (it is kept).
    /// </summary>
    public static long[] Generate(
        nn.Module<Tensor, Tensor> model, long[] prompt, int maxNewTokens, int contextLength,
        Func<Tensor, Tensor> sample, long? endOfText = null) =>
        throw new NotImplementedException("TODO: repeatedly run the model on the last contextLength tokens, sample from the last position's logits, append.");
}
