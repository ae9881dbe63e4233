namespace GradingHost.Pipeline;

/// <summary>A mistake in how gradinghost was called (unknown assignment, missing folder…): shown as one line, exit code 2.</summary>
public sealed class UserError(string message) : Exception(message);
