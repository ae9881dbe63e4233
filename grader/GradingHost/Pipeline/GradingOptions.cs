namespace GradingHost.Pipeline;

/// <summary>How one grading runs, beyond the assignment and the profile.</summary>
public sealed record GradingOptions
{
    public static GradingOptions Default { get; } = new();

    /// <summary>The whole grading's wall-clock limit; the manifest's when null.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>The memory a sandboxed worker may use (its cgroup's limit).</summary>
    public int MemoryLimitMegabytes { get; init; } = Checks.WorkerConnection.DefaultMemoryMegabytes;

    /// <summary>Student code runs as a plain child process: only for a student grading their own code on their own machine.</summary>
    public bool Unsandboxed { get; init; }

    /// <summary>Runs every check but the training and report classes: mutation testing's first, fast pass.</summary>
    public bool FastChecksOnly { get; init; }

    /// <summary>
    /// Whether the source screen refuses code that uses APIs outside the allow-list. Only the framework's
    /// tests turn it off, to prove that the sandbox alone contains hostile code.
    /// </summary>
    public bool ScreenSources { get; init; } = true;

    /// <summary>Hears how far the grading's trainings have got (the CLI's progress display); called on the checker's output thread.</summary>
    public Action<Checks.TrainingProgressReport>? Progress { get; init; }
}
