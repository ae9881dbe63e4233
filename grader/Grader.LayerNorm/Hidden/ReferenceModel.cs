namespace GradingHost.Checks.LayerNorm;

/// <summary>The instructors' implementations, which only the hidden checks and the report (never the public checks) may use.</summary>
public static class ReferenceModel
{
    /// <summary>The layer-norm reference (its attention and MLP are the attention assignment's reference files).</summary>
    public static Implementation Implementation { get; } =
        new(typeof(Homework.LayerNorm.TinyLanguageModel).Assembly, Models.Namespace, "the reference");

    /// <summary>
    /// The attention assignment's reference: the same model without layer norm. Its assembly also holds
    /// Homework.Attention.CausalSelfAttention and Mlp, as the layer-norm reference does, so those two are
    /// only ever reached through an Implementation, never by type name.
    /// </summary>
    public static Implementation WithoutLayerNorm { get; } =
        new(typeof(Homework.Attention.TinyLanguageModel).Assembly, "Homework.Attention", "the attention reference");
}
