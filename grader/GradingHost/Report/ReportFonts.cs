using ScottPlot;
using SkiaSharp;

namespace GradingHost.Report;

/// <summary>
/// The DejaVu fonts shipped next to the host. Loading them from files (not by family name) is what
/// makes the PDF identical on a machine with no fonts and no fontconfig.
/// </summary>
public static class ReportFonts
{
    public const string SansFamily = "DejaVu Sans";

    private static readonly Lazy<SKTypeface> SansFace = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("DejaVuSans-Bold.ttf"));

    public static SKTypeface Sans => SansFace.Value;
    public static SKTypeface Bold => BoldFace.Value;

    private static readonly Lazy<bool> ScottPlotFonts = new(() =>
    {
        Fonts.AddFontFile(SansFamily, PathOf("DejaVuSans.ttf"));
        Fonts.AddFontFile(SansFamily, PathOf("DejaVuSans-Bold.ttf"), bold: true);
        Fonts.Default = SansFamily;
        return true;
    });

    /// <summary>ScottPlot looks fonts up by family name; without this it would ask a font manager that has none.</summary>
    public static void RegisterWithScottPlot() => _ = ScottPlotFonts.Value;

    /// <summary>Draws a plot as vectors into <paramref name="area"/> of a PDF page.</summary>
    public static void RenderOnto(SKCanvas canvas, SKRect area, Plot plot)
    {
        canvas.Save();
        canvas.Translate(area.Left, area.Top);
        plot.Render(canvas, (int)area.Width, (int)area.Height);
        canvas.Restore();
    }

    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Report", "Fonts", file);

    private static SKTypeface Load(string file) =>
        SKTypeface.FromFile(PathOf(file)) ?? throw new FileNotFoundException($"The report font {file} is missing next to gradinghost.", PathOf(file));
}
