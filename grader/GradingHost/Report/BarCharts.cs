using GradingHost.Checks;
using ScottPlot;
using SkiaSharp;

namespace GradingHost.Report;

/// <summary>A labelled bar chart (e.g. dev perplexity with vs. without layer norm), drawn as vectors.</summary>
public static class BarCharts
{
    public static void Draw(SKCanvas canvas, SKRect area, BarChart chart)
    {
        ReportFonts.RegisterWithScottPlot();
        var plot = new Plot();
        var bars = chart.Values.Select((v, i) => new Bar
        {
            Position = i,
            Value = v,
            FillColor = Colors.SteelBlue,
            Label = v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
        }).ToList();
        var plottable = plot.Add.Bars(bars);
        plottable.ValueLabelStyle.FontName = ReportFonts.SansFamily;
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, chart.Labels.Count).Select(i => (double)i).ToArray(), chart.Labels.ToArray());
        plot.Axes.Left.Label.Text = chart.ValueAxis;
        plot.Axes.Margins(bottom: 0, top: 0.2);
        foreach (var axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
        {
            axis.TickLabelStyle.FontName = ReportFonts.SansFamily;
            axis.TickLabelStyle.FontSize = 9;
            axis.Label.FontName = ReportFonts.SansFamily;
            axis.Label.FontSize = 10;
        }
        ReportFonts.RenderOnto(canvas, area, plot);
    }
}
