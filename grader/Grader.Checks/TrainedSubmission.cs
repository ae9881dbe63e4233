using Course.Kit;

namespace GradingHost.Checks;

/// <summary>
/// A submission's language model trained once with the profile, from the profile's seed, and its dev
/// perplexity: a grader's training check and its report share one instance, so a submission pays for
/// one training run.
/// </summary>
public sealed class TrainedSubmission(Implementation submission, string languageModel, int heads)
{
    private readonly Lazy<(ModuleUnderTest Model, double Perplexity)> _trained = new(() => Train(submission, languageModel, heads));

    /// <remarks>Whatever the first attempt threw (not implemented, feedback) is thrown again to every caller.</remarks>
    public double Perplexity => _trained.Value.Perplexity;

    /// <summary>The trained model, still in the worker.</summary>
    public ModuleUnderTest Model => _trained.Value.Model;

    private static (ModuleUnderTest, double) Train(Implementation submission, string languageModel, int heads)
    {
        var profile = SubmissionUnderTest.Profile;
        var corpus = BrownCorpus.Instance;
        var model = submission.Create(languageModel, profile.ModelConfig(corpus.Vocabulary.Size, heads), (long)profile.Seed);
        TrainedModels.TrainSubmissionModel(model, profile, corpus);
        return (model, Evaluation.Perplexity(model, corpus.Dev, profile.ContextLength, profile.EvalTokens, corpus.Vocabulary.Size, "trained language model"));
    }
}
