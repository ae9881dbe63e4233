using TorchSharp;
using static TorchSharp.torch;

namespace Homework.Sampling;

/// <summary>Draws the next token from a model's logits: temperature sampling and nucleus (top-p) sampling.</summary>
public static class Sampler
{
    /// <summary>y ~ softmax(e/τ), one independent draw per row: logits (B, V) → token ids (B), int64.</summary>
    /// <exception cref="ArgumentOutOfRangeException">τ ≤ 0.</exception>
    public static Tensor SampleWithTemperature(Tensor logits, double temperature, Generator? generator = null) =>
        throw new NotImplementedException("TODO: reject τ ≤ 0, take softmax(e/τ) over the vocabulary, draw one token per row with the caller's generator.");

    /// <summary>
    /// y ~ softmax(e/τ) restricted to its nucleus, the fewest most probable tokens whose mass reaches p,
    /// and renormalised there: logits (B, V) → token ids (B), int64.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">p outside (0, 1], or τ ≤ 0.</exception>
    public static Tensor SampleNucleus(Tensor logits, double p, double temperature = 1.0, Generator? generator = null) =>
        throw new NotImplementedException("TODO: sort softmax(e/τ), keep the shortest prefix whose mass reaches p, renormalise, draw, map back to token ids.");
}
