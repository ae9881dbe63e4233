namespace GradingHost.Checks;

/// <summary>
/// Where one grading ends and the next begins in a resident checker: every <see cref="PerGrading{T}"/> is
/// forgotten (the submission's worker is stopped with it) and the reference's in-process services drop the
/// modules the checks built, so a class of hundreds runs in the memory of one grading.
/// </summary>
public static class GradingBoundary
{
    private static readonly Lock Gate = new();
    private static readonly List<WeakReference<IForgettable>> Tracked = [];

    /// <summary>Registers <paramref name="state"/> to be forgotten at the end of every grading (weakly: state nobody holds is not kept alive).</summary>
    internal static void Track(IForgettable state)
    {
        lock (Gate)
            Tracked.Add(new WeakReference<IForgettable>(state));
    }

    /// <returns>false when some state could not be forgotten (the failure is written to standard error)</returns>
    public static bool End()
    {
        List<IForgettable> alive;
        lock (Gate)
        {
            Tracked.RemoveAll(r => !r.TryGetTarget(out _));
            alive = Tracked.Select(r => r.TryGetTarget(out var s) ? s : null).OfType<IForgettable>().ToList();
        }
        var clean = true;
        foreach (var state in alive)
        {
            try
            {
                state.Forget();
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"Forgetting a grading's state failed: {e}");
                clean = false;
            }
        }
        return clean;
    }
}
