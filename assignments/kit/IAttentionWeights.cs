using TorchSharp;

namespace Course.Kit;

/// <summary>
/// Lets the grader and the feedback report look at the attention pattern, not only at the output.
/// </summary>
public interface IAttentionWeights
{
    /// <summary>The attention matrix A = softmax(mask(QKᵀ/√d_k)): (B, T, d) → (B, T, T).</summary>
    torch.Tensor AttentionWeights(torch.Tensor x);
}
