namespace GradingHost.Checks.Manifest;

/// <summary>
/// The manifest the checks grade by: the one the host names for the grading (so that a bar `gradinghost
/// calibrate` has just written is the bar the host and the checks both use), else the copy each grader
/// project puts next to its assembly (the students' public tests).
/// </summary>
public static class ManifestLocation
{
    public const string FileName = "assignment.yaml";

    /// <summary>The manifest's path, set by the host for each grading.</summary>
    public const string Variable = "GRADINGHOST_MANIFEST";

    private static readonly PerGrading<AssignmentManifest> Current = new(() => AssignmentManifest.Load(PathForThisGrader));

    /// <summary>Where the manifest the checks read is: the host's, or the copy beside the grader.</summary>
    public static string PathForThisGrader => Environment.GetEnvironmentVariable(Variable) ?? Path.Combine(AppContext.BaseDirectory, FileName);

    public static AssignmentManifest ForThisGrader => Current.Value;
}
