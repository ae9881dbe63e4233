using Course.Kit;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Homework.Attention;

/// <summary>The position-wise MLP: H = ReLU(Z W_up + b1) W_down + b2.</summary>
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

    public override Tensor forward(Tensor z) =>
        down.forward(nn.functional.relu(up.forward(z)));  // (B, T, 4d) → (B, T, d)
}
