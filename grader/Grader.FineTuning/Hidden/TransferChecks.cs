using Xunit;

namespace GradingHost.Checks.FineTuning;

/// <summary>Q5's finding, measured by the grader on Shakespeare's dev split: pretraining pays off.</summary>
public sealed class TransferChecks
{
    [Fact]
    public void FineTunedBeatsTrainingFromScratch()
    {
        var r = Experiment.Value;
        if (!(r.FineTuned < r.FromScratch))
            throw new StudentFeedback(
                $"On Shakespeare dev the fine-tuned model's perplexity is {r.FineTuned:0.###} and the model trained from scratch has {r.FromScratch:0.###}: starting from a model that already knows English should win with fewer steps. " +
                "Check that fine-tuning trains the pretrained model and that its learning rate is lower but not negligible.");
    }

    [Fact]
    public void FineTunedBeatsTheUnadaptedModel()
    {
        var r = Experiment.Value;
        if (!(r.FineTuned < r.Unadapted))
            throw new StudentFeedback(
                $"On Shakespeare dev the fine-tuned model's perplexity is {r.FineTuned:0.###}, no better than the pretrained model before fine-tuning ({r.Unadapted:0.###}): fine-tuning should adapt it to the new domain.");
    }
}
