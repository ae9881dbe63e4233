using TorchSharp;
using static TorchSharp.torch;

namespace Homework.FineTuning;

/// <summary>
/// Extra credit (the handout's "LoRA" section): a frozen pretrained model with trainable low-rank adapters
/// on every attention's query and value projections. TorchSharp calls sub-modules through your fields, so
/// give your HW2 Q3 MultiHeadAttention the adapters itself (the handout shows where).
/// </summary>
public static class LoRA
{
    /// <summary>
    /// Freezes every parameter of <paramref name="model"/> and adds rank-<paramref name="rank"/> adapters to the
    /// query and value projections of every attention: y = W x + (α/r)·B A x, with A (r, in) uniform on
    /// ±1/√in drawn from <paramref name="generator"/> and B (out, r) zero. The pretrained weights keep their names.
    /// </summary>
    public static void Adapt(nn.Module<Tensor, Tensor> model, int rank, double alpha, Generator generator) =>
        throw new NotImplementedException("TODO (extra credit): LoRA adapters on W_Q and W_V.");

    /// <summary>Folds every adapter into its projection, W ← W + (α/r)·B A, so the model computes the same with no adapter left.</summary>
    public static void Merge(nn.Module<Tensor, Tensor> model) =>
        throw new NotImplementedException("TODO (extra credit): merge the adapters into W_Q and W_V.");
}
