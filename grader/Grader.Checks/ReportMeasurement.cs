namespace GradingHost.Checks;

public sealed record ReportMeasurement(string Name, string Value);
