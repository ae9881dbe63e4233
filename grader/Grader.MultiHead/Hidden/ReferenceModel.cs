namespace GradingHost.Checks.MultiHead;

/// <summary>The instructors' implementations, which only the hidden checks (and never the public ones) may use.</summary>
public static class ReferenceModel
{
    /// <summary>The multi-head reference: the assembly that holds Homework.MultiHead (and its copy of HW2 Q1's Mlp).</summary>
    public static System.Reflection.Assembly Assembly => typeof(Homework.MultiHead.TinyLanguageModel).Assembly;

    public static Implementation Implementation { get; } = new(Assembly, Models.Namespace, "the reference");

    public static Implementation Mlp { get; } = new(Assembly, Models.MlpNamespace, "the reference");

    /// <summary>
    /// HW2 Q1's single-head reference. Both reference assemblies define Homework.Attention.Mlp, so its
    /// types are only ever named by reflection, through this assembly.
    /// </summary>
    public static Implementation SingleHead { get; } = new(typeof(Homework.Attention.CausalSelfAttention).Assembly, "Homework.Attention", "the single-head reference");

    public const string SingleHeadAttention = "CausalSelfAttention";
}
