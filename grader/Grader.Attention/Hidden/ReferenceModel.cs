namespace GradingHost.Checks.Attention;

/// <summary>The instructors' implementation, which only the hidden checks (and never the public ones) may use.</summary>
public static class ReferenceModel
{
    public static Implementation Implementation { get; } =
        Implementation.Reference(typeof(Homework.Attention.TinyLanguageModel), Models.Namespace);
}
