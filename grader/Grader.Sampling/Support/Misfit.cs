namespace GradingHost.Checks.Sampling;

/// <summary>How draws failed a goodness-of-fit test, as a sentence for the student.</summary>
/// <param name="DrawsDoNotVary">every draw was the same token: the fault is the randomness, so advice about the formula would mislead</param>
public sealed record Misfit(string Text, bool DrawsDoNotVary)
{
    /// <summary>The text, with <paramref name="advice"/> about the formula unless the randomness is at fault.</summary>
    public string With(string advice) => DrawsDoNotVary ? Text : $"{Text} {advice}";

    public override string ToString() => Text;
}
