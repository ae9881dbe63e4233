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

    /// <summary>
    /// Nucleus sampling is extra credit (E1). Checks of Q4 properties that hold for both samplers (batch
    /// rows, the caller's generator) test SampleNucleus only once it exists beyond the starter's stub, so
    /// skipping E1 costs E1's items and nothing else.
    /// </summary>
    public static bool NucleusIsAttempted => Attempted.Value;

    private static readonly Lazy<bool> Attempted = new(() =>
    {
        try
        {
            Submission.RawNucleus(TorchSharp.torch.zeros(1, 2), 0.9, 1.0, null);
            return true;
        }
        catch (Exception e) when (e is NotImplementedException or StudentFeedback)
        {
            return false;
        }
        catch (Exception)
        {
            // It runs but throws: attempted, and the checks that call it say what went wrong.
            return true;
        }
    });
}
