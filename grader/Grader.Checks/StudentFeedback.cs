namespace GradingHost.Checks;

/// <summary>
/// A failed check, phrased for the student. Its message is shown verbatim in results.json and the
/// PDF, so it speaks of the assignment (positions, tokens, the mask) and never of hidden inputs.
/// </summary>
public sealed class StudentFeedback(string message) : Exception(message);
