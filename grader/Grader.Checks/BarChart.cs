namespace GradingHost.Checks;

/// <summary>A small bar chart for the report: one bar per label.</summary>
/// <param name="Caption">one sentence under the chart saying what to read from it</param>
public sealed record BarChart(string Title, string ValueAxis, IReadOnlyList<string> Labels, IReadOnlyList<double> Values, string Caption) : ReportFigure(Title);
