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

    private readonly Parameter gamma;
    private readonly Parameter beta;

    public LayerNorm(TransformerConfig config) : base(nameof(LayerNorm))
    {
        // γ = 1, β = 0: the layer starts as a plain standardisation and learns its own scale and shift.
        gamma = nn.Parameter(ones(config.Width));   // (d)
        beta = nn.Parameter(zeros(config.Width));   // (d)
        RegisterComponents();
    }

    public override Tensor forward(Tensor h)
    {
        // Centring before squaring keeps the variance accurate when |μ| ≫ σ, where E[h²] − μ² would
        // subtract two nearly equal large numbers.
        var mu = h.mean([-1], keepdim: true);                       // (..., 1)
        var centred = h - mu;                                       // (..., d)
        var variance = centred.square().mean([-1], keepdim: true);  // (..., 1), biased: divides by d
        var sigma = (variance + Epsilon).sqrt();                    // (..., 1)
        return gamma * (centred / sigma) + beta;                    // (..., d)
    }
}
