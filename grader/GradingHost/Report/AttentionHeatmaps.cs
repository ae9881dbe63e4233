using GradingHost.Checks;
using ScottPlot;
using SkiaSharp;

namespace GradingHost.Report;

/// <summary>The reference's and the submission's attention weights as two heatmaps, drawn as vectors onto the PDF page.</summary>
public static class AttentionHeatmaps
{
    public static void Draw(SKCanvas canvas, SKRect area, AttentionPattern figure)
    {
        ReportFonts.RegisterWithScottPlot();
        var half = area.Width / 2;
        Render(canvas, new SKRect(area.Left, area.Top, area.Left + half - 5, area.Bottom), "Reference", figure.Reference, figure.Tokens);
        if (figure.Submission is not null)
            Render(canvas, new SKRect(area.Left + half + 5, area.Top, area.Right, area.Bottom), "Your submission", figure.Submission, figure.Tokens);
    }

    private static void Render(SKCanvas canvas, SKRect area, string title, double[][] weights, IReadOnlyList<string> tokens)
    {
        var t = weights.Length;
        var data = new double[t, t];
        for (var i = 0; i < t; i++)
            for (var j = 0; j < t; j++)
                data[i, j] = double.IsFinite(weights[i][j]) ? weights[i][j] : double.NaN;

        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(data);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        plot.Add.ColorBar(heatmap);
        // The heatmap plottable is a bitmap, which the PDF backend resamples; one rectangle per cell
        // on top of it keeps every weight a sharp vector square.
        for (var i = 0; i < t; i++)
            for (var j = 0; j < t; j++)
            {
                var cell = plot.Add.Rectangle(j - 0.5, j + 0.5, t - 1 - i - 0.5, t - 1 - i + 0.5);
                cell.FillColor = double.IsNaN(data[i, j]) ? Colors.Red : heatmap.Colormap.GetColor(data[i, j], heatmap.ManualRange.Value);
                cell.LineWidth = 0;
            }
        plot.Title(title, size: 12);
        plot.Axes.Title.Label.FontName = ReportFonts.SansFamily;

        // Heatmap row 0 is drawn at the top, so row i sits at y = t − 1 − i.
        var labels = tokens.Select(s => s == " " ? "␣" : s).ToArray();
        double[] columns = Enumerable.Range(0, t).Select(j => (double)j).ToArray();
        double[] rows = Enumerable.Range(0, t).Select(i => (double)(t - 1 - i)).ToArray();
        plot.Axes.Bottom.SetTicks(columns, labels);
        plot.Axes.Left.SetTicks(rows, labels);
        plot.Axes.Bottom.Label.Text = "key position";
        plot.Axes.Left.Label.Text = "query position";
        foreach (var axis in new ScottPlot.IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
        {
            axis.TickLabelStyle.FontName = ReportFonts.SansFamily;
            axis.TickLabelStyle.FontSize = 7;
            axis.Label.FontName = ReportFonts.SansFamily;
            axis.Label.FontSize = 9;
        }

        ReportFonts.RenderOnto(canvas, area, plot);
    }
}
