using Course.Kit;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Homework.MultiHead;

public sealed class MultiHeadAttention : nn.Module<Tensor, Tensor>, IAttentionWeights
{
    private readonly Linear query;
    private readonly Linear key;
    private readonly Linear value;
    private readonly Linear output;
    private readonly int heads;
    private readonly int headSize;

    public MultiHeadAttention(TransformerConfig config) : base(nameof(MultiHeadAttention))
    {
        heads = config.Heads;
        headSize = HeadSizeOf(config);
        query = nn.Linear(config.Width, config.Width, hasBias: false);
        key = nn.Linear(config.Width, config.Width, hasBias: false);
        value = nn.Linear(config.Width, config.Width, hasBias: false);
        output = nn.Linear(config.Width, config.Width, hasBias: false);
        RegisterComponents();
    }

    public Tensor AttentionWeights(Tensor x)
    {
        var t = x.shape[1];
        var q = SplitHeads(query.forward(x));
        var k = SplitHeads(key.forward(x));
        var scores = q.matmul(k.transpose(-2, -1)) / Math.Sqrt(headSize);
        var future = ones(t, t, dtype: ScalarType.Bool, device: x.device).triu(1);
        return scores.masked_fill(future, double.NegativeInfinity).softmax(-1);
    }

    public override Tensor forward(Tensor x)
    {
        var (b, t, d) = (x.shape[0], x.shape[1], x.shape[2]);
        var z = AttentionWeights(x).matmul(SplitHeads(value.forward(x)));
        return output.forward(z.transpose(1, 2).reshape(b, t, d));
    }

    // The typical mistake: (B, T, d) is reinterpreted as (B, n, T, d/n) without transposing,
    // so a "head" holds slices of several positions.
    private Tensor SplitHeads(Tensor x) => x.view(x.shape[0], heads, x.shape[1], headSize);

    private static int HeadSizeOf(TransformerConfig config) =>
        config.Width % config.Heads == 0
            ? config.Width / config.Heads
            : throw new ArgumentException($"Width {config.Width} is not divisible by {config.Heads} heads.", nameof(config));
}
