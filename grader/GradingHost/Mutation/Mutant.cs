namespace GradingHost.Mutation;

/// <summary>One automatic edit of a reference file: the text at [Start, Start + Length) becomes <see cref="Replacement"/>.</summary>
/// <param name="File">the file's path relative to the reference's folder</param>
/// <param name="Operator">the kind of edit, e.g. "arithmetic", "axis", "dropped call"</param>
/// <param name="Occurrence">1, or which of several identical edits on the same line this is</param>
public sealed record Mutant(string File, int Line, string Operator, string Original, string Replacement, int Start, int Length, int Occurrence = 1)
{
    /// <summary>Stable while the reference line stays as it is: what equivalent-mutants.yaml names.</summary>
    public string Id => $"{File}:{Line}: {Operator}: {Compact(Original)} => {Compact(Replacement)}" + (Occurrence > 1 ? $" #{Occurrence}" : "");

    public string Apply(string text) => text[..Start] + Replacement + text[(Start + Length)..];

    private static string Compact(string code) => string.Join(' ', code.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
