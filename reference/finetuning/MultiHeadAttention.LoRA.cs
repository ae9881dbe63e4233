using Homework.FineTuning;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Homework.MultiHead;

/// <summary>HW2 Q3's attention with LoRA adapters on its query and value projections (the fine-tuning's extra credit).</summary>
public sealed partial class MultiHeadAttention
{
    private LowRankAdapter? query_lora;
    private LowRankAdapter? value_lora;

    /// <summary>Adds rank-<paramref name="rank"/> adapters to W_Q and W_V, registered beside them so the pretrained weights keep their names.</summary>
    internal void AddLowRankAdapters(int rank, double alpha, Generator generator)
    {
        query_lora = new LowRankAdapter(query, rank, alpha, generator);
        value_lora = new LowRankAdapter(value, rank, alpha, generator);
        register_module(nameof(query_lora), query_lora);
        register_module(nameof(value_lora), value_lora);
    }

    /// <summary>W ← W + (α/r)·B A for W_Q and W_V, then the adapters go: the model is a plain Q3 model again.</summary>
    internal void MergeLowRankAdapters()
    {
        foreach (var (projection, adapter, name) in new[] { (query, query_lora, nameof(query_lora)), (value, value_lora, nameof(value_lora)) })
        {
            if (adapter is null)
                continue;
            using (no_grad())
                projection.weight!.add_(adapter.WeightUpdate());
            _internal_submodules.Remove(name);
        }
        (query_lora, value_lora) = (null, null);
    }

    partial void AddLowRankUpdate(Linear projection, Tensor x, ref Tensor y)
    {
        var adapter = projection == query ? query_lora : projection == value ? value_lora : null;
        if (adapter is not null)
            y = y + adapter.forward(x);
    }
}
