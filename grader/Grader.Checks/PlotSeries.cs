namespace GradingHost.Checks;

/// <summary>
/// One set of points in a <see cref="ScatterPlot"/>: measurements as markers (with error bars when their
/// uncertainty matters to the verdict), or a connected line such as a fit, or both.
/// </summary>
/// <param name="Label">the legend's name for the series; empty for none</param>
/// <param name="X">x and <paramref name="Y"/> are parallel lists; a point needs both</param>
/// <param name="Low">each point's error bar's lower end as a value on the y axis (not a distance from y), or null for no error bars</param>
/// <param name="High">each point's error bar's upper end, like <paramref name="Low"/></param>
/// <param name="Line">connects the points in order, e.g. a fitted curve</param>
/// <param name="Markers">false for a line alone</param>
public sealed record PlotSeries(
    string Label,
    IReadOnlyList<double> X,
    IReadOnlyList<double> Y,
    IReadOnlyList<double>? Low = null,
    IReadOnlyList<double>? High = null,
    bool Line = false,
    bool Markers = true);
