using TorchSharp;
using static TorchSharp.torch;

namespace Homework.Sampling;

/// <summary>Draws the next token from a model's logits: temperature sampling and nucleus (top-p) sampling.</summary>
public static class Sampler
{
    /// <summary>y ~ softmax(e/τ), one independent draw per row: logits (B, V) → token ids (B), int64.</summary>
    /// <exception cref="ArgumentOutOfRangeException">τ ≤ 0.</exception>
    public static Tensor SampleWithTemperature(Tensor logits, double temperature, Generator? generator = null)
    {
        var probs = Tempered(logits, temperature);                    // (B, V)
        return probs.multinomial(1, generator: generator).squeeze(-1); // (B, 1) → (B)
    }

    /// <summary>
    /// y ~ softmax(e/τ) restricted to its nucleus, the fewest most probable tokens whose mass reaches p,
    /// and renormalised there: logits (B, V) → token ids (B), int64.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">p outside (0, 1], or τ ≤ 0.</exception>
    public static Tensor SampleNucleus(Tensor logits, double p, double temperature = 1.0, Generator? generator = null)
    {
        if (!(p > 0 && p <= 1))
            throw new ArgumentOutOfRangeException(nameof(p), p, "The nucleus mass p must lie in (0, 1].");
        var probs = Tempered(logits, temperature);                  // (B, V)
        var (sorted, order) = probs.sort(-1, descending: true);     // (B, V) each, most probable first
        var before = sorted.cumsum(-1) - sorted;                    // (B, V): mass of the tokens ranked above
        // A token stays while the mass above it is still short of p, so the token that crosses p stays too.
        var nucleus = sorted.masked_fill(before.ge(p), 0.0);        // (B, V)
        var kept = nucleus / nucleus.sum(-1, keepdim: true);        // (B, V), each row sums to 1
        var rank = kept.multinomial(1, generator: generator);       // (B, 1): a position in the sorted order
        return order.gather(-1, rank).squeeze(-1);                  // (B): back to token ids
    }

    private static Tensor Tempered(Tensor logits, double temperature)
    {
        if (!(temperature > 0))
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature,
                "The temperature τ must be positive; for greedy decoding use a small τ such as 1e-6.");
        return (logits / temperature).softmax(-1);
    }
}
