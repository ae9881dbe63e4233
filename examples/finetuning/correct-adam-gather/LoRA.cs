using Homework.MultiHead;
using TorchSharp;
using static TorchSharp.torch;

namespace Homework.FineTuning;

public static class LoRA
{
    public static void Adapt(nn.Module<Tensor, Tensor> model, int rank, double alpha, Generator generator)
    {
        foreach (var (_, parameter) in model.named_parameters())
            parameter.requires_grad = false;
        foreach (var module in model.modules().ToArray())
            if (module is MultiHeadAttention attention)
                attention.AddLoRA(rank, alpha, generator);
    }

    public static void Merge(nn.Module<Tensor, Tensor> model)
    {
        foreach (var module in model.modules().ToArray())
            if (module is MultiHeadAttention attention)
                attention.MergeLoRA();
    }
}
