namespace GradingHost.Checks.Manifest;

/// <summary>Grader projects copy their assignment.yaml next to their assembly; this finds and loads it.</summary>
public static class ManifestLocation
{
    public const string FileName = "assignment.yaml";

    private static readonly Lazy<AssignmentManifest> Current = new(() =>
        AssignmentManifest.Load(Path.Combine(AppContext.BaseDirectory, FileName)));

    public static AssignmentManifest ForThisGrader => Current.Value;
}
