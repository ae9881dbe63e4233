using Course.Kit;
using TorchSharp;
using static TorchSharp.torch;

namespace GradingHost.Checks;

/// <summary>
/// A submission's language model trained once with the profile, from the profile's seed, and its dev
/// perplexity: a grader's training check and its report share one instance, so a submission pays for
/// one training run.
/// </summary>
public sealed class TrainedSubmission(Implementation submission, string languageModel, int heads)
{
    private readonly Lazy<double> _perplexity = new(() => Train(submission, languageModel, heads));

    /// <remarks>Whatever the first attempt threw (not implemented, feedback) is thrown again to every caller.</remarks>
    public double Perplexity => _perplexity.Value;

    private static double Train(Implementation submission, string languageModel, int heads)
    {
        var profile = SubmissionUnderTest.Profile;
        var corpus = BrownCorpus.Instance;
        manual_seed((long)profile.Seed);
        var model = submission.Create(languageModel, profile.ModelConfig(corpus.Vocabulary.Size, heads)).to(Devices.Best);
        Student.Run($"Training your model ({profile.Name} profile)", () => TrainedModels.TrainSubmissionModel(model, profile, corpus));
        return Student.Run("Evaluating your trained model on the dev split",
            () => LanguageModeling.Perplexity(model, corpus.Dev, profile.ContextLength, profile.EvalTokens));
    }
}
