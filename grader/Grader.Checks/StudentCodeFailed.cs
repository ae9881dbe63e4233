using GradingHost.Protocol;

namespace GradingHost.Checks;

/// <summary>
/// A failed check whose code did not work: it threw, crashed the worker, ran out of time or memory,
/// broke the protocol, or lacks what the handout names. Shown like <see cref="StudentFeedback"/>, but
/// never excused: not charging a mistake twice must not pay for code that did not run.
/// </summary>
/// <param name="fault">what the student's code threw, when it threw</param>
public sealed class StudentCodeFailed(string message, StudentFault? fault = null) : Exception(message)
{
    public StudentFault? Fault { get; } = fault;
}
