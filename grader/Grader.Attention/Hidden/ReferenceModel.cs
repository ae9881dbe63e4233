namespace GradingHost.Checks.Attention;

/// <summary>The instructors' implementation, which only the hidden checks (and never the public ones) may use.</summary>
public static class ReferenceModel
{
    public static Implementation Implementation { get; } =
        new(typeof(Homework.Attention.TinyLanguageModel).Assembly, Models.Namespace, "the reference");

    /// <summary>The reference assembly, which together with the kit and the data determines a trained checkpoint.</summary>
    public static System.Reflection.Assembly Assembly => typeof(Homework.Attention.TinyLanguageModel).Assembly;
}
