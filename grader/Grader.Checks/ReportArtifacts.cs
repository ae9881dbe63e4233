using System.Text.Json;

namespace GradingHost.Checks;

/// <summary>
/// Data the checks leave for the feedback report, as JSON files in the artifacts folder the host
/// names. Checks run one after another (-parallel none), so appending to a list file is safe.
/// </summary>
public static class ReportArtifacts
{
    public const string AttentionFile = "attention.json";
    public const string MeasurementsFile = "measurements.json";
    public const string FiguresFile = "figures.json";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The first layer's attention on a sample sentence, reference beside submission.</summary>
    public static void Attention(AttentionPattern pattern) => Write(AttentionFile, pattern);

    /// <summary>A figure the student should see as text, e.g. "Dev perplexity" → "10.6 (bar ≤ 12.3)".</summary>
    public static void Measurement(string name, string value) => Append(MeasurementsFile, new ReportMeasurement(name, value));

    /// <summary>A figure: a bar chart, a scatter plot or a table (<see cref="ReportFigure"/>), shown in the order recorded.</summary>
    public static void Figure(ReportFigure figure) => Append(FiguresFile, figure);

    /// <summary>The list in <paramref name="fileName"/>; empty when there is none or it cannot be read (a grading that stopped half-way).</summary>
    public static List<T> ReadList<T>(string directory, string fileName) where T : class =>
        ReadOne<List<T?>>(directory, fileName)?.OfType<T>().ToList() ?? [];

    /// <summary>The value in <paramref name="fileName"/>, or null when there is none or it cannot be read.</summary>
    public static T? ReadOne<T>(string directory, string fileName) where T : class
    {
        var path = Path.Combine(directory, fileName);
        try
        {
            return File.Exists(path) && new FileInfo(path).Length <= MaxArtifactBytes ? JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json) : null;
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
        {
            return null;
        }
    }

    private const long MaxArtifactBytes = 16 << 20;

    private static void Append<T>(string fileName, T value) where T : class
    {
        var directory = SubmissionUnderTest.ArtifactsDirectory;
        if (directory is null)
            return;
        var list = ReadList<T>(directory, fileName);
        list.Add(value);
        Write(fileName, list);
    }

    private static void Write<T>(string fileName, T value)
    {
        var directory = SubmissionUnderTest.ArtifactsDirectory;
        if (directory is null)
            return;
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, fileName), JsonSerializer.Serialize(value, Json));
    }
}
