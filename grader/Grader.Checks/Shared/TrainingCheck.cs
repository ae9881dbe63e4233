using Course.Kit;
using GradingHost.Checks.Manifest;
using TorchSharp;
using static TorchSharp.torch;

namespace GradingHost.Checks;

/// <summary>
/// The student's whole model, trained with the course's training loop in the worker; every loss and
/// perplexity is computed here from the logits it returns. Seeded, so a submission gets the same verdict
/// on every run. Shared by the graders' "trains" items.
/// </summary>
public static class TrainingCheck
{
    /// <summary>A loss far below a character model's ~2.2 nats on real text shows the batch was memorised.</summary>
    public const double OverfitLossBar = 1.0;
    public const int OverfitSteps = 150;

    /// <param name="model">the model as the message names it, e.g. "4-head model"</param>
    /// <param name="initialisation">what a correct constructor sets, for the message</param>
    /// <param name="explained">what explains a NaN loss when another item charges its cause</param>
    public static void OverfitsOneBatch(Implementation submission, string languageModel, int heads, string model, string initialisation, EmptyAttentionRows? explained = null)
    {
        var profile = SubmissionUnderTest.Profile;
        var corpus = BrownCorpus.Instance;
        var config = profile.ModelConfig(corpus.Vocabulary.Size, heads);
        var module = submission.Create(languageModel, config, (long)profile.Seed);
        var (x, y) = corpus.Train.RandomBatch(4, profile.ContextLength, new Generator(profile.Seed));
        var before = Loss(module, x, y, corpus.Vocabulary.Size);
        module.Overfit(x, y, OverfitSteps, profile.LearningRate, model);
        var after = Loss(module, x, y, corpus.Vocabulary.Size);
        if (!double.IsFinite(after))
            throw NonFinite($"After {OverfitSteps} AdamW steps on one fixed batch your {model}'s loss is {after} (it started at {before:G4})",
                "Look for values that grow without bound (a missing scale, the initialisation) or a NaN produced in forward.", explained);
        if (!(after <= OverfitLossBar))
            throw new StudentFeedback(
                $"After {OverfitSteps} AdamW steps on one fixed batch your {model}'s loss is {after:G4} nats (it started at {before:G4}); " +
                $"a working model memorises the batch and gets below {OverfitLossBar}. Check that every parameter is registered and used, " +
                $"and that the weights start as the handout says ({initialisation}).");
    }

    /// <param name="label">the measurement's name in the report, e.g. "Dev perplexity after training (4 heads)"</param>
    /// <param name="advice">what to look at when the bar is missed</param>
    public static void ReachesTheDevPerplexityThreshold(TrainedSubmission trained, string label, string advice, EmptyAttentionRows? explained = null)
    {
        var profile = SubmissionUnderTest.Profile;
        var bar = ManifestLocation.ForThisGrader.DevPerplexityBar(profile.Name);
        var perplexity = trained.Perplexity;
        if (trained.NonFiniteLossAtStart is { } start)
        {
            ReportArtifacts.Measurement(label, $"not trained: the loss was {start} before any training (bar: ≤ {bar:0.###}, {profile.Name} profile)");
            throw NonFinite($"Before any training, your model's loss on a training batch is {start}, so it was not trained (every step would carry that into the weights)",
                "Look for a NaN produced in forward: a division by zero, a fully masked row, values that overflow.", explained);
        }
        ReportArtifacts.Measurement(label, $"{perplexity:0.###} (bar: ≤ {bar:0.###}, {profile.Name} profile)");
        ReportArtifacts.Measurement("Training", TrainedModels.Describe(profile));
        if (!double.IsFinite(perplexity))
            throw NonFinite($"After {profile.Steps} training steps ({profile.Name} profile) your model's dev perplexity is {perplexity}",
                "Look for a NaN produced in forward (a division by zero, a fully masked row) or values that grow without bound during training.", explained);
        if (!(perplexity <= bar))
            throw new StudentFeedback(
                $"After {profile.Steps} training steps ({profile.Name} profile) your model's dev perplexity is {perplexity:G4}; the bar is {bar:G4}. " +
                $"The model runs but does not learn well: {advice}");
    }

    /// <summary>A non-finite loss: a wrong answer when another item charges its cause, else code that did not work.</summary>
    private static Exception NonFinite(string seen, string advice, EmptyAttentionRows? explained) =>
        explained?.Explanation is { } cause
            ? new StudentFeedback($"{seen}: {cause}.")
            : new StudentCodeFailed($"{seen}: the model's outputs are not finite. {advice}");

    /// <summary>The language modelling loss of <paramref name="module"/> on one batch, after checking the logits' shape.</summary>
    internal static double Loss(ModuleUnderTest module, Tensor x, Tensor y, int vocabulary)
    {
        using var scope = NewDisposeScope();
        var logits = module.Forward(x, "language model");
        long[] expected = [x.shape[0], x.shape[1], vocabulary];
        if (!logits.shape.SequenceEqual(expected))
            throw new StudentFeedback($"For a batch {Shapes.Show(x.shape)} your language model returned logits of shape {Shapes.Show(logits.shape)}; expected {Shapes.Show(expected)}.");
        return LanguageModeling.Loss(logits, y).to(float64).item<double>();
    }
}
