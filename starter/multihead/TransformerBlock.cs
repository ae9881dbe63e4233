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

    /// <summary>h = x + Attention(x); output = h + MLP(h). (B, T, d) → (B, T, d).</summary>
    public override Tensor forward(Tensor x) =>
        throw new NotImplementedException("TODO: the two residual connections, as in HW2 Q1.");
}
