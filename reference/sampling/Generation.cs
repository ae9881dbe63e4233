using Course.Kit;
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
        Func<Tensor, Tensor> sample, long? endOfText = null)
    {
        var tokens = new List<long>(prompt);
        var device = Devices.Of(model);
        using var _ = no_grad();
        for (var step = 0; step < maxNewTokens; step++)
        {
            using var scope = NewDisposeScope();
            // The model knows contextLength positions only, so it sees the most recent ones.
            var window = tokens.Skip(Math.Max(0, tokens.Count - contextLength)).ToArray();
            var logits = model.forward(tensor(window, [1, window.Length]).to(device)); // (1, T, V)
            var next = sample(logits[TensorIndex.Colon, -1]).item<long>();             // (1, V) → (1)
            tokens.Add(next);
            if (next == endOfText)
                break;
        }
        return tokens.ToArray();
    }
}
