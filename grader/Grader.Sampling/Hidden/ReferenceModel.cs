namespace GradingHost.Checks.Sampling;

/// <summary>The instructors' implementation, which only the hidden side (and never the public checks) may use.</summary>
public static class ReferenceModel
{
    /// <summary>The reference's attention code, for the report when the student's own language model cannot be trained.</summary>
    public static Implementation Attention { get; } =
        Implementation.Reference(typeof(Homework.Attention.TinyLanguageModel), Models.AttentionNamespace);
}
