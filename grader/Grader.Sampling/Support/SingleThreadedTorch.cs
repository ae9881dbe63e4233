using TorchSharp;
using Xunit;

[assembly: AssemblyFixture(typeof(GradingHost.Checks.Sampling.SingleThreadedTorch))]

namespace GradingHost.Checks.Sampling;

/// <summary>
/// The checks make thousands of calls on one row of logits or a few tokens, where a second libtorch
/// thread only adds synchronisation, and where other processes share the cores its spinning threads
/// make each call ten times slower. One thread also makes every result independent of the machine.
/// </summary>
public sealed class SingleThreadedTorch
{
    public SingleThreadedTorch() => torch.set_num_threads(1);
}
