using System.Runtime;

namespace GradingHost.Protocol;

/// <summary>
/// Holds off the garbage collector while tensor code runs. TorchSharp 0.107 turns every implicit
/// scalar (x / 2.0, masked_fill(mask, 0.0), ge(p)) into a Scalar object that it leaves to its finalizer
/// and hands to libtorch by handle only; a collection during that native call can finalize the Scalar,
/// freeing it while libtorch reads it ("Expected false to be true", "Unknown scalar type"). Under a
/// pause no collection runs (up to a budget of managed allocation far beyond any call), so nothing can
/// become finalizable mid-call. Pauses nest and may overlap across threads: the first one in starts the
/// no-GC region, the last one out ends it.
/// </summary>
public static class CollectionPause
{
    /// <summary>Managed allocation allowed under one pause; tensors' data is native and does not count.</summary>
    private static readonly long[] Budgets = [1L << 30, 256L << 20, 64L << 20];

    private static readonly Lock Gate = new();
    private static int _depth;

    /// <summary>A pause that ends when the result is disposed.</summary>
    public static Held Hold()
    {
        Enter();
        return new Held();
    }

    /// <summary>Starts a pause; each call must be matched by one <see cref="Exit"/>.</summary>
    public static void Enter()
    {
        lock (Gate)
        {
            if (_depth++ == 0 && GCSettings.LatencyMode != GCLatencyMode.NoGCRegion)
                Start();
        }
    }

    public static void Exit()
    {
        lock (Gate)
        {
            // A pause that outgrew its budget has already ended with a collection.
            if (--_depth == 0 && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
                GC.EndNoGCRegion();
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
                    return;
            }
            catch (ArgumentOutOfRangeException)
            {
            }
        }
    }

    /// <summary>Ends its pause when disposed.</summary>
    public readonly struct Held : IDisposable
    {
        public void Dispose() => Exit();
    }
}
