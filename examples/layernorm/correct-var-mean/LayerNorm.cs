using Course.Kit;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Homework.LayerNorm;

public sealed class LayerNorm : nn.Module<Tensor, Tensor>
{
    public const double Epsilon = 1e-5;

    private readonly Parameter gamma;
    private readonly Parameter beta;

    public LayerNorm(TransformerConfig config) : base(nameof(LayerNorm))
    {
        gamma = new Parameter(full(config.Width, 1.0f));
        beta = new Parameter(zeros(config.Width));
        RegisterComponents();
    }

    public override Tensor forward(Tensor h)
    {
        var (variance, mean) = h.var_mean(-1, unbiased: false, keepdim: true);
        return (h - mean) * (variance + Epsilon).rsqrt() * gamma + beta;
    }
}
