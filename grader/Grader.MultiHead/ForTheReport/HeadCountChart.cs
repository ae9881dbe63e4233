using Course.Kit;
using GradingHost.Checks;
using static GradingHost.Checks.MultiHead.Models;

namespace GradingHost.Checks.MultiHead;

/// <summary>
/// The homework's comparison: single-head vs multi-head dev perplexity under the same training profile.
/// The multi-head figure is the student's own, from the training check; the single-head one is HW2 Q1's reference.
/// </summary>
public static class HeadCountChart
{
    public static void Record(double multiHeadPerplexity, TrainingProfile profile, BrownCorpus corpus)
    {
        var singleHead = SingleHeadBaseline.DevPerplexity(profile, corpus);
        ReportArtifacts.Measurement("Dev perplexity of the single-head reference (HW2 Q1)", $"{singleHead:0.###} ({profile.Name} profile)");
        ReportArtifacts.Figure(new BarChart(
            $"Single- vs multi-head attention ({profile.Name} profile: {profile.Layers} layers, d = {profile.Width}, {profile.Steps} steps)",
            "dev perplexity (lower is better)",
            ["1 head (HW2 Q1 reference)", $"{TrainingHeads} heads (your model)"],
            [singleHead, multiHeadPerplexity],
            $"Same width, depth, data, seed and training steps; only the number of heads differs. Each of your {TrainingHeads} heads attends in d/{TrainingHeads} = {profile.Width / TrainingHeads} features."));
    }
}
