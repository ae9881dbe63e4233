using System.Runtime;

namespace GradingHost.Protocol;

/// <summary>
/// Holds off the garbage collector while tensor code runs. TorchSharp 0.107 turns every implicit
/// scalar (x / 2.0, masked_fill(mask, 0.0), ge(p)) into a Scalar object that it leaves to its finalizer
/// and hands to libtorch by handle only: a collection started by another thread during that native call
/// can finalize the Scalar and free it while libtorch reads it ("Expected false to be true", "Unknown
/// scalar type"). The process stays in a no-GC region; <see cref="Ensure"/>, called before each call into
/// tensor code, renews the region (collecting then, at a safe point) once half its budget has been
/// allocated. So no collection can run during a call that allocates less than half the budget of
/// managed memory, process-wide; tensors' data is native and does not count.
/// </summary>
public static class CollectionPause
{
    private static readonly long[] Budgets = [256L << 20, 64L << 20];

    private static readonly Lock Gate = new();
    private static long _budget;
    private static long _allocatedAtStart;

    /// <summary>Makes sure no collection can run before another half budget of managed memory has been allocated.</summary>
    public static void Ensure()
    {
        lock (Gate)
        {
            var allocated = GC.GetTotalAllocatedBytes(precise: false);
            var inRegion = GCSettings.LatencyMode == GCLatencyMode.NoGCRegion;
            if (inRegion && allocated - _allocatedAtStart < _budget / 2)
                return;
            if (inRegion)
                GC.EndNoGCRegion();
            Start();
            _allocatedAtStart = GC.GetTotalAllocatedBytes(precise: false);
        }
    }

    /// <summary>The largest budget this runtime accepts (a heap limit or server GC can refuse the largest).</summary>
    private static void Start()
    {
        foreach (var budget in Budgets)
        {
            try
            {
                if (GC.TryStartNoGCRegion(budget))
                {
                    _budget = budget;
                    return;
                }
            }
            catch (ArgumentOutOfRangeException)
            {
            }
        }
    }
}
