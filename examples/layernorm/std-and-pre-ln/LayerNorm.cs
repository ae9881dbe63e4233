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
        gamma = nn.Parameter(ones(config.Width));
        beta = nn.Parameter(zeros(config.Width));
        RegisterComponents();
    }

    public override Tensor forward(Tensor h)
    {
        var mean = h.mean([-1], keepdim: true);
        var std = h.std(-1, keepdim: true);
        return gamma * (h - mean) / (std + Epsilon) + beta;
    }
}
