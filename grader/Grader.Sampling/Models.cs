using GradingHost.Checks;
using GradingHost.Protocol;

namespace GradingHost.Checks.Sampling;

/// <summary>The sampling assignment's API names, and the submission's implementation of it (the seam: <see cref="Submission"/>).</summary>
public static class Models
{
    public const string Namespace = "Homework.Sampling";
    public const string SampleWithTemperature = "SampleWithTemperature";
    public const string SampleNucleus = "SampleNucleus";
    public const string Generate = "Generate";

    /// <summary>The attention assignment's namespace: the report trains the student's own language model from it.</summary>
    public const string AttentionNamespace = "Homework.Attention";
    public const string LanguageModel = "TinyLanguageModel";

    /// <summary>The submission's code in the sandboxed worker.</summary>
    public static Implementation Code { get; } = Implementation.Submission(Namespace);

    public static SamplingApi Submission { get; } = new(Code);

    /// <summary>
    /// Nucleus sampling is extra credit (E1). Checks of Q4 properties that hold for both samplers (batch
    /// rows, the caller's generator) test SampleNucleus only once it exists beyond the starter's stub, so
    /// skipping E1 costs E1's items and nothing else.
    /// </summary>
    public static bool NucleusIsAttempted => Attempted.Value;

    private static readonly PerGrading<bool> Attempted = new(() =>
    {
        try
        {
            Submission.Draw(Submission.Nucleus(0.9, 1.0, Argument.None), [[0.0, 0.0]], 1);
            return true;
        }
        catch (NotImplementedException)
        {
            return false;
        }
        catch (Exception e) when (e is StudentFeedback or StudentCodeFailed)
        {
            // It runs but throws or returns something wrong: attempted, and the checks that call it say what went wrong. A missing method is not an attempt.
            return (e as StudentCodeFailed)?.Fault?.Kind != FaultKind.Contract;
        }
    });
}
