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
    public const string ChartsFile = "charts.json";
    public const string TablesFile = "tables.json";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The first layer's attention on a sample sentence, reference beside submission.</summary>
    public static void Attention(AttentionPattern pattern) => Write(AttentionFile, pattern);

    /// <summary>A figure the student should see as text, e.g. "Dev perplexity" → "10.6 (bar ≤ 12.3)".</summary>
    public static void Measurement(string name, string value) => Append(MeasurementsFile, new ReportMeasurement(name, value));

    /// <summary>A bar chart, e.g. dev perplexity with and without layer norm.</summary>
    public static void Chart(BarChart chart) => Append(ChartsFile, chart);

    /// <summary>A table of text, e.g. the student's generations per prompt.</summary>
    public static void Table(TextTable table) => Append(TablesFile, table);

    public static List<T> ReadList<T>(string directory, string fileName)
    {
        var path = Path.Combine(directory, fileName);
        return File.Exists(path) ? JsonSerializer.Deserialize<List<T>>(File.ReadAllText(path), Json) ?? [] : [];
    }

    private static void Append<T>(string fileName, T value)
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
