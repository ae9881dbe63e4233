using Course.Kit;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Homework.LayerNorm;

/// <summary>
/// Layer norm over the last dimension: ĥ = γ ⊙ (h − μ) / σ + β, with μ and the biased variance taken
/// over the d features of each vector and σ = √(variance + ε).
/// </summary>
public sealed class LayerNorm : nn.Module<Tensor, Tensor>
{
    public const double Epsilon = 1e-5;

    /// <summary>
    /// Declare two fields, <c>gamma</c> and <c>beta</c>: learnable parameters of shape (d) = (config.Width)
    /// that start at 1 and 0. The grader finds them by these names among the module's parameters.
    /// </summary>
    public LayerNorm(TransformerConfig config) : base(nameof(LayerNorm)) =>
        throw new NotImplementedException("TODO: create γ = 1 and β = 0 of shape (d) as parameters, then RegisterComponents().");

    /// <summary>(..., d) → (..., d): normalise each vector over its last dimension, then scale by γ and shift by β.</summary>
    public override Tensor forward(Tensor h) =>
        throw new NotImplementedException("TODO: ĥ = γ (h − μ)/√(biased variance + ε) + β over the last dimension.");
}
