using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Course.Gpt2;

/// <summary>GPT-2's feed-forward layer: c_proj(gelu(c_fc(x))), d → 4d → d, with GELU's tanh approximation ("gelu_new").</summary>
public sealed class Gpt2Mlp : nn.Module<Tensor, Tensor>
{
    private readonly Linear c_fc;
    private readonly Linear c_proj;

    public Gpt2Mlp(Gpt2Config config) : base(nameof(Gpt2Mlp))
    {
        c_fc = nn.Linear(config.Width, 4 * config.Width);
        c_proj = nn.Linear(4 * config.Width, config.Width);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => c_proj.forward(Gelu(c_fc.forward(x)));

    /// <summary>0.5 x (1 + tanh(√(2/π) (x + 0.044715 x³))), as GPT-2 was trained with.</summary>
    public static Tensor Gelu(Tensor x) => 0.5 * x * (1 + tanh(Math.Sqrt(2 / Math.PI) * (x + 0.044715 * x.pow(3))));
}
