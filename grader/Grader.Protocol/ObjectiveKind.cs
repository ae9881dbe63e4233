namespace GradingHost.Protocol;

public enum ObjectiveKind
{
    /// <summary>sum(output.float32 ⊙ tensor): a fixed random projection makes any output a scalar.</summary>
    Projection,
    /// <summary>The kit's next-token cross-entropy of logits (B, T, V) against targets (B, T).</summary>
    NextTokenLoss,
}
