using Course.Kit;
using GradingHost.Checks;
using TorchSharp;
using static GradingHost.Checks.LayerNorm.Models;
using static TorchSharp.torch;

namespace GradingHost.Checks.LayerNorm;

/// <summary>
/// The submission's language model trained once with the profile, shared by the training check and the
/// report's comparison, so that a submission pays for one training run.
/// </summary>
public static class TrainedSubmission
{
    private static readonly Lazy<(double Perplexity, TimeSpan Training)> Trained = new(Train);

    /// <remarks>Whatever the first attempt threw (not implemented, feedback) is thrown again to every caller.</remarks>
    public static (double Perplexity, TimeSpan Training) Result => Trained.Value;

    private static (double Perplexity, TimeSpan Training) Train()
    {
        var profile = SubmissionUnderTest.Profile;
        var corpus = BrownCorpus.Instance;
        manual_seed((long)profile.Seed);
        var model = Submission.Create(LanguageModel, profile.ModelConfig(corpus.Vocabulary.Size, heads: 1)).to(Devices.Best);
        var started = DateTime.UtcNow;
        Student.Run($"Training your model ({profile.Name} profile)", () => Trainer.Train(model, corpus.Train, profile, new Generator(profile.Seed)));
        var training = DateTime.UtcNow - started;
        var perplexity = Student.Run("Evaluating your trained model on the dev split",
            () => LanguageModeling.Perplexity(model, corpus.Dev, profile.ContextLength, profile.EvalTokens));
        return (perplexity, training);
    }
}
