using Course.Kit;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Homework.MultiHead;

public sealed class MultiHeadAttention : nn.Module<Tensor, Tensor>, IAttentionWeights
{
    // Not readonly, and typed as modules: LoRA swaps the query and value projections for LoRALinear and back.
    private nn.Module<Tensor, Tensor> query;
    private readonly Linear key;
    private nn.Module<Tensor, Tensor> value;
    private readonly Linear output;
    private readonly int heads;
    private readonly int headSize;

    public MultiHeadAttention(TransformerConfig config) : base(nameof(MultiHeadAttention))
    {
        if (config.Heads <= 0 || config.Width % config.Heads != 0)
            throw new ArgumentException($"{config.Heads} heads cannot share a width of {config.Width} evenly.", nameof(config));
        heads = config.Heads;
        headSize = config.Width / config.Heads;
        query = nn.Linear(config.Width, config.Width, hasBias: false);
        key = nn.Linear(config.Width, config.Width, hasBias: false);
        value = nn.Linear(config.Width, config.Width, hasBias: false);
        output = nn.Linear(config.Width, config.Width, hasBias: false);
        RegisterComponents();
    }

    public Tensor AttentionWeights(Tensor x)
    {
        var q = query.forward(x).to(float64);
        var k = key.forward(x).to(float64);
        var visible = tril(ones(x.shape[1], x.shape[1], device: x.device)).to(ScalarType.Bool);
        var perHead = Enumerable.Range(0, heads).Select(h =>
        {
            var scores = einsum("bid,bjd->bij", q.narrow(-1, h * headSize, headSize), k.narrow(-1, h * headSize, headSize))
                         * (1.0 / Math.Sqrt(headSize));
            return where(visible, scores, tensor(float.NegativeInfinity, scores.dtype, x.device)).softmax(-1);
        });
        return stack(perHead.ToArray(), 1);
    }

    public override Tensor forward(Tensor x)
    {
        var a = AttentionWeights(x);
        var v = value.forward(x).to(float64);
        var perHead = Enumerable.Range(0, heads)
            .Select(h => a.select(1, h).matmul(v.narrow(-1, h * headSize, headSize)))
            .ToArray();
        return output.forward(cat(perHead, -1).to(x.dtype));
    }

    /// <summary>Replaces W_Q and W_V with LoRA layers that keep the pretrained weights under their names.</summary>
    internal void AddLoRA(int rank, double alpha, Generator generator)
    {
        query = Replace(nameof(query), new LoRALinear((Linear)query, rank, alpha, generator));
        value = Replace(nameof(value), new LoRALinear((Linear)value, rank, alpha, generator));
    }

    /// <summary>Puts plain linear layers holding W + (α/r)·B A back in their place.</summary>
    internal void MergeLoRA()
    {
        if (query is LoRALinear q)
            query = Replace(nameof(query), q.Merged());
        if (value is LoRALinear v)
            value = Replace(nameof(value), v.Merged());
    }

    private nn.Module<Tensor, Tensor> Replace(string name, nn.Module<Tensor, Tensor> module)
    {
        _internal_submodules[name] = module;
        return module;
    }
}
