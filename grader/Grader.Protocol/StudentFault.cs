namespace GradingHost.Protocol;

/// <summary>Why a call into student code did not return: what was thrown, and where in the student's files.</summary>
/// <param name="ExceptionTypes">the exception's type and its base types, most derived first (e.g. ArgumentOutOfRangeException, ArgumentException, …)</param>
/// <param name="Location">"File.cs:line N" of the innermost frame in the submission, when there is one</param>
/// <param name="Context">how the exception reached the call, e.g. "the static constructor of Homework.Attention.Mlp"</param>
/// <param name="RaisedInSubmission">the student's code was on the stack when it was thrown; otherwise the course's code (the training
/// loop's loss, say) threw on what the student's code had returned</param>
public sealed record StudentFault(FaultKind Kind, IReadOnlyList<string> ExceptionTypes, string Message, string? Location, string? Context, bool RaisedInSubmission = true);
