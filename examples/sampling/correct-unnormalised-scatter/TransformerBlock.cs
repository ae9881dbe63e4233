using Course.Kit;
using TorchSharp;
using static TorchSharp.torch;

namespace Homework.Attention;

public sealed class TransformerBlock : nn.Module<Tensor, Tensor>
{
    private readonly CausalSelfAttention attention;
    private readonly Mlp mlp;

    public TransformerBlock(TransformerConfig config) : base(nameof(TransformerBlock))
    {
        attention = new CausalSelfAttention(config);
        mlp = new Mlp(config);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var h = x + attention.forward(x);  // (B, T, d)
        return h + mlp.forward(h);         // (B, T, d)
    }
}
