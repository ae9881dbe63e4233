using Course.Kit;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Homework.MultiHead;

/// <summary>A decoder-only language model with multi-head blocks: token + position embeddings, N blocks, a linear LM head.</summary>
public sealed class TinyLanguageModel : nn.Module<Tensor, Tensor>
{
    private readonly Embedding token_embedding;
    private readonly Embedding position_embedding;
    private readonly ModuleList<TransformerBlock> blocks;
    private readonly Linear lm_head;

    public TinyLanguageModel(TransformerConfig config) : base(nameof(TinyLanguageModel))
    {
        token_embedding = nn.Embedding(config.VocabSize, config.Width);
        position_embedding = nn.Embedding(config.ContextLength, config.Width);
        blocks = nn.ModuleList(Enumerable.Range(0, config.Layers).Select(_ => new TransformerBlock(config)).ToArray());
        lm_head = nn.Linear(config.Width, config.VocabSize, hasBias: false);
        RegisterComponents();

        // nanoGPT's initialisation: small normal weights keep the first logits near uniform.
        foreach (var (name, p) in named_parameters())
        {
            using var _ = no_grad();
            if (name.EndsWith("bias")) nn.init.zeros_(p);
            else nn.init.normal_(p, 0.0, config.InitStd);
        }
    }

    public override Tensor forward(Tensor idx)
    {
        var t = idx.shape[1];
        var positions = arange(t, dtype: int64, device: idx.device);              // (T)
        var x = token_embedding.forward(idx) + position_embedding.forward(positions); // (B, T, d)
        foreach (var block in blocks)
            x = block.forward(x);
        return lm_head.forward(x);                                                // (B, T, V)
    }
}
