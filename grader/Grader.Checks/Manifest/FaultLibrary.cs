namespace GradingHost.Checks.Manifest;

/// <summary>grader/&lt;Grader&gt;/faults.yaml: the known-faulty variants of one assignment's reference.</summary>
public sealed class FaultLibrary
{
    public List<FaultyVariant> Faults { get; set; } = [];
}
