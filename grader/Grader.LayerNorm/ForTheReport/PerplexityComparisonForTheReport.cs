using Course.Kit;
using GradingHost.Checks;
using Xunit;

namespace GradingHost.Checks.LayerNorm;

/// <summary>
/// Not a rubric check: the report's chart of dev perplexity with layer norm (the student's model, as the
/// training check trained it) and without (the attention assignment's reference, same profile and seed).
/// </summary>
public sealed class PerplexityComparisonForTheReport
{
    [Fact]
    public void RecordDevPerplexityWithAndWithoutLayerNorm()
    {
        var profile = SubmissionUnderTest.Profile;
        var with = ReferenceModel.Trained.Perplexity;
        var without = BaselineWithoutLayerNorm.DevPerplexity(profile, BrownCorpus.Instance);
        ReportArtifacts.Figure(new BarChart(
            $"Dev perplexity after {profile.Steps} steps ({profile.Name} profile)",
            "dev perplexity (lower is better)",
            ["without layer norm (Q1 reference)", "with layer norm (your model)"],
            [without, with],
            "Both models have the same size, data, seed and training loop; the only difference is the layer norm on each sub-layer's output."));
    }
}
