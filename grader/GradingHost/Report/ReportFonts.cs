using SkiaSharp;

namespace GradingHost.Report;

/// <summary>
/// The DejaVu fonts shipped in <c>Report/Fonts</c> next to the host (the csproj copies them there).
/// They are loaded from files, never by family name: the host runs where there may be no fonts and
/// no fontconfig, and the PDF embeds whatever typeface drew its text. Only the two sans faces are
/// used: this SkiaSharp build embeds each font whole (about 350 KB compressed), so a monospace face
/// would add as much again to every report.
/// </summary>
internal static class ReportFonts
{
    /// <summary>
    /// The name ScottPlot knows our fonts by. It is deliberately not "DejaVu Sans": ScottPlot asks the
    /// system for a font before its registered resolvers, and an installed DejaVu could differ from ours.
    /// </summary>
    public const string PlotFamily = "GradingHost Report Sans";

    private static readonly Lazy<SKTypeface> SansFace = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("DejaVuSans-Bold.ttf"));
    private static readonly Lazy<bool> RegisteredWithScottPlot = new(RegisterWithScottPlot);

    public static SKTypeface Sans => SansFace.Value;
    public static SKTypeface Bold => BoldFace.Value;

    /// <summary>Makes <see cref="PlotFamily"/> resolve to our typefaces in ScottPlot; safe to call repeatedly.</summary>
    public static void UseInScottPlot() => _ = RegisteredWithScottPlot.Value;

    private static bool RegisterWithScottPlot()
    {
        ScottPlot.Fonts.FontResolvers.Add(new ReportFontResolver());
        // Labels we do not name a font for (the colour bar's, say) take the default when they are
        // created; the system default here may be an empty typeface that draws nothing.
        ScottPlot.Fonts.Default = PlotFamily;
        return true;
    }

    private static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Report", "Fonts", file);

    private static SKTypeface Load(string file) =>
        SKTypeface.FromFile(PathOf(file))
        ?? throw new FileNotFoundException($"The report font {file} is missing; the build copies it to Report/Fonts next to the host.", PathOf(file));
}
