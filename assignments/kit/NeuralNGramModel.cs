using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Course.Kit;

/// <summary>
/// Bengio et al.'s neural n-gram language model (2003), the scaling study's model family: the logits at
/// position t come from the embeddings of tokens t − W + 1 … t (zeros before the text starts) through one
/// tanh layer, h = tanh(W_h [e_{t−W+1}; …; e_t] + b_h), logits = W_o h + b_o. Like a transformer it maps
/// (B, T) ids to (B, T, V) logits, and position t never sees a token after t.
/// </summary>
public sealed class NeuralNGramModel : nn.Module<Tensor, Tensor>
{
    private readonly NGramConfig _config;
    private readonly Embedding tok_emb;
    private readonly Linear hidden;
    private readonly Linear head;

    public NeuralNGramModel(NGramConfig config) : base(nameof(NeuralNGramModel))
    {
        _config = config;
        tok_emb = nn.Embedding(config.VocabSize, config.Embedding);
        hidden = nn.Linear(config.Window * config.Embedding, config.Hidden);
        head = nn.Linear(config.Hidden, config.VocabSize);
        RegisterComponents();
    }

    public NGramConfig Config => _config;

    public override Tensor forward(Tensor idx)
    {
        var time = idx.shape[1];
        var e = tok_emb.forward(idx);                                             // (B, T, E)
        // Window copies, the k-th shifted k positions later: at t it holds the embedding of token t − k.
        var context = cat(Enumerable.Range(0, _config.Window)
            .Select(k => k == 0 ? e : nn.functional.pad(e, [0, 0, k, 0])[.., ..(int)time, ..])
            .ToArray(), dim: -1);                                                 // (B, T, W·E)
        return head.forward(tanh(hidden.forward(context)));                      // (B, T, V)
    }
}
