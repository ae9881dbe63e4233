using System.Text.Json;

namespace GradingHost.Checks;

/// <summary>Data the checks leave for the feedback report (figures, measurements), as JSON files in the artifacts folder.</summary>
public static class ReportArtifacts
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static void Write<T>(string fileName, T value)
    {
        var directory = SubmissionUnderTest.ArtifactsDirectory;
        if (directory is null)
            return;
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, fileName), JsonSerializer.Serialize(value, Json));
    }
}
