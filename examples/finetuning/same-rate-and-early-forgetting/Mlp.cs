using Course.Kit;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Homework.Attention;

public sealed class Mlp : nn.Module<Tensor, Tensor>
{
    private readonly Linear up;
    private readonly Linear down;

    public Mlp(TransformerConfig config) : base(nameof(Mlp))
    {
        up = nn.Linear(config.Width, config.MlpWidth);
        down = nn.Linear(config.MlpWidth, config.Width);
        RegisterComponents();
    }

    public override Tensor forward(Tensor z)
    {
        var hidden = up.forward(z).clamp_min(0);
        return down.forward(hidden);
    }
}
