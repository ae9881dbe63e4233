namespace GradingHost.Checks.Manifest;

/// <summary>examples/&lt;assignment&gt;/&lt;example&gt;/expected.yaml: what grading that example must give.</summary>
public sealed class ExampleExpectation
{
    public const string FileName = "expected.yaml";

    /// <summary>The items it must lose, and only those; empty for a correct solution, which must earn every point, extra credit included.</summary>
    public List<string> Loses { get; set; } = [];

    /// <summary>Words its feedback must contain; empty: not checked.</summary>
    public string Says { get; set; } = "";

    public static ExampleExpectation Load(string path) =>
        AssignmentManifest.Deserializer.Deserialize<ExampleExpectation>(File.ReadAllText(path)) ?? new ExampleExpectation();
}
