using Xunit;

namespace GradingHost.Checks.FineTuning;

/// <summary>Q6: the general corpus's dev perplexity measured before and after fine-tuning, as the grader measures it from the same model.</summary>
public sealed class ForgettingChecks
{
    [Fact]
    public void ReportedBrownPerplexitiesAreBeforeAndAfterFineTuning()
    {
        var r = Experiment.Value;
        (string When, double Reported, double Measured)[] rows = [("before", r.Reported[5], r.BrownBefore), ("after", r.Reported[6], r.BrownAfter)];
        foreach (var (when, reported, measured) in rows)
            if (!EvaluationChecks.Same(reported, measured))
                throw new StudentFeedback(
                    $"Run reported a Brown dev perplexity of {reported:0.####} {when} fine-tuning; the grader measures {measured:0.####} for the model {when} fine-tuning. " +
                    "Measure brownDev with the pretrained model before fine-tuning and with the same model after it.");
    }
}
