using Xunit;

namespace GradingHost.Checks.FineTuning;

/// <summary>The perplexities Run reports for Q5 (a)–(c) are those of the dev split, as the grader measures them from the same models.</summary>
public sealed class EvaluationChecks
{
    public const double Tolerance = 1e-3;

    /// <summary>Equal within the tolerance; the same infinity counts as equal (a model that diverged, measured as it is).</summary>
    public static bool Same(double reported, double measured) =>
        reported.Equals(measured) || Math.Abs(reported - measured) <= Tolerance * Math.Abs(measured);

    [Fact]
    public void ReportedShakespearePerplexitiesAreDevPerplexities()
    {
        var r = Experiment.Value;
        (string What, double Reported, double Measured)[] rows =
        [
            ("(a) the pretrained model before fine-tuning", r.Reported[2], r.Unadapted),
            ("(b) the model trained from scratch", r.Reported[3], r.FromScratch),
            ("(c) the fine-tuned model", r.Reported[4], r.FineTuned),
        ];
        foreach (var (what, reported, measured) in rows)
            if (!Same(reported, measured))
                throw new StudentFeedback(
                    $"Run reported a Shakespeare perplexity of {reported:0.####} for {what}; the grader measures {measured:0.####} on the dev split it passed (shakespeareDev). " +
                    (reported < measured ? "A lower figure usually means evaluation on the training split: evaluate on shakespeareDev. " : "") +
                    "Measure each model after its own training, with your Perplexity.");
    }
}
