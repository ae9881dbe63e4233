namespace GradingHost.Checks.Manifest;

/// <summary>A mutant of the reference that no check can tell apart from it, and why (grader/&lt;Grader&gt;/equivalent-mutants.yaml).</summary>
public sealed class EquivalentMutant
{
    public string Id { get; set; } = "";
    public string Why { get; set; } = "";
}
