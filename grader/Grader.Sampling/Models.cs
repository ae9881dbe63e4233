using GradingHost.Checks;

namespace GradingHost.Checks.Sampling;

/// <summary>The sampling assignment's API names, and the submission's implementation of it.</summary>
public static class Models
{
    public const string Namespace = "Homework.Sampling";
    public const string Sampler = "Sampler";
    public const string SampleWithTemperature = "SampleWithTemperature";
    public const string SampleNucleus = "SampleNucleus";
    public const string Generation = "Generation";
    public const string Generate = "Generate";

    /// <summary>The attention assignment's namespace: the report trains the student's own language model from it.</summary>
    public const string AttentionNamespace = "Homework.Attention";
    public const string LanguageModel = "TinyLanguageModel";

    public static SamplingApi Submission { get; } = new(SubmissionUnderTest.Assembly, "your submission");
}
