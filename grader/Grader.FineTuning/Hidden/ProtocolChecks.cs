using Xunit;

namespace GradingHost.Checks.FineTuning;

/// <summary>Q5's protocol: (b) trains the fresh model from scratch; (c) continues from the pretrained weights, with a lower learning rate and fewer steps than (b).</summary>
public sealed class ProtocolChecks
{
    /// <summary>The reference's fine-tuned weights keep a cosine of about 0.99 with the pretrained ones; weights initialised afresh have about 0.</summary>
    public const double SimilarityBar = 0.5;

    [Fact]
    public void TheFreshModelIsTrainedFromScratch()
    {
        var r = Experiment.Value;
        if (!(r.FromScratch < r.Untrained / 2))
            throw new StudentFeedback(
                $"The fresh model's Shakespeare dev perplexity is {r.FromScratch:0.###} after Run and was {r.Untrained:0.###} before it: (b) trains it on shakespeareTrain for the given steps at the given learning rate.");
    }

    [Fact]
    public void FineTuningUsesALowerLearningRateAndFewerSteps()
    {
        var result = Experiment.Value;
        var setup = Setup.For(SubmissionUnderTest.Profile);
        var (rate, steps) = (result.Reported[0], result.Reported[1]);
        if (!(rate > 0 && rate < setup.LearningRate))
            throw new StudentFeedback($"Run reported a fine-tuning learning rate of {rate:G4} with {setup.LearningRate:G4} for training from scratch; fine-tuning uses a lower one (and a positive one).");
        if (!(steps >= 1 && steps < setup.Steps && Math.Abs(steps - Math.Round(steps)) < 1e-9))
            throw new StudentFeedback($"Run reported {steps:G4} fine-tuning steps with {setup.Steps} for training from scratch; fine-tuning takes fewer (a whole number, at least 1).");
    }

    [Fact]
    public void FineTuningStartsFromThePretrainedWeights()
    {
        var similarity = Experiment.Value.Similarity;
        if (!(similarity >= SimilarityBar))
            throw new StudentFeedback(
                $"After Run, the fine-tuned model's weights have a cosine similarity of {similarity:0.###} with the pretrained weights it was given (fine-tuning keeps about 0.99; " +
                "new random weights give about 0). Fine-tune the pretrained model itself: do not re-initialise it or build a new one.");
    }
}
