namespace GradingHost.Pipeline;

/// <summary>Step 3's result. ResultsXml is null when the child process died or ran out of time.</summary>
public sealed record RunOutcome(string? ResultsXml, bool TimedOut, int? ExitCode, string OutputTail, double Seconds);
