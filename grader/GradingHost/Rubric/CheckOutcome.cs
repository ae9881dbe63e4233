namespace GradingHost.Rubric;

/// <summary>One xunit check's result, keyed "Class.Method" as the manifest names it.</summary>
public sealed record CheckOutcome(string Name, CheckVerdict Verdict, string Message);
