namespace GradingHost.Pipeline;

/// <summary>A submission that cannot be graded as handed in (an unreadable or oversized archive, links out of the folder): graded 0 with this message.</summary>
public sealed class SubmissionRefused(string message) : Exception(message);
