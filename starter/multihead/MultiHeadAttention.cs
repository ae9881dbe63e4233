using Course.Kit;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Homework.MultiHead;

/// <summary>
/// Causal self-attention with n heads: each head attends in its own d/n features,
/// head_h = softmax(mask(Q_h K_hᵀ/√(d/n))) V_h, and Z = concat(head_1 … head_n) W_O.
/// </summary>
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

    /// <summary>The per-head weights A_h = softmax(mask(Q_h K_hᵀ/√(d/n))): (B, T, d) → (B, n, T, T). Row i of every head may only attend to positions j ≤ i.</summary>
    public Tensor AttentionWeights(Tensor x) =>
        throw new NotImplementedException("TODO: Q = XW_Q and K = XW_K split into heads (B, n, T, d/n), scores = Q_h K_hᵀ/√(d/n), mask j > i with -∞, softmax over the last axis.");

    /// <summary>Z = concat(A_h V_h) W_O: (B, T, d) → (B, T, d).</summary>
    public override Tensor forward(Tensor x) =>
        throw new NotImplementedException("TODO: V = XW_V split into heads, A_h V_h per head, heads merged back to (B, T, d), then the output projection W_O.");

    /// <summary>d/n, the width of one head's queries, keys and values. Throws ArgumentException, naming d and n, when n does not divide d.</summary>
    private static int HeadSizeOf(TransformerConfig config) =>
        throw new NotImplementedException("TODO: return d / n; when d % n != 0 throw an ArgumentException whose message names the width and the number of heads.");
}
