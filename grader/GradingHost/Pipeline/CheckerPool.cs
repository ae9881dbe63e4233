namespace GradingHost.Pipeline;

/// <summary>
/// The resident checkers of one pipeline: as many per grader as gradings run at once, each reused for the
/// next submission (a batch pays once for starting the runtime, the checks and the reference). A checker
/// left idle for <see cref="IdleLimit"/> is shut down, so a pipeline nobody disposes keeps no process (and,
/// its timer disarmed once nothing is idle, is collected).
/// </summary>
public sealed class CheckerPool : IDisposable
{
    public static readonly TimeSpan IdleLimit = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly List<CheckerProcess> _idle = [];
    private readonly Timer _sweep;
    private bool _disposed;

    public CheckerPool() => _sweep = new Timer(_ => Sweep(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

    /// <summary>How many checkers this pool has started: J per grader for a batch of J jobs, plus one for each that died, hung or sat idle past <see cref="IdleLimit"/>.</summary>
    public int Started { get; private set; }

    /// <summary>A checker of <paramref name="graderAssembly"/> that no other grading is using, started if none is idle.</summary>
    public CheckerProcess Rent(string graderAssembly)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var index = _idle.FindLastIndex(c => c.GraderAssembly == graderAssembly && c.Usable);
            if (index >= 0)
            {
                var checker = _idle[index];
                _idle.RemoveAt(index);
                return checker;
            }
        }
        var started = CheckerProcess.Start(graderAssembly);
        lock (_gate)
            Started++;
        return started;
    }

    /// <summary>Takes <paramref name="checker"/> back for the next grading, or ends it if it is no longer usable.</summary>
    public void Return(CheckerProcess checker)
    {
        lock (_gate)
        {
            if (checker.Usable && !_disposed)
            {
                checker.IdleSince = DateTimeOffset.UtcNow;
                _idle.Add(checker);
                if (_idle.Count == 1)
                    _sweep.Change(IdleLimit, Timeout.InfiniteTimeSpan);
                return;
            }
        }
        checker.Dispose();
    }

    public void Dispose()
    {
        List<CheckerProcess> idle;
        lock (_gate)
        {
            _disposed = true;
            idle = [.. _idle];
            _idle.Clear();
        }
        _sweep.Dispose();
        Parallel.ForEach(idle, c => c.Dispose());
    }

    private void Sweep()
    {
        List<CheckerProcess> stale;
        lock (_gate)
        {
            if (_disposed)
                return;
            var now = DateTimeOffset.UtcNow;
            stale = _idle.Where(c => !c.Usable || now - c.IdleSince >= IdleLimit).ToList();
            _idle.RemoveAll(stale.Contains);
            if (_idle.Count > 0)
                _sweep.Change(_idle.Min(c => c.IdleSince) + IdleLimit - now, Timeout.InfiniteTimeSpan);
        }
        foreach (var checker in stale)
        {
            try
            {
                checker.Dispose();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // On a timer thread an exception would end the whole host; the checker is gone from the pool either way.
            }
        }
    }
}
