using System.Reflection;

namespace GradingHost.Checks;

/// <summary>
/// Where the checks find the student's code. The host compiles a submission and names its assembly in
/// GRADINGHOST_SUBMISSION_ASSEMBLY; a student running the public checks locally has it as a
/// project reference instead, under its own assembly name.
/// </summary>
public static class SubmissionUnderTest
{
    public const string AssemblyVariable = "GRADINGHOST_SUBMISSION_ASSEMBLY";
    public const string SourcesVariable = "GRADINGHOST_SUBMISSION_SOURCES";
    public const string ProfileVariable = "GRADINGHOST_PROFILE";
    public const string ArtifactsVariable = "GRADINGHOST_ARTIFACTS";

    private static readonly Lazy<Assembly> Loaded = new(Load);

    public static Assembly Assembly => Loaded.Value;

    /// <summary>The submission's .cs files (for semantic analysis); null when the checks run without the host.</summary>
    public static string? SourceDirectory =>
        Environment.GetEnvironmentVariable(SourcesVariable)
        ?? EntryMetadata("SubmissionSources");

    public static Course.Kit.TrainingProfile Profile =>
        Course.Kit.TrainingProfile.Named(Environment.GetEnvironmentVariable(ProfileVariable) ?? "cpu");

    /// <summary>Where checks leave data for the feedback report; null when nobody asked for it.</summary>
    public static string? ArtifactsDirectory => Environment.GetEnvironmentVariable(ArtifactsVariable);

    private static Assembly Load()
    {
        var path = Environment.GetEnvironmentVariable(AssemblyVariable);
        if (!string.IsNullOrEmpty(path))
            return Assembly.LoadFrom(path);
        var name = EntryMetadata("SubmissionAssembly")
            ?? throw new InvalidOperationException($"Set {AssemblyVariable} to the compiled submission.");
        return Assembly.Load(new AssemblyName(name));
    }

    /// <summary>Set by a public-checks project (see starter/) that references the student's project directly.</summary>
    private static string? EntryMetadata(string key) =>
        Assembly.GetEntryAssembly()?.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == key)?.Value;
}
