namespace GradingHost.Sandbox;

/// <summary>How a sandboxed process ended, as far as the host can tell.</summary>
/// <param name="ExitCode">null while it runs</param>
/// <param name="Signal">the signal that killed it, when one did</param>
/// <param name="MemoryLimitHit">the cgroup's OOM killer acted (or an allocation was refused at the limit)</param>
/// <param name="TaskLimitHit">a fork or thread was refused at the task limit</param>
/// <param name="KilledByHost">the host killed it (time limit, end of grading)</param>
public sealed record ExitReport(int? ExitCode, int? Signal, bool MemoryLimitHit, bool TaskLimitHit, bool KilledByHost);
