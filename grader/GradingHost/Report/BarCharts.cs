using GradingHost.Checks;
using ScottPlot;
using SkiaSharp;

namespace GradingHost.Report;

/// <summary>A small labelled bar chart (e.g. dev perplexity with and without layer norm), drawn by ScottPlot as vectors onto the page.</summary>
internal static class BarCharts
{
    private const float Height = 190, AxisRoom = 90, BarSlot = 80, TickFontSize = 8;
    private static readonly Color BarColor = Color.FromHex("#4C72B0");

    /// <summary>As wide as its bars need, up to <paramref name="width"/>.</summary>
    public static SKSize Size(BarChart chart, float width) =>
        new(Math.Min(width, AxisRoom + BarSlot * Math.Max(1, BarCount(chart))), Height);

    public static void Draw(SKCanvas canvas, SKRect area, BarChart chart)
    {
        ReportFonts.UseInScottPlot();
        using var plot = new Plot();
        var count = BarCount(chart);
        var bars = plot.Add.Bars(Enumerable.Range(0, count).Select(i => new Bar
        {
            Position = i,
            Value = chart.Values[i],
            FillColor = BarColor,
            LineWidth = 0,
            Label = ReportText.Number(chart.Values[i]),
        }).ToList());

        // ScottPlot draws each line of a tick label; wrapping keeps long labels inside their bar's slot.
        using var tickStyle = new TextStyle(ReportFonts.Sans, TickFontSize, SKColors.Black);
        var slot = (area.Width - AxisRoom) / Math.Max(1, count);
        plot.Axes.Bottom.SetTicks(
            Enumerable.Range(0, count).Select(i => (double)i).ToArray(),
            chart.Labels.Take(count).Select(label => string.Join("\n", tickStyle.Wrap(label, slot - 6))).ToArray());
        plot.Axes.Left.Label.Text = chart.ValueAxis;
        // Room above the tallest bar for its value label.
        plot.Axes.Margins(bottom: 0, top: 0.15);
        plot.HideGrid();

        foreach (var (style, size) in new (LabelStyle, float)[]
                 {
                     (bars.ValueLabelStyle, 8), (plot.Axes.Bottom.TickLabelStyle, TickFontSize),
                     (plot.Axes.Left.TickLabelStyle, TickFontSize), (plot.Axes.Left.Label, 9),
                 })
            PlotDrawing.Font(style, size);

        PlotDrawing.Render(plot, canvas, new PixelRect(area.Left, area.Right, area.Bottom, area.Top));
    }

    /// <summary>Labels and values are parallel lists; a bar needs both.</summary>
    private static int BarCount(BarChart chart) => Math.Min(chart.Labels.Count, chart.Values.Count);
}
