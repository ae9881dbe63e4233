using Homework.MultiHead;
using TorchSharp;
using static TorchSharp.torch;

namespace Homework.FineTuning;

/// <summary>LoRA, the fine-tuning's extra credit: a frozen pretrained model with trainable low-rank adapters on every attention's W_Q and W_V.</summary>
public static class LoRA
{
    /// <summary>
    /// Freezes every parameter of <paramref name="model"/> and adds rank-<paramref name="rank"/> adapters,
    /// scaled by α/r, to the query and value projections of every attention; A is drawn from
    /// <paramref name="generator"/> and B is zero, so the model's output is unchanged until it trains.
    /// </summary>
    public static void Adapt(nn.Module<Tensor, Tensor> model, int rank, double alpha, Generator generator)
    {
        foreach (var parameter in model.parameters())
            parameter.requires_grad_(false);
        foreach (var attention in model.modules().OfType<MultiHeadAttention>().ToList())
            attention.AddLowRankAdapters(rank, alpha, generator);
    }

    /// <summary>Folds every adapter into its projection, W ← W + (α/r)·B A, and removes it: the same outputs with no extra work per token.</summary>
    public static void Merge(nn.Module<Tensor, Tensor> model)
    {
        foreach (var attention in model.modules().OfType<MultiHeadAttention>().ToList())
            attention.MergeLowRankAdapters();
    }
}
