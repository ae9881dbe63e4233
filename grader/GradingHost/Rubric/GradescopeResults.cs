using System.Text.Json;
using System.Text.Json.Serialization;

namespace GradingHost.Rubric;

/// <summary>Writes Gradescope's autograder results.json: one test per rubric item.</summary>
public static class GradescopeResults
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(GradeReport report, string path) =>
        File.WriteAllText(path, JsonSerializer.Serialize(ToDocument(report), Options));

    public static ResultsDocument ToDocument(GradeReport report) => new(
        Score: Math.Round(report.Score, 2),
        Output: report.Summary,
        Visibility: "visible",
        StdoutVisibility: "hidden",
        Tests: report.Items.Select((item, i) => new ResultsTest(
            Name: item.Label,
            Number: $"{i + 1}",
            Score: item.Earned,
            MaxScore: item.Possible,
            Status: item.Earned >= item.Possible ? "passed" : "failed",
            Output: item.Messages.Count == 0 ? "Passed." : string.Join("\n\n", item.Messages),
            Visibility: item.Visibility)).ToList());
}
