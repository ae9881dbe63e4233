using Course.Kit;
using GradingHost.Checks;
using Xunit;

namespace GradingHost.Checks.MultiHead;

/// <summary>
/// Not a rubric check: the report's single- vs multi-head comparison, kept out of the training check so
/// that nothing the report needs (the baseline's training, its cache) can cost the student points.
/// </summary>
public sealed class HeadCountForTheReport
{
    [Fact]
    public void RecordSingleVersusMultiHeadPerplexity() =>
        HeadCountChart.Record(ReferenceModel.Trained.Perplexity, SubmissionUnderTest.Profile, BrownCorpus.Instance);
}
