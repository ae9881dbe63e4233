namespace GradingHost.Protocol;

public enum FaultKind
{
    /// <summary>The student's code threw NotImplementedException: the starter's stub is still there.</summary>
    NotImplemented,
    /// <summary>The student's code threw another exception.</summary>
    Threw,
    /// <summary>The submission lacks what the handout's API names (a class, constructor, method or base type).</summary>
    Contract,
}
