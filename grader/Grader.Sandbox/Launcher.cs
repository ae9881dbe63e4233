using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace GradingHost.Sandbox;

/// <summary>
/// Starts sandboxes from one thread that lives as long as this process. bubblewrap's --die-with-parent
/// is PR_SET_PDEATHSIG, which fires when the *thread* that forked bubblewrap ends, not the process: a
/// worker started from a thread-pool thread was killed (signal 9) whenever the pool retired that
/// thread, in the middle of a correct submission's training.
/// </summary>
internal static class Launcher
{
    private static readonly BlockingCollection<(Action Start, TaskCompletionSource<ExceptionDispatchInfo?> Done)> Requests = [];

    static Launcher() =>
        new Thread(() =>
        {
            foreach (var (start, done) in Requests.GetConsumingEnumerable())
            {
                try
                {
                    start();
                    done.SetResult(null);
                }
                catch (Exception e)
                {
                    done.SetResult(ExceptionDispatchInfo.Capture(e));
                }
            }
        })
        { IsBackground = true, Name = "sandbox launcher" }.Start();

    /// <summary>Runs <paramref name="start"/> (a Process.Start) on the launcher thread and waits for it; its exception is rethrown here.</summary>
    public static void Run(Action start)
    {
        var done = new TaskCompletionSource<ExceptionDispatchInfo?>(TaskCreationOptions.RunContinuationsAsynchronously);
        Requests.Add((start, done));
        done.Task.GetAwaiter().GetResult()?.Throw();
    }
}
