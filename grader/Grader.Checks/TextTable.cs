namespace GradingHost.Checks;

/// <summary>A table of text for the report, e.g. prompt | temperature sample | nucleus sample.</summary>
public sealed record TextTable(string Title, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) : ReportFigure(Title);
