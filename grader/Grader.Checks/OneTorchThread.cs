using TorchSharp;

namespace GradingHost.Checks;

/// <summary>
/// Every grader runs libtorch on one thread, as an assembly fixture. The models are small, so a second
/// thread gains little (attention's reference grades in 14 s with two, 19 s with one), while two
/// gradings side by side with two spinning threads each took 64 s instead of 22 s on two cores: verify
/// and the test suite grade in parallel, across processes. One thread also makes every result
/// independent of the machine's core count.
/// </summary>
public sealed class OneTorchThread
{
    public OneTorchThread() => torch.set_num_threads(1);
}
