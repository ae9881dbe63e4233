namespace GradingHost.Checks.Manifest;

/// <summary>
/// A known mistake, made by editing the reference: in <see cref="File"/> the text <see cref="Find"/>
/// (which must occur exactly once) becomes <see cref="Replace"/>. Graded, it must lose exactly the
/// items in <see cref="Loses"/>, keep every other point, and, where <see cref="Says"/> is given, tell the
/// student so: the feedback must contain that text.
/// </summary>
public sealed class FaultyVariant
{
    public string Id { get; set; } = "";
    public string Description { get; set; } = "";
    public string File { get; set; } = "";
    public string Find { get; set; } = "";
    public string Replace { get; set; } = "";
    public List<string> Loses { get; set; } = [];
    /// <summary>Words the feedback must contain, e.g. the module it names; empty: not checked.</summary>
    public string Says { get; set; } = "";
}
