namespace GradingHost.Checks;

/// <summary>
/// A scatter or line plot for the report, e.g. dev loss against training compute with a fitted power law.
/// Log axes are for quantities that span decades, where a straight line on log–log axes is the point the
/// student should see; a value the axis cannot show (NaN, or not positive on a log axis) is left out, not drawn as zero.
/// </summary>
/// <param name="Series">drawn in order, each in its own colour; a legend names them when more than one has a label</param>
/// <param name="Caption">one sentence under the plot saying what to read from it</param>
/// <param name="Note">a short text in a corner of the plot, e.g. a fitted exponent "α = 0.21 ± 0.03"</param>
public sealed record ScatterPlot(
    string Title,
    string XAxis,
    string YAxis,
    bool LogX,
    bool LogY,
    IReadOnlyList<PlotSeries> Series,
    string Caption,
    string? Note = null) : ReportFigure(Title);
