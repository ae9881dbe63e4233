namespace GradingHost.Checks.Manifest;

/// <summary>grader/&lt;Grader&gt;/equivalent-mutants.yaml: the mutants `gradinghost mutate` must not report again.</summary>
public sealed class EquivalentMutants
{
    public const string FileName = "equivalent-mutants.yaml";

    public List<EquivalentMutant> Equivalent { get; set; } = [];

    public static EquivalentMutants Load(string path) =>
        File.Exists(path)
            ? AssignmentManifest.Deserializer.Deserialize<EquivalentMutants>(File.ReadAllText(path)) ?? new()
            : new();
}
