using GradingHost.Protocol;

namespace GradingHost.Checks;

/// <summary>
/// A failed check, phrased for the student: the code ran and gave a wrong answer. Its message is shown
/// verbatim in results.json and the PDF, so it speaks of the assignment (positions, tokens, the mask) and
/// never of hidden inputs. A mistake already charged to another item can excuse it (excused_by).
/// </summary>
/// <param name="fault">when the course's code threw on the student's answer, what it threw</param>
public sealed class StudentFeedback(string message, StudentFault? fault = null) : Exception(message)
{
    public StudentFault? Fault { get; } = fault;
}
