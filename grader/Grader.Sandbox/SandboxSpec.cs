namespace GradingHost.Sandbox;

/// <summary>What runs in a sandbox, what it can see, and how much it may use.</summary>
/// <param name="Program">the executable and its arguments, with paths as they are inside the sandbox</param>
/// <param name="Binds">everything beyond the system's libraries and the .NET runtime that the program may read; nothing is writable but a private /tmp</param>
/// <param name="Environment">the whole environment: nothing of the caller's is passed on</param>
public sealed record SandboxSpec(
    IReadOnlyList<string> Program,
    IReadOnlyList<ReadOnlyBind> Binds,
    long MemoryLimitBytes,
    int TaskLimit,
    IReadOnlyDictionary<string, string> Environment);
