using Course.Kit;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Homework.MultiHead;

/// <summary>
/// Causal self-attention with n heads: each head attends in its own d/n features,
/// head_h = softmax(mask(Q_h K_hᵀ/√(d/n))) V_h, and Z = concat(head_1 … head_n) W_O.
/// </summary>
public sealed partial class MultiHeadAttention : nn.Module<Tensor, Tensor>, IAttentionWeights
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

    /// <summary>The per-head weights A_h = softmax(mask(Q_h K_hᵀ/√(d/n))): (B, T, d) → (B, n, T, T).</summary>
    public Tensor AttentionWeights(Tensor x)
    {
        var t = x.shape[1];
        var q = SplitHeads(Project(query, x));                                  // (B, n, T, d/n)
        var k = SplitHeads(key.forward(x));                                     // (B, n, T, d/n)
        var scores = q.matmul(k.transpose(-2, -1)) / Math.Sqrt(headSize);       // (B, n, T, T)
        // One (T, T) mask broadcasts over the batch and the heads: no head of any sequence sees its future.
        var future = ones(t, t, dtype: ScalarType.Bool, device: x.device).triu(1);
        return scores.masked_fill(future, double.NegativeInfinity).softmax(-1);
    }

    public override Tensor forward(Tensor x)
    {
        var (b, t, d) = (x.shape[0], x.shape[1], x.shape[2]);
        var a = AttentionWeights(x);                             // (B, n, T, T)
        var z = a.matmul(SplitHeads(Project(value, x)));         // (B, n, T, d/n)
        // The heads go back side by side on the feature axis: (B, T, n, d/n) before flattening to (B, T, d).
        return output.forward(z.transpose(1, 2).reshape(b, t, d));
    }

    /// <summary>(B, T, d) → (B, n, T, d/n): head h gets features h·d/n … (h+1)·d/n − 1 of every position.</summary>
    private Tensor SplitHeads(Tensor x) =>
        x.view(x.shape[0], x.shape[1], heads, headSize).transpose(1, 2);

    /// <summary>d/n, the width of one head's queries, keys and values.</summary>
    private static int HeadSizeOf(TransformerConfig config) =>
        config.Width % config.Heads == 0
            ? config.Width / config.Heads
            : throw new ArgumentException(
                $"The width d = {config.Width} is not divisible by the number of heads n = {config.Heads}: every head needs d/n whole features.",
                nameof(config));

    /// <summary>A projection's output W x, plus LoRA's low-rank update where HW2's fine-tuning adapted it (its extra credit, reference/finetuning).</summary>
    private Tensor Project(Linear projection, Tensor x)
    {
        var y = projection.forward(x);
        AddLowRankUpdate(projection, x, ref y);
        return y;
    }

    /// <summary>Implemented by the fine-tuning reference's LoRA; in Q3 alone the compiler removes the call.</summary>
    partial void AddLowRankUpdate(Linear projection, Tensor x, ref Tensor y);
}
