using Course.Kit;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Homework.Attention;

/// <summary>Single-head causal self-attention: Z = softmax(mask(QKᵀ/√d_k)) V W_O.</summary>
public sealed class CausalSelfAttention : nn.Module<Tensor, Tensor>, IAttentionWeights
{
    private readonly Linear query;
    private readonly Linear key;
    private readonly Linear value;
    private readonly Linear output;

    public CausalSelfAttention(TransformerConfig config) : base(nameof(CausalSelfAttention))
    {
        query = nn.Linear(config.Width, config.Width, hasBias: false);
        key = nn.Linear(config.Width, config.Width, hasBias: false);
        value = nn.Linear(config.Width, config.Width, hasBias: false);
        output = nn.Linear(config.Width, config.Width, hasBias: false);
        RegisterComponents();
    }

    public Tensor AttentionWeights(Tensor x)
    {
        var (t, dk) = (x.shape[1], x.shape[2]);
        var q = query.forward(x);                                   // (B, T, d)
        var k = key.forward(x);                                     // (B, T, d)
        var scores = q.matmul(k.transpose(-2, -1)) / Math.Sqrt(dk); // (B, T, T)
        // Position i may look at j ≤ i only; the mask goes on the scores, before the softmax,
        // so each row still sums to one over the positions it may see.
        var future = ones(t, t, dtype: ScalarType.Bool, device: x.device).triu(1);
        return scores.masked_fill(future, double.NegativeInfinity).softmax(-1);
    }

    public override Tensor forward(Tensor x)
    {
        var a = AttentionWeights(x);               // (B, T, T)
        var z = a.matmul(value.forward(x));        // (B, T, d)
        return output.forward(z);                  // (B, T, d)
    }
}
