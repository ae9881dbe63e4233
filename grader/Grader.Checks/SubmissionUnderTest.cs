using System.Reflection;
using System.Text.Json;
using GradingHost.Protocol;
using GradingHost.Worker.Compiling;

namespace GradingHost.Checks;

/// <summary>
/// What the host tells the checks about the submission. Its code is reached only through
/// <see cref="WorkerConnection.ForSubmission"/>; a student running the public checks locally has their
/// project referenced directly instead (entry-assembly metadata names it).
/// </summary>
public static class SubmissionUnderTest
{
    public const string AssemblyVariable = "GRADINGHOST_SUBMISSION_ASSEMBLY";
    public const string SourcesVariable = "GRADINGHOST_SUBMISSION_SOURCES";
    public const string ProfileVariable = "GRADINGHOST_PROFILE";
    public const string ArtifactsVariable = "GRADINGHOST_ARTIFACTS";
    /// <summary>The banned-API uses the sandboxed compile step found (a JSON list of <see cref="ApiUse"/>), written by the host.</summary>
    public const string BannedApiUsesVariable = "GRADINGHOST_BANNED_API_USES";

    /// <summary>The submission's .cs files, read as bytes only (never parsed here); null when the checks run without the host.</summary>
    public static string? SourceDirectory =>
        Environment.GetEnvironmentVariable(SourcesVariable)
        ?? EntryMetadata("SubmissionSources");

    public static Course.Kit.TrainingProfile Profile =>
        Course.Kit.TrainingProfile.Named(Environment.GetEnvironmentVariable(ProfileVariable) ?? "cpu");

    /// <summary>Where checks leave data for the feedback report; null when nobody asked for it.</summary>
    public static string? ArtifactsDirectory => Environment.GetEnvironmentVariable(ArtifactsVariable);

    /// <summary>
    /// Uses of <paramref name="banned"/> in the submission: from the host's sandboxed compile step, or, in
    /// the public tests on the student's own machine, by analysing their sources here.
    /// </summary>
    public static IReadOnlyList<ApiUse> BannedApiUses(IReadOnlyCollection<string> banned)
    {
        if (Environment.GetEnvironmentVariable(BannedApiUsesVariable) is { } path)
            return (JsonSerializer.Deserialize<List<ApiUse>>(File.ReadAllText(path)) ?? []).Where(u => banned.Contains(u.Listed)).ToList();
        var sources = SourceDirectory ?? throw new InvalidOperationException($"Set {BannedApiUsesVariable} to the compile step's findings.");
        return ApiUsageScanner.Find(SubmissionCompilation.Create(sources, "BannedApiScan"), banned);
    }

    /// <summary>Set by a public-checks project (see starter/) that references the student's project directly.</summary>
    public static string? EntryMetadata(string key) =>
        Assembly.GetEntryAssembly()?.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == key)?.Value;
}
