namespace GradingHost.Rubric;

public enum ItemStatus
{
    /// <summary>Every check the item owns passed.</summary>
    Passed,
    /// <summary>Some checks passed, some failed: partial credit.</summary>
    Partial,
    /// <summary>Every check failed.</summary>
    Failed,
    /// <summary>The submission still throws NotImplementedException here.</summary>
    NotImplemented,
    /// <summary>The checks could not run: compile error, crash or time limit.</summary>
    NotRun,
}
