namespace GradingHost.Checks;

/// <summary>
/// A failed check, phrased for the student: the code ran and gave a wrong answer. Its message is shown
/// verbatim in results.json and the PDF, so it speaks of the assignment (positions, tokens, the mask) and
/// never of hidden inputs. A mistake already charged to another item can excuse it (excused_by).
/// </summary>
public sealed class StudentFeedback(string message) : Exception(message);
