using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Course.Gpt2;

/// <summary>
/// GPT-2: token and position embeddings (wte, wpe), the blocks (h.0 … h.N−1), a final layer norm (ln_f),
/// and logits from the token embedding itself (tied weights: logits = x · wteᵀ). Maps ids (B, T) to
/// logits (B, T, V), T at most the context length.
/// </summary>
public sealed class Gpt2Model : nn.Module<Tensor, Tensor>
{
    private readonly Embedding wte;
    private readonly Embedding wpe;
    private readonly ModuleList<Gpt2Block> h;
    private readonly LayerNorm ln_f;

    public Gpt2Model(Gpt2Config config) : base(nameof(Gpt2Model))
    {
        Config = config;
        wte = nn.Embedding(config.VocabSize, config.Width);
        wpe = nn.Embedding(config.ContextLength, config.Width);
        h = nn.ModuleList(Enumerable.Range(0, config.Layers).Select(_ => new Gpt2Block(config)).ToArray());
        ln_f = nn.LayerNorm(config.Width, config.LayerNormEpsilon);
        RegisterComponents();
    }

    public Gpt2Config Config { get; }

    public override Tensor forward(Tensor idx)
    {
        var t = idx.shape[1];
        if (t > Config.ContextLength)
            throw new ArgumentException($"GPT-2 reads at most {Config.ContextLength} tokens at once; it was given {t}.", nameof(idx));
        var positions = arange(t, dtype: ScalarType.Int64, device: idx.device);
        var x = wte.forward(idx) + wpe.forward(positions);                      // (B, T, d)
        foreach (var block in h)
            x = block.forward(x);
        return ln_f.forward(x).matmul(wte.weight!.t());                          // (B, T, V)
    }
}
