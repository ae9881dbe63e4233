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

    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Report", "Fonts", file);

    private static SKTypeface Load(string file) =>
        SKTypeface.FromFile(PathOf(file)) ?? throw new FileNotFoundException($"The report font {file} is missing next to gradinghost.", PathOf(file));
}
