namespace GradingHost.Pipeline;

/// <summary>Step 2's result: an assembly to run, or the reasons there is none, phrased for the student.</summary>
/// <param name="BannedApiUses">a JSON file of the banned-API uses the compile step found, for the checks</param>
/// <param name="Failure">why there is no assembly, e.g. "does not compile"; empty on success</param>
public sealed record CompileOutcome(string? AssemblyPath, string? BannedApiUses, IReadOnlyList<string> Problems, string Failure = "")
{
    public bool Succeeded => AssemblyPath is not null;
}
