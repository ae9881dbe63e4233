using Course.Kit;
using Homework.Attention;
using TorchSharp;
using static TorchSharp.torch;

namespace Homework.LayerNorm;

/// <summary>
/// A decoder block whose attention and MLP outputs are layer-normalised before they join the residual
/// stream: h = x + LN₁(Attention(x)); output = h + LN₂(MLP(h)).
/// </summary>
public sealed class TransformerBlock : nn.Module<Tensor, Tensor>
{
    private readonly CausalSelfAttention attention;
    private readonly LayerNorm attention_norm;
    private readonly Mlp mlp;
    private readonly LayerNorm mlp_norm;

    public TransformerBlock(TransformerConfig config) : base(nameof(TransformerBlock))
    {
        attention = new CausalSelfAttention(config);
        attention_norm = new LayerNorm(config);
        mlp = new Mlp(config);
        mlp_norm = new LayerNorm(config);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var h = x + attention_norm.forward(attention.forward(x));  // (B, T, d)
        return h + mlp_norm.forward(mlp.forward(h));               // (B, T, d)
    }
}
