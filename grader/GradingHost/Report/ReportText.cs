using System.Globalization;
using GradingHost.Rubric;

namespace GradingHost.Report;

/// <summary>How the report words numbers and statuses, shared by the tables, charts and the sections that explain them.</summary>
internal static class ReportText
{
    /// <summary>Up to two decimals with trailing zeros trimmed: "2", "1.5", "0.67".</summary>
    public static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public static string Points(double points) => Number(points) == "1" ? "1 point" : $"{Number(points)} points";

    public static string Word(ItemStatus status) => status switch
    {
        ItemStatus.Passed => "passed",
        ItemStatus.Partial => "partial",
        ItemStatus.Failed => "failed",
        ItemStatus.NotImplemented => "not implemented",
        ItemStatus.NotRun => "not run",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
