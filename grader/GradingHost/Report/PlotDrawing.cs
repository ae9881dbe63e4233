using ScottPlot;
using SkiaSharp;

namespace GradingHost.Report;

/// <summary>How every report figure drawn by ScottPlot gets the report's font and its place on the page.</summary>
internal static class PlotDrawing
{
    /// <summary>Sets a label in the report's sans face (<see cref="ReportFonts.PlotFamily"/>), so no system font reaches the PDF.</summary>
    public static void Font(LabelStyle style, float size, bool bold = false)
    {
        style.FontName = ReportFonts.PlotFamily;
        style.FontSize = size;
        style.Bold = bold;
    }

    /// <summary>Draws <paramref name="plot"/> into <paramref name="rect"/> of the page.</summary>
    public static void Render(Plot plot, SKCanvas canvas, PixelRect rect)
    {
        // ScottPlot scales the canvas by its ScaleFactor and leaves it so.
        canvas.Save();
        plot.Render(canvas, rect);
        canvas.Restore();
    }
}
