using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Homework.FineTuning;

/// <summary>
/// LoRA's update to a frozen projection W (out × in) (Hu et al., 2021): Δy = (α/r)·B A x, with A (r × in)
/// drawn like a linear layer's weight and B (out × r) zero, so the adapted model starts as the pretrained one.
/// </summary>
public sealed class LowRankAdapter : nn.Module<Tensor, Tensor>
{
    private readonly Parameter lora_A;
    private readonly Parameter lora_B;
    private readonly double scale;

    public LowRankAdapter(Linear projection, int rank, double alpha, Generator generator) : base(nameof(LowRankAdapter))
    {
        var (outFeatures, inFeatures) = (projection.weight!.shape[0], projection.weight.shape[1]);
        var (dtype, device) = (projection.weight.dtype, projection.weight.device);
        // PEFT's default for A: uniform on ±1/√in, as nn.Linear initialises a weight.
        var bound = 1.0 / Math.Sqrt(inFeatures);
        lora_A = new Parameter((rand(rank, inFeatures, generator: generator, dtype: dtype) * 2 - 1).mul_(bound).to(device)); // (r, in)
        lora_B = new Parameter(zeros(outFeatures, rank, dtype: dtype, device: device));                                       // (out, r)
        scale = alpha / rank;
        RegisterComponents();
    }

    /// <summary>(B, T, in) → (B, T, r) → (B, T, out): the update without ever forming the out × in matrix.</summary>
    public override Tensor forward(Tensor x) => x.matmul(lora_A.t()).matmul(lora_B.t()) * scale;

    /// <summary>ΔW = (α/r)·B A, (out × in): what merging adds to the frozen weight.</summary>
    public Tensor WeightUpdate() => lora_B.matmul(lora_A) * scale;
}
