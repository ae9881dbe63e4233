namespace Course.Gpt2;

/// <summary>
/// GPT-2's hyper-parameters, named as Hugging Face's config.json names them (n_embd, n_layer, n_head,
/// n_positions, vocab_size, layer_norm_epsilon). GPT-2 small is <see cref="Small"/>.
/// </summary>
public sealed record Gpt2Config(int VocabSize, int ContextLength, int Width, int Layers, int Heads, double LayerNormEpsilon = 1e-5)
{
    /// <summary>GPT-2 small (124M parameters), the checkpoint Hugging Face calls "gpt2".</summary>
    public static Gpt2Config Small { get; } = new(50_257, 1_024, 768, 12, 12);

    public int HeadSize => Width % Heads == 0
        ? Width / Heads
        : throw new ArgumentException($"The width {Width} is not divisible by the {Heads} heads.");
}
