namespace GradingHost.Checks;

/// <summary>
/// A value worked out once per grading, like a <see cref="Lazy{T}"/> (what the first attempt threw is
/// thrown again): the submission's worker, its training, what its code attempted. A resident checker
/// (<see cref="ResidentChecker"/>) grades one submission after another in one process, and nothing learned
/// of one student's code may reach the next student's grading: <see cref="GradingBoundary.End"/> forgets
/// every such value, disposing those that are disposable.
/// </summary>
public sealed class PerGrading<T> : IForgettable
{
    private readonly Func<T> _create;
    private Lazy<T> _value;

    public PerGrading(Func<T> create)
    {
        _create = create;
        _value = new Lazy<T>(create);
        GradingBoundary.Track(this);
    }

    public T Value => Volatile.Read(ref _value).Value;

    void IForgettable.Forget()
    {
        var old = Interlocked.Exchange(ref _value, new Lazy<T>(_create));
        if (old.IsValueCreated && old.Value is IDisposable disposable)
            disposable.Dispose();
    }
}
