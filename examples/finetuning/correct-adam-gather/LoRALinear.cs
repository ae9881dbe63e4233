using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Homework.MultiHead;

/// <summary>A frozen linear layer plus its low-rank update: y = W x + (α/r)·B (A x), computed with einsum.</summary>
public sealed class LoRALinear : nn.Module<Tensor, Tensor>
{
    private readonly Parameter weight;
    private readonly Parameter lora_A;
    private readonly Parameter lora_B;
    private readonly double scale;

    public LoRALinear(Linear pretrained, int rank, double alpha, Generator generator) : base(nameof(LoRALinear))
    {
        weight = pretrained.weight!;
        var (outFeatures, inFeatures) = (weight.shape[0], weight.shape[1]);
        // Gaussian A (the LoRA paper), with the spread of a linear layer's weight; B = 0.
        lora_A = new Parameter(randn(rank, inFeatures, generator: generator) / Math.Sqrt(3 * inFeatures));
        lora_B = new Parameter(zeros(outFeatures, rank));
        scale = alpha / rank;
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) =>
        nn.functional.linear(x, weight) + scale * einsum("btr,or->bto", einsum("bti,ri->btr", x, lora_A), lora_B);

    public Linear Merged()
    {
        using (no_grad())
            weight.add_(scale * lora_B.matmul(lora_A));
        var linear = nn.Linear(weight.shape[1], weight.shape[0], hasBias: false);
        linear.weight = weight;
        return linear;
    }
}
