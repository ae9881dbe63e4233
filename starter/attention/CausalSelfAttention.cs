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

    /// <summary>A = softmax(mask(QKᵀ/√d_k)): (B, T, d) → (B, T, T). Row i may only attend to positions j ≤ i.</summary>
    public Tensor AttentionWeights(Tensor x) =>
        throw new NotImplementedException("TODO: Q = XW_Q, K = XW_K, scores = QKᵀ/√d_k, mask j > i with -∞, softmax over the last axis.");

    /// <summary>Z = A V W_O: (B, T, d) → (B, T, d).</summary>
    public override Tensor forward(Tensor x) =>
        throw new NotImplementedException("TODO: V = XW_V, then A·V, then the output projection W_O.");
}
