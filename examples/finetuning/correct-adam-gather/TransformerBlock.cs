using Course.Kit;
using TorchSharp;
using static TorchSharp.torch;

namespace Homework.MultiHead;

public sealed class TransformerBlock : nn.Module<Tensor, Tensor>
{
    private readonly MultiHeadAttention attention;
    private readonly Homework.Attention.Mlp mlp;

    public TransformerBlock(TransformerConfig config) : base(nameof(TransformerBlock))
    {
        attention = new MultiHeadAttention(config);
        mlp = new Homework.Attention.Mlp(config);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        x = x + attention.forward(x);
        return x + mlp.forward(x);
    }
}
