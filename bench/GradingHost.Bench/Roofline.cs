using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace GradingHost.Bench;

/// <summary>What one core can do: float32 matrix products at a large size (and, through <see cref="Gflops"/>, at each training's own).</summary>
internal sealed record Roofline(double LargeGflops, int Size)
{
    public static Roofline Measure() => new(Gflops(512, 512, 512), 512);

    /// <summary>GFLOP/s of (m×k)·(k×n), the best of several timed batches after a warm-up.</summary>
    public static double Gflops(int m, int k, int n)
    {
        torch.set_num_threads(1);   // the worker trains on one thread (WorkerHost); measure the same
        using var a = randn(m, k);
        using var b = randn(k, n);
        for (var i = 0; i < 5; i++)
            a.mm(b).Dispose();
        var best = 0.0;
        for (var batch = 0; batch < 5; batch++)
        {
            const int products = 20;
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < products; i++)
                a.mm(b).Dispose();
            best = Math.Max(best, 2.0 * m * k * n * products / clock.Elapsed.TotalSeconds / 1e9);
        }
        return best;
    }
}
