using Course.Kit;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Homework.MultiHead;

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

        using var _ = no_grad();
        foreach (var (name, p) in named_parameters())
        {
            if (name.EndsWith("bias")) p.zero_();
            else p.normal_(0.0, config.InitStd);
        }
    }

    public override Tensor forward(Tensor idx)
    {
        var x = token_embedding.forward(idx) + position_embedding.forward(arange(idx.shape[1], dtype: int64, device: idx.device)).unsqueeze(0);
        for (var i = 0; i < blocks.Count; i++)
            x = blocks[i].forward(x);
        return lm_head.forward(x);
    }
}
