using Course.Kit;
using TorchSharp;
using GradingHost.Checks;
using GradingHost.Checks.Manifest;
using Xunit;
using static GradingHost.Checks.Attention.Models;
using static TorchSharp.torch;

namespace GradingHost.Checks.Attention;

/// <summary>
/// The student's whole model, trained with the course's training loop. Both checks are seeded, so a
/// submission gets the same verdict on every run.
/// </summary>
public sealed class TrainingChecks
{
    /// <summary>A loss far below a character model's ~2.2 nats on real text shows the batch was memorised.</summary>
    public const double OverfitLossBar = 1.0;
    public const int OverfitSteps = 150;

    [Fact]
    public void OverfitsOneBatch()
    {
        var (profile, corpus, model) = FreshModel();
        var (x, y) = corpus.Train.RandomBatch(4, profile.ContextLength, new Generator(profile.Seed));
        var losses = Student.Run("Training your model on one fixed batch", () => Trainer.Overfit(model, x, y, OverfitSteps, profile.LearningRate));
        if (!(losses[^1] <= OverfitLossBar))
            throw new StudentFeedback(
                $"After {OverfitSteps} AdamW steps on one fixed batch your model's loss is {losses[^1]:G4} nats (it started at {losses[0]:G4}); " +
                $"a working model memorises the batch and gets below {OverfitLossBar}. Check that every parameter is registered and used, " +
                "and that the weights start small (the handout's initialisation: normal with std InitStd, biases zero).");
    }

    [Fact]
    public void ReachesTheDevPerplexityThreshold()
    {
        var profile = SubmissionUnderTest.Profile;
        var bar = ManifestLocation.ForThisGrader.Perplexity[profile.Name].Bar;
        var perplexity = Trained.Perplexity;
        ReportArtifacts.Measurement("Dev perplexity after training", $"{perplexity:0.###} (bar: ≤ {bar:0.###}, {profile.Name} profile)");
        ReportArtifacts.Measurement("Training", TrainedModels.Describe(profile));
        if (!(perplexity <= bar))
            throw new StudentFeedback(
                $"After {profile.Steps} training steps ({profile.Name} profile) your model's dev perplexity is {perplexity:G4}; the bar is {bar:G4}. " +
                "The model runs but does not learn well: look at the initialisation and at anything that blocks information flow (a missing residual, a wrong mask, a detached tensor).");
    }

    /// <summary>The student's model at the profile's size, initialised from the profile's seed.</summary>
    private static (TrainingProfile Profile, BrownCorpus Corpus, nn.Module<Tensor, Tensor> Model) FreshModel()
    {
        var profile = SubmissionUnderTest.Profile;
        var corpus = BrownCorpus.Instance;
        manual_seed((long)profile.Seed);
        return (profile, corpus, Submission.Create(LanguageModel, profile.ModelConfig(corpus.Vocabulary.Size, heads: 1)).to(Devices.Best));
    }
}
