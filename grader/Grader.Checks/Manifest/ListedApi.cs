namespace GradingHost.Checks.Manifest;

/// <summary>A namespace, type or member, by full name, and why it is listed (shown to the student).</summary>
public sealed class ListedApi
{
    public string Api { get; set; } = "";
    public string Why { get; set; } = "";
}
