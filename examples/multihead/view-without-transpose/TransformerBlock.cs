using Course.Kit;
using Homework.Attention;
using TorchSharp;
using static TorchSharp.torch;

namespace Homework.MultiHead;

/// <summary>One decoder block with multi-head attention, and a residual connection around attention and around the MLP.</summary>
public sealed class TransformerBlock : nn.Module<Tensor, Tensor>
{
    private readonly MultiHeadAttention attention;
    private readonly Mlp mlp;

    public TransformerBlock(TransformerConfig config) : base(nameof(TransformerBlock))
    {
        attention = new MultiHeadAttention(config);
        mlp = new Mlp(config);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var h = x + attention.forward(x);  // (B, T, d)
        return h + mlp.forward(h);         // (B, T, d)
    }
}
