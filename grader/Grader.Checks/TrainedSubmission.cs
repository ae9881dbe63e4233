using Course.Kit;

namespace GradingHost.Checks;

/// <summary>
/// A submission's language model trained once with the profile, from the profile's seed, and its dev
/// perplexity: a grader's training check and its report share one instance, so a submission pays for
/// one training run. A model that starts exactly like the <paramref name="reference"/>'s is given the
/// reference's training (<see cref="TrainedModels.TrainSubmissionModel"/>), made once by this trusted
/// process for every such submission: a correct one is graded without a training of its own.
/// </summary>
/// <param name="reference">the instructors' implementation of the same model; hidden checks only</param>
public sealed class TrainedSubmission(Implementation submission, string languageModel, int heads, Implementation reference)
{
    private readonly PerGrading<(ModuleUnderTest Model, double Perplexity, double? LossAtStart)> _trained = new(() => Train(submission, languageModel, heads, reference));

    /// <remarks>Whatever the first attempt threw (not implemented, feedback) is thrown again to every caller.</remarks>
    public double Perplexity => _trained.Value.Perplexity;

    /// <summary>
    /// The loss on a training batch when it was not finite before any training; the model was then not trained
    /// (the first AdamW step would carry the NaN into every weight it touches) and <see cref="Perplexity"/> is NaN.
    /// </summary>
    public double? NonFiniteLossAtStart => _trained.Value.LossAtStart;

    /// <summary>The trained model, still in the worker.</summary>
    public ModuleUnderTest Model => _trained.Value.Model;

    private static (ModuleUnderTest, double, double?) Train(Implementation submission, string languageModel, int heads, Implementation reference)
    {
        var profile = SubmissionUnderTest.Profile;
        var corpus = BrownCorpus.Instance;
        var config = profile.ModelConfig(corpus.Vocabulary.Size, heads);
        var model = submission.Create(languageModel, config, (long)profile.Seed);
        var (x, y) = corpus.Train.RandomBatch(profile.BatchSize, profile.ContextLength, new TorchSharp.torch.Generator(profile.Seed + 2));
        var start = TrainingCheck.Loss(model, x, y, corpus.Vocabulary.Size);
        if (!double.IsFinite(start))
            return (model, double.NaN, start);
        TrainedModels.TrainSubmissionModel(model, profile, corpus, () => reference.Create(languageModel, config, (long)profile.Seed));
        return (model, Evaluation.Perplexity(model, corpus.Dev, profile.ContextLength, profile.EvalTokens, corpus.Vocabulary.Size, "trained language model"), null);
    }
}
