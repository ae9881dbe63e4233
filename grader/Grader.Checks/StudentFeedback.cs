using GradingHost.Protocol;

namespace GradingHost.Checks;

/// <summary>
/// A failed check, phrased for the student. Its message is shown verbatim in results.json and the
/// PDF, so it speaks of the assignment (positions, tokens, the mask) and never of hidden inputs.
/// </summary>
/// <param name="fault">what the student's code threw, when the failure is an exception from it</param>
public sealed class StudentFeedback(string message, StudentFault? fault = null) : Exception(message)
{
    public StudentFault? Fault { get; } = fault;

    /// <summary>Whether the student's code threw an exception of type <paramref name="fullName"/> or a type derived from it.</summary>
    public bool Threw(string fullName) => Fault is { Kind: FaultKind.Threw } f && f.ExceptionTypes.Contains(fullName);
}
