using TorchSharp;
using static TorchSharp.torch;

namespace Course.Kit;

public static class Devices
{
    /// <summary>CUDA when this TorchSharp build and machine have it, else the CPU.</summary>
    public static Device Best => cuda.is_available() ? CUDA : CPU;

    /// <summary>Where a model's parameters live, so batches can follow them there.</summary>
    public static Device Of(nn.Module model) =>
        model.parameters().FirstOrDefault()?.device ?? CPU;
}
