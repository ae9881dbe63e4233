using ScottPlot;
using SkiaSharp;

namespace GradingHost.Report;

/// <summary>
/// Hands ScottPlot the very typefaces the page text uses. ScottPlot's own file resolver would load
/// the files again, and the PDF would then embed every font twice (SkiaSharp embeds whole fonts).
/// </summary>
internal sealed class ReportFontResolver : IFontResolver
{
    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
        fontName != ReportFonts.PlotFamily ? null
        : weight >= FontWeight.SemiBold ? ReportFonts.Bold
        : ReportFonts.Sans;

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        CreateTypeface(fontName, bold ? FontWeight.Bold : FontWeight.Normal, italic ? FontSlant.Italic : FontSlant.Upright, FontSpacing.Normal);
}
