using Course.Kit;
using Homework.Attention;
using TorchSharp;
using static TorchSharp.torch;

namespace Homework.LayerNorm;

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
        var afterAttention = attention_norm.forward(attention.forward(x)).add(x);
        return mlp_norm.forward(mlp.forward(afterAttention)).add(afterAttention);
    }
}
