namespace Course.Kit;

/// <summary>The shape of a decoder-only transformer; every module is built from one of these.</summary>
/// <param name="VocabSize">number of token ids the embedding and the LM head cover</param>
/// <param name="ContextLength">the longest sequence the position embedding covers</param>
/// <param name="Width">d, the residual-stream width</param>
/// <param name="Layers">number of transformer blocks</param>
/// <param name="Heads">attention heads (1 for the single-head assignment)</param>
/// <param name="MlpRatio">the MLP's hidden width is MlpRatio · d</param>
/// <param name="InitStd">standard deviation of the normal initialisation of weights and embeddings</param>
public sealed record TransformerConfig(
    int VocabSize,
    int ContextLength,
    int Width,
    int Layers = 2,
    int Heads = 1,
    int MlpRatio = 4,
    double InitStd = 0.02)
{
    public int HeadSize => Width / Heads;
    public int MlpWidth => MlpRatio * Width;
}
